"""Registering and editing a use case: staff only, with errors next to each field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def valid(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Tal till text i hemtjänsten",
        "summary": "Personalen dikterar journalanteckningar.",
        "organisation": "2062",
        "stage": "pilot",
        "country": "SE",
        "status": "publicerad",
    }
    data.update(changes)
    return data


def error_of(page: str, field: str) -> str:
    """The error shown next to a field, which the field points to with aria-describedby."""
    control = re.search(rf'<(?:input|select|textarea)[^>]*id="id_{field}"[^>]*>', page)
    assert control, f"no control for {field}"
    assert f"id_{field}_error" in control.group(0)
    assert 'aria-invalid="true"' in control.group(0)
    error = re.search(rf'<ul class="errorlist" id="id_{field}_error"><li>(.*?)</li>', page)
    assert error, f"no error next to {field}"
    return error.group(1)


def test_it_sends_visitors_who_are_not_staff_to_log_in(client: Client) -> None:
    response = client.get("/anvandningsfall/ny/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")
    assert client.post("/anvandningsfall/ny/", valid()).status_code == 302
    assert not UseCase.objects.filter(title=valid()["title"]).exists()


def test_staff_register_a_case_with_its_ai_act_answers(admin_client: Client) -> None:
    response = admin_client.post(
        "/anvandningsfall/ny/",
        valid(aiact_interagerar="on", participants=["2021", "2023"], benefits=["insyn"]),
    )

    case = UseCase.objects.get(title="Tal till text i hemtjänsten")
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    assert case.risk_class == "transparens"
    assert case.aiact_answers["interagerar"] is True
    assert case.aiact_answers["rekrytering"] is False
    assert sorted(m.code for m in case.participants.all()) == ["2021", "2023"]
    assert case.benefits == ["insyn"]
    assert case.created_by is not None


def test_a_case_whose_questions_are_not_answered_stays_unassessed(admin_client: Client) -> None:
    admin_client.post("/anvandningsfall/ny/", valid())

    case = UseCase.objects.get(title="Tal till text i hemtjänsten")
    assert (case.risk_class, case.aiact_answers) == ("", {})


def test_assessing_with_no_answer_yes_gives_minimal_risk(admin_client: Client) -> None:
    admin_client.post("/anvandningsfall/ny/", valid(aiact_assessed="on"))

    assert UseCase.objects.get(title="Tal till text i hemtjänsten").risk_class == "minimal"


def test_it_rejects_an_end_date_before_the_start_date(admin_client: Client) -> None:
    page = admin_client.post(
        "/anvandningsfall/ny/", valid(start_date="2024-05-01", end_date="2024-04-30")
    ).content.decode()

    assert error_of(page, "end_date") == "Slutdatumet kan inte ligga före startdatumet."
    assert not UseCase.objects.filter(title=valid()["title"]).exists()


def test_it_rejects_a_case_in_production_without_a_start_date(admin_client: Client) -> None:
    page = admin_client.post("/anvandningsfall/ny/", valid(stage="i-drift")).content.decode()

    assert error_of(page, "start_date") == "Ett användningsfall i drift behöver ett startdatum."


def test_it_rejects_a_personal_name_without_recorded_consent(admin_client: Client) -> None:
    page = admin_client.post(
        "/anvandningsfall/ny/", valid(contact_name="Anna Andersson")
    ).content.decode()

    assert error_of(page, "contact_name").startswith("Ett namn publiceras bara om personen")


def test_it_accepts_a_personal_name_with_consent(admin_client: Client) -> None:
    admin_client.post(
        "/anvandningsfall/ny/", valid(contact_name="Anna Andersson", contact_name_consent="on")
    )

    assert UseCase.objects.get(title=valid()["title"]).public_contact_name == "Anna Andersson"


def test_it_rejects_a_summary_longer_than_300_characters(admin_client: Client) -> None:
    page = admin_client.post("/anvandningsfall/ny/", valid(summary="x" * 301)).content.decode()

    assert "300" in error_of(page, "summary")


def test_it_needs_a_municipality_or_an_organisation(admin_client: Client) -> None:
    page = admin_client.post("/anvandningsfall/ny/", valid(organisation="")).content.decode()

    assert error_of(page, "organisation") == "Ange kommunen eller organisationens namn."


def test_the_errors_are_summarised_with_links_to_the_fields(admin_client: Client) -> None:
    page = admin_client.post(
        "/anvandningsfall/ny/", valid(stage="i-drift", title="")
    ).content.decode()

    assert 'class="error-summary" role="alert"' in page
    assert 'href="#id_title"' in page
    assert 'href="#id_start_date"' in page


def test_every_field_of_the_form_has_a_label(admin_client: Client) -> None:
    page = admin_client.get("/anvandningsfall/ny/").content.decode()

    ids = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"', page)
    assert len(ids) > 40
    for control_id in ids:
        assert f'for="{control_id}"' in page, control_id


def test_staff_edit_a_case_and_its_class_follows_the_answers(
    admin_client: Client, make_case: MakeCase
) -> None:
    case = make_case(title="Chatbot", risk_class="transparens", aiact_answers={"interagerar": True})
    form = admin_client.get(f"/anvandningsfall/{case.pk}/andra/").content.decode()
    assert re.search(r'<input[^>]*name="aiact_interagerar"[^>]*checked', form)
    assert not re.search(r'<input[^>]*name="aiact_rekrytering"[^>]*checked', form)

    admin_client.post(
        f"/anvandningsfall/{case.pk}/andra/",
        valid(title="Chatbot", aiact_interagerar="on", aiact_offentliga_formaner="on"),
    )

    case.refresh_from_db()
    assert case.risk_class == "hog"
