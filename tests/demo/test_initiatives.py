"""The example initiatives: every status, participants, milestones, a closed budget round with
an explained portfolio and an open one."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.demo.initiatives import simulate_initiatives
from radslag.initiatives import budget
from radslag.initiatives.models import Approval, BudgetRound, Initiative

pytestmark = pytest.mark.django_db


def test_the_example_has_initiatives_in_every_status_and_an_explained_portfolio() -> None:
    made = simulate_initiatives(seed=1)

    assert set(Initiative.objects.values_list("status", flat=True)) == set(Initiative.Status.values)
    assert Initiative.objects.filter(is_example=True).count() == made.initiatives == 10
    assert made.closed_round.status == BudgetRound.Status.CLOSED
    assert made.open_round.status == BudgetRound.Status.OPEN
    chosen = budget.portfolio(made.closed_round)
    assert chosen is not None
    assert chosen.selected
    assert chosen.cost <= chosen.budget


def test_the_same_seed_gives_the_same_approvals_and_a_rerun_replaces_them() -> None:
    simulate_initiatives(seed=2)
    first = sorted(Approval.objects.values_list("municipality_id", "initiative__title"))

    simulate_initiatives(seed=2)

    assert sorted(Approval.objects.values_list("municipality_id", "initiative__title")) == first
    assert BudgetRound.objects.count() == 2


def test_the_example_pages_are_marked_as_example_data(client: Client) -> None:
    made = simulate_initiatives(seed=1)

    listing = client.get("/initiativ/").content.decode()
    page = client.get(f"/initiativ/budget/{made.closed_round.pk}/").content.decode()

    assert "exempeldata" in listing
    assert "Exempeldata." in page
    assert "Portföljen" in page
