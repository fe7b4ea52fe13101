"""The templates to fill in: an Excel workbook with instructions and lists, and a CSV header."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from radslag.core import text_limits
from radslag.core.areas import Area
from radslag.needs.models import TEXT_MIN_LENGTH, Need
from radslag.needs.upload.checking import (
    AREA,
    COLUMNS,
    KIND,
    MUNICIPALITY,
    SUPPORTERS,
    TEXT,
    TITLE,
)
from radslag.needs.upload.reading import HEADER_ROW, MAX_BYTES, MAX_ROWS, rows_text

DATA_SHEET = "Behov"
INSTRUCTIONS_SHEET = "Instruktioner"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class Column:
    """One column of the template, as the upload page and the instructions sheet describe it."""

    name: str
    required: bool
    description: str | Promise
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
        format_lazy(
            gettext_lazy("En kort rubrik, högst {limit} tecken."),
            limit=rows_text(text_limits.TITLE),
        ),
        gettext_lazy("Taligenkänning i hemtjänsten"),
    ),
    Column(
        TEXT,
        True,
        format_lazy(
            gettext_lazy(
                "Beskriv behovet, frågan eller hindret och vad ni vill uppnå, med {least} till "
                "{most} tecken."
            ),
            least=TEXT_MIN_LENGTH,
            most=rows_text(text_limits.DESCRIPTION),
        ),
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
