"""One use case, grouped like a transparency record, with its AI Act class and similar cases."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from radslag.register.choices import Benefit
from radslag.register.models import UseCase
from radslag.register.pstw import ATTRIBUTION, CATALOGUE_URL
from radslag.register.similar import similar_to_case

SIMILAR_COUNT = 5


def use_case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = UseCase.objects.visible_to(request.user)
    case = get_object_or_404(
        visible.select_related("organisation__county").prefetch_related("participants"), pk=pk
    )
    classification = case.classification()
    benefit_labels = dict(Benefit.choices)
    similar = similar_to_case(
        case, visible=set(visible.values_list("pk", flat=True)), limit=SIMILAR_COUNT
    )
    context = {
        "case": case,
        "classification": classification,
        "today": timezone.localdate(),
        "benefits": [benefit_labels.get(key, key) for key in case.benefits],
        "similar": similar,
        "attribution": ATTRIBUTION,
        "catalogue_url": CATALOGUE_URL,
    }
    return render(request, "register/detail.html", context)
