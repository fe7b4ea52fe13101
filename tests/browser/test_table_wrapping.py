"""Table headings and dates keep their numbers together instead of breaking into tall stacks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ExampleSite

pytestmark = pytest.mark.django_db

LINE_COUNT = """elements => elements.map(element => {
    const style = getComputedStyle(element);
    const content = element.getBoundingClientRect().height
        - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return Math.round(content / parseFloat(style.lineHeight));
})"""


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_themes_table_headings_take_at_most_three_lines(
    page: Page, example_site: ExampleSite, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(example_site("/behov/teman/"))
    lines = page.eval_on_selector_all("thead th", LINE_COUNT)
    assert lines
    assert max(lines) <= 3, lines


def test_a_size_heading_never_splits_a_number(page: Page, example_site: ExampleSite) -> None:
    page.goto(example_site("/behov/teman/"))
    headings = page.eval_on_selector_all("thead th", "cells => cells.map(c => c.innerText)")
    assert any("15\u00a0000" in heading for heading in headings), headings


DATE_LINES = """cells => cells.map(cell => {
    const text = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode();
    const date = document.createRange();
    date.setStart(text, 0);
    date.setEnd(text, "2026-08-02".length);
    return date.getClientRects().length;
})"""


@pytest.mark.parametrize("width", [1280, 375])
def test_a_date_an_obligation_applies_from_stays_on_one_line(
    page: Page, example_site: ExampleSite, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(example_site(f"/anvandningsfall/{example_site.obligated_case_id}/"))
    cells = page.locator("xpath=//table[.//th[normalize-space()='Gäller från']]//tbody//td[2]")
    assert cells.count() > 0
    lines = cells.evaluate_all(DATE_LINES)
    assert max(lines) == 1, lines
