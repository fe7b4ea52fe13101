"""Every form works in a browser without JavaScript: its buttons carry the decision.

Each test reads the rendered page, fills in its form and presses a button as such a browser
would (tests/browserless.py); nothing the page's scripts do is done.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from radslag.council.models import Item, PairVote, Round
from radslag.council.survey import create_link
from radslag.maturity.models import Assessment
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import submit as submit_need
from tests.browserless import forms_of, submit
from tests.people import convener, representative

pytestmark = pytest.mark.django_db

TEXT = (
    "Vi vill använda taligenkänning i hemtjänsten så att personalen kan tala in den sociala "
    "dokumentationen direkt efter besöket i stället för att skriva den på kontoret."
)
PAGES_WITH_FORMS = [
    "/behov/nytt/",
    "/behov/ladda-upp/",
    "/anvandningsfall/ny/",
    f"/mognad/kommuner/0180/{timezone.localdate().year}/",
    "/konto/api-nycklar/",
    "/radet/omgangar/ny/",
    "/radet/sammansattning/ny/",
    "/radet/platser/3/ledamot/",
    "/behov/",
    "/anvandningsfall/",
    "/kommuner/",
]


def existing_need() -> Need:
    need = Need(
        kind=Need.Kind.NEED,
        title="Taligenkänning i hemtjänsten",
        text=TEXT,
        area="aldreomsorg",
        municipality=Municipality.objects.get(code="1480"),
    )
    return submit_need(need, Municipality.objects.none())


def test_a_need_like_an_earlier_one_is_submitted_as_new_with_the_offered_button(
    client: Client,
) -> None:
    existing_need()
    client.force_login(representative("0180"))
    details = {
        "kind": Need.Kind.NEED,
        "title": "Tal till text i hemtjänsten",
        "text": TEXT,
        "area": "aldreomsorg",
        "municipality": "0180",
    }

    offered = submit(client, "/behov/nytt/", button="Lämna in", **details)

    assert offered.status_code == 200, "the similar submissions are offered first"
    assert Need.objects.count() == 1
    stored = submit(client, "/behov/nytt/", html=offered.content.decode(), button="som nytt inlägg")
    assert stored.status_code == 302
    assert Need.objects.count() == 2


def test_a_need_like_an_earlier_one_is_merged_into_it_with_the_offered_button(
    client: Client,
) -> None:
    earlier = existing_need()
    client.force_login(representative("0180"))
    offered = submit(
        client,
        "/behov/nytt/",
        button="Lämna in",
        kind=Need.Kind.NEED,
        title="Tal till text i hemtjänsten",
        text=TEXT,
        area="aldreomsorg",
        municipality="0180",
    )

    merged = submit(
        client, "/behov/nytt/", html=offered.content.decode(), button="Slå ihop med detta"
    )

    assert merged.status_code == 302
    assert Need.objects.open().count() == 1
    assert earlier.supports.filter(municipality_id="0180").exists()


def test_a_self_assessment_is_saved_as_a_draft_or_submitted_by_its_two_buttons(
    client: Client,
) -> None:
    client.force_login(representative("0180"))
    page = f"/mognad/kommuner/0180/{timezone.localdate().year}/"
    forms = forms_of(client.get(page).content.decode())
    form = next(form for form in forms if any(b.text == "Skicka in" for b in form.buttons))
    levels = {name: "3" for name in form.choosable if name.startswith("level_")}
    assert len(levels) == 7

    submit(client, page, button="Spara utkast", **levels)
    assert Assessment.objects.get(municipality_id="0180").status == Assessment.Status.DRAFT

    submit(client, page, button="Skicka in", **levels)
    assert Assessment.objects.get(municipality_id="0180").status == Assessment.Status.SUBMITTED


def test_a_wiki_survey_vote_is_the_button_of_the_chosen_item(client: Client) -> None:
    round_ = Round.objects.create(
        title="Vad är viktigast?",
        question="Vilket är viktigast?",
        kind=Round.Kind.WIKI_SURVEY,
        status=Round.Status.OPEN,
    )
    for label in ("Tolkning", "Bygglov"):
        Item.objects.create(round=round_, label=label)
    _link, token = create_link(round_, Municipality.objects.get(code="0180"), convener())
    page = f"/radet/delta/{token}/"
    shown = [b.text for form in forms_of(client.get(page).content.decode()) for b in form.buttons]

    answer = submit(client, page, button="Bygglov" if "Bygglov" in shown else shown[0])

    assert answer.status_code == 302
    vote = PairVote.objects.get()
    assert vote.municipality_id == "0180"


@pytest.mark.parametrize("page", PAGES_WITH_FORMS)
def test_every_form_a_page_shows_can_be_sent_with_a_button(client: Client, page: str) -> None:
    client.force_login(convener())

    response = client.get(page)

    assert response.status_code == 200
    forms = forms_of(response.content.decode())
    assert forms, f"{page} shows no form"
    for form in forms:
        assert form.buttons, f"{page}: a form to {form.action or page} has no button to send it"
