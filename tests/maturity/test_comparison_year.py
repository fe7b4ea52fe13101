"""Which year the national picture and the peer comparisons show, and who is too few to show.

The scenario of the issue: all 290 municipalities submitted for 2025, then Upplands Väsby
(0114) alone submits for 2026.
"""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.maturity.comparison import MIN_GROUP_SIZE, scored_assessments, scored_by_year
from radslag.maturity.models import MaturityModel
from tests.html import contains
from tests.maturity.conftest import Assess, FillYear, text

pytestmark = pytest.mark.django_db

YEAR = 2025
NEW_YEAR = 2026
NEWCOMER = [1, 2, 3, 4, 5, 1, 2]


@pytest.fixture
def one_new_submission(assess: Assess, fill_year: FillYear) -> None:
    fill_year(YEAR)
    assess("0114", NEW_YEAR, NEWCOMER)


def test_the_minimum_is_five_municipalities() -> None:
    assert MIN_GROUP_SIZE == 5


def test_one_new_submission_does_not_replace_the_national_picture(
    client: Client, one_new_submission: None
) -> None:
    page = text(client.get("/mognad/"))

    assert "290 av 290 kommuner har skickat in en självskattning för 2025." in page
    assert "1 av 290 kommuner" not in page


def test_the_national_picture_does_not_reveal_the_single_new_submission(
    client: Client, one_new_submission: None
) -> None:
    page = text(client.get("/mognad/"))

    assert "(100 %)" not in page
    assert "Fördelning av nivåer per dimension, 2026" not in page
    assert "Median per storleksklass, 2025" in page


@pytest.mark.parametrize("parameter", ["year", "ar"])
def test_the_previous_years_290_assessments_are_reached(
    client: Client, one_new_submission: None, parameter: str
) -> None:
    page = text(client.get(f"/mognad/?{parameter}={YEAR}"))

    assert "290 av 290 kommuner har skickat in en självskattning för 2025." in page


def test_an_earlier_year_is_reached_with_year_or_ar(
    client: Client, assess: Assess, fill_year: FillYear
) -> None:
    fill_year(2024, ["0180", "1480", "2062", "0114", "0115"])
    fill_year(YEAR)
    assess("0114", NEW_YEAR, NEWCOMER)

    by_year = text(client.get("/mognad/?year=2024"))
    by_ar = text(client.get("/mognad/?ar=2024"))

    for page in (by_year, by_ar):
        assert "5 av 290 kommuner har skickat in en självskattning för 2024." in page
        assert "290 av 290" not in page


def test_the_year_chooser_lists_the_years_with_enough_submissions_and_the_default(
    client: Client, assess: Assess, fill_year: FillYear
) -> None:
    fill_year(2023, ["0180", "1480", "2062", "0114"])
    fill_year(2024, ["0180", "1480", "2062", "0114", "0115"])
    fill_year(YEAR)
    assess("0114", NEW_YEAR, NEWCOMER)

    page = text(client.get("/mognad/?ar=2024"))
    chooser = page.split('id="years-heading"')[1].split("</nav>")[0]

    assert '<a href="/mognad/">2025</a>' in chooser
    assert '<a href="/mognad/?ar=2024" aria-current="page">2024</a>' in chooser
    assert "?ar=2023" not in chooser
    assert "?ar=2026" not in chooser
    assert "minst 5 kommuner" in chooser
    assert "Utan val visas det senaste sådana året, 2025." in chooser
    assert "2026: 1 kommun har skickat in hittills, för få för att visa." in chooser
    assert "2023: 4 kommuner har skickat in, för få för att visa." in chooser


def test_a_year_with_too_few_submissions_is_not_shown(
    client: Client, one_new_submission: None
) -> None:
    response = client.get("/mognad/?ar=2026")
    page = text(response)

    assert response.status_code == 404
    assert "För 2026 har 1 kommun skickat in en självskattning" in page
    assert "minst 5" in page
    assert "Fördelning av nivåer" not in page
    assert contains(page, '<a href="/mognad/">2025</a>')


@pytest.mark.parametrize("value", ["tjugo", "20250", "-1"])
def test_a_malformed_year_is_a_clear_error(
    client: Client, one_new_submission: None, value: str
) -> None:
    response = client.get(f"/mognad/?ar={value}")

    assert response.status_code == 400
    assert "Året anges med fyra siffror, till exempel 2025." in text(response)


def test_a_size_class_with_too_few_municipalities_is_named_but_not_shown(
    client: Client, fill_year: FillYear
) -> None:
    fill_year(YEAR)

    page = text(client.get("/mognad/"))
    medians = page.split('id="size-heading"')[1].split("</section>")[0]

    # Sweden has four municipalities of 200 000 inhabitants or more.
    assert "200 000 invånare eller fler<br>" not in medians
    assert "För få kommuner för att jämföra (minst 5):" in medians
    assert "200 000 invånare eller fler (4 kommuner)" in medians
    assert 'Under 15 000 invånare<br><span class="source">131 kommuner</span>' in medians


