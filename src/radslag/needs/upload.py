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
    The :class:`~radslag.register.areas.Area`: its code or its label, in any case.
``kommunkod``
    The submitting municipality's four-digit code. Excel drops the leading zero of 0180 and
    stores the number 180; a number or three digits is read as the code with the zero put back.
``stodjande_kommuner`` (optional)
    The codes of co-signing municipalities, separated by commas, semicolons or spaces.

Header names are compared trimmed, case-insensitively and with å/ä/ö folded, so
``Verksamhetsområde`` and ``stödjande kommuner`` are found too; other columns are ignored.
Row numbers are the ones the spreadsheet shows: the header is row 1, the first data row row 2.
Completely empty rows are skipped.

Reading and checking (:func:`parse_upload`) touch no database: they get the known municipality
codes and return the rows and every problem found. :func:`import_needs` reads the codes, checks
the whole file and stores nothing unless there is no problem at all; then every row is
submitted (with its submitter's and co-signers' support) in one transaction.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import submit
from radslag.register.areas import Area

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
MAX_TITLE_LENGTH = Need._meta.get_field("title").max_length or 200
EXTENSIONS = (".xlsx", ".csv")
HEADER_ROW = 1

KIND, TITLE, TEXT, AREA, MUNICIPALITY, SUPPORTERS = (
    "typ",
    "rubrik",
    "beskrivning",
    "verksamhetsomrade",
    "kommunkod",
    "stodjande_kommuner",
)
REQUIRED_COLUMNS = (KIND, TITLE, TEXT, AREA, MUNICIPALITY)
COLUMNS = (*REQUIRED_COLUMNS, SUPPORTERS)

DATA_SHEET = "Behov"
INSTRUCTIONS_SHEET = "Instruktioner"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_SEPARATORS = re.compile(r"[\s\-_]+")
_CODE = re.compile(r"^\d{3,4}$", re.ASCII)
_CODE_LIST = re.compile(r"[,;\s]+")
_ZIP_MAGIC = b"PK\x03\x04"
# Text never holds control characters other than tab and line breaks; binary files do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Column:
    """One column of the template, as the upload page and the instructions sheet describe it."""

    name: str
    required: bool
    description: Promise
    example: str | Promise


