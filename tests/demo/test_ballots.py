"""The example ranked ballot: twelve example council members from the council's real
municipalities, published, and shown as example data."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.accounts.models import Membership, Role
from radslag.council.ballots import ballot_result
from radslag.council.models import Ballot, Round
from radslag.demo.ballots import simulate_ballot
from radslag.demo.members import SEAT_MUNICIPALITIES

pytestmark = pytest.mark.django_db


def test_twelve_example_members_rank_and_the_result_is_published_as_example_data(
    client: Client,
) -> None:
    made = simulate_ballot(seed=1)

    page = client.get(f"/radet/omgangar/{made.pk}/resultat/").content.decode()
    result = ballot_result(made)

    assert made.status == Round.Status.PUBLISHED
    assert Ballot.objects.filter(round=made).count() == 12
    assert set(
        Membership.objects.filter(role=Role.COUNCIL_MEMBER).values_list(
            "municipality_id", flat=True
        )
    ) == set(SEAT_MUNICIPALITIES)
    assert result is not None
    assert sum(row.first for row in result.certainty) == pytest.approx(100)
    assert "Exempeldata." in page


def test_the_same_seed_gives_the_same_ballots() -> None:
    first = simulate_ballot(seed=3)
    ranks = sorted(str(b.ranks.values()) for b in Ballot.objects.filter(round=first))
    Round.objects.filter(pk=first.pk).delete()

    again = simulate_ballot(seed=3)

    assert sorted(str(b.ranks.values()) for b in Ballot.objects.filter(round=again)) == ranks
