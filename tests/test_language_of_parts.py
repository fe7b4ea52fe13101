"""Text written in another language than the page's is marked with it (WCAG 2.1, 3.1.2)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation

from radslag.core.templatetags.languages import swedish
from radslag.core.widgets import SwedishCheckboxes, SwedishSelect
from radslag.needs.models import Need
from radslag.register.choices import Source
from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

KIL = "1715"


def _in_english(client: Client, address: str) -> str:
    return _in(client, "en", address)


def _in(client: Client, language: str, address: str) -> str:
    client.cookies["django_language"] = language
    return client.get(address).content.decode()


def _need() -> Need:
    return Need.objects.create(
        title="Tolkning dygnet runt",
        text="Vi behöver tolkning i mottagandet av nyanlända, på många språk.",
        municipality_id=KIL,
        area="aldreomsorg",
    )


@pytest.mark.usefixtures("reference_data")
def test_on_an_english_page_a_need_written_in_swedish_is_marked_swedish(client: Client) -> None:
    need = _need()

    page = _in_english(client, f"/behov/{need.pk}/")
    listing = _in_english(client, "/behov/")

    assert '<h1 lang="sv">Tolkning dygnet runt</h1>' in page
    assert re.search(r'<p lang="sv">Vi behöver tolkning', page)
    assert re.search(r'lang="sv">Tolkning dygnet runt</a>', listing)


@pytest.mark.usefixtures("reference_data")
def test_on_a_swedish_page_swedish_text_gets_no_language_of_its_own(client: Client) -> None:
    need = _need()

    page = client.get(f"/behov/{need.pk}/").content.decode()

    assert "<h1>Tolkning dygnet runt</h1>" in page
    assert 'lang="sv"' not in page.split("<main", 1)[1]


@pytest.mark.usefixtures("reference_data")
def test_a_use_case_is_marked_with_its_own_language_where_the_page_has_another(
    client: Client,
) -> None:
    swedish = UseCase.objects.create(
        title="Tolkning i mottagandet", organisation_id=KIL, status="publicerad"
    )
    european = UseCase.objects.create(
        title="Interpreting at reception", source=Source.PSTW, status="publicerad"
    )

    assert '<h1 lang="sv">' in _in_english(client, f"/anvandningsfall/{swedish.pk}/")
    assert '<h1 lang="en">' in _in(client, "sv", f"/anvandningsfall/{european.pk}/")
    assert "<h1>Interpreting" in _in_english(client, f"/anvandningsfall/{european.pk}/")


def test_the_accessibility_statement_names_where_the_marking_is_still_missing(
    client: Client,
) -> None:
    page = _in_english(client, "/om/tillganglighet/")

    assert "with three exceptions: the texts in the charts" in page


def test_choices_written_by_municipalities_are_marked_swedish_on_an_english_page() -> None:
    choices = [("", "All themes"), (1, "Tolkning & språk")]
    with translation.override("en"):
        select = SwedishSelect(choices=choices).render("theme", 1)
        boxes = SwedishCheckboxes(choices=choices[1:]).render("themes", [1])

    assert '<option value="" lang' not in select
    assert '<option value="1" selected lang="sv">Tolkning &amp; språk</option>' in select
    assert '<span lang="sv">Tolkning &amp; språk</span>' in boxes


def test_choices_on_a_swedish_page_are_left_as_they_are() -> None:
    with translation.override("sv"):
        select = SwedishSelect(choices=[(1, "Tolkning")]).render("theme", 1)
        boxes = SwedishCheckboxes(choices=[(1, "Tolkning")]).render("themes", [1])

    assert 'lang="sv"' not in select + boxes


def test_a_name_quoted_in_a_sentence_is_escaped_and_marked_only_on_a_foreign_page() -> None:
    with translation.override("en"):
        english = swedish("<b>Tolkning</b>")
    with translation.override("sv"):
        own = swedish("<b>Tolkning</b>")

    assert english == '<span lang="sv">&lt;b&gt;Tolkning&lt;/b&gt;</span>'
    assert own == "&lt;b&gt;Tolkning&lt;/b&gt;"
