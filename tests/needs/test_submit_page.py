"""Submitting a need: the form, errors by the field, and the near-duplicate offer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from radslag.needs.models import Need
from tests.needs.conftest import (
    ELDERLY_CARE_PARAPHRASE,
    ELDERLY_CARE_TEXT,
    WATER_TEXT,
    MakeNeed,
    support_codes,
)
from tests.people import convener

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client: Client, django_user_model: Any) -> Client:
    client.force_login(convener("sammankallande"))
    return client


def form_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "behov",
        "title": "Taligenkänning i hemtjänsten",
        "text": ELDERLY_CARE_TEXT,
        "area": "aldreomsorg",
        "municipality": "0180",
        "supporters": ["1480"],
    }
    data.update(changes)
    return data


def test_it_sends_someone_who_is_not_signed_in_to_the_login(client: Client) -> None:
    response = client.get("/behov/nytt/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_it_stores_a_need_with_its_submitter_and_cosigners(staff: Client) -> None:
    response = staff.post("/behov/nytt/", form_data())
    need = Need.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/behov/{need.pk}/"
    assert support_codes(need) == ["0180", "1480"]


def test_it_shows_errors_next_to_the_fields_and_stores_nothing(staff: Client) -> None:
    response = staff.post("/behov/nytt/", form_data(title=" ", text="För kort", area="rymden"))
    content = response.content.decode()
    assert response.status_code == 200
    assert Need.objects.count() == 0
    assert "Skriv en rubrik." in content
    assert "minst 20 tecken" in content
    assert 'class="field has-error"' in content


def test_it_offers_a_near_duplicate_before_storing(staff: Client, make_need: MakeNeed) -> None:
    existing = make_need("1280")
    response = staff.post(
        "/behov/nytt/", form_data(text=ELDERLY_CARE_PARAPHRASE, title="Tal till text i hemtjänsten")
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Det finns redan liknande inlägg" in content
    assert f'value="{existing.pk}"' in content
    assert Need.objects.count() == 1


def test_a_text_unlike_any_other_is_stored_without_asking(
    staff: Client, make_need: MakeNeed
) -> None:
    make_need("1280")
    response = staff.post(
        "/behov/nytt/", form_data(title="Läckor i VA-nätet", text=WATER_TEXT, area="teknik")
    )
    assert response.status_code == 302
    assert Need.objects.count() == 2


def test_choosing_to_merge_keeps_the_text_and_adds_the_support(
    staff: Client, make_need: MakeNeed
) -> None:
    existing = make_need("1280", supporters=["1480"])
    response = staff.post(
        "/behov/nytt/",
        form_data(text=ELDERLY_CARE_PARAPHRASE, decision="sla-ihop", merge_with=existing.pk),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/behov/{existing.pk}/"
    new = Need.objects.exclude(pk=existing.pk).get()
    assert new.merged_into == existing
    assert new.text == ELDERLY_CARE_PARAPHRASE
    assert support_codes(existing) == ["0180", "1280", "1480"]


def test_choosing_to_submit_anyway_stores_a_separate_need(
    staff: Client, make_need: MakeNeed
) -> None:
    make_need("1280")
    response = staff.post("/behov/nytt/", form_data(text=ELDERLY_CARE_PARAPHRASE, decision="ny"))
    assert response.status_code == 302
    assert Need.objects.open().count() == 2


def test_the_offers_buttons_merge_without_javascript(staff: Client, make_need: MakeNeed) -> None:
    existing = make_need("1280")
    offer = staff.post("/behov/nytt/", form_data(text=ELDERLY_CARE_PARAPHRASE))
    assert f'name="merge_with" value="{existing.pk}"' in offer.content.decode()
    assert "onclick" not in offer.content.decode()

    # A browser without JavaScript sends the hidden, empty decision and the pressed button.
    response = staff.post(
        "/behov/nytt/", form_data(text=ELDERLY_CARE_PARAPHRASE, merge_with=existing.pk)
    )

    assert response.status_code == 302
    assert response["Location"] == f"/behov/{existing.pk}/"
    assert support_codes(existing) == ["0180", "1280", "1480"]


def test_the_offers_button_submits_as_new_without_javascript(
    staff: Client, make_need: MakeNeed
) -> None:
    make_need("1280")
    offer = staff.post("/behov/nytt/", form_data(text=ELDERLY_CARE_PARAPHRASE))
    assert 'name="decision" value="ny"' in offer.content.decode()

    response = staff.post(
        "/behov/nytt/", form_data(text=ELDERLY_CARE_PARAPHRASE, decision=["", "ny"])
    )

    assert response.status_code == 302
    assert Need.objects.open().count() == 2


def test_the_live_check_lists_similar_needs_while_typing(
    client: Client, make_need: MakeNeed
) -> None:
    existing = make_need("1280")
    response = client.post("/behov/liknande/", {"title": "", "text": ELDERLY_CARE_PARAPHRASE})
    assert existing.title in response.content.decode()
    assert client.post("/behov/liknande/", {"text": WATER_TEXT}).content.decode().strip() == ""
