"""A municipality's maturity profile at /mognad/kommuner/<code>/."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from radslag.municipalities.models import Municipality, MunicipalityGroup
from tests.html import contains
from tests.maturity.conftest import Assess, text

pytestmark = pytest.mark.django_db

# Stockholm's county (01): five medium-sized peers of Upplands Väsby (0114), one large.
MEDIUM_PEERS = {"0115": 3, "0117": 3, "0120": 4, "0125": 2, "0162": 4}


@pytest.fixture
def peers(assess: Assess) -> None:
    for code, strategy in MEDIUM_PEERS.items():
        assess(code, 2025, [strategy, 3, 3, 3, 3, 3, 3])
    assess("0188", 2025, [5, 5, 5, 5, 5, 5, 5])
    assess("2021", 2025, [1, 1, 1, 1, 1, 1, 1])


def test_it_shows_the_levels_and_the_overall_score(client: Client, assess: Assess) -> None:
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1])

    page = text(client.get("/mognad/kommuner/0114/"))

    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert "AI-mognad: Upplands Väsby" in page
    assert "Sammantagen nivå: <strong>2,4</strong> av 5" in page
    assert (
        '<tr><th scope="row">Samverkan</th><td class="number">4 '
        '<span class="source">Integrerad</span></td>'
    ) in page


def test_it_compares_with_peers_and_says_how_many(
    client: Client, assess: Assess, peers: None
) -> None:
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1])

    page = text(client.get("/mognad/kommuner/0114/"))

    assert "Samma storleksklass (15 000–49 999 invånare): 5 kommuner</li>" in page
    assert "Samma län (Stockholms län): 6 kommuner</li>" in page
    assert "Alla kommuner: 7 kommuner</li>" in page
    # Strategy among the medium-sized peers 2, 3, 3, 4, 4: median 3, quartiles 3 and 4.
    assert contains(page, '<td class="number">3 <span class="source">(3–4)</span></td>')
    assert "Samma kommungrupp" not in page


def test_it_compares_with_the_skr_group_where_imported(
    client: Client, assess: Assess, peers: None
) -> None:
    group = MunicipalityGroup.objects.create(code="B3", name="Pendlingskommun", main_group="B")
    Municipality.objects.filter(code__in=["0114", "0115"]).update(skr_group=group)
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1])

    page = text(client.get("/mognad/kommuner/0114/"))

    assert (
        "Samma kommungrupp (B3 Pendlingskommun): 1 kommun, för få kommuner för att jämföra"
    ) in page
    assert "Pendlingskommun)<br>" not in page


def test_it_lists_the_largest_gaps_with_what_the_next_level_requires(
    client: Client, assess: Assess, peers: None
) -> None:
    assess("0114", 2025, [3, 2, 3, 3, 1, 3, 3])

    page = text(client.get("/mognad/kommuner/0114/"))
    gaps = page.split('id="gaps-heading"')[1].split("</section>")[0]

    assert "Gapen mäts mot medianen för samma storleksklass" in gaps
    assert gaps.index("Kompetens och organisation") < gaps.index("Styrning, juridik och etik")
    assert "Kommunen är på nivå 1, medianen är 3." in gaps
    assert "Nivå 2 innebär:</strong> Enskilda eldsjälar driver AI-frågor" in gaps
    assert "Strategi och ledning" not in gaps


def test_it_says_when_the_municipality_is_at_or_above_the_median_everywhere(
    client: Client, assess: Assess, peers: None
) -> None:
    assess("0114", 2025, [5, 5, 5, 5, 5, 5, 5])

    page = text(client.get("/mognad/kommuner/0114/"))

    assert "Kommunen ligger på eller över medianen i alla dimensioner." in page


def test_it_draws_a_chart_with_the_numbers_as_a_table(
    client: Client, assess: Assess, peers: None
) -> None:
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1])

    page = text(client.get("/mognad/kommuner/0114/"))

    chart = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in chart
    # A bar per dimension, each naming the municipality's level.
    assert len(re.findall(r"<title>[^<]+: nivå \d</title>", chart)) == 7
    assert "<caption>Kommunens nivå och jämförelsegruppernas median" in page
    assert contains(page, '<th scope="col" class="number">Upplands Väsby</th>')


def test_it_shows_the_history_over_the_years(client: Client, assess: Assess) -> None:
    assess("0114", 2023, [1, 1, 1, 1, 1, 1, 1])
    assess("0114", 2024, [2, 2, 1, 2, 1, 2, 1])
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1])

    page = text(client.get("/mognad/kommuner/0114/"))
    history = page.split('id="history-heading"')[1]
    table = history.split("<table>")[1]

    assert table.index(">2025<") < table.index(">2024<") < table.index(">2023<")
    assert "Sammantagen nivå per år" in history
    assert '<td class="number">1,6</td>' in history
    assert history.count('class="chart-wide" role="img"') == 1


def test_drafts_are_not_shown(client: Client, assess: Assess) -> None:
    assess("0114", 2025, [3, 2, None, None, None, None, None], submitted=False)

    page = text(client.get("/mognad/kommuner/0114/"))

    assert "Kommunen har inte skickat in någon självskattning ännu." in page


def test_it_shows_the_comments(client: Client, assess: Assess) -> None:
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1], comments={"data": "Vi kartlägger 2026."})

    page = text(client.get("/mognad/kommuner/0114/"))

    assert "<dt>Data</dt><dd>Vi kartlägger 2026.</dd>" in page


def test_it_says_exempeldata_for_example_assessments(client: Client, assess: Assess) -> None:
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1], is_example=True)

    assert "Sidan visar exempeldata" in text(client.get("/mognad/kommuner/0114/"))


def test_the_municipality_page_shows_the_score_and_links_to_the_profile(
    client: Client, assess: Assess
) -> None:
    assess("0114", 2025, [3, 2, 2, 3, 2, 4, 1], is_example=True)

    page = text(client.get("/kommuner/0114/"))

    assert "Sammantagen nivå 2,4 av 5 i självskattningen för 2025." in page
    assert "exempeldata" in page
    assert contains(page, '<a href="/mognad/kommuner/0114/">Mognadsprofil för Upplands Väsby</a>')


@pytest.mark.parametrize("code", ["9999", "12", "abcd"])
def test_it_answers_404_for_a_code_that_is_not_a_municipality(client: Client, code: str) -> None:
    assert client.get(f"/mognad/kommuner/{code}/").status_code == 404


def test_a_submitted_assessment_missing_an_answer_is_shown_unscored_not_as_an_error(
    client: Client,
) -> None:
    from django.utils import timezone

    from radslag.maturity.models import Assessment, MaturityModel

    Assessment.objects.create(
        municipality_id="1715",
        year=timezone.localdate().year,
        model=MaturityModel.objects.current(),
        status=Assessment.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )

    assert client.get("/mognad/kommuner/1715/").status_code == 200
