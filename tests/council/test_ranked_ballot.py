"""A ranked ballot among the council: members rank, the Schulze order and the pairwise
defeats are shown, and nobody else may rank."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from radslag.accounts.models import Membership, Role
from radslag.council.ballots import BallotRefusedError, ballot_result, cast
from radslag.council.models import Ballot, Item, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_() -> Round:
    created = Round.objects.create(
        title="Insatser",
        question="Vilken insats först?",
        kind=Round.Kind.BALLOT,
        status=Round.Status.OPEN,
    )
    Item.objects.bulk_create(Item(round=created, label=label) for label in ("A", "B", "C"))
    return created


def member(name: str) -> User:
    person = User.objects.create_user(name)
    Membership.objects.create(person=person, role=Role.COUNCIL_MEMBER)
    return person


def rank(client: Client, round_: Round, positions: dict[str, object]) -> object:
    items = {item.label: item.pk for item in round_.items.all()}
    data = {f"plats-{items[label]}": position for label, position in positions.items()}
    return client.post(f"/radet/omgangar/{round_.pk}/rangordna/", data)


def test_members_rank_and_the_schulze_order_with_its_defeats_is_shown(round_: Round) -> None:
    for name, positions in (
        ("a", {"A": 1, "B": 2, "C": 3}),
        ("b", {"B": 1, "A": 2, "C": 3}),
        ("c", {"A": 1, "C": 2, "B": 3}),
    ):
        client = Client()
        client.force_login(member(name))
        assert rank(client, round_, positions).status_code == 302  # type: ignore[attr-defined]
    convener = User.objects.create_user("sam")
    Membership.objects.create(person=convener, role=Role.CONVENER)
    client = Client()
    client.force_login(convener)

    page = client.get(f"/radet/omgangar/{round_.pk}/resultat/").content.decode()

    assert Ballot.objects.count() == 3
    assert "3 ledamöter har rangordnat." in page
    assert page.index('<td>1</td><th scope="row">A</th>') < page.index('<th scope="row">B</th>')
    # A over B on two ballots of three, against itself a dash.
    assert '<tr><th scope="row">A</th><td class="number">–</td><td class="number">2</td>' in page


def test_a_member_may_change_their_ranking_while_the_round_is_open(round_: Round) -> None:
    client = Client()
    client.force_login(member("a"))
    rank(client, round_, {"A": 1, "B": 2, "C": 3})
    rank(client, round_, {"A": 3, "B": 2, "C": 1})

    ballot = Ballot.objects.get()
    assert ballot.ranks == {
        str(item.pk): pos for item, pos in zip(round_.items.order_by("id"), (3, 2, 1), strict=True)
    }


def test_a_position_out_of_range_is_named_next_to_its_item(round_: Round) -> None:
    client = Client()
    client.force_login(member("a"))

    answer = rank(client, round_, {"A": 1, "B": 9, "C": "x"})

    page = answer.content.decode()  # type: ignore[attr-defined]
    assert answer.status_code == 200  # type: ignore[attr-defined]
    assert "Välj ett giltigt alternativ" in page
    assert not Ballot.objects.exists()


def test_only_council_members_rank_and_only_while_the_round_is_open(round_: Round) -> None:
    representative = User.objects.create_user("rut")
    Membership.objects.create(
        person=representative, role=Role.REPRESENTATIVE, municipality_id="1715"
    )
    client = Client()
    client.force_login(representative)
    assert rank(client, round_, {"A": 1, "B": 2, "C": 3}).status_code == 403  # type: ignore[attr-defined]

    client.force_login(member("a"))
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.CLOSED)
    assert rank(client, round_, {"A": 1, "B": 2, "C": 3}).status_code == 403  # type: ignore[attr-defined]
    assert not Ballot.objects.exists()


def test_after_its_last_day_an_open_round_takes_no_ranking_and_says_why(round_: Round) -> None:
    Round.objects.filter(pk=round_.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    round_.refresh_from_db()
    client = Client()
    person = member("a")
    client.force_login(person)

    assert rank(client, round_, {"A": 1, "B": 2, "C": 3}).status_code == 403  # type: ignore[attr-defined]
    assert "Omgången stängde den" in client.get(round_.get_absolute_url()).content.decode()
    with pytest.raises(BallotRefusedError, match="Omgången stängde den"):
        cast(person, round_, {str(item.pk): 1 for item in round_.items.all()})
    assert not Ballot.objects.exists()


def test_the_result_says_how_sure_the_order_is_and_how_each_group_of_municipalities_ranked(
    round_: Round,
) -> None:
    # Two members from small municipalities put C first, one from a city puts A first.
    for name, code, positions in (
        ("gagnef", "2026", {"C": 1, "A": 2, "B": 3}),
        ("mellerud", "1461", {"C": 1, "B": 2, "A": 3}),
        ("stockholm", "0180", {"A": 1, "B": 2, "C": 3}),
    ):
        person = User.objects.create_user(name)
        Membership.objects.create(person=person, role=Role.COUNCIL_MEMBER, municipality_id=code)
        client = Client()
        client.force_login(person)
        rank(client, round_, positions)

    result = ballot_result(round_)

    assert result is not None
    certainty = {row.item.label: row for row in result.certainty}
    assert certainty["C"].rank == 1
    assert 50 < certainty["C"].first < 100
    assert certainty["B"].first < 5
    assert result.segments == [("Under 15 000 invånare", 2), ("200 000 invånare eller fler", 1)]
    ranks = {item.label: by_segment for item, by_segment in result.segment_ranks}
    assert ranks["C"] == [1, 3]
    assert ranks["A"] == [2, 1]
