"""The audit log: every change recorded with who, when and the values before and after."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from radslag.accounts.audit import acting_as, record, summarised
from radslag.accounts.models import AuditEntry, Membership, Role
from radslag.needs.models import Need, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def convener() -> User:
    user = User.objects.create_user("sam", first_name="Sam", last_name="Samordnare")
    Membership.objects.create(person=user, role=Role.CONVENER)
    return user


def test_a_create_change_and_delete_are_recorded_with_who_and_the_values(
    convener: User,
) -> None:
    with acting_as(convener):
        need = Need.objects.create(title="Tolkning", text="Ett behov.", municipality_id="2062")
        need.title = "Tolkning i vården"
        need.save()
        need_id = need.pk
        need.delete()

    entries = list(AuditEntry.objects.filter(object_label="needs.need").order_by("id"))
    assert [entry.action for entry in entries] == ["create", "update", "delete"]
    assert {entry.actor_name for entry in entries} == {"Sam Samordnare"}
    assert entries[0].after["title"] == "Tolkning"
    assert entries[1].before == {"title": "Tolkning"}
    assert entries[1].after == {"title": "Tolkning i vården"}
    assert entries[2].before["id"] == need_id


def test_an_edit_through_a_page_is_recorded_with_the_signed_in_person(
    client: Client, convener: User
) -> None:
    convener.is_staff = True
    convener.save()
    theme = Theme.objects.create(label="Ärenden", terms=["ärende"], computed_at=timezone.now())
    client.force_login(convener)

    client.post(f"/behov/teman/{theme.pk}/namn/", {"label": "Ärendehantering"})

    entry = AuditEntry.objects.filter(object_label="needs.theme", action="update").get()
    assert entry.actor == convener
    assert entry.before["label"] == "Ärenden"
    assert entry.after["label"] == "Ärendehantering"


def test_a_save_that_changes_nothing_is_not_recorded(convener: User) -> None:
    need = Need.objects.create(title="T", text="Ett behov.", municipality_id="2062")
    need.save()

    assert AuditEntry.objects.filter(object_label="needs.need", action="update").count() == 0


def test_a_bulk_change_is_recorded_as_one_entry_with_its_meaning(convener: User) -> None:
    with acting_as(None, "radslag import-pstw"):
        entry = record(
            AuditEntry.Action.IMPORT, label="register.usecase", note="2 007 fall från PSTW"
        )

    assert entry.actor_name == "radslag import-pstw"
    assert entry.object_repr == "2 007 fall från PSTW"


def test_the_log_cannot_be_changed_or_deleted(convener: User) -> None:
    entry = record(AuditEntry.Action.IMPORT, label="x", note="n")

    entry.note = "ändrad"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(note="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_conveners_read_and_filter_the_log_and_no_one_else_does(
    client: Client, convener: User
) -> None:
    with acting_as(convener):
        Need.objects.create(title="Tolkning", text="Ett behov.", municipality_id="2062")
        Theme.objects.create(label="Ärenden", terms=["ärende"], computed_at=timezone.now())
    employee = Client()
    employee.force_login(User.objects.create_user("anställd"))
    client.force_login(convener)

    page = client.get("/granskning/?slag=needs.need&handelse=create").content.decode()
    history = client.get(f"/granskning/needs.need/{Need.objects.get().pk}/").content.decode()

    assert "Tolkning" in page
    assert "Ärenden" not in page
    assert "Tolkning" in history
    assert employee.get("/granskning/").status_code == 403
    assert Client().get("/granskning/").status_code == 302


def test_a_date_that_is_not_a_date_is_named_next_to_its_field(
    client: Client, convener: User
) -> None:
    client.force_login(convener)

    page = client.get("/granskning/?fran=igår").content.decode()

    assert "Skriv datumet som ÅÅÅÅ-MM-DD." in page


def test_the_example_data_simulators_leave_one_entry_instead_of_one_per_row() -> None:
    with acting_as(None, "radslag demo-needs --seed 1"), summarised("exempeldata", "ersatt"):
        for number in range(3):
            Need.objects.create(title=f"T{number}", text="Ett behov.", municipality_id="2062")
        Need.objects.all().delete()

    entry = AuditEntry.objects.get()
    assert (entry.actor_name, entry.action, entry.note) == (
        "radslag demo-needs --seed 1",
        "import",
        "ersatt",
    )


def test_the_log_shows_an_entry_for_a_bulk_change_that_names_no_single_object(
    client: Client, convener: User
) -> None:
    with acting_as(None, "radslag demo-needs --seed 1"), summarised("exempeldata", "ersatt"):
        Need.objects.create(title="T", text="Ett behov.", municipality_id="2062")
    client.force_login(convener)

    answer = client.get("/granskning/")

    assert answer.status_code == 200
    assert "exempeldata: ersatt" in answer.content.decode()


def test_an_import_of_reference_data_is_recorded_as_one_entry_naming_the_command(
    tmp_path: object,
) -> None:
    from pathlib import Path

    from django.core.management import call_command

    from radslag.cli import recorded

    path = Path(str(tmp_path)) / "nummer.csv"
    path.write_text("kommunkod,organisationsnummer\n0180,2120000142\n", encoding="utf-8")

    # As `radslag import-organisation-numbers FILE` runs it, in this test's transaction.
    with recorded(["radslag", "import_organisation_numbers", str(path)]):
        call_command("import_organisation_numbers", str(path))

    entry = AuditEntry.objects.get(object_label="import")
    assert entry.actor_name == f"radslag import-organisation-numbers {path}"
    assert "referensdata importerade" in entry.note
