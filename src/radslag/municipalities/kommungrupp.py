"""Importing SKR's kommungruppsindelning from SKR's own Excel file.

The file has a sheet "Bilaga1 Lista alla kommuner" with its header on row 2 and the columns
Gruppkod, Kommunkod, Kommun, Huvudgrupp and Kommungrupp 2023.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from radslag.core.workbooks import WorkbookLimitError, bounded_rows, check_archive
from radslag.municipalities.models import Municipality, MunicipalityGroup

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


def _code(value: object) -> str:
    # Excel often stores 0114 as the number 114.
    if isinstance(value, int | float) and float(value).is_integer():
        return f"{int(value):04d}"
    return str(value or "").strip()


# SKR's file lists the 290 municipalities; anything far longer is not that file.
MAX_ROWS = 1000


def read_kommungrupp(path: Path) -> list[GroupRow]:
    try:
        check_archive(path.read_bytes())
    except WorkbookLimitError as limit:
        raise KommungruppError(f"{path}: {limit}") from None
    except OSError:
        pass  # load_workbook below says what is wrong with the path
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise KommungruppError(f"{path}: file not found") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise KommungruppError(f"{path}: not an Excel .xlsx file ({error})") from None
    try:
        if SHEET not in workbook.sheetnames:
            raise KommungruppError(
                f"{path}: no sheet {SHEET!r} (found: {', '.join(workbook.sheetnames)})"
            )
        try:
            rows = list(bounded_rows(workbook[SHEET], MAX_ROWS))[HEADER_ROW - 1 :]
        except WorkbookLimitError as limit:
            raise KommungruppError(f"{path}, sheet {SHEET!r}: {limit}") from None
    finally:
        workbook.close()
    if not rows:
        raise KommungruppError(f"{path}, sheet {SHEET!r}: row {HEADER_ROW} (the header) is empty")
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise KommungruppError(
            f"{path}, sheet {SHEET!r}, row {HEADER_ROW}: missing column(s) {', '.join(missing)}"
        )
    index = {name: header.index(name) for name in COLUMNS}
    result: list[GroupRow] = []
    for offset, cells in enumerate(rows[1:], start=HEADER_ROW + 1):
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue

        def cell(name: str, cells: Sequence[object] = cells) -> object:
            position = index[name]
            return cells[position] if position < len(cells) else None

        group_row = GroupRow(
            row=offset,
            group_code=str(cell("Gruppkod") or "").strip(),
            municipality_code=_code(cell("Kommunkod")),
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
    known = set(Municipality.objects.values_list("code", flat=True))
    for row in rows:
        if row.municipality_code not in known:
            raise KommungruppError(
                f"{path}, row {row.row}, column Kommunkod: unknown municipality code "
                f"{row.municipality_code!r}"
            )
    for row in rows:
        group, _ = MunicipalityGroup.objects.update_or_create(
            code=row.group_code,
            defaults={"name": row.group_name, "main_group": row.main_group},
        )
        Municipality.objects.filter(code=row.municipality_code).update(skr_group=group)
    return len(rows)
