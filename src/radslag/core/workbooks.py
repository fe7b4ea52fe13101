"""Reading Excel workbooks within bounds, whatever the file says about itself.

An .xlsx file is a zip archive of XML. A small file can declare a sheet of a million rows by
16 384 columns, or unpack to gigabytes. So: the archive's entry count and uncompressed sizes
are checked before anything is parsed; a sheet's declared dimensions are ignored (openpyxl
would otherwise pad every row to the declared width and the sheet to the declared height);
columns past the last one any Rådslag file uses are not read; every row, blank or not, counts
against the caller's row limit; and reading stops when it has taken longer than a time
budget. Each refusal says which limit was hit.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _

MAX_ENTRIES = 1000
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
# Real spreadsheets compress text about ten to one; a bomb compresses a thousand to one.
MAX_RATIO = 200
MAX_COLUMNS = 50
SECONDS = 10.0


class WorkbookLimitError(Exception):
    """The file exceeds a limit; the message names it, in the user's language."""


def check_archive(data: bytes) -> None:
    """Refuse an archive too large when unpacked, with too many entries, or packed like a
    zip bomb, before any of it is parsed. A file that is no zip archive is left to the
    reader, which says it cannot read it."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    # A damaged directory can claim a zip version Python does not implement (found by
    # tests/core/test_table_fuzzing.py); that file is as unreadable as any other.
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError):
        return
    if len(entries) > MAX_ENTRIES:
        raise WorkbookLimitError(
            _("Filen innehåller %(count)s delar; en arbetsbok får ha högst %(max)s.")
            % {"count": len(entries), "max": MAX_ENTRIES}
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNCOMPRESSED_BYTES:
        raise WorkbookLimitError(
            _("Filen blir %(size)s MB uppackad; en arbetsbok får bli högst %(max)s MB.")
            % {
                "size": f"{unpacked / 1024 / 1024:.0f}",
                "max": MAX_UNCOMPRESSED_BYTES // 1024 // 1024,
            }
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise WorkbookLimitError(
                _(
                    "Filen är packad mer än %(ratio)s gånger, vilket ingen vanlig arbetsbok är. "
                    "Spara den på nytt i Excel och försök igen."
                )
                % {"ratio": MAX_RATIO}
            )


def bounded_rows(
    sheet: Any, max_rows: int, max_columns: int = MAX_COLUMNS, seconds: float = SECONDS
) -> Iterator[Sequence[object]]:
    """The values of a read-only sheet's rows, at most ``max_rows`` of them (blank rows
    count) and ``max_columns`` wide, within ``seconds``."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    deadline = time.monotonic() + seconds
    for number, row in enumerate(sheet.iter_rows(max_col=max_columns, values_only=True), 1):
        if number > max_rows:
            raise WorkbookLimitError(too_many_rows(max_rows))
        if time.monotonic() > deadline:
            raise WorkbookLimitError(too_slow(seconds))
        # Cut the padding to max_columns, so a row is as wide as its last value.
        width = len(row)
        while width and row[width - 1] is None:
            width -= 1
        yield row[:width]


def too_many_rows(max_rows: int) -> str:
    return _(
        "Filen har fler än %(max)s rader, tomma rader medräknade. Ta bort tomma rader eller "
        "dela upp den i flera filer."
    ) % {"max": f"{max_rows:,}".replace(",", "\u00a0")}


def too_slow(seconds: float) -> str:
    return _(
        "Filen tog längre än %(seconds)s sekunder att läsa och lästes inte färdigt. Dela upp "
        "den i mindre filer."
    ) % {"seconds": f"{seconds:.0f}"}
