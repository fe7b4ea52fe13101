"""Open data: the published register as CSV, JSON, Excel, in the Algoritmeregister's field
names, and a DCAT-AP-SE catalogue that describes the register for dataportal.se.

Only published cases are exported. A contact person's name is exported only with consent.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from openpyxl import Workbook
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, XSD

from radslag.core.spreadsheets import MACHINE, Dialect, text_cell, write_csv
from radslag.register.models import UseCase

FIELDS = [
    "id", "url", "title", "summary", "description", "organisation", "municipality_code",
    "participating_municipalities", "goal", "area", "cofog", "technique", "ai_subdomain",
    "supplier", "product", "open_source_url", "stage", "start_date", "end_date",
    "data_sources", "personal_data", "legal_basis", "human_oversight", "appeal", "risks",
    "dpia_done", "dpia_date", "fria_done", "fria_date", "risk_class", "effect_time",
    "effect_cost", "effect_quality", "effect_method", "effect_evaluated", "contact_email",
    "contact_name", "country", "level", "source", "source_id", "source_url", "source_licence",
    "last_reviewed",
]  # fmt: skip

DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FORMATS = {
    "csv": ("text/csv", "http://publications.europa.eu/resource/authority/file-type/CSV"),
    "json": ("application/json", "http://publications.europa.eu/resource/authority/file-type/JSON"),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "http://publications.europa.eu/resource/authority/file-type/XLSX",
    ),
}


def published_cases() -> Iterable[UseCase]:
    return (
        UseCase.objects.open_data()
        .select_related("organisation")
        .prefetch_related("participants")
        .order_by("pk")
    )


def _value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return value


def record(case: UseCase, base_url: str) -> dict[str, object]:
    """One case as a flat record with the register's own (English) field names."""
    row: dict[str, object] = {
        "id": case.pk,
        "url": f"{base_url}{case.get_absolute_url()}",
        "organisation": case.organisation_display,
        "municipality_code": case.organisation_id or "",
        "participating_municipalities": ";".join(sorted(m.code for m in case.participants.all())),
        "contact_name": case.public_contact_name,
    }
    for name in FIELDS:
        if name not in row:
            row[name] = _value(getattr(case, name))
    return {name: row[name] for name in FIELDS}


def records(base_url: str) -> Iterator[dict[str, object]]:
    for case in published_cases():
        yield record(case, base_url)


def as_csv(rows: Iterable[dict[str, object]], dialect: Dialect = MACHINE) -> str:
    """The published CSV (``MACHINE``), or the same rows for Swedish Excel."""
    return write_csv(FIELDS, ([row[name] for name in FIELDS] for row in rows), dialect)


def as_json(rows: Iterable[dict[str, object]], licence_note: str) -> str:
    return json.dumps(
        {"licence": licence_note, "fields": FIELDS, "use_cases": list(rows)},
        ensure_ascii=False,
        indent=1,
    )


def as_xlsx(rows: Iterable[dict[str, object]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Användningsfall")
    sheet.append(FIELDS)
    for row in rows:
        sheet.append([text_cell(sheet, row[name]) for name in FIELDS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def algoritmeregister_record(case: UseCase, base_url: str) -> dict[str, Any]:
    """One case in the field names of the Dutch Algoritmeregister publication standard."""
    return {
        "name": case.title,
        "organization": case.organisation_display,
        "description_short": case.summary,
        "category": [case.get_area_display()] if case.area else [],
        "website": case.website or f"{base_url}{case.get_absolute_url()}",
        "status": case.get_stage_display(),
        "goal": case.goal,
        "impact": case.description,
        "decision_making_process": case.human_oversight,
        "lawful_basis": case.legal_basis,
        "iama": case.fria_done,
        "dpia": case.dpia_done,
        "objection_procedure": case.appeal,
        "source_data": case.data_sources,
        "methods_and_models": case.get_technique_display() if case.technique else "",
        "human_intervention": case.human_oversight,
        "risks": case.risks,
        "provider": case.supplier,
        "begin_date": _value(case.start_date) or "",
        "end_date": _value(case.end_date) or "",
        "contact_email": case.contact_email,
        "lang": "sv" if case.is_swedish else "en",
        "source_id": case.source_id or str(case.pk),
    }


def catalogue(base_url: str, modified: date | None, count: int) -> Graph:
    """A DCAT-AP-SE catalogue with the register as one dataset and its distributions."""
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dcterms", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    catalog = URIRef(f"{base_url}/anvandningsfall/oppna-data/#katalog")
    dataset = URIRef(f"{base_url}/anvandningsfall/oppna-data/#register")
    publisher = URIRef(f"{base_url}/#radslag")
    contact = URIRef(f"{base_url}/#kontakt")
    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, Literal("Rådslag öppna data", lang="sv")))
    graph.add((catalog, DCTERMS.description, Literal(
        "Öppna data från Rådslag, plattformen för det nationella AI-rådet för Sveriges kommuner.",
        lang="sv")))  # fmt: skip
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCAT.dataset, dataset))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal("Rådslag", lang="sv")))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("Kommunala AI-användningsfall", lang="sv")))
    graph.add((dataset, DCTERMS.title, Literal("Municipal AI use cases", lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(
        f"Register över {count} publicerade användningsfall av AI i kommuner och offentlig "
        "sektor: syfte, område, skede, teknik, data, mänsklig kontroll, risker och effekter.",
        lang="sv")))  # fmt: skip
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCAT.contactPoint, contact))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal("Rådslag")))
    graph.add((dataset, DCAT.keyword, Literal("AI", lang="sv")))
    graph.add((dataset, DCAT.keyword, Literal("kommuner", lang="sv")))
    graph.add((dataset, DCAT.landingPage, URIRef(f"{base_url}/anvandningsfall/")))
    graph.add((dataset, DCAT.theme, URIRef(
        "http://publications.europa.eu/resource/authority/data-theme/GOVE")))  # fmt: skip
    if modified:
        graph.add((dataset, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.date)))
    for extension, (media_type, file_type) in FORMATS.items():
        distribution = URIRef(f"{base_url}/anvandningsfall/oppna-data/#{extension}")
        url = URIRef(f"{base_url}/anvandningsfall/oppna-data/anvandningsfall.{extension}")
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(
            f"Användningsfall ({extension.upper()})", lang="sv")))  # fmt: skip
        graph.add((distribution, DCAT.accessURL, url))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.mediaType, URIRef(
            f"http://www.iana.org/assignments/media-types/{media_type}")))  # fmt: skip
        graph.add((distribution, DCTERMS.format, URIRef(file_type)))
        graph.add((distribution, DCTERMS.license, URIRef(
            "http://creativecommons.org/licenses/by/4.0/")))  # fmt: skip
    return graph
