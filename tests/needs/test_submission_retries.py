"""A submission posted again with the same idempotency key (a retry after a lost answer, a
double click) is answered as the first time and stored once, by the form and by the API."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from radslag.accounts import tokens
from radslag.needs.models import Need, Support
from tests.needs.conftest import ELDERLY_CARE_TEXT, WATER_TEXT, MakeNeed
from tests.people import convener, representative

pytestmark = pytest.mark.django_db

KEY = "retry-key-0123456789abcdef"


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(convener("sammankallande"))
    return client


def form_data(**changes: object) -> dict[str, object]:
    return {
        "kind": "behov",
        "title": "Läckor i VA-nätet",
        "text": WATER_TEXT,
        "area": "teknik",
        "municipality": "0180",
        "supporters": ["1480"],
        "idempotency_key": KEY,
    } | changes


def test_the_form_carries_a_new_key_each_time_it_is_shown(staff: Client) -> None:
    keys = [
        re.findall(
            r'name="idempotency_key" value="([^"]+)"', staff.get("/behov/nytt/").content.decode()
        )
        for _ in range(2)
    ]
    assert len(keys[0]) == 1
    assert keys[0] != keys[1]


def test_the_same_form_posted_twice_stores_one_need_and_answers_alike(staff: Client) -> None:
    first = staff.post("/behov/nytt/", form_data())
    second = staff.post("/behov/nytt/", form_data())
    need = Need.objects.get()
    assert first["Location"] == second["Location"] == f"/behov/{need.pk}/"
    assert Support.objects.filter(need=need).count() == 2


def test_a_retry_is_not_offered_its_own_first_attempt_as_a_near_duplicate(staff: Client) -> None:
    staff.post("/behov/nytt/", form_data(text=ELDERLY_CARE_TEXT, area="aldreomsorg"))
    again = staff.post("/behov/nytt/", form_data(text=ELDERLY_CARE_TEXT, area="aldreomsorg"))
    assert again.status_code == 302
    assert Need.objects.count() == 1


def test_a_retried_merge_is_answered_with_the_merged_need(
    staff: Client, make_need: MakeNeed
) -> None:
    target = make_need("1280")
    data = form_data(text=ELDERLY_CARE_TEXT, decision="sla-ihop", merge_with=target.pk)
    first = staff.post("/behov/nytt/", data)
    second = staff.post("/behov/nytt/", data)
    assert first["Location"] == second["Location"] == f"/behov/{target.pk}/"
    assert Need.objects.filter(merged_into=target).count() == 1


def test_another_person_with_the_same_key_submits_their_own(staff: Client) -> None:
    staff.post("/behov/nytt/", form_data())
    other = Client()
    other.force_login(representative("1480", username="annan"))
    other.post("/behov/nytt/", form_data(municipality="1480", supporters=[], decision="ny"))
    assert Need.objects.count() == 2


def test_a_form_without_a_usable_key_still_submits(staff: Client) -> None:
    staff.post("/behov/nytt/", form_data(idempotency_key="kort"))
    staff.post("/behov/nytt/", form_data(idempotency_key="", decision="ny"))
    assert Need.objects.count() == 2


def _api_post(key: str, body: dict[str, Any], idempotency_key: str | None) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    if idempotency_key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = idempotency_key
    return Client().post(
        "/api/v1/behov/", data=json.dumps(body), content_type="application/json", **headers
    )


def _body() -> dict[str, Any]:
    return {
        "kind": "behov",
        "title": "Läckor i VA-nätet",
        "text": WATER_TEXT,
        "area": "teknik",
        "municipality": "0180",
    }


def test_an_api_retry_with_the_same_key_returns_the_first_submission() -> None:
    key = tokens.create(representative("0180"), "test")[1]
    first = _api_post(key, _body(), KEY)
    second = _api_post(key, _body() | {"title": "Ändrat i försöket"}, KEY)
    assert first.status_code == second.status_code == 201
    assert second.json()["id"] == first.json()["id"]
    assert second["Idempotent-Replayed"] == "true"
    assert not first.has_header("Idempotent-Replayed")
    assert Need.objects.get().title == "Läckor i VA-nätet"


def test_api_requests_without_a_key_are_each_stored() -> None:
    key = tokens.create(representative("0180"), "test")[1]
    _api_post(key, _body(), None)
    _api_post(key, _body(), None)
    assert Need.objects.count() == 2


def test_an_unusable_idempotency_key_is_refused_with_a_message() -> None:
    key = tokens.create(representative("0180"), "test")[1]
    answer = _api_post(key, _body(), "kort")
    assert answer.status_code == 400
    assert "Idempotency-Key" in answer.json()["detail"]
    assert Need.objects.count() == 0


def test_the_openapi_document_describes_the_key() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/behov/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in operation["parameters"])
