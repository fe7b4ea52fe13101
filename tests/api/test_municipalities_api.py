"""The open API's municipality endpoints under /api/v1/."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_lists_municipalities_a_page_at_a_time_with_links(client: Client) -> None:
    body = client.get("/api/v1/kommuner/?limit=100").json()

    assert body["count"] == 290
    assert len(body["results"]) == 100
    assert body["previous"] is None
    assert "offset=100" in body["next"]


def test_it_gives_population_and_its_source(client: Client) -> None:
    body = client.get("/api/v1/kommuner/0180/").json()

    assert body["name"] == "Stockholm"
    assert body["population"] == 984_748
    assert body["population_year"] == 2022
    assert body["size_class"] == "city"
    assert body["source"] == "Kolada (RKA)"
    assert {"kpi": "N01951", "year": 2022}.items() <= next(
        f for f in body["key_figures"] if f["kpi"] == "N01951" and f["year"] == 2022
    ).items()


def test_it_filters_by_county_and_size_class(client: Client) -> None:
    body = client.get("/api/v1/kommuner/?county=20&size_class=small&limit=500").json()

    assert body["count"] > 0
    assert all(m["county"]["code"] == "20" for m in body["results"])
    assert all(m["population"] < 15_000 for m in body["results"])


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("county=1", "county"),
        ("size_class=huge", "size_class"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_it_answers_400_naming_a_bad_filter(client: Client, query: str, field: str) -> None:
    response = client.get(f"/api/v1/kommuner/?{query}")

    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}:")


def test_it_answers_404_with_a_message_for_an_unknown_code(client: Client) -> None:
    response = client.get("/api/v1/kommuner/9999/")

    assert response.status_code == 404
    assert response.json() == {"detail": "no municipality has code '9999'"}


def test_it_publishes_its_openapi_document(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()

    assert document["info"]["title"] == "Rådslag API"
    assert "/api/v1/kommuner/" in document["paths"]
