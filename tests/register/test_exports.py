"""Open data: the published register as CSV, JSON, Excel, Algoritmeregister JSON and DCAT."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook
from rdflib import RDF, Graph
from rdflib.namespace import DCAT, DCTERMS

from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]

# The published columns, written out here rather than imported: the open data's format is a
# promise to everyone who reads it, so changing it must change this test too.
PUBLISHED_COLUMNS = [
    "id", "url", "title", "summary", "description", "organisation", "municipality_code",
    "participating_municipalities", "goal", "area", "cofog", "technique", "ai_subdomain",
    "supplier", "product", "open_source_url", "stage", "start_date", "end_date",
    "data_sources", "personal_data", "legal_basis", "human_oversight", "appeal", "risks",
    "dpia_done", "dpia_date", "fria_done", "fria_date", "risk_class", "effect_time",
    "effect_cost", "effect_quality", "effect_method", "effect_evaluated", "contact_email",
    "contact_name", "country", "level", "source", "source_id", "source_url", "source_licence",
    "last_reviewed",
]  # fmt: skip


def test_the_csv_round_trips_every_published_case(client: Client, make_case: MakeCase) -> None:
    make_case(
        title='Chattbot, "Kommun-Kim"',
        description="Rad ett\nrad två",
        participants=["1480", "1283"],
    )
    make_case(title="Utkast", status="utkast")

    response = client.get("/anvandningsfall/oppna-data/anvandningsfall.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))

    assert response["Content-Type"].startswith("text/csv")
    assert list(rows[0].keys()) == PUBLISHED_COLUMNS
    assert len(rows) == UseCase.objects.published().count()
    mine = next(r for r in rows if r["title"] == 'Chattbot, "Kommun-Kim"')
    assert mine["description"] == "Rad ett\nrad två"
    assert mine["participating_municipalities"] == "1283;1480"
    assert not any(r["title"] == "Utkast" for r in rows)


def test_it_exports_a_contact_name_only_with_consent(client: Client, make_case: MakeCase) -> None:
    make_case(title="Med samtycke", contact_name="Anna A", contact_name_consent=True)
    make_case(title="Utan samtycke", contact_name="Bertil B", contact_name_consent=False)

    body = client.get("/anvandningsfall/oppna-data/anvandningsfall.json").json()
    names = {c["title"]: c["contact_name"] for c in body["use_cases"]}

    assert names["Med samtycke"] == "Anna A"
    assert names["Utan samtycke"] == ""
    assert "CC BY 4.0" in body["licence"]


def test_the_excel_file_holds_the_same_rows(client: Client, make_case: MakeCase) -> None:
    make_case(title="I Excel", description="Text med styrtecken\x0b och \x1f i sig")

    response = client.get("/anvandningsfall/oppna-data/anvandningsfall.xlsx")
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))

    assert list(rows[0]) == PUBLISHED_COLUMNS
    assert len(rows) - 1 == UseCase.objects.published().count()
    assert "I Excel" in {row[PUBLISHED_COLUMNS.index("title")] for row in rows[1:]}


def test_it_exports_algoritmeregister_field_names(client: Client, make_case: MakeCase) -> None:
    make_case(title="Schemaläggning", legal_basis="Socialtjänstlagen", dpia_done=True)

    rows = client.get("/anvandningsfall/oppna-data/algoritmeregister.json").json()
    mine = next(r for r in rows if r["name"] == "Schemaläggning")

    assert mine["lawful_basis"] == "Socialtjänstlagen"
    assert mine["dpia"] is True
    assert {"organization", "description_short", "human_intervention", "source_data"} <= set(mine)


def test_the_dcat_catalogue_parses_and_describes_every_distribution(client: Client) -> None:
    response = client.get("/anvandningsfall/oppna-data/dcat.rdf")
    graph = Graph().parse(data=response.content, format="xml")

    assert response["Content-Type"].startswith("application/rdf+xml")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1
    distributions = list(graph.objects(datasets[0], DCAT.distribution))
    assert len(distributions) == 3
    assert all(graph.value(d, DCAT.downloadURL) for d in distributions)
    assert graph.value(datasets[0], DCTERMS.publisher) is not None


def test_the_open_data_page_links_every_download(client: Client) -> None:
    page = client.get("/anvandningsfall/oppna-data/").content.decode()

    for name in [
        "anvandningsfall.csv",
        "anvandningsfall.json",
        "anvandningsfall.xlsx",
        "algoritmeregister.json",
        "dcat.rdf",
    ]:
        assert f"/anvandningsfall/oppna-data/{name}" in page
    assert page.count("<h1") == 1


def test_a_title_that_looks_like_a_formula_is_text_in_every_download(
    client: Client, make_case: MakeCase
) -> None:
    make_case(title='=HYPERLINK("http://example.org","Klicka")', summary="+46 8 123 45 67")

    machine = client.get("/anvandningsfall/oppna-data/anvandningsfall.csv").content.decode()
    excel = client.get("/anvandningsfall/oppna-data/anvandningsfall-excel.csv").content.decode()
    workbook = load_workbook(
        io.BytesIO(client.get("/anvandningsfall/oppna-data/anvandningsfall.xlsx").content)
    )

    assert "'=HYPERLINK" in machine
    assert "'+46 8 123 45 67" in machine
    assert "'=HYPERLINK" in excel
    assert excel.startswith("\ufeff")
    assert ";" in excel.splitlines()[0]
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert '=HYPERLINK("http://example.org","Klicka")' in [cell.value for cell in cells]


def test_the_list_page_and_the_api_choose_the_same_cases_for_the_same_filter(
    client: Client, make_case: MakeCase
) -> None:
    make_case(title="Pilot i skolan", area="skola", stage="pilot")
    make_case(title="Drift i skolan", area="skola", stage="i-drift")
    make_case(title="Pilot i vården", area="aldreomsorg", stage="pilot")

    listed = client.get("/anvandningsfall/?area=skola&stage=pilot").content.decode()
    api = client.get("/api/v1/anvandningsfall/?area=skola&stage=pilot&limit=100").json()

    titles = {case["title"] for case in api["results"]}
    assert {(case["area"], case["stage"]) for case in api["results"]} == {("skola", "pilot")}
    for shown in (titles, listed):
        assert "Pilot i skolan" in shown
        assert "Drift i skolan" not in shown
        assert "Pilot i vården" not in shown
