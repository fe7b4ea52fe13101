"""What a round refuses, and who may steer it: votes that count nowhere, links only for one's
own municipality, drafts and unpublished results kept from the public."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.db.models import RestrictedError
from django.test import Client
from django.utils import timezone

from radslag.accounts.models import Membership, Role
from radslag.council import survey
from radslag.council.models import Item, Link, PairVote, Round
from radslag.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def _vote(client: Client, token: str, left: Item, right: Item, choice: str = "vanster") -> str:
    answer = client.post(
        f"/radet/delta/{token}/", {"left": left.pk, "right": right.pk, "choice": choice}
    )
    return client.get(answer["Location"]).content.decode() if answer.status_code == 302 else ""


def test_a_vote_through_a_link_counts_for_the_links_municipality(
    client: Client, round_: Round, token: str
) -> None:
    a, b, _c = round_.items.all()

    _vote(client, token, a, b)

    vote = PairVote.objects.get()
    assert (vote.municipality_id, vote.left, vote.right, vote.choice) == ("1715", a, b, "vanster")


def test_one_session_cannot_vote_twice_on_the_same_pair_whichever_side_each_item_is(
    client: Client, round_: Round, token: str
) -> None:
    a, b, _c = round_.items.all()
    _vote(client, token, a, b)

    page = _vote(client, token, b, a, "hoger")

    assert "Du har redan röstat på det här paret." in page
    assert PairVote.objects.count() == 1
    _vote(Client(), token, b, a)
    assert PairVote.objects.count() == 2


def test_a_vote_on_an_item_of_another_round_or_a_proposed_item_is_refused(
    client: Client, round_: Round, token: str
) -> None:
    a = round_.items.first()
    other = Round.objects.create(title="Annan", question="?", kind=Round.Kind.WIKI_SURVEY)
    foreign = Item.objects.create(round=other, label="X")
    proposed = Item.objects.create(round=round_, label="Y", status=Item.Status.PROPOSED)

    for item in (foreign, proposed):
        assert "Paret finns inte i omgången." in _vote(client, token, a, item)
    assert "Välj ett av alternativen" in _vote(client, token, a, round_.items.last(), "båda")
    assert not PairVote.objects.exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [("stangd", "Omgången är stängd"), ("utkast", "Omgången har inte öppnat än.")],
)
def test_a_round_that_is_not_open_takes_no_votes(
    client: Client, round_: Round, token: str, status: str, message: str
) -> None:
    a, b, _c = round_.items.all()
    Round.objects.filter(pk=round_.pk).update(status=status)

    assert client.get(f"/radet/delta/{token}/").status_code == 410
    assert message in _vote(client, token, a, b)
    assert not PairVote.objects.exists()


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (None, -1, "Omgången stängde den"),
        (2, None, "Omgången öppnar den"),
    ],
)
def test_an_open_round_takes_no_votes_before_its_first_or_after_its_last_day(
    client: Client, round_: Round, token: str, opens: int | None, closes: int | None, message: str
) -> None:
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(
        opens_on=None if opens is None else today + datetime.timedelta(days=opens),
        closes_on=None if closes is None else today + datetime.timedelta(days=closes),
    )
    a, b, _c = round_.items.all()

    assert client.get(f"/radet/delta/{token}/").status_code == 410
    assert message in _vote(client, token, a, b)
    assert not PairVote.objects.exists()


def test_the_council_page_says_an_open_round_is_past_its_last_day(
    client: Client, round_: Round
) -> None:
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Round.objects.filter(pk=round_.pk).update(closes_on=yesterday)

    page = client.get("/radet/").content.decode()

    assert "Omgången stängde den" in page


def test_a_round_takes_votes_on_its_first_and_its_last_day(
    client: Client, round_: Round, token: str
) -> None:
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(opens_on=today, closes_on=today)
    a, b, _c = round_.items.all()

    _vote(client, token, a, b)

    assert PairVote.objects.count() == 1


def test_a_withdrawn_or_forged_link_is_refused_with_a_message(
    client: Client, round_: Round, token: str
) -> None:
    a, _b, _c = round_.items.all()
    survey.create_link(round_, Municipality.objects.get(code="1715"), None)

    withdrawn = client.get(f"/radet/delta/{token}/")
    forged = client.get("/radet/delta/inte-en-riktig-lank/")

    assert withdrawn.status_code == 410
    assert "Länken har återkallats" in withdrawn.content.decode()
    assert forged.status_code == 404
    assert client.post("/radet/delta/inte-en-riktig-lank/", {"left": a.pk}).status_code == 404
    assert not PairVote.objects.exists()


def test_a_proposal_is_held_for_the_convener(client: Client, round_: Round, token: str) -> None:
    client.post(f"/radet/delta/{token}/forslag/", {"label": "  Nytt   förslag "})

    item = Item.objects.get(label="Nytt förslag")
    assert item.status == Item.Status.PROPOSED
    assert item.proposed_by_id == "1715"
    assert "Nytt förslag" not in client.get(f"/radet/delta/{token}/").content.decode()


def test_the_pairs_run_out_when_a_session_has_voted_on_every_one(
    client: Client, round_: Round, token: str
) -> None:
    a, b, c = round_.items.all()
    for left, right in ((a, b), (a, c), (b, c)):
        _vote(client, token, left, right)

    assert "Du har röstat på alla par." in client.get(f"/radet/delta/{token}/").content.decode()


def _representative_of(code: str) -> User:
    representative = User.objects.create_user("rut")
    Membership.objects.create(person=representative, role=Role.REPRESENTATIVE, municipality_id=code)
    return representative


def test_a_representative_makes_links_only_for_their_own_municipality(
    client: Client, round_: Round
) -> None:
    representative = _representative_of("1715")
    client.force_login(representative)

    forged = client.post(f"/radet/omgangar/{round_.pk}/lank/", {"municipality": "2062"})
    own = client.post(f"/radet/omgangar/{round_.pk}/lank/", {"municipality": "1715"})

    assert forged.status_code == 403
    assert own.status_code == 302
    assert list(Link.objects.values_list("municipality_id", flat=True)) == ["1715"]


def test_the_links_section_speaks_of_one_municipality_or_of_all_whoever_may_make_them(
    client: Client, round_: Round
) -> None:
    representative = _representative_of("1715")
    convener = User.objects.create_user("sam")
    Membership.objects.create(person=convener, role=Role.CONVENER)

    client.force_login(representative)
    own = client.get(f"/radet/omgangar/{round_.pk}/").content.decode()
    client.force_login(convener)
    every = client.get(f"/radet/omgangar/{round_.pk}/").content.decode()

    assert "Din kommuns deltagarlänk" in own
    assert "Kommunernas deltagarlänkar" in every
    assert "Din kommuns deltagarlänk" not in every


def test_only_a_convener_creates_and_steers_rounds(client: Client, round_: Round) -> None:
    member = User.objects.create_user("ledamot")
    Membership.objects.create(person=member, role=Role.COUNCIL_MEMBER)
    client.force_login(member)

    assert client.get("/radet/omgangar/ny/").status_code == 403
    assert (
        client.post(f"/radet/omgangar/{round_.pk}/status/", {"status": "stangd"}).status_code == 403
    )
    assert Round.objects.get().status == Round.Status.OPEN


def test_drafts_are_hidden_and_results_wait_for_publication(client: Client, round_: Round) -> None:
    draft = Round.objects.create(title="Utkast", question="?", kind=Round.Kind.WIKI_SURVEY)

    assert client.get(f"/radet/omgangar/{draft.pk}/").status_code == 404
    assert "Utkast" not in client.get("/radet/").content.decode()
    assert client.get(f"/radet/omgangar/{round_.pk}/resultat/").status_code == 403
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.PUBLISHED)
    assert client.get(f"/radet/omgangar/{round_.pk}/resultat/").status_code == 200


def test_a_round_form_names_the_problem_next_to_the_field(client: Client) -> None:
    convener = User.objects.create_user("sam")
    Membership.objects.create(person=convener, role=Role.CONVENER)
    client.force_login(convener)

    answer = client.post(
        "/radet/omgangar/ny/",
        {
            "title": "T",
            "question": "F?",
            "weighting": "equal",
            "items": "Ett\nett",
            "opens_on": "2027-02-01",
            "closes_on": "2027-01-01",
        },
    )

    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Rad 2 upprepar ”ett”." in page
    assert "Omgången kan inte stänga innan den öppnar." in page
    assert not Round.objects.exists()


def test_the_result_says_whether_another_weighting_would_change_the_order(
    client: Client, round_: Round, token: str
) -> None:
    a, b, c = round_.items.all()
    for _voter in range(3):
        voter = Client()
        for left, right in ((a, b), (a, c), (b, c)):
            _vote(voter, token, left, right)
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.PUBLISHED)

    page = client.get(f"/radet/omgangar/{round_.pk}/resultat/").content.decode()

    assert "Vägning: Lika för varje kommun." in page
    assert "Efter folkmängd: samma ordning." in page
    assert page.index(">A</th>") < page.index(">B</th>") < page.index(">C</th>")


def test_a_round_with_votes_can_be_deleted_but_not_a_link_that_has_votes(
    client: Client, round_: Round, token: str
) -> None:
    a, b, _c = round_.items.all()
    _vote(client, token, a, b)
    link = Link.objects.get()

    with pytest.raises(RestrictedError):
        link.delete()
    round_.delete()

    assert not PairVote.objects.exists()
    assert not Link.objects.exists()
