"""Registering and editing a use case: a representative for their municipalities, a convener
for anyone."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from radslag.accounts import permissions
from radslag.accounts.permissions import MunicipalAction, signed_in
from radslag.core.versions import StaleVersionError, claim_version, show_current_version
from radslag.register.forms import UseCaseForm
from radslag.register.models import UseCase


@signed_in
def use_case_create(request: HttpRequest) -> HttpResponse:
    organisations = permissions.municipalities_for(request.user, MunicipalAction.REGISTER_CASE)
    permissions.require(organisations.exists())
    form = UseCaseForm(
        request.POST or None,
        organisations=organisations,
        any_organisation=permissions.is_convener(request.user),
    )
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        case.created_by = request.user  # type: ignore[assignment]
        case.save()
        form.save_m2m()
        return redirect(case)
    return render(request, "register/form.html", {"form": form, "case": None})


@signed_in
def use_case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(UseCase, pk=pk)
    permissions.require(permissions.can_edit(request.user, case))
    form = UseCaseForm(
        request.POST or None,
        instance=case,
        organisations=permissions.municipalities_for(request.user, MunicipalAction.REGISTER_CASE),
        any_organisation=permissions.is_convener(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                claim_version(case, form.cleaned_data["version"])
                return redirect(form.save())
        except StaleVersionError as stale:
            # The person's input stays in the form; saving again overwrites deliberately.
            show_current_version(form, stale.current)
            form.add_error(
                None,
                _(
                    "Någon annan har ändrat användningsfallet sedan du öppnade det. Dina "
                    "ändringar är inte sparade men står kvar nedan. Jämför med användningsfallets "
                    "sida och spara igen om dina ändringar ska gälla."
                ),
            )
    return render(request, "register/form.html", {"form": form, "case": case})
