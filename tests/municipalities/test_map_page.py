"""The choropleth at /karta/."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_draws_all_290_municipalities_with_a_legend_and_a_table(client: Client) -> None:
    page = client.get("/karta/").content.decode()

    assert page.count("<path d=") == 290
    assert 'class="legend"' in page
    assert page.count('<th scope="row"><a href="/kommuner/') == 290


def test_it_switches_to_net_cost_per_inhabitant(client: Client) -> None:
    response = client.get("/karta/?figur=net_cost")

    assert response.context["figure"].key == "net_cost"
    assert "Källa: Kolada (RKA)" in response.content.decode()


def test_it_falls_back_to_density_for_an_unknown_figure(client: Client) -> None:
    assert client.get("/karta/?figur=nonsense").context["figure"].key == "density"
