"""Answering the self-assessment at /mognad/kommuner/<code>/<year>/."""

from __future__ import annotations

import dataclasses
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from radslag.maturity import models
from radslag.maturity.definitions import CURRENT
from radslag.maturity.loading import load_definition
from radslag.maturity.models import Answer, Assessment
from tests.html import contains
from tests.maturity.conftest import Assess, text

pytestmark = pytest.mark.django_db

KEYS = ["strategi", "styrning", "data", "teknik", "kompetens", "samverkan", "anvandning"]
YEAR = timezone.localdate().year
URL = f"/mognad/kommuner/0114/{YEAR}/"


def answers(action: str, **levels: int) -> dict[str, str]:
    data = {"action": action}
    data |= {f"level_{key}": str(level) for key, level in levels.items()}
    return data


def complete(action: str = "submit") -> dict[str, str]:
    return answers(action, **dict.fromkeys(KEYS, 3))


def test_it_requires_a_logged_in_staff_user(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")

    client.force_login(User.objects.create_user("medarbetare"))

    assert client.get(URL).status_code == 403


def test_it_shows_a_radio_group_per_dimension_with_the_five_descriptors(
    admin_client: Client,
) -> None:
    page = text(admin_client.get(URL))

    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert page.count("<fieldset") == 7
    assert page.count("<legend>") == 7
    assert page.count('type="radio"') == 35
    assert contains(page, "<legend>1 av 7: Strategi och ledning</legend>")
    assert '<label for="strategi-3"><strong>Nivå 3 · Etablerad.</strong> Kommunstyrelsen' in page
    assert page.count("<textarea") == 7
    assert 'name="action" value="draft"' in page
    assert 'name="action" value="submit"' in page


def test_it_saves_a_draft_with_dimensions_unanswered(admin_client: Client) -> None:
    response = admin_client.post(URL, answers("draft", strategi=2) | {"comment_data": "Snart."})

    assert response.status_code == 302
    assessment = Assessment.objects.get(municipality_id="0114", year=YEAR)
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.model.version == CURRENT.version
    stored = {a.dimension.key: (a.level, a.comment) for a in assessment.answers.all()}
    assert stored["strategi"] == (2, "")
    assert stored["data"] == (None, "Snart.")
    page = text(admin_client.get(URL))
    assert 'id="strategi-2" value="2" checked' in page
    assert "Utkastet är sparat." in page


def test_it_refuses_a_submission_with_unanswered_dimensions(admin_client: Client) -> None:
    response = admin_client.post(URL, answers("submit", strategi=3, styrning=2, data=2))
    page = text(response)

    assert response.status_code == 200
    assert not Assessment.objects.filter(municipality_id="0114").exists()
    assert "Självskattningen kunde inte skickas in" in page
    assert "4 dimensioner är obesvarade:" in page
    assert contains(
        page, '<a href="#dimension-teknik">Välj en nivå för Teknik och infrastruktur.</a>'
    )
    assert "Välj en nivå för Data." not in page
    # Each error sits in its fieldset and is tied to it.
    assert (
        '<fieldset id="dimension-kompetens" class="maturity-dimension maturity-has-error" '
        'aria-describedby="fel-kompetens">'
    ) in page
    assert '<p class="maturity-error" id="fel-kompetens">' in page
    assert 'id="strategi-3" value="3" checked' in page


def test_it_submits_when_every_dimension_is_answered(admin_client: Client) -> None:
    response = admin_client.post(URL, complete())

    assert response.status_code == 302
    assert response["Location"] == "/mognad/kommuner/0114/"
    assessment = Assessment.objects.get(municipality_id="0114", year=YEAR)
    assert assessment.is_submitted
    assert assessment.submitted_by is not None
    assert assessment.submitted_by.is_superuser
    assert assessment.submitted_at is not None
    assert not assessment.is_example
    assert Answer.objects.filter(assessment=assessment, level=3).count() == 7
    page = text(admin_client.get(response["Location"]))
    assert f"Självskattningen för {YEAR} är inskickad." in page


def test_a_draft_can_be_submitted_later(admin_client: Client) -> None:
    admin_client.post(URL, answers("draft", strategi=2))

    admin_client.post(URL, complete())

    assert Assessment.objects.get(municipality_id="0114", year=YEAR).is_submitted


def test_a_submitted_assessment_can_no_longer_be_changed_unless_reopened(
    admin_client: Client,
) -> None:
    admin_client.post(URL, complete())

    page = text(admin_client.get(URL))
    response = admin_client.post(URL, answers("draft", strategi=1))

    assert "Svaren kan bara ändras om en sammankallande öppnar den igen." in page
    assert "<fieldset" not in page
    assert response.status_code == 409
    assert not Answer.objects.filter(level=1).exists()


def test_example_assessments_cannot_be_changed(admin_client: Client, assess: Assess) -> None:
    assess("0114", YEAR, [3, 2, 2, 3, 2, 4, 1], is_example=True)

    response = admin_client.post(URL, complete())

    assert response.status_code == 409
    assert "exempeldata" in text(response)


def test_a_draft_keeps_the_model_version_it_was_given(
    admin_client: Client, assess: Assess, monkeypatch: pytest.MonkeyPatch
) -> None:
    assess("0114", YEAR, [2, None, None, None, None, None, None], submitted=False)
    strategy = dataclasses.replace(
        CURRENT.dimensions[0],
        descriptors=("Ny nivå ett.", "Ny nivå två.", "Ny nivå tre.", "Ny fyra.", "Ny fem."),
    )
    newer = dataclasses.replace(
        CURRENT, version="2099", dimensions=(strategy, *CURRENT.dimensions[1:])
    )
    load_definition(newer)
    monkeypatch.setattr(models, "CURRENT", newer)

    draft = text(admin_client.get(URL))
    fresh = text(admin_client.get(f"/mognad/kommuner/0115/{YEAR}/"))

    assert "Mognadsmodellen version 2025." in draft
    assert "Ny nivå tre." not in draft
    assert "Mognadsmodellen version 2099." in fresh
    assert "Ny nivå tre." in fresh


@pytest.mark.parametrize("year", [2022, YEAR + 1])
def test_it_answers_404_for_years_without_a_self_assessment(
    admin_client: Client, year: int
) -> None:
    assert admin_client.get(f"/mognad/kommuner/0114/{year}/").status_code == 404


def test_it_refuses_overlong_comments_next_to_their_dimension(admin_client: Client) -> None:
    response = admin_client.post(URL, complete("draft") | {"comment_samverkan": "x" * 2001})
    page = text(response)

    assert response.status_code == 200
    assert 'aria-describedby="fel-samverkan"' in page
    assert not Assessment.objects.exists()
