"""Signing in and out through Rådslag's own pages, and the demonstration's accounts."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from radslag.accounts.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from radslag.accounts.models import Membership, Role
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import SizeClass

pytestmark = pytest.mark.django_db


@pytest.fixture
def person() -> object:
    return get_user_model().objects.create_user(
        "anna", password="ett-långt-lösenord", first_name="Anna", last_name="Berg"
    )


def test_the_header_offers_a_login_link_back_to_the_page(client: Client) -> None:
    page = client.get("/kommuner/?lan=01").content.decode()

    assert 'href="/konto/logga-in/?next=/kommuner/%3Flan%3D01"' in page


def test_it_signs_a_person_in_and_returns_to_the_page_they_came_from(
    client: Client, person: object
) -> None:
    response = client.post(
        "/konto/logga-in/",
        {"username": "anna", "password": "ett-långt-lösenord", "next": "/behov/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/behov/"
    page = client.get("/").content.decode()
    assert "Inloggad som Anna Berg" in page
    assert 'action="/konto/logga-ut/"' in page


def test_a_wrong_password_gets_one_neutral_message(client: Client, person: object) -> None:
    wrong_password = client.post("/konto/logga-in/", {"username": "anna", "password": "fel"})
    unknown_name = client.post("/konto/logga-in/", {"username": "okänd", "password": "fel"})

    assert wrong_password.status_code == unknown_name.status_code == 200
    assert wrong_password.context["form"].non_field_errors() == (
        unknown_name.context["form"].non_field_errors()
    )
    assert 'role="alert"' in wrong_password.content.decode()


def test_it_does_not_redirect_to_another_site_after_login(client: Client, person: object) -> None:
    response = client.post(
        "/konto/logga-in/",
        {"username": "anna", "password": "ett-långt-lösenord", "next": "https://example.org/"},
    )

    assert response["Location"] == "/"


def test_logging_out_takes_a_post_and_ends_the_session(client: Client, person: object) -> None:
    client.force_login(person)  # type: ignore[arg-type]

    assert client.get("/konto/logga-ut/").status_code == 405
    response = client.post("/konto/logga-ut/")

    assert response.status_code == 200
    assert "Du är utloggad" in response.content.decode()
    assert "Logga in" in client.get("/").content.decode()


def test_a_visitor_is_sent_to_the_login_page_from_a_page_that_writes(client: Client) -> None:
    response = client.get("/behov/nytt/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/behov/nytt/"


def test_a_signed_in_person_without_the_right_is_refused(client: Client, person: object) -> None:
    client.force_login(person)  # type: ignore[arg-type]

    assert client.get("/behov/nytt/").status_code == 403


def test_the_demo_accounts_are_shown_on_the_login_page_in_demo_mode_only(
    client: Client, settings: Any
) -> None:
    settings.DEMO = False
    assert DEMO_PASSWORD not in client.get("/konto/logga-in/").content.decode()

    settings.DEMO = True
    page = client.get("/konto/logga-in/").content.decode()
    assert DEMO_PASSWORD in page
    for account in DEMO_ACCOUNTS:
        assert account.username in page


def test_the_demo_accounts_command_refuses_outside_demo_mode(settings: Any) -> None:
    settings.DEMO = False

    with pytest.raises(CommandError, match="RADSLAG_DEMO"):
        call_command("demo_accounts")
    assert not get_user_model().objects.exists()


def test_the_demo_accounts_can_sign_in_and_a_second_run_changes_nothing(
    client: Client, settings: Any
) -> None:
    settings.DEMO = True
    call_command("demo_accounts")
    call_command("demo_accounts")

    assert get_user_model().objects.count() == len(DEMO_ACCOUNTS)
    for account in DEMO_ACCOUNTS:
        signed_in = client.post(
            "/konto/logga-in/", {"username": account.username, "password": DEMO_PASSWORD}
        )
        assert signed_in.status_code == 302
        person = get_user_model().objects.get(username=account.username)
        assert list(person.memberships.values_list("role", "municipality")) == [
            (account.role, account.municipality)
        ]


def test_the_demo_has_an_account_for_every_role_and_a_large_and_a_small_municipality(
    settings: Any,
) -> None:
    settings.DEMO = True
    call_command("demo_accounts")

    roles = set(Membership.objects.values_list("role", flat=True))
    represented = set(
        Membership.objects.filter(role=Role.REPRESENTATIVE).values_list(
            "municipality_id", flat=True
        )
    )
    sizes = {
        Municipality.objects.with_latest_figures().get(code=code).size_class for code in represented
    }

    assert roles == set(Role.values)
    assert {SizeClass.CITY, SizeClass.SMALL} <= sizes
