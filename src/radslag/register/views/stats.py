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
    # Only the municipalities with a case in production are listed; the others are drawn as
    # having none.
    values: dict[str, float | None] = {
        m.code: per_municipality[m.code] for m in municipalities if m.code in per_municipality
    }
    title = _("Användningsfall per verksamhetsområde och skede")
    context = {
        "form": form,
        "stats": stats,
        "example_count": cases.filter(source=Source.EXAMPLE).count(),
        "area_chart": charts.stacked_bars(
            [(str(row.label), row.by_stage) for row in stats.areas], stage_series, title
        ).placed(heading_id="area-heading", table_below=True, css_class="bar-chart"),
        "map": municipality_map(
            values,
            {m.code: m.name for m in municipalities},
            charts.count_legend(list(per_municipality.values())),
            title=_("Kommuner med användningsfall i drift"),
            value_label=_("I drift"),
            format_value=lambda value: "0" if value is None else f"{value:.0f}",
            counties={m.code: m.county.short_name for m in municipalities},
            no_data=palette.EMPTY,
            no_data_label=_("Inget i drift"),
            empty=_("Ingen kommun har ett användningsfall i drift i registret."),
        ),
    }
    return render(request, "register/statistics.html", context)
