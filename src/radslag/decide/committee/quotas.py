"""Why quotas cannot be met, and the nearest quotas that can.

Before any lottery is computed the quotas are checked: a minimum larger than the candidates
with that value, minimums adding up to more seats than the panel has, or maximums adding up to
fewer. Quotas can also clash only jointly (two features pulling on the same few candidates);
then a MIP with a slack on every bound finds the smallest total relaxation that admits a panel,
as the "relaxed quotas" suggestion of the sortition-algorithms package does.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np

from radslag.decide.committee.lp import PanelFinder, TypedQuotas, column_matrix, quiet_highs
from radslag.decide.validation import IntArray


@dataclass(frozen=True)
class QuotaChange:
    """One bound to relax: the quota of ``feature = value`` from ``old`` to ``new`` (min, max)."""

    feature: str
    value: str
    old: tuple[int, int]
    new: tuple[int, int]

    def __str__(self) -> str:
        parts = []
        if self.new[0] != self.old[0]:
            parts.append(f"min {self.old[0]} → {self.new[0]}")
        if self.new[1] != self.old[1]:
            parts.append(f"max {self.old[1]} → {self.new[1]}")
        return f"{self.feature}={self.value}: " + ", ".join(parts)


class InfeasibleQuotasError(ValueError):
    """No panel meets the quotas.

    Attributes
    ----------
    problems : tuple of str
        What cannot be met, each naming the feature values involved.
    relaxation : tuple of QuotaChange
        The smallest total change to the bounds after which a panel exists.
    clashing : tuple of (str, str)
        The ``(feature, value)`` of the quotas that cannot be met together, an irreducible set
        (:func:`clashing_quotas`), so that a form can mark each of them.
    """

    def __init__(
        self,
        problems: tuple[str, ...],
        relaxation: tuple[QuotaChange, ...],
        clashing: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.problems = problems
        self.relaxation = relaxation
        self.clashing = clashing
        nearest = "; ".join(str(change) for change in relaxation) or "none found"
        super().__init__(
            "quotas cannot be met: " + "; ".join(problems) + f". Nearest quotas that can: {nearest}"
        )


def obvious_problems(
    problem: TypedQuotas, labels: list[tuple[str, str]], pool_counts: IntArray
) -> list[str]:
    """Bounds that fail on their own or within one feature, each named.

    ``labels[v]`` is the ``(feature, value)`` of quota row ``v`` and ``pool_counts[v]`` the
    number of candidates with that value.
    """
    problems = []
    seats = problem.panel_size
    for (feature, value), low, count in zip(labels, problem.lower, pool_counts, strict=True):
        if low > count:
            problems.append(f"{feature}={value} needs at least {low} but the pool has {count}")
    features = sorted({feature for feature, _ in labels})
    for feature in features:
        rows = [v for v, (f, _) in enumerate(labels) if f == feature]
        low = int(problem.lower[rows].sum())
        if low > seats:
            problems.append(f"{feature}: minimums add up to {low}, more than {seats} seats")
        covers_pool = int(pool_counts[rows].sum()) == int(problem.sizes.sum())
        high = int(problem.upper[rows].sum())
        if covers_pool and high < seats:
            problems.append(f"{feature}: maximums add up to {high}, fewer than {seats} seats")
    return problems


def nearest_relaxation(
    problem: TypedQuotas, labels: list[tuple[str, str]]
) -> tuple[QuotaChange, ...]:
    """The smallest total relaxation of the bounds after which a quota-satisfying panel exists.

    Solves ``min sum(lower_slack + upper_slack)`` over integer panels ``x`` with
    ``lower - lower_slack <= incidence @ x <= upper + upper_slack``. Requires the panel size not
    to exceed the pool.
    """
    n_types, n_quotas = problem.n_types, len(problem.lower)
    eye = np.eye(n_quotas)
    matrix = np.vstack(
        [
            np.concatenate([np.ones(n_types), np.zeros(2 * n_quotas)]),
            np.hstack([problem.incidence, eye, np.zeros((n_quotas, n_quotas))]),
            np.hstack([problem.incidence, np.zeros((n_quotas, n_quotas)), -eye]),
        ]
    )
    inf = highspy.kHighsInf
    lp = highspy.HighsLp()
    lp.num_col_ = n_types + 2 * n_quotas
    lp.num_row_ = 1 + 2 * n_quotas
    lp.col_cost_ = np.concatenate([np.zeros(n_types), np.ones(2 * n_quotas)])
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.concatenate([problem.sizes, problem.lower, np.full(n_quotas, inf)])
    seats = float(problem.panel_size)
    lp.row_lower_ = np.concatenate([[seats], problem.lower, np.full(n_quotas, -inf)])
    lp.row_upper_ = np.concatenate([[seats], np.full(n_quotas, inf), problem.upper])
    column_matrix(lp, matrix)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * lp.num_col_
    highs = quiet_highs()
    highs.passModel(lp)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return ()
    slack = np.rint(np.asarray(highs.getSolution().col_value)[n_types:]).astype(np.int64)
    lower_slack, upper_slack = slack[:n_quotas], slack[n_quotas:]
    changes = []
    for v in np.flatnonzero(lower_slack + upper_slack):
        old = (int(problem.lower[v]), int(problem.upper[v]))
        new = (old[0] - int(lower_slack[v]), old[1] + int(upper_slack[v]))
        changes.append(QuotaChange(labels[v][0], labels[v][1], old, new))
    return tuple(changes)


def require_feasible(
    problem: TypedQuotas, labels: list[tuple[str, str]], pool_counts: IntArray
) -> None:
    """Raise :class:`InfeasibleQuotasError` unless some panel meets the quotas."""
    problems = obvious_problems(problem, labels, pool_counts)
    if not problems:
        found, _ = PanelFinder(problem).best(np.zeros(problem.n_types))
        if found:
            return
    relaxation = nearest_relaxation(problem, labels)
    clashing = clashing_quotas(problem)
    if not problems:
        named = ", ".join(
            f"{labels[v][0]}={labels[v][1]} (min {problem.lower[v]}, max {problem.upper[v]})"
            for v in clashing
        )
        problems = [f"the quotas on {named} cannot all be met together"]
    raise InfeasibleQuotasError(tuple(problems), relaxation, tuple(labels[v] for v in clashing))


def clashing_quotas(problem: TypedQuotas) -> list[int]:
    """A smallest-by-inclusion set of quota rows that no panel can meet together.

    The deletion filter of Chinneck & Dravnieks (1991), "Locating minimal infeasible constraint
    sets in linear programs", ORSA Journal on Computing 3(2): drop one quota at a time and keep
    it dropped while the rest stay infeasible; what remains is an irreducible infeasible set, so
    every quota named takes part in the clash (the nearest relaxation may change only one).
    """
    lower, upper = problem.lower.copy(), problem.upper.copy()
    kept = []
    for v in range(len(lower)):
        lower[v], upper[v] = 0, problem.panel_size
        trial = TypedQuotas(problem.sizes, problem.incidence, lower, upper, problem.panel_size)
        if PanelFinder(trial).best(np.zeros(problem.n_types))[0]:
            lower[v], upper[v] = problem.lower[v], problem.upper[v]
            kept.append(v)
    return kept
