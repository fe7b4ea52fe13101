"""One reader for every table Rådslag takes in: an Excel workbook or a CSV file, within bounds.

Uploads through the pages and imports from the command line read their files here, so every
one of them handles the same things the same way: Excel's workbook checked before it is
unpacked (:mod:`radslag.core.workbooks`), CSV in UTF-8 with or without a byte-order mark or in
Windows-1252 as Swedish Excel saves it, with ``;``, ``,`` or tab between the cells, a text that
Rådslag's own exports protected from spreadsheet formulas read back as it was written, blank
rows counted against the row limit, and a time budget. What the rows mean is the caller's
business; :func:`municipality_code` is for the column nearly every table has.
"""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from radslag.core.spreadsheets import restore
from radslag.core.workbooks import (
    SECONDS,
    WorkbookLimitError,
    bounded_rows,
    check_archive,
    too_many_rows,
    too_slow,
)

_ZIP_MAGIC = b"PK\x03\x04"
_MUNICIPALITY_CODE = re.compile(r"^\d{3,4}$", re.ASCII)
# Text never holds control characters other than tab and line breaks; binary files do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class TableError(Exception):
    """The file as a whole cannot be read; the message says why, in the user's language."""


class MissingSheetError(TableError):
    """The workbook has no sheet of the name asked for; ``found`` lists the sheets it has."""

    def __init__(self, message: str, found: Sequence[str]) -> None:
        super().__init__(message)
        self.found = tuple(found)


@dataclass(frozen=True)
class Table:
    """The header row and the non-empty rows below it, each with its row number as a
    spreadsheet program shows it (the header's number is the ``header_row`` asked for)."""

    header: list[object]
    rows: list[tuple[int, list[object]]]


def cell_text(value: object) -> str:
    """A cell as text: nothing for an empty cell, ``114`` for Excel's 114.0, no padding."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\xa0", " ").strip()


def is_empty(cells: Sequence[object]) -> bool:
    return all(cell_text(cell) == "" for cell in cells)


def municipality_code(value: object) -> str | None:
    """The four-digit municipality code a cell holds; None if it holds none.

    Excel stores 0114 as the number 114 and CSV editors drop the zero too: it is put back.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    text = cell_text(value)
    return text.zfill(4) if _MUNICIPALITY_CODE.match(text) else None


def extension_of(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def read_table(
    filename: str,
    data: bytes,
    *,
    max_rows: int,
    sheet: str | None = None,
    header_row: int = 1,
) -> Table:
    """The table in ``data``: an Excel workbook if ``filename`` ends in .xlsx, else CSV.

    ``sheet`` names the workbook's sheet (the first by default); ``header_row`` is the row of
    the column names, rows above it are skipped. At most ``max_rows`` rows below the header
    are read, blank ones included.

    Raises
    ------
    MissingSheetError
        If the workbook has no sheet named ``sheet``.
    TableError
        If the file cannot be read, is empty, has more rows or takes longer than allowed.
    """
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise TableError(_("Filen är tom."))
    allowed = max_rows + header_row
    if extension_of(filename) == ".xlsx":
        # One row more than allowed, so the message below (rows of data) is the one shown.
        rows = _xlsx_rows(data, sheet, allowed + 1)
    else:
        rows = _csv_rows(data)
    header: list[object] | None = None
    table: list[tuple[int, list[object]]] = []
    deadline = time.monotonic() + SECONDS
    try:
        for number, cells in enumerate(rows, start=1):
            if number > allowed:
                raise TableError(too_many_rows(max_rows))
            if time.monotonic() > deadline:
                raise TableError(too_slow(SECONDS))
            if number < header_row:
                continue
            if header is None:
                header = list(cells)
            elif not is_empty(cells):
                table.append((number, list(cells)))
    finally:
        rows.close()
    if header is None or (is_empty(header) and not table):
        raise TableError(_("Filen är tom."))
    return Table(header, table)


def _unreadable_xlsx() -> TableError:
    return TableError(
        _(
            "Filen går inte att läsa som en Excel-fil (.xlsx). Öppna den i Excel, spara den som "
            "Excel-arbetsbok och försök igen."
        )
    )


def _unreadable_csv() -> TableError:
    return TableError(
        _(
            "Filen går inte att läsa som en CSV-fil. Spara den i Excel som ”CSV UTF-8 "
            "(kommaavgränsad)” eller som Excel-arbetsbok (.xlsx) och försök igen."
        )
    )


def _xlsx_rows(
    data: bytes, sheet_name: str | None, max_rows: int
) -> Generator[Sequence[object], None, None]:
    try:
        check_archive(data)
    except WorkbookLimitError as limit:
        raise TableError(str(limit)) from None
    # openpyxl raises many kinds of errors on a broken or foreign file (zip, XML, key and
    # value errors); whichever it is, the user is told the file cannot be read.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise _unreadable_xlsx() from None
    try:
        if not workbook.worksheets:
            raise _unreadable_xlsx()
        if sheet_name is not None and sheet_name not in workbook.sheetnames:
            raise MissingSheetError(
                _("Arbetsboken har inget blad som heter ”%(sheet)s”.") % {"sheet": sheet_name},
                workbook.sheetnames,
            )
        sheet: Any = workbook[sheet_name] if sheet_name else workbook.worksheets[0]
        try:
            yield from bounded_rows(sheet, max_rows)
        except WorkbookLimitError as limit:
            raise TableError(str(limit)) from None
        except Exception:
            raise _unreadable_xlsx() from None
    finally:
        workbook.close()


def decode_csv(data: bytes) -> str:
    """UTF-8 with or without a byte-order mark, or else Windows-1252 as Swedish Excel saves."""
    if data.startswith(_ZIP_MAGIC):
        raise TableError(
            _(
                "Filen är en Excel-arbetsbok men har ändelsen .csv. Ge den ändelsen .xlsx, eller "
                "spara den som CSV, och försök igen."
            )
        )
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _unreadable_csv() from None
    if _CONTROL.search(text):
        raise _unreadable_csv()
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: ``;`` (Swedish Excel), ``,`` or a tab."""
    header = text.split("\n", 1)[0]
    return max((";", ",", "\t"), key=header.count)


def _csv_rows(data: bytes) -> Generator[Sequence[object], None, None]:
    text = decode_csv(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        # Rådslag writes a text that could pass for a formula with a leading apostrophe; a
        # file it wrote reads back as it was.
        for row in reader:
            yield [restore(cell) for cell in row]
    except csv.Error:
        raise _unreadable_csv() from None
