"""The lists that htmx updates in place: which answer each request gets, and what caches learn."""

from __future__ import annotations

import pytest
from django.test import Client

LISTS = ["/kommuner/", "/anvandningsfall/", "/behov/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_a_list_says_its_answer_depends_on_the_htmx_headers(client: Client, path: str) -> None:
    response = client.get(path)
    assert "HX-Request" in response["Vary"]
    assert "HX-History-Restore-Request" in response["Vary"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_an_htmx_update_gets_the_fragment(client: Client, path: str) -> None:
    response = client.get(path, headers={"HX-Request": "true"})
    assert b"<html" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_an_htmx_history_restore_gets_the_whole_page(client: Client, path: str) -> None:
    response = client.get(
        path, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert b"<html" in response.content
    assert b"site-header" in response.content
