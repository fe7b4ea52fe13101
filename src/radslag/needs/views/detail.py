"""A need's page, with its near-duplicates and solutions; supporting, merging, reviewing pairs."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, MunicipalAction, signed_in
from radslag.core import freshness
from radslag.decide.text.duplicates import near_duplicates
from radslag.needs import index, matching
from radslag.needs.forms import MergeForm, SupportForm
from radslag.needs.models import Merge, Need
from radslag.needs.support import UndoRefusedError, add_support, merge, undo, undoable
from radslag.register.models import UseCase

REVIEW_PAIRS = 50


def visible_case_ids(request: HttpRequest) -> set[int]:
    return set(UseCase.objects.visible_to(request.user).values_list("pk", flat=True))


def _solutions(need: Need, visible: set[int]) -> matching.Solutions:
    """The need's solutions, computed once per change of the needs, the register or the
    municipalities (matching takes a few hundred milliseconds) and per set of visible cases."""
    seen = hashlib.sha256(",".join(map(str, sorted(visible))).encode()).hexdigest()
    return freshness.cached(
        "need-solutions",
        (need.pk, seen),
        ("needs", "register", "municipalities"),
        lambda: matching.solutions(index.need_text(need.title, need.text), need.area, visible),
    )


def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_object_or_404(
        Need.objects.with_support().select_related("municipality", "theme", "merged_into"), pk=pk
    )
    is_open = need.merged_into_id is None
    context = {
        "need": need,
        "supporters": need.supporting_municipalities(),
        "merged": need.merged.select_related("municipality").order_by("created_at"),
        "similar": index.similar_needs(need.title, need.text, exclude=need.pk) if is_open else [],
        "solutions": _solutions(need, visible_case_ids(request)),
        "support_form": SupportForm(user=request.user),
        "merges": [
            (record, undoable(record) is None)
            for record in need.merges_in.filter(undone_at__isnull=True).select_related("merged")
        ],
    }
    return render(request, "needs/detail.html", context)


@require_POST
@signed_in
def support(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(
        permissions.municipalities_for(request.user, MunicipalAction.SUPPORT_NEED).exists()
    )
    need = get_object_or_404(Need, pk=pk)
    form = SupportForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Välj en kommun för att lägga till stöd."))
    elif add_support(need, form.cleaned_data["municipality"]):
        messages.success(
            request,
            _("%(municipality)s står nu bakom inlägget.")
            % {"municipality": form.cleaned_data["municipality"].name},
        )
    else:
        messages.info(
            request,
            _("%(municipality)s stod redan bakom inlägget och räknas en gång.")
            % {"municipality": form.cleaned_data["municipality"].name},
        )
    return redirect(need.merged_into or need)


@require_POST
@signed_in
def merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge after confirmation: the first post shows both texts and the support after."""
    permissions.require(permissions.can(request.user, Action.MERGE_NEEDS))
    kept = get_object_or_404(Need.objects.select_related("municipality"), pk=pk)
    form = MergeForm(request.POST)
    other = (
        Need.objects.select_related("municipality").filter(pk=form.cleaned_data["other"]).first()
        if form.is_valid()
        else None
    )
    if other is None:
        messages.error(request, _("Inlägget att slå ihop med finns inte."))
        return redirect(kept)
    if kept.merged_into_id is not None or other.merged_into_id is not None or kept == other:
        messages.error(request, _("Inläggen kan inte slås ihop: ett av dem är redan sammanslaget."))
        return redirect(kept.merged_into or kept)
    if "bekrafta" not in request.POST:
        return render(request, "needs/merge_confirm.html", _confirmation(kept, other))
    result = merge(kept, other, by=request.user)
    messages.success(
        request,
        _(
            "”%(merged)s” är sammanslaget hit. Båda texterna finns kvar och stödet ökade från "
            "%(before)s till %(after)s kommuner. Sammanslagningen kan ångras nedan."
        )
        % {"merged": other.title, "before": result.support_before, "after": result.support_after},
    )
    return redirect(kept)


def _confirmation(kept: Need, other: Need) -> dict[str, object]:
    mine = set(kept.supporting_municipalities())
    theirs = set(other.supporting_municipalities())
    return {
        "kept": kept,
        "other": other,
        "support_before": sorted(mine, key=lambda m: m.name),
        "support_added": sorted(theirs - mine, key=lambda m: m.name),
        "support_after": len(mine | theirs),
    }


@require_POST
@signed_in
def undo_merge(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(permissions.can(request.user, Action.MERGE_NEEDS))
    record = get_object_or_404(Merge.objects.select_related("kept", "merged"), pk=pk)
    try:
        undo(record)
    except UndoRefusedError as refused:
        messages.error(request, str(refused))
        return redirect(record.kept)
    messages.success(
        request,
        _("Sammanslagningen med ”%(title)s” är ångrad; båda inläggen har sitt stöd som före.")
        % {"title": record.merged.title},
    )
    return redirect(record.kept)


@signed_in
def duplicate_review(request: HttpRequest) -> HttpResponse:
    """Pairs of open submissions similar enough to be the same, most similar first, by page."""
    permissions.require(permissions.can(request.user, Action.MERGE_NEEDS))
    needs_index = index.need_index()
    pairs: list[tuple[Need, Need, float]] = []
    found: list[tuple[int, int, float]] = []
    if needs_index.model is not None and len(needs_index.ids) > 1:
        found = near_duplicates(needs_index.matrix)
    page = Paginator(found, REVIEW_PAIRS).get_page(request.GET.get("page"))
    if found:
        shown = list(page.object_list)
        ids = {int(needs_index.ids[row]) for i, j, _ in shown for row in (i, j)}
        needs = Need.objects.with_support().select_related("municipality").in_bulk(list(ids))
        for i, j, similarity in shown:
            first, second = needs[int(needs_index.ids[i])], needs[int(needs_index.ids[j])]
            # The one with more support, or else the older, is kept.
            support = {need.pk: getattr(need, "support_count", 0) for need in (first, second)}
            if (support[second.pk], first.created_at) > (support[first.pk], second.created_at):
                first, second = second, first
            pairs.append((first, second, similarity))
    context = {
        "pairs": pairs,
        "total": len(found),
        "page": page,
    }
    return render(request, "needs/duplicates.html", context)
