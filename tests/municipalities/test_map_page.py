"""The choropleth at /karta/."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.municipalities.choropleth import legend, quantile_breaks

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


def test_quantile_classes_hold_about_equally_many_values() -> None:
    values = [float(v) for v in range(1, 101)]

    assert quantile_breaks(values, 5) == [20.0, 40.0, 60.0, 80.0, 100.0]
    assert [c.upper for c in legend(values)] == [20.0, 40.0, 60.0, 80.0, 100.0]


def test_a_legend_of_identical_values_has_one_class() -> None:
    assert len(legend([3.0, 3.0, 3.0])) == 1
