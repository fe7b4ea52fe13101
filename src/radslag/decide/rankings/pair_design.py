"""Adaptive choice of the next pairs to vote on, for the order the round cares about.

All Our Ideas shows pairs nearly at random ("catch-up" favours rarely shown pairs), so many
votes go to pairs whose order is already clear, or to items whose place no longer matters for
the round's goal. Here the round's goal is explicit: the full order (every pair of items counts,
as Kendall's τ counts them) or the top ``k`` (only whether each item is in or out of the first
``k`` counts). Pairs are chosen by how much their votes are expected to lower the goal's
uncertainty under the Bradley–Terry posterior of :mod:`radslag.decide.rankings.bradley_terry`:

* ``relevance(a, b) = φ(z_ab) / s²_ab · c_ab`` says how much the order of two items ``a, b``
  hangs on the variance ``s²_ab`` of their difference: ``z_ab = |μ_a - μ_b| / s_ab`` in
  posterior standard deviations, so pairs that are clearly ordered stop mattering. ``c_ab`` is
  1 for the full order; for the top ``k`` it is the chance that ``a`` and ``b`` fall on
  different sides of the boundary, ``π_a (1 - π_b) + π_b (1 - π_a)`` with ``π`` each item's
  posterior chance of being above the midpoint between the ``k``-th and ``(k+1)``-th
  estimates. Items surely in or surely out stop mattering, as in the elimination of Heckel, R.,
  Shah, N. B., Ramchandran, K. & Wainwright, M. J. (2019), "Active ranking from pairwise
  comparisons and when parametric assumptions do not help", *Annals of Statistics* 47(6),
  3099-3126.
* The goal's uncertainty is ``U = Σ_{a<b} relevance(a, b) · Var(θ_a - θ_b) = tr(Σ L)``, with
  ``L`` the Laplacian of the relevances and ``Σ`` the posterior covariance. Votes on ``(i, j)``
  carrying Fisher information ``h = m · p (1 - p)`` (``m`` votes) are a rank-one update of the
  Laplace posterior, ``Σ' = Σ - g u uᵀ`` with ``u = Σ (e_i - e_j)`` and
  ``g = h / (1 + h s²_ij)`` (Chaloner, K. & Verdinelli, I. (1995), "Bayesian experimental
  design: a review", *Statistical Science* 10(3), 273-304), so they remove
  ``g · (e_i - e_j)ᵀ Σ L Σ (e_i - e_j)`` of ``U``: the one-step look-ahead of Crowd-BT (Chen,
  X., Bennett, P. N., Collins-Thompson, K. & Horvitz, E. (2013), "Pairwise ranking aggregation
  in a crowdsourced setting", WSDM) aimed at the goal, with the covariance, so that a pair
  whose difference is already pinned down through other items is not asked again.

A fit serves many votes before it is refreshed (``horizon``), and every page of the survey asks
for its own pair, so the design plans for the whole horizon rather than for one vote: it
chooses ``pairs_per_item × n_items`` pairs one by one, each the most valuable given the votes
planned before it (the posterior updated as if they were cast), a share of the horizon's votes
each (the sequential construction of an optimal design, Wynn, H. P. (1970), "The sequential
generation of D-optimum experimental designs", *Annals of Mathematical Statistics* 41(5),
1655-1664, here for the goal's criterion ``U``); pages then draw from the planned pairs.
Planning with the covariance is what keeps the votes apart where the items are close in
appeal: a one-step value read off a single fit sends every page to the same few pairs. Up to
``n_items // 20`` pairs with no item in common are planned together from one evaluation of the
values, which keeps the plan to about ``20 × pairs_per_item`` evaluations from 20 items up.
Above ``COVARIANCE_LIMIT`` items the fit keeps no covariance and pairs are drawn ∝ the one-step
value ** 4 with the estimates treated as independent.

A share ``exploration`` of the draws is uniform over all pairs instead (the ε-mixture of
exploration and exploitation, Sutton, R. S. & Barto, A. G. (2018), *Reinforcement Learning*,
2nd ed., §2.2).

No item is starved: the caller passes how many votes each item has gone unshown, and an item
unshown for ``patience × n_items`` votes is put into the next pair (with the partner its vote is
worth most with). Overdue items are served oldest first, one per vote at least, so no item goes
more than ``patience × n_items + n_items - 1`` votes unshown (``starvation_bound``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from radslag.decide.rankings.bradley_terry import COVARIANCE_LIMIT, PairwiseFit
from radslag.decide.rankings.pair_plan import one_step_weights, plan_pairs, relevance_of_pairs
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

_DEFAULT_PRIOR_SD = 1.0
# Chosen in simulation on tuning seeds only (bench/pair_design_bench.py): fewer planned pairs
# leave the votes of a long horizon on too few pairs, more plan pairs worth little.
DEFAULT_PAIRS_PER_ITEM = 5.0
# Votes an item may go unshown, per item in the round, before it is forced into a pair. At
# 10 the forced votes stay under a tenth of all votes even when the goal ignores most items.
DEFAULT_PATIENCE = 10.0
# A uniform share of 0.2 was tried with the one-step design and cost votes at spread 1
# (bench/README.md, "Pair design across spreads"); the plan spreads votes without it.
DEFAULT_EXPLORATION = 0.0


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
    partners : IntArray
        ``(n_items, )`` for each item the partner a vote with it is worth most with, for items
        forced in by the patience rule.
    """

    n_items: int
    cumulative: FloatArray
    partners: IntArray

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
                pairs[slot] = overdue, self.partners[overdue]
            unshown += 1
            unshown[pairs[slot]] = 0
        swap = rng.random(n_pairs) < 0.5
        pairs[swap] = pairs[swap, ::-1]
        return pairs.astype(np.int64)


