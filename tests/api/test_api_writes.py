"""Writing through the API with a personal key: the forms' rules and the pages' rights, the
answers 401, 403, 400 and 404 with a message, and every change in the audit log."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from radslag.accounts import tokens
from radslag.accounts.models import ApiToken, AuditEntry
from radslag.needs.models import Need
from radslag.register.models import UseCase
from tests.people import convener, employee, representative

pytestmark = pytest.mark.django_db


def made_here() -> Any:
    """Use cases made through the API in this test (other tests' reference data aside)."""
    return UseCase.objects.filter(created_by__isnull=False)


KIL, MORA = "1715", "2062"
TEXT = "Vi behöver tolkning i mottagandet av nyanlända, dygnet runt och på många språk."


def key_of(person: Any) -> str:
    return tokens.create(person, "test")[1]


def call(method: str, path: str, key: str | None, body: Any = None, **extra: Any) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    data = body if isinstance(body, str | bytes) else json.dumps(body or {})
    handler = getattr(Client(), method)
    return handler(path, data=data, content_type="application/json", **headers, **extra)


def case_body(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Tal till text",
        "summary": "Personalen dikterar.",
        "organisation": KIL,
        "stage": "pilot",
        "country": "SE",
        "status": "publicerad",
    } | changes


def need_body(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "behov",
        "title": "Tolkning",
        "text": TEXT,
        "area": "aldreomsorg",
        "municipality": KIL,
    } | changes


def test_a_representative_registers_and_updates_their_municipalitys_use_case() -> None:
    key = key_of(representative(KIL))

    created = call("post", "/api/v1/anvandningsfall/", key, case_body())
    case_id = created.json()["id"]
    changed = call("patch", f"/api/v1/anvandningsfall/{case_id}/", key, {"summary": "Ny."})

    assert created.status_code == 201
    assert changed.status_code == 200
    case = UseCase.objects.get(pk=case_id)
    assert (case.summary, case.title, case.organisation_id) == ("Ny.", "Tal till text", KIL)


def test_without_a_valid_key_writing_is_refused_with_401_and_a_message() -> None:
    person = representative(KIL)
    revoked_key = key_of(person)
    tokens.revoke(ApiToken.objects.get())
    closed = representative(KIL, "stangt")
    closed_key = key_of(closed)
    closed.is_active = False
    closed.save()

    for key in (None, "rs_inte-en-nyckel", revoked_key, closed_key):
        answer = call("post", "/api/v1/anvandningsfall/", key, case_body())
        assert answer.status_code == 401
        assert "API key" in answer.json()["detail"]
    assert not made_here().exists()


def test_another_municipalitys_use_case_or_code_is_refused_with_403() -> None:
    moras = UseCase.objects.create(title="Moras", organisation_id=MORA, status="publicerad")
    key = key_of(representative(KIL))

    forged = call("post", "/api/v1/anvandningsfall/", key, case_body(organisation=MORA))
    theirs = call("patch", f"/api/v1/anvandningsfall/{moras.pk}/", key, {"title": "Kils nu"})
    moved = call(
        "patch",
        f"/api/v1/anvandningsfall/{UseCase.objects.create(title='Kils', organisation_id=KIL).pk}/",
        key,
        {"organisation": MORA},
    )

    assert (forged.status_code, theirs.status_code, moved.status_code) == (403, 403, 403)
    assert "2062" in forged.json()["detail"]
    assert UseCase.objects.get(pk=moras.pk).title == "Moras"
    assert not UseCase.objects.filter(organisation_id=MORA).exclude(pk=moras.pk).exists()


def test_a_convener_may_write_for_any_municipality() -> None:
    key = key_of(convener())

    assert (
        call("post", "/api/v1/anvandningsfall/", key, case_body(organisation=MORA)).status_code
        == 201
    )


def test_bad_data_gets_400_naming_the_field_with_the_forms_message() -> None:
    key = key_of(representative(KIL))

    long_title = call("post", "/api/v1/anvandningsfall/", key, case_body(title="x" * 301))
    no_consent = call(
        "post", "/api/v1/anvandningsfall/", key, case_body(contact_name="Anna Andersson")
    )
    wrong_type = call("post", "/api/v1/anvandningsfall/", key, case_body(participants="1715"))
    unknown_question = call(
        "post", "/api/v1/anvandningsfall/", key, case_body(aiact_answers={"finns_inte": True})
    )

    assert long_title.status_code == 400
    assert "Texten har 301 tecken" in long_title.json()["errors"]["title"][0]
    assert no_consent.status_code == 400
    assert "samtyckt" in no_consent.json()["errors"]["contact_name"][0]
    assert wrong_type.status_code == 400
    assert "participants" in wrong_type.json()["detail"]
    assert unknown_question.status_code == 400
    assert not made_here().exists()


def test_an_unknown_id_gets_404_and_a_nul_byte_or_broken_json_gets_400() -> None:
    key = key_of(representative(KIL))

    unknown = call("patch", "/api/v1/anvandningsfall/999999/", key, {"title": "X"})
    nul = call("post", "/api/v1/anvandningsfall/", key, case_body(title="Chatt\x00bot"))
    broken = call("post", "/api/v1/anvandningsfall/", key, '{"title": ')

    assert unknown.status_code == 404
    assert nul.status_code == 400
    assert broken.status_code == 400
    assert not made_here().exists()


def test_the_ai_act_answers_through_the_api_set_the_risk_class() -> None:
    key = key_of(representative(KIL))

    answer = call(
        "post",
        "/api/v1/anvandningsfall/",
        key,
        case_body(aiact_answers={"interagerar": True}),
    )

    assert answer.status_code == 201, answer.json()
    case = made_here().get()
    assert case.risk_class
    assert case.aiact_answers["interagerar"] is True


def test_an_employee_submits_a_need_for_their_municipality_and_not_for_another() -> None:
    key = key_of(employee(KIL))

    own = call("post", "/api/v1/behov/", key, need_body())
    forged = call("post", "/api/v1/behov/", key, need_body(municipality=MORA))
    forged_supporter = call("post", "/api/v1/behov/", key, need_body(supporters=[MORA]))
    short = call("post", "/api/v1/behov/", key, need_body(text="Kort."))

    assert own.status_code == 201
    assert own.json()["supporting_municipalities"] == [KIL]
    assert "similar" in own.json()
    assert (forged.status_code, forged_supporter.status_code) == (403, 403)
    assert short.status_code == 400
    assert "text" in short.json()["errors"]
    assert Need.objects.count() == 1


def test_a_need_is_corrected_by_its_municipalitys_representative_only() -> None:
    need = Need.objects.create(title="Tolkning", text=TEXT, municipality_id=KIL, area="aldreomsorg")

    by_employee = call("patch", f"/api/v1/behov/{need.pk}/", key_of(employee(KIL)), {"title": "X"})
    by_other = call(
        "patch", f"/api/v1/behov/{need.pk}/", key_of(representative(MORA, "m")), {"title": "X"}
    )
    by_own = call(
        "patch", f"/api/v1/behov/{need.pk}/", key_of(representative(KIL)), {"title": "Tolk"}
    )

    assert (by_employee.status_code, by_other.status_code, by_own.status_code) == (403, 403, 200)
    assert Need.objects.get(pk=need.pk).title == "Tolk"


def test_the_audit_log_shows_who_changed_what_through_the_api_before_and_after() -> None:
    person = representative(KIL, first_name="Rut", last_name="Rask")
    key = key_of(person)
    case_id = call("post", "/api/v1/anvandningsfall/", key, case_body()).json()["id"]

    call("patch", f"/api/v1/anvandningsfall/{case_id}/", key, {"summary": "Ny sammanfattning."})

    entry = AuditEntry.objects.filter(
        object_label="register.usecase", object_id=str(case_id), action="update"
    ).get()
    assert entry.actor == person
    assert entry.actor_name == "Rut Rask"
    assert entry.before["summary"] == "Personalen dikterar."
    assert entry.after["summary"] == "Ny sammanfattning."


def test_keys_are_made_and_revoked_on_ones_own_page_and_shown_once() -> None:
    person = representative(KIL)
    page = Client()
    page.force_login(person)

    made = page.post("/konto/api-nycklar/", {"name": "Vårt register"}, follow=True)
    shown = made.content.decode()
    key = ApiToken.objects.get()
    again = page.get("/konto/api-nycklar/").content.decode()
    page.post(f"/konto/api-nycklar/{key.pk}/aterkalla/")

    assert key.prefix in shown
    assert shown.count("rs_") >= 1
    assert "Din nya nyckel" not in again
    assert ApiToken.objects.get().revoked_at is not None
    assert AuditEntry.objects.filter(object_label="accounts.apitoken").count() == 2
    assert "token_hash" not in json.dumps(list(AuditEntry.objects.values("before", "after")))


def test_nobody_revokes_another_persons_key() -> None:
    owner = representative(KIL)
    ApiToken.objects.all().delete()
    key, _token = tokens.create(owner, "egen")
    other = Client()
    other.force_login(representative(MORA, "m"))

    assert other.post(f"/konto/api-nycklar/{key.pk}/aterkalla/").status_code == 404
    assert ApiToken.objects.get().revoked_at is None
