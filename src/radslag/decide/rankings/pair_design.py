"""Adaptive choice of the next pairs to vote on, so a ranking settles with fewer votes.

All Our Ideas shows pairs nearly at random ("catch-up" favours rarely shown pairs), so most
votes go to pairs whose order is already clear. Here each candidate pair ``(i, j)`` is valued
from the Bradley–Terry posterior of :mod:`radslag.decide.rankings.bradley_terry`::

    value = relevance × overlap × information

``overlap = 2 Φ(-|μ_i - μ_j| / s)`` is twice the posterior probability that the pair's current
order is wrong (1 for a coin flip, near 0 once the order is clear), with ``s²`` the posterior
variance of ``θ_i - θ_j``. ``information = log(1 + p(1-p) s²)`` is the entropy a vote removes
from that difference, the D-optimal criterion for one logistic observation (Chaloner, K. &
Verdinelli, I. (1995), "Bayesian experimental design: a review", *Statistical Science* 10(3),
273-304). ``relevance`` rises near the top of the ranking, since readers care most about
which items lead. The approach follows active ranking by uncertainty reduction as in Chen, X.,
Bennett, P. N., Collins-Thompson, K. & Horvitz, E. (2013), "Pairwise ranking aggregation in a
crowdsourced setting", WSDM.

A batch is chosen greedily: after each pick the covariance gets the rank-one update of the vote
it will bring (its outcome unknown, its information not), so one batch spreads over many pairs.
Picks are sampled ∝ value² rather than taken as the arg-max so that voters see varied pairs.
Items without votes, for instance added mid-round, start at the prior: wide intervals overlap
with everything, so they are proposed first until they catch up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit, ndtr
from scipy.stats import rankdata

from radslag.decide.rankings.bradley_terry import COVARIANCE_LIMIT, PairwiseFit
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

# Candidate pairs considered per pick; beyond this, only pairs close in the current ranking
# (where order is in doubt) plus a random sample are scored.
_MAX_CANDIDATES = 200_000
# Sampling ∝ value**_SHARPNESS: high enough to follow the values, low enough to vary the pairs.
_SHARPNESS = 2.0
_DEFAULT_PRIOR_SD = 1.0
# Rank-quantile scale over which the top emphasis fades (see ``top_focus``).
_TOP_WIDTH = 0.1
# Pairs kept after the first valuation: enough that the batch can spread, few enough that
# each pick is cheap.
_SHORTLIST_PER_PAIR = 8
_SHORTLIST_MIN = 500


def propose_pairs(
    fit: PairwiseFit | None,
    n_items: int,
    n_pairs: int,
    rng: np.random.Generator,
    *,
    top_focus: float = 8.0,
) -> IntArray:
    """Propose the next ``n_pairs`` pairs to show voters, most informative first.

    Parameters
    ----------
    fit : PairwiseFit or None
        The latest fit of the votes so far (it may be a few votes old), or None before the first
        vote.
    n_items : int
        Number of items now; items ``fit.n_items .. n_items - 1`` were added since the fit and
        are treated as having no votes yet.
    n_pairs : int
        How many pairs to propose (one per upcoming vote).
    rng : numpy.random.Generator
        Source of randomness for sampling pairs and the left/right order.
    top_focus : float
        Extra weight for pairs near the top: relevance is ``1 + top_focus · exp((q - 1) / 0.1)``
        with ``q`` the better item's rank quantile (1 for the leader, 0 for the last), so the
        emphasis fades over the top tenth or two of the ranking and the rest is weighed alike
        (the bottom matters as much as the middle for the order as a whole). 0 treats all
        pairs alike. The default 8 (leader 9, tenth of 100 about 4, median about 1) was
        chosen in simulation to cut the votes needed both for the whole order and for the
        top ten (``bench/pairwise_bench.py``).

    Returns
    -------
    IntArray
        ``(n_pairs, 2)`` item ids; each row is one pair, shown left then right.

    Raises
    ------
    ValueError
        Naming the argument when ``n_items`` is below 2 or below ``fit.n_items``, ``n_pairs``
        is not positive, or ``top_focus`` is negative or not finite.
    """
    require_positive_int("n_items", n_items)
    require_positive_int("n_pairs", n_pairs)
    if n_items < 2:
        raise ValueError("n_items: need at least two items to form a pair")
    if fit is not None and n_items < fit.n_items:
        raise ValueError(f"n_items: {n_items} is fewer than the {fit.n_items} items of fit")
    if not (np.isfinite(top_focus) and top_focus >= 0):
        raise ValueError(f"top_focus: expected a non-negative number, got {top_focus!r}")
    mean, covariance, variance = _current_posterior(fit, n_items)
    candidates = _Candidates.of(mean, _candidate_pairs(mean, rng), top_focus)
    spread = _difference_variance(covariance, variance, candidates.first, candidates.second)
    # Values only fall as the batch's votes shrink the variances, so pairs outside the best
    # few hundred at the start hardly ever get drawn; dropping them makes each pick cheap.
    shortlist = np.argsort(-candidates.value(spread), kind="stable")
    shortlist = shortlist[: max(_SHORTLIST_PER_PAIR * n_pairs, _SHORTLIST_MIN)]
    candidates, spread = candidates.take(shortlist), spread[shortlist]
    chosen = np.empty(n_pairs, dtype=np.int64)
    for pick in range(n_pairs):
        best = _sample_index(candidates.value(spread) ** _SHARPNESS, rng)
        chosen[pick] = best
        spread = _expect_vote(covariance, variance, candidates, best, spread)
    pairs = np.column_stack([candidates.first[chosen], candidates.second[chosen]])
    swap = rng.random(n_pairs) < 0.5
    pairs[swap] = pairs[swap, ::-1]
    return pairs


@dataclass(frozen=True)
class _Candidates:
    """Candidate pairs with what their value needs besides the current variances."""

    first: IntArray
    second: IntArray
    relevance: FloatArray
    distance: FloatArray
    """``|μ_first - μ_second|``."""
    information: FloatArray
    """``p(1 - p)``, the Fisher information of one vote on the pair."""

    @classmethod
    def of(
        cls, mean: FloatArray, pairs: tuple[IntArray, IntArray], top_focus: float
    ) -> _Candidates:
        first, second = pairs
        distance = np.abs(mean[first] - mean[second])
        p = expit(distance)
        return cls(
            first=first,
            second=second,
            relevance=_relevance(mean, first, second, top_focus),
            distance=distance,
            information=p * (1.0 - p),
        )

    def take(self, index: IntArray) -> _Candidates:
        return _Candidates(
            first=self.first[index],
            second=self.second[index],
            relevance=self.relevance[index],
            distance=self.distance[index],
            information=self.information[index],
        )

    def value(self, spread: FloatArray) -> FloatArray:
        """``relevance × overlap × information`` given each pair's difference variance."""
        overlap = 2.0 * ndtr(-self.distance / np.sqrt(spread))
        value: FloatArray = self.relevance * overlap * np.log1p(self.information * spread)
        return value


