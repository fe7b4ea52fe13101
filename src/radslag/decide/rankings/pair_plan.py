"""The planning behind :mod:`radslag.decide.rankings.pair_design`: values and planned pairs.

The formulas and their sources are in that module's description; this one holds the arithmetic.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, ndtr

from radslag.decide.validation import FloatArray, IntArray

# Pairs planned together from one evaluation of the values, per item in the round.
BATCH_SHARE = 1 / 20
# Above COVARIANCE_LIMIT items: draws ∝ the one-step value ** this (chosen for the one-step
# design on the tuning seeds).
ONE_STEP_SHARPNESS = 4.0
# Variances below this are rounding, not information.
TINY = 1e-12


def plan_pairs(
    mean: FloatArray,
    covariance: FloatArray,
    relevance: FloatArray,
    votes_per_pair: float,
    planned: int,
) -> tuple[FloatArray, IntArray]:
    """``planned`` pairs chosen in turn, each given ``votes_per_pair`` of the horizon's votes.

    Returns the ``(n, n)`` count of plans per pair and each item's most valuable partner at the
    start. ``look_ahead`` is ``Σ L Σ``, kept through the rank-q updates of ``Σ`` (Woodbury)
    without forming it again; a pair's value is ``g · (e_i - e_j)ᵀ Σ L Σ (e_i - e_j)``.
    """
    n = len(mean)
    # Single precision halves the cost of the updates; it only has to tell pairs apart.
    sigma = covariance.astype(np.float32)
    laplacian = (np.diag(relevance.sum(axis=1)) - relevance).astype(np.float32)
    look_ahead = sigma @ laplacian @ sigma
    p = expit(mean[:, None] - mean[None, :])
    information = (votes_per_pair * p * (1.0 - p)).astype(np.float32)
    counts = np.zeros((n, n))
    partners = np.zeros(n, dtype=np.int64)
    batch = max(1, int(n * BATCH_SHARE))
    lower = np.tril(np.ones((n, n), dtype=bool))
    done = 0
    while done < planned:
        diagonal = sigma.diagonal()
        spread = diagonal[:, None] + diagonal[None, :]
        spread -= sigma
        spread -= sigma
        np.maximum(spread, TINY, out=spread)
        # gain = h / (1 + h s²), computed in place
        spread *= information
        spread += 1.0
        np.divide(information, spread, out=spread)
        kept = look_ahead.diagonal()
        values = kept[:, None] + kept[None, :]
        values -= look_ahead
        values -= look_ahead
        values *= spread
        if done == 0:
            partners = best_partners(values)
            if not np.max(values[~lower]) > 0:
                return counts, partners
        values[lower] = -np.inf
        chosen = _disjoint_best(values, min(batch, planned - done))
        if not len(chosen):
            break
        first, second = chosen[:, 0], chosen[:, 1]
        counts[first, second] += 1
        counts[second, first] += 1
        done += len(chosen)
        # Rank-q update for the chosen pairs' information: Σ' = Σ - U K Uᵀ.
        change = sigma[:, first] - sigma[:, second]
        inner = change[first] - change[second]
        # A pair so lopsided that a vote tells nothing (p = 0 or 1) gets a tiny information.
        precision = 1.0 / np.maximum(information[first, second], TINY)
        kernel = np.linalg.inv(np.diag(precision) + inner)
        spread_change = change @ kernel
        through = sigma @ (laplacian @ change)
        curvature = change.T @ laplacian @ change
        sigma -= spread_change @ change.T
        look_ahead -= spread_change @ through.T + through @ spread_change.T
        look_ahead += spread_change @ curvature @ spread_change.T
    return counts, partners


def _disjoint_best(values: FloatArray, wanted: int) -> IntArray:
    """Up to ``wanted`` of the most valuable pairs, best first, no two sharing an item."""
    n = len(values)
    flat = values.ravel()
    pool = min(flat.size, 12 * wanted)
    candidates = np.argpartition(flat, -pool)[-pool:]
    candidates = candidates[np.argsort(flat[candidates])[::-1]]
    used = np.zeros(n, dtype=bool)
    chosen: list[tuple[int, int]] = []
    for first, second in zip(*np.divmod(candidates, n), strict=True):
        # -inf marks the lower triangle; NaN (sorted as the largest) is no value either.
        if used[first] or used[second] or not np.isfinite(flat[first * n + second]):
            continue
        used[[first, second]] = True
        chosen.append((int(first), int(second)))
        if len(chosen) == wanted:
            break
    return np.array(chosen, dtype=np.int64).reshape(-1, 2)


def best_partners(values: FloatArray) -> IntArray:
    """Each item's most valuable partner (values symmetric, diagonal ignored)."""
    masked = values.copy()
    np.fill_diagonal(masked, -np.inf)
    partners: IntArray = np.argmax(masked, axis=1).astype(np.int64)
    return partners


def one_step_weights(
    mean: FloatArray, variance: FloatArray, relevance: FloatArray
) -> tuple[FloatArray, IntArray]:
    """Weights ∝ the one-step value ** 4 with independent estimates, for rounds too large to plan.

    The value of one vote on ``(i, j)`` is ``g · (need_i + need_j + 2 v_i v_j relevance_ij)``,
    ``need_i = v_i² Σ_b relevance_ib``: the reduction of ``U`` with a diagonal ``Σ``.
    """
    need = variance**2 * relevance.sum(axis=1)
    p = expit(mean[:, None] - mean[None, :])
    information = p * (1.0 - p)
    spread = variance[:, None] + variance[None, :]
    gain = information / (1.0 + information * spread)
    values: FloatArray = gain * (
        need[:, None] + need[None, :] + 2.0 * np.outer(variance, variance) * relevance
    )
    np.fill_diagonal(values, 0.0)
    return values**ONE_STEP_SHARPNESS, best_partners(values)


def relevance_of_pairs(
    mean: FloatArray, covariance: FloatArray | None, variance: FloatArray, top_k: int | None
) -> FloatArray:
    """``(n, n)`` how much the goal hangs on the variance of each pair's difference.

    Symmetric with a zero diagonal; see the module's description for the formula.
    """
    n = len(mean)
    spread = variance[:, None] + variance[None, :]
    if covariance is not None:
        spread -= 2.0 * covariance
    np.maximum(spread, TINY, out=spread)
    relevance: FloatArray = np.exp(-0.5 * (mean[:, None] - mean[None, :]) ** 2 / spread) / spread
    if top_k is not None and top_k < n:
        inside = _membership(mean, variance, top_k)
        relevance *= inside[:, None] * (1.0 - inside[None, :])
        relevance += relevance.T
    np.fill_diagonal(relevance, 0.0)
    return relevance


def _membership(mean: FloatArray, variance: FloatArray, top_k: int) -> FloatArray:
    """Each item's posterior chance of being above the boundary of the top ``top_k``."""
    ordered = np.sort(mean)[::-1]
    boundary = 0.5 * (ordered[top_k - 1] + ordered[top_k])
    chance: FloatArray = ndtr((mean - boundary) / np.sqrt(np.maximum(variance, TINY)))
    return chance
