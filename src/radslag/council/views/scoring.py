"""Council scoring: the convener edits a draft round's criteria; a member weighs them pairwise
and scores each item. Every form works without JavaScript; with htmx, the weighing page checks
the consistency of the answers as they are given, before anything is saved."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from radslag.core.partials import wants_partial
from radslag.council import scoring
from radslag.council.forms import CriterionFormSet, JudgementForm, ScoreForm
from radslag.council.models import Criterion
from radslag.council.views.rounds import visible_round


@login_required
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    if not scoring.may_edit_criteria(request.user, round_):
        raise PermissionDenied
    formset = CriterionFormSet(
        request.POST or None, queryset=round_.criteria.order_by("position", "id")
    )
    if request.method == "POST" and formset.is_valid():
        deleted = formset.deleted_forms
        kept = [
            form
            for form in formset.forms
            if form not in deleted and (form.instance.pk is not None or form.has_changed())
        ]
        with transaction.atomic():
            for form in deleted:
                if form.instance.pk is not None:
                    form.instance.delete()
            # Validation has put each form's values on its instance already.
            for position, form in enumerate(kept):
                form.instance.round = round_
                form.instance.position = position
                form.instance.save()
        messages.success(request, _("Kriterierna är sparade."))
        return redirect(round_)
    return render(request, "council/criteria.html", {"round": round_, "formset": formset})


@login_required
def weigh(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    if not scoring.may_score(request.user, round_):
        raise PermissionDenied
    criteria = scoring.criteria_of(round_)
    sheet = scoring.sheet_of(request.user, round_)
    saved = sheet.judgements if sheet else {}
    form = JudgementForm(request.POST or None, criteria=criteria, initial_judgements=saved)
    if request.method == "POST" and wants_partial(request):
        # The live check: nothing is saved until the member presses the button.
        context = {"round": round_, "form": form, "checked": True}
        if form.is_valid():
            context["consistency"] = scoring.consistency(criteria, form.judgements())
        return render(request, "council/_consistency.html", context)
    if request.method == "POST" and form.is_valid():
        try:
            result = scoring.save_judgements(request.user, round_, form.judgements())
        except scoring.ScoringRefusedError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("Dina jämförelser är sparade. Konsistenskvoten är %(ratio)s.")
                % {"ratio": f"{result.ratio:.2f}".replace(".", ",")},
            )
            return redirect("council:weigh", pk=round_.pk)
    consistency = _saved_consistency(criteria, saved)
    context = {
        "round": round_,
        "form": form,
        "criteria": criteria,
        "consistency": consistency,
        "sheet": sheet,
    }
    return render(request, "council/weigh.html", context)


def _saved_consistency(
    criteria: list[Criterion], saved: dict[str, float]
) -> scoring.Consistency | None:
    if not saved:
        return None
    try:
        return scoring.consistency(criteria, saved)
    except scoring.ScoringRefusedError:
        # Saved for criteria that have changed since: the form asks for them afresh.
        return None


@login_required
def score(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    if not scoring.may_score(request.user, round_):
        raise PermissionDenied
    items, criteria = scoring.active_items(round_), scoring.criteria_of(round_)
    sheet = scoring.sheet_of(request.user, round_)
    form = ScoreForm(
        request.POST or None,
        items=items,
        criteria=criteria,
        initial_scores=sheet.scores if sheet else {},
    )
    if request.method == "POST" and form.is_valid():
        try:
            given = scoring.save_scores(request.user, round_, form.scores())
        except scoring.ScoringRefusedError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _(
                    "Dina poäng är sparade: %(given)d av %(total)d. Du kan ändra dem medan "
                    "omgången är öppen."
                )
                % {"given": given, "total": len(items) * len(criteria)},
            )
            return redirect("council:score", pk=round_.pk)
    context = {
        "round": round_,
        "form": form,
        "criteria": criteria,
        "sheet": sheet,
        "scale": scoring.SCALE,
    }
    return render(request, "council/score.html", context)
