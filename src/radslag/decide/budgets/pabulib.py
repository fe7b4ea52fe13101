"""Read pabulib ``.pb`` files, the open format of participatory-budgeting data.

A file has three sections, each a line with its name and then semicolon-separated rows under a
header line (Faliszewski, Flis, Peters, Pierczyński, Skowron, Stolicki, Szufa & Talmon 2023,
"Participatory budgeting: data, tools and analysis", IJCAI; pabulib.org/format)::

    META                      key;value rows: budget, vote_type, description, ...
    PROJECTS                  project_id;cost;... one row per project
    VOTES                     voter_id;vote;... one row per voter; vote lists project ids
                              separated by commas; cumulative and scoring votes add points

The reader follows pabutools' ``parse_pabulib`` where the format leaves room: section names
and ``None`` in any case, the first PROJECTS column is the id whatever its header says, a
decimal comma in numbers is read as a point, a voter approving a project twice approves it
once. A ``weight`` column in VOTES (not in the pabulib standard; Rådslag writes it when voters
have unequal weights) becomes the voter weights. Anything malformed raises ``ValueError``
naming the line.

Files written before the format had a META header (Warsaw 2017-2019) start META with their
first ``key;value`` entry; the reader takes the header as given then. (pabutools takes that
entry for a header and drops it; Rådslag keeps it as an entry.)
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

import numpy as np

from radslag.decide.budgets.amounts import parse_amount
from radslag.decide.budgets.profiles import BallotKind, Instance, Profile

__all__ = ["PabulibElection", "parse_pabulib", "read_pabulib"]

_KINDS: dict[str, BallotKind] = {
    "approval": "approval",
    "choose-1": "approval",
    "cumulative": "cardinal",
    "scoring": "cardinal",
    "ordinal": "ordinal",
}
_SECTIONS = ("meta", "projects", "votes")


@dataclass(frozen=True, eq=False)
class PabulibElection:
    """The contents of one pabulib file.

    Attributes
    ----------
    instance, profile
        Projects, budget and ballots.
    meta
        All META entries as text, in file order (``budget`` and ``vote_type`` included).
    project_fields
        Other PROJECTS columns by header (name, category, votes, ...), one value a project.
    voter_ids
        One id a voter.
    voter_fields
        Other VOTES columns by header (age, sex, ...), one value a voter.
    """

    instance: Instance
    profile: Profile
    meta: Mapping[str, str] = field(default_factory=dict)
    project_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    voter_ids: tuple[str, ...] = ()
    voter_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PabulibElection):
            return NotImplemented
        return (
            self.instance == other.instance
            and self.profile == other.profile
            and dict(self.meta) == dict(other.meta)
            and dict(self.project_fields) == dict(other.project_fields)
            and self.voter_ids == other.voter_ids
            and dict(self.voter_fields) == dict(other.voter_fields)
        )

    __hash__ = None  # type: ignore[assignment]


class _Row(NamedTuple):
    line: int
    cells: list[str]


class _Section(NamedTuple):
    line: int
    header: list[str]
    rows: list[_Row]


def read_pabulib(path: str | os.PathLike[str]) -> PabulibElection:
    """Read the pabulib file at ``path`` (UTF-8, with or without a byte-order mark)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    try:
        return parse_pabulib(text)
    except ValueError as error:
        raise ValueError(f"{os.fspath(path)}: {error}") from None


def parse_pabulib(text: str) -> PabulibElection:
    """Parse the text of a pabulib file; see the module docstring for the format."""
    sections = _split_sections(text)
    with _in_section("META"):
        meta = _parse_meta(sections["meta"])
        vote_type = meta["vote_type"].strip().lower()
        if vote_type not in _KINDS:
            raise ValueError(
                f"{_meta_line(sections['meta'], 'vote_type')}: unknown vote_type {vote_type!r}"
            )
        budget = _amount(meta["budget"], _meta_line(sections["meta"], "budget"), "budget")
        if budget <= 0:
            raise ValueError(f"{_meta_line(sections['meta'], 'budget')}: budget must be positive")
    with _in_section("PROJECTS"):
        ids, costs, project_fields = _parse_projects(sections["projects"])
    instance = Instance(tuple(ids), costs, budget)
    with _in_section("VOTES"):
        profile, voter_ids, voter_fields = _parse_votes(sections["votes"], instance, vote_type)
    return PabulibElection(instance, profile, meta, project_fields, voter_ids, voter_fields)


