"""Registering and editing a use case; for staff until editing rights per municipality exist."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from radslag.accounts.permissions import staff_required
from radslag.register.forms import UseCaseForm
from radslag.register.models import UseCase


@staff_required
def use_case_create(request: HttpRequest) -> HttpResponse:
    form = UseCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        case.created_by = request.user  # type: ignore[assignment]
        case.save()
        form.save_m2m()
        return redirect(case)
    return render(request, "register/form.html", {"form": form, "case": None})


@staff_required
def use_case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(UseCase, pk=pk)
    form = UseCaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        return redirect(form.save())
    return render(request, "register/form.html", {"form": form, "case": case})
