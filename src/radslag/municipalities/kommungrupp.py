"""Importing SKR's kommungruppsindelning from SKR's own Excel file.

The file has a sheet "Bilaga1 Lista alla kommuner" with its header on row 2 and the columns
Gruppkod, Kommunkod, Kommun, Huvudgrupp and Kommungrupp 2023.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from radslag.core.tables import (
    MissingSheetError,
    TableError,
    cell_text,
    municipality_code,
    read_table,
)
from radslag.municipalities.models import Municipality, MunicipalityGroup, first_unknown_code

SHEET = "Bilaga1 Lista alla kommuner"
HEADER_ROW = 2
COLUMNS = ("Gruppkod", "Kommunkod", "Kommun", "Huvudgrupp", "Kommungrupp 2023")


class KommungruppError(Exception):
    """The file is not SKR's kommungrupp file in the expected layout."""


@dataclass(frozen=True)
class GroupRow:
    row: int
    group_code: str
    municipality_code: str
    main_group: str
    group_name: str


# SKR's file lists the 290 municipalities; anything far longer is not that file.
MAX_ROWS = 1000


def read_kommungrupp(path: Path) -> list[GroupRow]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KommungruppError(f"{path}: file not found") from None
    except OSError as error:
        raise KommungruppError(f"{path}: {error}") from None
    if path.suffix.lower() != ".xlsx":
        raise KommungruppError(f"{path}: not an Excel .xlsx file")
    try:
        table = read_table(path.name, data, max_rows=MAX_ROWS, sheet=SHEET, header_row=HEADER_ROW)
    except MissingSheetError as no_sheet:
        raise KommungruppError(
            f"{path}: no sheet {SHEET!r} (found: {', '.join(no_sheet.found)})"
        ) from None
    except TableError as error:
        raise KommungruppError(f"{path}: not an Excel .xlsx file ({error})") from None
    header = [cell_text(cell) for cell in table.header]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise KommungruppError(
            f"{path}, sheet {SHEET!r}, row {HEADER_ROW}: missing column(s) {', '.join(missing)}"
        )
    index = {name: header.index(name) for name in COLUMNS}
    result: list[GroupRow] = []
    for offset, cells in table.rows:

        def cell(name: str, cells: Sequence[object] = cells) -> object:
            position = index[name]
            return cells[position] if position < len(cells) else None

        group_row = GroupRow(
            row=offset,
            group_code=str(cell("Gruppkod") or "").strip(),
            municipality_code=municipality_code(cell("Kommunkod")) or cell_text(cell("Kommunkod")),
            main_group=str(cell("Huvudgrupp") or "").strip(),
            group_name=str(cell("Kommungrupp 2023") or "").strip(),
        )
        for name, value in (
            ("Gruppkod", group_row.group_code),
            ("Kommunkod", group_row.municipality_code),
            ("Kommungrupp 2023", group_row.group_name),
        ):
            if not value:
                raise KommungruppError(f"{path}, row {offset}, column {name}: empty")
        result.append(group_row)
    return result


@transaction.atomic
def import_kommungrupp(path: Path) -> int:
    """Set each municipality's SKR group; nothing is stored unless every row is valid."""
    rows = read_kommungrupp(path)
    unknown = first_unknown_code((row.row, row.municipality_code) for row in rows)
    if unknown:
        raise KommungruppError(
            f"{path}, row {unknown[0]}, column Kommunkod: unknown municipality code {unknown[1]!r}"
        )
    for row in rows:
        group, _ = MunicipalityGroup.objects.update_or_create(
            code=row.group_code,
            defaults={"name": row.group_name, "main_group": row.main_group},
        )
        Municipality.objects.filter(code=row.municipality_code).update(skr_group=group)
    return len(rows)
