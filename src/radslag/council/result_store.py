"""Results computed once per set of votes, kept in the database, and refreshed in the
background when votes come in.

A round with a hundred thousand votes takes seconds to fit under every weighting and segment,
too long for each page view, and the web processes share no memory; so a computed result is
stored with the version of the votes it came from (their count and latest id). A page reads
the stored result when it is current. When votes have come in since, a small round is
recomputed at once; a large one shows the stored result, saying how many votes it counts, while
a task worker computes the new one (queued by the page, and by every vote at most once a
minute). A result from an older version of Rådslag that cannot be read is recomputed.
"""

from __future__ import annotations

import datetime
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from radslag.council.models import Item, Round, StoredResult

T = TypeVar("T")

# Rounds with at most this many votes are recomputed while the page waits (well under a
# second); larger ones in the background.
INLINE_VOTES = 20_000
REFRESH_INTERVAL = datetime.timedelta(seconds=60)
# Part of every key, so results pickled by an older release are recomputed, not misread.
FORMAT = 1


@dataclass(frozen=True)
class Current(Generic[T]):
    result: T
    votes: int  # the votes the result counts
    computed_at: datetime.datetime
    stale: bool  # votes have come in since; a newer result is being computed


def votes_version(round_: Round) -> tuple[str, int]:
    """The round's votes as a version string and their count; any new or changed vote gives
    a new version."""
    if round_.kind == Round.Kind.BALLOT:
        summary = round_.ballots.aggregate(latest=Max("updated_at"), last=Max("id"))
        count = round_.ballots.count()
        return f"{count}:{summary['last']}:{summary['latest']}", count
    if round_.kind == Round.Kind.SCORING:
        summary = round_.scoring_sheets.aggregate(latest=Max("updated_at"), last=Max("id"))
        count = round_.scoring_sheets.count()
        # Criteria change only in a draft, items by moderation; either changes the result.
        criteria = round_.criteria.aggregate(n=Max("id"))["n"]
        active = round_.items.filter(status=Item.Status.ACTIVE).count()
        version = f"{count}:{summary['last']}:{summary['latest']}:{criteria}:{active}"
        return version, count
    votes = round_.statement_votes if round_.kind == Round.Kind.STATEMENTS else round_.pair_votes
    last = votes.aggregate(last=Max("id"))["last"]
    count = votes.count()
    # The round's items matter too: a convener may take a proposal in or out.
    items = round_.items.aggregate(n=Max("id"))["n"]
    active = round_.items.filter(status=Item.Status.ACTIVE).count()
    return f"{count}:{last}:{items}:{active}", count


def stored_key(view: str) -> str:
    return f"v{FORMAT}:{view}"


def current_result(round_: Round, view: str, compute: Callable[[], T]) -> Current[T]:
    """The result of ``view`` (e.g. ``"survey:equal:size"``) for the round's current votes, or
    the latest stored one while a larger round's new result is computed in the background."""
    version, count = votes_version(round_)
    key = stored_key(view)
    stored = StoredResult.objects.filter(round=round_, key=key).first()
    if stored is not None:
        loaded = _load(stored)
        if loaded is not _UNREADABLE:
            if stored.votes_version == version:
                return Current(loaded, stored.votes, stored.computed_at, stale=False)
            if count > INLINE_VOTES:
                queue_refresh(round_, force=True)
                return Current(loaded, stored.votes, stored.computed_at, stale=True)
    return compute_and_store(round_, view, compute, version, count)


def compute_and_store(
    round_: Round, view: str, compute: Callable[[], T], version: str, count: int
) -> Current[T]:
    started = time.perf_counter()
    result = compute()
    now = timezone.now()
    defaults = {
        "votes_version": version,
        "votes": count,
        "computed_at": now,
        "seconds": time.perf_counter() - started,
        "payload": pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL),
        "refresh_queued_at": None,
    }
    try:
        with transaction.atomic():
            StoredResult.objects.update_or_create(
                round=round_, key=stored_key(view), defaults=defaults
            )
    except IntegrityError:  # another request stored the same view at the same moment
        pass
    return Current(result, count, now, stale=False)


def queue_refresh(round_: Round, *, force: bool = False) -> bool:
    """Queue one background recomputation of the round's stored results, unless one was
    queued in the last minute; True if queued. Called after every vote, so it costs one
    conditional update when nothing is stored or a refresh is already on its way."""
    from radslag.council.tasks import refresh_round_results

    now = timezone.now()
    recent = Q(refresh_queued_at__gte=now - REFRESH_INTERVAL)
    pending = StoredResult.objects.filter(round=round_)
    if not force:
        # Small rounds are recomputed by the page itself; nothing to queue.
        pending = pending.filter(votes__gte=INLINE_VOTES // 2)
    if pending.exclude(recent).update(refresh_queued_at=now) == 0:
        return False
    transaction.on_commit(lambda: refresh_round_results.enqueue(round_.pk))
    return True


_UNREADABLE = object()


def _load(stored: StoredResult) -> Any:
    try:
        return pickle.loads(bytes(stored.payload))
    except Exception:
        return _UNREADABLE
