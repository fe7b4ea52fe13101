"""Ranked and approval ballots: Schulze, Borda, Copeland, Kemeny and approval counts.

Data shape: ``ranks`` is an ``(n_ballots, n_items)`` array where ``ranks[b, i]`` is the position
ballot ``b`` gives item ``i``: smaller is better, equal values are ties (a weak order). Leave an
item unranked by giving it a position below all ranked ones, e.g. ``n_items``. Every method
takes optional ``weights``, one non-negative number per ballot, such as the ``record_weights``
of :func:`radslag.decide.rankings.aggregation.two_level_weights`.

All the ranked methods start from the pairwise preference matrix ``d[i, j]``: the weight of
the ballots that put ``i`` strictly above ``j``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import highspy
import numpy as np
import numpy.typing as npt

from radslag.decide.highs_solver import new_highs
from radslag.decide.rankings.aggregation import as_weights
from radslag.decide.validation import FloatArray, IntArray, as_float_array, require_non_empty

# Exact Kemeny is NP-hard; the integer programme has n(n-1)/2 variables and n(n-1)(n-2)/3
# constraints, solved in well under a second up to about 12 items, slowly beyond 20.
KEMENY_MAX_ITEMS = 20
# Bounds the ballots × items × items comparison block while counting preferences.
_BLOCK_CELLS = 1 << 22


@dataclass(frozen=True)
class ScoredRanking:
    """Scores per item and the ranking they imply (Borda, Copeland, approval).

    Attributes
    ----------
    scores : FloatArray
        ``(n_items,)`` higher is better.
    order : IntArray
        ``(n_items,)`` item ids best first; equal scores keep item-id order.
    ranks : IntArray
        ``(n_items,)`` 1 for the best; equal scores share a rank ("1224" ranking).
    """

    scores: FloatArray
    order: IntArray
    ranks: IntArray


@dataclass(frozen=True)
class SchulzeResult:
    """The outcome of :func:`schulze`.

    Attributes
    ----------
    preferences : FloatArray
        ``(n_items, n_items)`` weight of ballots ranking ``i`` strictly above ``j``.
    strongest_paths : FloatArray
        ``(n_items, n_items)`` strength of the strongest path from ``i`` to ``j``.
    order : IntArray
        ``(n_items,)`` item ids best first (ties in item-id order).
    ranks : IntArray
        ``(n_items,)`` 1 + the number of items that beat the item; tied items share a rank.
    winners : IntArray
        Item ids beaten by no other item (usually one).
    """

    preferences: FloatArray
    strongest_paths: FloatArray
    order: IntArray
    ranks: IntArray
    winners: IntArray


@dataclass(frozen=True)
class KemenyResult:
    """The outcome of :func:`kemeny`.

    Attributes
    ----------
    order : IntArray
        ``(n_items,)`` item ids best first: a ranking that agrees with the most ballot pairs.
    ranks : IntArray
        ``(n_items,)`` position of each item, 1 for the best.
    agreement : float
        Total weight of (ballot, pair) agreements with ``order``, the maximised objective.
    """

    order: IntArray
    ranks: IntArray
    agreement: float


def pairwise_preferences(ranks: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> FloatArray:
    """Return ``d[i, j]``, the weight of ballots ranking ``i`` strictly above ``j``.

    Identical ballots are merged first, so the work grows with the number of distinct ballots.

    Raises
    ------
    ValueError
        Naming ``ranks`` when it is not a non-empty 2-D array of finite numbers with at least
        two items, or ``weights`` when they do not fit.
    """
    positions = _as_ranks(ranks)
    weight = as_weights("weights", weights, len(positions))
    distinct, inverse = np.unique(positions, axis=0, return_inverse=True)
    merged = np.bincount(inverse.ravel(), weights=weight, minlength=len(distinct))
    n = positions.shape[1]
    preferences = np.zeros((n, n))
    block = max(1, _BLOCK_CELLS // (n * n))
    for start in range(0, len(distinct), block):
        rows = distinct[start : start + block]
        above = rows[:, :, None] < rows[:, None, :]
        preferences += np.einsum("b,bij->ij", merged[start : start + block], above)
    return preferences


def schulze(ranks: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> SchulzeResult:
    """Rank items by the Schulze method (beatpath, winning votes).

    Schulze, M. (2011), "A new monotonic, clone-independent, reversal symmetric, and
    Condorcet-consistent single-winner election method", *Social Choice and Welfare* 36(2),
    267-303. The strongest paths come from a widest-path Floyd–Warshall, vectorised per
    intermediate item; ``i`` ranks above ``j`` when ``p[i, j] > p[j, i]``, which Schulze proves
    transitive, so counting the items that beat each item gives a consistent weak order.

    Parameters
    ----------
    ranks : array_like
        ``(n_ballots, n_items)`` positions per ballot, smaller is better, ties allowed.
    weights : array_like of float, optional
        ``(n_ballots,)`` non-negative weight per ballot. Default: 1 each.

    Returns
    -------
    SchulzeResult
        Preferences, strongest paths, the ranking and the winners.

    Raises
    ------
    ValueError
        Naming the argument for malformed ranks or weights.
    """
    preferences = pairwise_preferences(ranks, weights)
    margin = _majority_margin(preferences)
    paths = np.where(margin > 0, preferences, 0.0)
    for k in range(len(paths)):
        paths = np.maximum(paths, np.minimum(paths[:, k : k + 1], paths[k : k + 1, :]))
    np.fill_diagonal(paths, 0.0)
    beats = _majority_margin(paths) > 0
    positions = (1 + beats.sum(axis=0)).astype(np.int64)
    order = np.lexsort((np.arange(len(positions)), positions)).astype(np.int64)
    return SchulzeResult(
        preferences=preferences,
        strongest_paths=paths,
        order=order,
        ranks=positions,
        winners=np.flatnonzero(positions == 1).astype(np.int64),
    )


def borda(ranks: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> ScoredRanking:
    """Rank items by Borda count: one point per item ranked below, half a point per tie.

    Borda, J.-C. de (1781), "Mémoire sur les élections au scrutin", *Histoire de l'Académie
    Royale des Sciences*. Splitting the point of a tied pair keeps every ballot's total the same
    whether or not it uses ties, so ties neither help nor hurt.

    Raises
    ------
    ValueError
        Naming the argument for malformed ranks or weights.
    """
    preferences = pairwise_preferences(ranks, weights)
    # For each pair, the ballots not preferring either way are ties: half a point each side.
    total = as_weights("weights", weights, np.shape(ranks)[0]).sum()
    tied = total - preferences - preferences.T
    np.fill_diagonal(tied, 0.0)
    return _scored(preferences.sum(axis=1) + 0.5 * tied.sum(axis=1))


def copeland(ranks: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> ScoredRanking:
    """Rank items by Copeland score: pairwise majority wins plus half a point per majority tie.

    Copeland, A. H. (1951), "A reasonable social welfare function", University of Michigan
    seminar on applications of mathematics to the social sciences. A Condorcet winner, if one
    exists, is the unique top item.

    Raises
    ------
    ValueError
        Naming the argument for malformed ranks or weights.
    """
    margin = _majority_margin(pairwise_preferences(ranks, weights))
    ties = margin == 0
    np.fill_diagonal(ties, False)
    return _scored((margin > 0).sum(axis=1) + 0.5 * ties.sum(axis=1))


def kemeny(ranks: npt.ArrayLike, weights: npt.ArrayLike | None = None) -> KemenyResult:
    """Find a Kemeny–Young ranking exactly by integer programming with HiGHS.

    Kemeny, J. G. (1959), "Mathematics without numbers", *Daedalus* 88(4), 577-591; the
    ordering formulation with 3-cycle constraints is that of Conitzer, V., Davenport, A. &
    Kalagnanam, J. (2006), "Improved bounds for computing Kemeny rankings", AAAI. Binary
    ``x_ij`` (``i < j``) says ``i`` is above ``j``; for each triple ``0 ≤ x_ij + x_jk - x_ik ≤ 1``
    forbids cycles; the objective is the weight of ballot pairs the ranking agrees with.

    Raises
    ------
    ValueError
        Naming ``ranks`` for malformed ranks or more than ``KEMENY_MAX_ITEMS`` items, or
        ``weights`` when they do not fit.
    """
    preferences = pairwise_preferences(ranks, weights)
    n = len(preferences)
    if n > KEMENY_MAX_ITEMS:
        raise ValueError(f"ranks: exact Kemeny supports at most {KEMENY_MAX_ITEMS} items, got {n}")
    first, second = np.triu_indices(n, k=1)
    above = _solve_ordering(preferences, first, second)
    below_count = np.zeros(n)
    np.add.at(below_count, first, above)
    np.add.at(below_count, second, 1.0 - above)
    order = np.argsort(-below_count, kind="stable").astype(np.int64)
    positions = np.empty(n, dtype=np.int64)
    positions[order] = np.arange(1, n + 1)
    agreement = float(
        (preferences[first, second] * above + preferences[second, first] * (1 - above)).sum()
    )
    return KemenyResult(order=order, ranks=positions, agreement=agreement)


def approval_counts(
    approvals: npt.ArrayLike, weights: npt.ArrayLike | None = None
) -> ScoredRanking:
    """Rank items by (weighted) number of approvals.

    Brams, S. J. & Fishburn, P. C. (1978), "Approval voting", *American Political Science
    Review* 72(3), 831-847.

    Parameters
    ----------
    approvals : array_like of bool or 0/1
        ``(n_ballots, n_items)``, true where the ballot approves the item.
    weights : array_like of float, optional
        ``(n_ballots,)`` non-negative weight per ballot. Default: 1 each.

    Raises
    ------
    ValueError
        Naming ``approvals`` when it is not a non-empty 2-D array of 0/1 values, or
        ``weights`` when they do not fit.
    """
    marks = as_float_array("approvals", approvals, ndim=2)
    require_non_empty("approvals", marks)
    if not np.all((marks == 0) | (marks == 1)):
        raise ValueError("approvals: expected only 0/1 or True/False values")
    weight = as_weights("weights", weights, len(marks))
    return _scored(weight @ marks)


def _as_ranks(ranks: npt.ArrayLike) -> FloatArray:
    positions = as_float_array("ranks", ranks, ndim=2)
    require_non_empty("ranks", positions)
    if positions.shape[1] < 2:
        raise ValueError(f"ranks: need at least two items, got shape {positions.shape}")
    return positions


def _majority_margin(preferences: FloatArray) -> FloatArray:
    """``d[i, j] - d[j, i]``, with differences within rounding of fractional weights set to 0."""
    margin = preferences - preferences.T
    tolerance = 1e-9 * max(1.0, float(np.abs(preferences).max()))
    cleaned: FloatArray = np.where(np.abs(margin) <= tolerance, 0.0, margin)
    return cleaned


def _scored(scores: FloatArray) -> ScoredRanking:
    tolerance = 1e-9 * max(1.0, float(np.abs(scores).max()))
    order = np.argsort(-scores, kind="stable").astype(np.int64)
    better = (scores[None, :] > scores[:, None] + tolerance).sum(axis=1)
    return ScoredRanking(scores=scores, order=order, ranks=(1 + better).astype(np.int64))


def _solve_ordering(preferences: FloatArray, first: IntArray, second: IntArray) -> FloatArray:
    """Maximise ballot-pair agreement over linear orders; return ``x_ij`` for pairs ``i < j``."""
    n = len(preferences)
    n_pairs = len(first)
    column = np.full((n, n), -1, dtype=np.int64)
    column[first, second] = np.arange(n_pairs)
    triples = np.array(list(combinations(range(n), 3)), dtype=np.int64).reshape(-1, 3)
    i, j, k = triples.T
    indices = np.column_stack([column[i, j], column[j, k], column[i, k]]).ravel()
    values = np.tile([1.0, 1.0, -1.0], len(triples))

    solver = new_highs()
    solver.setOptionValue("mip_rel_gap", 0.0)
    # Only the margin matters: d[j, i] is gained whenever x_ij = 0, a constant otherwise.
    costs = preferences[first, second] - preferences[second, first]
    solver.addCols(
        n_pairs,
        costs,
        np.zeros(n_pairs),
        np.ones(n_pairs),
        0,
        np.zeros(n_pairs, dtype=np.int32),
        np.zeros(0, dtype=np.int32),
        np.zeros(0),
    )
    solver.changeColsIntegrality(
        n_pairs,
        np.arange(n_pairs, dtype=np.int32),
        np.full(n_pairs, highspy.HighsVarType.kInteger.value, dtype=np.uint8),
    )
    if len(triples):
        solver.addRows(
            len(triples),
            np.zeros(len(triples)),
            np.ones(len(triples)),
            len(indices),
            (3 * np.arange(len(triples))).astype(np.int32),
            indices.astype(np.int32),
            values,
        )
    solver.changeObjectiveSense(highspy.ObjSense.kMaximize)
    solver.run()
    status = solver.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise ArithmeticError(
            f"Kemeny: HiGHS stopped with status {solver.modelStatusToString(status)}"
        )
    solution = np.asarray(solver.getSolution().col_value, dtype=np.float64)
    rounded: FloatArray = np.round(solution)
    return rounded
