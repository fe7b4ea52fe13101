"""Writing CSV and Excel files that are safe to open, in two dialects.

Safety: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read by spreadsheet programs as a formula (a use-case title ``=HYPERLINK(…)`` would become a
working link in every downloader's sheet). Such a text is written with a leading apostrophe,
which the programs show as text; a text that itself begins with an apostrophe gets one more, so
that :func:`restore` gives back exactly what was written, and Rådslag's own readers use it.
In Excel files, text is written as text cells, never as formulas.

Dialects: ``MACHINE`` is the open-data CSV (comma, decimal point, UTF-8) for programs;
``SWEDISH_EXCEL`` opens as columns in Excel with Swedish settings (semicolon, decimal comma,
UTF-8 with a byte-order mark, CRLF).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet will show it as text, never run it as a formula."""
    if text and (text[0] in FORMULA_TRIGGERS or text[0] == ESCAPE):
        return ESCAPE + text
    return text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: ``restore(neutralise(s)) == s`` for every string."""
    return text[1:] if text.startswith(ESCAPE) else text


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    decimal: str
    byte_order_mark: bool
    line_end: str


MACHINE = Dialect(delimiter=",", decimal=".", byte_order_mark=False, line_end="\n")
SWEDISH_EXCEL = Dialect(delimiter=";", decimal=",", byte_order_mark=True, line_end="\r\n")


def csv_value(value: object, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)  # True/False, as the published CSV has always written them
    if isinstance(value, int | float):
        return str(value).replace(".", dialect.decimal)
    return neutralise(str(value))


def number(value: float | None, decimals: int = 0) -> float | int | None:
    """A figure rounded for a file; whole numbers stay whole."""
    if value is None:
        return None
    return round(value) if decimals == 0 else round(value, decimals)


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]], dialect: Dialect) -> str:
    buffer = io.StringIO()
    if dialect.byte_order_mark:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator=dialect.line_end)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_value(value, dialect) for value in row])
    return buffer.getvalue()


def text_cell(sheet: Any, value: object) -> object:
    """A value for ``sheet.append``: strings as text cells (never formulas), others as they are."""
    if not isinstance(value, str):
        return value
    # Excel cannot hold control characters, and some imported descriptions carry them.
    clean = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell: Any = (
        WriteOnlyCell(sheet, clean)
        if isinstance(sheet, WriteOnlyWorksheet)
        else Cell(sheet, row=None, column=None, value=clean)  # type: ignore[arg-type]
    )
    # Set after the value: openpyxl guesses "f" (formula) for a text that begins with "=".
    cell.data_type = "s"
    return cell
