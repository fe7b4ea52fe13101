"""A round's results: public once published; before that, for conveners and council members."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from radslag import charts
from radslag.accounts import permissions
from radslag.council.ballots import ballot_result
from radslag.council.models import Round
from radslag.council.results import survey_result
from radslag.council.views.rounds import visible_round


def results(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    insider = permissions.can(request.user, permissions.Action.MANAGE_ROUNDS) or (
        permissions.is_council_member(request.user)
    )
    if not round_.results_are_public and not insider:
        raise PermissionDenied
    if round_.kind == Round.Kind.BALLOT:
        ballot_context = {"round": round_, "result": ballot_result(round_)}
        return render(request, "council/ballot_results.html", ballot_context)
    # "vagning" is the parameter's earlier name, still understood in saved addresses.
    weighting = request.GET.get("weighting") or request.GET.get("vagning")
    if weighting not in Round.Weighting.values:
        weighting = round_.weighting
    result = survey_result(round_, weighting)
    labels = dict(Round.Weighting.choices)
    chart = None
    if result is not None:
        chart = charts.interval_chart(
            [
                charts.IntervalRow(row.item.label, row.score, row.low, row.high)
                for row in result.ranked
            ],
            _("Poäng med osäkerhetsintervall (95 procent)"),
            domain=(0, 100),
            legend=(_("Poäng"), _("Intervall")),
        ).placed(table_below=True)
    context = {
        "round": round_,
        "result": result,
        "chart": chart,
        "weighting": weighting,
        "weighting_label": labels[weighting],
        "alternatives": [
            {
                "value": scheme,
                "label": labels[scheme],
                "same": result is not None and result.orders[scheme] == result.orders[weighting],
            }
            for scheme in Round.Weighting.values
            if scheme != weighting
        ],
    }
    return render(request, "council/results.html", context)
