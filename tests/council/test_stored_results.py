"""Stored results: a round's results are computed once per set of votes, a small round's page
recomputes at once after a vote, and a large round's page shows the last result, saying so,
while a background task computes the new one."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from radslag.council import result_store, survey
from radslag.council.models import Item, Link, Round, StoredResult
from radslag.council.tasks import refresh_round_results
from radslag.municipalities.models import Municipality
from tests.people import convener

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(round_: Round) -> Link:
    return survey.create_link(round_, Municipality.objects.get(code="1715"), None)[0]


def _vote(link: Link, session: str, winner: Item, loser: Item) -> None:
    survey.record_vote(link, session, winner.pk, loser.pk, "vanster")


@pytest.fixture
def client() -> Client:
    signed_in = Client()
    signed_in.force_login(convener())
    return signed_in


def _page(client: Client, round_: Round) -> str:
    return client.get(f"/radet/omgangar/{round_.pk}/resultat/").content.decode()


def test_a_small_rounds_page_counts_a_new_vote_at_once(
    client: Client, round_: Round, link: Link
) -> None:
    a, b, c = round_.items.all()
    _vote(link, "s1", a, b)
    assert "1 val mellan två alternativ" in _page(client, round_)

    _vote(link, "s1", a, c)

    assert "2 val mellan två alternativ" in _page(client, round_)
    assert StoredResult.objects.filter(round=round_).count() == 1


def test_a_large_rounds_page_shows_the_last_result_while_a_task_computes_the_new_one(
    client: Client,
    round_: Round,
    link: Link,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    monkeypatch.setattr(result_store, "INLINE_VOTES", 1)
    a, b, c = round_.items.all()
    _vote(link, "s1", a, b)
    _vote(link, "s1", a, c)
    assert "2 val mellan två alternativ" in _page(client, round_)

    with django_capture_on_commit_callbacks(execute=True):
        _vote(link, "s1", b, c)
        page = _page(client, round_)

    assert "Resultatet räknas om med de senaste rösterna" in page
    assert "bygger på 2 röster" in page
    assert DBTaskResult.objects.filter(task_path=refresh_round_results.module_path).exists()
    summary = refresh_round_results.call(round_.pk)
    assert summary == {"views": 1, "votes": 3}
    fresh = _page(client, round_)
    assert "3 val mellan två alternativ" in fresh
    assert "räknas om" not in fresh


def test_a_burst_of_votes_queues_one_refresh_a_minute(
    client: Client, round_: Round, link: Link, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(result_store, "INLINE_VOTES", 1)
    a, b, _c = round_.items.all()
    _vote(link, "s1", a, b)
    _page(client, round_)

    queued = [result_store.queue_refresh(round_) for _ in range(5)]

    assert queued == [True, False, False, False, False]


def test_a_stored_result_that_cannot_be_read_is_computed_again(
    client: Client, round_: Round, link: Link
) -> None:
    a, b, _c = round_.items.all()
    _vote(link, "s1", a, b)
    _page(client, round_)
    StoredResult.objects.update(payload=b"not a pickle")

    page = _page(client, round_)

    assert "1 val mellan två alternativ" in page
    assert bytes(StoredResult.objects.get().payload) != b"not a pickle"
