"""The value model's assumptions: every area's cost basis and shares, the calibration, what
the national total comes to, and earlier versions; a convener saves a new version."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.forms import formset_factory
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, signed_in
from radslag.initiatives.forms import AreaAssumptionForm, AssumptionSetForm
from radslag.initiatives.models import AreaAssumption, AssumptionSet
from radslag.initiatives.value import (
    SEK_PER_BILLION,
    area_label,
    compute_national_value,
    national_value,
)


def assumptions_page(request: HttpRequest, version: int | None = None) -> HttpResponse:
    chosen = (
        get_object_or_404(AssumptionSet, version=version)
        if version
        else AssumptionSet.objects.current()
    )
    value = national_value(chosen) if chosen else None
    rows = []
    if value is not None and chosen is not None:
        for assumption in chosen.areas.all():
            low, central, high = value.total(None, [assumption.area])
            rows.append(
                {
                    "assumption": assumption,
                    "label": area_label(assumption.area),
                    "calibrated_effect": [
                        float(share) * value.estimate.factor
                        for share in (
                            assumption.effect_low,
                            assumption.effect_central,
                            assumption.effect_high,
                        )
                    ],
                    "billions": (
                        low / SEK_PER_BILLION,
                        central / SEK_PER_BILLION,
                        high / SEK_PER_BILLION,
                    ),
                }
            )
    totals = value.estimate.total() if value else None
    context = {
        "assumptions": chosen,
        "value": value,
        "rows": rows,
        "totals_billions": [t / SEK_PER_BILLION for t in totals] if totals else None,
        "net_cost_billions": value.net_cost_total / SEK_PER_BILLION if value else None,
        "versions": AssumptionSet.objects.all(),
        "may_manage": permissions.can(request.user, Action.MANAGE_INITIATIVES),
    }
    return render(request, "initiatives/assumptions.html", context)


AreaFormSet = formset_factory(AreaAssumptionForm, extra=0)


@signed_in
def edit_assumptions(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.can(request.user, Action.MANAGE_INITIATIVES))
    current = AssumptionSet.objects.current()
    areas = list(current.areas.all()) if current else []
    initial = [
        {field: getattr(area, field) for field in AreaAssumptionForm.Meta.fields} for area in areas
    ]
    form = AssumptionSetForm(
        request.POST or None,
        initial={"target_percent": current.target_percent if current else 6},
    )
    formset = AreaFormSet(request.POST or None, initial=initial, prefix="area")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            version = _save_version(request, form, formset, areas)
        except ValueError as refused:
            form.add_error(
                "target_percent",
                _("Målet går inte att nå med de här antagandena: %(why)s") % {"why": refused},
            )
        else:
            messages.success(
                request, _("Antagandena är sparade som version %(version)s.") % {"version": version}
            )
            return redirect("initiatives:assumptions")
    context = {
        "form": form,
        "formset": formset,
        "rows": [
            (area_label(area.area), row) for area, row in zip(areas, formset.forms, strict=False)
        ],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/assumptions_form.html", context, status=status)


def _save_version(
    request: HttpRequest, form: AssumptionSetForm, formset: Any, areas: list[AreaAssumption]
) -> int:
    """Store the new version, all or nothing: assumptions that cannot be calibrated raise
    ValueError and leave nothing behind."""
    with transaction.atomic():
        version = (AssumptionSet.objects.aggregate(v=Max("version"))["v"] or 0) + 1
        created = AssumptionSet.objects.create(
            version=version,
            note=form.cleaned_data["note"],
            target_percent=form.cleaned_data["target_percent"],
            created_by=request.user,  # type: ignore[misc]
        )
        AreaAssumption.objects.bulk_create(
            AreaAssumption(
                assumptions=created,
                area=area.area,
                kpis=area.kpis,
                kpis_less=area.kpis_less,
                **row.cleaned_data,
            )
            for area, row in zip(areas, formset.forms, strict=True)
        )
        compute_national_value(created)
    return version
