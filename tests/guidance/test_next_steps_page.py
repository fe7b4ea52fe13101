"""A municipality's next steps at /kommuner/<kod>/nasta-steg/: ranked steps with their
reasons, the peers of its size that already did it and how to reach them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from radslag.accounts import personal_data
from radslag.council.models import Ballot, Item, Round
from radslag.maturity.models import Answer, Assessment, MaturityModel
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Theme
from radslag.needs.support import submit
from radslag.register.models import UseCase
from tests.people import convener, council_member, representative

pytestmark = pytest.mark.django_db

# Kil and Gagnef have under 15 000 inhabitants; Stockholm over 200 000.
OWN, SMALL_PEER, CITY = "1715", "2026", "0180"
PAGE = f"/kommuner/{OWN}/nasta-steg/"


def _need(code: str, title: str, area: str, **fields: Any) -> Need:
    need = Need(
        title=title,
        text="Vi behöver hjälp med detta i verksamheten.",
        area=area,
        municipality=Municipality.objects.get(code=code),
        **fields,
    )
    return submit(need)


def _case(code: str, title: str, area: str, stage: str = "i-drift", **fields: Any) -> UseCase:
    return UseCase.objects.create(
        title=title,
        summary=title,
        organisation_id=code,
        area=area,
        stage=stage,
        status=fields.pop("status", "publicerad"),
        **fields,
    )


def _steps(page: str) -> list[str]:
    """The steps' titles in the order shown."""
    listed = page.split('<ol class="item-list next-steps">', 1)[1].split("</ol>", 1)[0]
    titles = re.findall(r"<h3>(.*?)</h3>", listed, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", title).split()) for title in titles]


def test_a_need_of_its_own_puts_its_area_first_with_the_need_as_the_reason(
    client: Client,
) -> None:
    need = _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    _case(CITY, "Chattbot", "medborgarservice")

    page = client.get(PAGE).content.decode()

    assert _steps(page)[0] == "Äldreomsorg: ta AI i drift"
    assert f'<a href="/behov/{need.pk}/">Ert behov: ”Taligenkänning i hemtjänsten”</a>' in page


def test_peers_of_its_size_with_the_area_in_production_are_shown_with_their_published_contact(
    client: Client,
) -> None:
    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    peer = _case(
        SMALL_PEER,
        "Tal till text i hemtjänsten",
        "aldreomsorg",
        contact_email="ai@gagnef.example",
        contact_name="Anna Andersson",
        contact_name_consent=False,
    )
    _case(CITY, "Stockholms taligenkänning", "aldreomsorg")

    page = client.get(PAGE).content.decode()

    assert f'<a href="/anvandningsfall/{peer.pk}/">Tal till text i hemtjänsten</a>' in page
    assert '<a href="mailto:ai@gagnef.example">ai@gagnef.example</a>' in page
    assert "Anna Andersson" not in page
    assert "1 kommun i samma storleksklass har AI i drift inom området." in page
    assert "Stockholms taligenkänning" not in page


def test_a_consented_contact_name_is_shown_and_peers_of_other_sizes_stand_in_for_none(
    client: Client,
) -> None:
    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    _case(
        CITY,
        "Stockholms taligenkänning",
        "aldreomsorg",
        contact_name="Bo Berg",
        contact_name_consent=True,
    )

    page = client.get(PAGE).content.decode()

    assert "kontakt: Bo Berg" in page
    assert "(annan storleksklass)" in page
    assert "Ingen kommun i samma storleksklass har AI i drift inom området, men 1 annan" in page


def test_an_area_it_already_runs_in_production_is_not_proposed(client: Client) -> None:
    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    _case(OWN, "Vår taligenkänning", "aldreomsorg")
    _case(CITY, "Chattbot", "medborgarservice")

    steps = _steps(client.get(PAGE).content.decode())

    # The area someone runs AI in has evidence; Kil's own area is done. (Other tests' example
    # data built once per run may add other areas, so only these two are checked.)
    assert "Medborgarservice och kommunikation: ta AI i drift" in steps
    assert not any(step.startswith("Äldreomsorg") for step in steps)


def test_a_pilot_of_its_own_becomes_the_step_to_take_it_into_production(client: Client) -> None:
    pilot = _case(OWN, "Robotstöd för bygglov", "samhallsbyggnad", stage="pilot")

    page = client.get(PAGE).content.decode()

    assert _steps(page)[0] == "Ta ”Robotstöd för bygglov” i drift"
    assert f'<a href="/anvandningsfall/{pilot.pk}/">Ert användningsfall' in page


def test_the_councils_priority_for_a_theme_is_a_reason_in_its_area(client: Client) -> None:
    theme = Theme.objects.create(label="Bygglov", terms=["bygglov"], computed_at=timezone.now())
    other = Theme.objects.create(label="Skolval", terms=["skolval"], computed_at=timezone.now())
    _need(CITY, "Bygglovsrobot", "samhallsbyggnad", theme=theme)
    _need(CITY, "Skolvalsstöd", "skola", theme=other)
    round_ = Round.objects.create(
        title="Rådets prioritering",
        question="Vad först?",
        kind=Round.Kind.BALLOT,
        status=Round.Status.PUBLISHED,
    )
    first, second = Item.objects.bulk_create(
        Item(round=round_, label=label) for label in ("Bygglov", "Skolval")
    )
    Ballot.objects.create(
        round=round_, person=council_member(), ranks={str(first.pk): 1, str(second.pk): 2}
    )

    page = client.get(PAGE).content.decode()

    assert _steps(page)[0] == "Samhällsbyggnad och miljö: ta AI i drift"
    assert (
        f'<a href="/behov/teman/{theme.pk}/">Rådet prioriterade temat ”Bygglov” på plats 1 av 2 '
        "i ”Rådets prioritering”; 100 % av temats behov gäller området.</a>"
    ) in page
    assert "temat ”Skolval”" not in page  # the last place gives no priority


def _assess(code: str, levels: list[int]) -> None:
    model = MaturityModel.objects.current()
    assessment = Assessment.objects.create(
        municipality_id=code,
        year=2025,
        model=model,
        status=Assessment.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    Answer.objects.bulk_create(
        Answer(assessment=assessment, dimension=dimension, level=level)
        for dimension, level in zip(model.dimension_list(), levels, strict=True)
    )


def test_a_maturity_gap_below_its_peers_is_a_step_with_what_the_next_level_requires(
    client: Client,
) -> None:
    # Five small municipalities at level 3 everywhere; Kil at 1 in data (the third dimension).
    for code in ("2026", "2029", "2031", "2034", "2039"):
        _assess(code, [3] * 7)
    _assess(OWN, [3, 3, 1, 3, 3, 3, 3])

    page = client.get(PAGE).content.decode()

    assert _steps(page)[0] == "Nå nivå 2 i data"
    assert "Er nivå 1 (självskattning 2025) ligger 2 nivåer under medianen 3,0" in page
    assert "Nästa nivå: Några förvaltningar har kartlagt sina viktigaste datamängder" in page
    assert '<a href="/mognad/kommuner/2026/">Gagnef</a>' in page


def test_a_draft_case_counts_only_for_those_who_may_see_it() -> None:
    _case(OWN, "Utkast om bygglov", "samhallsbyggnad", stage="pilot", status="utkast")
    seen = {}
    for role, person in (
        ("anonym", None),
        ("samordnare", convener()),
        ("egen", representative(OWN, "kil")),
        ("annan", representative("2062", "mora")),
    ):
        client = Client()
        if person is not None:
            client.force_login(person)
        seen[role] = "Utkast om bygglov" in client.get(PAGE).content.decode()

    assert seen == {"anonym": False, "samordnare": True, "egen": True, "annan": False}


def test_the_municipality_page_links_to_its_next_steps(client: Client) -> None:
    page = client.get(f"/kommuner/{OWN}/").content.decode()

    assert f'<a href="{PAGE}">Nästa steg för Kil</a>' in page


def test_an_address_without_a_municipality_is_not_found(client: Client) -> None:
    assert client.get("/kommuner/9999/nasta-steg/").status_code == 404


def test_example_data_is_marked_as_such(client: Client) -> None:
    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg", is_example=True)

    page = client.get(PAGE).content.decode()

    assert "Sidan bygger på exempeldata" in page


def test_a_case_registered_or_changed_after_a_view_shows_on_the_next(client: Client) -> None:
    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    client.get(PAGE)  # what every municipality is measured against is now read and kept
    peer = _case(SMALL_PEER, "Tal till text i hemtjänsten", "aldreomsorg", stage="pilot")

    before = client.get(PAGE).content.decode()
    peer.stage = "i-drift"
    peer.save()
    after = client.get(PAGE).content.decode()

    assert "Tal till text i hemtjänsten" not in before
    assert f'<a href="/anvandningsfall/{peer.pk}/">Tal till text i hemtjänsten</a>' in after


def test_an_erased_contact_is_gone_from_the_peers_at_once(client: Client) -> None:
    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    _case(SMALL_PEER, "Tal till text", "aldreomsorg", contact_email="anna@gagnef.example")
    person = get_user_model().objects.create_user("anna", email="anna@gagnef.example")
    before = client.get(PAGE).content.decode()

    personal_data.erase(person)

    assert "anna@gagnef.example" in before
    assert "anna@gagnef.example" not in client.get(PAGE).content.decode()


def test_an_initiative_it_could_join_is_a_step_with_its_peers(client: Client) -> None:
    from radslag.initiatives.models import Initiative, Participation

    _need(OWN, "Taligenkänning i hemtjänsten", "aldreomsorg")
    joined = Initiative.objects.create(
        title="Delad plattform för hemtjänsten",
        type="gemensam-plattform",
        description="x",
        areas=["aldreomsorg"],
        cost_low=1,
        cost_high=2,
        status=Initiative.Status.RECOMMENDED,
    )
    Participation.objects.create(initiative=joined, municipality_id="2062", role="deltar")
    done = Initiative.objects.create(
        title="Avslutat", type="natverk", description="x", cost_low=1, cost_high=2, status="klar"
    )

    page = client.get(PAGE).content.decode()

    assert "Gå med i ”Delad plattform för hemtjänsten”" in page
    assert f'href="/initiativ/{joined.pk}/"' in page
    assert done.title not in page
