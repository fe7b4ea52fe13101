"""Fair budgets: the Method of Equal Shares and the greedy rule on participatory-budgeting data.

The data shapes (:class:`Instance`, :class:`Profile`) live in
:mod:`radslag.decide.budgets.profiles` and are re-exported here. A voter of weight ``w`` counts
as ``w`` identical voters: it starts with ``w`` shares of the budget and gets ``w`` times the
utility. This is how municipalities become voters with equal, population or square-root shares.

:func:`equal_shares` is the Method of Equal Shares (Peters, Pierczyński & Skowron 2021,
"Proportional participatory budgeting with additive utilities", NeurIPS; equalshares.net),
optionally completed by raising every voter's budget step by step while the outcome stays
within the budget, by either of two named rules (:mod:`radslag.decide.budgets.completion`),
followed by the greedy rule. :func:`greedy_utilitarian` is the greedy rule most cities use,
for comparison.
Both return a :class:`BudgetOutcome` that explains every project. Outcomes equal pabutools'
(``method_of_equal_shares``, ``greedy_utilitarian_welfare``, default tie-breaking) exactly;
:mod:`radslag.decide.budgets.equal_shares` says how floating point is kept exact. Reading and
writing
pabulib files (Faliszewski et al. 2023) is in :mod:`radslag.decide.budgets.pabulib`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from radslag.decide.budgets.completion import (
    Completion,
    CompletionEnd,
    CompletionLimitError,
    fits_more,
    raise_budgets,
    total_cost,
)
from radslag.decide.budgets.equal_shares import run_equal_shares
from radslag.decide.budgets.exact_shares import exact_total_utility
from radslag.decide.budgets.explanations import ProjectExplanation, Stages, explain
from radslag.decide.budgets.profiles import (
    BallotKind,
    Instance,
    Profile,
    approval_profile,
    cardinal_profile,
)
from radslag.decide.budgets.support import SupportMatrix, support_matrix
from radslag.decide.validation import FloatArray

Utility = Literal["cost", "cardinality", "score"]
"""What a supported project is worth to a voter: its cost, 1, or the voter's score."""

__all__ = [
    "BallotKind",
    "BudgetOutcome",
    "Completion",
    "CompletionEnd",
    "CompletionLimitError",
    "Instance",
    "Profile",
    "ProjectExplanation",
    "Utility",
    "approval_profile",
    "cardinal_profile",
    "equal_shares",
    "greedy_utilitarian",
]


@dataclass(frozen=True, eq=False)
class BudgetOutcome:
    """The funded projects and why each project was or was not funded.

    Attributes
    ----------
    selected : tuple of str
        Funded project ids in the order they were chosen.
    cost : float
        Their total cost (never above the budget).
    unit_budget : float
        The starting budget per unit of voter weight of the Equal Shares run kept (raised
        above ``budget / total weight`` by a completion); 0 for the greedy rule.
    payments : (nnz,) float array
        What each voter paid for each project, aligned with the profile's ``indices``.
    explanations : tuple of ProjectExplanation
        One per project, in instance order.
    """

    selected: tuple[str, ...]
    cost: float
    unit_budget: float
    payments: FloatArray
    explanations: tuple[ProjectExplanation, ...]

    def explanation(self, project_id: str) -> ProjectExplanation:
        """Return the explanation of ``project_id``."""
        for item in self.explanations:
            if item.project == project_id:
                return item
        raise ValueError(f"project_id: unknown project {project_id!r}")


class _Prepared(NamedTuple):
    support: SupportMatrix
    kept: npt.NDArray[np.bool_]  # which profile entries carry positive utility
    total_weight: Fraction


def _prepare(instance: Instance, profile: Profile, utility: Utility) -> _Prepared:
    m = len(instance.project_ids)
    if profile.n_projects != m:
        raise ValueError(
            f"profile: ballots are over {profile.n_projects} projects, instance has {m}"
        )
    if utility not in ("cost", "cardinality", "score"):
        raise ValueError(f"utility: expected cost, cardinality or score, got {utility!r}")
    if profile.kind == "ordinal":
        raise ValueError("profile: ordinal ballots carry no utilities; convert them to scores")
    rows = np.repeat(np.arange(profile.n_voters), np.diff(profile.indptr))
    if utility == "cost":
        per_entry = instance.costs[profile.indices]
    elif utility == "cardinality":
        per_entry = np.ones(profile.indices.size)
    else:
        per_entry = profile.values
    kept = (profile.values > 0) & (per_entry > 0)
    ranks = np.empty(m, dtype=np.int64)
    ranks[sorted(range(m), key=instance.project_ids.__getitem__)] = np.arange(m)
    entries = (rows[kept], profile.indices[kept], np.asarray(per_entry[kept], dtype=np.float64))
    costs = (instance.costs, instance.exact_costs)
    support = support_matrix(costs, ranks, profile.weights, entries, utility == "cost")
    unique, counts = np.unique(profile.weights, return_counts=True)
    total = sum(
        (c * Fraction(w) for w, c in zip(unique.tolist(), counts.tolist(), strict=True)),
        Fraction(0),
    )
    return _Prepared(support, kept, total)


