"""The value model on the platform: the first assumptions, calibrated to Digg's estimate, every
figure marked as an estimate, and a convener's change saved as a new version."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.initiatives.models import AssumptionSet, Initiative, Participation
from radslag.initiatives.value import national_value
from tests.people import convener

pytestmark = pytest.mark.django_db


def _form(client: Client, **changes: str) -> dict[str, str]:
    """The edit form as the page fills it in, with ``changes``."""
    page = client.get("/initiativ/antaganden/andra/")
    data: dict[str, str] = {"note": "Högre effekt i skolan", "target_percent": "6.00"}
    form = page.context["formset"]
    data.update(
        {
            "area-TOTAL_FORMS": str(form.total_form_count()),
            "area-INITIAL_FORMS": str(form.initial_form_count()),
        }
    )
    for index, row in enumerate(form.forms):
        for name, value in row.initial.items():
            data[f"area-{index}-{name}"] = "" if value is None else str(value)
    data.update(changes)
    return data


def test_the_national_central_total_is_six_per_cent_of_the_municipalities_net_cost() -> None:
    value = national_value()

    assert value is not None
    low, central, high = value.estimate.total()
    assert central == pytest.approx(0.06 * value.net_cost_total)
    assert low < central < high
    # Kolada's latest net cost of all 290 municipalities is some 640 billion kronor a year.
    assert 500e9 < value.net_cost_total < 800e9


def test_the_assumptions_page_explains_the_calibration_and_every_area() -> None:
    page = Client().get("/initiativ/antaganden/").content.decode()

    assert "Digg har uppskattat att AI kan vara värt omkring 140 miljarder kronor" in page
    assert "Version 1" in page
    assert "Äldreomsorg" in page
    assert "N20011 − N28016" in page


def test_an_initiatives_value_is_marked_as_an_estimate_naming_the_version() -> None:
    initiative = Initiative.objects.create(
        title="Tolk", type="natverk", description="x", areas=["ifo"], cost_low=1, cost_high=2
    )
    Participation.objects.create(initiative=initiative, municipality_id="1715", role="deltar")

    page = Client().get(f"/initiativ/{initiative.pk}/").content.decode()

    assert "uppskattning" in page
    assert "efter antagandena i version 1" in page
    assert "mnkr" in page


def test_a_convener_saves_new_assumptions_as_a_new_version() -> None:
    client = Client()
    client.force_login(convener())
    first = national_value()
    assert first is not None

    answer = client.post(
        "/initiativ/antaganden/andra/", _form(client, **{"area-12-effect_central": "12"})
    )

    assert answer.status_code == 302
    assert list(AssumptionSet.objects.values_list("version", flat=True)) == [2, 1]
    second = national_value()
    assert second is not None
    assert second.assumptions.version == 2
    assert second.estimate.total()[1] == pytest.approx(first.estimate.total()[1])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"area-0-effect_high": "140"},
            "Kontrollera att detta värde är mindre än eller lika med 100.",
        ),
        ({"area-0-effect_low": "50"}, "Låg, trolig och hög ska vara i stigande ordning."),
        ({"target_percent": "60"}, "Målet går inte att nå med de här antagandena"),
    ],
)
def test_assumptions_outside_0_to_100_per_cent_or_that_cannot_be_calibrated_are_refused(
    changes: dict[str, str], message: str
) -> None:
    client = Client()
    client.force_login(convener())

    answer = client.post("/initiativ/antaganden/andra/", _form(client, **changes))

    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert AssumptionSet.objects.count() == 1
