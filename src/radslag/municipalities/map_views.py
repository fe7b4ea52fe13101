"""The map page: a choropleth of a chosen figure, with a legend and a table alternative."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from radslag.charts import legend
from radslag.municipalities.collation import swedish_key
from radslag.municipalities.geography import municipality_map
from radslag.municipalities.models import Municipality


@dataclass(frozen=True)
class MapFigure:
    key: str
    label: str | Promise
    unit: str | Promise
    decimals: int
    source: str | Promise
    value: Callable[[Municipality], float | None]


FIGURES = (
    MapFigure(
        "density",
        _("Befolkningstäthet"),
        _("invånare per km²"),
        1,
        _("Rådslags beräkning av invånare och landareal från Kolada (RKA)"),
        lambda m: m.density,  # type: ignore[attr-defined]
    ),
    MapFigure(
        "net_cost",
        _("Nettokostnad per invånare"),
        _("kr/inv"),
        0,
        _("Källa: Kolada (RKA)"),
        lambda m: m.net_cost,  # type: ignore[attr-defined]
    ),
    MapFigure(
        "population",
        _("Invånare"),
        _("invånare"),
        0,
        _("Källa: Kolada (RKA)"),
        lambda m: m.population,  # type: ignore[attr-defined]
    ),
)


def choropleth(request: HttpRequest) -> HttpResponse:
    # "figur" is the parameter's earlier name, still understood in saved addresses.
    chosen = request.GET.get("figure") or request.GET.get("figur")
    figure = next((f for f in FIGURES if f.key == chosen), FIGURES[0])
    municipalities = sorted(
        Municipality.objects.with_latest_figures().select_related("county"),
        key=lambda m: swedish_key(m.name),
    )
    values = {m.code: figure.value(m) for m in municipalities}
    known = [value for value in values.values() if value is not None]
    classes = legend(known)

    def formatted(value: float | None) -> str:
        if value is None:
            return "–"
        return number_format(value, decimal_pos=figure.decimals, force_grouping=True)

    years = sorted({m.population_year for m in municipalities if m.population_year})  # type: ignore[attr-defined]
    if figure.key == "net_cost":
        years = sorted({m.net_cost_year for m in municipalities if m.net_cost_year})  # type: ignore[attr-defined]
    label = f"{figure.label} ({figure.unit})"
    context = {
        "figures": FIGURES,
        "figure": figure,
        "year": years[-1] if years else None,
        "map": municipality_map(
            values,
            {m.code: m.name for m in municipalities},
            classes,
            title=label,
            value_label=label,
            format_value=formatted,
            counties={m.code: m.county.short_name for m in municipalities},
            no_data_label=str(_("Uppgift saknas")),
        ),
    }
    return render(request, "municipalities/map.html", context)
