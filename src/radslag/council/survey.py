"""The wiki survey: invitation links, the next pair to show, and votes.

Votes are refused, and counted nowhere, when the link is unknown or withdrawn, the round is not
open, an item is not in the round, or the session already voted on the pair. The pair shown
next comes from the decision core's adaptive design on the latest fit of the round's votes; the
fit and its design are cached and refitted when the votes have grown by a tenth or they are a
minute old, since a design a few votes behind chooses as well and refitting on every vote would
not scale. Each page then only draws from the design (well under a millisecond). The design
also gets how many votes each item has gone unshown (counted at the refit, then advanced by the
votes this process stores), so that no item is left out of the survey for long.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from radslag.core.secret_links import digest, new_secret
from radslag.core.text_limits import TITLE
from radslag.council.models import Item, Link, PairVote, Round
from radslag.council.result_store import queue_refresh
from radslag.decide.rankings.bradley_terry import fit_bradley_terry
from radslag.decide.rankings.pair_design import PairDesign, advance_since_shown, design_pairs

FIT_MAX_AGE_SECONDS = 60
# Proposals asked of the design per page; enough that one not yet voted by this session is
# almost always among them.
PROPOSALS = 8


class VoteRefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def create_link(round_: Round, municipality: Any, by: Any) -> tuple[Link, str]:
    """A new link for the municipality, withdrawing the one it had; the token is returned
    once, for the page that shows it."""
    token = new_secret(length=24)
    with transaction.atomic():
        for live in Link.objects.filter(
            round=round_, municipality=municipality, withdrawn_at__isnull=True
        ):
            live.withdraw()
        link = Link.objects.create(
            round=round_, municipality=municipality, token_hash=digest(token), created_by=by
        )
    return link, token


def find_link(token: str) -> Link | None:
    return (
        Link.objects.select_related("round", "municipality")
        .filter(token_hash=digest(token))
        .first()
    )


# Rounds municipal staff take part in through their municipality's link; the council's own
# rounds (ballots, scoring) are answered by its members, signed in.
LINKED_KINDS = (Round.Kind.WIKI_SURVEY, Round.Kind.STATEMENTS)


def refusal(link: Link | None) -> str | None:
    """Why votes through ``link`` are refused, or None when they are taken."""
    if link is None:
        return _("Länken finns inte. Kontrollera att du fått med hela adressen.")
    if link.withdrawn_at is not None:
        return _("Länken har återkallats. Be din kommuns representant om den nya länken.")
    if link.round.kind not in LINKED_KINDS:
        return _("Omgången besvaras av rådets ledamöter, inte genom en kommuns länk.")
    status = link.round.status
    if status == Round.Status.DRAFT:
        return _("Omgången har inte öppnat än.")
    if status != Round.Status.OPEN:
        return _("Omgången är stängd och tar inte emot fler röster.")
    return link.round.date_refusal()


def session_digest(round_: Round, session_key: str) -> str:
    """The session as a keyed digest: enough to refuse a second vote on a pair, nothing that
    leads back to the browser."""
    return salted_hmac("radslag.council.session", f"{round_.pk}:{session_key}").hexdigest()


def pair_key(first: int, second: int) -> str:
    low, high = sorted((first, second))
    return f"{low}-{high}"


def active_items(round_: Round) -> list[Item]:
    return list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))


@dataclass(frozen=True)
class _CachedFit:
    item_ids: tuple[int, ...]
    design: PairDesign
    since_shown: np.ndarray
    """Per item of ``item_ids``, the round's votes since it was last shown, at the refit."""
    votes: int
    at: float


def _round_votes(round_: Round) -> list[tuple[int, int, str]]:
    """(left, right, choice) of every vote of the round, oldest first."""
    rows = PairVote.objects.filter(round=round_).order_by("id")
    return list(rows.values_list("left_id", "right_id", "choice"))


# Votes this process has stored per round since its cached fit: growth is noticed without
# counting a round's votes on every page (a count over 100 000 rows costs more than the rest of
# the page); votes through other processes are picked up by the age limit.
_stored_here: dict[int, int] = {}
# Per round, the pairs of item ids this process has stored votes on since its cached fit, so the
# design's count of votes since each item was shown stays current between refits.
_shown_here: dict[int, list[tuple[int, int]]] = {}


def _current(round_: Round, items: list[Item]) -> _CachedFit:
    key = f"council:fit:{round_.pk}"
    ids = tuple(item.pk for item in items)
    cached: _CachedFit | None = cache.get(key)
    if (
        cached is not None
        and cached.item_ids == ids
        and _stored_here.get(round_.pk, 0) <= cached.votes * 0.1 + 1
        and time.time() - cached.at < FIT_MAX_AGE_SECONDS
    ):
        return cached
    index = {item_id: position for position, item_id in enumerate(ids)}
    votes = _round_votes(round_)
    pairs = [
        (index[left], index[right], choice)
        for left, right, choice in votes
        if left in index and right in index
    ]
    decisive = [
        (left, right) if choice == PairVote.Choice.LEFT else (right, left)
        for left, right, choice in pairs
        if choice != PairVote.Choice.CANNOT_DECIDE
    ]
    fit = (
        fit_bradley_terry([d[0] for d in decisive], [d[1] for d in decisive], len(ids))
        if decisive
        else None
    )
    shown = np.array([(left, right) for left, right, _choice in pairs], dtype=np.int64)
    # Items without a vote yet count as never shown, so they come first.
    since_shown = advance_since_shown(np.full(len(ids), np.inf), shown, len(ids))
    _stored_here[round_.pk] = 0
    _shown_here[round_.pk] = []
    fresh = _CachedFit(
        ids,
        design_pairs(
            fit, len(ids), top_k=_goal(round_, len(ids)), horizon=_horizon(len(votes), len(ids))
        ),
        since_shown,
        len(votes),
        time.time(),
    )
    cache.set(key, fresh, FIT_MAX_AGE_SECONDS)
    return fresh


