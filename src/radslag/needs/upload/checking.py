"""Checking the rows of an upload against the template, without touching the database."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radslag.core.areas import Area
from radslag.core.tables import municipality_code
from radslag.decide.text.normalisation import normalise
from radslag.needs.models import Need, tidy_text, tidy_title
from radslag.needs.upload.reading import (
    Problem,
    UploadFileError,
    cell_text,
    check_file,
    choice_key,
    column_key,
    read_table,
)

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

_CODE_LIST = re.compile(r"[,;\s]+")


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


def _choice_table(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Code or label (in every language of the site), folded, → code."""
    pairs = list(choices)
    table: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in pairs:
                table.setdefault(choice_key(str(label)), code)
    for code, _label in pairs:
        table[choice_key(code)] = code
    return table


def _code_list(value: object) -> list[object]:
    """The codes of a cell of co-signers; a number (one code, as Excel stores it) as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [value]
    return [token for token in _CODE_LIST.split(cell_text(value)) if token]


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
        key, written = column_key(cell), cell_text(cell)
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
        written = cell_text(self.value(key))
        if not written:
            self.fail(key, empty)
            return None
        code = table.get(choice_key(written))
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
                % {"value": cell_text(value)},
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

    # The form's rules, from the model: the same limits and the same messages.
    title = tidy_title(cell_text(row.value(TITLE)))
    text = tidy_text(cell_text(row.value(TEXT)))
    errors = Need.text_errors(title, text)
    for key, name in ((TITLE, "title"), (TEXT, "text")):
        for message in errors.get(name, []):
            row.fail(key, message)

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
    if not cell_text(submitter):
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
    first_with_text: dict[str, int] = {}
    for number, cells in rows:
        need_row, row_problems = check_row(number, cells, columns, known_codes, kinds, areas)
        problems.extend(row_problems)
        if need_row is None:
            continue
        # The same text twice in one file would be stored twice; say so instead of asking.
        first = first_with_text.setdefault(normalise(need_row.text), number)
        if first != number:
            problems.append(
                Problem(
                    number,
                    columns[TEXT][1],
                    _(
                        "Samma beskrivning som på rad %(first)s. Ta bort en av raderna; står "
                        "flera kommuner bakom, skriv dem i kolumnen stodjande_kommuner."
                    )
                    % {"first": first},
                )
            )
            continue
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
