"""Initiatives: the list, one initiative with its value, participants and milestones, and the
convener's forms; representatives declare their municipality's interest."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, MunicipalAction, signed_in
from radslag.initiatives import leads
from radslag.initiatives.forms import InitiativeForm, InterestForm, MilestoneForm
from radslag.initiatives.models import BudgetRound, Initiative, Participation
from radslag.initiatives.value import area_label, national_value


def _may_manage(request: HttpRequest) -> bool:
    return permissions.can(request.user, Action.MANAGE_INITIATIVES)


def initiative_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    initiatives = Initiative.objects.prefetch_related("participations")
    if status in Initiative.Status.values:
        initiatives = initiatives.filter(status=status)
    value = national_value()
    rows = []
    for initiative in initiatives:
        codes = [
            part.municipality_id
            for part in initiative.participations.all()
            if part.role != Participation.Role.INTERESTED
        ]
        rows.append((initiative, value.total(codes, initiative.areas) if value else None))
    context = {
        "rows": rows,
        "statuses": Initiative.Status.choices,
        "status": status,
        "may_manage": _may_manage(request),
        "assumptions": value.assumptions if value else None,
        "budget_rounds": BudgetRound.objects.all()[:3],
    }
    return render(request, "initiatives/list.html", context)


def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    parts = list(initiative.participations.select_related("municipality"))
    taking_part = [p.municipality_id for p in parts if p.role != Participation.Role.INTERESTED]
    interested = [p.municipality_id for p in parts if p.role == Participation.Role.INTERESTED]
    value = national_value()
    codes = [
        (m.code, m.name)
        for m in permissions.municipalities_for(request.user, MunicipalAction.JOIN_INITIATIVE)
        if m.code not in {p.municipality_id for p in parts}
    ]
    context = {
        "initiative": initiative,
        "areas": [area_label(area) for area in initiative.areas],
        "participations": parts,
        "value": value.total(taking_part, initiative.areas) if value else None,
        "value_with_interested": value.total(taking_part + interested, initiative.areas)
        if value and interested
        else None,
        "assumptions": value.assumptions if value else None,
        "lead_candidates": leads.lead_candidates(initiative)[:8],
        "milestones": initiative.milestones.all(),
        "interest_form": InterestForm(codes=codes) if codes else None,
        "milestone_form": MilestoneForm() if _may_manage(request) else None,
        "may_manage": _may_manage(request),
    }
    return render(request, "initiatives/detail.html", context)


@signed_in
def initiative_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    permissions.require(_may_manage(request))
    initiative = get_object_or_404(Initiative, pk=pk) if pk else None
    form = InitiativeForm(request.POST or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if initiative is None:
            saved.created_by = request.user  # type: ignore[assignment]
        saved.save()
        form.save_m2m()
        messages.success(request, _("Initiativet är sparat."))
        return redirect(saved)
    return render(
        request,
        "initiatives/form.html",
        {"form": form, "initiative": initiative},
        status=400 if form.errors else 200,
    )


@signed_in
@require_POST
def declare_interest(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    code = request.POST.get("municipality", "")
    permissions.require(
        permissions.may_act_for(request.user, MunicipalAction.JOIN_INITIATIVE, code)
    )
    if initiative.status in (Initiative.Status.DONE, Initiative.Status.CANCELLED):
        messages.error(request, _("Initiativet är avslutat och tar inte emot fler deltagare."))
        return redirect(initiative)
    try:
        with transaction.atomic():
            Participation.objects.create(
                initiative=initiative,
                municipality_id=code,
                role=Participation.Role.INTERESTED,
                declared_by=request.user,  # type: ignore[misc]
            )
    except IntegrityError:
        messages.info(request, _("Kommunen är redan med i initiativet."))
    else:
        messages.success(request, _("Kommunens intresse är anmält."))
    return redirect(initiative)


@signed_in
@require_POST
def add_milestone(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(_may_manage(request))
    initiative = get_object_or_404(Initiative, pk=pk)
    form = MilestoneForm(request.POST, instance=None)
    form.instance.initiative = initiative
    if form.is_valid():
        form.save()
        messages.success(request, _("Delmålet är sparat."))
        return redirect(initiative)
    context = {"initiative": initiative, "milestone_form": form}
    return render(request, "initiatives/milestone_form.html", context, status=400)
