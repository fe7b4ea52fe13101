"""A statements round: participants take a stance on one statement at a time.

Strategic questions are put as short statements; municipal staff answer "instämmer",
"instämmer inte" or pass through their municipality's link, as in Pol.is. Each statement is
shown to a session once; the next is the active statement this session has not answered that
the fewest have answered so far, so every statement gathers enough stances to place people in
opinion groups. Refusals are those of the wiki survey (:func:`radslag.council.survey.refusal`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from radslag.council.models import Item, Link, Round, StatementVote
from radslag.council.result_store import queue_refresh
from radslag.council.survey import VoteRefusedError, refusal


def next_statement(round_: Round, session: str, rng: np.random.Generator) -> Item | None:
    """The next statement for this session, or None when it has answered them all."""
    answered = StatementVote.objects.filter(round=round_, session_digest=session).values("item_id")
    candidates = list(
        round_.items.filter(status=Item.Status.ACTIVE)
        .exclude(pk__in=answered)
        .annotate(stances=Count("statement_votes"))
        .order_by("stances", "id")
    )
    if not candidates:
        return None
    fewest = candidates[0].stances
    least_seen = [item for item in candidates if item.stances == fewest]
    return least_seen[int(rng.integers(len(least_seen)))]


def answered_by(round_: Round, session: str) -> int:
    return StatementVote.objects.filter(round=round_, session_digest=session).count()


def record_stance(link: Link | None, session: str, item_id: Any, stance: str) -> StatementVote:
    """Store one stance, or raise :class:`VoteRefusedError` saying why nothing was stored."""
    reason = refusal(link)
    if reason is not None or link is None:
        raise VoteRefusedError(reason or "")
    if link.round.kind != Round.Kind.STATEMENTS:
        raise VoteRefusedError(_("Omgången tar inte emot ställningstaganden."))
    if stance not in StatementVote.Stance.values:
        raise VoteRefusedError(_("Välj Instämmer, Instämmer inte eller Pass."))
    try:
        item = Item.objects.get(round=link.round, status=Item.Status.ACTIVE, pk=int(item_id))
    except (TypeError, ValueError, Item.DoesNotExist):
        raise VoteRefusedError(_("Påståendet finns inte i omgången.")) from None
    try:
        with transaction.atomic():
            vote = StatementVote.objects.create(
                round=link.round,
                municipality=link.municipality,
                link=link,
                item=item,
                stance=stance,
                session_digest=session,
            )
    except IntegrityError:
        raise VoteRefusedError(_("Du har redan tagit ställning till påståendet.")) from None
    queue_refresh(link.round)
    return vote