def design_pairs(
    fit: PairwiseFit | None,
    n_items: int,
    *,
    top_k: int | None = None,
    horizon: int | None = None,
    pairs_per_item: float = DEFAULT_PAIRS_PER_ITEM,
    exploration: float = DEFAULT_EXPLORATION,
) -> PairDesign:
    """The pair design for the votes so far; arguments as for :func:`propose_pairs`.

    ``horizon`` is how many votes the design serves before the next fit (None: one per item).

    Raises
    ------
    ValueError
        Naming the argument when ``n_items`` is below 2 or below ``fit.n_items``, ``top_k`` or
        ``horizon`` is not positive, ``pairs_per_item`` is not positive and finite, or
        ``exploration`` is outside 0–1.
    """
    require_positive_int("n_items", n_items)
    if n_items < 2:
        raise ValueError("n_items: need at least two items to form a pair")
    if fit is not None and n_items < fit.n_items:
        raise ValueError(f"n_items: {n_items} is fewer than the {fit.n_items} items of fit")
    if top_k is not None:
        require_positive_int("top_k", top_k)
    if horizon is not None:
        require_positive_int("horizon", horizon)
    if not (np.isfinite(pairs_per_item) and pairs_per_item > 0):
        raise ValueError(f"pairs_per_item: expected a positive number, got {pairs_per_item!r}")
    if not (np.isfinite(exploration) and 0.0 <= exploration <= 1.0):
        raise ValueError(f"exploration: expected a share from 0 to 1, got {exploration!r}")
    mean, covariance, variance = _current_posterior(fit, n_items)
    relevance = relevance_of_pairs(mean, covariance, variance, top_k)
    if covariance is None:
        weights, partners = one_step_weights(mean, variance, relevance)
    else:
        planned = max(1, round(pairs_per_item * n_items))
        weights, partners = plan_pairs(
            mean, covariance, relevance, (horizon or n_items) / planned, planned
        )
    uniform = (1.0 - np.eye(n_items)).ravel()
    uniform /= uniform.sum()
    total = weights.sum()
    if np.isfinite(total) and total > 0:
        mixed = (1.0 - exploration) * weights.ravel() / total + exploration * uniform
    else:
        # Only when every order is already certain: any pair is as good as another.
        mixed = uniform
    return PairDesign(n_items=n_items, cumulative=np.cumsum(mixed), partners=partners)


def propose_pairs(
    fit: PairwiseFit | None,
    n_items: int,
    n_pairs: int,
    rng: np.random.Generator,
    *,
    top_k: int | None = None,
    since_shown: npt.ArrayLike | None = None,
    patience: float = DEFAULT_PATIENCE,
    pairs_per_item: float = DEFAULT_PAIRS_PER_ITEM,
    exploration: float = DEFAULT_EXPLORATION,
) -> IntArray:
    """Propose the next ``n_pairs`` pairs to show voters, in the order to show them.

    The same as ``design_pairs(fit, n_items, horizon=n_pairs, ...).propose(n_pairs, rng,
    ...)``; a caller that proposes on every vote keeps the design of its fit and only draws.

    Parameters
    ----------
    fit : PairwiseFit or None
        The latest fit of the votes so far (it may be a few votes old), or None before the first
        vote.
    n_items : int
        Number of items now; items ``fit.n_items .. n_items - 1`` were added since the fit and
        start at the prior.
    n_pairs : int
        How many pairs to propose (one per upcoming vote); the design plans for them.
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
    pairs_per_item : float
        How many pairs, per item, the design plans for its horizon.
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
        ``patience`` is negative or not finite, ``pairs_per_item`` is not positive and finite,
        or ``exploration`` is outside 0–1.
    """
    require_positive_int("n_pairs", n_pairs)
    design = design_pairs(
        fit,
        n_items,
        top_k=top_k,
        horizon=n_pairs,
        pairs_per_item=pairs_per_item,
        exploration=exploration,
    )
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
    """Posterior mean, covariance (None above ``COVARIANCE_LIMIT`` items) and variances."""
    prior_variance = (fit.prior_sd if fit is not None else _DEFAULT_PRIOR_SD) ** 2
    mean = np.zeros(n_items)
    variance = np.full(n_items, prior_variance)
    if fit is None:
        return mean, (np.diag(variance) if n_items <= COVARIANCE_LIMIT else None), variance
    known = fit.n_items
    mean[:known] = fit.log_strengths
    variance[:known] = fit.standard_errors**2
    if fit.covariance is None or n_items > COVARIANCE_LIMIT:
        return mean, None, variance
    covariance = np.zeros((n_items, n_items))
    covariance[:known, :known] = fit.covariance
    np.fill_diagonal(covariance, variance)
    return mean, covariance, variance
