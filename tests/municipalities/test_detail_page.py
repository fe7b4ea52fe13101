"""One municipality's page at /kommuner/<code>/."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.html import contains

pytestmark = pytest.mark.django_db


def text(client: Client, url: str) -> str:
    # Swedish formatting groups thousands with a no-break space.
    return client.get(url).content.decode().replace("\xa0", " ")


@pytest.mark.parametrize(("code", "population"), [("0180", "984 748"), ("1480", "596 841")])
def test_it_shows_population_for_2022_with_kolada_as_source(
    client: Client, code: str, population: str
) -> None:
    page = text(client, f"/kommuner/{code}/")

    assert f"{population} (2022)" in page
    assert "Källa: Kolada" in page


def test_it_draws_trend_charts_with_a_table_alternative(client: Client) -> None:
    page = text(client, "/kommuner/2062/")

    assert page.count('<svg viewBox="0 0 480 220" class="chart-wide" role="img"') == 2
    assert page.count('<svg viewBox="0 0 340 220" class="chart-phone" role="img"') == 2
    assert "Visa som tabell" in page
    assert contains(page, '<th scope="row">1994</th>')


def test_it_shows_its_place_on_the_map(client: Client) -> None:
    assert 'fill="#c2410c"' in text(client, "/kommuner/1715/")


def test_it_has_one_h1(client: Client) -> None:
    assert text(client, "/kommuner/0180/").count("<h1") == 1


@pytest.mark.parametrize("code", ["9999", "12", "abcd"])
def test_it_answers_404_for_a_code_that_is_not_a_municipality(client: Client, code: str) -> None:
    assert client.get(f"/kommuner/{code}/").status_code == 404
