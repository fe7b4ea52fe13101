"""Ranked ballots among the council: each member ranks the items, and the Schulze method
(:func:`radslag.decide.rankings.ballots.schulze`) orders them, with the pairwise defeats behind
it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from radslag.accounts import permissions
from radslag.accounts.models import Membership, Role
from radslag.council.models import Ballot, Item, Round
from radslag.council.segments import Segmentation, segments_of
from radslag.decide.rankings.acceptability import rank_acceptabilities, rank_intervals
from radslag.decide.rankings.ballots import schulze

# Resamples of the ballots for how sure the ranking is: with a dozen members, which member
# happened to vote decides much, and the bootstrap shows how much.
BOOTSTRAP = 1000


class BallotRefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def may_cast(user: Any, round_: Round) -> bool:
    return (
        round_.kind == Round.Kind.BALLOT
        and round_.status == Round.Status.OPEN
        and round_.date_refusal() is None
        and permissions.is_council_member(user)
    )


def cast(user: Any, round_: Round, ranks: dict[str, int]) -> Ballot:
    """Store the member's ranking: item id to position, every active item placed."""
    if round_.status == Round.Status.OPEN and (outside := round_.date_refusal()):
        raise BallotRefusedError(outside)
    if not may_cast(user, round_):
        raise BallotRefusedError(_("Bara rådets ledamöter rangordnar, och bara i en öppen omgång."))
    items = {
        str(pk)
        for pk in round_.items.filter(status=Item.Status.ACTIVE).values_list("pk", flat=True)
    }
    if set(ranks) != items or not all(1 <= p <= len(items) for p in ranks.values()):
        raise BallotRefusedError(_("Ge varje alternativ i omgången en plats."))
    with transaction.atomic():
        ballot, _created = Ballot.objects.update_or_create(
            round=round_, person=user, defaults={"ranks": ranks}
        )
    return ballot


@dataclass(frozen=True)
class Certainty:
    rank: int
    item: Item
    first: float  # percentage of resamples with the item first
    rank_low: int
    rank_high: int


@dataclass(frozen=True)
class BallotResult:
    ranked: list[tuple[int, Item]]  # (rank, item), ties share a rank
    ballots: int
    items: list[Item]  # in the ranked order
    # One row per item: how many ballots put it above each item (None against itself).
    defeats: list[tuple[Item, list[float | None]]]
    certainty: list[Certainty]  # in the ranked order
    segmentation: Segmentation
    segments: list[tuple[str, int]]  # label and members
    segment_ranks: list[tuple[Item, list[int]]]  # each segment's Schulze rank of each item


def ballot_result(
    round_: Round, segmentation: Segmentation = Segmentation.SIZE
) -> BallotResult | None:
    items = list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))
    rows = list(round_.ballots.values_list("person_id", "ranks"))
    ballots = [ranks for _person, ranks in rows]
    if not ballots or len(items) < 2:
        return None
    worst = len(items) + 1
    # An item added after a member ranked counts as below everything they ranked.
    table = np.array(
        [[float(ranks.get(str(item.pk), worst)) for item in items] for ranks in ballots]
    )
    result = schulze(table)
    order = [int(i) for i in result.order]
    acceptability = _bootstrap(table)
    intervals = rank_intervals(acceptability)
    homes = dict(
        Membership.objects.filter(
            person_id__in=[person for person, _ranks in rows],
            role=Role.COUNCIL_MEMBER,
            municipality__isnull=False,
        ).values_list("person_id", "municipality_id")
    )
    segments = segments_of(segmentation, homes.values())
    labels = [segments.label(homes[person]) if person in homes else "" for person, _r in rows]
    shown = [label for label in segments.order if label in labels]
    per_segment = [
        schulze(table[[n for n, own in enumerate(labels) if own == label]]).ranks for label in shown
    ]
    return BallotResult(
        ranked=[(int(result.ranks[i]), items[i]) for i in order],
        ballots=len(ballots),
        items=[items[i] for i in order],
        defeats=[
            (items[i], [None if i == j else float(result.preferences[i, j]) for j in order])
            for i in order
        ],
        certainty=[
            Certainty(
                int(result.ranks[i]),
                items[i],
                float(acceptability[i, 0] * 100),
                int(intervals[i, 0]),
                int(intervals[i, 1]),
            )
            for i in order
        ],
        segmentation=segmentation,
        segments=[(label, labels.count(label)) for label in shown],
        segment_ranks=[(items[i], [int(ranks[i]) for ranks in per_segment]) for i in order],
    )


def _bootstrap(table: np.ndarray) -> np.ndarray:
    """Rank acceptabilities over resamples of the ballots (Schulze ranks, ties by order)."""
    rng = np.random.default_rng(0)
    counts = rng.multinomial(len(table), np.full(len(table), 1 / len(table)), size=BOOTSTRAP)
    values = np.array([-schulze(table, weights=weights).ranks for weights in counts], dtype=float)
    return rank_acceptabilities(values)
