"""Files for spreadsheets: no formula in any cell, every string back as written."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from radslag.core.spreadsheets import (
    MACHINE,
    SWEDISH_EXCEL,
    neutralise,
    restore,
    text_cell,
    write_csv,
)


@given(st.text())
def test_any_string_neutralised_and_restored_is_the_same_string(text: str) -> None:
    assert restore(neutralise(text)) == text


@given(st.text())
def test_no_neutralised_string_begins_like_a_formula(text: str) -> None:
    assert not neutralise(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_hyperlink_title_is_written_as_text_in_csv() -> None:
    written = write_csv(["titel"], [['=HYPERLINK("http://x","klicka")']], MACHINE)

    row = list(csv.reader(io.StringIO(written)))[1]

    assert row == ['\'=HYPERLINK("http://x","klicka")']


def test_the_swedish_excel_dialect_uses_semicolons_decimal_commas_and_a_byte_order_mark() -> None:
    written = write_csv(["kommun", "invånare per km²"], [["Kil", 31.5], ["Mora", 7]], SWEDISH_EXCEL)

    assert written.startswith("\ufeff")
    assert "\r\n" in written
    rows = list(csv.reader(io.StringIO(written.lstrip("\ufeff")), delimiter=";"))
    assert rows == [["kommun", "invånare per km²"], ["Kil", "31,5"], ["Mora", "7"]]


@given(st.lists(st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"])), max_size=5))
def test_no_cell_of_a_workbook_is_a_formula_and_text_reads_back_as_written(
    texts: list[str],
) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append([text_cell(sheet, text) for text in texts])
    buffer = io.BytesIO()
    workbook.save(buffer)

    cells = list(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    values = [cell.value for row in cells for cell in row]

    assert all(cell.data_type != "f" for row in cells for cell in row)
    assert [value or "" for value in values] == texts[: len(values)]
