"""The council's example round: seeded, marked as example data, replaced on every run."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.council.models import PairVote, Round
from radslag.demo.council import simulate_round

pytestmark = pytest.mark.django_db

LABELS = ["Tolkning", "Bygglov", "Schemaläggning", "Ekonomi", "Skolval"]


def test_the_same_seed_gives_the_same_round_and_a_new_run_replaces_the_old() -> None:
    first = simulate_round(LABELS, seed=3)
    fields = ("municipality_id", "left__label", "right__label", "choice")
    votes = list(PairVote.objects.values_list(*fields))
    second = simulate_round(LABELS, seed=3)

    assert Round.objects.count() == 1
    assert first.votes == second.votes > 0
    assert sorted(votes) == sorted(PairVote.objects.values_list(*fields))


def test_the_example_round_is_published_marked_and_shown_with_its_results(client: Client) -> None:
    made = simulate_round(LABELS, seed=1)

    listing = client.get("/radet/").content.decode()
    results = client.get(f"/radet/omgangar/{made.round.pk}/resultat/").content.decode()

    assert made.round.is_example
    assert made.round.status == Round.Status.PUBLISHED
    assert "exempeldata" in listing
    assert "Exempeldata." in results
    assert "Poäng i varje grupp av kommunerna som röstade (Storleksklass)" in results
