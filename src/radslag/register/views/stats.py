"""The register's statistics page at /anvandningsfall/statistik/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from radslag import charts
from radslag.charts import palette
from radslag.municipalities.collation import swedish_key
from radslag.municipalities.geography import municipality_map
from radslag.municipalities.models import Municipality
from radslag.register.choices import Source
from radslag.register.filters import UseCaseFilterForm
from radslag.register.models import UseCase
from radslag.register.statistics import statistics_of


def use_case_statistics(request: HttpRequest) -> HttpResponse:
    form = UseCaseFilterForm(request.GET)
    cases = form.apply(UseCase.objects.visible_to(request.user))
    stats = statistics_of(cases)
    stage_series = [charts.Series(str(label), palette.STAGES[key]) for key, label in stats.stages]
    per_municipality = stats.in_production_by_municipality
    municipalities = sorted(
        Municipality.objects.select_related("county"), key=lambda m: swedish_key(m.name)
    )
    names = {m.code: m.name for m in municipalities}
    values: dict[str, float | None] = {code: per_municipality.get(code) for code in names}
    classes = charts.count_legend(list(per_municipality.values()))
    context = {
        "form": form,
        "stats": stats,
        "example_count": cases.filter(source=Source.EXAMPLE).count(),
        "area_chart": charts.stacked_bars(
            [(str(row.label), row.by_stage) for row in stats.areas],
            stage_series,
            _("Användningsfall per verksamhetsområde och skede"),
        ),
        "stage_series": stage_series,
        "map_svg": municipality_map(
            values,
            names,
            classes,
            _("Kommuner med användningsfall i drift"),
            lambda value: "0" if value is None else f"{value:.0f}",
        ),
        "legend": classes,
        "map_rows": [
            (m, per_municipality[m.code]) for m in municipalities if m.code in per_municipality
        ],
    }
    return render(request, "register/statistics.html", context)