def equal_shares(
    instance: Instance,
    profile: Profile,
    utility: Utility = "cost",
    completion: Completion | None = None,
) -> BudgetOutcome:
    """Fund projects by the Method of Equal Shares.

    Parameters
    ----------
    instance, profile
        The projects and the ballots over them.
    utility
        ``"cost"`` (a supported project is worth its cost: pabutools' ``Cost_Sat``, the usual
        choice for approval ballots), ``"cardinality"`` (worth 1: ``Cardinality_Sat``) or
        ``"score"`` (worth the voter's score: ``Additive_Cardinal_Sat``).
    completion
        How to spend what the method leaves unspent; ``None`` keeps the plain outcome.

    Returns
    -------
    BudgetOutcome
        Projects with cost 0 and some support come first, then one project per round at the
        lowest price per unit of utility ρ, ties broken by the string order of project ids.

    Raises
    ------
    ValueError
        If the profile does not fit the instance, or its ballots are ordinal.
    """
    prepared = _prepare(instance, profile, utility)
    unit = instance.exact_budget / prepared.total_weight if prepared.total_weight else Fraction(0)
    run = run_equal_shares(prepared.support, unit)
    prices = _greedy_prices(prepared.support)
    greedy: tuple[int, ...] = ()
    budget_left: dict[int, float] = {}
    if completion is not None:
        run, unit = raise_budgets(instance, prepared.support, (run, unit), completion)
        if completion.greedy and fits_more(instance, run.selected, range(instance.costs.size)):
            greedy, budget_left = _greedy_fill(instance, prepared.support, prices, run.selected)
    payments = np.zeros(profile.indices.size)
    payments[prepared.kept] = run.payments
    stages = Stages(run, greedy, budget_left, prices)
    funded = run.selected + greedy
    return BudgetOutcome(
        selected=tuple(instance.project_ids[j] for j in funded),
        cost=float(total_cost(instance, funded)),
        unit_budget=float(unit),
        payments=payments,
        explanations=explain(instance.project_ids, prepared.support, stages),
    )


def greedy_utilitarian(
    instance: Instance, profile: Profile, utility: Utility = "cost"
) -> BudgetOutcome:
    """Fund projects by total utility per unit of cost, skipping those that no longer fit.

    The rule most participatory budgets use (with ``utility="cost"`` it orders projects by
    number of supporters); pabutools' ``greedy_utilitarian_welfare`` with the same
    tie-breaking, including its handling of projects nobody supports (they come last).
    """
    prepared = _prepare(instance, profile, utility)
    prices = _greedy_prices(prepared.support)
    greedy, budget_left = _greedy_fill(instance, prepared.support, prices, ())
    stages = Stages(None, greedy, budget_left, prices)
    return BudgetOutcome(
        selected=tuple(instance.project_ids[j] for j in greedy),
        cost=float(total_cost(instance, greedy)),
        unit_budget=0.0,
        payments=np.zeros(profile.indices.size),
        explanations=explain(instance.project_ids, prepared.support, stages),
    )


def _greedy_prices(support: SupportMatrix) -> FloatArray:
    """Cost per unit of total utility of each project (inf without support, 0 if free)."""
    counts = np.diff(support.starts)
    project_of_entry = np.repeat(np.arange(counts.size), counts)
    weighted = support.weights[support.voters] * support.utilities
    utility = np.bincount(project_of_entry, weighted, minlength=counts.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(utility > 0, support.costs / utility, np.inf)


def _greedy_fill(
    instance: Instance, support: SupportMatrix, prices: FloatArray, funded: Sequence[int]
) -> tuple[tuple[int, ...], dict[int, float]]:
    """Add projects in greedy order while they fit; also say what was left when each was tried."""
    # Free projects with support come first (pabutools gives them infinite density) and
    # unsupported ones last, whatever their cost.
    keys = np.where(support.costs == 0, -1.0, prices)
    keys[np.isinf(prices)] = np.inf
    remaining = [j for j in range(support.costs.size) if j not in set(funded)]
    remaining.sort(key=lambda j: (keys[j], support.ranks[j]))
    ordered = _exact_near_ties(support, remaining, keys)
    left = instance.exact_budget - total_cost(instance, funded)
    added, budget_left = [], {}
    for j in ordered:
        budget_left[j] = float(left)
        cost = support.exact_costs[j]
        if cost <= left:
            added.append(j)
            left -= cost
    return tuple(added), budget_left


def _exact_near_ties(support: SupportMatrix, ordered: list[int], keys: FloatArray) -> list[int]:
    """Reorder runs of nearly equal greedy keys by their exact values (then by rank)."""
    result: list[int] = []
    run: list[int] = []
    for j in [*ordered, -1]:
        if (
            run
            and j >= 0
            and np.isfinite(keys[j])
            and keys[j] > 0
            and keys[j] <= keys[run[-1]] * (1 + 1e-9)
        ):
            run.append(j)
            continue
        if len(run) > 1:
            run.sort(
                key=lambda k: (
                    support.exact_costs[k] / exact_total_utility(support, k),
                    support.ranks[k],
                )
            )
        result.extend(run)
        run = [j]
    return result
