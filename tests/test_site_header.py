"""The header's account slot: a login link, or who is logged in with a way out."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.html import contains

pytestmark = pytest.mark.django_db


def test_a_visitor_is_offered_to_log_in_and_comes_back_to_the_page(client: Client) -> None:
    page = client.get("/kommuner/?county=01").content.decode()
    assert contains(page, '<a href="/konto/logga-in/?next=/kommuner/%3Fcounty%3D01">Logga in</a>')


def test_a_logged_in_person_sees_their_name_and_can_log_out(client: Client) -> None:
    client.force_login(User.objects.create_user("anna", first_name="Anna", last_name="Berg"))
    page = client.get("/kommuner/").content.decode()
    assert "Inloggad som Anna Berg" in page
    assert 'action="/konto/logga-ut/" method="post"' in page
    assert "Logga in<" not in page
