"""Budget rounds: representatives approve initiatives for their municipality; once the round
is closed everyone sees the portfolio Equal Shares chose, explained, beside the greedy one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, MunicipalAction, signed_in
from radslag.core.schedule import outside_dates
from radslag.initiatives import budget
from radslag.initiatives.forms import BudgetRoundForm
from radslag.initiatives.models import Approval, BudgetRound


def _may_manage(request: HttpRequest) -> bool:
    return permissions.can(request.user, Action.MANAGE_INITIATIVES)


def budget_round(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(BudgetRound, pk=pk)
    closed = round_.status == BudgetRound.Status.CLOSED
    past_closing = None if closed else outside_dates(None, round_.closes_on)
    insider = _may_manage(request) or permissions.is_council_member(request.user)
    voting_for = []
    if not closed and not past_closing:
        for municipality in permissions.municipalities_for(
            request.user, MunicipalAction.APPROVE_INITIATIVES
        ).order_by("name"):
            approved = set(
                Approval.objects.filter(round=round_, municipality=municipality).values_list(
                    "initiative_id", flat=True
                )
            )
            voting_for.append((municipality, approved))
    chosen_code = request.GET.get("kommun")
    if chosen_code:
        voting_for = [entry for entry in voting_for if entry[0].code == chosen_code] or voting_for
    context = {
        "round": round_,
        "initiatives": round_.initiatives.order_by("title"),
        "portfolio": budget.portfolio(round_) if closed or insider else None,
        "preview": not closed,
        "voting_for": voting_for[:1],
        "other_municipalities": voting_for[1:] if not chosen_code else [],
        "approvals": round_.approvals.count(),
        "municipalities": round_.approvals.values("municipality").distinct().count(),
        "may_manage": _may_manage(request),
        "past_closing": past_closing,
    }
    return render(request, "initiatives/budget.html", context)


@signed_in
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(BudgetRound, pk=pk)
    code = request.POST.get("municipality", "")
    permissions.require(
        permissions.may_act_for(request.user, MunicipalAction.APPROVE_INITIATIVES, code)
    )
    try:
        count = budget.approve(request.user, round_, code, request.POST.getlist("initiatives"))
    except budget.BudgetRefusedError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("Kommunens godkännanden är sparade: %(count)s initiativ.") % {"count": count}
        )
    return redirect("initiatives:budget", pk=pk)


@signed_in
@require_POST
def close_round(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(_may_manage(request))
    round_ = get_object_or_404(BudgetRound, pk=pk)
    budget.close(round_)
    messages.success(request, _("Budgetomgången är stängd; portföljen är fastställd."))
    return redirect(round_)


@signed_in
def create_round(request: HttpRequest) -> HttpResponse:
    permissions.require(_may_manage(request))
    form = BudgetRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = form.save()
        messages.success(request, _("Budgetomgången är öppnad."))
        return redirect(created)
    status = 400 if form.errors else 200
    return render(request, "initiatives/budget_form.html", {"form": form}, status=status)
