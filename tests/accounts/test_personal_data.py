"""A person's data: exported and erased by a convener, cleared after its retention time."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from radslag.accounts import invitations
from radslag.accounts.audit import acting_as
from radslag.accounts.models import AuditEntry, Invitation, Membership, Role
from radslag.accounts.personal_data import apply_retention, erase, export
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db


def kil() -> Municipality:
    return Municipality.objects.get(code="1715")


@pytest.fixture
def convener() -> User:
    user = User.objects.create_user("sam", first_name="Sam", last_name="Samordnare")
    Membership.objects.create(person=user, role=Role.CONVENER)
    return user


@pytest.fixture
def kim(convener: User) -> User:
    """A representative of Kil who has done things that left traces."""
    with acting_as(convener):
        invitations.create(convener, "kim.karlsson@kil.example", Role.REPRESENTATIVE, kil())
    person = User.objects.create_user(
        "kimk", "kim.karlsson@kil.example", "x", first_name="Kim", last_name="Karlsson"
    )
    Membership.objects.create(person=person, role=Role.REPRESENTATIVE, municipality_id="1715")
    with acting_as(person):
        Need.objects.create(
            title="Tolkning",
            text="Ett behov av tolkning.",
            municipality_id="1715",
            created_by=person,
        )
    UseCase.objects.create(
        title="Chattbot", organisation_id="1715", contact_email="Kim.Karlsson@kil.example"
    )
    AccessLog.objects.create(username="kimk", ip_address="10.0.0.7", user_agent="Firefox")
    AccessAttempt.objects.create(
        username="kimk", ip_address="10.0.0.7", user_agent="Firefox", failures_since_start=1
    )
    return person


def test_the_export_holds_every_kind_of_data_about_the_person(kim: User) -> None:
    data = export(kim)

    assert data["konto"]["e_post"] == "kim.karlsson@kil.example"
    assert data["roller"] == [
        {"roll": "kommunrepresentant", "kommun": "1715", "sedan": data["roller"][0]["sedan"]}
    ]
    assert [i["e_post"] for i in data["inbjudningar"]] == ["kim.karlsson@kil.example"]
    assert {r["slag"] for r in data["inloggningar"]} == {"misslyckad", "inloggning"}
    assert [c["titel"] for c in data["kontaktadress_i_registret"]] == ["Chattbot"]
    assert any(e["slag"] == "needs.need" for e in data["andringar"])


def test_erasure_leaves_a_nameless_account_and_nothing_that_names_the_person(
    kim: User, convener: User
) -> None:
    need = Need.objects.get()
    with acting_as(convener):
        done = erase(kim)
    kim.refresh_from_db()

    assert (kim.username, kim.email, kim.get_full_name()) == (f"raderad-{kim.pk}", "", "")
    assert not kim.is_active
    assert not kim.has_usable_password()
    assert not Membership.objects.filter(person=kim).exists()
    assert not Invitation.objects.exists()
    assert not AccessLog.objects.exists()
    assert not AccessAttempt.objects.exists()
    assert UseCase.objects.get(title="Chattbot", organisation_id="1715").contact_email == ""
    assert Need.objects.get(pk=need.pk).created_by == kim
    assert done.audit_entries >= 2
    log = json.dumps(list(AuditEntry.objects.values()), default=str).lower()
    assert "kim.karlsson" not in log
    assert "kim karlsson" not in log
    assert AuditEntry.objects.filter(actor=kim, actor_name="[raderad]").exists()
    assert AuditEntry.objects.filter(object_label="accounts.person", actor=convener).exists()


def test_a_convener_downloads_and_erases_through_the_pages(
    client: Client, kim: User, convener: User
) -> None:
    client.force_login(convener)

    listing = client.get("/konto/personer/", {"q": "karlsson"}).content.decode()
    download = client.get(f"/konto/personer/{kim.pk}/uppgifter.json")
    wrong = client.post(f"/konto/personer/{kim.pk}/radera/", {"confirm": "kim"})
    right = client.post(f"/konto/personer/{kim.pk}/radera/", {"confirm": "kimk"})

    assert f'href="/konto/personer/{kim.pk}/"' in listing
    assert json.loads(download.content)["konto"]["anvandarnamn"] == "kimk"
    assert download["Content-Disposition"].startswith("attachment")
    assert wrong.status_code == 400
    assert "Skriv personens användarnamn exakt" in wrong.content.decode()
    assert right.status_code == 302
    assert User.objects.get(pk=kim.pk).username == f"raderad-{kim.pk}"


def test_erasure_signs_the_person_out(kim: User, convener: User) -> None:
    browser = Client()
    browser.force_login(kim)
    with acting_as(convener):
        erase(kim)

    assert "_auth_user_id" not in browser.session


def test_only_a_convener_reaches_other_peoples_data(client: Client, kim: User) -> None:
    other = User.objects.create_user("annan")
    Membership.objects.create(person=other, role=Role.REPRESENTATIVE, municipality_id="1715")
    client.force_login(other)

    assert client.get("/konto/personer/").status_code == 403
    assert client.get(f"/konto/personer/{kim.pk}/uppgifter.json").status_code == 403
    assert client.post(f"/konto/personer/{kim.pk}/radera/", {"confirm": "kimk"}).status_code == 403
    assert Client().get("/konto/personer/").status_code == 302
    assert User.objects.get(pk=kim.pk).username == "kimk"


def test_anyone_signed_in_downloads_their_own_data(client: Client, kim: User) -> None:
    client.force_login(kim)

    data = json.loads(client.get("/konto/mina-uppgifter.json").content)

    assert data["konto"]["anvandarnamn"] == "kimk"


def test_a_convener_cannot_erase_themselves(client: Client, convener: User) -> None:
    client.force_login(convener)

    client.post(f"/konto/personer/{convener.pk}/radera/", {"confirm": "sam"})

    assert User.objects.get(pk=convener.pk).username == "sam"


def test_retention_clears_old_finished_invitations_and_login_records_only(
    convener: User, settings: object
) -> None:
    now = timezone.now()
    old, recent, pending = (
        invitations.create(convener, f"{name}@kil.example", Role.STAFF, kil())[0]
        for name in ("old", "recent", "pending")
    )
    Invitation.objects.filter(pk=old.pk).update(withdrawn_at=now - timedelta(days=91))
    Invitation.objects.filter(pk=recent.pk).update(withdrawn_at=now - timedelta(days=5))
    stale = AccessLog.objects.create(username="x", ip_address="10.0.0.1", user_agent="a")
    AccessLog.objects.filter(pk=stale.pk).update(attempt_time=now - timedelta(days=31))
    AccessLog.objects.create(username="y", ip_address="10.0.0.2", user_agent="b")

    done = apply_retention(now)

    assert set(Invitation.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["y"]
    assert (done.invitations, done.login_records) == (1, 1)
    assert apply_retention(now).invitations == 0


def test_the_retention_command_reports_what_it_deleted(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("apply_retention")

    assert "Deleted 0 invitations, 0 login records" in capsys.readouterr().out
