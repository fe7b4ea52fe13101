"""A vote posted again with its form's idempotency key is stored once, even when the retry
comes without the session cookie the first answer would have set."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from radslag.council import survey
from radslag.council.models import PairVote, Round

pytestmark = pytest.mark.django_db


def _form(client: Client, token: str) -> dict[str, str]:
    page = client.get(f"/radet/delta/{token}/").content.decode()
    fields = dict(
        re.findall(
            r'<input type="hidden" name="(left|right|idempotency_key)" value="([^"]*)"', page
        )
    )
    return fields | {"choice": "vanster"}


def test_the_voting_form_carries_a_key(round_: Round, token: str) -> None:
    assert len(_form(Client(), token)["idempotency_key"]) >= 16


def test_a_vote_retried_without_its_session_is_stored_once(round_: Round, token: str) -> None:
    form = _form(Client(), token)
    Client().post(f"/radet/delta/{token}/", form)
    retry = Client().post(f"/radet/delta/{token}/", form)  # a new session: the cookie was lost
    assert retry.status_code == 302
    assert PairVote.objects.count() == 1


def test_votes_with_different_keys_are_each_stored(round_: Round, token: str) -> None:
    for _ in range(2):
        client = Client()
        client.post(f"/radet/delta/{token}/", _form(client, token))
    assert PairVote.objects.count() == 2


def test_a_retry_after_the_round_closed_is_answered_as_the_first_time(
    round_: Round, token: str
) -> None:
    client = Client()
    form = _form(client, token)
    link = survey.find_link(token)
    first = survey.record_vote(link, "s" * 64, form["left"], form["right"], "vanster", key="k" * 20)
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.CLOSED)
    link = survey.find_link(token)
    again = survey.record_vote(link, "t" * 64, form["left"], form["right"], "vanster", key="k" * 20)
    assert again.pk == first.pk
    assert PairVote.objects.count() == 1