COLUMN_HELP = (
    Column(
        KIND,
        True,
        gettext_lazy("Behov, strategisk fråga eller hinder."),
        Need.Kind.NEED.value,
    ),
    Column(
        TITLE,
        True,
        gettext_lazy("En kort rubrik, högst 200 tecken."),
        gettext_lazy("Taligenkänning i hemtjänsten"),
    ),
    Column(
        TEXT,
        True,
        gettext_lazy("Beskriv behovet, frågan eller hindret och vad ni vill uppnå."),
        gettext_lazy(
            "Vi vill att personalen ska kunna dokumentera med rösten och få mer tid med brukarna."
        ),
    ),
    Column(
        AREA,
        True,
        gettext_lazy("Verksamhetsområdets namn eller kod, se listan över tillåtna värden."),
        Area.ELDERLY_CARE.label,
    ),
    Column(
        MUNICIPALITY,
        True,
        gettext_lazy("Kommunkoden för kommunen som lämnar in: fyra siffror, till exempel 0180."),
        "0180",
    ),
    Column(
        SUPPORTERS,
        False,
        gettext_lazy(
            "Frivillig. Kommunkoder för andra kommuner som står bakom, åtskilda med komma, "
            "semikolon eller mellanslag."
        ),
        "1480; 1280",
    ),
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; ``row`` is None for the file as a whole."""

    row: int | None
    column: str
    message: str


@dataclass(frozen=True)
class NeedRow:
    """One checked row, ready to be stored."""

    row: int
    kind: str
    title: str
    text: str
    area: str
    municipality: str
    supporters: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedUpload:
    filename: str
    rows: list[NeedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class UploadResult:
    filename: str
    needs: list[Need] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """The heading of the error list, such as "behov.xlsx: 3 fel"."""
        count = len(self.problems)
        return ngettext("%(filename)s: %(count)s fel", "%(filename)s: %(count)s fel", count) % {
            "filename": self.filename,
            "count": count,
        }


class UploadFileError(Exception):
    """The file as a whole cannot be read; the message says why, in the user's language."""


# ---- reading ---------------------------------------------------------------------------------


def _fold(value: str) -> str:
    return value.strip().lower().translate(_FOLD)


def column_key(header: object) -> str:
    """``" Verksamhetsområde "`` → ``"verksamhetsomrade"``; ``"Stödjande kommuner"`` too."""
    return _SEPARATORS.sub("_", _fold(_cell_text(header))).strip("_")


def _choice_key(value: str) -> str:
    return " ".join(_SEPARATORS.sub(" ", _fold(value)).split())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\xa0", " ").strip()


def _is_empty(cells: Sequence[object]) -> bool:
    return all(_cell_text(cell) == "" for cell in cells)


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
            yield from sheet.iter_rows(values_only=True)
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
        yield from reader
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
    try:
        for number, cells in enumerate(rows, start=HEADER_ROW):
            if header is None:
                header = list(cells)
            elif _is_empty(cells):
                continue
            elif len(table) == MAX_ROWS:
                raise UploadFileError(
                    _("Filen har fler än %(max)s rader. Dela upp den i flera filer.")
                    % {"max": rows_text(MAX_ROWS)}
                )
            else:
                table.append((number, list(cells)))
    finally:
        rows.close()
    if header is None or (_is_empty(header) and not table):
        raise UploadFileError(_("Filen är tom."))
    return header, table


# ---- checking --------------------------------------------------------------------------------


def _choice_table(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Code or label (in every language of the site), folded, → code."""
    pairs = list(choices)
    table: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in pairs:
                table.setdefault(_choice_key(str(label)), code)
    for code, _label in pairs:
        table[_choice_key(code)] = code
    return table


def municipality_code(value: object) -> str | None:
    """The four-digit code a cell holds, putting back the zero Excel drops; None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    text = _cell_text(value)
    return text.zfill(4) if _CODE.match(text) else None


def _code_list(value: object) -> list[object]:
    """The codes of a cell of co-signers; a number (one code, as Excel stores it) as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [value]
    return [token for token in _CODE_LIST.split(_cell_text(value)) if token]


def _missing_columns(found: Collection[str]) -> Problem | None:
    missing = [name for name in REQUIRED_COLUMNS if name not in found]
    if not missing:
        return None
    return Problem(
        None,
        ", ".join(missing),
        ngettext(
            "Kolumnen %(columns)s saknas i rubrikraden. Mallen har kolumnerna %(all)s.",
            "Kolumnerna %(columns)s saknas i rubrikraden. Mallen har kolumnerna %(all)s.",
            len(missing),
        )
        % {"columns": ", ".join(missing), "all": ", ".join(COLUMNS)},
    )


def find_columns(header: Sequence[object]) -> tuple[dict[str, tuple[int, str]], list[Problem]]:
    """Where each template column is, and as the file spells it; problems of the header."""
    columns: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for position, cell in enumerate(header):
        key, written = column_key(cell), _cell_text(cell)
        if key not in COLUMNS:
            continue
        if key in columns:
            problems.append(
                Problem(
                    None,
                    written,
                    _("Kolumnen %(column)s finns mer än en gång i rubrikraden.")
                    % {"column": written},
                )
            )
            continue
        columns[key] = (position, written)
    missing = _missing_columns(columns)
    if missing is not None:
        problems.insert(0, missing)
    return columns, problems


class _RowChecker:
    """Checks one row, collecting every problem with its row number and column."""

    def __init__(
        self,
        number: int,
        cells: Sequence[object],
        columns: dict[str, tuple[int, str]],
        known_codes: Collection[str],
    ) -> None:
        self.number, self.cells, self.columns = number, cells, columns
        self.known_codes = known_codes
        self.problems: list[Problem] = []

    def value(self, key: str) -> object:
        if key not in self.columns:
            return None
        position = self.columns[key][0]
        return self.cells[position] if position < len(self.cells) else None

    def fail(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.number, self.columns[key][1], message))

    def choice(
        self, key: str, table: dict[str, str], empty: str, unknown: str, **params: object
    ) -> str | None:
        """The code of a value given as code or label; ``unknown`` is formatted with ``value``."""
        written = _cell_text(self.value(key))
        if not written:
            self.fail(key, empty)
            return None
        code = table.get(_choice_key(written))
        if code is None:
            self.fail(key, unknown % {"value": written, **params})
        return code

    def code(self, key: str, value: object) -> str | None:
        code = municipality_code(value)
        if code is None:
            self.fail(
                key,
                _(
                    "”%(value)s” är ingen kommunkod. En kommunkod har fyra siffror, "
                    "till exempel 0180."
                )
                % {"value": _cell_text(value)},
            )
            return None
        if code not in self.known_codes:
            self.fail(key, _("Det finns ingen kommun med kommunkoden %(code)s.") % {"code": code})
            return None
        return code


def check_row(
    number: int,
    cells: Sequence[object],
    columns: dict[str, tuple[int, str]],
    known_codes: Collection[str],
    kinds: dict[str, str],
    areas: dict[str, str],
) -> tuple[NeedRow | None, list[Problem]]:
    """One row as a submission to store, or None and every problem it has."""
    row = _RowChecker(number, cells, columns, known_codes)
    kind_names = ", ".join(str(label).lower() for _code, label in Need.Kind.choices)
    kind = row.choice(
        KIND,
        kinds,
        _("Ange en typ: %(kinds)s.") % {"kinds": kind_names},
        _("”%(value)s” är ingen typ. Skriv en av %(kinds)s."),
        kinds=kind_names,
    )

    title = " ".join(_cell_text(row.value(TITLE)).split())
    if not title:
        row.fail(TITLE, _("Skriv en rubrik."))
    elif len(title) > MAX_TITLE_LENGTH:
        row.fail(
            TITLE,
            _("Rubriken har %(length)s tecken men får ha högst %(max)s.")
            % {"length": len(title), "max": MAX_TITLE_LENGTH},
        )

    text = _cell_text(row.value(TEXT)).replace("\r\n", "\n").replace("\r", "\n")
    if not text:
        row.fail(TEXT, _("Skriv en beskrivning."))

    area = row.choice(
        AREA,
        areas,
        _("Ange ett verksamhetsområde."),
        _(
            "”%(value)s” är inget verksamhetsområde. Mallens blad Instruktioner listar de "
            "tillåtna namnen och koderna."
        ),
    )

    submitter = row.value(MUNICIPALITY)
    code = None
    if not _cell_text(submitter):
        row.fail(MUNICIPALITY, _("Ange kommunkoden för kommunen som lämnar in, till exempel 0180."))
    else:
        code = row.code(MUNICIPALITY, submitter)

    supporters: list[str] = []
    for token in _code_list(row.value(SUPPORTERS)):
        supporter = row.code(SUPPORTERS, token)
        if supporter is not None and supporter not in supporters:
            supporters.append(supporter)

    if row.problems or kind is None or area is None or code is None:
        return None, row.problems
    return NeedRow(number, kind, title, text, area, code, tuple(supporters)), []


def check_rows(
    header: Sequence[object],
    rows: Iterable[tuple[int, Sequence[object]]],
    known_codes: Collection[str],
) -> tuple[list[NeedRow], list[Problem]]:
    """Check the header and then every row; the rows that passed and every problem found.

    ``known_codes`` are the municipality codes that exist. Problems name the column as the
    file's header spells it. If a required column is missing no row is checked.
    """
    columns, problems = find_columns(header)
    if problems:
        return [], problems
    kinds = _choice_table(Need.Kind.choices)
    areas = _choice_table(Area.choices)
    checked: list[NeedRow] = []
    for number, cells in rows:
        need_row, row_problems = check_row(number, cells, columns, known_codes, kinds, areas)
        problems.extend(row_problems)
        if need_row is not None:
            checked.append(need_row)
    return checked, problems


def parse_upload(filename: str, data: bytes, municipality_codes: Collection[str]) -> ParsedUpload:
    """Read and check a whole file without touching the database."""
    problems = check_file(filename, len(data))
    if problems:
        return ParsedUpload(filename, [], problems)
    try:
        header, table = read_table(filename, data)
    except UploadFileError as problem:
        return ParsedUpload(filename, [], [Problem(None, "", str(problem))])
    rows, problems = check_rows(header, table, municipality_codes)
    if not problems and not rows:
        problems = [
            Problem(None, "", _("Filen har inga rader med inlägg under rubrikraden (rad 1)."))
        ]
    return ParsedUpload(filename, rows, sorted(problems, key=_problem_order))


def _problem_order(problem: Problem) -> tuple[int, int]:
    # A stable sort: the problems of one cell stay in the order they were found.
    column = column_key(problem.column)
    return (problem.row or 0, COLUMNS.index(column) if column in COLUMNS else -1)


# ---- storing ---------------------------------------------------------------------------------


@transaction.atomic
def store(rows: Sequence[NeedRow], created_by: Any = None) -> list[Need]:
    """Submit every row, each with its submitter's and co-signers' support, in one transaction."""
    codes = {row.municipality for row in rows} | {c for row in rows for c in row.supporters}
    municipalities = Municipality.objects.in_bulk(list(codes))
    needs: list[Need] = []
    for row in rows:
        need = Need(
            kind=row.kind,
            title=row.title,
            text=row.text,
            area=row.area,
            municipality=municipalities[row.municipality],
            created_by=created_by,
        )
        needs.append(submit(need, [municipalities[code] for code in row.supporters]))
    return needs


def import_needs(filename: str, data: bytes, created_by: Any = None) -> UploadResult:
    """Check the whole file and, only if nothing is wrong, store every row in one transaction."""
    codes = set(Municipality.objects.values_list("code", flat=True))
    parsed = parse_upload(filename, data, codes)
    if parsed.problems:
        return UploadResult(filename, [], parsed.problems)
    return UploadResult(filename, store(parsed.rows, created_by), [])


# ---- templates -------------------------------------------------------------------------------

_WIDTHS = {
    KIND: 20,
    TITLE: 45,
    TEXT: 80,
    AREA: 38,
    MUNICIPALITY: 12,
    SUPPORTERS: 30,
}


def _column_letter(key: str) -> str:
    return chr(ord("A") + COLUMNS.index(key))


def template_workbook() -> bytes:
    """The Excel template: a header row on "Behov" and the instructions on a second sheet."""
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = DATA_SHEET
    bold = Font(bold=True)
    sheet.append(list(COLUMNS))
    for key in COLUMNS:
        letter = _column_letter(key)
        sheet[f"{letter}1"].font = bold
        sheet.column_dimensions[letter].width = _WIDTHS[key]
    # Codes typed as text keep their leading zero, and "0180,1480" does not become a decimal.
    for key in (MUNICIPALITY, SUPPORTERS):
        sheet.column_dimensions[_column_letter(key)].number_format = "@"
    sheet.freeze_panes = "A2"

    guide: Any = workbook.create_sheet(INSTRUCTIONS_SHEET)
    ranges = _write_instructions(guide, bold)
    last = HEADER_ROW + MAX_ROWS
    for key, source in ranges.items():
        letter = _column_letter(key)
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=_("Okänt värde"),
            error=_("Välj ett värde i listan eller skriv dess kod, se bladet Instruktioner."),
        )
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{last}")

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _write_instructions(guide: Any, bold: Font) -> dict[str, str]:
    """Fill the instructions sheet; the ranges of allowed labels for the dropdowns."""
    wrap = Alignment(wrap_text=True, vertical="top")
    guide.append([_("Mall för att ladda upp behov, strategiska frågor och hinder")])
    guide["A1"].font = Font(bold=True, size=14)
    for line in (
        _(
            "Fyll i en rad per inlägg på bladet Behov. Låt rubrikraden stå kvar på rad 1; "
            "helt tomma rader hoppas över."
        ),
        _(
            "Hela filen kontrolleras innan något sparas. Har någon rad fel sparas ingenting: "
            "rätta felen som visas och ladda upp filen igen."
        ),
        _("Högst %(rows)s rader och %(size)s MB per fil.")
        % {"rows": rows_text(MAX_ROWS), "size": MAX_BYTES // 1024 // 1024},
        _(
            "Typ och verksamhetsområde kan skrivas med namn eller kod. Kommunkoder har fyra "
            "siffror, till exempel 0180 för Stockholm."
        ),
    ):
        guide.append([line])
    guide.append([])
    guide.append([_("Kolumn"), _("Obligatorisk"), _("Beskrivning"), _("Exempel")])
    _bold_row(guide, bold)
    for column in COLUMN_HELP:
        guide.append(
            [
                column.name,
                _("ja") if column.required else _("nej"),
                str(column.description),
                str(column.example),
            ]
        )
        for cell in guide[guide.max_row]:
            cell.alignment = wrap

    ranges: dict[str, str] = {}
    for key, heading, choices in (
        (KIND, _("Tillåtna värden för typ"), Need.Kind.choices),
        (AREA, _("Tillåtna värden för verksamhetsomrade"), Area.choices),
    ):
        guide.append([])
        guide.append([heading])
        _bold_row(guide, bold)
        guide.append([_("Kod"), _("Namn")])
        _bold_row(guide, bold)
        first = guide.max_row + 1
        for code, label in choices:
            guide.append([code, str(label)])
        ranges[key] = f"{INSTRUCTIONS_SHEET}!$B${first}:$B${guide.max_row}"
    for letter, width in (("A", 24), ("B", 40), ("C", 70), ("D", 45)):
        guide.column_dimensions[letter].width = width
    return ranges


def _bold_row(sheet: Any, bold: Font) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = bold


def template_csv() -> bytes:
    """The CSV template: the header row only, ``;``-separated, UTF-8 with a byte-order mark."""
    output = io.StringIO()
    csv.writer(output, delimiter=";", lineterminator="\r\n").writerow(COLUMNS)
    return b"\xef\xbb\xbf" + output.getvalue().encode("utf-8")
