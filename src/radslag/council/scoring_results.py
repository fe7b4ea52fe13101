"""A scoring round's results: the council's criteria weights, each item's weighted score with
the spread across members, how sure each rank is (SMAA), and the same side by side per segment.

The members' judgements are combined by the geometric mean of each judgement (AIJ,
:func:`radslag.decide.criteria.combine_judgements`) into the council's weights; each item's
scores by their mean. An item's interval runs from the lowest to the highest score any member
gives it with their own weights and own scores. The rank acceptabilities come from SMAA-2
(:func:`radslag.decide.criteria.smaa`): weights drawn uniformly within the range the members'
own weights span, and each mean score drawn around its standard error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from radslag.council.acceptability import Acceptability, acceptability_from_matrix
from radslag.council.models import Criterion, Item, Round
from radslag.council.scoring import (
    SCALE,
    ScoringRefusedError,
    active_items,
    criteria_of,
    judgement_matrix,
    score_key,
)
from radslag.council.segments import Segmentation, segments_of
from radslag.decide.criteria import (
    CONSISTENCY_LIMIT,
    IntervalWeights,
    ScoreNoise,
    ahp_weights,
    combine_judgements,
    scale_values,
    smaa,
    weighted_sum,
)
from radslag.decide.rankings.acceptability import rank_intervals
from radslag.decide.validation import FloatArray

# Enough draws for a probability to within about one percentage point.
SMAA_SAMPLES = 10_000
# A segment with fewer members is not shown: its figures would say little, and with one or
# two members they would give away what each answered.
MIN_SEGMENT_MEMBERS = 3


@dataclass(frozen=True)
class CriterionWeight:
    criterion: Criterion
    weight: float  # percent, the council's
    low: float  # percent, the lowest any member gives
    high: float


@dataclass(frozen=True)
class ScoredItem:
    rank: int
    item: Item
    score: float  # 0-100: the council's weights on the mean scores
    low: float  # the lowest and highest any member's own weights and scores give
    high: float
    first: float  # percent chance of rank 1 (SMAA)
    rank_low: int
    rank_high: int


@dataclass(frozen=True)
class SegmentColumn:
    label: str
    members: int
    shown: bool


@dataclass(frozen=True)
class SegmentRow:
    item: Item
    scores: list[float | None]  # one per column, None where too few members


@dataclass(frozen=True)
class ScoringResult:
    weights: list[CriterionWeight]
    consistency_ratio: float  # of the combined judgements
    inconsistent_members: int  # members whose own ratio is above the limit
    members: int  # members who weighed the criteria
    scorers: int  # members who gave at least one score
    unscored: int  # item and criterion pairs nobody scored, counted as the scale's middle
    ranked: list[ScoredItem]
    acceptability: Acceptability  # in the ranked order
    segmentation: Segmentation
    segments: list[SegmentColumn]
    segment_rows: list[SegmentRow]


@dataclass(frozen=True)
class _Answers:
    matrices: list[FloatArray]  # one per member who weighed
    scores: FloatArray  # (members, items, criteria), NaN where not scored
    municipalities: list[str | None]


def _answers(round_: Round, criteria: list[Criterion], items: list[Item]) -> _Answers:
    matrices: list[FloatArray] = []
    tables: list[FloatArray] = []
    municipalities: list[str | None] = []
    rows = round_.scoring_sheets.order_by("id").values_list(
        "judgements", "scores", "municipality_id"
    )
    for judgements, scores, code in rows:
        try:
            matrix = judgement_matrix(criteria, judgements)
        except ScoringRefusedError:
            continue  # answered before the criteria changed; their scores wait for weights
        table = np.full((len(items), len(criteria)), np.nan)
        for i, item in enumerate(items):
            for j, criterion in enumerate(criteria):
                value = scores.get(score_key(item, criterion))
                if isinstance(value, int):
                    table[i, j] = value
        matrices.append(matrix)
        tables.append(table)
        municipalities.append(code)
    shape = (0, len(items), len(criteria))
    return _Answers(matrices, np.array(tables) if tables else np.empty(shape), municipalities)


def _mean_scores(scores: FloatArray) -> tuple[FloatArray, int]:
    """The mean score per cell, the scale's middle where nobody scored; and how many such."""
    given = ~np.isnan(scores)
    counts = given.sum(axis=0)
    sums = np.where(given, scores, 0.0).sum(axis=0)
    middle = (SCALE[0] + SCALE[1]) / 2
    mean = np.divide(sums, counts, out=np.full(counts.shape, middle), where=counts > 0)
    return mean, int((counts == 0).sum())


def _standard_errors(scores: FloatArray) -> FloatArray:
    """The standard error of each mean score on the 0-1 value scale; 0 with one score."""
    given = ~np.isnan(scores)
    counts = given.sum(axis=0)
    mean, _unscored = _mean_scores(scores)
    squares = np.where(given, (scores - mean) ** 2, 0.0).sum(axis=0)
    variance = np.divide(squares, counts - 1, out=np.zeros(counts.shape), where=counts > 1)
    error: FloatArray = np.sqrt(variance / np.maximum(counts, 1)) / (SCALE[1] - SCALE[0])
    return error


