"""Importing Public Sector Tech Watch: mapping, idempotency, updates and refusing bad files."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from radslag.core import text_limits
from radslag.register.choices import Level, Publication, Source, Stage, Technique
from radslag.register.models import UseCase
from radslag.register.pstw import DEFAULT_FILE, PstwError, import_pstw
from radslag.register.pstw_mapping import municipalities_named, municipality_index
from radslag.register.tasks import embedding_tasks
from tests.register.conftest import Row, pstw_rows, slice_size, write_pstw

pytestmark = pytest.mark.django_db


def pstw(source_id: str) -> UseCase:
    return UseCase.objects.get(source=Source.PSTW, source_id=source_id)


def test_the_shipped_file_is_the_november_2025_release_with_a_byte_order_mark() -> None:
    raw = DEFAULT_FILE.read_bytes()
    header, rows = pstw_rows()

    assert raw.startswith(b"\xef\xbb\xbf")
    assert " Status" in header
    assert len(rows) == 2007


def test_it_loads_all_2007_cases_and_a_second_run_changes_nothing() -> None:
    first = import_pstw()
    before = dict(UseCase.objects.values_list("pk", "updated_at"))

    second = import_pstw()

    assert UseCase.objects.filter(source=Source.PSTW).count() == 2007
    assert first.rows == 2007
    assert first.created == 2007 - slice_size()
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2007)
    assert dict(UseCase.objects.values_list("pk", "updated_at")) == before


def test_it_maps_a_swedish_municipal_case_and_links_its_municipality() -> None:
    case = pstw("PSTW-1043")  # LAIban, Helsingborg

    assert case.organisation_id == "1283"
    assert case.organisation_name == "Helsingborg Municipality"
    assert case.country == "SE"
    assert case.level == Level.LOCAL
    assert case.stage == Stage.IN_PRODUCTION
    assert case.technique == Technique.LANGUAGE_MODEL
    assert case.status == Publication.PUBLISHED
    assert case.source_licence == "CC BY 4.0"
    assert case.start_date is not None
    assert case.dates_are_years


def test_a_shared_solution_links_every_municipality_it_names() -> None:
    case = pstw("PSTW-2179")  # Svea: Kungsbacka, Tjörn, Göteborg and three regions

    assert case.organisation_id == "1384"
    assert sorted(m.name for m in case.participants.all()) == ["Göteborg", "Tjörn"]


def test_only_local_government_cases_are_linked_to_a_municipality() -> None:
    assert pstw("PSTW-553").organisation is None  # Linköping University
    assert pstw("PSTW-132").organisation is None  # hospitals in six cities


def test_municipality_names_are_matched_without_diacritics_and_in_english() -> None:
    index = municipality_index([("0780", "Växjö"), ("1480", "Göteborg"), ("0139", "Upplands-Bro")])

    assert municipalities_named("Vaxjo Kommun", index) == ["0780"]
    assert municipalities_named("City of Gothenburg", index) == ["1480"]
    assert municipalities_named("Municipality of Upplands-Bro", index) == ["0139"]
    assert municipalities_named("Go:teborg&co", index) == []


def test_it_maps_cofog_status_benefits_and_dates() -> None:
    case = pstw("PSTW-182")  # early school leavers in Kungsbacka

    assert case.cofog == "09"
    assert case.cofog_group == "Pre-primary and primary education."
    assert case.area == "skola"
    assert case.stage == Stage.PILOT
    assert case.technique == Technique.FORECASTING
    assert case.benefits == ["effektiv-forvaltning", "resurshushallning", "processkvalitet"]
    assert case.start_date == date(2020, 1, 1)
    assert case.end_date is None
    assert case.source_updated == date(2025, 3, 19)
    assert case.source_url.startswith("https://ai-watch.ec.europa.eu/news/")
    assert 100 < len(case.summary) <= 300


def test_a_later_release_updates_the_rows_that_changed(tmp_path: Path) -> None:
    def rename(row: Row) -> None:
        if row["PSTW ID"] == "PSTW-1043":
            row["Name"] = "LAIban 2"
            row[" Status"] = "Not in use"

    path = write_pstw(tmp_path / "next.csv", edit=rename)

    summary = import_pstw(path)

    assert (summary.created, summary.updated) == (0, 1)
    case = pstw("PSTW-1043")
    assert (case.title, case.stage) == ("LAIban 2", Stage.RETIRED)


def test_a_description_longer_than_the_registers_limit_is_cut_at_a_sentence(
    tmp_path: Path,
) -> None:
    def lengthen(row: Row) -> None:
        if row["PSTW ID"] == "PSTW-1043":
            row["Description"] = "Kameran räknar besökare i parken. " * 200

    import_pstw(write_pstw(tmp_path / "long.csv", edit=lengthen))

    case = pstw("PSTW-1043")
    assert text_limits.DESCRIPTION // 2 <= len(case.description) <= text_limits.DESCRIPTION
    assert case.description.endswith("i parken.")
    case.full_clean()


def test_a_later_release_keeps_what_a_person_added(tmp_path: Path) -> None:
    case = pstw("PSTW-1043")
    case.risk_class = "transparens"
    case.aiact_answers = {"interagerar": True}
    case.save()

    import_pstw(write_pstw(tmp_path / "again.csv"))

    assert pstw("PSTW-1043").risk_class == "transparens"


def test_a_missing_column_names_the_file_and_column_and_imports_nothing(tmp_path: Path) -> None:
    header, _ = pstw_rows()
    path = write_pstw(tmp_path / "bad.csv", header=[h for h in header if h != " Status"])
    before = UseCase.objects.count()

    with pytest.raises(PstwError, match=r"bad\.csv, row 1: missing column\(s\) 'Status'"):
        import_pstw(path)
    assert UseCase.objects.count() == before


def test_a_file_that_is_not_utf8_names_the_line_and_imports_nothing(tmp_path: Path) -> None:
    raw = write_pstw(tmp_path / "good.csv", keep=lambda i, row: i < 30).read_bytes()
    second_line = raw.index(b"\n") + 1
    path = tmp_path / "latin1.csv"
    path.write_bytes(raw[:second_line] + "Öland".encode("latin-1") + raw[second_line:])
    before = UseCase.objects.count()

    with pytest.raises(PstwError, match=r"latin1\.csv, line 2: not UTF-8"):
        import_pstw(path)
    assert UseCase.objects.count() == before


def test_a_bad_value_names_the_row_and_field_and_imports_nothing(tmp_path: Path) -> None:
    def break_row(row: Row) -> None:
        if row["PSTW ID"] == "PSTW-2179":
            row["Start Year"] = "next year"

    path = write_pstw(tmp_path / "year.csv", keep=lambda i, row: True, edit=break_row)
    before = UseCase.objects.count()

    with pytest.raises(PstwError, match=r"year\.csv, row \d+, field 'Start Year': 'next year'"):
        import_pstw(path)
    assert UseCase.objects.count() == before


def test_a_repeated_pstw_id_is_refused(tmp_path: Path) -> None:
    def same_id(row: Row) -> None:
        row["PSTW ID"] = "PSTW-1"

    path = write_pstw(tmp_path / "twice.csv", keep=lambda i, row: i < 2, edit=same_id)

    with pytest.raises(PstwError, match="PSTW-1 repeats row 2"):
        import_pstw(path)


def test_an_unknown_status_is_refused(tmp_path: Path) -> None:
    def odd_status(row: Row) -> None:
        row[" Status"] = "Dreaming"

    path = write_pstw(tmp_path / "status.csv", keep=lambda i, row: i < 2, edit=odd_status)

    with pytest.raises(PstwError, match=r"field 'Status': unknown value 'Dreaming'"):
        import_pstw(path)


def test_the_command_reports_attribution_and_queues_the_embedding(tmp_path: Path) -> None:
    def rename(row: Row) -> None:
        row["Name"] = row["Name"] + " (ny)"

    # Rows 0–2: the first is in the imported slice and changes, the others are new.
    path = write_pstw(tmp_path / "cmd.csv", keep=lambda i, row: i < 3, edit=rename)
    out = StringIO()

    call_command("import_pstw", str(path), stdout=out)

    assert "3 cases: 2 new, 1 updated, 0 unchanged" in out.getvalue()
    assert "Källa: Public Sector Tech Watch, Europeiska kommissionen, CC BY 4.0" in out.getvalue()
    assert embedding_tasks().count() == 1


def test_the_command_turns_a_bad_file_into_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="file not found"):
        call_command("import_pstw", str(tmp_path / "missing.csv"), stdout=StringIO())
