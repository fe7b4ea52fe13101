"""Conveners' pages for a person's data: find the person, download everything held about
them, erase it. Anyone signed in can download their own."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.forms import ErasureConfirmationForm
from radslag.accounts.personal_data import erase, export

SHOWN = 100


def _require_convener(request: HttpRequest) -> None:
    if not permissions.can(request.user, permissions.Action.MANAGE_PERSONAL_DATA):
        raise PermissionDenied


def _download(data: dict[str, object], name: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def people(request: HttpRequest) -> HttpResponse:
    _require_convener(request)
    query = request.GET.get("q", "").strip()
    found = get_user_model().objects.order_by("username")
    if query:
        found = found.filter(
            Q(username__icontains=query)
            | Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    context = {"query": query, "people": found[:SHOWN], "count": found.count(), "shown": SHOWN}
    return render(request, "accounts/people.html", context)


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    _require_convener(request)
    someone = get_object_or_404(get_user_model(), pk=pk)
    form = ErasureConfirmationForm(username=someone.username)
    context = {"person": someone, "data": export(someone), "form": form}
    return render(request, "accounts/person.html", context)


@login_required
def person_export(request: HttpRequest, pk: int) -> HttpResponse:
    _require_convener(request)
    someone = get_object_or_404(get_user_model(), pk=pk)
    return _download(export(someone), f"personuppgifter-{someone.pk}.json")


@login_required
def own_export(request: HttpRequest) -> HttpResponse:
    return _download(export(request.user), "mina-personuppgifter.json")


@require_POST
@login_required
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    _require_convener(request)
    someone = get_object_or_404(get_user_model(), pk=pk)
    if someone.pk == request.user.pk:
        messages.error(
            request, _("Du kan inte radera dina egna uppgifter här; be en annan samordnare.")
        )
        return redirect("accounts:person", pk=pk)
    form = ErasureConfirmationForm(request.POST, username=someone.username)
    if not form.is_valid():
        context = {"person": someone, "data": export(someone), "form": form}
        return render(request, "accounts/person.html", context, status=400)
    done = erase(someone)
    messages.success(
        request,
        _(
            "Personuppgifterna är raderade: %(memberships)d roller, %(invitations)d inbjudningar, "
            "%(logins)d inloggningsposter, %(entries)d poster i granskningsloggen avidentifierade."
        )
        % {
            "memberships": done.memberships,
            "invitations": done.invitations,
            "logins": done.login_records,
            "entries": done.audit_entries,
        },
    )
    return redirect("accounts:person", pk=pk)
