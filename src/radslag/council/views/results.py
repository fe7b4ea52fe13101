"""A round's results: public once published; before that, for conveners and council members.

The result is read from the stored results (:mod:`radslag.council.result_store`), computed
when the votes changed, or shown as last computed while a background task updates it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from radslag import charts
from radslag.accounts import permissions
from radslag.charts import palette
from radslag.council import outcomes
from radslag.council.acceptability import acceptability_chart
from radslag.council.models import Round
from radslag.council.result_store import current_result
from radslag.council.scoring_results import ScoringResult
from radslag.council.segments import Segmentation, chosen_segmentation
from radslag.council.views.rounds import visible_round


def results(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    insider = permissions.can(request.user, permissions.Action.MANAGE_ROUNDS) or (
        permissions.is_council_member(request.user)
    )
    if not round_.results_are_public and not insider:
        raise PermissionDenied
    # "vagning" is the parameter's earlier name, still understood in saved addresses.
    weighting = request.GET.get("weighting") or request.GET.get("vagning")
    if weighting not in Round.Weighting.values:
        weighting = round_.weighting
    segmentation = chosen_segmentation(request.GET.get("segment"))
    view = outcomes.view_name(round_, weighting, segmentation)
    current = current_result(round_, view, lambda: outcomes.compute(round_, view))
    labels = dict(Round.Weighting.choices)
    context: dict[str, Any] = {
        "round": round_,
        "result": current.result,
        "current": current,
        "weighting": weighting,
        "weighting_label": labels[weighting],
        "weightings": Round.Weighting.choices,
        "segmentations": Segmentation.choices,
        "segmentation": segmentation,
    }
    if round_.kind == Round.Kind.BALLOT:
        return render(request, "council/ballot_results.html", context)
    if round_.kind == Round.Kind.SCORING:
        context.update(_scoring_charts(current.result))
        return render(request, "council/scoring_results.html", context)
    if round_.kind == Round.Kind.STATEMENTS:
        context["chart"] = _stances_chart(current.result)
        return render(request, "council/statement_results.html", context)
    result = current.result
    context["chart"] = _score_chart(result)
    context["alternatives"] = [
        {
            "value": scheme,
            "label": labels[scheme],
            "same": result is not None and result.orders[scheme] == result.orders[weighting],
        }
        for scheme in Round.Weighting.values
        if scheme != weighting
    ]
    return render(request, "council/results.html", context)


def _score_chart(result: Any) -> charts.Chart | None:
    if result is None:
        return None
    return charts.interval_chart(
        [charts.IntervalRow(row.item.label, row.score, row.low, row.high) for row in result.ranked],
        _("Poäng med osäkerhetsintervall (95 procent)"),
        domain=(0, 100),
        legend=(_("Poäng"), _("Intervall")),
    ).placed(table_below=True)


def _scoring_charts(result: ScoringResult | None) -> dict[str, Any]:
    if result is None:
        return {}
    return {
        "weights_chart": charts.interval_chart(
            [
                charts.IntervalRow(row.criterion.name, row.weight, row.low, row.high)
                for row in result.weights
            ],
            _("Rådets vikter med spännvidden bland ledamöternas egna, procent"),
            domain=(0, 100),
            legend=(_("Rådets vikt"), _("Lägsta–högsta ledamot")),
        ).placed(table_below=True),
        "chart": charts.interval_chart(
            [
                charts.IntervalRow(row.item.label, row.score, row.low, row.high)
                for row in result.ranked
            ],
            _("Viktad poäng, 0–100, med spännvidden bland ledamöterna"),
            domain=(0, 100),
            legend=(_("Rådets poäng"), _("Lägsta–högsta ledamot")),
        ).placed(table_below=True),
        "acceptability_chart": acceptability_chart(result.acceptability),
    }


def _stances_chart(result: Any) -> charts.Chart | None:
    if result is None:
        return None
    return charts.share_bars(
        [(row.item.label, [row.agree, row.disagree, row.passed]) for row in result.rows],
        [
            charts.Series(_("Instämmer"), palette.ACCENT),
            charts.Series(_("Instämmer inte"), palette.HIGHLIGHT),
            charts.Series(_("Pass"), palette.GRID),
        ],
        _("Hur deltagarna svarade på varje påstående"),
    ).placed(table_below=True)
