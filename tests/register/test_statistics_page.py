"""The statistics page at /anvandningsfall/statistik/."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from radslag.register.models import UseCase
from radslag.register.statistics import statistics_of
from tests.html import contains

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def test_it_counts_cases_per_area_and_stage(client: Client) -> None:
    response = client.get("/anvandningsfall/statistik/")
    stats = response.context["stats"]

    assert response.status_code == 200
    assert stats.total == UseCase.objects.count()
    assert sum(row.total for row in stats.areas) == stats.total
    assert sum(stats.stage_totals) == stats.total
    school = next(row for row in stats.areas if row.key == "skola")
    assert school.total == UseCase.objects.filter(area="skola").count()


def test_it_shows_how_few_cases_are_evaluated_and_how_many_are_high_risk(
    make_case: MakeCase,
) -> None:
    make_case(stage="i-drift", start_date=date(2024, 1, 1), effect_evaluated=True)
    make_case(risk_class="hog", aiact_answers={"rekrytering": True})
    make_case(risk_class="minimal", aiact_answers={"rekrytering": False})

    stats = statistics_of(UseCase.objects.all())

    assert stats.evaluated.count == 1
    assert stats.evaluated_in_production.count == 1
    assert (stats.high_risk.count, stats.high_risk.total) == (1, 2)
    assert stats.high_risk.percent == 50


def test_the_map_counts_municipalities_with_cases_in_production(
    client: Client, make_case: MakeCase
) -> None:
    make_case(
        organisation_id="2062",
        participants=["2021"],
        stage="i-drift",
        start_date=date(2023, 1, 1),
    )

    response = client.get("/anvandningsfall/statistik/")
    per_municipality = response.context["stats"].in_production_by_municipality
    page = response.content.decode()

    assert per_municipality["2062"] == 1
    assert per_municipality["2021"] == 1
    assert '<svg viewBox="' in page
    assert "Kartan som tabell" in page
    assert contains(page, '<th scope="row"><a href="/kommuner/2062/">Mora</a></th>')


def test_it_can_show_swedish_cases_only(client: Client) -> None:
    response = client.get("/anvandningsfall/statistik/?origin=sverige")

    assert response.context["stats"].total == 45
