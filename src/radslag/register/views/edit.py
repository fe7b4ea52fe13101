"""Registering and editing a use case: a representative for their municipalities, a convener
for anyone."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from radslag.accounts import permissions
from radslag.accounts.permissions import MunicipalAction, signed_in
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
        return redirect(form.save())
    return render(request, "register/form.html", {"form": form, "case": case})
