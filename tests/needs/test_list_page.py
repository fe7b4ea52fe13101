"""The list at /behov/: filters, search, order by support, the example-data label."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.needs.conftest import WATER_TEXT, MakeNeed

pytestmark = pytest.mark.django_db


def titles(response: object) -> list[str]:
    return [need.title for need in response.context["needs"]]  # type: ignore[attr-defined]


@pytest.fixture
def three(make_need: MakeNeed) -> None:
    make_need("0180", supporters=["1480", "1280"])
    make_need("2480", title="Läckor i VA-nätet", text=WATER_TEXT, area="teknik")
    make_need(
        "0381",
        title="Hur ska vi upphandla AI?",
        text="Hur kan vi upphandla AI-tjänster så att data och ansvar stannar hos kommunen?",
        area="it-och-sakerhet",
        kind="strategisk-fraga",
        supporters=["0380"],
    )


def test_it_lists_open_needs_with_most_support_first(client: Client, three: None) -> None:
    response = client.get("/behov/")
    assert response.status_code == 200
    assert titles(response) == [
        "Taligenkänning i hemtjänsten",
        "Hur ska vi upphandla AI?",
        "Läckor i VA-nätet",
    ]
    assert "3 kommuner står bakom" in response.content.decode()


def test_it_filters_by_kind_and_area(client: Client, three: None) -> None:
    assert titles(client.get("/behov/", {"kind": "strategisk-fraga"})) == [
        "Hur ska vi upphandla AI?"
    ]
    assert titles(client.get("/behov/", {"area": "teknik"})) == ["Läckor i VA-nätet"]


def test_it_filters_by_the_size_class_of_the_submitter(client: Client, three: None) -> None:
    # Stockholm (0180) has 200 000 inhabitants or more; Umeå (2480) and Enköping (0381) not.
    response = client.get("/behov/", {"size": "city"})
    assert titles(response) == ["Taligenkänning i hemtjänsten"]


def test_search_finds_inflected_forms_and_compounds(client: Client, three: None) -> None:
    assert titles(client.get("/behov/", {"q": "taligenkänningen"})) == [
        "Taligenkänning i hemtjänsten"
    ]
    assert titles(client.get("/behov/", {"q": "taligenkänning VA-nätet"})) == []
    assert titles(client.get("/behov/", {"q": "hemtjänst taligenkänning"})) == [
        "Taligenkänning i hemtjänsten"
    ]
    assert titles(client.get("/behov/", {"q": "läckor"})) == ["Läckor i VA-nätet"]


def test_a_filter_that_cannot_be_read_is_ignored_not_an_error(client: Client, three: None) -> None:
    response = client.get("/behov/", {"kind": "okänd", "tema": "abc"})
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_example_needs_are_labelled_as_example_data(client: Client, make_need: MakeNeed) -> None:
    make_need("0180", is_example=True)
    content = client.get("/behov/").content.decode()
    assert "Exempeldata." in content
    assert "exempeldata" in content


def test_real_needs_alone_are_not_labelled_as_examples(client: Client, three: None) -> None:
    assert "Exempeldata." not in client.get("/behov/").content.decode()


def test_htmx_requests_get_only_the_results(client: Client, three: None) -> None:
    response = client.get("/behov/", {"area": "teknik"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "<html" not in content
    assert "Läckor i VA-nätet" in content


def test_the_search_finds_words_typed_without_their_diacritics(
    client: Client, make_need: MakeNeed
) -> None:
    need = make_need(
        "2062",
        title="Taligenkänning i äldreomsorgen",
        text="Vi vill dokumentera med tal i hemtjänsten och spara tid åt personalen.",
    )

    for query in ("äldreomsorg", "aldreomsorg", "taligenkanning", "hemtjanst"):
        page = client.get("/behov/", {"q": query}).content.decode()
        assert f'href="/behov/{need.pk}/"' in page, query
