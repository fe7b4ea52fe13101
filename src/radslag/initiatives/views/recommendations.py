"""The council's national recommendations, each with its chain of evidence."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from radslag.initiatives.recommendations import national


def national_recommendations(request: HttpRequest) -> HttpResponse:
    return render(request, "initiatives/recommendations.html", {"recommendations": national()})
