"""The list at /anvandningsfall/: facets with counts, search, htmx updates and pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from radslag.register.filters import UseCaseFilterForm
from radslag.register.models import UseCase
from tests.register.conftest import slice_size

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def facet(response: Any, name: str) -> dict[str, int]:
    facets = {f.name: f for f in response.context["facets"]}
    return {option.value: option.count for option in facets[name].options}


def titles(response: Any) -> list[str]:
    return [case.title for case in response.context["cases"]]


def test_it_lists_the_imported_cases_25_to_a_page_with_their_source(client: Client) -> None:
    response = client.get("/anvandningsfall/")
    page = response.content.decode()

    assert response.status_code == 200
    assert response.context["total"] == slice_size()
    assert len(response.context["cases"]) == 25
    assert "Källa: Public Sector Tech Watch, Europeiska kommissionen, CC BY 4.0" in page


def test_swedish_cases_come_first_in_swedish_alphabetical_order(client: Client) -> None:
    cases = client.get("/anvandningsfall/").context["cases"]

    assert all(case.country == "SE" for case in cases)
    assert titles_are_sorted([case.title for case in cases])


def titles_are_sorted(names: list[str]) -> bool:
    from radslag.municipalities.collation import swedish_key

    return names == sorted(names, key=swedish_key)


def test_the_facets_count_swedish_and_european_cases(client: Client) -> None:
    counts = facet(client.get("/anvandningsfall/"), "origin")

    assert counts["sverige"] == 45
    assert counts["europa"] == slice_size() - 45


def test_a_facet_counts_what_the_other_filters_leave(client: Client) -> None:
    response = client.get("/anvandningsfall/?origin=sverige&stage=i-drift")

    assert response.context["total"] == facet(response, "stage")["i-drift"]
    assert facet(response, "stage")["pilot"] > 0  # the alternatives stay visible
    assert facet(response, "origin")["europa"] > 0
    assert all(case.country == "SE" for case in response.context["cases"])


def test_it_filters_by_area_technique_and_several_stages(client: Client) -> None:
    response = client.get("/anvandningsfall/?area=skola&stage=pilot&stage=i-drift")

    assert response.context["cases"]
    assert all(c.area == "skola" for c in response.context["cases"])
    assert all(c.stage in {"pilot", "i-drift"} for c in response.context["cases"])


def test_it_filters_by_county_through_the_municipality_and_its_partners(
    client: Client, make_case: MakeCase
) -> None:
    partner = make_case(title="Delad lösning", organisation_id="0180", participants=["2062"])

    response = client.get("/anvandningsfall/?county=20&page=1")

    assert partner in response.context["cases"]
    assert facet(response, "county")["20"] == 1


def test_it_filters_by_size_class_of_the_municipality(client: Client) -> None:
    response = client.get("/anvandningsfall/?size=city")

    cities = {"Stockholm", "Göteborg", "Malmö", "Uppsala"}
    assert response.context["cases"]
    for case in response.context["cases"]:
        involved = {case.organisation.name, *(m.name for m in case.participants.all())}
        assert involved & cities, case.title


def test_it_filters_by_risk_class_and_unassessed(client: Client, make_case: MakeCase) -> None:
    high = make_case(title="Biståndsbedömning", risk_class="hog", aiact_answers={"x": True})

    assert titles(client.get("/anvandningsfall/?risk=hog")) == [high.title]
    unassessed = client.get("/anvandningsfall/?risk=ingen")
    assert unassessed.context["total"] == slice_size()


def test_it_searches_and_orders_by_relevance(client: Client, make_case: MakeCase) -> None:
    best = make_case(title="Chatbot för bygglov", summary="Svarar på frågor om bygglov")
    response = client.get("/anvandningsfall/?q=bygglov")

    assert titles(response)[0] == best.title


def test_it_answers_htmx_with_the_results_and_the_facets_only(client: Client) -> None:
    response = client.get("/anvandningsfall/?q=chatbot", HTTP_HX_REQUEST="true")
    page = response.content.decode()

    assert "<html" not in page
    assert 'hx-swap-oob="true"' in page
    assert 'type="checkbox" name="stage"' in page


def test_it_pages_through_the_results(client: Client) -> None:
    first = client.get("/anvandningsfall/")
    second = client.get("/anvandningsfall/?page=2")

    assert not set(titles(first)) & set(titles(second))
    assert 'aria-current="page"' in second.content.decode()
    assert client.get("/anvandningsfall/?page=999").status_code == 200


def test_drafts_are_hidden_from_the_public_and_shown_to_staff(
    client: Client, admin_client: Client, make_case: MakeCase
) -> None:
    make_case(title="Hemligt utkast", status="utkast")

    assert "Hemligt utkast" not in client.get("/anvandningsfall/?q=hemligt").content.decode()
    assert "Hemligt utkast" in admin_client.get("/anvandningsfall/?q=hemligt").content.decode()


def test_nonsense_in_one_filter_drops_that_filter_only(client: Client) -> None:
    response = client.get("/anvandningsfall/?stage=nonsense&origin=sverige&sort=bad")

    assert response.status_code == 200
    assert response.context["total"] == 45


def test_the_filter_form_is_reusable_on_any_queryset() -> None:
    form = UseCaseFilterForm({"origin": ["sverige"], "stage": ["i-drift"], "sort": "titel"})
    queryset = form.apply(UseCase.objects.all())

    assert queryset.count() == len(form.ordered_ids(UseCase.objects.all()))
    assert set(queryset.values_list("country", flat=True)) == {"SE"}


def test_every_facet_option_has_a_label(client: Client) -> None:
    page = client.get("/anvandningsfall/").content.decode()

    for match in re.finditer(r'<input type="checkbox" [^>]*id="([^"]+)"', page):
        assert f'<label for="{match.group(1)}">' in page
