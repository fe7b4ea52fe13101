"""The national picture at /mognad/: levels per dimension and medians by size class."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.html import contains
from tests.maturity.conftest import Assess, FillYear, text

pytestmark = pytest.mark.django_db


def test_it_says_when_no_assessment_is_submitted(client: Client) -> None:
    page = text(client.get("/mognad/"))

    assert "Ingen kommun har skickat in en självskattning ännu." in page
    assert len(re.findall(r"<h1[ >]", page)) == 1


def test_it_shows_the_distribution_of_levels_with_a_table(client: Client, assess: Assess) -> None:
    assess("0180", 2025, [4, 4, 3, 4, 3, 5, 3])
    assess("2062", 2025, [2, 2, 1, 2, 1, 3, 1])
    assess("1480", 2025, [2, 2, 1, 2, 1, 3, 1])
    assess("0114", 2025, [3, 2, 1, 2, 1, 3, 1])
    assess("0115", 2025, [3, 2, 1, 2, 1, 3, 1])

    page = text(client.get("/mognad/"))

    assert "5 av 290 kommuner har skickat in en självskattning för 2025." in page
    assert (
        'role="img" aria-labelledby="chart-andel-kommuner-pa-varje-niva-per-dimension-title"'
        in page
    )
    assert ">Andel kommuner på varje nivå per dimension</title>" in page
    assert (
        '<tr><th scope="row">Strategi och ledning</th><td class="number">0 '
        '<span class="source">(0 %)</span></td><td class="number">2 '
        '<span class="source">(40 %)</span></td>'
    ) in page


def test_only_submitted_assessments_of_the_year_count(
    client: Client, assess: Assess, fill_year: FillYear
) -> None:
    fill_year(2025, ["0180", "1480", "2062", "0114", "0115"])
    assess("0117", 2024, [2, 2, 1, 2, 1, 3, 1])
    assess("0481", 2025, [1, 1, 1, 1, 1, 1, None], submitted=False)

    page = text(client.get("/mognad/"))

    assert "5 av 290 kommuner har skickat in en självskattning för 2025." in page


def test_it_shows_medians_and_quartiles_by_size_class(client: Client, assess: Assess) -> None:
    for code, strategy in {"0114": 5, "0115": 4, "0117": 4, "0120": 5, "0125": 3}.items():
        assess(code, 2025, [strategy, 3, 3, 3, 3, 3, 3])
    assess("0139", 2025, [5, 3, 3, 3, 3, 3, 3])

    page = text(client.get("/mognad/"))

    assert '15 000–49 999 invånare<br><span class="source">6 kommuner</span>' in page
    # Strategy among the six: 3, 4, 4, 5, 5, 5; median 4.5, quartiles 4 and 5.
    assert '4,5 <span class="source">(4–5)</span>' in page
    assert "Under 15 000 invånare (0 kommuner)" in page


def test_it_says_exempeldata_when_it_shows_example_data(
    client: Client, assess: Assess, fill_year: FillYear
) -> None:
    fill_year(2025, ["1480", "2062", "0114", "0115"])
    assess("0180", 2025, [4, 4, 3, 4, 3, 5, 3], is_example=True)

    assert "exempeldata" in text(client.get("/mognad/"))


def test_it_shows_no_example_notice_for_real_data_only(client: Client, fill_year: FillYear) -> None:
    fill_year(2025, ["0180", "1480", "2062", "0114", "0115"])

    assert "exempeldata" not in text(client.get("/mognad/")).lower()


def test_the_main_menu_leads_here(client: Client) -> None:
    page = text(client.get("/mognad/"))

    assert contains(page, '<a href="/mognad/" aria-current="page">AI-mognad</a>')
