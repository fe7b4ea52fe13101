"""Anonymous visitors are rate limited on costly endpoints, with a clear 429."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from tests.html import contains

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limits(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    settings.THROTTLE_RATES = {"similar": (2, 60), "short_search": (3, 60), "download": (2, 60)}
    # Mid-window and held there, so no test's requests fall into two windows.
    monkeypatch.setattr("radslag.throttle.clock", lambda: 1_800_000_030.0)
    cache.clear()
    yield
    cache.clear()


def test_similar_text_search_answers_429_after_the_limit_with_a_page_saying_when(
    client: Client,
) -> None:
    for _ in range(2):
        assert client.get("/anvandningsfall/liknande/").status_code == 200

    response = client.get("/anvandningsfall/liknande/?text=chattbot")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    page = response.content.decode()
    assert "Försök igen om" in page
    assert contains(page, "<h1>Vänta en stund</h1>")


def test_downloads_are_limited_and_the_api_answers_in_json(client: Client) -> None:
    for _ in range(2):
        assert client.get("/kommuner/lista.csv").status_code == 200

    assert client.get("/anvandningsfall/oppna-data/anvandningsfall.csv").status_code == 429
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_a_search_for_one_or_two_letters_is_limited_but_an_ordinary_one_is_not(
    client: Client,
) -> None:
    for _ in range(5):
        assert client.get("/anvandningsfall/?q=skola").status_code == 200
    for _ in range(3):
        assert client.get("/api/v1/kommuner/?q=ö").status_code == 200

    response = client.get("/api/v1/kommuner/?q=ab")

    assert response.status_code == 429
    assert "Försök igen" in response.json()["detail"]


def test_each_visitor_has_their_own_limit(client: Client) -> None:
    for _ in range(2):
        client.get("/kommuner/lista.csv", REMOTE_ADDR="10.0.0.1")

    assert client.get("/kommuner/lista.csv", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/kommuner/lista.csv", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client: Client, settings: Any) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(2):
        client.get("/kommuner/lista.csv", HTTP_X_FORWARDED_FOR="forged, 192.0.2.7")

    assert (
        client.get("/kommuner/lista.csv", HTTP_X_FORWARDED_FOR="other, 192.0.2.7").status_code
        == 429
    )
    assert client.get("/kommuner/lista.csv", HTTP_X_FORWARDED_FOR="192.0.2.8").status_code == 200


def test_signed_in_people_are_not_limited(client: Client) -> None:
    client.force_login(get_user_model().objects.create_user("anna"))

    for _ in range(5):
        assert client.get("/kommuner/lista.csv").status_code == 200
