"""Answering the yearly self-assessment: save drafts, then submit.

A submitted assessment stands as given unless a convener opens it again (views/reopen.py).
A municipality's representative answers for it; a convener for any.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, MunicipalAction, can, signed_in
from radslag.core.versions import StaleVersionError, show_current_version
from radslag.maturity.forms import AssessmentForm, ReopenForm
from radslag.maturity.models import Answer, Assessment, MaturityModel, Reopening
from radslag.maturity.views.national import municipality_or_404
from radslag.municipalities.models import Municipality

# The first year the self-assessment was offered.
FIRST_YEAR = 2023


@signed_in
def assessment(request: HttpRequest, code: str, year: int) -> HttpResponse:
    municipality = municipality_or_404(code)
    permissions.require(
        permissions.may_act_for(request.user, MunicipalAction.ANSWER_ASSESSMENT, municipality.code)
    )
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404(
            _("Självskattningen finns för åren %(first)s till i år.") % {"first": FIRST_YEAR}
        )
    existing = (
        Assessment.objects.filter(municipality=municipality, year=year)
        .select_related("model")
        .first()
    )
    version = existing.model if existing else MaturityModel.objects.current()
    if existing is not None and (existing.is_submitted or existing.is_example):
        # Submitted answers stand as given until reopened; example data is replaced, never edited.
        status = 409 if request.method == "POST" else 200
        return read_only(request, municipality, existing, status)
    dimensions = version.dimension_list()
    if request.method == "POST":
        form = AssessmentForm(dimensions, version.level_names, data=request.POST)
        if form.is_valid():
            try:
                saved = _save(form, municipality, year, version, request)
            except StaleVersionError as stale:
                # The person's answers stay in the form; saving again overwrites deliberately.
                show_current_version(form, stale.current)
                form.add_error(
                    None,
                    _(
                        "Någon annan har ändrat självskattningen sedan du öppnade den. Dina svar "
                        "är inte sparade men står kvar nedan. Jämför med det sparade och spara "
                        "igen om dina svar ska gälla."
                    ),
                )
            else:
                return _saved(request, municipality, year, saved)
    else:
        form = AssessmentForm(
            dimensions,
            version.level_names,
            initial=_initial(existing) | {"version": existing.version if existing else 0},
        )
    context = {
        "municipality": municipality,
        "year": year,
        "maturity_model": version,
        "assessment": existing,
        "reopening": existing.reopenings.select_related("reopened_by").first()
        if existing
        else None,
        "form": form,
        "fieldsets": form.fieldsets(),
        "unanswered": form.unanswered() if form.is_bound else [],
    }
    return render(request, "maturity/assessment_form.html", context)


def _saved(
    request: HttpRequest, municipality: Municipality, year: int, saved: Assessment | None
) -> HttpResponse:
    if saved is None:
        return read_only(request, municipality, _refetch(municipality, year), 409)
    if saved.is_submitted:
        messages.success(request, _("Självskattningen för %(year)s är inskickad.") % {"year": year})
        return redirect(reverse("maturity:profile", args=[municipality.code]))
    messages.success(request, _("Utkastet är sparat. Du kan fortsätta senare."))
    return redirect(saved.get_absolute_url())


def _save(
    form: AssessmentForm,
    municipality: Municipality,
    year: int,
    version: MaturityModel,
    request: HttpRequest,
) -> Assessment | None:
    """Store the answers; ``None`` if the assessment was submitted meanwhile by someone else.

    Raises :class:`StaleVersionError` if someone saved answers after the form was opened.
    """
    with transaction.atomic():
        assessment, created = Assessment.objects.select_for_update().get_or_create(
            municipality=municipality, year=year, defaults={"model": version}
        )
        if assessment.is_submitted or assessment.is_example:
            return None
        seen = form.cleaned_data.get("version")
        if not created and seen is not None and assessment.version != seen:
            raise StaleVersionError(assessment.version)
        if not created:
            assessment.version += 1
        levels, comments = form.levels(), form.comments()
        for dimension in form.dimensions:
            Answer.objects.update_or_create(
                assessment=assessment,
                dimension=dimension,
                defaults={"level": levels[dimension.key], "comment": comments[dimension.key]},
            )
        if form.submitting:
            assessment.status = Assessment.Status.SUBMITTED
            assessment.submitted_at = timezone.now()
            assessment.submitted_by = request.user if request.user.is_authenticated else None
        assessment.save()
    return assessment


def _latest_reopening(assessment: Assessment | None) -> Reopening | None:
    if assessment is None:
        return None
    return assessment.reopenings.select_related("reopened_by").first()


def _refetch(municipality: Municipality, year: int) -> Assessment:
    return Assessment.objects.select_related("model").get(municipality=municipality, year=year)


def _initial(existing: Assessment | None) -> dict[str, Any]:
    if existing is None:
        return {}
    initial: dict[str, Any] = {}
    for answer in existing.answers.select_related("dimension"):
        initial[f"level_{answer.dimension.key}"] = answer.level
        initial[f"comment_{answer.dimension.key}"] = answer.comment
    return initial


def read_only(
    request: HttpRequest,
    municipality: Municipality,
    assessment: Assessment,
    status: int,
    reopen_form: ReopenForm | None = None,
) -> HttpResponse:
    """A submitted (or example) assessment as it stands, with the way to reopen it if allowed."""
    dimensions = assessment.model.dimension_list()
    answers = {a.dimension_id: a for a in assessment.answers.all()}
    level_names = [_(name) for name in assessment.model.level_names]
    rows = []
    for dimension in dimensions:
        answer = answers.get(dimension.pk)
        level = next(
            (lvl for lvl in dimension.levels.all() if answer and lvl.number == answer.level), None
        )
        rows.append(
            {
                "dimension": dimension,
                "level": level,
                "level_name": level_names[level.number - 1] if level else "",
                "comment": answer.comment if answer else "",
            }
        )
    if (
        reopen_form is None
        and assessment.is_submitted
        and not assessment.is_example
        and can(request.user, Action.REOPEN_ASSESSMENT)
    ):
        reopen_form = ReopenForm()
    context = {
        "municipality": municipality,
        "year": assessment.year,
        "maturity_model": assessment.model,
        "assessment": assessment,
        "rows": rows,
        "refused": status == 409,
        "reopen_form": reopen_form,
        "reopenings": assessment.reopenings.select_related("reopened_by", "submitted_by"),
    }
    return render(request, "maturity/assessment_read_only.html", context, status=status)
