"""The server-rendered maps, checked by axe-core in the browser."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import AXE_SCRIPT, ExampleSite

pytestmark = pytest.mark.django_db

MAPS = {
    "karta": lambda site: "/karta/",
    "statistik": lambda site: "/anvandningsfall/statistik/",
    "kommun": lambda site: f"/kommuner/{site.municipality_code}/",
}


def axe_violations(page: Page, rules: list[str]) -> list[dict[str, Any]]:
    # Evaluated through the browser's debugging protocol, which the page's
    # Content-Security-Policy does not govern; a <script> tag with axe's source would be refused.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'rule', values: rules}})", rules
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("name", MAPS)
def test_a_map_nests_no_interactive_element_inside_another(
    page: Page, example_site: ExampleSite, name: str
) -> None:
    page.goto(example_site(MAPS[name](example_site)))
    assert page.locator("svg").count() > 0
    rules = ["nested-interactive", "aria-hidden-focus", "svg-img-alt", "link-name"]
    assert axe_violations(page, rules) == []
