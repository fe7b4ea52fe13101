"""Which application areas an organisation is likely to take up next, from what it and others
already do.

The input is a table of organisations by areas, each cell the number of the organisation's
use cases in the area. Four scorers, each a distribution over the areas:

- **popularity**: the share of all cases in each area, the same for everyone. Cremonesi et al.
  (2010) show this baseline is hard to beat in top-N recommendation, so the recommender is
  measured against it;
- **segment popularity**: the same among the organisation's peers only (municipalities of its
  size class; in the European catalogue, organisations of its level of government);
- **own profile**: the organisation's own cases, so areas it works in score again;
- **item-based**: areas that co-occur with the organisation's areas across organisations,
  the cosine of the area columns summed over the organisation's areas (Deshpande and Karypis,
  2004, item-based top-N).

:func:`recommend_areas` mixes them with weights. The default (:data:`DEFAULT_WEIGHTS`: the
organisation's own areas and its peers', half each) was chosen on a grid on half of the
organisations of the European catalogue and measured on the other half (``bench/
recommend_bench.py``): there it finds the hidden case's area among five more often than
popularity; for areas new to the organisation nothing measured beat popularity, and the
item-based scorer did worse, so it has no weight by default.

References
----------
Cremonesi, P., Koren, Y. and Turrin, R. (2010). Performance of recommender algorithms on top-N
recommendation tasks. *Proceedings of RecSys 2010*, 39-46.

Deshpande, M. and Karypis, G. (2004). Item-based top-N recommendation algorithms. *ACM
Transactions on Information Systems* 22(1), 143-177.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from radslag.decide.validation import FloatArray, as_float_array


@dataclass(frozen=True)
class AreaWeights:
    """How much each scorer counts in :func:`recommend_areas`; they need not sum to one."""

    own: float = 0.5
    item_based: float = 0.0
    segment: float = 0.5
    popularity: float = 0.0

    def __post_init__(self) -> None:
        values = (self.own, self.item_based, self.segment, self.popularity)
        if any(not np.isfinite(value) or value < 0 for value in values) or sum(values) == 0:
            raise ValueError("weights: each must be finite and non-negative, not all zero")


DEFAULT_WEIGHTS = AreaWeights()


def _distribution(values: FloatArray) -> FloatArray:
    """``values`` scaled to sum to one; all zeros stay zeros (nothing to say)."""
    total = float(values.sum())
    if total <= 0:
        return np.zeros_like(values)
    scaled: FloatArray = values / total
    return scaled


def _counts(name: str, table: npt.ArrayLike) -> FloatArray:
    counts = as_float_array(name, table, ndim=2)
    if np.any(counts < 0):
        raise ValueError(f"{name}: counts must not be negative")
    return counts


def _profile(profile: npt.ArrayLike, areas: int) -> FloatArray:
    own = as_float_array("profile", profile, ndim=1)
    if own.shape[0] != areas:
        raise ValueError(f"profile: expected {areas} areas, got {own.shape[0]}")
    if np.any(own < 0):
        raise ValueError("profile: counts must not be negative")
    return own


def popularity(table: npt.ArrayLike) -> FloatArray:
    """The share of all cases in each area.

    Parameters
    ----------
    table : array_like, shape (organisations, areas)
        Cases per organisation and area; non-negative.

    Returns
    -------
    FloatArray
        ``(areas,)``, summing to one (all zeros for an empty table).
    """
    return _distribution(_counts("table", table).sum(axis=0))


def area_similarity(table: npt.ArrayLike) -> FloatArray:
    """The cosine between areas' columns of organisations that work in them (0 or 1 each).

    Deshpande and Karypis (2004), section 4.1: two areas are alike when the same organisations
    work in both. The diagonal is zero, so an area does not recommend itself.

    Parameters
    ----------
    table : array_like, shape (organisations, areas)
        Cases per organisation and area; non-negative.

    Returns
    -------
    FloatArray
        ``(areas, areas)``, symmetric, values in [0, 1].
    """
    present = (_counts("table", table) > 0).astype(np.float64)
    together = present.T @ present
    norms = np.sqrt(np.diag(together))
    with np.errstate(divide="ignore", invalid="ignore"):
        similarity = together / np.outer(norms, norms)
    similarity[~np.isfinite(similarity)] = 0.0
    np.fill_diagonal(similarity, 0.0)
    result: FloatArray = similarity
    return result


def item_based(profile: npt.ArrayLike, similarity: npt.ArrayLike) -> FloatArray:
    """Each area's summed similarity to the areas of ``profile`` (Deshpande and Karypis, 2004,
    algorithm 1 without its neighbourhood cut, which only matters for many items).

    Parameters
    ----------
    profile : array_like, shape (areas,)
        The organisation's cases per area; only presence counts.
    similarity : array_like, shape (areas, areas)
        From :func:`area_similarity`.

    Returns
    -------
    FloatArray
        ``(areas,)``, a distribution (all zeros for an empty profile).
    """
    alike = as_float_array("similarity", similarity, ndim=2)
    own = _profile(profile, alike.shape[0])
    return _distribution(alike @ (own > 0).astype(np.float64))


def recommend_areas(
    profile: npt.ArrayLike,
    table: npt.ArrayLike,
    segment: npt.ArrayLike | None = None,
    weights: AreaWeights = DEFAULT_WEIGHTS,
) -> FloatArray:
    """The mixed score of every area for one organisation, higher more likely next.

    Parameters
    ----------
    profile : array_like, shape (areas,)
        The organisation's own cases per area.
    table : array_like, shape (organisations, areas)
        Everyone's cases per area, the organisation's own included or not; it trains the
        item-based and popularity scorers.
    segment : array_like of bool, shape (organisations,), optional
        The rows of ``table`` that are the organisation's peers; without it, or with no peer
        case, the segment scorer's weight goes to popularity.
    weights : AreaWeights
        How much each scorer counts.

    Returns
    -------
    FloatArray
        ``(areas,)``: the weighted sum of the four distributions. Areas without any evidence
        score zero; ties are for the caller to break (by popularity, say).
    """
    counts = _counts("table", table)
    own = _profile(profile, counts.shape[1])
    overall = _distribution(counts.sum(axis=0))
    peers = np.zeros_like(overall)
    if segment is not None:
        chosen = np.asarray(segment, dtype=bool)
        if chosen.shape != (counts.shape[0],):
            raise ValueError(f"segment: expected {counts.shape[0]} booleans, got {chosen.shape}")
        peers = _distribution(counts[chosen].sum(axis=0))
    peer_weight, popularity_weight = weights.segment, weights.popularity
    if not peers.any():
        peer_weight, popularity_weight = 0.0, weights.segment + weights.popularity
    scores: FloatArray = (
        weights.own * _distribution(own)
        + weights.item_based * item_based(own, area_similarity(counts))
        + peer_weight * peers
        + popularity_weight * overall
    )
    return scores


def top_areas(scores: npt.ArrayLike, k: int, tie_break: npt.ArrayLike | None = None) -> list[int]:
    """The indices of the ``k`` highest scores, ties broken by ``tie_break`` (higher first),
    then by the lower index.

    Parameters
    ----------
    scores : array_like, shape (areas,)
    k : int
        How many; all areas if there are fewer.
    tie_break : array_like, shape (areas,), optional
        A second key, for instance popularity.

    Returns
    -------
    list of int
    """
    values = as_float_array("scores", scores, ndim=1)
    second = (
        np.zeros_like(values)
        if tie_break is None
        else as_float_array("tie_break", tie_break, ndim=1)
    )
    if second.shape != values.shape:
        raise ValueError("tie_break: must have one value per score")
    if k < 0:
        raise ValueError(f"k: expected a non-negative number, got {k}")
    order = np.lexsort((np.arange(len(values)), -second, -values))
    return [int(index) for index in order[:k]]
