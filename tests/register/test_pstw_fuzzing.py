"""The PSTW import fed generated malformed files: every file is imported whole or refused with
a PstwError naming the file (and the row and field where one is to blame), never another
exception, and a refusal leaves the register as it was."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radslag.register.models import UseCase
from radslag.register.pstw import ID, REQUIRED_COLUMNS, PstwError, import_pstw
from tests.malformed import FUZZ, cells, csv_files
from tests.register.conftest import pstw_rows, write_pstw

pytestmark = pytest.mark.django_db

HEADER, ROWS = pstw_rows()
# Three real rows of the catalogue, one of them Swedish and municipal, as the damage's base.
SAMPLE = [ROWS[0], next(row for row in ROWS if row[ID] == "PSTW-1043"), ROWS[-1]]
RIGHT_VALUES = sorted({value for row in ROWS[:200] for value in row.values() if len(value) < 40})
CELL_VALUES = st.one_of(
    st.sampled_from(RIGHT_VALUES),
    st.sampled_from(
        ["PSTW-", "PSTW-1043", "PSTW-" + "9" * 80, "1999", "2101", "31/02/2024", "x" * 5000, "\x00"]
    ),
    cells,
)


@st.composite
def damaged_catalogues(draw: st.DrawFn) -> bytes:
    """The real header and rows with columns left out, renamed or repeated, cells changed,
    rows ragged or cut short, ids repeated, as UTF-8 with or without a byte-order mark."""
    header = list(HEADER)
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(header) - 1))
        header[position] = draw(st.sampled_from(["", header[0], "Name ", *REQUIRED_COLUMNS[:3]]))
    rows: list[list[str]] = [header]
    for _ in range(draw(st.integers(0, 4))):
        row = [draw(st.sampled_from(SAMPLE)).get(name.strip(), "") for name in HEADER]
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.integers(0, len(row) - 1))] = draw(CELL_VALUES)
        rows.append(row[: draw(st.integers(0, len(row) + 2))] + draw(st.lists(cells, max_size=2)))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    text = buffer.getvalue()
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))
    return prefix + text.encode("utf-8", errors="surrogatepass")


def register_state() -> tuple[object, ...]:
    through = UseCase.participants.through
    return (
        sorted(UseCase.objects.values_list("pk", "source_id", "title", "stage", "updated_at")),
        sorted(through.objects.values_list("usecase_id", "municipality_id")),
    )


def import_or_refuse(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    before = register_state()
    try:
        import_pstw(path)
    except PstwError as refusal:
        refused = str(refusal)
    else:
        return
    assert refused.startswith(str(path)), refused
    if ", row " in refused and "field" in refused:
        assert refused.split("field ", 1)[1].strip()
    assert register_state() == before


@FUZZ
@given(content=st.one_of(st.binary(max_size=600), csv_files(HEADER)))
def test_any_bytes_or_broken_csv_are_refused_naming_the_file(
    content: bytes, tmp_path: Path
) -> None:
    import_or_refuse(tmp_path / "pstw.csv", content)


@FUZZ
@given(content=damaged_catalogues())
def test_a_damaged_catalogue_is_imported_whole_or_refused_by_row_and_field(
    content: bytes, tmp_path: Path
) -> None:
    import_or_refuse(tmp_path / "pstw.csv", content)


@pytest.mark.parametrize(
    ("column", "value", "refusal"),
    [
        (ID, "PSTW-" + "9" * 80, r"row \d+, field 'PSTW ID': 'PSTW-9+' is not a PSTW id"),
        (ID, "PSTW-١٢", r"row \d+, field 'PSTW ID': 'PSTW-١٢' is not a PSTW id"),
        ("Name", "Lai\x00ban", r"line \d+: a NUL byte"),
        ("Description", "Tal\x00 till text", r"line \d+: a NUL byte"),
    ],
)
def test_an_overlong_or_non_ascii_id_and_a_nul_are_refused_on_every_engine(
    column: str, value: str, refusal: str, tmp_path: Path
) -> None:
    # Found by the fuzzing above on PostgreSQL: an id past the register's 50 characters and
    # a NUL in any text raised DataError at the first write; SQLite had stored both. An id of
    # Arabic-Indic digits passed the id pattern's Unicode \d.
    def damage(row: dict[str, str]) -> None:
        if row[ID] == "PSTW-1043":
            row[column] = value

    path = write_pstw(tmp_path / "pstw.csv", edit=damage)
    before = register_state()

    with pytest.raises(PstwError, match=refusal):
        import_pstw(path)
    assert register_state() == before
