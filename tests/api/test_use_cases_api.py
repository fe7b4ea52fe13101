"""The open API's use-case and statistics endpoints under /api/v1/."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db


def make(**fields: object) -> UseCase:
    values: dict[str, object] = {
        "title": "Fall",
        "summary": "Kort.",
        "organisation_id": "0180",
        "status": "publicerad",
    }
    values.update(fields)
    return UseCase.objects.create(**values)


def test_it_lists_only_published_use_cases(client: Client) -> None:
    make(title="Publicerat")
    make(title="Utkast", status="utkast")

    titles = {
        c["title"] for c in client.get("/api/v1/anvandningsfall/?limit=500").json()["results"]
    }

    assert "Publicerat" in titles
    assert "Utkast" not in titles


def test_it_filters_by_area_and_municipality(client: Client) -> None:
    make(title="Äldre i Kil", area="aldreomsorg", organisation_id="1715")
    make(title="Skola i Kil", area="skola", organisation_id="1715")

    body = client.get("/api/v1/anvandningsfall/?area=aldreomsorg&municipality=1715").json()

    assert [c["title"] for c in body["results"]] == ["Äldre i Kil"]


def test_it_gives_one_case_with_every_published_field(client: Client) -> None:
    case = make(title="Taligenkänning", legal_basis="SoL")

    body = client.get(f"/api/v1/anvandningsfall/{case.pk}/").json()

    assert body["title"] == "Taligenkänning"
    assert body["record"]["legal_basis"] == "SoL"


def test_it_answers_404_for_a_draft_or_an_unknown_id(client: Client) -> None:
    draft = make(status="utkast")

    assert client.get(f"/api/v1/anvandningsfall/{draft.pk}/").status_code == 404
    assert client.get("/api/v1/anvandningsfall/999999999/").status_code == 404


def test_it_answers_400_naming_an_unknown_area(client: Client) -> None:
    response = client.get("/api/v1/anvandningsfall/?area=rymden")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("area:")


def test_it_gives_statistics_of_the_register(client: Client) -> None:
    make(stage="i-drift", effect_evaluated=True, area="skola")

    body = client.get("/api/v1/statistik/").json()

    assert body["total"] == UseCase.objects.published().count()
    assert body["evaluated"] >= 1
