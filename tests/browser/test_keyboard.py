"""Done with the keyboard alone: a wiki-survey vote and a need submitted, moving by Tab,
choosing by typing into a list, sending with Enter."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from radslag.accounts.demo_accounts import DEMO_PASSWORD
from radslag.council import survey
from radslag.council.models import Item, Round
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.register.models import UseCase
from tests.browser.conftest import ExampleSite

pytestmark = pytest.mark.django_db

MOST_TABS = 200


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def sign_in(page: Page, site: ExampleSite, username: str) -> None:
    page.goto(site("/konto/logga-in/"))
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(site("/"))


@pytest.fixture(scope="module")
def link(example_site: ExampleSite, django_db_blocker: Any) -> str:
    with django_db_blocker.unblock():
        round_ = Round.objects.create(
            title="Tangentbord",
            question="Vilket är viktigast?",
            kind=Round.Kind.WIKI_SURVEY,
            status=Round.Status.OPEN,
        )
        Item.objects.bulk_create(Item(round=round_, label=label) for label in ("Ett", "Två"))
        return survey.create_link(round_, Municipality.objects.get(code="2026"), None)[1]


def test_a_wiki_survey_vote_with_the_keyboard(
    page: Page, example_site: ExampleSite, link: str
) -> None:
    page.goto(example_site(f"/radet/delta/{link}/"))

    tab_to(page, "button.pair-option")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Du har röstat 1 gång.")).to_be_visible()


def test_a_need_submitted_with_the_keyboard(page: Page, example_site: ExampleSite) -> None:
    sign_in(page, example_site, "medarbetare")
    page.goto(example_site("/behov/nytt/"))

    tab_to(page, "#id_title")
    page.keyboard.type("Snöröjning planerad med väderprognoser")
    page.keyboard.press("Tab")
    page.keyboard.type(
        "Vi vill planera snöröjningen efter prognoser för snöfall och halka, gata för gata."
    )
    tab_to(page, "#id_area")
    page.keyboard.type("Teknik")
    tab_to(page, "form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Tack! Inlägget är inlämnat.")).to_have_count(1)
    assert Need.objects.filter(title="Snöröjning planerad med väderprognoser").exists()


def test_a_use_case_registered_with_the_keyboard(page: Page, example_site: ExampleSite) -> None:
    sign_in(page, example_site, "gagnef")
    page.goto(example_site("/anvandningsfall/ny/"))

    tab_to(page, "#id_title")
    page.keyboard.type("Tal till text i hemtjänsten")
    page.keyboard.press("Tab")
    page.keyboard.type("Personalen dikterar sina anteckningar efter besöken.")
    tab_to(page, "#id_stage")
    page.keyboard.type("Pilot")
    tab_to(page, "form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Tal till text i hemtjänsten")
    case = UseCase.objects.get(title="Tal till text i hemtjänsten")
    assert (case.organisation_id, case.stage) == ("2026", "pilot")