def _horizon(n_votes: int, n_items: int) -> int:
    """Votes the design serves before the next fit: a tenth more, at least one per item."""
    return max(n_items, n_votes // 10)


def _goal(round_: Round, n_items: int) -> int | None:
    """The design's top k, or None for the whole order (also when k covers every item)."""
    return round_.top_k if round_.top_k and round_.top_k < n_items else None


def next_pair(round_: Round, session: str, rng: np.random.Generator) -> tuple[Item, Item] | None:
    """The next pair for this session, or None when it has voted on every pair."""
    items = active_items(round_)
    if len(items) < 2:
        return None
    voted = set(
        PairVote.objects.filter(round=round_, session_digest=session).values_list(
            "pair_key", flat=True
        )
    )
    current = _current(round_, items)
    position = {item.pk: number for number, item in enumerate(items)}
    shown_since = [
        (position[left], position[right])
        for left, right in _shown_here.get(round_.pk, [])
        if left in position and right in position
    ]
    since_shown = advance_since_shown(
        current.since_shown, np.array(shown_since, dtype=np.int64), len(items)
    )
    for first, second in current.design.propose(PROPOSALS, rng, since_shown=since_shown):
        if pair_key(items[first].pk, items[second].pk) not in voted:
            return items[first], items[second]
    remaining = [
        (a, b)
        for position_, a in enumerate(items)
        for b in items[position_ + 1 :]
        if pair_key(a.pk, b.pk) not in voted
    ]
    if not remaining:
        return None
    left, right = remaining[int(rng.integers(len(remaining)))]
    return (left, right) if rng.random() < 0.5 else (right, left)


def record_vote(
    link: Link | None, session: str, left_id: Any, right_id: Any, choice: str, key: str = ""
) -> PairVote:
    """Store one vote, or raise :class:`VoteRefusedError` saying why nothing was stored.

    ``key`` is the voting form's idempotency key: the vote already stored with it is returned
    and nothing new is stored, even when the retry comes without the session's cookie.
    """
    # A retry is answered as its first attempt was, even if the round closed in between.
    earlier = _voted_with(link, key) if link is not None else None
    if earlier is not None:
        return earlier
    reason = refusal(link)
    if reason is not None or link is None:
        raise VoteRefusedError(reason or "")
    if choice not in PairVote.Choice.values:
        raise VoteRefusedError(_("Välj ett av alternativen, eller Kan inte avgöra."))
    try:
        left_pk, right_pk = int(left_id), int(right_id)
    except (TypeError, ValueError):
        raise VoteRefusedError(_("Paret finns inte i omgången.")) from None
    items = {
        item.pk: item
        for item in Item.objects.filter(
            round=link.round, status=Item.Status.ACTIVE, pk__in=(left_pk, right_pk)
        )
    }
    if left_pk == right_pk or len(items) != 2:
        raise VoteRefusedError(_("Paret finns inte i omgången."))
    try:
        with transaction.atomic():
            vote = PairVote.objects.create(
                round=link.round,
                municipality=link.municipality,
                link=link,
                left=items[left_pk],
                right=items[right_pk],
                choice=choice,
                pair_key=pair_key(left_pk, right_pk),
                session_digest=session,
                idempotency_key=key,
            )
    except IntegrityError:
        earlier = _voted_with(link, key)
        if earlier is not None:
            return earlier
        raise VoteRefusedError(_("Du har redan röstat på det här paret.")) from None
    _stored_here[link.round.pk] = _stored_here.get(link.round.pk, 0) + 1
    _shown_here.setdefault(link.round.pk, []).append((left_pk, right_pk))
    queue_refresh(link.round)
    return vote


def _voted_with(link: Link, key: str) -> PairVote | None:
    if not key:
        return None
    return PairVote.objects.filter(round=link.round, idempotency_key=key).first()


def propose_item(link: Link | None, label: str) -> Item:
    """A participant's new item, held until a convener takes it into the round."""
    reason = refusal(link)
    if reason is not None or link is None:
        raise VoteRefusedError(reason or "")
    label = " ".join(label.split())
    if not label:
        raise VoteRefusedError(_("Skriv ditt förslag."))
    if len(label) > TITLE:
        raise VoteRefusedError(_("Förslaget får ha högst %(limit)d tecken.") % {"limit": TITLE})
    if Item.objects.filter(round=link.round, label__iexact=label).exists():
        raise VoteRefusedError(_("Det förslaget finns redan i omgången."))
    return Item.objects.create(
        round=link.round, label=label, status=Item.Status.PROPOSED, proposed_by=link.municipality
    )
