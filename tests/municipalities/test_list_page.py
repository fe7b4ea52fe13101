"""The list of municipalities at /kommuner/, its filters, sorting and CSV download."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from radslag.municipalities.models import Municipality, MunicipalityGroup

pytestmark = pytest.mark.django_db


def names(response: object) -> list[str]:
    return [m.name for m in response.context["municipalities"]]  # type: ignore[attr-defined]


def test_it_lists_all_290_municipalities_with_kolada_as_source(client: Client) -> None:
    response = client.get("/kommuner/")

    assert response.status_code == 200
    assert len(response.context["municipalities"]) == 290
    assert "Källa: Kolada" in response.content.decode()


def test_it_filters_by_name_and_answers_htmx_with_the_table_only(client: Client) -> None:
    response = client.get("/kommuner/?q=hedemora", HTTP_HX_REQUEST="true")

    assert names(response) == ["Hedemora"]
    assert "<html" not in response.content.decode()


def test_it_filters_by_county_and_size_class(client: Client) -> None:
    response = client.get("/kommuner/?county=20&size=medium")

    assert "Mora" in names(response)
    assert all(m.county_id == "20" for m in response.context["municipalities"])
    assert all(15_000 <= m.population < 50_000 for m in response.context["municipalities"])


def test_it_filters_by_skr_group_once_imported(client: Client) -> None:
    group = MunicipalityGroup.objects.create(code="A1", name="Storstäder", main_group="A")
    Municipality.objects.filter(code__in=["0180", "1480", "1280"]).update(skr_group=group)

    assert names(client.get("/kommuner/?group=A1")) == ["Göteborg", "Malmö", "Stockholm"]


def test_it_sorts_by_population_descending(client: Client) -> None:
    assert names(client.get("/kommuner/?sort=-population"))[:3] == [
        "Stockholm",
        "Göteborg",
        "Malmö",
    ]


def test_it_marks_the_sorted_column_for_screen_readers(client: Client) -> None:
    assert 'aria-sort="descending"' in client.get("/kommuner/?sort=-density").content.decode()


def test_it_shows_every_municipality_when_a_filter_is_nonsense(client: Client) -> None:
    response = client.get("/kommuner/?county=99&sort=bad")

    assert response.status_code == 200
    assert len(response.context["municipalities"]) == 290


def test_it_downloads_the_filtered_list_as_csv(client: Client) -> None:
    response = client.get("/kommuner/lista.csv?county=01&sort=-population")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 26
    assert rows[0]["kommun"] == "Stockholm"
    assert rows[0]["invanare"] == "984748"
    assert rows[0]["invanare_ar"] == "2022"
    assert rows[0]["kalla"] == "Kolada (RKA)"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Goteborg", "Göteborg"),
        ("orebro", "Örebro"),
        ("Upplands Vasby", "Upplands Väsby"),
        ("malmo", "Malmö"),
        ("Åre", "Åre"),
        ("0180", "Stockholm"),
    ],
)
def test_the_search_finds_names_typed_without_their_diacritics(
    client: Client, query: str, expected: str
) -> None:
    found = list(Municipality.objects.named(query).values_list("name", flat=True))
    api = client.get("/api/v1/kommuner/", {"q": query}).json()

    assert expected in found
    if not query.isdigit():
        assert expected in [row["name"] for row in api["results"]]
    assert expected in client.get("/kommuner/", {"q": query}).content.decode()


def test_a_query_with_diacritics_is_taken_at_its_word(client: Client) -> None:
    names = set(Municipality.objects.named("Åre").values_list("name", flat=True))

    assert "Åre" in names
    assert "Arvika" not in names
    assert "Varberg" not in names


def test_the_list_for_swedish_excel_uses_semicolons_decimal_commas_and_a_byte_order_mark(
    client: Client,
) -> None:
    response = client.get("/kommuner/lista-excel.csv?county=01&sort=-population")
    text = response.content.decode("utf-8")

    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 26
    assert rows[0]["kommun"] == "Stockholm"
    assert rows[0]["landareal_km2"] == "187,21"
    assert "," in rows[0]["invanare_per_km2"]
    assert "kommuner-excel.csv" in response["Content-Disposition"]


def test_the_skr_group_filter_hides_until_groups_are_imported(client: Client) -> None:
    from django.contrib.auth.models import User

    from radslag.accounts.models import Membership, Role

    assert not MunicipalityGroup.objects.exists()
    page = client.get("/kommuner/").content.decode()
    assert 'name="group"' not in page
    assert "import-kommungrupp" not in page

    convener = User.objects.create_user("sam")
    Membership.objects.create(person=convener, role=Role.CONVENER)
    client.force_login(convener)
    assert "radslag import-kommungrupp FIL.xlsx" in client.get("/kommuner/").content.decode()


def test_the_list_offers_both_downloads_saying_which_is_which(client: Client) -> None:
    page = client.get("/kommuner/?county=01").content.decode()

    assert 'href="/kommuner/lista-excel.csv?county=01"' in page
    assert "för Excel (semikolon, decimalkomma)" in page
    assert 'href="/kommuner/lista.csv?county=01"' in page
    assert "CSV för program (komma, decimalpunkt)" in page
