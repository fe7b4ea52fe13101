"""A wiki survey from start to end through real HTTP requests against a live server: a
convener opens a round, a representative shares their municipality's link, colleagues vote
without accounts, and the published result ranks what they preferred."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from pytest_django.live_server_helper import LiveServer

from radslag.accounts.models import Membership, Role
from radslag.council.models import PairVote, Round

pytestmark = pytest.mark.django_db(transaction=True)

ITEMS = ["Tolkning", "Bygglov", "Schemaläggning", "Ekonomiuppföljning"]
PREFERRED = "Schemaläggning"


def _csrf(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def _post(browser: httpx.Client, path: str, data: dict[str, str], form_page: str) -> httpx.Response:
    page = browser.get(form_page).text
    return browser.post(path, data={**data, "csrfmiddlewaretoken": _csrf(page)})


BROWSERS: list[httpx.Client] = []


@pytest.fixture
def site(live_server: LiveServer, settings: Any, reference_data: None) -> Iterator[str]:
    # The live server speaks plain HTTP, so the cookies must not be HTTPS-only.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    yield live_server.url
    while BROWSERS:
        BROWSERS.pop().close()


def _browser(site: str) -> httpx.Client:
    """A visitor with their own cookies, as a browser of their own would have."""
    browser = httpx.Client(base_url=site, follow_redirects=False)
    BROWSERS.append(browser)
    return browser


def _signed_in(site: str, username: str) -> httpx.Client:
    browser = _browser(site)
    answer = _post(
        browser,
        "/konto/logga-in/",
        {"username": username, "password": "lösen-för-test"},
        "/konto/logga-in/",
    )
    assert answer.status_code == 302, answer.text
    return browser


def _people() -> None:
    convener = User.objects.create_user("sam", password="lösen-för-test")
    Membership.objects.create(person=convener, role=Role.CONVENER)
    kil = User.objects.create_user("rut", password="lösen-för-test")
    Membership.objects.create(person=kil, role=Role.REPRESENTATIVE, municipality_id="1715")


def _vote(browser: httpx.Client, link: str) -> str | None:
    """Vote once for the preferred item (or the first shown); return the refusal shown, if any."""
    page = browser.get(link).text
    left = re.search(r'name="left" value="(\d+)"', page)
    right = re.search(r'name="right" value="(\d+)"', page)
    if not (left and right):
        return None
    labels = re.findall(r'class="pair-option">([^<]+)</button>', page)
    choice = "hoger" if labels[1] == PREFERRED else "vanster"
    data = {"left": left.group(1), "right": right.group(1), "choice": choice}
    answer = browser.post(link, data={**data, "csrfmiddlewaretoken": _csrf(page)})
    assert answer.status_code == 302
    return None


def test_a_wiki_survey_from_the_link_to_the_published_result(site: str) -> None:
    _people()
    convener = _signed_in(site, "sam")
    created = _post(
        convener,
        "/radet/omgangar/ny/",
        {
            "title": "Vad ska rådet prioritera?",
            "question": "Vilket behov är viktigast för kommunerna?",
            "kind": "parvis",
            "weighting": "equal",
            "items": "\n".join(ITEMS),
        },
        "/radet/omgangar/ny/",
    )
    assert created.status_code == 302
    round_page = created.headers["location"]
    opened = _post(convener, f"{round_page}status/", {"status": "oppen"}, round_page)
    assert opened.status_code == 302

    representative = _signed_in(site, "rut")
    shared = _post(representative, f"{round_page}lank/", {"municipality": "1715"}, round_page)
    assert shared.status_code == 302
    shown = representative.get(round_page).text
    link = re.search(r'<code class="share-link">[^<]*?(/radet/delta/[^<]+/)</code>', shown)
    assert link, "the representative is shown the link to share"

    anonymous = _browser(site)
    assert anonymous.get(f"{round_page}resultat/").status_code == 403

    for _colleague in range(3):
        colleague = _browser(site)
        for _pair in range(6):
            _vote(colleague, link.group(1))
    assert PairVote.objects.count() == 18
    assert set(PairVote.objects.values_list("municipality_id", flat=True)) == {"1715"}

    for status in ("stangd", "publicerad"):
        _post(convener, f"{round_page}status/", {"status": status}, round_page)
    result = anonymous.get(f"{round_page}resultat/").text
    first_row = re.search(r"<tr><td>1</td><th scope=\"row\">([^<]+)</th>", result)
    assert first_row
    assert first_row.group(1) == PREFERRED
    assert Round.objects.get().status == Round.Status.PUBLISHED
