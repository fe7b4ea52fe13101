"""Every main page fits a phone's 375 px screen without scrolling sideways."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PHONE_WIDTH, ExampleSite
from tests.browser.test_accessibility_by_role import ROLE_PAGES, sign_in

pytestmark = pytest.mark.django_db

PAGES: dict[str, Callable[[ExampleSite], str]] = {
    "home": lambda site: "/",
    "kommuner": lambda site: "/kommuner/",
    "kommun": lambda site: f"/kommuner/{site.municipality_code}/",
    "karta": lambda site: "/karta/",
    "anvandningsfall": lambda site: "/anvandningsfall/",
    "anvandningsfall-svenskt": lambda site: f"/anvandningsfall/{site.swedish_case_id}/",
    "anvandningsfall-europeiskt": lambda site: f"/anvandningsfall/{site.european_case_id}/",
    "statistik": lambda site: "/anvandningsfall/statistik/",
    "oppna-data": lambda site: "/anvandningsfall/oppna-data/",
    "liknande": lambda site: "/anvandningsfall/liknande/?text=chattbot+för+medborgarfrågor",
    "behov": lambda site: "/behov/",
    "behov-ett": lambda site: f"/behov/{site.need_id}/",
    "teman": lambda site: "/behov/teman/",
    "tema": lambda site: f"/behov/teman/{site.theme_id}/",
    "mognad": lambda site: "/mognad/",
    "mognadsprofil": lambda site: f"/mognad/kommuner/{site.municipality_code}/",
    "radet-representativitet": lambda site: "/radet/representativitet/",
    "sammansattningar": lambda site: "/radet/sammansattning/",
    "sammansattning": lambda site: f"/radet/sammansattning/{site.composition_id}/",
    "dragning": lambda site: f"/radet/sammansattning/{site.composition_id}/spela-upp/",
}


@pytest.mark.parametrize("name", PAGES)
def test_the_page_is_no_wider_than_a_phone(
    phone: Page, example_site: ExampleSite, name: str
) -> None:
    assert_fits_a_phone(phone, example_site(PAGES[name](example_site)))


@pytest.mark.parametrize("role", [role for role in ROLE_PAGES if role])
def test_the_pages_each_role_works_with_are_no_wider_than_a_phone(
    phone: Page, example_site: ExampleSite, role: str
) -> None:
    sign_in(phone, example_site, role)
    for path in ROLE_PAGES[role]:
        assert_fits_a_phone(phone, example_site(path))


def assert_fits_a_phone(phone: Page, url: str) -> None:
    response = phone.goto(url)
    assert response is not None
    assert response.status == 200, url
    width = phone.evaluate("document.documentElement.scrollWidth")
    wide = phone.evaluate(
        """limit => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > limit + 0.5)
            .filter(element => !element.closest('.table-wrap'))
            .slice(0, 5)
            .map(element => element.tagName + '.' + element.className + ' '
                 + Math.round(element.getBoundingClientRect().right))""",
        PHONE_WIDTH,
    )
    assert width <= PHONE_WIDTH, f"{url}: {width} px wide; widest: {wide}"


def test_a_charts_text_is_readable_on_a_phone_and_on_a_desktop(
    phone: Page, page: Page, example_site: ExampleSite
) -> None:
    # The image is scaled to its column: text of 12 units in a 640-unit plot on a phone's
    # column of about 340 px would be 6 px tall; the phone layout keeps it near its own size.
    for screen in (phone, page):
        screen.goto(example_site("/anvandningsfall/statistik/"))
        sizes = screen.evaluate(
            """() => [...document.querySelectorAll('figure.chart svg text')]
                .filter(text => text.getBoundingClientRect().width > 0)
                .map(text => parseFloat(getComputedStyle(text).fontSize)
                             * text.ownerSVGElement.getScreenCTM().a)"""
        )
        assert sizes
        assert min(sizes) >= 10, f"{screen.viewport_size}: text {min(sizes):.1f} px"
