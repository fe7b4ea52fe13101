"""Uploading many needs at once from an Excel workbook (.xlsx) or a CSV file, all or nothing.

The template has one row per submission under a header row with the columns

``typ``
    ``behov``, ``strategisk fråga`` or ``hinder``: the code or the Swedish (or English) label,
    in any case.
``rubrik``
    The title, at most 200 characters.
``beskrivning``
    The text.
``verksamhetsomrade``
    The :class:`~radslag.core.areas.Area`: its code or its label, in any case.
``kommunkod``
    The submitting municipality's four-digit code. Excel drops the leading zero of 0180 and
    stores the number 180; a number or three digits is read as the code with the zero put back.
``stodjande_kommuner`` (optional)
    The codes of co-signing municipalities, separated by commas, semicolons or spaces.

Header names are compared trimmed, case-insensitively and with å/ä/ö folded, so
``Verksamhetsområde`` and ``stödjande kommuner`` are found too; other columns are ignored.
Row numbers are the ones the spreadsheet shows: the header is row 1, the first data row row 2.
Completely empty rows are skipped.

The work is split in the order it happens: :mod:`.reading` turns the bytes into rows of cells,
:mod:`.checking` checks them without touching the database (it gets the known municipality
codes and returns the rows and every problem found), :mod:`.storing` asks about the rows that
duplicate submissions already made and then stores every row in one transaction, and
:mod:`.template` makes the templates to fill in.
"""

from radslag.core.tables import decode_csv, municipality_code, sniff_delimiter
from radslag.needs.upload.checking import (
    AREA,
    COLUMNS,
    KIND,
    MUNICIPALITY,
    REQUIRED_COLUMNS,
    SUPPORTERS,
    TEXT,
    TITLE,
    NeedRow,
    ParsedUpload,
    check_row,
    check_rows,
    parse_upload,
)
from radslag.needs.upload.reading import (
    MAX_BYTES,
    MAX_ROWS,
    Problem,
    UploadFileError,
    check_file,
    column_key,
    read_table,
    rows_text,
)
from radslag.needs.upload.storing import (
    NEW,
    DuplicateRow,
    UploadResult,
    decide,
    find_duplicates,
    import_needs,
    store,
)
from radslag.needs.upload.template import (
    COLUMN_HELP,
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    Column,
    template_csv,
    template_workbook,
)

__all__ = [
    "AREA",
    "COLUMNS",
    "COLUMN_HELP",
    "CSV_CONTENT_TYPE",
    "KIND",
    "MAX_BYTES",
    "MAX_ROWS",
    "MUNICIPALITY",
    "NEW",
    "REQUIRED_COLUMNS",
    "SUPPORTERS",
    "TEXT",
    "TITLE",
    "XLSX_CONTENT_TYPE",
    "Column",
    "DuplicateRow",
    "NeedRow",
    "ParsedUpload",
    "Problem",
    "UploadFileError",
    "UploadResult",
    "check_file",
    "check_row",
    "check_rows",
    "column_key",
    "decide",
    "decode_csv",
    "find_duplicates",
    "import_needs",
    "municipality_code",
    "parse_upload",
    "read_table",
    "rows_text",
    "sniff_delimiter",
    "store",
    "template_csv",
    "template_workbook",
]
