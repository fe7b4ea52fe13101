"""The example composition: the example members on the council's real seats, and a council of
twelve drawn from the 290 with a published seed, shown as example data on every page."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.council.composition import recompute
from radslag.council.composition_models import Composition, Seat
from radslag.demo.composition import simulate_composition
from tests.people import council_member

pytestmark = pytest.mark.django_db


def test_a_drawn_example_composition_meets_its_quotas_and_is_marked_everywhere(
    client: Client,
) -> None:
    made = simulate_composition(seed=1).composition

    counties = [made.candidates[i]["values"]["county"] for i in made.panels[made.drawn_panel]]
    assert made.is_example
    assert made.is_drawn
    assert len(made.drawn_codes()) == 12
    assert len(set(counties)) == 12  # at most one per county
    for path in ("", "spela-upp/", "representativitet/"):
        page = client.get(f"/radet/sammansattning/{made.pk}/{path}").content.decode()
        assert "Exempeldata." in page, path
    assert "exempeldata" in client.get("/radet/sammansattning/").content.decode()


def test_every_seat_gets_its_example_member_and_a_real_member_keeps_a_seat() -> None:
    real = council_member(first_name="Riktig", last_name="Ledamot")
    Seat.objects.filter(number=5).update(holder=real)

    simulate_composition(seed=1)

    seats = {seat.number: seat for seat in Seat.objects.select_related("holder")}
    assert seats[5].holder == real
    assert not seats[5].holder_is_example
    assert all(seat.holder is not None for seat in seats.values())
    assert all(seat.holder_is_example for number, seat in seats.items() if number != 5)
    herrljunga = seats[2].holder
    assert herrljunga is not None
    assert herrljunga.memberships.get().municipality_id == "1466"


def test_running_again_replaces_the_example_composition_with_the_same_draw() -> None:
    first = simulate_composition(seed=1).composition.drawn_codes()

    again = simulate_composition(seed=1).composition

    assert Composition.objects.count() == 1
    assert again.drawn_codes() == first
    assert recompute(again).same_members
