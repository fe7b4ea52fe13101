"""Every municipality's next steps and AI Act calendar at once, on one reading of the
landscape: for reports and for measuring how long all 290 take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from radslag.guidance.calendar import Calendar, calendar_of
from radslag.guidance.landscape import Landscape, load_landscape, own_of
from radslag.guidance.steps import RankedCandidate, StepContext, next_steps
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import size_class_of


@dataclass(frozen=True)
class Guidance:
    municipality: Municipality
    steps: list[RankedCandidate]
    calendar: Calendar


def guidance_for(municipality: Municipality, landscape: Landscape, user: Any) -> Guidance:
    """One municipality's steps and calendar as ``user`` may see them; ``municipality`` from
    :func:`municipalities`, with its population, county and SKR group."""
    own = own_of(municipality, user)
    size_class = size_class_of(getattr(municipality, "population", None))
    context = StepContext(municipality, size_class, landscape, own, user)
    return Guidance(municipality, next_steps(context), calendar_of(own.cases, landscape.today))


def municipalities() -> Any:
    return Municipality.objects.with_latest_figures().select_related("county", "skr_group")


def all_guidance(user: Any) -> list[Guidance]:
    """The steps and calendars of every municipality, as ``user`` may see them."""
    landscape = load_landscape()
    return [guidance_for(municipality, landscape, user) for municipality in municipalities()]
