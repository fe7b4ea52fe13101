"""Importing municipalities' organisation numbers, which signing in through a municipality's
identity provider needs to know whose staff a person is.

The file is a CSV (comma or semicolon, UTF-8) with the columns ``kommunkod`` and
``organisationsnummer``, one municipality a row, as Skatteverket or SCB list them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from radslag.core.tables import TableError, cell_text, municipality_code, read_table
from radslag.municipalities.models import Municipality, first_unknown_code
from radslag.municipalities.organisation_numbers import is_organisation_number, normalised

COLUMNS = ("kommunkod", "organisationsnummer")
# One row per municipality; a file far longer is not such a list.
MAX_ROWS = 1000


class OrganisationNumberError(Exception):
    """A row names an unknown municipality or a number that is not an organisation number."""


@dataclass(frozen=True)
class NumberRow:
    row: int
    municipality_code: str
    organisation_number: str


def read_organisation_numbers(path: Path) -> list[NumberRow]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise OrganisationNumberError(f"{path}: file not found") from None
    except OSError as error:
        raise OrganisationNumberError(f"{path}: {error}") from None
    try:
        table = read_table(path.name, data, max_rows=MAX_ROWS)
    except TableError as error:
        raise OrganisationNumberError(f"{path}: {error}") from None
    header = [cell_text(cell).lower() for cell in table.header]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise OrganisationNumberError(f"{path}, row 1: missing column(s) {', '.join(missing)}")
    code_at, number_at = (header.index(name) for name in COLUMNS)
    rows: list[NumberRow] = []
    seen: dict[str, int] = {}
    for line_number, cells in table.rows:
        code_cell = cells[code_at] if code_at < len(cells) else None
        code = municipality_code(code_cell) or cell_text(code_cell)
        number = normalised(cell_text(cells[number_at])) if number_at < len(cells) else ""
        if not is_organisation_number(number):
            raise OrganisationNumberError(
                f"{path}, row {line_number}, column organisationsnummer: {number!r} is not an "
                "organisation number (ten digits, the last a Luhn check digit)"
            )
        if number in seen:
            raise OrganisationNumberError(
                f"{path}, row {line_number}, column organisationsnummer: {number} is already "
                f"given on row {seen[number]}"
            )
        seen[number] = line_number
        rows.append(NumberRow(line_number, code, number))
    return rows


@transaction.atomic
def import_organisation_numbers(path: Path) -> int:
    """Set each listed municipality's number; nothing is stored unless every row is valid."""
    rows = read_organisation_numbers(path)
    unknown = first_unknown_code((row.row, row.municipality_code) for row in rows)
    if unknown:
        raise OrganisationNumberError(
            f"{path}, row {unknown[0]}, column kommunkod: unknown municipality code {unknown[1]!r}"
        )
    listed = {row.municipality_code for row in rows}
    # A number moved from one municipality to another must leave the first before the
    # uniqueness constraint sees it twice.
    Municipality.objects.filter(
        organisation_number__in=[row.organisation_number for row in rows]
    ).exclude(code__in=listed).update(organisation_number="")
    Municipality.objects.filter(code__in=listed).update(organisation_number="")
    for row in rows:
        Municipality.objects.filter(code=row.municipality_code).update(
            organisation_number=row.organisation_number
        )
    return len(rows)
