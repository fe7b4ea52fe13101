"""Criteria weights and multi-criteria rankings: AHP, weighted sum and TOPSIS.

A council weighs its criteria by pairwise comparison (AHP), then scores the candidate themes or
initiatives on each criterion. This module turns judgements into weights, checks that the
judgements hang together, merges several members' judgements, and ranks alternatives by a
weighted sum or by TOPSIS. Robustness of such a ranking under uncertain weights and scores is
the job of :mod:`radslag.decide.criteria.smaa`.

Shapes
------
``matrix``  (n, n) positive reciprocal pairwise comparison matrix, ``a[i, j]`` says how many
            times more important criterion ``i`` is than criterion ``j``
``scores``  (m, n) one row per alternative, one column per criterion
``weights`` (n,) non-negative criterion weights; rescaled to sum to one
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from radslag.decide.validation import BoolArray, FloatArray, IntArray, as_float_array

#: Saaty's random consistency index by matrix size: the mean consistency index of random
#: reciprocal matrices on the 1/9..9 scale, as tabulated for sizes 1-15 in Saaty (1980),
#: *The Analytic Hierarchy Process*, McGraw-Hill. Index 0 is unused.
RANDOM_INDEX: Final = (
    0.0,
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)

#: Saaty's rule of thumb: judgements with a consistency ratio above this should be revisited.
CONSISTENCY_LIMIT: Final = 0.10

# Reciprocity is checked with a relative tolerance because judgements such as 1/7 arrive as
# rounded decimals from forms and spreadsheets.
_RECIPROCAL_TOLERANCE: Final = 1e-6


@dataclass(frozen=True)
class Judgement:
    """One pairwise judgement ``a[row, column]`` next to the ratio the weights imply."""

    row: int
    column: int
    given: float
    implied: float


@dataclass(frozen=True)
class AhpWeights:
    """Weights derived from a pairwise comparison matrix, with Saaty's consistency check.

    ``most_inconsistent`` is the judgement whose value departs most, on a log scale, from the
    ratio ``w[i] / w[j]`` of the derived weights: the first one to revisit when
    ``is_acceptable`` is false. It is ``None`` when every judgement agrees with the weights.
    """

    weights: FloatArray
    principal_eigenvalue: float
    consistency_index: float
    consistency_ratio: float
    is_acceptable: bool
    most_inconsistent: Judgement | None


@dataclass(frozen=True)
class TopsisResult:
    """TOPSIS closeness to the ideal (1 best) and the distances it is made of."""

    closeness: FloatArray
    distance_to_ideal: FloatArray
    distance_to_anti_ideal: FloatArray
    ranking: IntArray


def ahp_weights(matrix: npt.ArrayLike) -> AhpWeights:
    """Derive criterion weights from a pairwise comparison matrix (AHP eigenvector method).

    The weights are the principal right eigenvector of the matrix, scaled to sum to one. The
    consistency index is ``CI = (lambda_max - n) / (n - 1)`` and the consistency ratio
    ``CR = CI / RI(n)`` with Saaty's random index; ``CR <= 0.10`` is acceptable.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
        Positive reciprocal matrix with ones on the diagonal, ``n <= 15``.

    Returns
    -------
    AhpWeights

    Raises
    ------
    ValueError
        If ``matrix`` is not square, not positive, not reciprocal or larger than 15 x 15.

    References
    ----------
    Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures.
    *Journal of Mathematical Psychology* 15(3), 234-281.
    Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill.
    """
    a = _pairwise_matrix("matrix", matrix)
    n = a.shape[0]
    eigenvalues, eigenvectors = np.linalg.eig(a)
    principal = int(np.argmax(eigenvalues.real))
    # Perron-Frobenius: the principal eigenvector of a positive matrix has one sign, so the
    # absolute value only removes the arbitrary sign the solver picked.
    vector = np.abs(eigenvectors[:, principal].real)
    weights = vector / vector.sum()
    eigenvalue = float(eigenvalues[principal].real)
    # lambda_max >= n holds exactly for positive reciprocal matrices; anything below is
    # rounding, and a negative index would read as "better than consistent".
    index = max(eigenvalue - n, 0.0) / (n - 1) if n > 1 else 0.0
    ratio = index / RANDOM_INDEX[n] if RANDOM_INDEX[n] > 0 else 0.0
    return AhpWeights(
        weights=weights,
        principal_eigenvalue=eigenvalue,
        consistency_index=index,
        consistency_ratio=ratio,
        is_acceptable=ratio <= CONSISTENCY_LIMIT,
        most_inconsistent=_most_inconsistent(a, weights),
    )


def combine_judgements(
    matrices: npt.ArrayLike, member_weights: npt.ArrayLike | None = None
) -> FloatArray:
    """Merge several members' pairwise comparison matrices into one group matrix.

    Each judgement of the group matrix is the weighted geometric mean of the members'
    judgements (aggregation of individual judgements, AIJ). The geometric mean is the
    aggregation that keeps the result reciprocal, so the group matrix is again a valid input
    to :func:`ahp_weights`.

    Parameters
    ----------
    matrices : array_like, shape (members, n, n)
        One positive reciprocal matrix per council member.
    member_weights : array_like, shape (members,), optional
        Non-negative weight of each member, e.g. to balance municipalities; equal by default.

    Returns
    -------
    ndarray, shape (n, n)

    Raises
    ------
    ValueError
        If ``matrices`` is empty or holds an invalid matrix, or ``member_weights`` has the
        wrong length, a negative entry or sums to zero.

    References
    ----------
    Aczél, J. and Saaty, T. L. (1983). Procedures for synthesizing ratio judgements.
    *Journal of Mathematical Psychology* 27(1), 93-102.
    Forman, E. and Peniwati, K. (1998). Aggregating individual judgments and priorities with
    the analytic hierarchy process. *European Journal of Operational Research* 108(1), 165-169.
    """
    stack = as_float_array("matrices", matrices, ndim=3)
    if stack.shape[0] == 0:
        raise ValueError("matrices: must not be empty")
    logs = np.stack(
        [np.log(_pairwise_matrix(f"matrices[{k}]", member)) for k, member in enumerate(stack)]
    )
    shares = _simplex_weights("member_weights", member_weights, stack.shape[0])
    combined: FloatArray = np.exp(np.tensordot(shares, logs, axes=1))
    return combined


def weighted_sum(scores: npt.ArrayLike, weights: npt.ArrayLike) -> FloatArray:
    """Score each alternative by the weighted sum of its criterion scores.

    The scores must already be on commensurable value scales (see :func:`normalise_scores`).

    Parameters
    ----------
    scores : array_like, shape (m, n)
    weights : array_like, shape (n,)
        Non-negative; rescaled to sum to one.

    Returns
    -------
    ndarray, shape (m,)

    Raises
    ------
    ValueError
        If ``scores`` is not a finite non-empty matrix or ``weights`` does not fit it.

    References
    ----------
    Fishburn, P. C. (1967). Additive utilities with incomplete product sets: application to
    priorities and assignments. *Operations Research* 15(3), 537-542.
    """
    table = _score_table("scores", scores)
    shares = _simplex_weights("weights", weights, table.shape[1])
    values: FloatArray = table @ shares
    return values


def normalise_scores(scores: npt.ArrayLike, is_benefit: npt.ArrayLike) -> FloatArray:
    """Rescale each criterion linearly to [0, 1], best alternative 1, worst 0.

    Cost criteria (``is_benefit`` false) are reversed so that less is better. A criterion on
    which all alternatives score the same cannot tell them apart and maps to 0.

    Parameters
    ----------
    scores : array_like, shape (m, n)
    is_benefit : array_like of bool, shape (n,)

    Returns
    -------
    ndarray, shape (m, n)

    Raises
    ------
    ValueError
        If ``scores`` is not a finite non-empty matrix or ``is_benefit`` does not fit it.

    References
    ----------
    Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
    Applications*. Springer (linear scale transformation).
    """
    table = _score_table("scores", scores)
    benefit = _criterion_flags("is_benefit", is_benefit, table.shape[1])
    low, high = table.min(axis=0), table.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    rising = (table - low) / span
    values: FloatArray = np.where(benefit, rising, np.where(high > low, 1.0 - rising, 0.0))
    return values


def scale_values(
    scores: npt.ArrayLike, low: float, high: float, is_benefit: npt.ArrayLike
) -> FloatArray:
    """Map scores given on a fixed rating scale ``low..high`` linearly to values in [0, 1].

    Unlike :func:`normalise_scores`, the ends of the scale, not the best and worst
    alternatives, anchor the values, so an item rated 3 of 5 keeps the value 0.5 whatever the
    other items got, and adding an item changes no other item's value. Cost criteria
    (``is_benefit`` false) are reversed: the lowest rating is worth most.

    Parameters
    ----------
    scores : array_like, shape (m, n)
        Ratings within ``[low, high]``.
    low, high : float
        The ends of the rating scale, ``low < high``.
    is_benefit : array_like of bool, shape (n,)

    Returns
    -------
    ndarray, shape (m, n)

    Raises
    ------
    ValueError
        If the scale is empty, a score lies outside it, or ``is_benefit`` does not fit.

    References
    ----------
    Belton, V. and Stewart, T. J. (2002). *Multiple Criteria Decision Analysis: An Integrated
    Approach*. Kluwer, section 5.2 (direct rating on a fixed scale with linear value functions).
    """
    table = _score_table("scores", scores)
    benefit = _criterion_flags("is_benefit", is_benefit, table.shape[1])
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"low, high: expected a scale with low < high, got {low}..{high}")
    if np.any(table < low) or np.any(table > high):
        i, j = np.argwhere((table < low) | (table > high))[0]
        raise ValueError(f"scores: scores[{i}, {j}] = {table[i, j]:.6g} is outside {low}..{high}")
    rising = (table - low) / (high - low)
    values: FloatArray = np.where(benefit, rising, 1.0 - rising)
    return values


def topsis(
    scores: npt.ArrayLike, weights: npt.ArrayLike, is_benefit: npt.ArrayLike
) -> TopsisResult:
    """Rank alternatives by closeness to the ideal and distance from the anti-ideal (TOPSIS).

    Columns are vector-normalised and weighted; the ideal takes the best value of every
    criterion (largest for benefit, smallest for cost criteria), the anti-ideal the worst. The
    closeness ``d- / (d+ + d-)`` is 1 at the ideal and 0 at the anti-ideal. When all
    alternatives coincide, every closeness is 0.5. Ties in ``ranking`` go to the lower index.

    Parameters
    ----------
    scores : array_like, shape (m, n)
    weights : array_like, shape (n,)
        Non-negative; rescaled to sum to one.
    is_benefit : array_like of bool, shape (n,)

    Returns
    -------
    TopsisResult

    Raises
    ------
    ValueError
        If ``scores`` is not a finite non-empty matrix or ``weights`` or ``is_benefit`` do not
        fit it.

    References
    ----------
    Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
    Applications*. Springer.
    """
    table = _score_table("scores", scores)
    shares = _simplex_weights("weights", weights, table.shape[1])
    benefit = _criterion_flags("is_benefit", is_benefit, table.shape[1])
    norms = np.linalg.norm(table, axis=0)
    weighted = table / np.where(norms > 0, norms, 1.0) * shares
    ideal = np.where(benefit, weighted.max(axis=0), weighted.min(axis=0))
    anti_ideal = np.where(benefit, weighted.min(axis=0), weighted.max(axis=0))
    to_ideal = np.linalg.norm(weighted - ideal, axis=1)
    to_anti_ideal = np.linalg.norm(weighted - anti_ideal, axis=1)
    total = to_ideal + to_anti_ideal
    closeness = np.divide(to_anti_ideal, total, out=np.full_like(total, 0.5), where=total > 0)
    return TopsisResult(
        closeness=closeness,
        distance_to_ideal=to_ideal,
        distance_to_anti_ideal=to_anti_ideal,
        ranking=rank_descending(closeness),
    )


def rank_descending(values: FloatArray) -> IntArray:
    """Return the indices of ``values`` from largest to smallest, ties by lower index."""
    order: IntArray = np.argsort(-values, kind="stable").astype(np.int64)
    return order


def _pairwise_matrix(name: str, values: npt.ArrayLike) -> FloatArray:
    a = as_float_array(name, values, ndim=2)
    n = a.shape[0]
    if n == 0 or a.shape[1] != n:
        raise ValueError(f"{name}: expected a non-empty square matrix, got shape {a.shape}")
    if n >= len(RANDOM_INDEX):
        raise ValueError(f"{name}: at most {len(RANDOM_INDEX) - 1} criteria, got {n}")
    if np.any(a <= 0):
        # Name the first offending cell, so a person can find the judgement to correct.
        i, j = np.argwhere(a <= 0)[0]
        raise ValueError(f"{name}: judgements must be positive, a[{i}, {j}] = {a[i, j]:.6g}")
    if not np.allclose(a * a.T, 1.0, rtol=_RECIPROCAL_TOLERANCE, atol=0.0):
        i, j = np.unravel_index(np.argmax(np.abs(a * a.T - 1.0)), a.shape)
        raise ValueError(
            f"{name}: not reciprocal, a[{i}, {j}] * a[{j}, {i}] = {a[i, j] * a[j, i]:.6g}"
        )
    return a


def _most_inconsistent(a: FloatArray, weights: FloatArray) -> Judgement | None:
    implied = weights[:, None] / weights[None, :]
    deviation = np.abs(np.log(a) - np.log(implied))
    # Reciprocity makes (i, j) and (j, i) deviate equally; report the upper triangle only.
    deviation[np.tril_indices_from(deviation)] = 0.0
    if deviation.max() <= 1e-9:
        return None
    i, j = np.unravel_index(int(np.argmax(deviation)), deviation.shape)
    return Judgement(row=int(i), column=int(j), given=float(a[i, j]), implied=float(implied[i, j]))


def _score_table(name: str, values: npt.ArrayLike) -> FloatArray:
    table = as_float_array(name, values, ndim=2)
    if table.size == 0:
        raise ValueError(f"{name}: must have at least one alternative and one criterion")
    return table


def _simplex_weights(name: str, values: npt.ArrayLike | None, length: int) -> FloatArray:
    if values is None:
        return np.full(length, 1.0 / length)
    weights = as_float_array(name, values, ndim=1)
    if weights.shape[0] != length:
        raise ValueError(f"{name}: expected {length} weights, got {weights.shape[0]}")
    if np.any(weights < 0) or weights.sum() <= 0:
        raise ValueError(f"{name}: weights must be non-negative with a positive sum")
    shares: FloatArray = weights / weights.sum()
    return shares


def _criterion_flags(name: str, values: npt.ArrayLike, length: int) -> BoolArray:
    flags = np.asarray(values)
    if flags.ndim != 1 or flags.shape[0] != length:
        raise ValueError(f"{name}: expected {length} flags, got shape {flags.shape}")
    if flags.dtype != np.bool_ and not np.all(np.isin(flags, (0, 1))):
        raise ValueError(f"{name}: expected true/false per criterion")
    result: BoolArray = flags.astype(np.bool_)
    return result
