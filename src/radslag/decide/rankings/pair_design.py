"""Adaptive choice of the next pairs to vote on, for the order the round cares about.

All Our Ideas shows pairs nearly at random ("catch-up" favours rarely shown pairs), so many
votes go to pairs whose order is already clear, or to items whose place no longer matters for
the round's goal. Here the round's goal is explicit: the full order (every pair of items counts,
as Kendall's τ counts them) or the top ``k`` (only whether each item is in or out of the first
``k`` counts). A vote on pair ``(i, j)`` is valued by how much it is expected to lower the
goal's uncertainty, from the Bradley–Terry posterior of
:mod:`radslag.decide.rankings.bradley_terry`:

* ``relevance(a, b) = φ(z_ab) / s²_ab · c_ab`` says how much the order of two items ``a, b``
  hangs on the variance of their difference: ``z_ab = |μ_a - μ_b| / s_ab`` in posterior
  standard deviations, so pairs that are clearly ordered stop mattering. ``c_ab`` is 1 for the
  full order; for the top ``k`` it is the chance that ``a`` and ``b`` fall on different sides
  of the boundary, ``π_a (1 - π_b) + π_b (1 - π_a)`` with ``π`` each item's posterior chance of
  being above the midpoint between the ``k``-th and ``(k+1)``-th estimates. Items surely in or
  surely out stop mattering, as in the elimination of Heckel, R., Shah, N. B., Ramchandran, K.
  & Wainwright, M. J. (2019), "Active ranking from pairwise comparisons and when parametric
  assumptions do not help", *Annals of Statistics* 47(6), 3099-3126.
* A vote on ``(i, j)`` shrinks ``Var(θ_i - θ_j)`` by ``g = I / (1 + I s²_ij)`` times its
  square, with ``I = p (1 - p)`` the Fisher information of one logistic vote (the rank-one
  update of the Laplace posterior; Chaloner, K. & Verdinelli, I. (1995), "Bayesian experimental
  design: a review", *Statistical Science* 10(3), 273-304). Treating the items' estimates as
  independent, the relevance-weighted variance it removes is ``g · (need_i + need_j +
  2 v_i v_j relevance(i, j))`` with ``need_i = v_i² Σ_b relevance(i, b)``: how uncertain item
  ``i`` is, times how many of the goal's orderings hang on it. This is the expected reduction
  of a smooth stand-in for the goal's error, the one-step look-ahead of Crowd-BT (Chen, X.,
  Bennett, P. N., Collins-Thompson, K. & Horvitz, E. (2013), "Pairwise ranking aggregation in a
  crowdsourced setting", WSDM) aimed at the goal instead of at every parameter.

Pairs are drawn independently with probability ∝ value ** ``sharpness``: every page of the
survey asks for its own pair from a fit that may be a tenth of the votes old, and independent
draws from smooth values spread those votes rather than piling them on one pair. A share
``exploration`` of the draws is uniform over all pairs instead: the values rest on a fit that
treats the items' estimates as independent, and where the items are close in appeal
(low spread) that fit is least trustworthy and every pair carries nearly the same information,
so plain coverage is worth more than following it (the ε-mixture of exploration and
exploitation, Sutton, R. S. & Barto, A. G. (2018), *Reinforcement Learning*, 2nd ed., §2.2).

No item is starved: the caller passes how many votes each item has gone unshown, and an item
unshown for ``patience × n_items`` votes is put into the next pair (with the partner its vote is
worth most with). Overdue items are served oldest first, one per vote at least, so no item goes
more than ``patience × n_items + n_items - 1`` votes unshown (``starvation_bound``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.special import expit, ndtr

from radslag.decide.rankings.bradley_terry import COVARIANCE_LIMIT, PairwiseFit
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

_DEFAULT_PRIOR_SD = 1.0
# Chosen in simulation on tuning seeds only (bench/pair_design_bench.py): high enough to
# follow the values, low enough that stale values do not pile votes onto a few pairs.
DEFAULT_SHARPNESS = 4.0
# Votes an item may go unshown, per item in the round, before it is forced into a pair. At
# 10 the forced votes stay under a tenth of all votes even when the goal ignores most items.
DEFAULT_PATIENCE = 10.0
# None by default: a uniform share of 0.2, chosen on the tuning seeds (0, 0.2 and 0.4 tried),
# lowered the votes for the full order at spread 0.5 but raised them at spread 1 on the report
# seeds (bench/README.md, "Pair design across spreads").
DEFAULT_EXPLORATION = 0.0
# Variances below this are rounding, not information.
_TINY = 1e-12


@dataclass(frozen=True)
class PairDesign:
    """The distribution pairs are drawn from for one fit: compute once, draw on every vote.

    Attributes
    ----------
    n_items : int
        Number of items.
    cumulative : FloatArray
        ``(n_items², )`` running sum of the weights of ordered pairs ``(a, b)`` at
        ``a · n_items + b`` (symmetric, zero for ``a = b``).
    """

    n_items: int
    cumulative: FloatArray

    def propose(
        self,
        n_pairs: int,
        rng: np.random.Generator,
        *,
        since_shown: npt.ArrayLike | None = None,
        patience: float = DEFAULT_PATIENCE,
    ) -> IntArray:
        """Draw the next ``n_pairs`` pairs, overdue items first; see :func:`propose_pairs`."""
        require_positive_int("n_pairs", n_pairs)
        _require_non_negative("patience", patience)
        n = self.n_items
        unshown = _unshown(since_shown, n)
        draws = np.searchsorted(
            self.cumulative, rng.random(n_pairs) * self.cumulative[-1], side="right"
        )
        pairs = np.column_stack(np.divmod(np.minimum(draws, n * n - 1), n))
        limit = np.ceil(patience * n)
        for slot in range(n_pairs):
            overdue = int(np.argmax(unshown))
            if unshown[overdue] >= limit:
                pairs[slot] = overdue, self._best_partner(overdue)
            unshown += 1
            unshown[pairs[slot]] = 0
        swap = rng.random(n_pairs) < 0.5
        pairs[swap] = pairs[swap, ::-1]
        return pairs.astype(np.int64)

    def _best_partner(self, item: int) -> int:
        """The partner a vote with ``item`` is worth most with."""
        n = self.n_items
        before = self.cumulative[item * n - 1] if item > 0 else 0.0
        row = np.diff(self.cumulative[item * n : (item + 1) * n], prepend=before)
        row[item] = -np.inf
        return int(np.argmax(row))


def design_pairs(
    fit: PairwiseFit | None,
    n_items: int,
    *,
    top_k: int | None = None,
    sharpness: float = DEFAULT_SHARPNESS,
    exploration: float = DEFAULT_EXPLORATION,
) -> PairDesign:
    """The pair design for the votes so far; arguments as for :func:`propose_pairs`.

    Raises
    ------
    ValueError
        Naming the argument when ``n_items`` is below 2 or below ``fit.n_items``, ``top_k`` is
        not positive, ``sharpness`` is negative or not finite, or ``exploration`` is outside
        0–1.
    """
    require_positive_int("n_items", n_items)
    if n_items < 2:
        raise ValueError("n_items: need at least two items to form a pair")
    if fit is not None and n_items < fit.n_items:
        raise ValueError(f"n_items: {n_items} is fewer than the {fit.n_items} items of fit")
    if top_k is not None:
        require_positive_int("top_k", top_k)
    _require_non_negative("sharpness", sharpness)
    if not (np.isfinite(exploration) and 0.0 <= exploration <= 1.0):
        raise ValueError(f"exploration: expected a share from 0 to 1, got {exploration!r}")
    mean, covariance, variance = _current_posterior(fit, n_items)
    weights = pair_values(mean, covariance, variance, top_k)
    if sharpness != 1.0:
        weights **= sharpness
    uniform = (1.0 - np.eye(n_items)).ravel()
    uniform /= uniform.sum()
    total = weights.sum()
    if np.isfinite(total) and total > 0:
        mixed = (1.0 - exploration) * weights.ravel() / total + exploration * uniform
    else:
        # Only when every order is already certain: any pair is as good as another.
        mixed = uniform
    return PairDesign(n_items=n_items, cumulative=np.cumsum(mixed))


def propose_pairs(
    fit: PairwiseFit | None,
    n_items: int,
    n_pairs: int,
    rng: np.random.Generator,
    *,
    top_k: int | None = None,
    since_shown: npt.ArrayLike | None = None,
    patience: float = DEFAULT_PATIENCE,
    sharpness: float = DEFAULT_SHARPNESS,
    exploration: float = DEFAULT_EXPLORATION,
) -> IntArray:
    """Propose the next ``n_pairs`` pairs to show voters, in the order to show them.

    The same as ``design_pairs(fit, n_items, ...).propose(n_pairs, rng, ...)``; a caller that
    proposes on every vote keeps the design of its fit and only draws.

    Parameters
    ----------
    fit : PairwiseFit or None
        The latest fit of the votes so far (it may be a few votes old), or None before the first
        vote.
    n_items : int
        Number of items now; items ``fit.n_items .. n_items - 1`` were added since the fit and
        start at the prior.
    n_pairs : int
        How many pairs to propose (one per upcoming vote).
    rng : numpy.random.Generator
        Source of randomness for drawing pairs and the left/right order.
    top_k : int or None
        The round's goal, set by the convener: None for the full order, ``k`` for the first
        ``k`` items (their order among themselves does not count). ``k ≥ n_items`` is the full
        order.
    since_shown : array_like of float, optional
        Per item, the votes cast since it was last shown (see :func:`advance_since_shown`);
        items beyond its length, or at ``inf``, count as never shown. None: none is overdue.
    patience : float
        An item unshown for ``patience × n_items`` votes is forced into the next pair.
    sharpness : float
        Pairs are drawn ∝ value ** ``sharpness``; 0 draws uniformly.
    exploration : float
        The share of draws made uniformly over all pairs instead, from 0 to 1.

    Returns
    -------
    IntArray
        ``(n_pairs, 2)`` item ids; each row is one pair, shown left then right.

    Raises
    ------
    ValueError
        Naming the argument when ``n_items`` is below 2 or below ``fit.n_items``, ``n_pairs``
        or ``top_k`` is not positive, ``since_shown`` is longer than ``n_items`` or negative,
        ``patience`` or ``sharpness`` is negative or not finite, or ``exploration`` is outside
        0–1.
    """
    design = design_pairs(fit, n_items, top_k=top_k, sharpness=sharpness, exploration=exploration)
    return design.propose(n_pairs, rng, since_shown=since_shown, patience=patience)


def _require_non_negative(name: str, number: float) -> None:
    if not (np.isfinite(number) and number >= 0):
        raise ValueError(f"{name}: expected a non-negative number, got {number!r}")


def starvation_bound(n_items: int, patience: float = DEFAULT_PATIENCE) -> int:
    """Most consecutive votes an item can go unshown under :func:`propose_pairs`.

    An item becomes overdue after ``patience × n_items`` votes (rounded up); overdue items are
    served oldest first, at least one per vote, and at most ``n_items - 1`` are ahead of it.
    """
    _require_non_negative("patience", patience)
    return int(np.ceil(patience * n_items)) + n_items - 1


def advance_since_shown(
    since_shown: npt.ArrayLike | None, pairs: npt.ArrayLike, n_items: int
) -> FloatArray:
    """Votes since each item was last shown, after the votes on ``pairs`` (in order).

    ``since_shown`` as :func:`propose_pairs` takes it (None: every item just shown; items
    beyond its length never shown, ``inf``); ``pairs`` is ``(n_votes, 2)``, a vote of "cannot
    decide" included, since the item was shown.
    """
    shown = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    start = np.zeros(n_items) if since_shown is None else since_shown
    since = _unshown(start, n_items) + len(shown)
    # An item's last vote in the list decides its count; later rows overwrite earlier ones.
    position = np.arange(len(shown), dtype=np.int64)
    for column in (0, 1):
        last = np.full(n_items, -1, dtype=np.int64)
        np.maximum.at(last, shown[:, column], position)
        seen = last >= 0
        since[seen] = np.minimum(since[seen], len(shown) - 1 - last[seen])
    return since


def pair_values(
    mean: FloatArray, covariance: FloatArray | None, variance: FloatArray, top_k: int | None
) -> FloatArray:
    """``(n, n)`` expected reduction of the goal's uncertainty by one vote on each pair.

    Symmetric with a zero diagonal; see the module's description for the formula.
    """
    n = len(mean)
    difference = mean[:, None] - mean[None, :]
    spread = variance[:, None] + variance[None, :]
    if covariance is not None:
        spread -= 2.0 * covariance
    np.maximum(spread, _TINY, out=spread)
    relevance = np.exp(-0.5 * difference**2 / spread) / spread
    if top_k is not None and top_k < n:
        inside = _membership(mean, variance, top_k)
        relevance *= inside[:, None] * (1.0 - inside[None, :])
        relevance += relevance.T
    np.fill_diagonal(relevance, 0.0)
    need = variance**2 * relevance.sum(axis=1)
    p = expit(difference)
    information = p * (1.0 - p)
    gain = information / (1.0 + information * spread)
    values: FloatArray = gain * (
        need[:, None] + need[None, :] + 2.0 * np.outer(variance, variance) * relevance
    )
    np.fill_diagonal(values, 0.0)
    return values


def _membership(mean: FloatArray, variance: FloatArray, top_k: int) -> FloatArray:
    """Each item's posterior chance of being above the boundary of the top ``top_k``."""
    ordered = np.sort(mean)[::-1]
    boundary = 0.5 * (ordered[top_k - 1] + ordered[top_k])
    chance: FloatArray = ndtr((mean - boundary) / np.sqrt(np.maximum(variance, _TINY)))
    return chance


