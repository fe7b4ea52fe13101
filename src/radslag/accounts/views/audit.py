"""The audit log for conveners: all of it, filtered, and one object's history."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from radslag.accounts import permissions
from radslag.accounts.audit import AUDITED
from radslag.accounts.models import AuditEntry

PER_PAGE = 50


def _filtered(request: HttpRequest) -> tuple[QuerySet[AuditEntry], dict[str, str], list[str]]:
    entries = AuditEntry.objects.select_related("actor")
    chosen = {
        name: request.GET.get(name, "").strip()
        for name in ("slag", "handelse", "av", "fran", "till")
    }
    problems = []
    if chosen["slag"]:
        entries = entries.filter(object_label=chosen["slag"])
    if chosen["handelse"]:
        entries = entries.filter(action=chosen["handelse"])
    if chosen["av"]:
        entries = entries.filter(actor_name__icontains=chosen["av"])
    for name, lookup in (("fran", "at__date__gte"), ("till", "at__date__lte")):
        if chosen[name]:
            try:
                entries = entries.filter(**{lookup: date.fromisoformat(chosen[name])})
            except ValueError:
                problems.append(name)
    return entries, chosen, problems


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not permissions.can(request.user, permissions.Action.READ_AUDIT_LOG):
        raise PermissionDenied
    entries, chosen, problems = _filtered(request)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "chosen": chosen,
        "problems": problems,
        "labels": sorted(AUDITED),
        "actions": AuditEntry.Action.choices,
    }
    return render(request, "accounts/audit_log.html", context)


@login_required
def object_history(request: HttpRequest, label: str, object_id: str) -> HttpResponse:
    if not permissions.can(request.user, permissions.Action.READ_AUDIT_LOG):
        raise PermissionDenied
    entries = AuditEntry.objects.filter(object_label=label, object_id=object_id)
    return render(
        request,
        "accounts/object_history.html",
        {"entries": entries[:500], "label": label, "object_id": object_id},
    )