def _sample_index(weights: FloatArray, rng: np.random.Generator) -> int:
    """Draw one index with probability proportional to ``weights``."""
    cumulative = np.cumsum(weights)
    if not cumulative[-1] > 0:
        return int(rng.integers(len(weights)))
    return int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))


def _current_posterior(
    fit: PairwiseFit | None, n_items: int
) -> tuple[FloatArray, FloatArray | None, FloatArray]:
    """Posterior mean, covariance (None when the fit has none) and variances for all items."""
    prior_variance = (fit.prior_sd if fit is not None else _DEFAULT_PRIOR_SD) ** 2
    mean = np.zeros(n_items)
    variance = np.full(n_items, prior_variance)
    if fit is None:
        return mean, np.diag(variance) if n_items <= COVARIANCE_LIMIT else None, variance
    known = fit.n_items
    mean[:known] = fit.log_strengths
    variance[:known] = fit.standard_errors**2
    if fit.covariance is None:
        return mean, None, variance
    covariance = np.diag(variance)
    covariance[:known, :known] = fit.covariance
    return mean, covariance, variance


def _candidate_pairs(mean: FloatArray, rng: np.random.Generator) -> tuple[IntArray, IntArray]:
    """All pairs ``i < j``, or for many items the near neighbours in rank plus random pairs."""
    n = len(mean)
    if n * (n - 1) // 2 <= _MAX_CANDIDATES:
        first, second = np.triu_indices(n, k=1)
        return first.astype(np.int64), second.astype(np.int64)
    order = np.argsort(-mean, kind="stable")
    reach = max(1, _MAX_CANDIDATES // (2 * n))
    offsets = np.arange(1, reach + 1)
    rank = np.repeat(np.arange(n), reach)
    partner = rank + np.tile(offsets, n)
    inside = partner < n
    near_a, near_b = order[rank[inside]], order[partner[inside]]
    far_a = rng.integers(0, n, _MAX_CANDIDATES // 2)
    far_b = (far_a + rng.integers(1, n, len(far_a))) % n
    a = np.concatenate([near_a, far_a])
    b = np.concatenate([near_b, far_b])
    return np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)


def _relevance(mean: FloatArray, first: IntArray, second: IntArray, top_focus: float) -> FloatArray:
    """Weight of a pair by how near the top its better item stands (1 far from the top)."""
    # Rank quantiles (0 bottom, 1 top) rather than the 0-100 scores: same order, but the
    # weights do not depend on how spread out the strengths happen to be. Tied items, such
    # as new ones at the prior, share their average rank.
    quantile = (rankdata(mean) - 1.0) / max(len(mean) - 1, 1)
    better = np.maximum(quantile[first], quantile[second])
    relevance: FloatArray = 1.0 + top_focus * np.exp((better - 1.0) / _TOP_WIDTH)
    return relevance


def _difference_variance(
    covariance: FloatArray | None, variance: FloatArray, first: IntArray, second: IntArray
) -> FloatArray:
    """Posterior variance of ``θ_first - θ_second`` per candidate pair."""
    spread = variance[first] + variance[second]
    if covariance is not None:
        spread = spread - 2.0 * covariance[first, second]
    floored: FloatArray = np.maximum(spread, 1e-12)
    return floored


def _expect_vote(
    covariance: FloatArray | None,
    variance: FloatArray,
    candidates: _Candidates,
    best: int,
    spread: FloatArray,
) -> FloatArray:
    """Shrink the posterior in place as one vote on pair ``best`` will, whatever its outcome.

    Returns the candidates' new variances of ``θ_first - θ_second``.
    """
    first, second = candidates.first, candidates.second
    i, j = first[best], second[best]
    information = candidates.information[best]
    if covariance is None:
        variance[i] = 1.0 / (1.0 / variance[i] + information)
        variance[j] = 1.0 / (1.0 / variance[j] + information)
        return _difference_variance(None, variance, first, second)
    # Rank-one (Sherman–Morrison) update for one observation along e_i - e_j.
    direction = covariance[:, i] - covariance[:, j]
    gain = information / (1.0 + information * spread[best])
    covariance -= gain * np.outer(direction, direction)
    variance[:] = covariance.diagonal()
    shrunk: FloatArray = np.maximum(
        spread - gain * (direction[first] - direction[second]) ** 2, 1e-12
    )
    return shrunk
