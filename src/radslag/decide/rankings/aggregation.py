"""Two-level aggregation: people to their municipality, municipalities to the nation.

A national ranking built from raw votes lets the largest or most active municipalities decide
for everyone. Here the caller chooses how much each municipality counts (its *share* of the
nation) and every vote inside it splits that share, so the rankings in
:mod:`radslag.decide.rankings.bradley_terry` and :mod:`radslag.decide.rankings.ballots` see
per-vote weights and need
no notion of municipalities at all.

The schemes follow the debate on weighting member states in the EU Council: one voice per
municipality (equal), one voice per inhabitant (population), or the degressive square-root
rule of Penrose, L. S. (1946), "The elementary statistics of majority voting", *Journal of the
Royal Statistical Society* 109(1), 53-57.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from radslag.decide.validation import (
    FloatArray,
    IntArray,
    as_float_array,
    as_index_array,
    require_non_empty,
    require_same_length,
)


class WeightingScheme(enum.StrEnum):
    """How much each municipality counts in the national result."""

    EQUAL = "equal"
    """Every municipality with voters counts the same, whatever its size."""
    POPULATION = "population"
    """Each municipality counts in proportion to its population."""
    SQRT_POPULATION = "sqrt_population"
    """Each municipality counts in proportion to the square root of its population (Penrose)."""


@dataclass(frozen=True)
class MunicipalityWeights:
    """Weights from :func:`two_level_weights`.

    Attributes
    ----------
    shares : FloatArray
        ``(n_municipalities,)`` share of the nation per municipality; sums to 1 over the
        municipalities that have at least one record, 0 for those without.
    record_weights : FloatArray
        ``(n_records,)`` weight per record (a ballot or a comparison). Within a municipality the
        records' weights sum to ``share * n_records``, so the weights average 1 and a ranking's
        prior and uncertainty keep the scale of the actual number of votes.
    """

    shares: FloatArray
    record_weights: FloatArray


@dataclass(frozen=True)
class SegmentScores:
    """A table of item scores, one row per segment, from :func:`scores_by_segment`.

    Attributes
    ----------
    labels : tuple[object, ...]
        The distinct segment labels, sorted; row ``k`` of ``scores`` belongs to ``labels[k]``.
    scores : FloatArray
        ``(n_segments, n_items)`` the score of each item as ranked by that segment alone.
    n_records : IntArray
        ``(n_segments,)`` how many records (ballots or comparisons) each segment contributed.
    """

    labels: tuple[object, ...]
    scores: FloatArray
    n_records: IntArray


def as_weights(name: str, weights: npt.ArrayLike | None, n_records: int) -> FloatArray:
    """Return per-record weights, all ones when ``weights`` is None.

    Every ranking function of the decision core takes optional weights through this check, so
    weights from :func:`two_level_weights` and hand-made ones are validated alike.

    Raises
    ------
    ValueError
        Naming ``name`` when the weights are not finite, negative, all zero, or of the wrong
        length.
    """
    if weights is None:
        return np.ones(n_records)
    array = as_float_array(name, weights, ndim=1)
    if len(array) != n_records:
        raise ValueError(f"{name}: expected {n_records} weights, got {len(array)}")
    if np.any(array < 0):
        raise ValueError(f"{name}: weights must not be negative")
    if n_records and not np.any(array > 0):
        raise ValueError(f"{name}: all weights are zero")
    return array


def municipality_shares(
    populations: npt.ArrayLike,
    scheme: WeightingScheme | str,
    represented: npt.ArrayLike | None = None,
) -> FloatArray:
    """Return each municipality's share of the nation under ``scheme``.

    Parameters
    ----------
    populations : array_like of float
        ``(n_municipalities,)`` inhabitants per municipality; must be positive for the
        population schemes (ignored, apart from its length, under ``"equal"``).
    scheme : WeightingScheme or str
        ``"equal"``, ``"population"`` or ``"sqrt_population"`` (Penrose, 1946).
    represented : array_like of bool, optional
        ``(n_municipalities,)`` which municipalities take part; the others get share 0 and the
        shares of the rest are scaled up to sum to 1. Default: all.

    Returns
    -------
    FloatArray
        ``(n_municipalities,)`` non-negative shares summing to 1.

    Raises
    ------
    ValueError
        Naming the argument for an unknown scheme, non-positive populations, mismatched
        lengths or no represented municipality.
    """
    population = as_float_array("populations", populations, ndim=1)
    require_non_empty("populations", population)
    chosen = _scheme(scheme)
    if chosen is not WeightingScheme.EQUAL and np.any(population <= 0):
        raise ValueError("populations: must be positive under a population scheme")
    present = (
        np.ones(len(population), dtype=bool)
        if represented is None
        else np.asarray(represented, dtype=bool)
    )
    if present.shape != population.shape:
        raise ValueError(f"represented: expected shape {population.shape}, got {present.shape}")
    if not np.any(present):
        raise ValueError("represented: no municipality is represented")
    if chosen is WeightingScheme.EQUAL:
        raw = np.ones_like(population)
    elif chosen is WeightingScheme.POPULATION:
        raw = population
    else:
        raw = np.sqrt(population)
    raw = np.where(present, raw, 0.0)
    shares: FloatArray = raw / raw.sum()
    return shares


def two_level_weights(
    municipality: npt.ArrayLike,
    populations: npt.ArrayLike,
    scheme: WeightingScheme | str,
    *,
    person: npt.ArrayLike | None = None,
) -> MunicipalityWeights:
    """Weigh records so that each municipality counts as its share, whatever its turnout.

    A municipality with 1 000 voters and one with 3 carry the same total weight under
    ``"equal"``. Municipalities without records get share 0 and the others are scaled up, since
    a share nobody voted with cannot be given to anyone.

    Parameters
    ----------
    municipality : array_like of int
        ``(n_records,)`` municipality index (``0 .. n_municipalities - 1``) of each record: a
        ballot, or one pairwise comparison.
    populations : array_like of float
        ``(n_municipalities,)`` inhabitants per municipality.
    scheme : WeightingScheme or str
        ``"equal"``, ``"population"`` or ``"sqrt_population"``.
    person : array_like of int, optional
        ``(n_records,)`` who cast each record. When given, each person counts the same within
        their municipality however many records they cast (say, 200 comparisons against 5);
        otherwise each record counts the same within its municipality.

    Returns
    -------
    MunicipalityWeights
        Shares per municipality and weights per record (mean 1).

    Raises
    ------
    ValueError
        Naming the argument for unknown municipality ids, mismatched lengths, no records or
        bad populations.
    """
    population = as_float_array("populations", populations, ndim=1)
    require_non_empty("populations", population)
    n_municipalities = len(population)
    home = as_index_array("municipality", np.ravel(municipality), n_municipalities)
    require_non_empty("municipality", home)
    counts = np.bincount(home, minlength=n_municipalities)
    shares = municipality_shares(population, scheme, represented=counts > 0)
    if person is None:
        within = 1.0 / counts[home]
    else:
        within = _split_per_person(home, person, n_municipalities)
    weights: FloatArray = shares[home] * within * len(home)
    return MunicipalityWeights(shares=shares, record_weights=weights)


def scores_by_segment(
    segment: npt.ArrayLike,
    score: Callable[[IntArray], npt.ArrayLike],
) -> SegmentScores:
    """Run a ranking separately for each segment and tabulate the scores side by side.

    Lets a report show how, say, large and small municipalities ranked the same items.

    Parameters
    ----------
    segment : array_like
        ``(n_records,)`` the segment label of each record (e.g. the size class of the voter's
        municipality, mapped onto each ballot or comparison).
    score : callable
        Given the row indices of one segment's records, returns that segment's score per item
        (for example ``lambda rows: fit_bradley_terry(winners[rows], losers[rows], n_items,
        weights=w[rows]).scores``). Every call must return the same number of items.

    Returns
    -------
    SegmentScores
        One row of scores per segment label.

    Raises
    ------
    ValueError
        Naming ``segment`` when it is empty or not one-dimensional, or ``score`` when the
        segments return different numbers of items.
    """
    labels_of = np.asarray(segment)
    if labels_of.ndim != 1:
        raise ValueError(f"segment: expected 1 dimension, got shape {labels_of.shape}")
    require_non_empty("segment", labels_of)
    labels, inverse = np.unique(labels_of, return_inverse=True)
    rows_by_segment = np.argsort(inverse, kind="stable")
    bounds = np.cumsum(np.bincount(inverse, minlength=len(labels)))[:-1]
    table = [
        as_float_array("score", score(rows), ndim=1)
        for rows in np.split(rows_by_segment.astype(np.int64), bounds)
    ]
    if len({len(row) for row in table}) > 1:
        raise ValueError("score: segments returned different numbers of items")
    counts = np.bincount(inverse, minlength=len(labels)).astype(np.int64)
    return SegmentScores(labels=tuple(labels.tolist()), scores=np.vstack(table), n_records=counts)


def _scheme(scheme: WeightingScheme | str) -> WeightingScheme:
    try:
        return WeightingScheme(scheme)
    except ValueError:
        known = ", ".join(repr(s.value) for s in WeightingScheme)
        raise ValueError(f"scheme: unknown weighting {scheme!r} (expected {known})") from None


def _split_per_person(home: IntArray, person: npt.ArrayLike, n_municipalities: int) -> FloatArray:
    """Return each record's fraction of its municipality: 1 / (people there * their records)."""
    who = np.ravel(np.asarray(person))
    require_same_length(("municipality", "person"), home, who)
    # A person is identified by (municipality, id): the same id in two places is two people.
    _, person_index = np.unique(np.stack([home, _as_codes(who)]), axis=1, return_inverse=True)
    person_index = person_index.ravel()
    records_per_person = np.bincount(person_index)
    home_of_person = np.zeros(len(records_per_person), dtype=np.int64)
    home_of_person[person_index] = home
    people = np.bincount(home_of_person, minlength=n_municipalities)
    fraction: FloatArray = 1.0 / (people[home] * records_per_person[person_index])
    return fraction


def _as_codes(values: npt.NDArray[np.generic]) -> IntArray:
    """Map arbitrary person ids (ints or strings) to dense integer codes."""
    codes: IntArray = np.unique(values, return_inverse=True)[1].astype(np.int64).ravel()
    return codes
