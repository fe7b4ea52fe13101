"""A convener composes a council: pool, features, quotas, the LEXIMIN lottery; quotas that
cannot be met are named next to their fields with the nearest quotas that can."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.test import Client

from radslag.council.composition_models import Composition
from radslag.municipalities.models import populations
from radslag.municipalities.sizeclass import size_class_of
from tests.browserless import forms_of, submit
from tests.people import convener, council_member, representative

pytestmark = pytest.mark.django_db

NEW = "/radet/sammansattning/ny/"
STOCKHOLM_COUNTY, VASTRA_GOTALAND = "01", "14"


@pytest.fixture
def chief() -> Client:
    client = Client()
    client.force_login(convener())
    return client


def quota(feature: str, value: str, bound: str) -> str:
    return f"kvot-{feature}-{value}-{bound}"


def compose(client: Client, **changes: Any) -> Any:
    fields = {"title": "Nytt råd", **changes}
    return submit(client, NEW, button="Beräkna lotteriet", **fields)


def test_it_computes_the_leximin_lottery_with_the_suggested_quotas(chief: Client) -> None:
    answer = compose(chief)

    composition = Composition.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == composition.get_absolute_url()
    probabilities = np.array(composition.selection_probabilities)
    assert len(probabilities) == 290
    assert probabilities.sum() == pytest.approx(12)
    assert np.array(composition.panel_probabilities).sum() == pytest.approx(1)
    assert all(len(panel) == 12 for panel in composition.panels)
    # Quotas at every value's share of the country let everyone have the same chance.
    assert probabilities.min() == pytest.approx(12 / 290, abs=1e-6)


def test_every_panel_of_the_lottery_meets_the_quotas(chief: Client) -> None:
    compose(chief, **{quota("size", "city", "min"): "2", quota("size", "city", "max"): "3"})

    composition = Composition.objects.get()
    sizes = populations()
    for panel in composition.panels:
        cities = [
            composition.codes[i]
            for i in panel
            if str(size_class_of(sizes[composition.codes[i]])) == "city"
        ]
        assert 2 <= len(cities) <= 3


def test_the_page_shows_each_candidates_probability_with_a_chart(chief: Client) -> None:
    compose(chief, **{quota("size", "city", "min"): "2", quota("size", "city", "max"): "2"})
    composition = Composition.objects.get()

    page = chief.get(composition.get_absolute_url()).content.decode()

    assert 'role="img"' in page
    assert "Urvalssannolikhet för varje kommun" in page
    assert page.count("/kommuner/") >= 290


def test_it_names_clashing_quotas_and_the_nearest_feasible_relaxation_by_the_fields(
    chief: Client,
) -> None:
    # Four cities, two of them in the counties allowed no seat: three cities cannot be had.
    answer = compose(
        chief,
        **{
            quota("size", "city", "min"): "3",
            quota("size", "city", "max"): "",
            quota("county", STOCKHOLM_COUNTY, "min"): "0",
            quota("county", STOCKHOLM_COUNTY, "max"): "0",
            quota("county", VASTRA_GOTALAND, "min"): "0",
            quota("county", VASTRA_GOTALAND, "max"): "0",
        },
    )

    assert answer.status_code == 200
    assert not Composition.objects.exists()
    form = answer.context["form"]
    assert "Närmaste kvot som går" in " ".join(
        form.errors.get(quota("size", "city", "min"), [])
        + form.errors.get(quota("county", STOCKHOLM_COUNTY, "max"), [])
        + form.errors.get(quota("county", VASTRA_GOTALAND, "max"), [])
    )
    clashing = {name for name in form.errors if name.startswith("kvot-")}
    # Each quota of the clash is marked where it binds: the cities' minimum, the maximums.
    assert clashing == {
        quota("size", "city", "min"),
        quota("county", STOCKHOLM_COUNTY, "max"),
        quota("county", VASTRA_GOTALAND, "max"),
    }
    summary = " ".join(form.non_field_errors())
    assert "200 000 invånare eller fler" in summary
    assert "Närmaste kvoter som går" in summary
    page = answer.content.decode()
    assert "error-summary" in page


def test_a_quota_beyond_the_pool_is_relaxed_to_what_the_pool_holds(chief: Client) -> None:
    gotland = {quota("county", "09", "min"): "2", quota("county", "09", "max"): "2"}

    answer = compose(chief, **gotland)  # Gotland is one municipality

    assert answer.context["form"].errors[quota("county", "09", "min")] == [
        "Närmaste kvot som går: minst 1, högst 2."
    ]


def test_a_maximum_below_its_minimum_is_refused_by_the_field(chief: Client) -> None:
    answer = compose(
        chief, **{quota("size", "small", "min"): "5", quota("size", "small", "max"): "2"}
    )

    assert answer.context["form"].errors[quota("size", "small", "max")] == [
        "Högst 2 är färre än minst 5."
    ]


def test_a_nominated_pool_takes_names_and_codes_and_refuses_unknown_ones(chief: Client) -> None:
    answer = compose(
        chief, pool_kind="nominerade", nominees="Gagnef\nKil, 2062\nAtlantis", panel_size="2"
    )

    assert answer.context["form"].errors["nominees"] == [
        "Okänd kommun: Atlantis. Skriv namnet som i kommunlistan eller kommunkoden."
    ]


def test_a_nominated_pool_smaller_than_the_council_is_refused(chief: Client) -> None:
    answer = compose(chief, pool_kind="nominerade", nominees="Gagnef\nKil")

    assert answer.context["form"].errors["nominees"] == [
        "2 nominerade kommuner räcker inte till 12 platser."
    ]


def test_a_nominated_pool_is_drawn_from_alone(chief: Client) -> None:
    compose(
        chief,
        pool_kind="nominerade",
        nominees="Gagnef\nKil\n2062\nSkövde",
        panel_size="2",
        features=["size"],
        **{
            quota("size", value, bound): ""
            for value in ("small", "medium", "large", "city")
            for bound in ("min", "max")
        },
    )

    composition = Composition.objects.get()
    assert sorted(composition.codes) == ["1496", "1715", "2026", "2062"]
    assert sum(composition.selection_probabilities) == pytest.approx(2)


@pytest.mark.parametrize("who", [council_member, lambda: representative("1715")])
def test_only_a_convener_composes(who: Any) -> None:
    client = Client()
    client.force_login(who())

    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"title": "x"}).status_code == 403


def test_the_form_offers_the_features_the_data_has(chief: Client) -> None:
    page = chief.get(NEW).content.decode()
    form = next(f for f in forms_of(page) if any("Beräkna" in b.text for b in f.buttons))

    offered = set(form.choosable["features"])
    # No SKR groups are imported in the tests: the feature would say nothing.
    assert {"size", "county", "maturity", "production"} <= offered
    assert "skr_group" not in offered


def test_a_candidates_page_gives_its_chance_in_the_latest_lottery(chief: Client) -> None:
    compose(chief)
    composition = Composition.objects.get()
    chance = composition.selection_probabilities[composition.codes.index("1715")] * 100

    page = Client().get("/kommuner/1715/").content.decode()

    assert f"hade kommunen {chance:.1f}".replace(".", ",") in page
    assert composition.get_absolute_url() in page
