"""The page head and header: the site's icon, and the account slot (a login link, or who is
logged in with a way out)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
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


def test_every_page_names_the_sites_icon_and_the_icon_is_there(client: Client) -> None:
    # Without a named icon every browser asks for /favicon.ico, which is not there: a 404 per
    # visitor in the log and a failed request in the console.
    page = client.get("/kommuner/").content.decode()
    icon = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', page)
    assert icon is not None
    assert finders.find(icon.group(1)) is not None
