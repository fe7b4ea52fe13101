"""The national picture at /mognad/: levels per dimension and medians by size class."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.maturity.conftest import Assess, text

pytestmark = pytest.mark.django_db


def test_it_says_when_no_assessment_is_submitted(client: Client) -> None:
    page = text(client.get("/mognad/"))

    assert "Ingen kommun har skickat in en självskattning ännu." in page
    assert len(re.findall(r"<h1[ >]", page)) == 1


def test_it_shows_the_distribution_of_levels_with_a_table(client: Client, assess: Assess) -> None:
    assess("0180", 2025, [4, 4, 3, 4, 3, 5, 3])
    assess("2062", 2025, [2, 2, 1, 2, 1, 3, 1])

    page = text(client.get("/mognad/"))

    assert "2 av 290 kommuner har skickat in en självskattning för 2025." in page
    assert 'role="img" aria-label="Andel kommuner på varje nivå per dimension"' in page
    assert (
        '<tr><th scope="row">Strategi och ledning</th><td class="number">0 '
        '<span class="source">(0 %)</span></td><td class="number">1 '
        '<span class="source">(50 %)</span></td>'
    ) in page


def test_only_submitted_assessments_of_the_latest_year_count(
    client: Client, assess: Assess
) -> None:
    assess("0180", 2025, [4, 4, 3, 4, 3, 5, 3])
    assess("2062", 2024, [2, 2, 1, 2, 1, 3, 1])
    assess("0481", 2025, [1, 1, 1, 1, 1, 1, None], submitted=False)

    page = text(client.get("/mognad/"))

    assert "1 av 290 kommuner har skickat in en självskattning för 2025." in page


def test_it_shows_medians_and_quartiles_by_size_class(client: Client, assess: Assess) -> None:
    assess("0180", 2025, [5, 4, 3, 4, 3, 5, 3])
    assess("1480", 2025, [4, 4, 3, 4, 3, 5, 3])
    assess("2062", 2025, [2, 2, 1, 2, 1, 3, 1])

    page = text(client.get("/mognad/"))

    assert '200 000 invånare eller fler<br><span class="source">2 kommuner</span>' in page
    # Strategy: cities 4 and 5, median 4.5 with quartiles 4.25-4.75.
    assert '4,5 <span class="source">(4,3–4,8)</span>' in page
    assert 'Under 15 000 invånare<br><span class="source">0 kommuner</span>' in page


def test_it_says_exempeldata_when_it_shows_example_data(client: Client, assess: Assess) -> None:
    assess("0180", 2025, [4, 4, 3, 4, 3, 5, 3], is_example=True)

    assert "exempeldata" in text(client.get("/mognad/"))


def test_it_shows_no_example_notice_for_real_data_only(client: Client, assess: Assess) -> None:
    assess("0180", 2025, [4, 4, 3, 4, 3, 5, 3])

    assert "exempeldata" not in text(client.get("/mognad/")).lower()


def test_the_main_menu_leads_here(client: Client) -> None:
    page = text(client.get("/mognad/"))

    assert '<a href="/mognad/" aria-current="page">AI-mognad</a>' in page
