"""A statements round's results: what everyone thinks, the opinion groups and what sets each
apart, the statements every group agrees on, and how each segment of municipalities answered.

The people are the participating browser sessions; each counts within its municipality, and
each municipality as its share under the round's weighting
(:func:`radslag.decide.rankings.aggregation.two_level_weights`), however many of its staff took
part. Opinion groups, representative statements and group-aware consensus are Pol.is's
(:mod:`radslag.decide.opinions`); the bridging score is the agreement of the least convinced
segment of municipalities, so a statement ranks high only if small and large (or early and
late) municipalities alike agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from radslag.council.models import Item, Round, StatementVote
from radslag.council.segments import Segmentation, segments_of
from radslag.decide.opinions import (
    AGREE,
    DISAGREE,
    PASS,
    bridging_scores,
    group_aware_consensus,
    opinion_groups,
    representative_statements,
    tally_by_group,
    votes_from_records,
)
from radslag.decide.rankings.aggregation import two_level_weights
from radslag.municipalities.models import populations

_VALUE = {
    StatementVote.Stance.AGREE: AGREE,
    StatementVote.Stance.DISAGREE: DISAGREE,
    StatementVote.Stance.PASS: PASS,
}
# Pol.is places a person in a group after 7 votes; a short round asks for most statements.
POLIS_MIN_VOTES = 7
# At most this many statements named as common ground, those with the highest group-aware
# consensus among the ones a majority of every opinion group agrees with.
CONSENSUS_SHOWN = 5


@dataclass(frozen=True)
class StatementRow:
    common: bool  # a majority of every opinion group agrees
    item: Item
    agree: int
    disagree: int
    passed: int
    # Weighted shares (0-100) of those who saw the statement.
    agree_share: float
    disagree_share: float
    consensus: float  # group-aware consensus on agreeing, 0-1
    bridging: float  # agreement of the least convinced segment, 0-100
    weakest_segment: str
    by_segment: list[float]  # agreement per segment, 0-100, in ``segments`` order


@dataclass(frozen=True)
class GroupStance:
    item: Item
    agrees: bool
    share: float  # the group's share taking that stance, 0-100


@dataclass(frozen=True)
class OpinionGroup:
    number: int
    people: int
    municipalities: int
    stands_out: list[GroupStance]


@dataclass(frozen=True)
class StatementsResult:
    weighting: str
    people: int
    municipalities: int
    stances: int
    rows: list[StatementRow]  # most agreed-on across groups first
    groups: list[OpinionGroup]
    ungrouped: int
    min_votes: int
    segmentation: Segmentation
    segments: list[tuple[str, int]]  # label and people
    common_ground: list[StatementRow]


def statements_result(
    round_: Round, weighting: str | None = None, segmentation: Segmentation = Segmentation.SIZE
) -> StatementsResult | None:
    """The round's results, or None before anyone took a stance."""
    weighting = weighting or round_.weighting
    items = list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))
    column = {item.pk: number for number, item in enumerate(items)}
    records = [
        (session, column[item], _VALUE[StatementVote.Stance(stance)], code)
        for session, item, stance, code in StatementVote.objects.filter(round=round_)
        .order_by("id")
        .values_list("session_digest", "item_id", "stance", "municipality_id")
        if item in column
    ]
    if not records:
        return None
    person_of: dict[str, int] = {}
    home_of: dict[int, str] = {}
    for session, _column, _value, code in records:
        if session not in person_of:
            person_of[session] = len(person_of)
            home_of[person_of[session]] = code
    votes = votes_from_records(
        [person_of[session] for session, *_ in records],
        [statement for _session, statement, *_ in records],
        [value for _session, _statement, value, _code in records],
        len(person_of),
        len(items),
    )
    codes = sorted(set(home_of.values()))
    municipality_index = {code: number for number, code in enumerate(codes)}
    sizes = populations()
    weights = two_level_weights(
        [municipality_index[home_of[person]] for person in range(len(person_of))],
        [float(sizes.get(code) or 1.0) for code in codes],
        weighting,
    ).record_weights
    everyone = tally_by_group(votes, np.zeros(len(person_of), dtype=np.int64), weights)
    seen = np.maximum(everyone.seen[0], 1e-12)
    agree_share, disagree_share = everyone.agree[0] / seen * 100, everyone.disagree[0] / seen * 100

    min_votes = min(POLIS_MIN_VOTES, len(items))
    try:
        found = opinion_groups(votes, min_votes=min_votes)
        labels = found.labels
    except ValueError:  # nobody has answered enough statements yet
        labels = np.full(len(person_of), -1, dtype=np.int64)
    grouped = labels >= 0
    consensus = np.full(len(items), np.nan)
    agreed_by_all = np.zeros(len(items), dtype=bool)
    if grouped.any():
        consensus = group_aware_consensus(votes, labels, weights).agree
        by_group = tally_by_group(votes, labels, weights)
        agreed_by_all = np.all(by_group.agree > by_group.seen / 2, axis=0)

    segments = segments_of(segmentation, codes)
    segment_names = list(segments.order)
    segment_number = {name: number for number, name in enumerate(segment_names)}
    person_segment = np.array(
        [segment_number[segments.label(home_of[person])] for person in range(len(person_of))]
    )
    bridging = bridging_scores(votes, person_segment, weights)
    agreement_of = dict(zip(bridging.segments.tolist(), bridging.agreement, strict=True))
    counted = np.bincount(person_segment, minlength=len(segment_names))
    shown_segments = [number for number in range(len(segment_names)) if counted[number]]

    # One record per session and statement: the database refuses a second stance.
    tallies = {
        stance: np.bincount(
            [statement for _session, statement, value, _code in records if value == stance],
            minlength=len(items),
        )
        for stance in (AGREE, DISAGREE, PASS)
    }
    rows = [
        StatementRow(
            common=bool(agreed_by_all[n]),
            item=item,
            agree=int(tallies[AGREE][n]),
            disagree=int(tallies[DISAGREE][n]),
            passed=int(tallies[PASS][n]),
            agree_share=float(agree_share[n]),
            disagree_share=float(disagree_share[n]),
            consensus=float(consensus[n]),
            bridging=float(bridging.scores[n] * 100),
            weakest_segment=segment_names[int(bridging.weakest_segment[n])],
            by_segment=[float(agreement_of[s][n] * 100) for s in shown_segments],
        )
        for n, item in enumerate(items)
    ]
    rows.sort(key=lambda row: (-np.nan_to_num(row.consensus, nan=-1.0), -row.bridging))
    return StatementsResult(
        weighting=weighting,
        people=len(person_of),
        municipalities=len(codes),
        stances=len(records),
        rows=rows,
        groups=_groups(votes, labels, weights, items, home_of) if grouped.any() else [],
        ungrouped=int((~grouped).sum()),
        min_votes=min_votes,
        segmentation=segmentation,
        segments=[(segment_names[s], int(counted[s])) for s in shown_segments],
        common_ground=[row for row in rows if row.common][:CONSENSUS_SHOWN],
    )


def _groups(
    votes: object,
    labels: np.ndarray,
    weights: np.ndarray,
    items: list[Item],
    home_of: dict[int, str],
) -> list[OpinionGroup]:
    picks = representative_statements(votes, labels, weights)
    groups = []
    for position, group in enumerate(picks.groups):
        members = np.flatnonzero(labels == group)
        groups.append(
            OpinionGroup(
                number=int(group) + 1,
                people=int(members.size),
                municipalities=len({home_of[int(person)] for person in members}),
                stands_out=[
                    GroupStance(
                        item=items[pick.statement],
                        agrees=pick.stance == "agree",
                        share=pick.probability * 100,
                    )
                    for pick in picks.top[position]
                ],
            )
        )
    return groups
