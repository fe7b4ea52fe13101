"""The accessibility statement and the privacy page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from radslag.statements.accessibility import EVALUATION, KNOWN_GAPS, STATUS
from radslag.statements.inventory import inventory


def _operator() -> dict[str, str]:
    operator = settings.RADSLAG_OPERATOR or _("AI Sweden och Sveriges Kommuner och Regioner")
    return {"operator": operator, "contact_email": settings.RADSLAG_CONTACT_EMAIL}


def accessibility(request: HttpRequest) -> HttpResponse:
    context = {**_operator(), "status": STATUS, "gaps": KNOWN_GAPS, "evaluation": EVALUATION}
    return render(request, "statements/accessibility.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "statements/privacy.html", {**_operator(), "items": inventory()})
