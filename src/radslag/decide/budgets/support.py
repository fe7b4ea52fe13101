"""Who supports which project: the support matrix the Method of Equal Shares runs on.

Shared by the floating-point rule (:mod:`~radslag.decide.budgets.equal_shares`) and its exact
fallback (:mod:`~radslag.decide.budgets.exact_shares`), so neither imports the other's module
for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from radslag.decide.validation import FloatArray, IntArray


@dataclass(frozen=True)
class SupportMatrix:
    """Who supports which project, with positive utilities, stored both ways.

    Attributes
    ----------
    costs : (m,) float array
        Project costs.
    ranks : (m,) int array
        Tie-break rank of each project; lower wins.
    weights : (n,) float array
        Voter weights, all positive.
    starts, voters, utilities : (m + 1,), (nnz,), (nnz,) arrays
        Project-major entries: the supporters of project ``j`` are
        ``voters[starts[j]:starts[j + 1]]`` with utilities (per unit of weight) alongside.
    voter_starts, voter_projects : (n + 1,), (nnz,) int arrays
        The same entries voter-major, in the caller's order.
    entry_order : (nnz,) int array
        For each project-major entry, its position in the caller's (voter-major) order.
    exact_costs : tuple of Fraction
        The exact costs (money), which the exact fallback compares.
    cost_utility : bool
        Whether every supporter's utility of a project is its cost, so that the exact fallback
        takes the exact cost rather than the float.
    """

    costs: FloatArray
    ranks: IntArray
    weights: FloatArray
    starts: IntArray
    voters: IntArray
    utilities: FloatArray
    voter_starts: IntArray
    voter_projects: IntArray
    entry_order: IntArray
    exact_costs: tuple[Fraction, ...]
    cost_utility: bool


def support_matrix(
    amounts: tuple[FloatArray, tuple[Fraction, ...]],
    ranks: IntArray,
    weights: FloatArray,
    entries: tuple[IntArray, IntArray, FloatArray],
    cost_utility: bool = False,
) -> SupportMatrix:
    """Build a :class:`SupportMatrix` from voter-major ``(voter, project, utility)`` entries.

    ``amounts`` are the costs as floats and exactly. The entries must be sorted by voter and have
    positive utilities; the caller validates.
    """
    costs, exact_costs = amounts
    voters, projects, utilities = entries
    # Project ids fit in 16 bits in every real instance, where numpy's stable sort is a radix
    # sort: ten times faster than on 64-bit keys at 100 000 voters.
    keys = projects.astype(np.int16) if costs.size <= np.iinfo(np.int16).max else projects
    order = np.argsort(keys, kind="stable")
    starts = np.zeros(costs.size + 1, dtype=np.int64)
    np.cumsum(np.bincount(projects, minlength=costs.size), out=starts[1:])
    voter_starts = np.zeros(weights.size + 1, dtype=np.int64)
    np.cumsum(np.bincount(voters, minlength=weights.size), out=voter_starts[1:])
    return SupportMatrix(
        costs=costs,
        ranks=ranks,
        weights=weights,
        starts=starts,
        voters=voters[order],
        utilities=utilities[order],
        voter_starts=voter_starts,
        voter_projects=projects,
        entry_order=order,
        exact_costs=exact_costs,
        cost_utility=cost_utility,
    )
