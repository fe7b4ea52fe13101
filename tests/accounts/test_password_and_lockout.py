"""Choosing a new password by e-mail, and the lockout after six wrong passwords in a row."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "ett-långt-lösenord"


@pytest.fixture
def person() -> object:
    return get_user_model().objects.create_user("anna", "anna@mora.se", PASSWORD)


def sign_in(client: Client, password: str) -> int:
    response = client.post("/konto/logga-in/", {"username": "anna", "password": password})
    return response.status_code


def test_a_person_chooses_a_new_password_through_the_link_in_the_mail(
    client: Client, person: object
) -> None:
    response = client.post("/konto/losenord/", {"email": "anna@mora.se"})
    assert response["Location"] == "/konto/losenord/skickat/"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/konto/losenord/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    form = client.get(link.group(1), follow=True)
    new = {"new_password1": "Ett nytt och långt lösenord", "new_password2": ""}
    new["new_password2"] = new["new_password1"]
    done = client.post(form.redirect_chain[-1][0], new)

    assert done["Location"] == "/konto/losenord/klart/"
    assert sign_in(Client(), "Ett nytt och långt lösenord") == 302
    assert client.get(link.group(1), follow=True).context["validlink"] is False


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: Client) -> None:
    response = client.post("/konto/losenord/", {"email": "okand@mora.se"})

    assert response["Location"] == "/konto/losenord/skickat/"
    assert mail.outbox == []


def test_the_sixth_wrong_password_in_a_row_locks_the_account_saying_so(
    client: Client, person: object
) -> None:
    for _ in range(5):
        assert sign_in(client, "fel") == 200

    locked = client.post("/konto/logga-in/", {"username": "anna", "password": "fel"})

    assert locked.status_code == 429
    assert "spärrat" in locked.content.decode()
    assert "6 gånger i rad" in locked.content.decode()
    assert sign_in(Client(), PASSWORD) == 429


def test_a_right_password_resets_the_count_of_wrong_ones(client: Client, person: object) -> None:
    for _ in range(5):
        sign_in(client, "fel")
    assert sign_in(client, PASSWORD) == 302
    client.post("/konto/logga-ut/")

    for _ in range(5):
        assert sign_in(client, "fel") == 200


def test_new_passwords_are_hashed_with_argon2(settings: Any) -> None:
    # The test settings hash with MD5 for speed, so the product's list is put back here.
    from radslag import settings as product

    settings.PASSWORD_HASHERS = product.PASSWORD_HASHERS

    assert make_password("x").startswith("argon2$argon2id$")
