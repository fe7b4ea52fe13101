"""Write pabulib ``.pb`` files, which :func:`radslag.decide.budgets.pabulib.parse_pabulib` reads
back.

The format is described in :mod:`radslag.decide.budgets.pabulib` (Faliszewski et al. 2023,
"Participatory budgeting: data, tools and analysis", IJCAI; pabulib.org/format). Amounts are
written as exact decimals where they have one.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace

import numpy as np

from radslag.decide.budgets.amounts import amount_text
from radslag.decide.budgets.pabulib import PabulibElection
from radslag.decide.budgets.profiles import BallotKind

__all__ = ["format_pabulib", "write_pabulib"]


def _text(value: float) -> str:
    """Shortest text that reads back as the same float; integers without a decimal point."""
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)


def format_pabulib(election: PabulibElection) -> str:
    """Return the pabulib text of ``election``; :func:`parse_pabulib` reads it back unchanged.

    ``num_projects``, ``num_votes``, ``budget`` and ``vote_type`` in META are set from the
    instance and profile; other META entries are written as they are.
    """
    instance, profile = election.instance, election.profile
    if any("," in project for project in instance.project_ids):
        raise ValueError("instance: project ids with a comma cannot be written in pabulib votes")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    election = _one_newline(election)
    meta = dict(election.meta)
    meta["num_projects"] = str(len(instance.project_ids))
    meta["num_votes"] = str(profile.n_voters)
    meta["budget"] = amount_text(instance.exact_budget)
    meta["vote_type"] = _vote_type(profile.kind, meta.get("vote_type", ""))
    writer.writerows([["META"], ["key", "value"], *meta.items()])
    extra = list(election.project_fields)
    writer.writerows([["PROJECTS"], ["project_id", "cost", *extra]])
    for j, project in enumerate(instance.project_ids):
        cells = [election.project_fields[name][j] for name in extra]
        writer.writerow([project, amount_text(instance.exact_costs[j]), *cells])
    writer.writerows(_vote_rows(election))
    return out.getvalue()


def _one_newline(election: PabulibElection) -> PabulibElection:
    """Write every line break in a text field as one newline, which the reader reads back."""

    def clean(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(value.replace("\r\n", "\n").replace("\r", "\n") for value in values)

    return replace(
        election,
        meta=dict(zip(election.meta, clean(tuple(election.meta.values())), strict=True)),
        project_fields={name: clean(values) for name, values in election.project_fields.items()},
        voter_fields={name: clean(values) for name, values in election.voter_fields.items()},
    )


def _vote_type(kind: BallotKind, current: str) -> str:
    if kind == "cardinal":
        return current if current in ("cumulative", "scoring") else "scoring"
    return current if kind == "approval" and current == "choose-1" else kind


def _vote_rows(election: PabulibElection) -> list[list[str]]:
    profile, ids = election.profile, election.instance.project_ids
    voter_ids = election.voter_ids or tuple(str(i + 1) for i in range(profile.n_voters))
    if len(voter_ids) != profile.n_voters:
        raise ValueError(f"voter_ids: {len(voter_ids)} ids for {profile.n_voters} voters")
    weighted = bool(np.any(profile.weights != 1))
    extra = list(election.voter_fields)
    header = ["voter_id", "vote"] + ["points"] * (profile.kind == "cardinal")
    rows = [["VOTES"], header + ["weight"] * weighted + extra]
    for i in range(profile.n_voters):
        span = slice(int(profile.indptr[i]), int(profile.indptr[i + 1]))
        projects, values = profile.indices[span], profile.values[span]
        if profile.kind == "ordinal":
            projects = projects[np.argsort(values, kind="stable")]
        row = [voter_ids[i], ",".join(ids[j] for j in projects.tolist())]
        if profile.kind == "cardinal":
            row.append(",".join(_text(float(value)) for value in values.tolist()))
        if weighted:
            row.append(_text(float(profile.weights[i])))
        rows.append(row + [election.voter_fields[name][i] for name in extra])
    return rows


def write_pabulib(election: PabulibElection, path: str | os.PathLike[str]) -> None:
    """Write ``election`` to ``path`` as UTF-8 pabulib text."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(format_pabulib(election))
