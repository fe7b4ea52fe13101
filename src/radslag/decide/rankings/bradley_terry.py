"""Bradley–Terry rankings from pairwise votes ("which of these two matters more?").

Model: item ``i`` beats item ``j`` with probability ``σ(θ_i - θ_j)``, the model of Bradley, R. A.
& Terry, M. E. (1952), "Rank analysis of incomplete block designs I", *Biometrika* 39, 324-345.

The log-strengths ``θ`` are the posterior mode under a Gaussian prior ``θ_i ~ N(0, prior_sd²)``
(a ridge-penalised likelihood), found by Newton's method on the aggregated pair counts. The
prior makes the problem strictly concave, so an item that only ever wins, or a comparison graph
in several pieces, still has a finite, unique answer; with many votes it fades away. The
uncertainty is the Laplace approximation, the inverse of the negative Hessian at the mode
(Tierney, L. & Kadane, J. B. (1986), "Accurate approximations for posterior moments and
marginal densities", *JASA* 81(393), 82-86).

The score people read is the one of All Our Ideas: the probability (0-100) that the item beats
a randomly chosen other item (Salganik, M. J. & Levy, K. E. C. (2015), "Wiki surveys: open and
quantifiable social data collection", *PLOS ONE* 10(5), e0123483).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.linalg
import scipy.sparse
import scipy.sparse.linalg
from scipy.special import expit, logit
from scipy.stats import norm

from radslag.decide.rankings.aggregation import as_weights
from radslag.decide.validation import (
    FloatArray,
    IntArray,
    as_float_array,
    as_index_array,
    require_non_empty,
    require_positive_int,
    require_same_length,
)

# Above this many items a dense n×n Hessian no longer fits comfortably in memory or time: the
# Hessian becomes sparse and the errors come from its diagonal only.
DENSE_LIMIT = 2500
# The full posterior covariance (for choosing pairs) costs another n³ product; beyond this many
# items only the variances are kept.
COVARIANCE_LIMIT = 700
# Up to this many items a Cholesky factorisation per Newton step beats iterative solves.
_FACTORISE_LIMIT = 400
_MAX_NEWTON_STEPS = 100
# Newton converges quadratically: after a step below this, the error is around its square.
_STEP_TOLERANCE = 1e-6
# Bounds the n×block matrix of win probabilities when computing scores for many items.
_SCORE_BLOCK = 512


@dataclass(frozen=True)
class PairCounts:
    """Comparisons aggregated per unordered pair, all arrays ``(n_pairs,)``.

    Attributes
    ----------
    first, second : IntArray
        The two items of each compared pair, ``first < second``.
    first_wins, total : FloatArray
        Weighted number of times ``first`` won, and of comparisons of the pair.
    n_items : int
        Number of items, including those never compared.
    """

    first: IntArray
    second: IntArray
    first_wins: FloatArray
    total: FloatArray
    n_items: int


@dataclass(frozen=True)
class PairwiseFit:
    """A fitted Bradley–Terry model, from :func:`fit_bradley_terry`.

    Attributes
    ----------
    log_strengths : FloatArray
        ``(n_items,)`` posterior mode of ``θ``; they sum to zero.
    standard_errors : FloatArray
        ``(n_items,)`` posterior standard deviation of each ``θ_i`` relative to the average
        item (Laplace approximation); votes only identify differences of ``θ``.
    covariance : FloatArray or None
        ``(n_items, n_items)`` posterior covariance of the centred ``θ``; None above
        ``COVARIANCE_LIMIT`` items.
    scores : FloatArray
        ``(n_items,)`` probability (0-100) of beating a randomly chosen other item.
    score_low, score_high : FloatArray
        ``(n_items,)`` the score with ``θ_i`` at the ends of its credible interval, the others
        held at their estimates.
    comparisons : FloatArray
        ``(n_items,)`` weighted number of comparisons each item took part in.
    order : IntArray
        ``(n_items,)`` item ids from best to worst.
    prior_sd : float
        The prior standard deviation used, so an item added later can start from the prior.
    """

    log_strengths: FloatArray
    standard_errors: FloatArray
    covariance: FloatArray | None
    scores: FloatArray
    score_low: FloatArray
    score_high: FloatArray
    comparisons: FloatArray
    order: IntArray
    prior_sd: float

    @property
    def n_items(self) -> int:
        """Number of items in the fit."""
        return len(self.log_strengths)


def count_pairs(
    winners: npt.ArrayLike,
    losers: npt.ArrayLike,
    n_items: int,
    weights: npt.ArrayLike | None = None,
) -> PairCounts:
    """Aggregate comparisons into weighted win counts per unordered pair.

    Takes ``winners``, ``losers``, ``n_items`` and ``weights`` as :func:`fit_bradley_terry`
    does, and returns one entry per pair with positive total weight.

    Raises
    ------
    ValueError
        Naming the argument for unknown item ids, an item compared with itself, mismatched
        lengths, no comparisons, or bad weights.
    """
    require_positive_int("n_items", n_items)
    winner = as_index_array("winners", np.ravel(winners), n_items)
    loser = as_index_array("losers", np.ravel(losers), n_items)
    require_same_length(("winners", "losers"), winner, loser)
    require_non_empty("winners", winner)
    if np.any(winner == loser):
        raise ValueError("losers: an item cannot be compared with itself")
    weight = as_weights("weights", weights, len(winner))
    first = np.minimum(winner, loser)
    second = np.maximum(winner, loser)
    key = first * n_items + second
    first_won = np.where(winner == first, weight, 0.0)
    if n_items * n_items <= max(4 * len(key), 1 << 20):
        # Counting straight into the n×n grid is the fastest when the grid is not much larger
        # than the data itself.
        total = _sum_by(key, weight, n_items * n_items)
        wins = _sum_by(key, first_won, n_items * n_items)
        pair_key = np.flatnonzero(total > 0)
        total, wins = total[pair_key], wins[pair_key]
    else:
        distinct = np.unique_inverse(key)
        pair_key = distinct.values
        total = _sum_by(distinct.inverse_indices, weight, len(pair_key))
        wins = _sum_by(distinct.inverse_indices, first_won, len(pair_key))
        kept = total > 0
        pair_key, total, wins = pair_key[kept], total[kept], wins[kept]
    return PairCounts(
        first=(pair_key // n_items).astype(np.int64),
        second=(pair_key % n_items).astype(np.int64),
        first_wins=wins,
        total=total,
        n_items=n_items,
    )


def fit_bradley_terry(
    winners: npt.ArrayLike,
    losers: npt.ArrayLike,
    n_items: int,
    *,
    weights: npt.ArrayLike | None = None,
    prior_sd: float = 1.0,
    interval: float = 0.95,
) -> PairwiseFit:
    """Fit a Bradley–Terry model with a Gaussian prior to pairwise comparisons.

    Newton's method on the log-posterior, whose Hessian is a weighted graph Laplacian plus
    ``1 / prior_sd²`` on the diagonal (Hunter, D. R. (2004), "MM algorithms for generalized
    Bradley–Terry models", *Annals of Statistics* 32(1), 384-406, discusses the likelihood;
    the prior replaces his connectivity assumption). Each step costs one pass over the distinct
    pairs plus a Cholesky factorisation (few items) or about ten conjugate-gradient products
    (many items); 5-8 steps are typical. One more factorisation gives the errors.

    Parameters
    ----------
    winners, losers : array_like of int
        ``(n_comparisons,)`` item ids of the winner and the loser of each comparison.
    n_items : int
        Number of items; items nobody compared yet sit at the prior (score 50, wide interval).
    weights : array_like of float, optional
        ``(n_comparisons,)`` non-negative weight per comparison, e.g. ``record_weights`` from
        :func:`radslag.decide.rankings.aggregation.two_level_weights`. Default: 1 each.
    prior_sd : float
        Prior standard deviation of the log-strengths. The default 1 weighs about as much as
        four even comparisons per item: enough to tame an item that won its only vote, too
        little to matter once items have dozens of votes.
    interval : float
        Probability mass of the credible interval behind ``score_low`` and ``score_high``.

    Returns
    -------
    PairwiseFit
        Log-strengths, their uncertainty, and the 0-100 scores.

    Raises
    ------
    ValueError
        Naming the argument for unknown item ids, mismatched lengths, empty data, bad weights,
        a non-positive ``prior_sd`` or an ``interval`` outside (0, 1).
    """
    if not (np.isfinite(prior_sd) and prior_sd > 0):  # also rejects NaN
        raise ValueError(f"prior_sd: expected a positive number, got {prior_sd!r}")
    if not 0 < interval < 1:
        raise ValueError(f"interval: expected a probability in (0, 1), got {interval!r}")
    pairs = count_pairs(winners, losers, n_items, weights)
    theta, covariance, variance = _posterior_mode(pairs, 1.0 / prior_sd**2)
    errors = np.sqrt(np.maximum(variance, 0.0))
    z = float(norm.ppf(0.5 + interval / 2))
    return PairwiseFit(
        log_strengths=theta,
        standard_errors=errors,
        covariance=covariance,
        scores=win_probability_scores(theta),
        score_low=_scores_at(theta - z * errors, theta),
        score_high=_scores_at(theta + z * errors, theta),
        comparisons=_per_item(pairs, pairs.total),
        order=np.argsort(-theta, kind="stable").astype(np.int64),
        prior_sd=float(prior_sd),
    )


def win_probability_scores(log_strengths: npt.ArrayLike) -> FloatArray:
    """Return, per item, the probability (0-100) that it beats a randomly chosen other item.

    The All Our Ideas score (Salganik & Levy, 2015): ``100 · mean_{j≠i} σ(θ_i - θ_j)``. It
    orders items exactly as ``θ`` does but reads as a chance, not a logit.

    Raises
    ------
    ValueError
        Naming ``log_strengths`` when it has fewer than two items or non-finite values.
    """
    theta = as_float_array("log_strengths", log_strengths, ndim=1)
    if len(theta) < 2:
        raise ValueError("log_strengths: need at least two items to compare")
    return _scores_at(theta, theta)


def _scores_at(values: FloatArray, theta: FloatArray) -> FloatArray:
    """Score of an item with log-strength ``values[i]`` against all items but ``i`` itself."""
    n = len(theta)
    scores = np.empty(n)
    for start in range(0, n, _SCORE_BLOCK):
        block = values[start : start + _SCORE_BLOCK]
        beats = expit(block[:, None] - theta[None, :]).sum(axis=1)
        itself = expit(block - theta[start : start + _SCORE_BLOCK])
        scores[start : start + _SCORE_BLOCK] = (beats - itself) / (n - 1)
    result: FloatArray = 100.0 * scores
    return result


def _posterior_mode(
    pairs: PairCounts, precision: float
) -> tuple[FloatArray, FloatArray | None, FloatArray]:
    """Return the posterior mode, its covariance (small fits only) and its variances."""
    n = pairs.n_items
    # Each item's smoothed win rate on the logit scale starts Newton near the mode for the
    # well-mixed designs of a pairwise survey, saving about three steps.
    wins = _sum_by(pairs.first, pairs.first_wins, n) + _sum_by(
        pairs.second, pairs.total - pairs.first_wins, n
    )
    theta = logit((wins + 1.0) / (_per_item(pairs, pairs.total) + 2.0))
    theta -= theta.mean()
    margin = theta[pairs.first] - theta[pairs.second]
    objective = _log_posterior(pairs, margin, theta, precision)
    for _ in range(_MAX_NEWTON_STEPS):
        p = expit(margin)
        surprise = pairs.first_wins - pairs.total * p
        gradient = (
            _sum_by(pairs.first, surprise, n)
            - _sum_by(pairs.second, surprise, n)
            - precision * theta
        )
        curvature = pairs.total * p * (1.0 - p)
        step = _newton_step(pairs, curvature, precision, gradient)
        step_margin = step[pairs.first] - step[pairs.second]
        # Newton on a concave objective may still overshoot from far away; halve until it climbs
        # (up to rounding, which near the mode is all that changes).
        scale = 1.0
        value = _log_posterior(pairs, margin + step_margin, theta + step, precision)
        while value < objective - 1e-12 * abs(objective) and scale > 1e-6:
            scale /= 2
            value = _log_posterior(
                pairs, margin + scale * step_margin, theta + scale * step, precision
            )
        theta = theta + scale * step
        margin = margin + scale * step_margin
        objective = value
        if np.max(np.abs(scale * step)) < _STEP_TOLERANCE:
            break
    # The last step was below the tolerance, so its curvature is the curvature at the mode.
    covariance, variance = _posterior_spread(pairs, curvature, precision)
    return theta, covariance, variance


def _newton_step(
    pairs: PairCounts, curvature: FloatArray, precision: float, gradient: FloatArray
) -> FloatArray:
    """Solve ``H Δ = g`` for the Laplacian-plus-prior ``H``, symmetric positive definite.

    Small systems are factorised. For larger ones, on the well-mixed graphs of a pairwise
    survey, Jacobi-preconditioned conjugate gradients need about ten products: cheaper than a
    factorisation per step, and far less hurt by BLAS threads competing for busy cores.
    """
    if pairs.n_items <= _FACTORISE_LIMIT:
        hessian = _dense_hessian(pairs, curvature, precision)
        factor = scipy.linalg.cho_factor(hessian, lower=True, check_finite=False)
        return np.asarray(scipy.linalg.cho_solve(factor, gradient), dtype=np.float64)
    operator: FloatArray | scipy.sparse.csr_array = (
        _dense_hessian(pairs, curvature, precision)
        if pairs.n_items <= DENSE_LIMIT
        else _sparse_hessian(pairs, curvature, precision)
    )
    preconditioner = scipy.sparse.diags_array(1.0 / operator.diagonal())
    step, _ = scipy.sparse.linalg.cg(operator, gradient, rtol=1e-10, M=preconditioner)
    return np.asarray(step, dtype=np.float64)


def _posterior_spread(
    pairs: PairCounts, curvature: FloatArray, precision: float
) -> tuple[FloatArray | None, FloatArray]:
    """Covariance (up to ``COVARIANCE_LIMIT`` items) and variances of the Laplace approximation.

    With ``H = L Lᵀ``, ``H⁻¹ = L⁻ᵀ L⁻¹``: its diagonal is the column sums of squares of ``L⁻¹``.
    Both are for ``θ`` minus its mean, since only differences are identified.
    """
    if pairs.n_items > DENSE_LIMIT:
        # Without a factor, 1/H_ii treats each item as if the others were known: close to
        # the centred variance when items meet many others, an understatement for items
        # compared only with uncertain ones.
        return None, 1.0 / (_per_item(pairs, curvature) + precision)
    # Votes say nothing about the common level of all θ: along the all-ones direction H has just
    # the prior's precision. Raising that eigenvalue to the typical curvature, then removing its
    # 1 / (n · level) share of H⁻¹, leaves the covariance of θ relative to the average item
    # without cancellation under vague priors.
    n = pairs.n_items
    hessian = _dense_hessian(pairs, curvature, precision)
    level = float(hessian.diagonal().mean())
    hessian += (level - precision) / n
    lower = scipy.linalg.cholesky(hessian, lower=True, check_finite=False)
    inverse_factor = scipy.linalg.solve_triangular(lower, np.eye(n), lower=True, check_finite=False)
    common_level = 1.0 / (n * level)
    variance: FloatArray = np.einsum("ij,ij->j", inverse_factor, inverse_factor) - common_level
    if pairs.n_items > COVARIANCE_LIMIT:
        return None, variance
    covariance: FloatArray = inverse_factor.T @ inverse_factor - common_level
    return covariance, variance


def _dense_hessian(pairs: PairCounts, curvature: FloatArray, precision: float) -> FloatArray:
    n = pairs.n_items
    upper = _sum_by(pairs.first * n + pairs.second, curvature, n * n).reshape(n, n)
    hessian: FloatArray = -(upper + upper.T)
    hessian[np.diag_indices(n)] = upper.sum(axis=0) + upper.sum(axis=1) + precision
    return hessian


def _sparse_hessian(
    pairs: PairCounts, curvature: FloatArray, precision: float
) -> scipy.sparse.csr_array:
    n = pairs.n_items
    degree = _per_item(pairs, curvature)
    rows = np.concatenate([pairs.first, pairs.second, np.arange(n)])
    cols = np.concatenate([pairs.second, pairs.first, np.arange(n)])
    values = np.concatenate([-curvature, -curvature, degree + precision])
    return scipy.sparse.csr_array(scipy.sparse.coo_array((values, (rows, cols)), shape=(n, n)))


def _sum_by(index: IntArray, values: FloatArray, length: int) -> FloatArray:
    """Sum ``values`` per ``index`` into ``length`` slots."""
    return np.asarray(np.bincount(index, weights=values, minlength=length), dtype=np.float64)


def _per_item(pairs: PairCounts, values: FloatArray) -> FloatArray:
    """Sum a per-pair quantity over the pairs each item belongs to."""
    return _sum_by(pairs.first, values, pairs.n_items) + _sum_by(
        pairs.second, values, pairs.n_items
    )


def _log_posterior(
    pairs: PairCounts, margin: FloatArray, theta: FloatArray, precision: float
) -> float:
    """Log-posterior up to a constant, given ``margin = θ[first] - θ[second]``."""
    # log σ(-m) = log σ(m) - m, so one log σ serves both outcomes; written out, it is faster
    # than scipy's log_expit and as stable.
    log_sigmoid = np.minimum(margin, 0.0) - np.log1p(np.exp(-np.abs(margin)))
    likelihood = pairs.total * log_sigmoid - (pairs.total - pairs.first_wins) * margin
    return float(likelihood.sum() - 0.5 * precision * (theta @ theta))