def _score(matrices: list[FloatArray], scores: FloatArray, benefit: list[bool]) -> FloatArray:
    mean, _unscored = _mean_scores(scores)
    weights = ahp_weights(combine_judgements(np.array(matrices))).weights
    result: FloatArray = weighted_sum(scale_values(mean, *SCALE, benefit), weights) * 100
    return result


def scoring_result(
    round_: Round, segmentation: Segmentation = Segmentation.SIZE
) -> ScoringResult | None:
    """The round's results, or None before any member has weighed the criteria."""
    criteria, items = criteria_of(round_), active_items(round_)
    if len(criteria) < 2 or len(items) < 2:
        return None
    answers = _answers(round_, criteria, items)
    if not answers.matrices:
        return None
    benefit = [criterion.more_is_better for criterion in criteria]
    group = ahp_weights(combine_judgements(np.array(answers.matrices)))
    own = [ahp_weights(matrix) for matrix in answers.matrices]
    own_weights = np.array([member.weights for member in own])
    mean, unscored = _mean_scores(answers.scores)
    values = scale_values(mean, *SCALE, benefit)
    score = weighted_sum(values, group.weights) * 100
    # Each member's own view: their weights on their scores, the mean where they gave none.
    filled = np.where(np.isnan(answers.scores), mean, answers.scores)
    member_scores = np.array(
        [
            weighted_sum(scale_values(table, *SCALE, benefit), weights) * 100
            for table, weights in zip(filled, own_weights, strict=True)
        ]
    )
    acceptability_matrix = _rank_acceptability(values, own_weights, answers.scores)
    order = np.argsort(-score, kind="stable")
    intervals = rank_intervals(acceptability_matrix)
    ranked = [
        ScoredItem(
            rank=rank,
            item=items[i],
            score=float(score[i]),
            low=float(member_scores[:, i].min()),
            high=float(member_scores[:, i].max()),
            first=float(acceptability_matrix[i, 0] * 100),
            rank_low=int(intervals[i, 0]),
            rank_high=int(intervals[i, 1]),
        )
        for rank, i in enumerate(order, start=1)
    ]
    columns, segment_rows = _by_segment(answers, segmentation, benefit, items, order)
    return ScoringResult(
        weights=[
            CriterionWeight(c, float(w) * 100, float(lo) * 100, float(hi) * 100)
            for c, w, lo, hi in zip(
                criteria, group.weights, own_weights.min(0), own_weights.max(0), strict=True
            )
        ],
        consistency_ratio=group.consistency_ratio,
        inconsistent_members=sum(
            1 for member in own if member.consistency_ratio > CONSISTENCY_LIMIT
        ),
        members=len(answers.matrices),
        scorers=int((~np.isnan(answers.scores)).any(axis=(1, 2)).sum()),
        unscored=unscored,
        ranked=ranked,
        acceptability=acceptability_from_matrix(
            [items[i].label for i in order], acceptability_matrix[order], SMAA_SAMPLES
        ),
        segmentation=segmentation,
        segments=columns,
        segment_rows=segment_rows,
    )


def _rank_acceptability(
    values: FloatArray, own_weights: FloatArray, scores: FloatArray
) -> FloatArray:
    low, high = own_weights.min(axis=0), own_weights.max(axis=0)
    noise = ScoreNoise(_standard_errors(scores))
    try:
        result = smaa(values, IntervalWeights(low, high), noise, SMAA_SAMPLES, seed=0)
    except ValueError:
        # Members so nearly agreed that the weights' range is too thin to sample: the
        # council's weights stand for all of them, and only the scores vary.
        centre = IntervalWeights.around(own_weights.mean(axis=0), 0.0)
        result = smaa(values, centre, noise, SMAA_SAMPLES, seed=0)
    return result.rank_acceptability


def _by_segment(
    answers: _Answers,
    segmentation: Segmentation,
    benefit: list[bool],
    items: list[Item],
    order: np.ndarray,
) -> tuple[list[SegmentColumn], list[SegmentRow]]:
    segments = segments_of(segmentation, [code for code in answers.municipalities if code])
    unknown = _("Ingen kommun angiven")
    labels = [segments.label(code) if code else unknown for code in answers.municipalities]
    present = [label for label in (*segments.order, unknown) if label in labels]
    columns: list[SegmentColumn] = []
    scores: list[FloatArray | None] = []
    for label in present:
        members = [k for k, own in enumerate(labels) if own == label]
        shown = len(members) >= MIN_SEGMENT_MEMBERS
        columns.append(SegmentColumn(label, len(members), shown))
        scores.append(
            _score([answers.matrices[k] for k in members], answers.scores[members], benefit)
            if shown
            else None
        )
    rows = [
        SegmentRow(
            items[i],
            [
                None if column is None or math.isnan(column[i]) else float(column[i])
                for column in scores
            ],
        )
        for i in order
    ]
    return columns, rows
