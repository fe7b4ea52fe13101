"""A convener builds a round on what Rådslag already holds (the needs' themes, the application
areas, the initiatives), and the items keep their source so the results lead back to the
evidence."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from radslag.core.areas import Area
from radslag.council import survey
from radslag.council.models import Item, PairVote, Round
from radslag.initiatives.models import Initiative
from radslag.initiatives.recommendations import theme_survey
from radslag.municipalities.models import Municipality
from radslag.needs.models import Theme
from tests.people import convener

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    signed_in = Client()
    signed_in.force_login(convener())
    return signed_in


def _create(client: Client, source: str, items: str = "", kind: str = "parvis") -> str:
    answer = client.post(
        "/radet/omgangar/ny/",
        {
            "title": "Prioritering",
            "question": "Vad är viktigast?",
            "kind": kind,
            "weighting": "equal",
            "item_source": source,
            "items": items,
        },
    )
    return "" if answer.status_code == 302 else answer.content.decode()


def _items() -> list[tuple[str, str]]:
    return list(Item.objects.order_by("id").values_list("label", "source"))


def test_a_round_on_the_themes_takes_every_live_theme_with_its_source(client: Client) -> None:
    now = timezone.now()
    interpreting = Theme.objects.create(label="Tolkning", computed_at=now)
    scheduling = Theme.objects.create(label="Schemaläggning", computed_at=now)
    Theme.objects.create(label="Gammalt tema", computed_at=now, retired_at=now)

    assert _create(client, "teman") == ""

    assert _items() == [
        ("Tolkning", f"needs.theme:{interpreting.pk}"),
        ("Schemaläggning", f"needs.theme:{scheduling.pk}"),
    ]


def test_typed_lines_are_added_to_the_sources_items_once(client: Client) -> None:
    now = timezone.now()
    theme = Theme.objects.create(label="Tolkning", computed_at=now)
    Theme.objects.create(label="Schemaläggning", computed_at=now)

    assert _create(client, "teman", "tolkning\nRekrytering") == ""

    labels = [label for label, _source in _items()]
    assert labels == ["Tolkning", "Schemaläggning", "Rekrytering"]
    assert _items()[0] == ("Tolkning", f"needs.theme:{theme.pk}")
    assert _items()[2] == ("Rekrytering", "")


def test_a_source_with_fewer_than_two_items_is_refused_next_to_the_field(client: Client) -> None:
    Theme.objects.create(label="Ensamt tema", computed_at=timezone.now())

    page = _create(client, "teman")

    assert "Källan har färre än två alternativ" in page
    assert not Round.objects.exists()


def test_own_items_need_at_least_two_lines(client: Client) -> None:
    page = _create(client, "egna", "Bara en")

    assert "Ange minst två alternativ, ett per rad." in page
    assert not Round.objects.exists()


def test_the_application_areas_are_items_with_their_area_codes(client: Client) -> None:
    assert _create(client, "omraden", kind="poang") == ""

    assert len(_items()) == len(Area)
    assert _items()[0] == (str(Area.PRESCHOOL_AND_SCHOOL.label), "core.area:skola")


def test_the_initiatives_to_prioritise_leave_out_finished_and_cancelled_ones(
    client: Client,
) -> None:
    def initiative(title: str, status: str) -> Initiative:
        return Initiative.objects.create(
            title=title,
            type="natverk",
            description=title,
            status=status,
            cost_low=100,
            cost_high=200,
        )

    proposed = initiative("Gemensam tolktjänst", "foreslagen")
    ongoing = initiative("AI-nätverk", "pagar")
    initiative("Klar plattform", "klar")
    initiative("Avbruten upphandling", "avbruten")

    assert _create(client, "initiativ", kind="rangordning") == ""

    assert _items() == [
        ("Gemensam tolktjänst", f"initiatives.initiative:{proposed.pk}"),
        ("AI-nätverk", f"initiatives.initiative:{ongoing.pk}"),
    ]


def test_a_published_survey_made_on_the_themes_is_the_one_the_recommendations_use(
    client: Client,
) -> None:
    now = timezone.now()
    Theme.objects.create(label="Tolkning", computed_at=now)
    Theme.objects.create(label="Schemaläggning", computed_at=now)
    _create(client, "teman")
    typed = _create(client, "egna", "A\nB")

    assert typed == ""
    made = Round.objects.filter(items__source__startswith="needs.theme:").distinct().get()
    Round.objects.update(status=Round.Status.PUBLISHED)
    assert theme_survey() == made


def test_the_round_page_links_each_item_to_what_it_stands_for(client: Client) -> None:
    now = timezone.now()
    theme = Theme.objects.create(label="Tolkning", computed_at=now)
    Theme.objects.create(label="Schemaläggning", computed_at=now)
    _create(client, "teman", "Eget alternativ")
    made = Round.objects.get()

    page = client.get(made.get_absolute_url()).content.decode()

    assert f'<a href="/behov/teman/{theme.pk}/">Tolkning</a>' in page
    assert "<li>Eget alternativ</li>" in page


def test_two_themes_of_one_name_make_one_item(client: Client) -> None:
    now = timezone.now()
    first = Theme.objects.create(label="Tolkning", computed_at=now)
    Theme.objects.create(label="tolkning", computed_at=now)
    third = Theme.objects.create(label="Schemaläggning", computed_at=now)

    assert _create(client, "teman") == ""

    assert _items() == [
        ("Tolkning", f"needs.theme:{first.pk}"),
        ("Schemaläggning", f"needs.theme:{third.pk}"),
    ]


def test_the_results_link_each_ranked_item_to_what_it_stands_for(client: Client) -> None:
    now = timezone.now()
    theme = Theme.objects.create(label="Tolkning", computed_at=now)
    Theme.objects.create(label="Schemaläggning", computed_at=now)
    _create(client, "teman")
    made = Round.objects.get()
    first, second = made.items.order_by("id")
    link = survey.create_link(made, Municipality.objects.get(code="1715"), None)[0]
    PairVote.objects.bulk_create(
        PairVote(
            round=made,
            municipality_id="1715",
            link=link,
            left=first,
            right=second,
            choice="vanster",
            session_digest=f"s{number}",
            pair_key=survey.pair_key(first.pk, second.pk),
        )
        for number in range(5)
    )

    page = client.get(f"/radet/omgangar/{made.pk}/resultat/").content.decode()

    assert f'<a href="/behov/teman/{theme.pk}/">Tolkning</a>' in page
