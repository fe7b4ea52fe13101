"""The wiki survey's goal set by the convener (the whole order, or the first k) steers which
pairs the participants see."""

from __future__ import annotations

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.test import Client

from radslag.accounts.models import Membership, Role
from radslag.council import survey
from radslag.council.models import Item, PairVote, Round
from radslag.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def convener(client: Client) -> Client:
    person = User.objects.create_user("sam")
    Membership.objects.create(person=person, role=Role.CONVENER)
    client.force_login(person)
    return client


def _new_round(client: Client, **fields: str) -> tuple[int, str]:
    answer = client.post(
        "/radet/omgangar/ny/",
        {
            "title": "Prioritering",
            "question": "Vad är viktigast?",
            "weighting": "equal",
            "items": "\n".join(f"Alternativ {n}" for n in range(1, 13)),
            **fields,
        },
    )
    return answer.status_code, answer.content.decode()


def test_a_convener_sets_a_top_k_goal_and_the_round_page_names_it(convener: Client) -> None:
    status, _page = _new_round(convener, kind="parvis", top_k="3")

    created = Round.objects.get()
    assert status == 302
    assert created.top_k == 3
    assert (
        "Säkra de 3 främsta alternativen"
        in convener.get(created.get_absolute_url()).content.decode()
    )


def test_without_a_goal_the_round_page_says_the_whole_order_counts(convener: Client) -> None:
    _new_round(convener, kind="parvis")

    created = Round.objects.get()
    assert created.top_k is None
    assert "Hela ordningen" in convener.get(created.get_absolute_url()).content.decode()


def test_a_goal_on_a_round_that_is_not_a_wiki_survey_is_refused_next_to_the_field(
    convener: Client,
) -> None:
    status, page = _new_round(convener, kind="rangordning", top_k="3")

    assert status == 200
    assert "Målet styr bara valet av par i parvisa val" in page
    assert not Round.objects.exists()


def test_a_goal_of_zero_is_refused(convener: Client) -> None:
    status, page = _new_round(convener, kind="parvis", top_k="0")

    assert status == 200
    assert not Round.objects.exists()
    assert "top_k" in page


def _pairs_touching_the_leaders(top_k: int | None) -> float:
    """The share of proposed pairs that include one of the three leaders, after votes that
    order twelve items clearly (item 0 best)."""
    round_ = Round.objects.create(
        title=f"Mål {top_k}",
        question="?",
        kind=Round.Kind.WIKI_SURVEY,
        status=Round.Status.OPEN,
        top_k=top_k,
    )
    items = Item.objects.bulk_create(Item(round=round_, label=f"Alt {n}") for n in range(12))
    municipality = Municipality.objects.get(code="1715")
    link = survey.create_link(round_, municipality, None)[0]
    rng = np.random.default_rng(5)
    strengths = np.linspace(2.0, -2.0, 12)
    votes = []
    for number in range(600):
        left, right = rng.choice(12, size=2, replace=False)
        chance_left = 1 / (1 + np.exp(strengths[right] - strengths[left]))
        votes.append(
            PairVote(
                round=round_,
                municipality=municipality,
                link=link,
                left=items[left],
                right=items[right],
                choice="vanster" if rng.random() < chance_left else "hoger",
                session_digest=f"s{number}",
                pair_key=survey.pair_key(items[left].pk, items[right].pk),
            )
        )
    PairVote.objects.bulk_create(votes)
    leaders = {item.pk for item in items[:3]}
    draws = np.random.default_rng(11)
    touching = 0
    for attempt in range(400):
        pair = survey.next_pair(round_, f"ny-{attempt}", draws)
        assert pair is not None
        touching += bool({pair[0].pk, pair[1].pk} & leaders)
    return touching / 400


def test_a_top_3_goal_shows_the_leaders_more_often_than_the_whole_order_does() -> None:
    whole_order = _pairs_touching_the_leaders(None)
    top_three = _pairs_touching_the_leaders(3)

    assert top_three > whole_order + 0.1, (top_three, whole_order)
