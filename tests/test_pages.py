"""The front page, the shared layout and the language switch."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/", "/kommuner/", "/kommuner/0180/", "/kommuner/0180/nasta-steg/", "/karta/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_one_h1_a_skip_link_and_landmarks(client: Client, url: str) -> None:
    page = client.get(url).content.decode()

    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    assert "<header" in page
    assert "<nav" in page
    assert "<footer" in page


def test_the_front_page_speaks_swedish_by_default(client: Client) -> None:
    page = client.get("/").content.decode()

    assert '<html lang="sv">' in page
    assert "Börja här" in page


def test_the_language_switch_turns_pages_english(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/kommuner/"})
    assert response.status_code == 302

    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Start here" in page
    assert "Municipalities" in client.get("/kommuner/").content.decode()


def test_htmx_is_served_from_the_platform_itself(client: Client) -> None:
    page = client.get("/").content.decode()

    assert '<script src="/static/vendor/htmx.min.js"' in page
    assert "https://" not in re.sub(r'href="https?://[^"]*"', "", page).split("<body>")[0]
