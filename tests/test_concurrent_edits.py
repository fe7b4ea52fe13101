"""Two people editing the same record: the second save, based on the version both opened, is
told the record changed and keeps its input; nothing is overwritten silently (optimistic
locking). For a use case and a self-assessment on their pages, and for a use case and a need
through the API (409)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from radslag.accounts import tokens
from radslag.maturity.models import Assessment
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import submit
from radslag.register.models import UseCase
from tests.people import convener, representative

pytestmark = pytest.mark.django_db

CHANGED = "Någon annan har ändrat"


def _case() -> UseCase:
    return UseCase.objects.create(
        title="Tal till text",
        summary="Personalen dikterar.",
        organisation_id="2062",
        status="publicerad",
    )


def _case_form(case: UseCase, **changes: Any) -> dict[str, Any]:
    return {
        "title": case.title,
        "summary": case.summary,
        "organisation": "2062",
        "stage": "pilot",
        "country": "SE",
        "status": "publicerad",
        "version": case.version,
    } | changes


def _signed_in(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_second_of_two_edits_of_a_use_case_is_refused_and_keeps_its_input() -> None:
    case = _case()
    first, second = _signed_in(convener("a")), _signed_in(convener("b"))
    opened = _case_form(case)
    assert (
        first.post(f"/anvandningsfall/{case.pk}/andra/", opened | {"title": "Först"}).status_code
        == 302
    )
    refused = second.post(f"/anvandningsfall/{case.pk}/andra/", opened | {"title": "Sedan"})
    page = refused.content.decode()
    assert refused.status_code == 200
    assert CHANGED in page
    assert 'value="Sedan"' in page
    case.refresh_from_db()
    assert case.title == "Först"
    assert case.version == 2


def test_saving_again_after_the_refusal_overwrites_deliberately() -> None:
    case = _case()
    first, second = _signed_in(convener("a")), _signed_in(convener("b"))
    opened = _case_form(case)
    first.post(f"/anvandningsfall/{case.pk}/andra/", opened | {"title": "Först"})
    page = second.post(f"/anvandningsfall/{case.pk}/andra/", opened | {"title": "Sedan"})
    current = re.search(r'name="version" value="(\d+)"', page.content.decode())
    assert current is not None
    again = second.post(
        f"/anvandningsfall/{case.pk}/andra/",
        opened | {"title": "Sedan", "version": current.group(1)},
    )
    assert again.status_code == 302
    case.refresh_from_db()
    assert case.title == "Sedan"


def test_the_edit_form_carries_the_version_it_was_opened_at() -> None:
    case = _case()
    UseCase.objects.filter(pk=case.pk).update(version=7)
    page = _signed_in(convener()).get(f"/anvandningsfall/{case.pk}/andra/").content.decode()
    assert 'name="version" value="7"' in page


def _api(method: str, path: str, key: str, body: dict[str, Any]) -> Any:
    return getattr(Client(), method)(
        path,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def test_an_api_change_of_a_use_case_on_a_stale_version_answers_409() -> None:
    case = _case()
    key = tokens.create(representative("2062"), "test")[1]
    path = f"/api/v1/anvandningsfall/{case.pk}/"
    read = Client().get(path).json()
    assert read["version"] == 1
    assert _api("patch", path, key, {"title": "Först", "version": 1}).status_code == 200
    stale = _api("patch", path, key, {"title": "Sedan", "version": 1})
    assert stale.status_code == 409
    assert "version 2" in stale.json()["detail"]
    case.refresh_from_db()
    assert case.title == "Först"


def test_an_api_correction_of_a_need_on_a_stale_version_answers_409() -> None:
    need = submit(
        Need(
            title="Tolkning",
            text="Vi behöver tolkning i mottagandet av nyanlända, dygnet runt.",
            area="aldreomsorg",
            municipality=Municipality.objects.get(code="1715"),
        )
    )
    key = tokens.create(representative("1715"), "test")[1]
    path = f"/api/v1/behov/{need.pk}/"
    done = _api("patch", path, key, {"title": "Tolkning dygnet runt", "version": 1})
    assert done.status_code == 200
    assert done.json()["version"] == 2
    stale = _api("patch", path, key, {"title": "Tolkning på många språk", "version": 1})
    assert stale.status_code == 409
    need.refresh_from_db()
    assert need.title == "Tolkning dygnet runt"


def test_an_api_change_without_a_version_is_saved_as_before() -> None:
    case = _case()
    key = tokens.create(representative("2062"), "test")[1]
    answer = _api("patch", f"/api/v1/anvandningsfall/{case.pk}/", key, {"title": "Utan version"})
    assert answer.status_code == 200
    assert answer.json()["version"] == 2


YEAR = timezone.localdate().year
ASSESSMENT = f"/mognad/kommuner/0114/{YEAR}/"


def test_the_second_of_two_drafts_of_a_self_assessment_is_refused_and_keeps_its_answers() -> None:
    first, second = _signed_in(convener("a")), _signed_in(convener("b"))
    first.post(ASSESSMENT, {"action": "draft", "level_strategi": "2", "version": "0"})
    opened = Assessment.objects.get().version
    first.post(ASSESSMENT, {"action": "draft", "level_strategi": "3", "version": str(opened)})
    refused = second.post(
        ASSESSMENT,
        {
            "action": "draft",
            "level_strategi": "4",
            "comment_data": "Mitt svar",
            "version": str(opened),
        },
    )
    page = refused.content.decode()
    assert refused.status_code == 200
    assert CHANGED in page
    assert "Mitt svar" in page
    assert Assessment.objects.get().answers.get(dimension__key="strategi").level == 3


def test_two_people_starting_the_same_self_assessment_are_not_both_saved() -> None:
    first, second = _signed_in(convener("a")), _signed_in(convener("b"))
    first.post(ASSESSMENT, {"action": "draft", "level_strategi": "2", "version": "0"})
    refused = second.post(ASSESSMENT, {"action": "draft", "level_strategi": "5", "version": "0"})
    assert CHANGED in refused.content.decode()
    assert Assessment.objects.get().answers.get(dimension__key="strategi").level == 2
