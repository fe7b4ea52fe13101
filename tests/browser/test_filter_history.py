"""Filtering a list in place, leaving it and coming back: the page, its filters and its language.

The lists update in place with htmx and push the filtered address; the full page and the
fragment share that address. These tests walk the steps a visitor takes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ExampleSite

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class FilteredList:
    path: str
    title: str
    results: str
    # Choose the first filter and return the query parameter it sets ("county=01").
    choose_filter: Callable[[Page, ExampleSite], str]
    # Change a second filter, to see whether the first one survives it.
    change_another_filter: Callable[[Page], None]
    # The control that shows the first filter.
    first_control: str
    first_value: Callable[[ExampleSite], str]


def _choose_county(page: Page, site: ExampleSite) -> str:
    page.select_option("#id_county", site.county_code)
    return f"county={site.county_code}"


def _choose_case_area(page: Page, site: ExampleSite) -> str:
    page.check(f"#facet-area-{site.area_with_cases}")
    return f"area={site.area_with_cases}"


def _choose_need_kind(page: Page, site: ExampleSite) -> str:
    page.select_option("#id_kind", "behov")
    return "kind=behov"


LISTS = {
    "kommuner": FilteredList(
        path="/kommuner/",
        title="Kommuner",
        results="#results tbody th a",
        choose_filter=_choose_county,
        change_another_filter=lambda page: page.select_option("#id_size", "small"),
        first_control="#id_county",
        first_value=lambda site: site.county_code,
    ),
    "anvandningsfall": FilteredList(
        path="/anvandningsfall/",
        title="AI-användningsfall",
        results="#register-results .list-item h3 a",
        choose_filter=_choose_case_area,
        change_another_filter=lambda page: page.select_option("#id_sort", index=1),
        first_control="",
        first_value=lambda site: "",
    ),
    "behov": FilteredList(
        path="/behov/",
        title="Behov och strategiska frågor",
        results="#need-results .list-item h3 a",
        choose_filter=_choose_need_kind,
        change_another_filter=lambda page: page.select_option("#id_size", "small"),
        first_control="#id_kind",
        first_value=lambda site: "behov",
    ),
}


def _filter(page: Page, site: ExampleSite, shown: FilteredList) -> str:
    page.goto(site(shown.path))
    parameter = shown.choose_filter(page, site)
    page.wait_for_url(lambda url: parameter in url)
    page.wait_for_load_state("networkidle")
    return parameter


def _expect_full_page(page: Page, title: str) -> None:
    expect(page).to_have_title(f"{title} · Rådslag")
    expect(page.locator("header.site-header")).to_be_visible()
    # The site's stylesheet is applied: the header has its dark blue, not a bare default.
    expect(page.locator("header.site-header")).to_have_css("background-color", "rgb(18, 56, 102)")


def _first_filter_shown(page: Page, site: ExampleSite, shown: FilteredList) -> None:
    if shown.first_control:
        expect(page.locator(shown.first_control)).to_have_value(shown.first_value(site))
    else:
        expect(page.locator(f"#facet-area-{site.area_with_cases}")).to_be_checked()


@pytest.mark.parametrize("name", LISTS)
def test_back_after_filtering_and_opening_a_row_shows_the_whole_filtered_page(
    page: Page, example_site: ExampleSite, name: str
) -> None:
    shown = LISTS[name]
    parameter = _filter(page, example_site, shown)
    page.locator(shown.results).first.click()
    page.wait_for_load_state("load")
    assert parameter not in page.url

    page.go_back()
    page.wait_for_url(lambda url: parameter in url)
    page.wait_for_load_state("networkidle")

    _expect_full_page(page, shown.title)
    _first_filter_shown(page, example_site, shown)


@pytest.mark.parametrize("name", LISTS)
def test_a_filter_change_after_back_keeps_the_filter_chosen_before(
    page: Page, example_site: ExampleSite, name: str
) -> None:
    shown = LISTS[name]
    parameter = _filter(page, example_site, shown)
    page.locator(shown.results).first.click()
    page.wait_for_load_state("load")
    page.go_back()
    page.wait_for_url(lambda url: parameter in url)
    page.wait_for_load_state("networkidle")

    shown.change_another_filter(page)
    page.wait_for_load_state("networkidle")

    assert parameter in page.url
    _first_filter_shown(page, example_site, shown)


@pytest.mark.parametrize("name", LISTS)
def test_back_between_two_filters_shows_the_earlier_filter_in_the_form(
    page: Page, example_site: ExampleSite, name: str
) -> None:
    shown = LISTS[name]
    _filter(page, example_site, shown)
    filtered_once = page.url
    shown.change_another_filter(page)
    page.wait_for_url(lambda url: url != filtered_once)
    page.wait_for_load_state("networkidle")

    page.go_back()
    page.wait_for_url(filtered_once)
    page.wait_for_load_state("networkidle")

    _expect_full_page(page, shown.title)
    _first_filter_shown(page, example_site, shown)


@pytest.mark.parametrize("name", LISTS)
def test_switching_language_after_filtering_keeps_the_filter(
    page: Page, example_site: ExampleSite, name: str
) -> None:
    shown = LISTS[name]
    parameter = _filter(page, example_site, shown)

    page.select_option("#language-select", "en")
    page.click(".language-form button")
    page.wait_for_load_state("load")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert parameter in page.url
    _first_filter_shown(page, example_site, shown)
