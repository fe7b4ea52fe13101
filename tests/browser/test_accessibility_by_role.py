"""Every page, for a visitor and for each role, passes axe-core's WCAG 2.1 A and AA rules in
Chromium: the pages anyone reads, and the forms and lists each role works with."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from radslag.accounts.demo_accounts import DEMO_PASSWORD
from radslag.council import survey
from radslag.council.composition import Definition, compose, draw
from radslag.council.features import municipality_features
from radslag.council.models import Item, Round
from radslag.municipalities.models import Municipality
from tests.browser.conftest import AXE_SCRIPT, ExampleSite

pytestmark = pytest.mark.django_db

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
YEAR = timezone.localdate().year


def public_pages(site: ExampleSite) -> list[str]:
    return [
        "/",
        "/kommuner/",
        f"/kommuner/{site.municipality_code}/",
        f"/kommuner/{site.municipality_code}/nasta-steg/",
        "/karta/",
        "/anvandningsfall/",
        f"/anvandningsfall/{site.swedish_case_id}/",
        f"/anvandningsfall/{site.european_case_id}/",
        "/anvandningsfall/statistik/",
        "/anvandningsfall/oppna-data/",
        "/anvandningsfall/liknande/?text=chattbot",
        "/behov/",
        f"/behov/{site.need_id}/",
        "/behov/teman/",
        f"/behov/teman/{site.theme_id}/",
        "/mognad/",
        "/mognad/modell/",
        f"/mognad/kommuner/{site.municipality_code}/",
        "/radet/",
        "/radet/representativitet/",
        "/radet/sammansattning/",
        "/om/tillganglighet/",
        "/om/personuppgifter/",
        "/konto/losenord/",
    ]


ROLE_PAGES: dict[str | None, list[str]] = {
    None: ["/konto/logga-in/"],
    "samordnare": [
        "/anvandningsfall/ny/",
        "/anvandningsfall/inbaddning/",
        "/behov/nytt/",
        "/behov/ladda-upp/",
        "/behov/dubbletter/",
        "/granskning/",
        "/konto/personer/",
        "/konto/inbjudningar/",
        "/konto/api-nycklar/",
        "/radet/omgangar/ny/",
        "/radet/sammansattning/ny/",
        "/radet/platser/3/ledamot/",
        f"/mognad/kommuner/2026/{YEAR}/",
    ],
    "ledamot": ["/radet/"],
    "gagnef": [
        "/anvandningsfall/ny/",
        "/behov/nytt/",
        "/behov/ladda-upp/",
        f"/mognad/kommuner/2026/{YEAR}/",
        "/konto/inbjudningar/",
        "/konto/api-nycklar/",
    ],
    "medarbetare": ["/behov/nytt/", "/konto/api-nycklar/"],
}


@pytest.fixture(scope="module")
def round_pages(example_site: ExampleSite, django_db_blocker: Any) -> list[str]:
    """An open wiki survey with a link, a composition before and after its draw, and their
    pages."""
    with django_db_blocker.unblock():
        round_ = Round.objects.create(
            title="Prioritering",
            question="Vilket behov är viktigast?",
            kind=Round.Kind.WIKI_SURVEY,
            status=Round.Status.OPEN,
        )
        Item.objects.bulk_create(
            Item(round=round_, label=label) for label in ("Tolkning", "Bygglov")
        )
        token = survey.create_link(round_, Municipality.objects.get(code="2026"), None)[1]
        known = municipality_features()
        composition = compose(
            Definition("Nytt råd", 4, "alla", tuple(sorted(known.of)), ("size",), {}), known
        )
        drawn = draw(
            compose(Definition("Draget råd", 4, "alla", tuple(known.of), ("size",), {}), known),
            "frö",
        )
    return [
        f"/radet/omgangar/{round_.pk}/",
        f"/radet/delta/{token}/",
        f"/radet/sammansattning/{composition.pk}/",
        f"/radet/sammansattning/{drawn.pk}/",
        f"/radet/sammansattning/{drawn.pk}/spela-upp/",
        f"/radet/sammansattning/{drawn.pk}/representativitet/",
    ]


def violations(page: Page) -> list[dict[str, Any]]:
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        {"url": page.url, "id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def sign_in(page: Page, site: ExampleSite, username: str) -> None:
    page.goto(site("/konto/logga-in/"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    expect(page.locator(".account")).to_contain_text("Inloggad som")


@pytest.mark.parametrize("role", list(ROLE_PAGES), ids=lambda role: role or "anonym")
def test_every_page_of_the_role_passes_axe(
    page: Page, example_site: ExampleSite, round_pages: list[str], role: str | None
) -> None:
    if role is not None:
        sign_in(page, example_site, role)
    found: list[dict[str, Any]] = []
    for path in public_pages(example_site) + round_pages + ROLE_PAGES[role]:
        answer = page.goto(example_site(path))
        assert answer is not None
        assert answer.status == 200, path
        found += violations(page)

    assert found == []
