"""Initiatives: a convener creates and follows them; representatives declare their
municipality's interest; bad input is refused next to its field."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from radslag.initiatives.leads import lead_candidates
from radslag.initiatives.models import Initiative, Milestone, Participation
from radslag.register.models import UseCase
from tests.people import convener, representative

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Gemensam tolktjänst",
    "type": "gemensam-upphandling",
    "description": "Tolkning på distans för socialtjänsten.",
    "areas": ["ifo"],
    "cost_low": "1000000",
    "cost_high": "2000000",
    "ai_act_class": "transparens",
    "status": "foreslagen",
    "starts_on": "2027-01-01",
}


@pytest.fixture
def chief() -> Client:
    client = Client()
    client.force_login(convener())
    return client


def test_a_convener_creates_an_initiative_that_the_public_can_read(chief: Client) -> None:
    answer = chief.post("/initiativ/nytt/", FORM)

    initiative = Initiative.objects.get()
    assert answer["Location"] == f"/initiativ/{initiative.pk}/"
    page = Client().get(f"/initiativ/{initiative.pk}/").content.decode()
    assert "Gemensam tolktjänst" in page
    assert "Individ- och familjeomsorg" in page
    assert "1\u00a0000\u00a0000\u00a0kr–2\u00a0000\u00a0000\u00a0kr" in page


def test_a_reversed_cost_range_is_refused_next_to_the_field(chief: Client) -> None:
    answer = chief.post("/initiativ/nytt/", {**FORM, "cost_low": "3000000"})

    page = answer.content.decode()
    assert answer.status_code == 400
    assert "Högsta kostnaden (2 000 000 kr) är lägre än den lägsta (3 000 000 kr)." in page
    assert 'id="id_cost_high_error"' in page or "has-error" in page
    assert not Initiative.objects.exists()


def test_a_milestone_before_the_initiatives_start_is_refused(chief: Client) -> None:
    chief.post("/initiativ/nytt/", FORM)
    initiative = Initiative.objects.get()

    early = chief.post(
        f"/initiativ/{initiative.pk}/delmal/", {"title": "Förstudie", "due_on": "2026-06-01"}
    )
    on_time = chief.post(
        f"/initiativ/{initiative.pk}/delmal/", {"title": "Förstudie", "due_on": "2027-06-01"}
    )

    assert early.status_code == 400
    assert (
        "Ett delmål kan inte ligga före initiativets start (2027-01-01)." in early.content.decode()
    )
    assert on_time.status_code == 302
    assert list(Milestone.objects.values_list("due_on", flat=True)) == [datetime.date(2027, 6, 1)]


def test_a_representative_declares_interest_for_their_own_municipality_only(
    chief: Client,
) -> None:
    chief.post("/initiativ/nytt/", FORM)
    initiative = Initiative.objects.get()
    kil = Client()
    kil.force_login(representative("1715", "kil"))

    page = kil.get(f"/initiativ/{initiative.pk}/").content.decode()
    joined = kil.post(f"/initiativ/{initiative.pk}/intresse/", {"municipality": "1715"})
    again = kil.post(f"/initiativ/{initiative.pk}/intresse/", {"municipality": "1715"}, follow=True)
    forged = kil.post(f"/initiativ/{initiative.pk}/intresse/", {"municipality": "2062"})

    assert "Anmäl intresse" in page
    assert joined.status_code == 302
    assert "Kommunen är redan med i initiativet." in again.content.decode()
    assert forged.status_code == 403
    assert list(Participation.objects.values_list("municipality_id", "role")) == [
        ("1715", "intresserad")
    ]


def test_lead_candidates_are_municipalities_with_a_case_in_production_in_the_area() -> None:
    initiative = Initiative.objects.create(
        title="Tolk", type="natverk", description="x", areas=["ifo"], cost_low=1, cost_high=2
    )
    for code, stage, area in (
        ("1715", "i-drift", "ifo"),
        ("1715", "i-drift", "ifo"),
        ("2062", "i-drift", "ifo"),
        ("0180", "pilot", "ifo"),
        ("1480", "i-drift", "skola"),
    ):
        UseCase.objects.create(
            title=f"Fall {code} {stage} {area}",
            organisation_id=code,
            stage=stage,
            area=area,
            status="publicerad",
        )

    found = [(c.municipality.code, len(c.cases)) for c in lead_candidates(initiative)]

    assert found == [("1715", 2), ("2062", 1)]
