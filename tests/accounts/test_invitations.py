"""Invitations: a convener invites anyone, a representative their colleagues; one use each."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from radslag.accounts.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db

KIL, MORA = "1715", "2062"


def person(name: str, role: Role, code: str | None) -> User:
    user = User.objects.create_user(name, f"{name}@example.se", "ett-långt-lösenord")
    Membership.objects.create(person=user, role=role, municipality_id=code)
    return user


def invite(client: Client, **fields: str) -> str:
    """Send an invitation through the page; returns the link's path from the e-mail."""
    response = client.post("/konto/inbjudningar/", fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    match = re.search(r"http://testserver(/konto/inbjudan/[\w-]+/)", mail.outbox[-1].body)
    assert match
    return match.group(1)


@pytest.fixture
def convener_client(client: Client) -> Client:
    client.force_login(person("sam", Role.CONVENER, None))
    return client


def test_a_convener_invites_a_representative_who_creates_an_account_and_gets_the_role(
    convener_client: Client,
) -> None:
    link = invite(convener_client, email="Ny@Kil.se", role=Role.REPRESENTATIVE, municipality=KIL)
    assert mail.outbox[-1].to == ["ny@kil.se"]
    newcomer = Client()

    page = newcomer.get(link)
    assert "Du är inbjuden som Kommunrepresentant för Kil" in page.content.decode()
    response = newcomer.post(
        link,
        {
            "first_name": "Nils",
            "last_name": "Ny",
            "password1": "ett nytt långt lösenord",
            "password2": "ett nytt långt lösenord",
        },
    )

    assert response["Location"] == "/"
    created = User.objects.get(username="ny@kil.se")
    assert list(created.memberships.values_list("role", "municipality")) == [
        (Role.REPRESENTATIVE, KIL)
    ]
    assert "Inloggad som Nils Ny" in newcomer.get("/").content.decode()


def test_an_invitation_is_taken_once(convener_client: Client) -> None:
    link = invite(convener_client, email="a@kil.se", role=Role.STAFF, municipality=KIL)
    signed_in = Client()
    signed_in.force_login(User.objects.create_user("redan"))
    signed_in.post(link)

    again = Client().get(link)

    assert again.status_code == 410
    assert "redan använts" in again.content.decode()
    assert Membership.objects.filter(municipality=KIL, role=Role.STAFF).count() == 1


def test_a_withdrawn_invitation_is_refused_saying_so(convener_client: Client) -> None:
    link = invite(convener_client, email="a@kil.se", role=Role.STAFF, municipality=KIL)
    invitation = Invitation.objects.get()
    convener_client.post(f"/konto/inbjudningar/{invitation.pk}/aterkalla/")

    response = Client().get(link)

    assert response.status_code == 410
    assert "återkallats" in response.content.decode()


def test_an_expired_invitation_is_refused_saying_so_and_creates_nothing(
    convener_client: Client,
) -> None:
    link = invite(convener_client, email="a@kil.se", role=Role.STAFF, municipality=KIL)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    users_before = User.objects.count()

    response = Client().post(
        link,
        {"first_name": "A", "last_name": "B", "password1": "x" * 20, "password2": "x" * 20},
    )

    assert response.status_code == 410
    assert "gått ut" in response.content.decode()
    assert User.objects.count() == users_before


def test_a_forged_link_is_not_found(client: Client) -> None:
    assert client.get("/konto/inbjudan/not-a-real-token/").status_code == 404


def test_a_representative_invites_colleagues_of_their_own_municipality_only(
    client: Client,
) -> None:
    client.force_login(person("rep", Role.REPRESENTATIVE, KIL))

    invite(client, email="kollega@kil.se", role=Role.STAFF, municipality=KIL)
    forged_municipality = client.post(
        "/konto/inbjudningar/", {"email": "x@mora.se", "role": Role.STAFF, "municipality": MORA}
    )
    forged_role = client.post(
        "/konto/inbjudningar/",
        {"email": "x@kil.se", "role": Role.REPRESENTATIVE, "municipality": KIL},
    )

    assert forged_municipality.status_code == forged_role.status_code == 200
    assert forged_municipality.context["form"].errors["municipality"]
    assert forged_role.context["form"].errors["role"]
    assert list(Invitation.objects.values_list("email", flat=True)) == ["kollega@kil.se"]


def test_an_employee_may_not_invite(client: Client) -> None:
    client.force_login(person("anställd", Role.STAFF, KIL))

    assert client.get("/konto/inbjudningar/").status_code == 403


def test_a_representative_cannot_withdraw_another_municipalitys_invitation(
    convener_client: Client,
) -> None:
    invite(convener_client, email="a@mora.se", role=Role.STAFF, municipality=MORA)
    invitation = Invitation.objects.get()
    other = Client()
    other.force_login(person("rep", Role.REPRESENTATIVE, KIL))

    assert other.post(f"/konto/inbjudningar/{invitation.pk}/aterkalla/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_only_the_hash_of_the_token_is_stored(convener_client: Client) -> None:
    link = invite(convener_client, email="a@kil.se", role=Role.STAFF, municipality=KIL)
    token = link.rstrip("/").rsplit("/", 1)[1]

    assert not Invitation.objects.filter(token_hash__contains=token).exists()
    assert len(Invitation.objects.get().token_hash) == 64


def test_the_header_links_the_invitations_for_those_who_may_invite(
    convener_client: Client,
) -> None:
    employee = Client()
    employee.force_login(person("anställd", Role.STAFF, KIL))

    assert 'href="/konto/inbjudningar/"' in convener_client.get("/").content.decode()
    assert 'href="/konto/inbjudningar/"' not in employee.get("/").content.decode()
