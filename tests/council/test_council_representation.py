"""How representative the council is of the 290: the audit's numbers against counts made here,
for the current seats and for a drawn panel."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.council.composition import Definition, compose, draw
from radslag.council.features import municipality_features
from radslag.council.representation import representation
from radslag.municipalities.models import Municipality, populations
from radslag.municipalities.sizeclass import size_class_of

pytestmark = pytest.mark.django_db

SEATED = {
    "1781", "1466", "1442", "2026", "1384", "0120", "0486", "1496", "1283", "0180", "1480",
    "2281", "1461",
}  # fmt: skip
SIZE_KEYS = {
    "Under 15 000 invånare": "small",
    "15 000–49 999 invånare": "medium",
    "50 000–199 999 invånare": "large",
    "200 000 invånare eller fler": "city",
}


def size_counts(codes: set[str]) -> dict[str, int]:
    sizes = populations()
    counts: dict[str, int] = {}
    for code in codes:
        key = str(size_class_of(sizes[code]))
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_the_seats_shares_of_size_classes_are_counted_against_the_country() -> None:
    everyone = set(Municipality.objects.values_list("code", flat=True))
    council, country = size_counts(SEATED), size_counts(everyone)

    page = Client().get("/radet/representativitet/")

    sizes = next(shares for shares, _chart in page.context["audit"] if shares.feature == "size")
    for value in sizes.values:
        key = SIZE_KEYS[value.label]
        assert value.council == council.get(key, 0)
        assert value.country == country[key]
        assert value.council_share == pytest.approx(council.get(key, 0) / 13)
        assert value.country_share == pytest.approx(country[key] / 290)
    shares = [(council.get(k, 0) / 13, country[k] / 290) for k in country]
    assert sizes.distance == pytest.approx(0.5 * sum(abs(a - b) for a, b in shares))


def test_the_counties_of_the_seats_are_counted_once_per_municipality() -> None:
    counties = dict(Municipality.objects.values_list("code", "county_id"))

    audit = representation(sorted(SEATED), municipality_features())

    county = next(shares for shares in audit if shares.feature == "county")
    vastra_gotaland = next(value for value in county.values if value.label == "Västra Götaland")
    expected = sum(1 for code in SEATED if counties[code] == "14")
    assert vastra_gotaland.council == expected == 5  # Göteborg, Skövde, Mellerud and the pair
    assert vastra_gotaland.country == sum(1 for c in counties.values() if c == "14")


def test_the_page_shows_a_chart_and_a_table_for_each_feature() -> None:
    page = Client().get("/radet/representativitet/")

    html = page.content.decode()
    features = [shares.feature for shares, _chart in page.context["audit"]]
    # Without self-assessments and use cases in the tests, maturity and production are
    # the same everywhere and are left out.
    assert features == ["size", "county"]
    assert html.count('class="chart-wide" role="img"') == 2
    assert "Rådet (13 kommuner)" in html


def test_a_drawn_panel_is_audited_on_its_own_page() -> None:
    known = municipality_features()
    made = compose(Definition("Nytt råd", 4, "alla", tuple(sorted(known.of)), ("size",), {}), known)
    made = draw(made, "frö")
    drawn = set(made.drawn_codes())
    council = size_counts(drawn)

    page = Client().get(f"/radet/sammansattning/{made.pk}/representativitet/")

    sizes = next(shares for shares, _chart in page.context["audit"] if shares.feature == "size")
    assert sum(value.council for value in sizes.values) == 4
    assert {SIZE_KEYS[v.label]: v.council for v in sizes.values if v.council} == council


def test_a_panel_not_yet_drawn_has_no_audit() -> None:
    known = municipality_features()
    made = compose(Definition("Nytt råd", 4, "alla", tuple(sorted(known.of)), ("size",), {}), known)

    assert Client().get(f"/radet/sammansattning/{made.pk}/representativitet/").status_code == 404
