"""Participatory-budgeting data: projects with costs and a budget, and weighted ballots.

An :class:`Instance` lists projects with ids and costs, and the budget. A :class:`Profile` holds
the voters' ballots as compressed sparse rows (one row per voter: 100 000 voters with eight
approvals each take a few megabytes) and one positive weight per voter. The shapes follow
pabulib's (Faliszewski et al. 2023, "Participatory budgeting: data, tools and analysis",
IJCAI): approval, cardinal (cumulative or scoring) and ordinal ballots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np
import numpy.typing as npt

from radslag.decide.budgets.amounts import Amount, as_amount
from radslag.decide.validation import (
    FloatArray,
    IntArray,
    as_float_array,
    as_index_array,
    require_non_empty,
    require_positive_int,
    require_same_length,
)

BallotKind = Literal["approval", "cardinal", "ordinal"]
"""Approval (value 1 per approved project), cardinal (a score ≥ 0), ordinal (rank 1, 2, ...)."""


@dataclass(frozen=True, eq=False, init=False)
class Instance:
    """Projects with ids and costs, and the budget to spend on them.

    Amounts are money: each is kept exact (:mod:`radslag.decide.budgets.amounts`) beside its float,
    and the decisions that depend on them (what fits, what voters can afford) are exact.

    Attributes
    ----------
    project_ids : tuple of str
        Unique ids; ties between projects are broken in the string order of these ids.
    costs : (m,) float array
        Costs, finite and ≥ 0, each the float nearest to the exact cost.
    budget : float
        The budget limit, finite and > 0, the float nearest to the exact one.
    exact_costs : tuple of Fraction
        The costs as given: a float stands for the decimal it prints as (0.1 is a tenth).
    exact_budget : Fraction
        The budget as given.
    """

    project_ids: tuple[str, ...]
    costs: FloatArray
    budget: float
    exact_costs: tuple[Fraction, ...]
    exact_budget: Fraction

    def __init__(
        self,
        project_ids: Sequence[str],
        costs: npt.ArrayLike | Sequence[Amount],
        budget: Amount,
    ) -> None:
        ids = tuple(project_ids)
        require_non_empty("project_ids", ids)
        if not all(isinstance(project, str) and project for project in ids):
            raise ValueError("project_ids: every id must be a non-empty string")
        twice = [project for project, count in Counter(ids).items() if count > 1]
        if twice:
            raise ValueError(f"project_ids: {twice[0]!r} appears twice")
        given = np.asarray(costs, dtype=object)
        floats = as_float_array("costs", given, ndim=1)
        require_same_length(("project_ids", "costs"), np.asarray(ids), floats)
        exact = tuple(as_amount(f"costs[{j}]", value) for j, value in enumerate(given.tolist()))
        negative = [j for j, cost in enumerate(exact) if cost < 0]
        if negative:
            raise ValueError(f"costs: project {ids[negative[0]]!r} has a negative cost")
        exact_budget = as_amount(
            "budget", budget.item() if isinstance(budget, np.ndarray) else budget
        )
        if exact_budget <= 0:
            raise ValueError(f"budget: must be positive, got {float(exact_budget)}")
        floats = np.array([float(cost) for cost in exact], dtype=np.float64)
        floats.flags.writeable = False
        object.__setattr__(self, "project_ids", ids)
        object.__setattr__(self, "costs", floats)
        object.__setattr__(self, "budget", float(exact_budget))
        object.__setattr__(self, "exact_costs", exact)
        object.__setattr__(self, "exact_budget", exact_budget)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Instance):
            return NotImplemented
        return (
            self.project_ids == other.project_ids
            and self.exact_costs == other.exact_costs
            and self.exact_budget == other.exact_budget
        )

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, eq=False, init=False)
class Profile:
    """Ballots as compressed sparse rows, and one weight per voter.

    Voter ``i`` names projects ``indices[indptr[i]:indptr[i + 1]]`` with ``values`` alongside.

    Attributes
    ----------
    n_projects : int
        Number of projects of the instance the ballots refer to.
    indptr : (n + 1,) int array
    indices : (nnz,) int array
        Project positions in the instance, each at most once per ballot.
    values : (nnz,) float array
        1 for approval ballots, the score (≥ 0) for cardinal ones, the rank for ordinal ones.
    weights : (n,) float array
        Positive voter weights.
    kind : BallotKind
    """

    n_projects: int
    indptr: IntArray
    indices: IntArray
    values: FloatArray
    weights: FloatArray
    kind: BallotKind

    def __init__(
        self,
        n_projects: int,
        indptr: npt.ArrayLike,
        indices: npt.ArrayLike,
        values: npt.ArrayLike,
        weights: npt.ArrayLike,
        kind: BallotKind,
    ) -> None:
        if kind not in ("approval", "cardinal", "ordinal"):
            raise ValueError(f"kind: expected approval, cardinal or ordinal, got {kind!r}")
        require_positive_int("n_projects", n_projects)
        offsets = as_index_array("indptr", indptr, np.iinfo(np.int64).max)
        if (
            offsets.ndim != 1
            or offsets.size == 0
            or offsets[0] != 0
            or np.any(np.diff(offsets) < 0)
        ):
            raise ValueError("indptr: expected a non-decreasing 1-D array starting at 0")
        projects = as_index_array("indices", indices, n_projects).reshape(-1)
        numbers = as_float_array("values", values, ndim=1)
        require_same_length(("indices", "values"), projects, numbers)
        if offsets[-1] != projects.size:
            raise ValueError(f"indptr: ends at {offsets[-1]} but there are {projects.size} entries")
        shares = as_float_array("weights", weights, ndim=1)
        if shares.size != offsets.size - 1:
            raise ValueError(f"weights: {shares.size} weights for {offsets.size - 1} voters")
        if np.any(shares <= 0):
            raise ValueError(f"weights: voter {int(np.argmax(shares <= 0))} has a weight ≤ 0")
        rows = np.repeat(np.arange(shares.size), np.diff(offsets))
        _check_values(kind, rows, projects, numbers)
        for array in (offsets, projects, numbers, shares):
            array.flags.writeable = False
        object.__setattr__(self, "n_projects", int(n_projects))
        object.__setattr__(self, "indptr", offsets)
        object.__setattr__(self, "indices", projects)
        object.__setattr__(self, "values", numbers)
        object.__setattr__(self, "weights", shares)
        object.__setattr__(self, "kind", kind)

    @property
    def n_voters(self) -> int:
        """Number of voters (ballots)."""
        return int(self.indptr.size - 1)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        return (
            self.kind == other.kind
            and self.n_projects == other.n_projects
            and all(
                np.array_equal(mine, theirs)
                for mine, theirs in zip(
                    (self.indptr, self.indices, self.values, self.weights),
                    (other.indptr, other.indices, other.values, other.weights),
                    strict=True,
                )
            )
        )

    __hash__ = None  # type: ignore[assignment]


def _check_values(kind: BallotKind, rows: IntArray, indices: IntArray, values: FloatArray) -> None:
    keys = np.sort(rows * (int(indices.max(initial=0)) + 1) + indices)
    same = np.flatnonzero(np.diff(keys) == 0)
    if same.size:
        row, project = divmod(int(keys[same[0]]), int(indices.max()) + 1)
        raise ValueError(f"indices: ballot {row} names project {project} twice")
    if kind == "approval" and np.any(values != 1):
        raise ValueError("values: approval ballots hold 1 for every approved project")
    if kind == "cardinal" and np.any(values < 0):
        raise ValueError(f"values: ballot {rows[int(np.argmax(values < 0))]} has a negative score")
    if kind == "ordinal":
        order = np.lexsort((values, rows))
        starts = np.searchsorted(rows, rows)
        expected = np.arange(rows.size) - starts[order] + 1
        if not np.array_equal(values[order], expected):
            raise ValueError("values: ordinal ballots rank their projects 1, 2, 3, ... once each")


def _profile_from_rows(
    instance: Instance,
    rows: Sequence[Sequence[tuple[str, float]]],
    weights: npt.ArrayLike | None,
    kind: BallotKind,
) -> Profile:
    position = {project: index for index, project in enumerate(instance.project_ids)}
    indices, values = [], []
    for voter, row in enumerate(rows):
        for project, value in row:
            if project not in position:
                raise ValueError(f"ballots[{voter}]: unknown project {project!r}")
            indices.append(position[project])
            values.append(value)
    lengths = [len(row) for row in rows]
    return Profile(
        n_projects=len(instance.project_ids),
        indptr=np.concatenate(([0], np.cumsum(lengths, dtype=np.int64))),
        indices=np.array(indices, dtype=np.int64),
        values=np.array(values, dtype=np.float64),
        weights=np.ones(len(rows)) if weights is None else weights,
        kind=kind,
    )


def approval_profile(
    instance: Instance, ballots: Sequence[Iterable[str]], weights: npt.ArrayLike | None = None
) -> Profile:
    """Build an approval profile from each voter's approved project ids (weights default to 1)."""
    rows = [[(project, 1.0) for project in ballot] for ballot in ballots]
    return _profile_from_rows(instance, rows, weights, "approval")


def cardinal_profile(
    instance: Instance, ballots: Sequence[Mapping[str, float]], weights: npt.ArrayLike | None = None
) -> Profile:
    """Build a cardinal profile from each voter's scores by project id (weights default to 1)."""
    rows = [list(ballot.items()) for ballot in ballots]
    return _profile_from_rows(instance, rows, weights, "cardinal")
