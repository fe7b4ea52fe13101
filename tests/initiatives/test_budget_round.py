"""Budget rounds: representatives approve initiatives for their municipalities, Equal Shares
chooses the portfolio within the budget and explains every choice, beside the greedy rule."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from radslag.accounts.models import Membership, Role
from radslag.initiatives import budget
from radslag.initiatives.models import Approval, BudgetRound, Initiative
from tests.people import representative

# Four small municipalities and one city.
SMALL = ("2026", "1461", "1715", "2062")
CITY = "0180"


def _initiative(title: str, cost: int) -> Initiative:
    return Initiative.objects.create(
        title=title, type="natverk", description=title, cost_low=cost, cost_high=cost
    )


def _round(budget_amount: int, *initiatives: Initiative, weighting: str = "equal") -> BudgetRound:
    created = BudgetRound.objects.create(title="Budget", budget=budget_amount, weighting=weighting)
    created.initiatives.set(initiatives)
    return created


def _approve(round_: BudgetRound, code: str, *initiatives: Initiative) -> None:
    Approval.objects.bulk_create(
        Approval(round=round_, initiative=initiative, municipality_id=code)
        for initiative in initiatives
    )


MAJORITY = (CITY, SMALL[0], SMALL[1])
MINORITY = (SMALL[2], SMALL[3])


def _two_camps() -> tuple[BudgetRound, Initiative, Initiative, Initiative]:
    """Three municipalities want two platforms, two want a network; each costs half the
    budget. Greedy by approvals per krona buys both platforms; Equal Shares gives each of the
    five a fifth of the budget, so the two together can buy their network."""
    first, second, network = (
        _initiative("Plattform A", 50),
        _initiative("Plattform B", 50),
        _initiative("Nätverk", 50),
    )
    round_ = _round(100, first, second, network)
    for code in MAJORITY:
        _approve(round_, code, first, second)
    for code in MINORITY:
        _approve(round_, code, network)
    return round_, first, second, network


@pytest.mark.django_db
def test_equal_shares_gives_the_minority_its_share_where_greedy_does_not() -> None:
    round_, _first, _second, _network = _two_camps()

    chosen = budget.portfolio(round_)

    assert chosen is not None
    lines = {line.initiative.title: line for line in chosen.lines}
    assert [line.initiative.title for line in chosen.selected] == ["Plattform A", "Nätverk"]
    assert lines["Nätverk"].selected
    assert not lines["Nätverk"].greedy_selected
    assert lines["Plattform B"].greedy_selected
    assert not lines["Plattform B"].selected
    assert lines["Nätverk"].explanation.why == "equal_shares"
    assert sorted(p.municipality.code for p in lines["Nätverk"].payments) == sorted(MINORITY)
    assert sum(p.amount for p in lines["Nätverk"].payments) == pytest.approx(50)
    assert lines["Plattform B"].explanation.why in {"unaffordable", "outbid"}
    assert chosen.cost == pytest.approx(100)


@pytest.mark.django_db
def test_a_budget_smaller_than_every_cost_gives_an_empty_portfolio_with_a_reason() -> None:
    platform = _initiative("Plattform", 80)
    round_ = _round(10, platform)
    _approve(round_, CITY, platform)
    round_.status = BudgetRound.Status.CLOSED
    round_.save()

    page = Client().get(f"/initiativ/budget/{round_.pk}/")

    assert page.status_code == 200
    assert (
        "Inget initiativ ryms: budgeten är 10\u00a0kr och det billigaste initiativet "
        "kostar 80\u00a0kr." in page.content.decode()
    )


@pytest.mark.django_db
def test_approvals_after_the_round_closed_are_refused_and_counted_nowhere() -> None:
    platform = _initiative("Plattform", 80)
    round_ = _round(100, platform)
    round_.status = BudgetRound.Status.CLOSED
    round_.save()
    client = Client()
    client.force_login(representative("1715"))

    answer = client.post(
        f"/initiativ/budget/{round_.pk}/godkann/",
        {"municipality": "1715", "initiatives": [platform.pk]},
        follow=True,
    )

    assert "Budgetomgången är stängd och tar inte emot godkännanden." in answer.content.decode()
    assert not Approval.objects.exists()


@pytest.mark.django_db
def test_approvals_after_the_last_day_are_refused_and_the_page_says_so() -> None:
    platform = _initiative("Plattform", 80)
    round_ = _round(100, platform)
    round_.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    round_.save()
    client = Client()
    client.force_login(representative("1715"))

    page = client.get(round_.get_absolute_url()).content.decode()
    answer = client.post(
        f"/initiativ/budget/{round_.pk}/godkann/",
        {"municipality": "1715", "initiatives": [platform.pk]},
        follow=True,
    )

    assert "Omgången stängde den" in page
    assert "Godkänn för" not in page
    assert "Omgången stängde den" in answer.content.decode()
    assert not Approval.objects.exists()


@pytest.mark.django_db
def test_an_approval_of_an_initiative_outside_the_round_changes_nothing() -> None:
    platform, other = _initiative("Plattform", 80), _initiative("Annat", 10)
    round_ = _round(100, platform)
    _approve(round_, "1715", platform)
    person = representative("1715")

    with pytest.raises(budget.BudgetRefusedError, match="finns inte i omgången"):
        budget.approve(person, round_, "1715", [other.pk])

    assert list(Approval.objects.values_list("initiative_id", flat=True)) == [platform.pk]


BROWSERS: list[httpx.Client] = []


@pytest.fixture
def site(live_server: LiveServer, settings: Any, reference_data: None) -> Iterator[str]:
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    yield live_server.url
    while BROWSERS:
        BROWSERS.pop().close()


def _csrf(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found
    return found.group(1)


def _signed_in(site: str, username: str) -> httpx.Client:
    browser = httpx.Client(base_url=site, follow_redirects=False)
    BROWSERS.append(browser)
    page = browser.get("/konto/logga-in/").text
    answer = browser.post(
        "/konto/logga-in/",
        data={"username": username, "password": "lösen", "csrfmiddlewaretoken": _csrf(page)},
    )
    assert answer.status_code == 302
    return browser


def _post(browser: httpx.Client, path: str, page_path: str, data: dict[str, Any]) -> httpx.Response:
    page = browser.get(page_path).text
    return browser.post(path, data={**data, "csrfmiddlewaretoken": _csrf(page)})


@pytest.mark.django_db(transaction=True)
def test_a_budget_round_from_approvals_to_the_explained_portfolio(site: str) -> None:
    chief = User.objects.create_user("sam", password="lösen")
    Membership.objects.create(person=chief, role=Role.CONVENER)
    for code in (CITY, *SMALL):
        person = User.objects.create_user(f"rep-{code}", password="lösen")
        Membership.objects.create(person=person, role=Role.REPRESENTATIVE, municipality_id=code)
    first, second, network = (
        _initiative("Plattform A", 50),
        _initiative("Plattform B", 50),
        _initiative("Nätverk", 50),
    )

    convener_browser = _signed_in(site, "sam")
    created = _post(
        convener_browser,
        "/initiativ/budget/ny/",
        "/initiativ/budget/ny/",
        {
            "title": "Programbudget",
            "budget": "100",
            "weighting": "equal",
            "initiatives": [first.pk, second.pk, network.pk],
        },
    )
    assert created.status_code == 302
    round_page = created.headers["location"]

    wishes = {
        **{code: [first.pk, second.pk] for code in MAJORITY},
        **{code: [network.pk] for code in MINORITY},
    }
    for code, wish in wishes.items():
        browser = _signed_in(site, f"rep-{code}")
        form = browser.get(round_page).text
        assert f'name="initiatives" value="{network.pk}"' in form
        approved = _post(
            browser,
            f"{round_page}godkann/",
            round_page,
            {"municipality": code, "initiatives": wish},
        )
        assert approved.status_code == 302

    visitor = httpx.Client(base_url=site)
    BROWSERS.append(visitor)
    assert "Portföljen" not in visitor.get(round_page).text
    closed = _post(convener_browser, f"{round_page}stang/", round_page, {})
    assert closed.status_code == 302

    result = visitor.get(round_page).text
    assert "Metoden med lika andelar valde 2 initiativ för 100\u00a0kr av 100\u00a0kr" in result
    assert (
        "Valt som nummer 2: 2 kommuner betalade tillsammans 50\u00a0kr ur sina andelar." in result
    )
    assert "Plattform B hade valts av den giriga regeln men inte med lika andelar." in result
    assert "Nätverk väljs med lika andelar men inte av den giriga regeln." in result
    late = _post(
        _signed_in(site, f"rep-{CITY}"),
        f"{round_page}godkann/",
        round_page,
        {"municipality": CITY, "initiatives": [network.pk]},
    )
    assert late.status_code == 302
    assert Approval.objects.filter(municipality_id=CITY).count() == 2
    assert not Approval.objects.filter(municipality_id=CITY, initiative=network).exists()
