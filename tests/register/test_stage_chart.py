"""The statistics page's chart of cases per area and stage shows both, as its title says."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from radslag.charts.palette import STAGES as STAGE_COLOURS
from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def chart_of(page: str) -> str:
    figure = page[page.index('aria-labelledby="area-heading"') :]
    return figure[: figure.index("</figure>")]


def test_the_chart_splits_each_area_by_stage(client: Client, make_case: MakeCase) -> None:
    make_case(title="Schemaläggning i skolan", area="skola", stage="pilot")
    make_case(title="Frågebot för skolval", area="skola", stage="i-drift")
    make_case(title="Prognos för skolval", area="skola", stage="i-drift")

    page = client.get("/anvandningsfall/statistik/").content.decode()
    chart = chart_of(page)

    school = UseCase.objects.filter(area="skola")
    area = UseCase(area="skola").get_area_display()
    for stage, label in (("pilot", "Pilot"), ("i-drift", "I drift")):
        count = school.filter(stage=stage).count()
        assert re.search(
            rf'fill="{STAGE_COLOURS[stage]}"[^>]*><title>{area}, {label}: {count}</title>', chart
        ), (stage, count)


def test_the_chart_has_a_legend_of_the_stages(client: Client) -> None:
    chart = chart_of(client.get("/anvandningsfall/statistik/").content.decode())
    for label in ("Idé", "Förstudie", "Pilot", "I drift", "Avvecklad"):
        assert '<svg class="swatch"' in chart
        assert f"</svg>{label}</li>" in chart
    assert '<title id="chart-anvandningsfall-per-verksamhetsomrade-och-skede-title">' in chart
    assert ">Användningsfall per verksamhetsområde och skede</title>" in chart
