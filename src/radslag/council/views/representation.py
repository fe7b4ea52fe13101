"""How representative the council is of the 290: the current seats, or a drawn panel."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from radslag import charts
from radslag.council.composition_models import Composition
from radslag.council.features import municipality_features
from radslag.council.representation import FeatureShares, representation
from radslag.council.seats import current_seats, represented_codes
from radslag.municipalities.models import Municipality


def council_representation(request: HttpRequest) -> HttpResponse:
    seats = current_seats()
    codes = represented_codes(seats)
    return _page(request, codes, {"seats": seats})


def panel_representation(request: HttpRequest, pk: int) -> HttpResponse:
    composition = get_object_or_404(Composition, pk=pk)
    if not composition.is_drawn:
        raise Http404(_("Rådet är inte draget än."))
    return _page(request, composition.drawn_codes(), {"composition": composition})


def _page(request: HttpRequest, codes: list[str], context: dict[str, object]) -> HttpResponse:
    known = municipality_features()
    audit = representation(codes, known) if codes else []
    names = dict(Municipality.objects.filter(code__in=codes).values_list("code", "name"))
    council_name = _("Rådet (%(count)d kommuner)") % {"count": len(codes)}
    country_name = _("Landet (%(count)d kommuner)") % {"count": len(known.of)}
    context |= {
        "audit": [(shares, _chart(shares, council_name, country_name)) for shares in audit],
        "members": sorted(names.get(code, code) for code in codes),
        "council_name": council_name,
        "country_name": country_name,
    }
    return render(request, "council/representation.html", context)


def _chart(shares: FeatureShares, council_name: str, country_name: str) -> charts.Chart:
    return charts.comparison_bars(
        [
            charts.PairRow(value.label, value.council_share * 100, value.country_share * 100)
            for value in shares.values
        ],
        _("%(feature)s: andel i rådet och i landet") % {"feature": shares.label},
        (council_name, country_name),
    ).placed(table_below=True, key=f"representation-{shares.feature}")
