"""A statements round: staff take a stance on strategic questions through their
municipality's link, and the results show opinion groups, what sets each apart, the common
ground and how each segment of municipalities answered."""

from __future__ import annotations

import numpy as np
import pytest
from django.test import Client

from radslag.council import survey
from radslag.council.models import Item, Link, Round, StatementVote
from radslag.council.segments import Segmentation
from radslag.council.statement_results import statements_result
from radslag.council.statements import next_statement, record_stance
from radslag.municipalities.models import Municipality
from tests.browserless import submit
from tests.people import convener

pytestmark = pytest.mark.django_db

STATEMENTS = [
    "Kommunerna bör upphandla språkmodeller gemensamt",
    "Varje kommun bör ha en egen AI-strategi",
    "Staten bör finansiera AI i små kommuner",
    "AI ska inte användas i myndighetsutövning",
    "Öppna data är en förutsättning för AI",
    "Medarbetare behöver utbildning i AI",
    "Kommunerna bör dela träningsdata",
    "AI-tjänster ska granskas innan de används",
]


@pytest.fixture
def round_() -> Round:
    created = Round.objects.create(
        title="Strategiska frågor",
        question="Vad tycker du?",
        kind=Round.Kind.STATEMENTS,
        status=Round.Status.OPEN,
    )
    Item.objects.bulk_create(Item(round=created, label=label) for label in STATEMENTS)
    return created


def _link(round_: Round, code: str) -> tuple[Link, str]:
    return survey.create_link(round_, Municipality.objects.get(code=code), None)


def _answer(client: Client, token: str, item: Item, stance: str) -> str:
    answer = client.post(f"/radet/delta/{token}/", {"statement": item.pk, "stance": stance})
    assert answer.status_code == 302
    return client.get(answer["Location"]).content.decode()


def test_a_stance_through_a_link_counts_for_the_links_municipality(round_: Round) -> None:
    client = Client()
    _link_made, token = _link(round_, "2026")
    statement = round_.items.first()
    assert statement is not None

    _answer(client, token, statement, StatementVote.Stance.AGREE)

    vote = StatementVote.objects.get()
    assert (vote.municipality_id, vote.item, vote.stance) == ("2026", statement, "instammer")


def test_the_page_asks_the_least_answered_statement_the_session_has_not_answered(
    round_: Round,
) -> None:
    link, _token = _link(round_, "2026")
    items = list(round_.items.order_by("id"))
    for item in items[:-1]:
        record_stance(link, "someone-else", item.pk, StatementVote.Stance.PASS)

    chosen = next_statement(round_, "me", np.random.default_rng(0))

    assert chosen == items[-1]
    for item in items:
        record_stance(link, "me", item.pk, StatementVote.Stance.AGREE)
    assert next_statement(round_, "me", np.random.default_rng(0)) is None


def test_a_second_stance_on_a_statement_and_a_foreign_statement_are_refused_and_not_counted(
    round_: Round,
) -> None:
    client = Client()
    _link_made, token = _link(round_, "2026")
    statement = round_.items.first()
    assert statement is not None
    other = Round.objects.create(title="Annan", question="?", kind=Round.Kind.STATEMENTS)
    foreign = Item.objects.create(round=other, label="Främmande")
    _answer(client, token, statement, StatementVote.Stance.AGREE)

    again = _answer(client, token, statement, StatementVote.Stance.DISAGREE)
    elsewhere = _answer(client, token, foreign, StatementVote.Stance.AGREE)
    made_up = _answer(client, token, statement, "kanske")

    assert "Du har redan tagit ställning till påståendet." in again
    assert "Påståendet finns inte i omgången." in elsewhere
    assert "Välj Instämmer, Instämmer inte eller Pass." in made_up
    assert StatementVote.objects.get().stance == "instammer"


