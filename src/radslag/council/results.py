"""A wiki survey's results: the ranking with its uncertainty, under the chosen weighting of
municipalities, how it would read under the others, and side by side per size class.

Each municipality counts as its share of the nation (equal, square root of population or
population; :mod:`radslag.decide.rankings.aggregation`), however many of its staff voted, and
within it
each vote counts alike. "Kan inte avgöra" counts as no comparison.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from radslag.council.models import Item, PairVote, Round
from radslag.council.segments import Segmentation, segments_of
from radslag.decide.rankings.acceptability import (
    posterior_samples,
    rank_acceptabilities,
    rank_intervals,
)
from radslag.decide.rankings.aggregation import scores_by_segment, two_level_weights
from radslag.decide.rankings.bradley_terry import PairwiseFit, fit_bradley_terry
from radslag.municipalities.models import Municipality

# Draws from the fit's posterior for the rank acceptabilities: a probability to within about
# one percentage point.
POSTERIOR_SAMPLES = 4000


@dataclass(frozen=True)
class RankedItem:
    rank: int
    item: Item
    score: float
    low: float
    high: float
    comparisons: float
    # How sure the rank is: the chance (0-100) of rank 1 and of the top three, and the ranks
    # the item holds with 95 % probability (rank acceptabilities from the fit's posterior).
    first: float
    top_three: float
    rank_low: int
    rank_high: int


@dataclass(frozen=True)
class SegmentColumn:
    label: str
    votes: int


@dataclass(frozen=True)
class SegmentRow:
    item: Item
    scores: list[float]  # one per column
    # The bridging score: the item's score in the group of municipalities that ranks it
    # lowest, so an item every group puts high stands out from one only some groups want.
    lowest: float
    weakest: str


@dataclass(frozen=True)
class SurveyResult:
    weighting: str
    ranked: list[RankedItem]
    votes: int
    undecided: int
    municipalities: int
    # The order of item ids under each weighting, to say how the ranking would change.
    orders: dict[str, list[int]]
    segmentation: Segmentation
    segments: list[SegmentColumn]
    segment_rows: list[SegmentRow]


def survey_result(
    round_: Round,
    weighting: str | None = None,
    segmentation: Segmentation = Segmentation.SIZE,
) -> SurveyResult | None:
    """The round's results, or None before any vote that chose a side."""
    weighting = weighting or round_.weighting
    items = list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))
    index = {item.pk: position for position, item in enumerate(items)}
    rows = list(
        PairVote.objects.filter(round=round_).values_list(
            "left_id", "right_id", "choice", "municipality_id"
        )
    )
    decisive = [
        (left, right, choice, code)
        for left, right, choice, code in rows
        if choice != PairVote.Choice.CANNOT_DECIDE and left in index and right in index
    ]
    if not decisive:
        return None
    sides = [
        (index[left], index[right])
        if choice == PairVote.Choice.LEFT
        else (index[right], index[left])
        for left, right, choice, _code in decisive
    ]
    winners = np.array([winner for winner, _loser in sides])
    losers = np.array([loser for _winner, loser in sides])
    codes = sorted({code for *_, code in decisive})
    position = {code: number for number, code in enumerate(codes)}
    home = np.array([position[code] for *_, code in decisive])
    populations: dict[str, float | None] = {
        municipality.code: getattr(municipality, "population", None)
        for municipality in Municipality.objects.with_latest_figures().filter(code__in=codes)
    }
    sizes = np.array([float(populations.get(code) or 1.0) for code in codes])

    def fit_under(scheme: str, rows_of: np.ndarray | None = None) -> PairwiseFit:
        chosen = np.arange(len(winners)) if rows_of is None else rows_of
        weights = two_level_weights(home[chosen], sizes, scheme).record_weights
        return fit_bradley_terry(winners[chosen], losers[chosen], len(items), weights=weights)

    fit = fit_under(weighting)
    acceptability = rank_acceptabilities(posterior_samples(fit, POSTERIOR_SAMPLES, seed=0))
    rank_range = rank_intervals(acceptability)
    ranked = [
        RankedItem(
            rank=rank,
            item=items[i],
            score=float(fit.scores[i]),
            low=float(fit.score_low[i]),
            high=float(fit.score_high[i]),
            comparisons=float(fit.comparisons[i]),
            first=float(acceptability[i, 0] * 100),
            top_three=float(acceptability[i, :3].sum() * 100),
            rank_low=int(rank_range[i, 0]),
            rank_high=int(rank_range[i, 1]),
        )
        for rank, i in enumerate(fit.order, start=1)
    ]
    orders = {
        scheme: [items[i].pk for i in fit_under(scheme).order] for scheme in Round.Weighting.values
    }
    segments_by_code = segments_of(segmentation, codes)
    segment_label = np.array([segments_by_code.label(code) for *_, code in decisive])
    table = scores_by_segment(
        segment_label,
        lambda chosen: fit_under(weighting, chosen).scores,
    )
    column_of = {str(label): n for n, label in enumerate(table.labels)}
    shown = [column_of[label] for label in segments_by_code.order if label in column_of]
    segments = [SegmentColumn(str(table.labels[n]), int(table.n_records[n])) for n in shown]
    segment_rows = []
    for row in ranked:
        scores = [float(table.scores[n][index[row.item.pk]]) for n in shown]
        weakest = int(np.argmin(scores))
        segment_rows.append(SegmentRow(row.item, scores, scores[weakest], segments[weakest].label))
    return SurveyResult(
        weighting=weighting,
        ranked=ranked,
        votes=len(decisive),
        undecided=sum(1 for *_, choice, _code in rows if choice == PairVote.Choice.CANNOT_DECIDE),
        municipalities=len(codes),
        orders=orders,
        segmentation=segmentation,
        segments=segments,
        segment_rows=segment_rows,
    )
