"""Signing in through a municipality's identity provider: the whole OpenID Connect flow
against a real provider (django-oidc-provider) running on loopback, not a mock of the client."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.test import Client

from radslag.accounts.models import ExternalIdentity, Membership, Role
from radslag.municipalities.models import Municipality
from radslag.municipalities.organisation_numbers import luhn_check_digit

REPO = Path(__file__).resolve().parents[2]
CALLBACK = "http://testserver/konto/oidc/tillbaka/"
CLIENT_ID, CLIENT_SECRET = "radslag", "client-secret-for-tests"


def organisation_number(first_nine: str) -> str:
    return first_nine + str(luhn_check_digit(first_nine))


# Numbers of the right form made up for the tests; the reference data has none.
KIL = organisation_number("212000177")
A_COMPANY = organisation_number("556000123")

PEOPLE = {
    "anna": {
        "password": "anna-password",
        "email": "anna.andersson@kil.example",
        "given_name": "Anna",
        "family_name": "Andersson",
        "affiliation": f"ab1234@{KIL}",
    },
    "rut": {
        "password": "rut-password",
        "email": "rut.representant@kil.example",
        "given_name": "Rut",
        "family_name": "Representant",
        "affiliation": f"rr0001@{KIL}",
    },
    "bertil": {
        "password": "bertil-password",
        "email": "bertil@foretaget.example",
        "affiliation": f"b77@{A_COMPANY}",
    },
    "cecilia": {"password": "cecilia-password", "email": "cecilia@example.org"},
}


@dataclass
class Provider:
    url: str
    people_file: Path
    configuration: dict[str, Any]

    def set_email(self, username: str, email: str) -> None:
        people = json.loads(self.people_file.read_text())
        people[username]["email"] = email
        self.people_file.write_text(json.dumps(people))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    folder = tmp_path_factory.mktemp("identity-provider")
    people_file = folder / "people.json"
    people_file.write_text(json.dumps(PEOPLE))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.identity_provider.settings",
        "PYTHONPATH": str(REPO),
        "PROVIDER_DB": str(folder / "provider.sqlite3"),
        "PROVIDER_PEOPLE": str(people_file),
    }
    environment.pop("DATABASE_URL", None)
    django = [sys.executable, "-m", "django"]
    subprocess.run([*django, "migrate", "-v0"], env=environment, check=True, cwd=REPO)
    subprocess.run(
        [
            *django,
            "seed_provider",
            f"--client-id={CLIENT_ID}",
            f"--client-secret={CLIENT_SECRET}",
            f"--redirect-uri={CALLBACK}",
        ],
        env=environment,
        check=True,
        cwd=REPO,
    )
    port = _free_port()
    server = subprocess.Popen(
        [*django, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=environment,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"{url}/openid/.well-known/openid-configuration", timeout=2)
                if answer.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the test identity provider did not start")
            time.sleep(0.2)
        yield Provider(url, people_file, answer.json())
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def configured(provider: Provider, settings: Any) -> Provider:
    configuration = provider.configuration
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = configuration["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = configuration["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = configuration["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = configuration["jwks_uri"]
    settings.OIDC_PROVIDER_NAME = "Kil kommuns inloggning"
    Municipality.objects.filter(code="1715").update(organisation_number=KIL)
    return provider


def _code_from_provider(provider: Provider, authorize_url: str, username: str) -> str:
    """What the person's browser does at the provider: sign in, and come back with a code."""
    parts = urlsplit(authorize_url)
    authorize = f"{parts.path}?{parts.query}"
    with httpx.Client(base_url=provider.url, follow_redirects=False) as browser:
        browser.get("/login/", params={"next": authorize})
        answer = browser.post(
            "/login/",
            params={"next": authorize},
            data={
                "username": username,
                "password": PEOPLE[username]["password"],
                "csrfmiddlewaretoken": browser.cookies["csrftoken"],
            },
        )
        assert answer.status_code == 302, answer.text
        answer = browser.get(answer.headers["location"])
        assert answer.status_code == 302, answer.text
    back = answer.headers["location"]
    assert back.startswith(CALLBACK), back
    return back.removeprefix("http://testserver")


def sign_in(client: Client, provider: Provider, username: str) -> Any:
    start = client.get("/konto/oidc/", {"next": "/behov/"})
    assert start.status_code == 302
    return client.get(_code_from_provider(provider, start["Location"], username))


def _signed_in_user(client: Client) -> AbstractUser | None:
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


