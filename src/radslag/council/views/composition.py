"""Composing the council by lottery: conveners define and draw; everyone sees the lottery, the
draw and its replay, since a fair lottery is only fair if anyone can check it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from radslag import charts
from radslag.accounts import permissions
from radslag.council import composition as service
from radslag.council.composition_forms import CompositionForm
from radslag.council.composition_models import SEED_LENGTH, Composition
from radslag.council.features import Features, feature_label, municipality_features
from radslag.decide.committee import InfeasibleQuotasError
from radslag.municipalities.models import Municipality


class DrawForm(forms.Form):
    seed = forms.CharField(
        label=gettext_lazy("Offentligt frö"),
        max_length=SEED_LENGTH,
        help_text=gettext_lazy(
            "Till exempel den vinnande raden i en lottodragning efter att lotteriet "
            "beräknades, eller ett tal som tärningskast vid ett öppet möte gav. Samma frö ger "
            "alltid samma råd."
        ),
    )


def _may_compose(request: HttpRequest) -> bool:
    return permissions.can(request.user, permissions.Action.COMPOSE_COUNCIL)


def compositions(request: HttpRequest) -> HttpResponse:
    context = {
        "compositions": Composition.objects.only(
            "title", "panel_size", "pool_kind", "created_at", "drawn_at", "is_example", "candidates"
        ),
        "may_compose": _may_compose(request),
    }
    return render(request, "council/compositions.html", context)


@permissions.signed_in
def composition_create(request: HttpRequest) -> HttpResponse:
    permissions.require(_may_compose(request))
    known = municipality_features()
    form = CompositionForm(request.POST or None, known=known)
    if request.method == "POST" and form.is_valid():
        try:
            made = service.compose(form.definition(), known, by=request.user)
        except InfeasibleQuotasError as error:
            form.refuse_quotas(error)
        else:
            messages.success(request, _("Lotteriet är beräknat. Offentliggör fröet och dra rådet."))
            return redirect(made)
    return render(request, "council/composition_form.html", {"form": form})


def composition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    composition = get_object_or_404(Composition, pk=pk)
    return _detail(request, composition, DrawForm())


def _detail(
    request: HttpRequest, composition: Composition, draw_form: DrawForm, status: int = 200
) -> HttpResponse:
    known = municipality_features()
    names = dict(Municipality.objects.values_list("code", "name"))
    quotas = [
        {
            "label": feature_label(feature),
            "rows": [
                (known.label(feature, value), *composition.quotas[feature][value])
                for value in known.ordered(feature, composition.quotas.get(feature, {}))
            ],
        }
        for feature in composition.features
    ]
    context = {
        "composition": composition,
        "feature_labels": [feature_label(f) for f in composition.features],
        "quotas": quotas,
        "candidates": service.candidates(composition, names, known),
        "probability_chart": _probability_chart(
            service.probabilities_by_value(composition, known), known
        ),
        "drawn": sorted(
            ((code, names.get(code, code)) for code in composition.drawn_codes()),
            key=lambda pair: pair[1],
        ),
        "draw_form": draw_form,
        "may_compose": _may_compose(request),
        "lowest": min(composition.selection_probabilities, default=0.0) * 100,
    }
    return render(request, "council/composition.html", context, status=status)


def _probability_chart(summary: list[service.ValueProbabilities], known: Features) -> charts.Chart:
    rows = [
        charts.IntervalRow(
            f"{feature_label(row.feature)}: {known.label(row.feature, row.value)} ({row.count})",
            row.mean * 100,
            row.lowest * 100,
            row.highest * 100,
        )
        for row in summary
    ]
    return charts.interval_chart(
        rows,
        _("Urvalssannolikhet per egenskap, i procent"),
        decimals=1,
        legend=(_("Medel"), _("Lägst–högst")),
    )


@require_POST
@permissions.signed_in
def composition_draw(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(_may_compose(request))
    composition = get_object_or_404(Composition, pk=pk)
    form = DrawForm(request.POST)
    if composition.is_drawn:
        messages.error(request, _("Rådet är redan draget; en dragning görs bara en gång."))
        return redirect(composition)
    if not form.is_valid():
        return _detail(request, composition, form, status=400)
    service.draw(composition, form.cleaned_data["seed"], by=request.user)
    messages.success(request, _("Rådet är draget. Vem som helst kan nu spela upp dragningen."))
    return redirect(composition)


def composition_replay(request: HttpRequest, pk: int) -> HttpResponse:
    composition = get_object_or_404(Composition, pk=pk)
    asked = request.GET.get("fro")
    form = DrawForm(
        {"seed": asked} if asked is not None else None, initial={"seed": composition.seed}
    )
    seed = composition.seed
    if asked is not None:
        # A seed of spaces only is refused by the field as empty.
        seed = form.cleaned_data["seed"] if form.is_valid() else ""
    replayed = service.replay(composition, seed) if seed else None
    names = dict(Municipality.objects.values_list("code", "name"))
    codes = composition.codes
    members = [] if replayed is None else sorted(names[codes[i]] for i in replayed.members)
    cumulative = 0.0
    if replayed is not None:
        cumulative = sum(composition.panel_probabilities[: replayed.index + 1])
    context = {
        "composition": composition,
        "form": form,
        "replayed": replayed,
        "members": members,
        "cumulative": cumulative,
        "before": cumulative - (composition.panel_probabilities[replayed.index] if replayed else 0),
        "same": replayed is not None
        and composition.is_drawn
        and replayed.index == composition.drawn_panel,
        "panel_count": len(composition.panels),
    }
    return render(request, "council/composition_replay.html", context, status=200)


def composition_lottery(request: HttpRequest, pk: int) -> JsonResponse:
    """The published lottery, for anyone to replay the draw with their own program."""
    composition = get_object_or_404(Composition, pk=pk)
    document = {
        "title": composition.title,
        "example_data": composition.is_example,
        "seats": composition.panel_size,
        # An auditor checks that the seed's event came after the lottery was published.
        "computed_at": composition.created_at.isoformat(),
        "features": composition.features,
        "quotas": composition.quotas,
        "candidates": composition.candidates,
        "selection_probabilities": composition.selection_probabilities,
        "panels": composition.panels,
        "panel_probabilities": composition.panel_probabilities,
        "draw": {
            "method": "sha256(seed, utf-8) -> int (big-endian) -> numpy SeedSequence -> PCG64; "
            "ticket = Generator.random(); drawn panel = first index whose cumulative "
            "probability exceeds ticket * total",
            "drawn_at": composition.drawn_at.isoformat() if composition.drawn_at else None,
            "seed": composition.seed or None,
            "sha256": composition.seed_digest or None,
            "ticket": composition.ticket,
            "panel": composition.drawn_panel,
            "members": composition.drawn_codes(),
        },
    }
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
