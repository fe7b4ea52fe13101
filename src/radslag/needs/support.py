"""Submitting, supporting and merging needs, so that support is counted once and never lost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from radslag.accounts import audit
from radslag.accounts.models import AuditEntry
from radslag.municipalities.models import Municipality
from radslag.needs.models import Merge, Need, Support


@transaction.atomic
def submit(need: Need, supporters: Iterable[Municipality] = ()) -> Need:
    """Save a new submission with its submitter's support and any co-signers'."""
    need.save()
    backers = {need.municipality_id: need.municipality, **{m.pk: m for m in supporters}}
    Support.objects.bulk_create(
        Support(need=need, municipality=municipality) for municipality in backers.values()
    )
    return need


def earlier_submission(person: Any, key: str) -> Need | None:
    """The submission ``person`` made with idempotency key ``key``, if any."""
    if not key or person is None or not person.is_authenticated:
        return None
    return Need.objects.filter(created_by=person, idempotency_key=key).first()


def submit_once(
    need: Need, supporters: Iterable[Municipality] = (), key: str = ""
) -> tuple[Need, bool]:
    """:func:`submit`, unless its person already submitted with ``key``: then nothing is stored.

    Returns the submission and whether it is new. A retry racing its first attempt waits for
    it (PostgreSQL) or for the write lock (SQLite) and then meets the unique key.
    """
    earlier = earlier_submission(need.created_by, key)
    if earlier is not None:
        return earlier, False
    need.idempotency_key = key
    try:
        with transaction.atomic():
            return submit(need, supporters), True
    except IntegrityError:
        earlier = earlier_submission(need.created_by, key)
        if earlier is None:
            raise
        return earlier, False


def add_support(need: Need, municipality: Municipality) -> bool:
    """Put ``municipality`` behind ``need`` (or the submission it was merged into).

    Returns whether the support is new; a municipality already behind it counts once.
    """
    target = kept_version(need)
    support, created = Support.objects.get_or_create(need=target, municipality=municipality)
    if not created and support.via_id is not None:
        # The municipality was behind it only through a merge; now it is behind it itself, and
        # undoing that merge must not take its support away.
        support.via = None
        support.save(update_fields=["via"])
    return created


def kept_version(need: Need) -> Need:
    """The submission that stands for ``need``: itself, or the one it was merged into."""
    need = Need.objects.get(pk=need.pk)  # merges update the rows, not objects held elsewhere
    seen = {need.pk}
    while need.merged_into_id is not None:
        need = Need.objects.get(pk=need.merged_into_id)
        if need.pk in seen:  # pragma: no cover - merge() never makes a cycle
            raise ValueError(f"merge cycle through need {need.pk}")
        seen.add(need.pk)
    return need


@dataclass(frozen=True)
class MergeResult:
    kept: Need
    merged: Need
    support_before: int
    support_after: int
    added: list[Municipality]
    record: Merge | None = None


@transaction.atomic
def merge(kept: Need, merged: Need, by: Any = None) -> MergeResult:
    """Merge ``merged`` into ``kept``: both texts stay, the support is their union.

    Every municipality behind ``merged`` (its submitter, its supporters and whatever it had
    gathered by earlier merges) is added to ``kept``'s support, once each; ``merged`` keeps its
    text and its own support rows, points to ``kept`` and leaves the lists. Submissions merged
    into ``merged`` before now point to ``kept``, so its page shows every text.

    Raises
    ------
    ValueError
        If the two are the same submission or either has already been merged away.
    """
    kept = Need.objects.select_for_update().get(pk=kept.pk)
    merged = Need.objects.select_for_update().get(pk=merged.pk)
    if kept.pk == merged.pk:
        raise ValueError("a submission cannot be merged with itself")
    for need in (kept, merged):
        if need.merged_into_id is not None:
            raise ValueError(f"submission {need.pk} has already been merged into another")
    have = set(kept.supports.values_list("municipality_id", flat=True))
    backers = merged.supports.select_related("municipality").order_by("municipality__name")
    added = [s.municipality for s in backers if s.municipality_id not in have]
    Support.objects.bulk_create(
        Support(need=kept, municipality=municipality, via=merged) for municipality in added
    )
    repointed = list(Need.objects.filter(merged_into=merged).values_list("pk", flat=True))
    Need.objects.filter(pk__in=repointed).update(merged_into=kept)
    merged.merged_into = kept
    merged.save(update_fields=["merged_into", "updated_at"])
    theme_taken = kept.theme_id is None and merged.theme_id is not None
    if theme_taken:
        kept.theme_id = merged.theme_id
    kept.save(update_fields=["theme", "updated_at"])
    record = Merge.objects.create(
        kept=kept,
        merged=merged,
        repointed=repointed,
        theme_taken=theme_taken,
        merged_by=by if getattr(by, "is_authenticated", False) else None,
    )
    audit.record(
        AuditEntry.Action.MERGE,
        kept,
        before={"support": sorted(have)},
        after={"support": sorted({*have, *(m.pk for m in added)})},
        note=f"behov {merged.pk} sammanslaget med behov {kept.pk}",
    )
    return MergeResult(kept, merged, len(have), len(have) + len(added), added, record)


class UndoRefusedError(Exception):
    """The merge cannot be undone; the message says why."""


def undoable(record: Merge) -> str | None:
    """Why ``record`` cannot be undone, or None if it can.

    Only the latest merge into a submission is undone: a later merge may have counted the
    support this one added as already there, and undoing the earlier one would take it away.
    """
    if record.undone_at is not None:
        return _("Sammanslagningen är redan ångrad.")
    if record.kept.merged_into_id is not None:
        return _("Inlägget som behölls har sedan slagits ihop med ett annat; ångra det först.")
    later = Merge.objects.filter(kept=record.kept, undone_at__isnull=True, pk__gt=record.pk)
    if later.exists():
        return _("Ett senare inlägg har slagits ihop hit; ångra den sammanslagningen först.")
    return None


@transaction.atomic
def undo(record: Merge) -> None:
    """Put both submissions back exactly as they were before the merge."""
    record = Merge.objects.select_for_update().select_related("kept", "merged").get(pk=record.pk)
    problem = undoable(record)
    if problem:
        raise UndoRefusedError(problem)
    kept, merged = record.kept, record.merged
    before = sorted(kept.supports.values_list("municipality_id", flat=True))
    Support.objects.filter(need=kept, via=merged).delete()
    Need.objects.filter(pk__in=record.repointed).update(merged_into=merged)
    merged.merged_into = None
    merged.save(update_fields=["merged_into", "updated_at"])
    if record.theme_taken:
        kept.theme_id = None
    kept.save(update_fields=["theme", "updated_at"])
    record.undone_at = timezone.now()
    record.save(update_fields=["undone_at"])
    audit.record(
        AuditEntry.Action.UPDATE,
        kept,
        before={"support": before},
        after={"support": sorted(kept.supports.values_list("municipality_id", flat=True))},
        note=f"sammanslagningen av behov {merged.pk} med behov {kept.pk} ångrad",
    )
