"""How sure a ranking is: the probability of each item holding each rank.

Given samples of the items' values (from a posterior, a bootstrap or a simulation of weights),
the rank acceptability ``b[i, r]`` is the share of samples in which item ``i`` holds rank
``r``; the first column answers "how sure is rank 1?". For a Bradley–Terry fit the samples come
from its Laplace approximation, the normal posterior with the fit's mode and covariance.

References
----------
Lahdelma, R. and Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability analysis
for group decision making. *Operations Research* 49(3), 444-454 (rank acceptability indices).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from radslag.decide.rankings.bradley_terry import PairwiseFit
from radslag.decide.validation import FloatArray, IntArray, as_float_array, require_positive_int

# Added to the covariance's diagonal so that a matrix that is singular in rounding only (the
# centred log-strengths sum to zero) still factorises.
_JITTER = 1e-10


def rank_acceptabilities(values: npt.ArrayLike) -> FloatArray:
    """The share of samples in which each item holds each rank.

    Parameters
    ----------
    values : array_like, shape (samples, items)
        Each row one sample of the items' values, higher better. Ties are broken by the lower
        item index, as everywhere in the decision core.

    Returns
    -------
    FloatArray
        ``(items, items)``; row ``i`` gives item ``i``'s probability of rank 1, 2, ...; every
        row and every column sums to one.

    Raises
    ------
    ValueError
        If ``values`` is not two-dimensional, is empty or holds a value that is not finite.
    """
    table = as_float_array("values", values, ndim=2)
    if table.size == 0:
        raise ValueError("values: must not be empty")
    if not np.all(np.isfinite(table)):
        raise ValueError("values: every value must be finite")
    samples, items = table.shape
    order = np.argsort(-table, axis=1, kind="stable")
    counts = np.zeros((items, items))
    np.add.at(counts, (order, np.broadcast_to(np.arange(items), order.shape)), 1.0)
    acceptability: FloatArray = counts / samples
    return acceptability


def posterior_samples(fit: PairwiseFit, n_samples: int, seed: int = 0) -> FloatArray:
    """Draws of the log-strengths from the fit's normal (Laplace) posterior.

    Uses the full covariance when the fit has one; above ``COVARIANCE_LIMIT`` items it has only
    the standard errors, and the draws are independent (the ranks then come out somewhat less
    certain than they are, never more).

    Raises
    ------
    ValueError
        If ``n_samples`` is not a positive integer.
    """
    require_positive_int("n_samples", n_samples)
    rng = np.random.default_rng(seed)
    mean = fit.log_strengths
    if fit.covariance is None:
        noise = rng.standard_normal((n_samples, mean.size)) * fit.standard_errors
        draws: FloatArray = mean + noise
        return draws
    covariance = (fit.covariance + fit.covariance.T) / 2
    values, vectors = np.linalg.eigh(covariance + _JITTER * np.eye(mean.size))
    root = vectors * np.sqrt(np.clip(values, 0.0, None))
    correlated: FloatArray = mean + rng.standard_normal((n_samples, mean.size)) @ root.T
    return correlated


def rank_intervals(acceptability: FloatArray, coverage: float = 0.95) -> IntArray:
    """The equal-tailed range of ranks holding ``coverage`` of each item's probability:
    ``(items, 2)`` first and last rank, 1-based.

    Raises
    ------
    ValueError
        If ``coverage`` is not in (0, 1].
    """
    if not 0 < coverage <= 1:
        raise ValueError(f"coverage: expected a share in (0, 1], got {coverage}")
    cumulative = np.cumsum(acceptability, axis=1)
    tail = (1 - coverage) / 2
    low = np.argmax(cumulative > tail - 1e-12, axis=1)
    high = np.argmax(cumulative >= 1 - tail - 1e-12, axis=1)
    intervals: IntArray = np.column_stack([low + 1, high + 1]).astype(np.int64)
    return intervals
