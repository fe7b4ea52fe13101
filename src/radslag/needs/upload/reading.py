"""Reading an uploaded file: its type and size, then its rows of cells, Excel or CSV."""

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

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = (".xlsx", ".csv")
HEADER_ROW = 1

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_SEPARATORS = re.compile(r"[\s\-_]+")
_ZIP_MAGIC = b"PK\x03\x04"
# Text never holds control characters other than tab and line breaks; binary files do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; ``row`` is None for the file as a whole."""

    row: int | None
    column: str
    message: str


class UploadFileError(Exception):
    """The file as a whole cannot be read; the message says why, in the user's language."""


def fold(value: str) -> str:
    return value.strip().lower().translate(_FOLD)


def column_key(header: object) -> str:
    """``" Verksamhetsområde "`` → ``"verksamhetsomrade"``; ``"Stödjande kommuner"`` too."""
    return _SEPARATORS.sub("_", fold(cell_text(header))).strip("_")


def choice_key(value: str) -> str:
    return " ".join(_SEPARATORS.sub(" ", fold(value)).split())


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\xa0", " ").strip()


def is_empty(cells: Sequence[object]) -> bool:
    return all(cell_text(cell) == "" for cell in cells)


def extension_of(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def check_file(filename: str, size: int) -> list[Problem]:
    """Problems visible before the file is read: its type and its size."""
    problems: list[Problem] = []
    if extension_of(filename) not in EXTENSIONS:
        problems.append(
            Problem(
                None,
                "",
                _(
                    "Filen %(filename)s är varken en Excel-fil (.xlsx) eller en CSV-fil (.csv). "
                    "Spara den i ett av de formaten och försök igen."
                )
                % {"filename": filename},
            )
        )
    if size > MAX_BYTES:
        problems.append(
            Problem(
                None,
                "",
                _("Filen är %(size)s MB men får vara högst %(max)s MB. Dela upp den i flera filer.")
                % {"size": f"{size / 1024 / 1024:.1f}", "max": MAX_BYTES // 1024 // 1024},
            )
        )
    elif size == 0:
        problems.append(Problem(None, "", _("Filen är tom.")))
    return problems


def _unreadable_xlsx() -> UploadFileError:
    return UploadFileError(
        _(
            "Filen går inte att läsa som en Excel-fil (.xlsx). Öppna den i Excel, spara den som "
            "Excel-arbetsbok och försök igen."
        )
    )


def _unreadable_csv() -> UploadFileError:
    return UploadFileError(
        _(
            "Filen går inte att läsa som en CSV-fil. Spara den i Excel som ”CSV UTF-8 "
            "(kommaavgränsad)” eller som Excel-arbetsbok (.xlsx) och försök igen."
        )
    )


def _xlsx_rows(data: bytes) -> Generator[Sequence[object], None, None]:
    try:
        check_archive(data)
    except WorkbookLimitError as limit:
        raise UploadFileError(str(limit)) from None
    # openpyxl raises many kinds of errors on a broken or foreign file (zip, XML, key and
    # value errors); whichever it is, the user is told the file cannot be read.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise _unreadable_xlsx() from None
    try:
        if not workbook.worksheets:
            raise _unreadable_xlsx()
        sheet: Any = workbook.worksheets[0]
        try:
            # One row more than read_table allows, so its message (data rows) is the one shown.
            yield from bounded_rows(sheet, MAX_ROWS + HEADER_ROW + 1)
        except WorkbookLimitError as limit:
            raise UploadFileError(str(limit)) from None
        except Exception:
            raise _unreadable_xlsx() from None
    finally:
        workbook.close()


def decode_csv(data: bytes) -> str:
    """UTF-8 with or without a byte-order mark, or else Windows-1252 as Swedish Excel saves."""
    if data.startswith(_ZIP_MAGIC):
        raise UploadFileError(
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


def rows_text(count: int) -> str:
    """5000 → "5 000", with a no-break space as Swedish writes thousands."""
    return f"{count:,}".replace(",", "\u00a0")


def read_table(filename: str, data: bytes) -> tuple[list[object], list[tuple[int, list[object]]]]:
    """The header row and the non-empty rows below it with their spreadsheet row numbers.

    Raises
    ------
    UploadFileError
        If the file cannot be read, is empty or has more than ``MAX_ROWS`` rows.
    """
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise UploadFileError(_("Filen är tom."))
    rows = _xlsx_rows(data) if extension_of(filename) == ".xlsx" else _csv_rows(data)
    header: list[object] | None = None
    table: list[tuple[int, list[object]]] = []
    deadline = time.monotonic() + SECONDS
    try:
        for number, cells in enumerate(rows, start=HEADER_ROW):
            # Blank rows count too: a million of them would otherwise be read for nothing.
            if number > MAX_ROWS + HEADER_ROW:
                raise UploadFileError(too_many_rows(MAX_ROWS))
            if time.monotonic() > deadline:
                raise UploadFileError(too_slow(SECONDS))
            if header is None:
                header = list(cells)
            elif not is_empty(cells):
                table.append((number, list(cells)))
    finally:
        rows.close()
    if header is None or (is_empty(header) and not table):
        raise UploadFileError(_("Filen är tom."))
    return header, table
