"""A council is drawn once with a published seed, and anyone can replay the draw: on the
replay page, from the published lottery with their own program, or with radslag replay-draw."""

from __future__ import annotations

import hashlib
import io
import json

import numpy as np
import pytest
from django.core.management import call_command
from django.test import Client

from radslag.council.composition import Definition, compose
from radslag.council.composition_models import Composition
from radslag.council.features import municipality_features
from tests.people import convener

pytestmark = pytest.mark.django_db

SEED = "Lottoraden 3 11 17 22 28 30 34"


@pytest.fixture
def chief() -> Client:
    client = Client()
    client.force_login(convener())
    return client


@pytest.fixture
def composition() -> Composition:
    known = municipality_features()
    definition = Definition(
        "Nytt råd",
        12,
        "alla",
        tuple(sorted(known.of)),
        ("size", "county"),
        {
            "size": {"small": (6, 8), "city": (1, 2)},
            "county": dict.fromkeys(known.values["county"], (0, 1)),
        },
    )
    return compose(definition, known)


def draw(client: Client, composition: Composition, seed: str) -> object:
    return client.post(f"/radet/sammansattning/{composition.pk}/dra/", {"seed": seed})


def test_the_draw_stores_the_seed_and_the_panel_it_gives(
    chief: Client, composition: Composition
) -> None:
    answer = draw(chief, composition, SEED)

    composition.refresh_from_db()
    assert answer.status_code == 302  # type: ignore[attr-defined]
    assert composition.seed == SEED
    assert composition.seed_digest == hashlib.sha256(SEED.encode()).hexdigest()
    assert len(composition.drawn_codes()) == 12
    page = chief.get(composition.get_absolute_url()).content.decode()
    assert SEED in page


def test_a_council_is_drawn_only_once(chief: Client, composition: Composition) -> None:
    draw(chief, composition, SEED)
    first = Composition.objects.get().drawn_codes()

    draw(chief, composition, "ett annat frö")

    assert Composition.objects.get().seed == SEED
    assert Composition.objects.get().drawn_codes() == first


def test_an_empty_seed_is_refused_next_to_the_field(
    chief: Client, composition: Composition
) -> None:
    answer = draw(chief, composition, "   ")

    assert answer.status_code == 400  # type: ignore[attr-defined]
    assert answer.context["draw_form"].errors["seed"]  # type: ignore[attr-defined]
    assert not Composition.objects.get().is_drawn


def test_the_replay_page_gives_the_drawn_council(chief: Client, composition: Composition) -> None:
    draw(chief, composition, SEED)
    drawn = Composition.objects.get()

    answer = Client().get(f"/radet/sammansattning/{composition.pk}/spela-upp/")

    assert answer.context["same"] is True
    assert answer.context["replayed"].index == drawn.drawn_panel
    assert "Samma råd som drogs." in answer.content.decode()


def test_another_seed_on_the_replay_page_is_said_to_differ(
    chief: Client, composition: Composition
) -> None:
    draw(chief, composition, SEED)
    drawn = Composition.objects.get()
    # A seed whose ticket falls in another panel than the published seed's.
    other = next(
        f"prov {n}"
        for n in range(100)
        if Client()
        .get(f"/radet/sammansattning/{composition.pk}/spela-upp/", {"fro": f"prov {n}"})
        .context["replayed"]
        .index
        != drawn.drawn_panel
    )

    answer = Client().get(f"/radet/sammansattning/{composition.pk}/spela-upp/", {"fro": other})

    assert answer.context["same"] is False
    assert "Ett annat råd än det som drogs" in answer.content.decode()


def test_the_published_lottery_replays_with_numpy_alone(
    chief: Client, composition: Composition
) -> None:
    draw(chief, composition, SEED)
    lottery = json.loads(
        Client().get(f"/radet/sammansattning/{composition.pk}/lotteri.json").content
    )

    digest = hashlib.sha256(lottery["draw"]["seed"].encode("utf-8")).digest()
    generator = np.random.Generator(np.random.PCG64(np.random.SeedSequence(int.from_bytes(digest))))
    ticket = generator.random()
    cumulative = np.cumsum(lottery["panel_probabilities"])
    index = int(np.searchsorted(cumulative, ticket * cumulative[-1], side="right"))
    members = [lottery["candidates"][i]["code"] for i in lottery["panels"][index]]

    assert index == lottery["draw"]["panel"]
    assert sorted(members) == sorted(lottery["draw"]["members"])
    assert sorted(members) == sorted(Composition.objects.get().drawn_codes())


def test_the_published_probabilities_are_those_of_the_panels(composition: Composition) -> None:
    recounted = np.zeros(len(composition.candidates))
    for panel, probability in zip(composition.panels, composition.panel_probabilities, strict=True):
        recounted[panel] += probability

    assert recounted == pytest.approx(composition.selection_probabilities, abs=1e-9)


def test_the_replay_command_recomputes_the_lottery_and_finds_the_same_council(
    chief: Client, composition: Composition
) -> None:
    draw(chief, composition, SEED)
    out = io.StringIO()

    call_command("replay_draw", str(composition.pk), stdout=out)

    assert "Published lottery: the same council." in out.getvalue()
    assert "the same council." in out.getvalue().splitlines()[-1]


def test_the_replay_command_refuses_a_composition_not_drawn(composition: Composition) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="has not been drawn"):
        call_command("replay_draw", str(composition.pk))


def test_the_replay_does_not_depend_on_the_order_the_database_keeps_the_quotas_in(
    chief: Client, composition: Composition
) -> None:
    draw(chief, composition, SEED)
    # PostgreSQL's jsonb returns a mapping's keys in its own order, not the order stored.
    reordered = {
        feature: dict(reversed(list(bounds.items())))
        for feature, bounds in reversed(list(composition.quotas.items()))
    }
    Composition.objects.filter(pk=composition.pk).update(quotas=reordered)

    call_command("replay_draw", str(composition.pk), stdout=io.StringIO())


def test_the_lottery_says_when_it_was_computed_and_when_it_was_drawn(
    chief: Client, composition: Composition
) -> None:
    draw(chief, composition, SEED)

    lottery = json.loads(
        Client().get(f"/radet/sammansattning/{composition.pk}/lotteri.json").content
    )

    # An auditor checks that the seed's public event came after the lottery was published.
    assert lottery["computed_at"] <= lottery["draw"]["drawn_at"]
    assert "Lotteriet beräknat" in Client().get(composition.get_absolute_url()).content.decode()
