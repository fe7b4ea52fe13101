"""On paper a chart keeps its numbers: the tables under the charts print, in black on white."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ExampleSite

pytestmark = pytest.mark.django_db

PAGES = {
    "kommun": lambda site: f"/kommuner/{site.municipality_code}/",
    "karta": lambda site: "/karta/",
    "statistik": lambda site: "/anvandningsfall/statistik/",
}


@pytest.mark.parametrize("name", PAGES)
def test_printed_content_shows_every_charts_table_that_the_screen_folds_away(
    page: Page, example_site: ExampleSite, name: str
) -> None:
    page.goto(example_site(PAGES[name](example_site)))
    tables = page.locator("details.chart-table table")
    assert tables.count() > 0
    assert not tables.first.is_visible(), "folded away on screen"

    page.emulate_media(media="print")

    for index in range(tables.count()):
        assert tables.nth(index).is_visible()
    assert page.locator(".chart svg, .map svg").first.is_visible()


def test_printed_content_has_no_dark_header(page: Page, example_site: ExampleSite) -> None:
    page.goto(example_site("/karta/"))
    page.emulate_media(media="print")

    background = page.eval_on_selector(
        ".site-header", "header => getComputedStyle(header).backgroundColor"
    )
    assert background in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    assert page.locator(".site-header nav").is_hidden()
