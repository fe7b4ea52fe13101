"""Reading an uploaded file: its type and size, then its rows of cells through core's reader."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from radslag.core import tables
from radslag.core.tables import TableError as UploadFileError
from radslag.core.tables import cell_text, extension_of, is_empty

__all__ = ["UploadFileError", "cell_text", "extension_of", "is_empty"]

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = (".xlsx", ".csv")
HEADER_ROW = 1

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_SEPARATORS = re.compile(r"[\s\-_]+")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; ``row`` is None for the file as a whole."""

    row: int | None
    column: str
    message: str


def fold(value: str) -> str:
    return value.strip().lower().translate(_FOLD)


def column_key(header: object) -> str:
    """``" Verksamhetsområde "`` → ``"verksamhetsomrade"``; ``"Stödjande kommuner"`` too."""
    return _SEPARATORS.sub("_", fold(cell_text(header))).strip("_")


def choice_key(value: str) -> str:
    return " ".join(_SEPARATORS.sub(" ", fold(value)).split())


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
    table = tables.read_table(filename, data, max_rows=MAX_ROWS, header_row=HEADER_ROW)
    return table.header, table.rows
