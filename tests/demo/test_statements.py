"""The example statements round: seeded, published with opinion groups, and an open round
the demo's accounts can answer."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.council.models import Round, StatementVote
from radslag.council.statement_results import statements_result
from radslag.demo.council import clear_example_rounds
from radslag.demo.statements import simulate_statements

pytestmark = pytest.mark.django_db


def test_the_same_seed_gives_the_same_stances_and_a_rerun_replaces_them() -> None:
    fields = ("municipality_id", "item__label", "stance", "session_digest")
    simulate_statements(seed=4)
    first = sorted(StatementVote.objects.values_list(*fields))
    clear_example_rounds()

    simulate_statements(seed=4)

    assert sorted(StatementVote.objects.values_list(*fields)) == first
    assert Round.objects.filter(kind=Round.Kind.STATEMENTS).count() == 2


def test_the_published_example_round_has_opinion_groups_that_follow_size(
    client: Client,
) -> None:
    made = simulate_statements(seed=1)

    result = statements_result(made.round)
    page = client.get(f"/radet/omgangar/{made.round.pk}/resultat/").content.decode()

    assert made.round.is_example
    assert made.round.status == Round.Status.PUBLISHED
    assert made.open_round.status == Round.Status.OPEN
    assert result is not None
    assert len(result.groups) >= 2
    assert "Exempeldata." in page
    assert "Åsiktsgrupper" in page
    joint = next(row for row in result.rows if row.item.label.startswith("Staten bör bära"))
    small, *_rest, large = joint.by_segment
    # The simulation leans small municipalities towards joint, national efforts.
    assert small > large
