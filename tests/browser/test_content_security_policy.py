"""Under the Content-Security-Policy the pages work in a real browser: nothing refused, nothing
they ask for missing, and the lists still filter in place (htmx runs without inline scripts or
styles)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import ConsoleMessage, Page, Response, expect

from tests.browser.conftest import ExampleSite

pytestmark = pytest.mark.django_db


def _paths(site: ExampleSite) -> list[str]:
    return [
        "/",
        "/kommuner/",
        f"/kommuner/{site.municipality_code}/",
        "/karta/",
        "/anvandningsfall/",
        f"/anvandningsfall/{site.swedish_case_id}/",
        "/anvandningsfall/statistik/",
        "/behov/",
        f"/behov/{site.need_id}/",
        "/behov/teman/",
        "/mognad/",
        "/konto/logga-in/",
        "/om/tillganglighet/",
        "/admin/login/",
    ]


def _visit_every_page(page: Page, site: ExampleSite) -> None:
    for path in _paths(site):
        page.goto(site(path))
        page.wait_for_load_state("networkidle")


def test_no_page_has_anything_refused_by_the_policy(page: Page, example_site: ExampleSite) -> None:
    refused: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", listen)
    _visit_every_page(page, example_site)

    assert refused == []


def test_no_page_asks_for_a_file_that_is_missing(page: Page, example_site: ExampleSite) -> None:
    # Scripts, styles, images and htmx's requests; the browser's own request for the site's icon
    # is not reported to Playwright (tests/test_site_header.py checks the icon).
    missing: list[str] = []

    def listen(response: Response) -> None:
        if response.status >= 400:
            missing.append(f"{response.status} {response.url}")

    page.on("response", listen)
    _visit_every_page(page, example_site)

    assert missing == []


def test_a_list_still_filters_in_place_under_the_policy(
    page: Page, example_site: ExampleSite
) -> None:
    page.goto(example_site("/kommuner/"))
    page.select_option("#id_county", example_site.county_code)

    expect(page).to_have_url(re.compile(rf"[?&]county={example_site.county_code}(&|$)"))
    rows = page.locator("#results tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() < 290