@pytest.mark.django_db
def test_a_municipal_employee_signs_in_and_becomes_staff_of_their_municipality(
    client: Client, configured: Provider
) -> None:
    answer = sign_in(client, configured, "anna")

    assert answer.status_code == 302
    assert answer["Location"] == "/behov/"
    user = _signed_in_user(client)
    assert user is not None
    assert user.email == "anna.andersson@kil.example"
    assert user.get_full_name() == "Anna Andersson"
    assert not user.has_usable_password()
    assert list(Membership.objects.filter(person=user).values_list("role", "municipality")) == [
        (Role.STAFF, "1715")
    ]
    identity = ExternalIdentity.objects.get(person=user)
    assert identity.issuer == configured.configuration["issuer"]


@pytest.mark.django_db
def test_signing_in_again_finds_the_same_account_even_with_a_new_email_address(
    client: Client, configured: Provider
) -> None:
    sign_in(client, configured, "anna")
    first = _signed_in_user(client)
    client.logout()
    configured.set_email("anna", "anna.andersson@ny.kil.example")
    try:
        sign_in(client, configured, "anna")
    finally:
        configured.set_email("anna", PEOPLE["anna"]["email"])

    assert _signed_in_user(client) == first
    assert get_user_model().objects.count() == 1
    assert Membership.objects.filter(person=first).count() == 1


@pytest.mark.django_db
def test_an_invited_representative_is_linked_by_email_and_keeps_their_role(
    client: Client, configured: Provider
) -> None:
    invited = get_user_model().objects.create_user("rut", "Rut.Representant@kil.example", "x")
    Membership.objects.create(person=invited, role=Role.REPRESENTATIVE, municipality_id="1715")

    sign_in(client, configured, "rut")

    assert _signed_in_user(client) == invited
    assert list(Membership.objects.filter(person=invited).values_list("role", flat=True)) == [
        Role.REPRESENTATIVE
    ]
    assert ExternalIdentity.objects.filter(person=invited).exists()


@pytest.mark.django_db
def test_a_person_whose_organisation_is_not_a_municipality_is_refused_with_a_message(
    client: Client, configured: Provider
) -> None:
    answer = sign_in(client, configured, "bertil")

    assert answer.status_code == 302
    assert answer["Location"] == "/konto/logga-in/"
    page = client.get(answer["Location"]).content.decode()
    assert "inte en kommun som Rådslag känner till" in page
    assert f"{A_COMPANY[:6]}-{A_COMPANY[6:]}" in page
    assert _signed_in_user(client) is None
    assert not get_user_model().objects.exists()
    assert not ExternalIdentity.objects.exists()


@pytest.mark.django_db
def test_a_person_without_an_organisation_claim_is_refused_with_a_message(
    client: Client, configured: Provider
) -> None:
    answer = sign_in(client, configured, "cecilia")

    page = client.get(answer["Location"]).content.decode()
    assert "uppgav inte vilken organisation du tillhör" in page
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_a_forged_state_is_refused_and_nothing_is_created(
    client: Client, configured: Provider
) -> None:
    start = client.get("/konto/oidc/")
    callback = _code_from_provider(configured, start["Location"], "anna")
    code = parse_qs(urlsplit(callback).query)["code"][0]

    answer = client.get("/konto/oidc/tillbaka/", {"code": code, "state": "forged-state"})

    assert answer.status_code == 400
    assert _signed_in_user(client) is None
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_a_forged_nonce_is_refused_and_nothing_is_created(
    client: Client, configured: Provider
) -> None:
    start = client.get("/konto/oidc/")
    callback = _code_from_provider(configured, start["Location"], "anna")
    session = client.session
    for state in session["oidc_states"].values():
        state["nonce"] = "a-nonce-the-provider-never-saw"
    session.save()

    answer = client.get(callback)

    assert answer.status_code == 400
    assert _signed_in_user(client) is None
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_a_deactivated_account_cannot_sign_in_through_the_provider(
    client: Client, configured: Provider
) -> None:
    sign_in(client, configured, "anna")
    user = _signed_in_user(client)
    assert user is not None
    client.logout()
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)

    answer = sign_in(client, configured, "anna")

    assert answer["Location"] == "/konto/logga-in/"
    assert _signed_in_user(client) is None


@pytest.mark.django_db
def test_the_login_page_offers_the_municipalitys_sign_in_when_it_is_configured(
    client: Client, configured: Provider
) -> None:
    page = client.get("/konto/logga-in/").content.decode()

    assert "Logga in med Kil kommuns inloggning" in page
    assert 'action="/konto/oidc/"' in page


@pytest.mark.django_db
def test_without_configuration_there_is_no_provider_sign_in(client: Client) -> None:
    assert client.get("/konto/oidc/").status_code == 404
    assert client.get("/konto/oidc/tillbaka/", {"code": "x", "state": "y"}).status_code == 404
    assert "/konto/oidc/" not in client.get("/konto/logga-in/").content.decode()
