"""The footer ends the window on a page shorter than the window."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ExampleSite

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("height", [900, 1600])
def test_the_footer_sits_at_the_bottom_of_a_short_page(
    page: Page, example_site: ExampleSite, height: int
) -> None:
    page.set_viewport_size({"width": 1280, "height": height})
    page.goto(example_site("/finns-inte/"))
    page_height = page.evaluate("document.documentElement.scrollHeight")
    assert page_height <= height, "the page is meant to be shorter than the window"
    footer_bottom = page.eval_on_selector(
        "footer.site-footer", "footer => footer.getBoundingClientRect().bottom"
    )
    assert footer_bottom == pytest.approx(height, abs=1)
