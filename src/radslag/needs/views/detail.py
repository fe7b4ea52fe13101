"""A need's page, with its near-duplicates and solutions; supporting, merging, reviewing pairs."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts.permissions import staff_required
from radslag.decide.text_duplicates import near_duplicates
from radslag.needs import index, matching
from radslag.needs.forms import MergeForm, SupportForm
from radslag.needs.models import Need
from radslag.needs.support import add_support, merge
from radslag.register.models import UseCase

REVIEW_PAIRS = 100


def visible_case_ids(request: HttpRequest) -> set[int]:
    return set(UseCase.objects.visible_to(request.user).values_list("pk", flat=True))


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
        "solutions": matching.solutions(
            index.need_text(need.title, need.text), need.area, visible_case_ids(request)
        ),
        "support_form": SupportForm(),
    }
    return render(request, "needs/detail.html", context)


@staff_required
@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_object_or_404(Need, pk=pk)
    form = SupportForm(request.POST)
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


@staff_required
@require_POST
def merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    kept = get_object_or_404(Need, pk=pk)
    form = MergeForm(request.POST)
    other = Need.objects.filter(pk=form.cleaned_data["other"]).first() if form.is_valid() else None
    if other is None:
        messages.error(request, _("Inlägget att slå ihop med finns inte."))
        return redirect(kept)
    try:
        result = merge(kept, other)
    except ValueError:
        messages.error(request, _("Inläggen kan inte slås ihop: ett av dem är redan sammanslaget."))
        return redirect(kept.merged_into or kept)
    messages.success(
        request,
        _(
            "”%(merged)s” är sammanslaget hit. Båda texterna finns kvar och stödet ökade från "
            "%(before)s till %(after)s kommuner."
        )
        % {"merged": other.title, "before": result.support_before, "after": result.support_after},
    )
    return redirect(kept)


@staff_required
def duplicate_review(request: HttpRequest) -> HttpResponse:
    """Pairs of open submissions similar enough to be the same, most similar first."""
    needs_index = index.need_index()
    pairs: list[tuple[Need, Need, float]] = []
    total = 0
    if needs_index.model is not None and len(needs_index.ids) > 1:
        found = near_duplicates(needs_index.matrix)
        total = len(found)
        shown = found[:REVIEW_PAIRS]
        ids = {int(needs_index.ids[row]) for i, j, _ in shown for row in (i, j)}
        needs = Need.objects.with_support().select_related("municipality").in_bulk(list(ids))
        for i, j, similarity in shown:
            first, second = needs[int(needs_index.ids[i])], needs[int(needs_index.ids[j])]
            # The one with more support, or else the older, is kept.
            support = {need.pk: getattr(need, "support_count", 0) for need in (first, second)}
            if (support[second.pk], first.created_at) > (support[first.pk], second.created_at):
                first, second = second, first
            pairs.append((first, second, similarity))
    return render(request, "needs/duplicates.html", {"pairs": pairs, "total": total})
