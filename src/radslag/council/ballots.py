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
from radslag.council.models import Ballot, Item, Round
from radslag.decide.rankings.ballots import schulze


class BallotRefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def may_cast(user: Any, round_: Round) -> bool:
    return (
        round_.kind == Round.Kind.BALLOT
        and round_.status == Round.Status.OPEN
        and permissions.is_council_member(user)
    )


def cast(user: Any, round_: Round, ranks: dict[str, int]) -> Ballot:
    """Store the member's ranking: item id to position, every active item placed."""
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
class BallotResult:
    ranked: list[tuple[int, Item]]  # (rank, item), ties share a rank
    ballots: int
    items: list[Item]  # in the ranked order
    # One row per item: how many ballots put it above each item (None against itself).
    defeats: list[tuple[Item, list[float | None]]]


def ballot_result(round_: Round) -> BallotResult | None:
    items = list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))
    ballots = list(round_.ballots.values_list("ranks", flat=True))
    if not ballots or len(items) < 2:
        return None
    worst = len(items) + 1
    # An item added after a member ranked counts as below everything they ranked.
    table = np.array(
        [[float(ranks.get(str(item.pk), worst)) for item in items] for ranks in ballots]
    )
    result = schulze(table)
    order = [int(i) for i in result.order]
    return BallotResult(
        ranked=[(int(result.ranks[i]), items[i]) for i in order],
        ballots=len(ballots),
        items=[items[i] for i in order],
        defeats=[
            (items[i], [None if i == j else float(result.preferences[i, j]) for j in order])
            for i in order
        ],
    )
