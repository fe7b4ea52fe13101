"""Submitting, supporting and merging needs, so that support is counted once and never lost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Support


@transaction.atomic
def submit(need: Need, supporters: Iterable[Municipality] = ()) -> Need:
    """Save a new submission with its submitter's support and any co-signers'."""
    need.save()
    backers = {need.municipality_id: need.municipality, **{m.pk: m for m in supporters}}
    Support.objects.bulk_create(
        Support(need=need, municipality=municipality) for municipality in backers.values()
    )
    return need


def add_support(need: Need, municipality: Municipality) -> bool:
    """Put ``municipality`` behind ``need`` (or the submission it was merged into).

    Returns whether the support is new; a municipality already behind it counts once.
    """
    target = kept_version(need)
    _, created = Support.objects.get_or_create(need=target, municipality=municipality)
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


@transaction.atomic
def merge(kept: Need, merged: Need) -> MergeResult:
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
    Need.objects.filter(merged_into=merged).update(merged_into=kept)
    merged.merged_into = kept
    merged.save(update_fields=["merged_into", "updated_at"])
    if kept.theme_id is None and merged.theme_id is not None:
        kept.theme_id = merged.theme_id
    kept.save(update_fields=["theme", "updated_at"])
    return MergeResult(kept, merged, len(have), len(have) + len(added), added)
