"""The Method of Equal Shares on arrays: a fast floating-point core with an exact fallback.

Every voter starts with an equal share of the budget per unit of weight. In each round the
project that can be bought at the lowest price per unit of utility ρ is bought: each supporter
pays ``min(budget, ρ · utility)``. A project whose supporters together hold less than its cost
can no longer be bought; the rule stops when none is left (Peters, Pierczyński & Skowron 2021,
"Proportional participatory budgeting with additive utilities", NeurIPS; equalshares.net).

Speed
    ρ of one project solves ``Σ_i min(b_i, ρ · u_i) = cost`` over its supporters, a concave
    piecewise-linear equation. Newton's method from ``cost / Σ u_i`` reaches it from below and
    stops exactly once the set of supporters who pay all they have is stable, usually within a
    few vectorised passes (a sort is the fallback). Budgets only fall, so a project's last ρ is
    a lower bound on its current ρ; each round evaluates projects in order of that bound and
    stops once the bound exceeds the best price found, as the reference implementations do.

Exactness
    pabutools computes with exact fractions; floats must give the same outcome. Each price
    comes with a relative error bound ``TOLERANCE · (1 + start money / (cost − money of the
    voters who pay all))``, generous against the rounding of a few hundred rounds, and each
    affordability test with a margin ``TOLERANCE · (start money + cost)``. When the decision a
    round needs (which ρ is lowest; can the winner be afforded) is not certain under these
    bounds, the candidates are priced again with :class:`fractions.Fraction` by
    :class:`~radslag.decide.budgets.exact_shares.ExactLedger`, and the float budgets are reset to
    the
    exact ones. Exact ties, frequent in small instances with round numbers, are thus broken by
    the same rule as pabutools, not by rounding noise.

Ties
    Equal ρ is broken in favour of the project with the lowest ``rank`` (the caller passes the
    order of project ids as Python strings, pabutools' default ``lexico_tie_breaking``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

import numpy as np

from radslag.decide.budgets.exact_shares import ExactLedger
from radslag.decide.budgets.support import SupportMatrix
from radslag.decide.validation import FloatArray, IntArray

TOLERANCE = 1e-11
"""Relative size of the floating-point error bound on prices and affordability tests."""

_NEWTON_STEPS = 32
_DUST = 64 * float(np.finfo(np.float64).eps)


@dataclass(frozen=True)
class EqualSharesRun:
    """What one run of the Method of Equal Shares did, project by project.

    Attributes
    ----------
    selected : tuple of int
        Projects bought, in order: free projects (cost 0, some support) first, by rank.
    rounds : (m,) int array
        For a bought project the round it was bought in (0 for free ones); for any other
        project with support the round whose purchase left its supporters unable to pay for
        it (0 if they never could); -1 for projects without support.
    rho : (m,) float array
        The price per unit of utility paid (bought) or needed in the round it lost (others).
    rivals : (m,) int array
        For a project that lost, the project bought in the round it lost; -1 otherwise.
    money_left : (m,) float array
        For a project that lost, what its supporters held after that round.
    payments : (nnz,) float array
        Money each supporter paid for each project, in the caller's entry order.
    """

    selected: tuple[int, ...]
    rounds: IntArray
    rho: FloatArray
    rivals: IntArray
    money_left: FloatArray
    payments: FloatArray


def run_equal_shares(support: SupportMatrix, unit_budget: Fraction) -> EqualSharesRun:
    """Run the Method of Equal Shares with ``unit_budget`` per unit of voter weight.

    A voter of weight ``w`` starts with ``w · unit_budget`` and counts as ``w`` identical
    voters: it pays ``min(budget, ρ · w · u)``. See the module docstring for the method,
    the tie-breaking and the exactness guarantee.
    """
    return _Market(support, unit_budget).run()


class _Price(NamedTuple):
    rho: float  # inf when the supporters certainly cannot pay
    slack: float  # relative error bound on rho
    money: float  # what the supporters hold
    certain: bool  # affordable beyond doubt


class _Market:
    """The mutable state of one run; :func:`run_equal_shares` is the pure face of it."""

    def __init__(self, support: SupportMatrix, unit_budget: Fraction) -> None:
        self.support = support
        self.unit_budget = unit_budget
        n_projects = support.costs.size
        counts = np.diff(support.starts)
        self.project_of_entry = np.repeat(np.arange(n_projects), counts)
        self.entry_weights = support.weights[support.voters]
        self.entry_weighted_utility = self.entry_weights * support.utilities
        self.beta = np.full(support.weights.size, float(unit_budget))
        self.start_money = self._all_money()
        self.money = self.start_money.copy()
        self.margin = TOLERANCE * (self.start_money + support.costs)
        total_utility = _sum_by(self.project_of_entry, self.entry_weighted_utility, n_projects)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.lower = support.costs / total_utility * (1 - TOLERANCE)
        self.rounds = np.where(counts > 0, 0, -1).astype(np.int64)
        self.rho = np.full(n_projects, np.nan)
        self.rivals = np.full(n_projects, -1, dtype=np.int64)
        self.money_left = np.where(counts > 0, self.money, np.nan)
        self.payments = np.zeros(support.voters.size)
        free = np.flatnonzero((counts > 0) & (support.costs == 0))
        self.selected: list[int] = sorted(free.tolist(), key=lambda j: int(support.ranks[j]))
        self.rho[free] = 0.0
        self.bought: list[int] = []
        self.active = (
            (counts > 0) & (support.costs > 0) & (self.money >= support.costs - self.margin)
        )
        self.ledger: ExactLedger | None = None

    def run(self) -> EqualSharesRun:
        while (choice := self._choose()) is not None:
            self._buy(*choice)
        payments = np.empty_like(self.payments)
        payments[self.support.entry_order] = self.payments
        return EqualSharesRun(
            selected=tuple(self.selected),
            rounds=self.rounds,
            rho=self.rho,
            rivals=self.rivals,
            money_left=self.money_left,
            payments=payments,
        )

    def _entries(self, project: int) -> slice:
        return slice(int(self.support.starts[project]), int(self.support.starts[project + 1]))

    def _all_money(self) -> FloatArray:
        held = self.entry_weights * self.beta[self.support.voters]
        return _sum_by(self.project_of_entry, held, self.support.costs.size)

    def _price(self, project: int) -> _Price:
        entries = self._entries(project)
        beta = self.beta[self.support.voters[entries]]
        money_each = self.entry_weights[entries] * beta
        money = float(money_each.sum())
        cost = float(self.support.costs[project])
        margin = float(self.margin[project])
        if money < cost - margin:
            return _Price(math.inf, 0.0, money, certain=False)
        rho, poor_money = _water_level(
            beta,
            self.support.utilities[entries],
            money_each,
            self.entry_weighted_utility[entries],
            cost,
        )
        numerator = cost - poor_money
        slack = (
            TOLERANCE * (1 + float(self.start_money[project]) / numerator)
            if numerator > margin
            else math.inf
        )
        return _Price(rho, slack, money, certain=money > cost + margin)

    def _choose(self) -> tuple[int, float, Fraction | None] | None:
        """Return the next project to buy with its ρ (exact too, if it had to be computed)."""
        ranks = self.support.ranks
        while True:
            candidates = np.flatnonzero(self.active)
            if candidates.size == 0:
                return None
            order = candidates[np.lexsort((ranks[candidates], self.lower[candidates]))]
            best_high = math.inf
            contenders: list[tuple[int, _Price, float]] = []
            for project in order.tolist():
                if self.lower[project] > best_high:
                    break
                price = self._price(project)
                self.money[project] = price.money
                if price.rho == math.inf:
                    self.active[project] = False
                    continue
                low = price.rho * (1 - price.slack)
                self.lower[project] = max(float(self.lower[project]), low)
                contenders.append((project, price, low))
                if price.certain:
                    best_high = min(best_high, price.rho * (1 + price.slack))
            close = [(project, price) for project, price, low in contenders if low <= best_high]
            if len(close) == 1 and close[0][1].certain:
                return close[0][0], close[0][1].rho, None
            if close and (choice := self._choose_exactly([project for project, _ in close])):
                return choice

    def _choose_exactly(self, projects: list[int]) -> tuple[int, float, Fraction] | None:
        ledger = self._exact_ledger()
        priced = []
        for project in projects:
            rho = ledger.price(project)
            if rho is None:
                self.active[project] = False
            else:
                priced.append((rho, int(self.support.ranks[project]), project))
        # Resetting the floats to the exact budgets keeps rounding from accumulating.
        self.beta = ledger.budgets()
        self.money = self._all_money()
        if not priced:
            return None
        rho, _, project = min(priced)
        return project, float(rho), rho

    def _exact_ledger(self) -> ExactLedger:
        if self.ledger is None:
            self.ledger = ExactLedger(self.support, self.unit_budget)
        for project in self.bought[self.ledger.replayed :]:
            rho = self.ledger.price(project)
            if rho is None:
                raise RuntimeError(f"floating-point filter failed on project {project}")
            self.ledger.pay(project, rho)
        return self.ledger

    def _buy(self, project: int, rho: float, exact_rho: Fraction | None) -> None:
        ledger = self.ledger
        if exact_rho is not None and ledger is not None and ledger.replayed == len(self.bought):
            ledger.pay(project, exact_rho)
        entries = self._entries(project)
        voters = self.support.voters[entries]
        before = self.beta[voters]
        paid = np.minimum(before, rho * self.support.utilities[entries])
        after = before - paid
        # A voter who pays (nearly) all it has is left with exactly nothing, as in exact
        # arithmetic; the residue would only be rounding.
        dust = after <= _DUST * float(self.unit_budget)
        paid[dust], after[dust] = before[dust], 0.0
        money_paid = paid * self.entry_weights[entries]
        self.payments[entries] = money_paid
        paying = money_paid > 0
        money_after = self.money - self._money_delta(voters[paying], money_paid[paying])
        self.active[project] = False
        round_number = len(self.bought) + 1
        costs = self.support.costs
        for loser in np.flatnonzero(self.active & (money_after < costs + self.margin)).tolist():
            self.rounds[loser] = round_number
            self.rho[loser] = self._price(loser).rho
            self.rivals[loser] = project
            self.money_left[loser] = money_after[loser]
        self.beta[voters] = after
        self.money = money_after
        self.active &= money_after >= costs - self.margin
        self.rounds[project] = round_number
        self.rho[project] = rho
        self.money_left[project] = np.nan
        self.selected.append(project)
        self.bought.append(project)

    def _money_delta(self, voters: IntArray, amounts: FloatArray) -> FloatArray:
        """Return how much the supporters of each project paid, given who paid what."""
        support = self.support
        firsts = support.voter_starts[voters]
        lengths = support.voter_starts[voters + 1] - firsts
        shift = np.repeat(firsts - (np.cumsum(lengths) - lengths), lengths)
        positions = shift + np.arange(int(lengths.sum()))
        return _sum_by(
            support.voter_projects[positions], np.repeat(amounts, lengths), support.costs.size
        )


def _sum_by(groups: IntArray, values: FloatArray, size: int) -> FloatArray:
    """Sum ``values`` by group (``np.bincount`` with weights, typed as floats)."""
    return np.bincount(groups, values, minlength=size).astype(np.float64, copy=False)


def _water_level(
    beta: FloatArray,
    utilities: FloatArray,
    money_each: FloatArray,
    weighted_utility: FloatArray,
    cost: float,
) -> tuple[float, float]:
    """Solve ``Σ min(w·b, ρ·w·u) = cost`` for ρ; return ρ and the money of those who pay all.

    Newton's method on the concave left-hand side starts below the root and never overshoots,
    so the set of voters who pay all they have only grows; once it is stable ρ is the root.
    """
    rho = cost / float(weighted_utility.sum())
    poor_count, poor_money = 0, 0.0
    for _ in range(_NEWTON_STEPS):
        poor = beta < rho * utilities
        count = int(np.count_nonzero(poor))
        if count <= poor_count:
            return rho, poor_money
        poor_count = count
        poor_money = float(money_each[poor].sum())
        rich_utility = float(weighted_utility[~poor].sum())
        if rich_utility <= 0:
            return float(np.max(beta / utilities)), poor_money
        rho = (cost - poor_money) / rich_utility
    return _water_level_by_sorting(beta / utilities, money_each, weighted_utility, cost)


def _water_level_by_sorting(
    ratio: FloatArray, money_each: FloatArray, weighted_utility: FloatArray, cost: float
) -> tuple[float, float]:
    """The textbook scan (equalshares.net): poorest budget per utility first."""
    order = np.argsort(ratio, kind="stable")
    ratio, money_each, weighted_utility = ratio[order], money_each[order], weighted_utility[order]
    paid_before = np.concatenate(([0.0], np.cumsum(money_each)[:-1]))
    rich_utility = np.cumsum(weighted_utility[::-1])[::-1]
    rhos = (cost - paid_before) / rich_utility
    affordable = np.flatnonzero(rhos <= ratio)
    index = int(affordable[0]) if affordable.size else ratio.size - 1
    return float(rhos[index]), float(paid_before[index])