def test_stances_on_a_closed_round_or_through_a_withdrawn_or_forged_link_count_nowhere(
    round_: Round,
) -> None:
    link, token = _link(round_, "2026")
    statement = round_.items.first()
    assert statement is not None
    link.withdraw()
    withdrawn = Client().post(
        f"/radet/delta/{token}/", {"statement": statement.pk, "stance": "pass"}
    )
    _new_link, fresh = _link(round_, "2026")
    round_.status = Round.Status.CLOSED
    round_.save()
    closed = Client().post(f"/radet/delta/{fresh}/", {"statement": statement.pk, "stance": "pass"})
    forged = Client().post("/radet/delta/inte-en-riktig-lank/", {"statement": statement.pk})

    assert withdrawn.status_code == closed.status_code == 302
    assert "Omgången är stängd" in Client().get(f"/radet/delta/{fresh}/").content.decode()
    assert forged.status_code == 404
    assert not StatementVote.objects.exists()


def test_a_browser_without_javascript_answers_with_the_pages_buttons(round_: Round) -> None:
    client = Client()
    _link_made, token = _link(round_, "2026")

    answer = submit(client, f"/radet/delta/{token}/", button="Instämmer inte")

    assert answer.status_code == 302
    assert StatementVote.objects.get().stance == StatementVote.Stance.DISAGREE


def _two_camps(round_: Round) -> None:
    """Staff of small municipalities (Gagnef, Mellerud) agree with the first four statements
    and reject the next three; staff of large ones (Stockholm, Göteborg) the opposite. Everyone
    agrees with the last statement."""
    rng = np.random.default_rng(7)
    items = list(round_.items.order_by("id"))
    for code, camp in (("2026", 0), ("1461", 0), ("0180", 1), ("1480", 1)):
        link, _token = _link(round_, code)
        for person in range(6):
            session = f"{code}-{person}"
            for position, item in enumerate(items):
                if position == len(items) - 1:
                    agrees = True
                else:
                    agrees = (position < 4) == (camp == 0)
                    if rng.random() < 0.05:
                        agrees = not agrees
                stance = StatementVote.Stance.AGREE if agrees else StatementVote.Stance.DISAGREE
                record_stance(link, session, item.pk, stance)


def test_the_results_find_the_two_camps_what_sets_each_apart_and_their_common_ground(
    round_: Round,
) -> None:
    _two_camps(round_)

    result = statements_result(round_)

    assert result is not None
    assert (result.people, result.municipalities) == (24, 4)
    assert len(result.groups) == 2
    assert sorted(group.people for group in result.groups) == [12, 12]
    assert [row.item.label for row in result.common_ground] == [STATEMENTS[-1]]
    first_camp_statements = set(STATEMENTS[:4])
    for group in result.groups:
        assert group.stands_out
        agreed = {stance.item.label for stance in group.stands_out if stance.agrees}
        assert agreed <= first_camp_statements or not agreed & first_camp_statements


def test_the_bridging_score_names_the_segment_that_rejects_a_statement(round_: Round) -> None:
    _two_camps(round_)

    result = statements_result(round_, segmentation=Segmentation.SIZE)

    assert result is not None
    rows = {row.item.label: row for row in result.rows}
    # Stockholm and Göteborg are cities; Gagnef and Mellerud have under 15 000 inhabitants.
    assert rows[STATEMENTS[0]].weakest_segment == "200 000 invånare eller fler"
    assert rows[STATEMENTS[5]].weakest_segment == "Under 15 000 invånare"
    assert rows[STATEMENTS[-1]].bridging > 80 > rows[STATEMENTS[0]].bridging
    assert [label for label, _people in result.segments] == [
        "Under 15 000 invånare",
        "200 000 invånare eller fler",
    ]


def test_the_results_page_shows_groups_and_segments_side_by_side_for_a_convener(
    round_: Round,
) -> None:
    _two_camps(round_)
    client = Client()
    client.force_login(convener())

    page = client.get(f"/radet/omgangar/{round_.pk}/resultat/?segment=county").content.decode()
    public = Client().get(f"/radet/omgangar/{round_.pk}/resultat/")

    assert "Grupp 1: 12 deltagare från 2 kommuner" in page
    assert "Gemensam grund" in page
    assert "Dalarnas län" in page
    assert "Stockholms län" in page
    assert public.status_code == 403
