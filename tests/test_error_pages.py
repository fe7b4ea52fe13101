"""The 404, 403 and 500 pages: in the site's layout, in the visitor's language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.html import contains

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.error_urls")]

PAGES = [
    ("/finns-inte/", 404, "Sidan finns inte", "Page not found"),
    ("/test-forbjuden/", 403, "Du har inte behörighet", "You do not have permission"),
    ("/test-trasig/", 500, "Något gick fel", "Something went wrong"),
]


@pytest.fixture
def visitor() -> Client:
    # A server error must come back as a page, as for a real visitor, not as an exception.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(("path", "status", "swedish", "english"), PAGES)
def test_an_error_page_has_the_site_layout_in_swedish(
    visitor: Client, path: str, status: int, swedish: str, english: str
) -> None:
    response = visitor.get(path)
    page = response.content.decode()
    assert response.status_code == status
    assert '<html lang="sv">' in page
    assert 'class="site-header"' in page
    assert 'class="site-footer"' in page
    assert contains(page, f"<title>{swedish} · Rådslag</title>")
    assert 'id="language-select"' in page


@pytest.mark.parametrize(("path", "status", "swedish", "english"), PAGES)
def test_an_error_page_speaks_english_to_a_visitor_who_chose_it(
    visitor: Client, path: str, status: int, swedish: str, english: str
) -> None:
    visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = visitor.get(path)
    page = response.content.decode()
    assert response.status_code == status
    assert '<html lang="en">' in page
    assert contains(page, f"<title>{english} · Rådslag</title>")
    assert swedish not in page
