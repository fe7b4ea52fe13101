"""``radslag load-reference``: the shipped municipalities, counties and Kolada figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from radslag.municipalities.models import KPI, County, KeyFigure, Municipality
from radslag.municipalities.reference import DATA_DIR, ReferenceDataError, load_reference

pytestmark = pytest.mark.django_db


def test_it_holds_all_290_municipalities_and_21_counties() -> None:
    assert Municipality.objects.count() == 290
    assert County.objects.count() == 21


def test_it_is_idempotent_when_run_twice() -> None:
    figures = KeyFigure.objects.count()

    call_command("load_reference", verbosity=0)
    call_command("load_reference", verbosity=0)

    assert Municipality.objects.count() == 290
    assert KeyFigure.objects.count() == figures


@pytest.mark.parametrize(
    ("code", "population"),
    [("0180", 984_748), ("1480", 596_841), ("1283", 150_975), ("2062", 20_679), ("1715", 12_115)],
)
def test_it_has_kolada_population_for_2022(code: str, population: int) -> None:
    assert (
        KeyFigure.objects.get(municipality_id=code, kpi_id="N01951", year=2022).value == population
    )


def test_it_uses_the_short_name_and_sets_land_area() -> None:
    stockholm = Municipality.objects.get(code="0180")
    assert stockholm.name == "Stockholm"
    assert stockholm.land_area_km2 == pytest.approx(187.21)
    assert Municipality.objects.get(code="1480").land_area_km2 == pytest.approx(447.84)


def test_it_derives_each_kpis_unit_from_its_title() -> None:
    assert KPI.objects.get(id="N01951").unit == "antal"
    assert KPI.objects.get(id="N03067").unit == "kr/inv"


def test_it_keeps_a_figure_that_came_from_the_live_api() -> None:
    figure = KeyFigure.objects.get(municipality_id="0180", kpi_id="N01951", year=2022)
    figure.value, figure.source = 984_749, "Kolada (RKA), API v3"
    figure.save()

    load_reference()

    assert KeyFigure.objects.get(pk=figure.pk).value == 984_749


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("boundaries"))
    return target


def test_it_names_a_missing_file_and_changes_nothing(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "geo" / "counties.csv").unlink()
    Municipality.objects.filter(code="0180").update(name="Changed")

    with pytest.raises(ReferenceDataError, match=r"counties\.csv: file is missing"):
        load_reference(data)
    assert Municipality.objects.get(code="0180").name == "Changed"


def test_it_names_file_row_and_field_of_a_code_that_is_not_four_digits(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "geo" / "municipalities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("0117", "117", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(
        ReferenceDataError,
        match=r"municipalities\.csv, row 4, field municipality_code: invalid value '117'",
    ):
        load_reference(data)


def test_it_rolls_back_everything_when_a_late_file_is_corrupt(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    corrupt = data / "kolada" / "ddf--datapoints--u15011--by--geo--year.csv"
    corrupt.write_bytes(corrupt.read_bytes() + b"0180,2023,\xff\xfe\n")
    KeyFigure.objects.all().delete()

    with pytest.raises(ReferenceDataError, match=r"u15011--by--geo--year\.csv: not UTF-8"):
        load_reference(data)
    assert KeyFigure.objects.count() == 0


def test_it_names_a_value_that_is_not_a_number(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "kolada" / "ddf--datapoints--n01951--by--geo--year.csv"
    path.write_text(path.read_text(encoding="utf-8") + "0180,2023,many\n", encoding="utf-8")

    with pytest.raises(
        ReferenceDataError, match=r"row \d+: year '2023' or value 'many' is not a number"
    ):
        load_reference(data)
