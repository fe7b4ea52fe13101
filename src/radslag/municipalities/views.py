"""The municipality list, its downloads, and one municipality's page."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from radslag import charts
from radslag.core import sections
from radslag.core.partials import render_page_or_partial
from radslag.core.spreadsheets import SWEDISH_EXCEL, Dialect, number, write_csv
from radslag.municipalities import geography
from radslag.municipalities.filters import MunicipalityFilterForm
from radslag.municipalities.models import (
    NET_COST_KPI,
    POPULATION_KPI,
    KeyFigure,
    Municipality,
    municipality_code_validator,
)
from radslag.municipalities.sizeclass import size_class_of


def municipality_list(request: HttpRequest) -> HttpResponse:
    form = MunicipalityFilterForm(request.GET)
    municipalities = form.results()
    context = {
        "form": form,
        "municipalities": municipalities,
        "sort_links": form.sort_links(),
        "csv_query": request.GET.urlencode(),
    }
    return render_page_or_partial(
        request, "municipalities/list.html", "municipalities/_list_results.html", context
    )


LIST_COLUMNS = [
    "kommunkod",
    "kommun",
    "lan",
    "storleksklass",
    "kommungrupp_skr",
    "invanare",
    "invanare_ar",
    "landareal_km2",
    "invanare_per_km2",
    "nettokostnad_kr_per_inv",
    "nettokostnad_ar",
    "kalla",
]
# The list's CSV for programs keeps the byte-order mark it always had, so Excel reads UTF-8.
LIST_CSV = Dialect(delimiter=",", decimal=".", byte_order_mark=True, line_end="\r\n")


def municipality_list_csv(request: HttpRequest) -> HttpResponse:
    """The filtered list for programs: comma-separated, decimal points."""
    return _list_download(request, LIST_CSV, "kommuner.csv")


def municipality_list_excel(request: HttpRequest) -> HttpResponse:
    """The filtered list for Excel with Swedish settings: semicolons, decimal commas."""
    return _list_download(request, SWEDISH_EXCEL, "kommuner-excel.csv")


def _list_download(request: HttpRequest, dialect: Dialect, filename: str) -> HttpResponse:
    form = MunicipalityFilterForm(request.GET)
    # Rows carry the annotations of with_latest_figures(), which the type checker cannot see.
    rows: list[list[object]] = []
    m: Any
    for m in form.results():
        size = size_class_of(m.population)
        rows.append(
            [
                m.code,
                m.name,
                m.county.name,
                size.value if size else "",
                m.skr_group.code if m.skr_group else "",
                number(m.population),
                m.population_year,
                number(m.land_area_km2, 2),
                number(m.density, 1),
                number(m.net_cost),
                m.net_cost_year,
                "Kolada (RKA)",
            ]
        )
    response = HttpResponse(
        write_csv(LIST_COLUMNS, rows, dialect), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        municipality_code_validator(code)
    except Exception:
        raise Http404(_("En kommunkod har fyra siffror, till exempel 0180.")) from None
    municipality = get_object_or_404(
        Municipality.objects.with_latest_figures().select_related("county", "skr_group"),
        code=code,
    )
    figures = list(
        KeyFigure.objects.filter(municipality=municipality)
        .select_related("kpi")
        .order_by("kpi_id", "year")
    )
    latest: dict[str, KeyFigure] = {}
    series: dict[str, list[tuple[int, float]]] = {}
    for figure in figures:
        latest[figure.kpi_id] = figure
        series.setdefault(figure.kpi_id, []).append((figure.year, figure.value))
    trends = [
        charts.line_chart(series.get(POPULATION_KPI, []), _("Invånare"), unit=_("invånare")),
        charts.line_chart(
            series.get(NET_COST_KPI, []), _("Nettokostnad, kr per invånare"), unit=_("kr/inv")
        ),
    ]
    source = _("Källa: Kolada")
    context = {
        "municipality": municipality,
        "size_class": size_class_of(municipality.population),  # type: ignore[attr-defined]
        "latest_figures": sorted(latest.values(), key=lambda f: f.kpi.title),
        "trends": [
            trend.placed(note=source, css_class="card") for trend in trends if trend is not None
        ],
        "locator_map": geography.locator_map(
            municipality.code, _("%(name)s på Sverigekartan") % {"name": municipality.name}
        ),
        "sections": sections.rendered("municipality", request, municipality),
    }
    return render(request, "municipalities/detail.html", context)
