"""Downloads of the published register and its DCAT-AP-SE description."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from radslag.core.spreadsheets import SWEDISH_EXCEL
from radslag.register import exports
from radslag.register.models import UseCase

LICENCE_NOTE = (
    "Rådslag's own entries: CC BY 4.0. Imported cases: Källa: Public Sector Tech Watch, "
    "Europeiska kommissionen, CC BY 4.0."
)


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _download(content: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def open_data(request: HttpRequest) -> HttpResponse:
    licence = _(
        "Rådslags egna uppgifter: CC BY 4.0. Importerade fall: Källa: Public Sector Tech Watch, "
        "Europeiska kommissionen, CC BY 4.0."
    )
    context = {"count": UseCase.objects.open_data().count(), "licence": licence}
    return render(request, "register/open_data.html", context)


def export_csv(request: HttpRequest) -> HttpResponse:
    # The byte-order mark makes Excel read the UTF-8 text correctly.
    text = "\ufeff" + exports.as_csv(exports.records(_base(request)))
    return _download(text, "text/csv; charset=utf-8", "anvandningsfall.csv")


def export_excel_csv(request: HttpRequest) -> HttpResponse:
    """The same rows for Excel with Swedish settings: semicolons, decimal commas."""
    text = exports.as_csv(exports.records(_base(request)), SWEDISH_EXCEL)
    return _download(text, "text/csv; charset=utf-8", "anvandningsfall-excel.csv")


def export_json(request: HttpRequest) -> HttpResponse:
    text = exports.as_json(exports.records(_base(request)), LICENCE_NOTE)
    return _download(text, "application/json; charset=utf-8", "anvandningsfall.json")


def export_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(
        exports.as_xlsx(exports.records(_base(request))),
        exports.FORMATS["xlsx"][0],
        "anvandningsfall.xlsx",
    )


def export_algoritmeregister(request: HttpRequest) -> HttpResponse:
    base = _base(request)
    rows = [exports.algoritmeregister_record(c, base) for c in exports.published_cases()]
    text = json.dumps(rows, ensure_ascii=False, indent=1)
    return _download(text, "application/json; charset=utf-8", "algoritmeregister.json")


def dcat_catalogue(request: HttpRequest) -> HttpResponse:
    published = UseCase.objects.open_data()
    latest = published.order_by("-updated_at").values_list("updated_at", flat=True).first()
    graph = exports.catalogue(_base(request), latest.date() if latest else None, published.count())
    return HttpResponse(
        graph.serialize(format="pretty-xml"), content_type="application/rdf+xml; charset=utf-8"
    )