def test_the_page_says_when_no_year_has_enough_submissions(
    client: Client, fill_year: FillYear
) -> None:
    fill_year(YEAR, ["0180", "1480", "2062", "0114"])

    page = text(client.get("/mognad/"))

    assert "Inget år har ännu minst 5 inskickade självskattningar" in page
    assert "2025: 4 kommuner har skickat in hittills, för få för att visa." in page
    assert "Fördelning av nivåer" not in page


def test_the_newcomers_profile_is_compared_with_the_latest_year_with_enough_submissions(
    client: Client, one_new_submission: None
) -> None:
    page = text(client.get("/mognad/kommuner/0114/"))

    assert "Senaste inskickade självskattning: 2026" in page
    assert (
        "Kommunens nivåer är från självskattningen för 2026 och jämförs med "
        "de andra kommunernas självskattningar för 2025."
    ) in page
    assert "Alla kommuner: 289 kommuner" in page
    assert ": 0 kommuner" not in page
    # The newcomer's own levels, against the 2025 medians.
    assert '<tr><th scope="row">Strategi och ledning</th><td class="number">1 ' in page


def test_the_newcomer_is_not_said_to_be_at_or_above_the_median_everywhere(
    client: Client, one_new_submission: None
) -> None:
    page = text(client.get("/mognad/kommuner/0114/"))
    gaps = page.split('id="gaps-heading"')[1].split("</section>")[0]

    assert "på eller över medianen i alla dimensioner" not in gaps
    assert "Kommunen är på nivå 1, medianen är 3." in gaps


def test_a_profile_makes_no_median_claim_without_a_group_to_compare_with(
    client: Client, assess: Assess
) -> None:
    assess("0114", NEW_YEAR, [5, 5, 5, 5, 5, 5, 5])
    assess("0115", NEW_YEAR, [1, 1, 1, 1, 1, 1, 1])

    page = text(client.get("/mognad/kommuner/0114/"))

    assert "på eller över medianen" not in page
    assert "Ingen jämförelse ännu: inget år har minst 5 inskickade självskattningar." in page
    assert "Sammantagen nivå: <strong>5,0</strong> av 5" in page


def test_a_peer_group_below_the_minimum_is_named_but_not_shown(
    client: Client, fill_year: FillYear
) -> None:
    fill_year(YEAR)

    page = text(client.get("/mognad/kommuner/0180/"))
    scores = page.split('id="scores-heading"')[1].split("</section>")[0]

    # Stockholm's size class has three other cities.
    assert (
        "Samma storleksklass (200 000 invånare eller fler): 3 kommuner, "
        "för få kommuner för att jämföra"
    ) in scores
    assert "200 000 invånare eller fler)<br>" not in scores
    assert "Alla kommuner<br>" in scores
    gaps = page.split('id="gaps-heading"')[1].split("</section>")[0]
    assert "Gapen mäts mot medianen för alla kommuner" in gaps


def test_a_profile_can_be_compared_with_an_earlier_year(
    client: Client, assess: Assess, fill_year: FillYear
) -> None:
    fill_year(2024, ["0180", "1480", "2062", "0115", "0117", "0120"])
    fill_year(YEAR)
    assess("0114", 2024, [2, 2, 2, 2, 2, 2, 2])

    page = text(client.get("/mognad/kommuner/0114/?ar=2024"))

    assert "Jämförelsen bygger på de inskickade självskattningarna för 2024" in page
    assert "Alla kommuner: 6 kommuner" in page
    assert "Visar självskattningen för 2024" in page
    assert contains(page, '<a href="/mognad/kommuner/0114/?ar=2024" aria-current="page">2024</a>')
    assert contains(page, '<a href="/mognad/kommuner/0114/">2025</a>')


def test_a_profile_refuses_a_year_with_too_few_submissions(
    client: Client, one_new_submission: None
) -> None:
    response = client.get("/mognad/kommuner/0114/?year=2026")
    page = text(response)

    assert response.status_code == 404
    assert "För 2026 har 1 kommun skickat in en självskattning" in page
    assert contains(page, '<a href="/mognad/kommuner/0114/">2025</a>')


def test_every_years_assessments_read_at_once_are_each_years_read_alone(
    one_new_submission: None, assess: Assess
) -> None:
    assess("0115", NEW_YEAR, [1, None, 3, 4, 5, 1, 2])  # incomplete: left out of both
    dimensions = MaturityModel.objects.current().dimension_list()

    by_year = scored_by_year(dimensions)

    assert sorted(by_year) == [YEAR, NEW_YEAR]
    for year in (YEAR, NEW_YEAR):
        assert by_year[year] == scored_assessments(year, dimensions)
