"""Cached page parts: an anonymous reader is answered from the cache until the data changes,
and sees every change at once, however it was written."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client

from radslag.core import freshness
from radslag.core.models import DataStamp
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import submit
from radslag.register.models import Embedding
from tests.people import representative

pytestmark = pytest.mark.django_db

TEXT = "Vi behöver stöd för att införa taligenkänning i dokumentationen i hemtjänsten."


def _need(title: str = "Taligenkänning i hemtjänsten") -> Need:
    need = Need(
        title=title,
        text=TEXT,
        area="aldreomsorg",
        municipality=Municipality.objects.get(code="0180"),
    )
    return submit(need)


def test_a_page_read_twice_is_answered_from_the_cache_the_second_time(
    django_assert_max_num_queries: object,
) -> None:
    need = _need()
    client = Client()
    client.get(f"/behov/{need.pk}/")
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        again = client.get(f"/behov/{need.pk}/")
    assert "Taligenkänning i hemtjänsten" in again.content.decode()


def test_it_shows_a_saved_change_at_once() -> None:
    need = _need()
    client = Client()
    assert "Taligenkänning" in client.get(f"/behov/{need.pk}/").content.decode()
    need.title = "Robotar i tvätten"
    need.save()
    assert "Robotar i tvätten" in client.get(f"/behov/{need.pk}/").content.decode()


def test_it_shows_a_change_made_by_a_bulk_update_at_once() -> None:
    need = _need()
    client = Client()
    client.get("/behov/")
    Need.objects.filter(pk=need.pk).update(title="Sensorer i VA-nätet")
    assert "Sensorer i VA-nätet" in client.get("/behov/").content.decode()


def test_it_shows_a_change_to_another_domain_the_page_reads_at_once() -> None:
    client = Client()
    client.get("/kommuner/0180/")
    Municipality.objects.filter(code="0180").update(name="Storstaden")
    assert "Storstaden" in client.get("/kommuner/0180/").content.decode()


def test_an_api_answer_changes_at_once_too() -> None:
    need = _need()
    client = Client()
    client.get(f"/api/v1/behov/{need.pk}/")
    Need.objects.filter(pk=need.pk).update(title="Ändrad rubrik via API-läsning")
    assert client.get(f"/api/v1/behov/{need.pk}/").json()["title"] == (
        "Ändrad rubrik via API-läsning"
    )


def test_a_rolled_back_write_leaves_the_stamp_as_it_was() -> None:
    before = freshness.stamps("needs")

    def write_then_fail() -> None:
        with transaction.atomic():
            _need()
            raise RuntimeError("undone")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert freshness.stamps("needs") == before


def test_a_write_raises_only_its_own_domain() -> None:
    before = freshness.stamps("needs", "register")
    _need()
    after = freshness.stamps("needs", "register")
    assert before.split(".")[1] == after.split(".")[1]  # register unchanged
    assert before.split(".")[0] != after.split(".")[0]


def test_filling_a_cache_table_does_not_empty_the_page_cache() -> None:
    assert freshness.domain_of('INSERT INTO "register_embedding" ("x") VALUES (1)') is None
    assert Embedding._meta.db_table == "register_embedding"
    assert freshness.domain_of('UPDATE "needs_need" SET "title" = 1') == "needs"
    assert freshness.domain_of('SELECT * FROM "needs_need"') is None


def test_each_visitor_gets_a_csrf_token_of_their_own_that_works() -> None:
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get("/behov/")
    page = second.get("/behov/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    assert "__radslag" not in token.group(1)
    switched = second.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token.group(1)}
    )
    assert switched.status_code == 302


def test_a_signed_in_person_is_never_given_the_anonymous_page() -> None:
    need = _need()
    Client().get(f"/behov/{need.pk}/")
    person = Client()
    person.force_login(representative("0180"))
    page = person.get(f"/behov/{need.pk}/").content.decode()
    assert "Logga ut" in page


def test_each_language_has_its_own_page() -> None:
    client = Client()
    client.get("/behov/")
    client.cookies["django_language"] = "en"
    assert 'lang="en"' in client.get("/behov/").content.decode()


def test_the_stamps_are_kept_in_the_database_for_every_process() -> None:
    _need()
    assert DataStamp.objects.get(domain="needs").version >= 1
    assert caches[freshness.CACHE_ALIAS] is not caches["default"]


def test_a_stamp_made_anew_never_returns_to_a_value_it_had() -> None:
    _need()
    reached = DataStamp.objects.get(domain="needs").version
    DataStamp.objects.all().delete()
    _need()
    assert DataStamp.objects.get(domain="needs").version > reached
