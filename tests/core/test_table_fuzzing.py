"""The one table reader fed malformed files: it reads a table or refuses with a TableError and
a message, and never raises anything else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from radslag.core.tables import Table, TableError, read_table
from tests.malformed import FUZZ, broken_workbooks, csv_files, table_files, workbook

HEADER = ["kommunkod", "namn", "värde"]
ROW = ["0180", "Stockholm", 1.5]


def read_or_refuse(filename: str, data: bytes, **options: object) -> Table | TableError:
    """The table, or the refusal, which must say why; any other exception fails the test."""
    try:
        return read_table(filename, data, max_rows=20, **options)  # type: ignore[arg-type]
    except TableError as refusal:
        refused = refusal
    assert str(refused).strip(), "a refusal must say why"
    return refused


@FUZZ
@given(file=table_files(HEADER, ROW))
def test_any_file_is_read_or_refused_with_a_message(file: tuple[str, bytes]) -> None:
    result = read_or_refuse(*file)

    if isinstance(result, Table):
        assert all(number > 1 for number, _cells in result.rows)


@FUZZ
@given(data=broken_workbooks([HEADER, ROW]), sheet=st.sampled_from([None, "Blad1", "Sheet"]))
def test_a_broken_workbook_is_refused_or_read_whatever_sheet_is_asked_for(
    data: bytes, sheet: str | None
) -> None:
    read_or_refuse("fil.xlsx", data, sheet=sheet)


@FUZZ
@given(data=csv_files(HEADER), header_row=st.integers(1, 4))
def test_a_broken_csv_is_refused_or_read_from_any_header_row(data: bytes, header_row: int) -> None:
    result = read_or_refuse("fil.csv", data, header_row=header_row)

    if isinstance(result, Table):
        assert len(result.rows) <= 20
        assert all(number > header_row for number, _cells in result.rows)


def test_a_workbook_claiming_a_zip_version_python_lacks_is_refused_as_unreadable() -> None:
    # Found by the fuzzing above: zipfile raised NotImplementedError ("zip file version 9.5")
    # past the reader's checks, a 500 on the upload page.
    data = bytearray(workbook([HEADER, ROW]))
    directory = data.index(b"PK\x01\x02")
    data[directory + 6 : directory + 8] = (95).to_bytes(2, "little")

    refusal = read_or_refuse("fil.xlsx", bytes(data))

    assert isinstance(refusal, TableError)
    assert "Excel-fil (.xlsx)" in str(refusal)
