"""A municipality's next steps and its AI Act calendar."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radslag.accounts import permissions
from radslag.decide.recommend import STEP_WEIGHTS
from radslag.guidance.batch import guidance_for, municipalities
from radslag.guidance.calendar import STANDING_LABELS
from radslag.guidance.landscape import load_landscape
from radslag.municipalities.models import municipality_code_validator

SIGNAL_LABELS = {
    "need": gettext_lazy("egna behov"),
    "gap": gettext_lazy("mognadsgap"),
    "initiative": gettext_lazy("initiativ att ansluta till"),
    "peers": gettext_lazy("vad ni och kommuner som liknar er redan gör"),
    "council": gettext_lazy("rådets prioritering"),
    "pilot": gettext_lazy("egen pilot eller förstudie"),
}


def page(request: HttpRequest, code: str) -> HttpResponse:
    try:
        municipality_code_validator(code)
    except Exception:
        raise Http404(_("En kommunkod har fyra siffror, till exempel 0180.")) from None
    municipality = get_object_or_404(municipalities(), code=code)
    landscape = load_landscape()
    guidance = guidance_for(municipality, landscape, request.user)
    steps = guidance.steps
    calendar = guidance.calendar
    context = {
        "municipality": municipality,
        "steps": steps,
        "calendar": calendar,
        "today": landscape.today,
        "has_example": any(step.is_example for step in steps)
        or any(entry.case.is_example for entry in calendar.entries),
        "may_edit": {
            case.pk for case in calendar.unassessed if permissions.can_edit(request.user, case)
        },
        "weights": [
            (SIGNAL_LABELS.get(name, name), weight) for name, weight in STEP_WEIGHTS.items()
        ],
        "signal_labels": SIGNAL_LABELS,
        "standings": STANDING_LABELS,
    }
    return render(request, "guidance/next_steps.html", context)
