"""The municipality page lists the use cases the municipality runs or takes part in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def test_the_municipality_page_lists_its_own_and_shared_cases(
    client: Client, make_case: MakeCase
) -> None:
    own = make_case(title="Moras egen AI", organisation_id="2062")
    shared = make_case(title="Gemensam assistent", organisation_id="2021", participants=["2062"])
    make_case(title="Utkast i Mora", organisation_id="2062", status="utkast")

    response = client.get("/kommuner/2062/")
    page = response.content.decode()

    assert list(response.context["use_cases"]) == [shared, own]
    assert "deltar" in page
    assert "Utkast i Mora" not in page


def test_an_imported_case_appears_on_its_municipality_page(client: Client) -> None:
    page = client.get("/kommuner/1283/").content.decode()  # Helsingborg: LAIban

    assert "LAIban" in page
    assert "Källa: Public Sector Tech Watch" in page


def test_a_municipality_without_cases_says_so(client: Client) -> None:
    assert "Inga användningsfall är registrerade" in client.get("/kommuner/2062/").content.decode()
