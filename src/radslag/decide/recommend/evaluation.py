"""Measuring an area recommender honestly: hide a case, ask for the top k, see if its area is
among them.

The protocol is the leave-one-out hit rate of Deshpande and Karypis (2004, section 6.1): for
every organisation with at least two cases, one case is hidden, the recommender sees
everything else (the organisation's other cases and every other organisation's), and it is a
hit when the hidden case's area is among the ``k`` areas recommended. Hiding every case in
turn uses all the data; hiding one drawn case per organisation weighs organisations alike.
Two settings: all areas ranked (a case may repeat an area the organisation already works in),
or only the hidden cases in an area new to the organisation, with its known areas left out of
the ranking, which is the question "what next?" proper.

References
----------
Deshpande, M. and Karypis, G. (2004). Item-based top-N recommendation algorithms. *ACM
Transactions on Information Systems* 22(1), 143-177.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from radslag.decide.recommend.areas import popularity, top_areas
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

# A recommender: (profile, table without the hidden case, peers mask) -> a score per area.
Recommender = Callable[[FloatArray, FloatArray, npt.NDArray[np.bool_]], FloatArray]


@dataclass(frozen=True)
class HitRate:
    hits: int
    queries: int

    @property
    def rate(self) -> float:
        return self.hits / self.queries if self.queries else 0.0


@dataclass(frozen=True)
class Cases:
    """Use cases as three parallel arrays: the organisation, the area and the organisation's
    segment (one per case; an organisation's cases share it)."""

    organisation: IntArray
    area: IntArray
    segment: IntArray
    areas: int

    def __post_init__(self) -> None:
        n = len(self.organisation)
        if len(self.area) != n or len(self.segment) != n:
            raise ValueError("cases: organisation, area and segment must have the same length")
        require_positive_int("areas", self.areas)
        if n and (self.area.min() < 0 or self.area.max() >= self.areas):
            raise ValueError(f"cases: areas are 0..{self.areas - 1}")

    def table(self) -> tuple[FloatArray, IntArray]:
        """Cases per organisation and area, and each organisation's segment, by row."""
        organisations, row = np.unique(self.organisation, return_inverse=True)
        counts = np.zeros((len(organisations), self.areas))
        np.add.at(counts, (row, self.area), 1.0)
        segments = np.zeros(len(organisations), dtype=np.int64)
        segments[row] = self.segment
        return counts, segments


def queries(cases: Cases, *, one_per_organisation: bool, seed: int = 0) -> IntArray:
    """The cases to hide: of every organisation with at least two cases, each case in turn,
    or one drawn at random (``seed``)."""
    organisations, counts = np.unique(cases.organisation, return_counts=True)
    several = set(organisations[counts >= 2].tolist())
    eligible = np.array(
        [i for i, owner in enumerate(cases.organisation.tolist()) if owner in several],
        dtype=np.int64,
    )
    if not one_per_organisation:
        return eligible
    rng = np.random.default_rng(seed)
    chosen = []
    for owner in sorted(several):
        own = eligible[cases.organisation[eligible] == owner]
        chosen.append(int(rng.choice(own)))
    return np.array(chosen, dtype=np.int64)


def hit_rate(
    cases: Cases,
    hidden: npt.ArrayLike,
    recommender: Recommender,
    k: int = 5,
    *,
    new_areas_only: bool = False,
) -> HitRate:
    """How often the hidden case's area is among the ``k`` best of ``recommender``.

    Parameters
    ----------
    cases : Cases
    hidden : array_like of int
        Indices of the cases to hide, one query each (from :func:`queries`).
    recommender : callable
        ``(profile, table, peers) -> scores``: the organisation's remaining cases per area,
        everyone's remaining cases per organisation and area, and which rows are its peers
        (same segment, itself excluded).
    k : int
    new_areas_only : bool
        Ask only about hidden cases in an area the organisation has no other case in, and
        leave its known areas out of the ranking.

    Returns
    -------
    HitRate
        Ties in the scores are broken by popularity, then by the area's index.
    """
    require_positive_int("k", k)
    table, segments = cases.table()
    organisations = np.unique(cases.organisation)
    row_of = {int(owner): row for row, owner in enumerate(organisations.tolist())}
    hits = asked = 0
    for index in np.asarray(hidden, dtype=np.int64).tolist():
        row, area = row_of[int(cases.organisation[index])], int(cases.area[index])
        training = table.copy()
        training[row, area] -= 1
        profile = training[row].copy()
        if new_areas_only and profile[area] > 0:
            continue
        peers = segments == segments[row]
        peers[row] = False
        others = np.delete(training, row, axis=0)
        scores = recommender(profile, others, np.delete(peers, row))
        tie_break = popularity(training)
        ranked = top_areas(scores, cases.areas, tie_break)
        if new_areas_only:
            ranked = [candidate for candidate in ranked if profile[candidate] == 0]
        asked += 1
        hits += area in ranked[:k]
    return HitRate(hits, asked)
