"""Every page of the register: one h1, labelled controls, tables with header scopes."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from radslag.register.models import UseCase
from tests.html import contains

pytestmark = pytest.mark.django_db


def pages() -> list[str]:
    case = UseCase.objects.get(source_id="PSTW-2179")
    return [
        "/anvandningsfall/",
        "/anvandningsfall/?q=chatbot&origin=sverige",
        f"/anvandningsfall/{case.pk}/",
        f"/anvandningsfall/{case.pk}/andra/",
        "/anvandningsfall/ny/",
        "/anvandningsfall/statistik/",
        "/anvandningsfall/liknande/?text=chattbot",
        "/anvandningsfall/inbaddning/",
    ]


def test_every_page_has_one_h1_labels_and_scoped_table_headers(admin_client: Client) -> None:
    for url in pages():
        response = admin_client.get(url)
        page = response.content.decode()

        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[ >]", page)) == 1, url
        assert '<main id="main"' in page, url
        for control_id in re.findall(
            r'<(?:input|select|textarea)(?![^>]*type="(?:hidden|submit)")[^>]*\sid="([^"]+)"', page
        ):
            assert f'for="{control_id}"' in page, (url, control_id)
        assert not re.search(r"<th(?![^>]*scope=)[ >]", page), url


def test_the_navigation_links_to_the_register(client: Client) -> None:
    page = client.get("/anvandningsfall/").content.decode()

    assert contains(page, '<a href="/anvandningsfall/" aria-current="page">Användningsfall</a>')
