"""How robust is a multi-criteria ranking? SMAA-2 acceptability analysis.

A council rarely agrees on exact criterion weights, and scores such as "estimated value" are
uncertain. SMAA-2 samples weights and scores from what is known about them and reports how
often each alternative lands on each rank, which weights make it the winner, and how sure that
win is given the score uncertainty.

Shapes
------
``scores``  (m, n) partial values, one row per alternative and one column per criterion, on
            commensurable scales (see :func:`radslag.decide.criteria.weights.normalise_scores`)
``rank_acceptability`` (m, m) ``[i, r]`` share of samples that put alternative ``i`` at rank
            ``r``, rank 0 being the best
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from radslag.decide.validation import FloatArray, as_float_array, require_positive_int

# Samples are processed in chunks of about this many values per temporary array (2 MB in
# float64): memory stays bounded whatever ``n_samples`` is, the arrays stay in cache, and
# each numpy call still covers thousands of samples.
_CHUNK_VALUES: Final = 2**18

# Weights from interval sampling may miss an interval bound by rounding when they are
# completed to sum to one; this is the slack allowed before a draw is rejected.
_BOUND_SLACK: Final = 1e-12

_PILOT_DRAWS: Final = 2048

WeightSampler: TypeAlias = Callable[[np.random.Generator, int], FloatArray]


@dataclass(frozen=True)
class UniformWeights:
    """No preference information: weights uniform on the simplex (Lahdelma & Salminen 2001)."""


@dataclass(frozen=True)
class IntervalWeights:
    """Weights uniform on the part of the simplex where ``low <= w <= high``.

    Equal bounds fix a weight; ``IntervalWeights.around(w, 0.0)`` fixes all of them.
    """

    low: FloatArray
    high: FloatArray

    @classmethod
    def around(cls, weights: npt.ArrayLike, half_width: float) -> IntervalWeights:
        """Intervals of ``half_width`` around ``weights`` (rescaled to sum to one), in [0, 1]."""
        centre = as_float_array("weights", weights, ndim=1)
        if centre.size == 0 or np.any(centre < 0) or centre.sum() <= 0:
            raise ValueError("weights: expected non-negative weights with a positive sum")
        if not np.isfinite(half_width) or half_width < 0:
            raise ValueError(f"half_width: expected a non-negative number, got {half_width}")
        centre = centre / centre.sum()
        return cls(
            low=np.clip(centre - half_width, 0.0, 1.0), high=np.clip(centre + half_width, 0.0, 1.0)
        )


WeightModel: TypeAlias = UniformWeights | IntervalWeights


@dataclass(frozen=True)
class ScoreNoise:
    """Independent uncertainty of every score, broadcast to the (m, n) score table.

    ``spread`` is the standard deviation for ``"normal"`` and the half-width for ``"uniform"``.
    """

    spread: npt.ArrayLike
    distribution: Literal["normal", "uniform"] = "normal"


@dataclass(frozen=True)
class SmaaResult:
    """SMAA-2 indices of every alternative.

    ``central_weights[i]`` is the mean weight vector of the samples in which ``i`` ranks first
    and ``confidence_factors[i]`` the probability that ``i`` ranks first under those weights;
    both are NaN for an alternative that never ranks first. ``holistic_acceptability`` weighs
    the rank acceptabilities linearly, 1 for the first rank down to 0 for the last.
    """

    rank_acceptability: FloatArray
    central_weights: FloatArray
    confidence_factors: FloatArray
    holistic_acceptability: FloatArray
    n_samples: int


def smaa(
    scores: npt.ArrayLike,
    weights: WeightModel | None = None,
    noise: ScoreNoise | None = None,
    n_samples: int = 10_000,
    seed: int | np.random.Generator = 0,
) -> SmaaResult:
    """Run SMAA-2 with an additive value model by Monte Carlo simulation.

    Parameters
    ----------
    scores : array_like, shape (m, n)
        Partial values of each alternative on each criterion, higher is better.
    weights : UniformWeights or IntervalWeights, optional
        What is known about the criterion weights; uniform on the simplex by default.
    noise : ScoreNoise, optional
        Uncertainty of the scores; exact scores by default.
    n_samples : int
        Number of Monte Carlo samples, used again for the confidence factors.
    seed : int or numpy.random.Generator
        Seed or generator of all randomness, so a published analysis can be reproduced.

    Returns
    -------
    SmaaResult

    Notes
    -----
    Work is vectorised over chunks of samples, so memory stays bounded and no Python loop runs
    per sample. With normal score noise the rank acceptabilities draw each alternative's
    utility from its exact normal distribution instead of drawing every score; the confidence
    factors draw whole score tables. Equal utilities rank the lower-numbered alternative first.

    Raises
    ------
    ValueError
        If ``scores`` is not a finite non-empty matrix, the weight intervals do not fit it or
        leave no feasible weights, ``noise.spread`` is negative or does not broadcast, or
        ``n_samples`` is not positive.

    References
    ----------
    Lahdelma, R. and Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
    analysis for group decision making. *Operations Research* 49(3), 444-454.
    Tervonen, T. and Figueira, J. R. (2008). A survey on stochastic multicriteria
    acceptability analysis methods. *Journal of Multi-Criteria Decision Analysis* 15, 1-14.
    """
    table = as_float_array("scores", scores, ndim=2)
    if table.size == 0:
        raise ValueError("scores: must have at least one alternative and one criterion")
    require_positive_int("n_samples", n_samples)
    m, n = table.shape
    spread = _noise_spread(noise, table.shape)
    rng = _generator(seed)
    sample_weights = _weight_sampler(weights or UniformWeights(), n, rng)

    rank_counts = np.zeros((m, m))
    first_weight_sums = np.zeros((m, n))
    rank_slots = np.arange(m)
    for size in _chunks(n_samples, m * n):
        w = sample_weights(rng, size)
        utilities = _utilities(rng, table, w, noise, spread)
        order = np.argsort(-utilities, axis=1, kind="stable")
        flat = (order * m + rank_slots).ravel()
        rank_counts += np.bincount(flat, minlength=m * m).reshape(m, m)
        first = order[:, 0]
        for criterion in range(n):
            first_weight_sums[:, criterion] += np.bincount(
                first, weights=w[:, criterion], minlength=m
            )

    acceptability = rank_counts / n_samples
    wins = rank_counts[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        central = first_weight_sums / wins[:, None]
    central[wins == 0] = np.nan
    confidence = _confidence_factors(rng, table, central, noise, spread, n_samples)
    meta = (m - 1 - rank_slots) / (m - 1) if m > 1 else np.ones(1)
    return SmaaResult(
        rank_acceptability=acceptability,
        central_weights=central,
        confidence_factors=confidence,
        holistic_acceptability=acceptability @ meta,
        n_samples=n_samples,
    )


def _utilities(
    rng: np.random.Generator,
    table: FloatArray,
    w: FloatArray,
    noise: ScoreNoise | None,
    spread: FloatArray,
) -> FloatArray:
    expected: FloatArray = w @ table.T
    if noise is None:
        return expected
    if noise.distribution == "normal":
        # A weighted sum of independent normal scores is itself normal with variance
        # sum_j w_j^2 sd_ij^2, so drawing one normal per alternative is exact and m-fold
        # cheaper than drawing every score.
        sd = np.sqrt((w * w) @ (spread * spread).T)
        noisy: FloatArray = expected + sd * rng.standard_normal(expected.shape)
        return noisy
    drawn = _draw_scores(rng, table, noise, spread, w.shape[0])
    summed: FloatArray = np.matmul(w[:, None, :].astype(np.float32), drawn)[:, 0, :].astype(
        np.float64
    )
    return summed


def _confidence_factors(
    rng: np.random.Generator,
    table: FloatArray,
    central: FloatArray,
    noise: ScoreNoise | None,
    spread: FloatArray,
    n_samples: int,
) -> FloatArray:
    m, n = table.shape
    confidence = np.full(m, np.nan)
    winners = np.flatnonzero(~np.isnan(central[:, 0]))
    if winners.size == 0:
        return confidence
    chosen = central[winners]
    if noise is None:
        best = np.argmax(table @ chosen.T, axis=0)
        confidence[winners] = (best == winners).astype(np.float64)
        return confidence
    hits = np.zeros(winners.size)
    weights_32 = chosen.astype(np.float32)[None, :, :]
    for size in _chunks(n_samples, m * max(n, winners.size)):
        drawn = _draw_scores(rng, table, noise, spread, size)
        # (size, winners, m): every central weight vector scores every alternative, which
        # stay on the last axis, where argmax is fastest.
        utilities = np.matmul(weights_32, drawn)
        hits += (np.argmax(utilities, axis=2) == winners).sum(axis=0)
    confidence[winners] = hits / n_samples
    return confidence


def _draw_scores(
    rng: np.random.Generator, table: FloatArray, noise: ScoreNoise, spread: FloatArray, size: int
) -> npt.NDArray[np.float32]:
    """Draw ``size`` score tables, laid out (size, criteria, alternatives).

    Single precision halves the memory traffic of the largest arrays of the simulation; the
    draws only decide which alternative ranks where, and a float32 rounding (1e-7 relative)
    changes an order only between utilities that are equal to that precision.
    """
    shape = (size, table.shape[1], table.shape[0])
    if noise.distribution == "normal":
        drawn = rng.standard_normal(shape, dtype=np.float32)
    else:
        drawn = rng.random(shape, dtype=np.float32)
        drawn *= 2.0
        drawn -= 1.0
    # In place, for the same reason.
    drawn *= spread.T.astype(np.float32)
    drawn += table.T.astype(np.float32)
    return drawn


def _chunks(n_samples: int, values_per_sample: int) -> list[int]:
    step = max(1, _CHUNK_VALUES // values_per_sample)
    return [min(step, n_samples - start) for start in range(0, n_samples, step)]


def _generator(seed: int | np.random.Generator) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"seed: expected a non-negative integer or a Generator, got {seed!r}")
    return np.random.default_rng(int(seed))


def _noise_spread(noise: ScoreNoise | None, shape: tuple[int, int]) -> FloatArray:
    if noise is None:
        return np.zeros(shape)
    if noise.distribution not in ("normal", "uniform"):
        raise ValueError(
            f"noise.distribution: expected 'normal' or 'uniform', got {noise.distribution!r}"
        )
    spread = as_float_array("noise.spread", noise.spread)
    try:
        spread = np.broadcast_to(spread, shape)
    except ValueError:
        raise ValueError(
            f"noise.spread: shape {spread.shape} does not fit the scores {shape}"
        ) from None
    if np.any(spread < 0):
        raise ValueError("noise.spread: must not be negative")
    return spread


def _weight_sampler(model: WeightModel, n: int, rng: np.random.Generator) -> WeightSampler:
    if isinstance(model, UniformWeights):
        return lambda rng, size: _uniform_simplex(rng, size, n)
    low = as_float_array("weights.low", model.low, ndim=1)
    high = as_float_array("weights.high", model.high, ndim=1)
    for name, bound in (("weights.low", low), ("weights.high", high)):
        if bound.shape[0] != n:
            raise ValueError(
                f"{name}: expected {n} bounds, one per criterion, got {bound.shape[0]}"
            )
    if np.any(low < 0) or np.any(high > 1) or np.any(low > high):
        raise ValueError("weights: bounds must satisfy 0 <= low <= high <= 1")
    if low.sum() > 1 + _BOUND_SLACK or high.sum() < 1 - _BOUND_SLACK:
        raise ValueError("weights: no weights summing to one fit in the intervals")
    if np.all(high - low <= _BOUND_SLACK):
        fixed = low / low.sum()
        return lambda _rng, size: np.tile(fixed, (size, 1))
    return _interval_sampler(rng, low, high)


def _uniform_simplex(rng: np.random.Generator, size: int, n: int) -> FloatArray:
    # Normalised exponentials are Dirichlet(1, ..., 1), the uniform distribution on the simplex.
    exponentials = rng.standard_exponential((size, n))
    weights: FloatArray = exponentials / exponentials.sum(axis=1, keepdims=True)
    return weights


def _interval_sampler(rng: np.random.Generator, low: FloatArray, high: FloatArray) -> WeightSampler:
    """Sample uniformly from the simplex cut by the box, by the cheaper of two rejections.

    Wide intervals are best met by drawing from the whole simplex and keeping draws inside the
    box; narrow ones by drawing the other weights inside their intervals, completing the widest
    one to sum to one and keeping draws where it lands inside its interval. Both are exactly
    uniform on the feasible set (the second because the simplex is an affine graph over the
    free weights). A pilot run on ``rng`` picks whichever accepts more draws.
    """
    n = low.shape[0]
    dependent = int(np.argmax(high - low))
    free = np.delete(np.arange(n), dependent)

    def from_simplex(rng: np.random.Generator, size: int) -> FloatArray:
        w = _uniform_simplex(rng, size, n)
        inside = np.all((w >= low) & (w <= high), axis=1)
        kept: FloatArray = w[inside]
        return kept

    def from_box(rng: np.random.Generator, size: int) -> FloatArray:
        w = np.empty((size, n))
        w[:, free] = rng.uniform(low[free], high[free], (size, free.size))
        w[:, dependent] = 1.0 - w[:, free].sum(axis=1)
        rest = w[:, dependent]
        inside = (rest >= low[dependent] - _BOUND_SLACK) & (rest <= high[dependent] + _BOUND_SLACK)
        kept: FloatArray = w[inside]
        kept[:, dependent] = np.clip(kept[:, dependent], low[dependent], high[dependent])
        return kept

    rates = [draw(rng, _PILOT_DRAWS).shape[0] / _PILOT_DRAWS for draw in (from_simplex, from_box)]
    if max(rates) == 0:
        raise ValueError("weights: the intervals leave too little room to sample; widen them")
    draw, rate = (from_simplex, rates[0]) if rates[0] >= rates[1] else (from_box, rates[1])

    def sample(rng: np.random.Generator, size: int) -> FloatArray:
        batches: list[FloatArray] = []
        missing = size
        while missing > 0:
            batch = draw(rng, int(np.ceil(1.2 * missing / rate)) + 16)[:missing]
            batches.append(batch)
            missing -= batch.shape[0]
        return np.concatenate(batches)

    return sample
