"""Exact rational arithmetic for the Method of Equal Shares, used where floats cannot decide.

:mod:`radslag.decide.budgets.equal_shares` runs in floating point and asks this module only when two
prices (or a price and an affordability threshold) are too close for floating point to order
them. The answer is then the one exact arithmetic gives, as in pabutools, which computes with
``gmpy2`` fractions throughout.

Voters whose budgets have had the same history hold the same budget, so the ledger keeps one
:class:`fractions.Fraction` per *class* of voters rather than one per voter: in small instances
(where exact ties are common) the classes are few, and nothing here runs on large instances
unless a near tie actually occurs there.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from radslag.decide.budgets.support import SupportMatrix
from radslag.decide.validation import FloatArray, IntArray

_SMALL = 2048


class ExactLedger:
    """Per-unit-weight budgets of all voters as exact fractions, grouped into classes.

    Parameters
    ----------
    support
        Who supports which project, with utilities per unit of voter weight.
    unit_budget
        The starting budget of one unit of voter weight.
    """

    def __init__(self, support: SupportMatrix, unit_budget: Fraction) -> None:
        self._support = support
        self._class_of: IntArray = np.zeros(support.weights.size, dtype=np.int64)
        self._budgets: list[Fraction] = [unit_budget]
        self.replayed = 0
        """How many selections have been paid for in this ledger."""

    def _supporters(self, project: int) -> tuple[IntArray, FloatArray]:
        lo, hi = self._support.starts[project], self._support.starts[project + 1]
        return self._support.voters[lo:hi], self._support.utilities[lo:hi]

    def price(self, project: int) -> Fraction | None:
        """Return the exact price per unit of utility ρ of ``project``, or None if unaffordable.

        ρ is the least value with ``Σ_i w_i · min(b_i, ρ · u_i) = cost`` over the supporters
        (Peters, Pierczyński & Skowron 2021, Definition 4.1): supporters are taken from the
        poorest (lowest budget per utility) up, each either paying all it has or ρ · u_i.
        """
        voters, utilities = self._supporters(project)
        exact = exact_utility(self._support, project)
        groups: list[tuple[Fraction, Fraction, Fraction]] = [
            (self._budgets[int(klass)], exact(utility), count * as_fraction(weight))
            for (klass, utility, weight), count in _count_rows(
                self._class_of[voters], utilities, self._support.weights[voters]
            )
        ]
        cost = self._support.exact_costs[project]
        if sum((weight * budget for budget, _, weight in groups), Fraction(0)) < cost:
            return None
        groups.sort(key=lambda group: group[0] / group[1])
        remaining = cost
        rich_utility = sum((weight * utility for _, utility, weight in groups), Fraction(0))
        for budget, utility, weight in groups:
            rho = remaining / rich_utility
            if rho * utility <= budget:
                return rho
            remaining -= weight * budget
            rich_utility -= weight * utility
        raise AssertionError("supporters can afford the project but no price was found")

    def pay(self, project: int, rho: Fraction) -> None:
        """Charge every supporter of ``project`` ``min(budget, ρ · utility)``."""
        voters, utilities = self._supporters(project)
        classes = self._class_of[voters]
        new_class: dict[tuple[float, ...], int] = {}
        exact = exact_utility(self._support, project)
        for (klass, utility), _ in _count_rows(classes, utilities):
            budget = self._budgets[int(klass)]
            self._budgets.append(budget - min(budget, rho * exact(utility)))
            new_class[(klass, utility)] = len(self._budgets) - 1
        pairs = zip(classes.tolist(), utilities.tolist(), strict=True)
        self._class_of[voters] = [new_class[pair] for pair in pairs]
        self.replayed += 1

    def budgets(self) -> FloatArray:
        """Return every voter's budget per unit of weight, rounded to the nearest float."""
        values = np.array([float(budget) for budget in self._budgets], dtype=np.float64)
        return values[self._class_of]


def exact_total_utility(support: SupportMatrix, project: int) -> Fraction:
    """Return ``Σ_i w_i · u_i`` over the supporters of ``project`` as an exact fraction."""
    lo, hi = support.starts[project], support.starts[project + 1]
    rows = _count_rows(support.utilities[lo:hi], support.weights[support.voters[lo:hi]])
    exact = exact_utility(support, project)
    return sum(
        (count * exact(utility) * as_fraction(weight) for (utility, weight), count in rows),
        Fraction(0),
    )


def exact_utility(support: SupportMatrix, project: int) -> Callable[[float], Fraction]:
    """How to read a supporter's float utility of ``project`` exactly.

    A utility that is the project's cost is the exact cost (money, as given); others are the
    exact values of their floats.
    """
    if support.cost_utility:
        cost = support.exact_costs[project]
        return lambda _: cost
    return as_fraction


@functools.lru_cache(maxsize=4096)
def as_fraction(value: float) -> Fraction:
    """Return the exact value of a float as a fraction (cached: costs recur in every run)."""
    return Fraction(value)


def _count_rows(*columns: npt.NDArray[np.generic]) -> list[tuple[tuple[float, ...], int]]:
    """Distinct rows of the given columns (as floats) with how often each occurs."""
    if columns[0].size <= _SMALL:
        # Counting tuples in Python beats numpy's sort-based unique on small arrays.
        return list(Counter(zip(*(column.tolist() for column in columns), strict=True)).items())
    table = np.column_stack([column.astype(np.float64) for column in columns])
    keys, counts = np.unique(table, axis=0, return_counts=True)
    return [(tuple(key), count) for key, count in zip(keys.tolist(), counts.tolist(), strict=True)]