def _unshown(since_shown: npt.ArrayLike | None, n_items: int) -> FloatArray:
    """Votes since each item was shown as floats, never-shown items as infinitely overdue."""
    unshown = np.zeros(n_items)
    if since_shown is None:
        return unshown
    given = np.asarray(since_shown, dtype=np.float64).ravel()
    if len(given) > n_items:
        raise ValueError(f"since_shown: {len(given)} counts for {n_items} items")
    if not np.all(given >= 0):  # inf (never shown) passes, NaN does not
        raise ValueError("since_shown: expected non-negative vote counts")
    unshown[: len(given)] = given
    unshown[len(given) :] = np.inf
    return unshown


def _current_posterior(
    fit: PairwiseFit | None, n_items: int
) -> tuple[FloatArray, FloatArray | None, FloatArray]:
    """Posterior mean, covariance (None when the fit has none) and variances for all items."""
    prior_variance = (fit.prior_sd if fit is not None else _DEFAULT_PRIOR_SD) ** 2
    mean = np.zeros(n_items)
    variance = np.full(n_items, prior_variance)
    if fit is None:
        return mean, None, variance
    known = fit.n_items
    mean[:known] = fit.log_strengths
    variance[:known] = fit.standard_errors**2
    if fit.covariance is None or n_items > COVARIANCE_LIMIT:
        return mean, None, variance
    covariance = np.zeros((n_items, n_items))
    covariance[:known, :known] = fit.covariance
    np.fill_diagonal(covariance, variance)
    return mean, covariance, variance