@contextlib.contextmanager
def _in_section(name: str) -> Iterator[None]:
    """Prefix the message of a ``ValueError`` raised inside with the section's name."""
    try:
        yield
    except ValueError as error:
        raise ValueError(f"{name}, {error}") from None


def _split_sections(text: str) -> dict[str, _Section]:
    sections: dict[str, _Section] = {}
    current: _Section | None = None
    # csv over the whole text (not text.splitlines()) so a quoted field may hold a newline.
    # Universal newlines: a lone carriage return ends a line, as str.splitlines has it.
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=None), delimiter=";")
    for raw in _rows(reader):
        cells = [cell.strip() for cell in raw]
        line = reader.line_num
        if not any(cells):
            continue
        name = cells[0].lower()
        if name in _SECTIONS and not any(cells[1:]):
            if name in sections:
                raise ValueError(f"line {line}: a second {name.upper()} section")
            current = sections[name] = _Section(line, [], [])
        elif current is None:
            raise ValueError(f"line {line}: expected META, PROJECTS or VOTES, got {raw[0]!r}")
        elif current is sections.get("meta") and not current.header and name != "key":
            # Warsaw's files of 2017-2019 start META with their first entry: pabutools reads
            # them (taking that entry for the header), so a missing header means 'key;value'.
            current.header.extend(["key", "value"])
            current.rows.append(_Row(line, cells))
        elif not current.header:
            current.header.extend(cell.lower() for cell in _trim(cells))
            twice = [name for name in current.header if current.header.count(name) > 1]
            if twice:
                section = next(key for key, value in sections.items() if value is current)
                raise ValueError(
                    f"{section.upper()}, line {line}: column {twice[0]!r} appears twice"
                    " in the header"
                )
        else:
            current.rows.append(_Row(line, cells))
    for name in _SECTIONS:
        if name not in sections:
            raise ValueError(f"the {name.upper()} section is missing")
        if not sections[name].header:
            raise ValueError(f"line {sections[name].line}: {name.upper()} has no header line")
    return sections


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as error:
        line = getattr(reader, "line_num", "?")
        raise ValueError(f"line {line}: {error}") from None


def _trim(cells: list[str]) -> list[str]:
    """Drop trailing empty cells (a stray semicolon at the end of a line)."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _fields(section: _Section, row: _Row) -> list[str]:
    cells = _trim(row.cells)
    if len(cells) > len(section.header):
        raise ValueError(
            f"line {row.line}: {len(cells)} fields but the header has {len(section.header)}"
        )
    return cells + [""] * (len(section.header) - len(cells))


def _number(text: str, where: str, what: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"{where}: {what} {text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{where}: {what} {text!r} is not a finite number")
    return value


def _amount(text: str, where: str, what: str) -> Fraction:
    """Read money exactly: decimals with a point or a comma, as pabutools' ``str_as_frac``."""
    try:
        return parse_amount(text)
    except ValueError as error:
        raise ValueError(f"{where}: {what} {error}") from None


def _meta_line(section: _Section, key: str) -> str:
    line = next((row.line for row in section.rows if row.cells[0] == key), section.line)
    return f"line {line}"


def _parse_meta(section: _Section) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in section.rows:
        cells = _trim(row.cells)
        if len(cells) != 2:
            raise ValueError(f"line {row.line}: a META row is 'key;value', got {len(cells)} fields")
        if cells[0] in meta:
            raise ValueError(f"line {row.line}: META key {cells[0]!r} appears twice")
        meta[cells[0]] = cells[1]
    for key in ("budget", "vote_type"):
        if key not in meta:
            raise ValueError(f"line {section.line}: META has no {key!r}")
    return meta


