"""The front page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from radslag.municipalities.models import KeyFigure, Municipality


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "municipality_count": Municipality.objects.count(),
        "figure_count": KeyFigure.objects.count(),
    }
    return render(request, "home.html", context)
