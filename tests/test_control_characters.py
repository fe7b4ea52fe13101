"""No control character reaches the database: a 400 naming the parameter, on every engine."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.needs.models import Need
from tests.people import convener

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/api/v1/kommuner/01%0080/", "/api/v1/anvandningsfall/1%00/", "/kommuner/0180%00/"]
)
def test_a_nul_byte_in_a_path_is_refused_naming_the_address(client: Client, url: str) -> None:
    response = client.get(url)

    assert response.status_code == 400
    assert "adressen" in response.content.decode()
    assert "U+0000" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/kommuner/?q=G%00teborg", "q"),
        ("/api/v1/anvandningsfall/?municipality=0180%00", "municipality"),
        ("/behov/?q=skola%00", "q"),
        ("/anvandningsfall/?q=%1b", "q"),
    ],
)
def test_a_control_character_in_a_filter_is_refused_naming_it(
    client: Client, url: str, parameter: str
) -> None:
    response = client.get(url)

    assert response.status_code == 400
    text = response.json()["detail"] if url.startswith("/api/") else response.content.decode()
    assert f"”{parameter}”" in text


def test_the_api_answers_with_a_json_message(client: Client) -> None:
    response = client.get("/api/v1/kommuner/?county=01%00")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("”county” innehåller ett styrtecken")


def test_a_form_post_with_a_nul_byte_is_refused_and_nothing_is_stored(client: Client) -> None:
    staff = convener("s", password="x")
    client.force_login(staff)

    response = client.post("/behov/nytt/", {"title": "Chatt\x00bot", "text": "Något."})

    assert response.status_code == 400
    assert "”title”" in response.content.decode()
    assert not Need.objects.filter(title__startswith="Chatt").exists()


def test_line_breaks_and_tabs_in_a_text_are_not_control_characters_to_refuse(
    client: Client,
) -> None:
    staff = convener("s", password="x")
    client.force_login(staff)

    response = client.post("/behov/nytt/", {"title": "Rad", "text": "Första\r\nandra\tkolumn"})

    assert response.status_code != 400