def _parse_projects(
    section: _Section,
) -> tuple[list[str], list[Fraction], dict[str, tuple[str, ...]]]:
    if "cost" not in section.header[1:]:
        raise ValueError(f"line {section.line + 1}: the PROJECTS header has no 'cost' column")
    cost_column = section.header.index("cost", 1)
    ids: list[str] = []
    costs: list[Fraction] = []
    columns: list[list[str]] = [[] for _ in section.header]
    for row in section.rows:
        cells = _fields(section, row)
        if not cells[0]:
            raise ValueError(f"line {row.line}: the project id is empty")
        if cells[0] in ids:
            raise ValueError(f"line {row.line}: project {cells[0]!r} is listed twice")
        cost = _amount(cells[cost_column], f"line {row.line}", "cost")
        if cost < 0:
            raise ValueError(f"line {row.line}: cost {cells[cost_column]!r} is negative")
        ids.append(cells[0])
        costs.append(cost)
        for column, cell in zip(columns, cells, strict=True):
            column.append(cell)
    if not ids:
        raise ValueError(f"line {section.line}: PROJECTS lists no project")
    extra = {
        name: tuple(column)
        for index, (name, column) in enumerate(zip(section.header, columns, strict=True))
        if index not in (0, cost_column)
    }
    return ids, costs, extra


def _parse_votes(
    section: _Section, instance: Instance, vote_type: str
) -> tuple[Profile, tuple[str, ...], dict[str, tuple[str, ...]]]:
    header = section.header
    kind = _KINDS[vote_type]
    needed = ["vote", "points"] if kind == "cardinal" else ["vote"]
    for name in needed:
        if name not in header:
            raise ValueError(f"line {section.line + 1}: the VOTES header has no {name!r} column")
    position = {project: index for index, project in enumerate(instance.project_ids)}
    lengths: list[int] = []
    indices: list[int] = []
    values: list[float] = []
    weights: list[float] = []
    voter_ids: list[str] = []
    special = {"voter_id", "vote", "points", "weight"}
    columns: dict[str, list[str]] = {name: [] for name in header if name not in special}
    for row in section.rows:
        cells = dict(zip(header, _fields(section, row), strict=True))
        ballot, scores = _parse_vote(row.line, cells, kind, position)
        lengths.append(len(ballot))
        indices.extend(ballot)
        values.extend(scores)
        weights.append(_weight(row.line, cells.get("weight", "")))
        voter_ids.append(cells.get("voter_id") or str(len(voter_ids) + 1))
        for name, column in columns.items():
            column.append(cells[name])
    profile = Profile(
        n_projects=len(instance.project_ids),
        indptr=np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
        indices=np.array(indices, dtype=np.int64),
        values=np.array(values, dtype=np.float64),
        weights=np.array(weights, dtype=np.float64),
        kind=kind,
    )
    return profile, tuple(voter_ids), {name: tuple(column) for name, column in columns.items()}


def _parse_vote(
    line: int, cells: Mapping[str, str], kind: BallotKind, position: Mapping[str, int]
) -> tuple[list[int], list[float]]:
    named = [project.strip() for project in cells["vote"].split(",") if project.strip()]
    for project in named:
        if project not in position:
            raise ValueError(f"line {line}: the vote names unknown project {project!r}")
    if kind == "approval":
        unique = list(dict.fromkeys(named))
        return [position[project] for project in unique], [1.0] * len(unique)
    if len(set(named)) != len(named):
        twice = next(project for project in named if named.count(project) > 1)
        raise ValueError(f"line {line}: project {twice!r} appears twice in the vote")
    if kind == "ordinal":
        return [position[project] for project in named], [float(r + 1) for r in range(len(named))]
    points = [point.strip() for point in cells["points"].split(",") if point.strip()]
    if len(points) != len(named):
        raise ValueError(f"line {line}: {len(named)} projects but {len(points)} points")
    scores = [_number(point, f"line {line}", "points") for point in points]
    if any(score < 0 for score in scores):
        raise ValueError(f"line {line}: points must not be negative")
    return [position[project] for project in named], scores


def _weight(line: int, text: str) -> float:
    if not text or text.lower() == "none":
        return 1.0
    weight = _number(text, f"line {line}", "weight")
    if weight <= 0:
        raise ValueError(f"line {line}: weight {weight} must be positive")
    return weight
