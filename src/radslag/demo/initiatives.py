"""Example data for initiatives: ten initiatives in every status, with participating and
leading municipalities, milestones, the themes they answer, a closed budget round with its
approvals and an open one the demo's representatives can take part in.

Seeded. A municipality approves an initiative with a probability that rises when its own needs
lie in the initiative's areas, and small municipalities lean towards joint procurements,
platforms and funding calls, which they could not carry alone. Leads are chosen among the
municipalities with a use case in production in the initiative's areas when there are any.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.demo.choosing import choose_municipalities
from radslag.demo.datafiles import read_toml
from radslag.demo.seeding import generator
from radslag.initiatives.leads import lead_candidates
from radslag.initiatives.models import (
    Approval,
    BudgetRound,
    Initiative,
    Milestone,
    Participation,
)
from radslag.municipalities.models import Municipality, populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of
from radslag.needs.models import Need, Theme

_DATA = read_toml("initiatives.toml")
VOTERS = 170
JOINT_TYPES = (
    Initiative.Type.JOINT_PROCUREMENT,
    Initiative.Type.SHARED_PLATFORM,
    Initiative.Type.FUNDING_CALL,
)
STARTED = (
    Initiative.Status.DECIDED,
    Initiative.Status.ONGOING,
    Initiative.Status.DONE,
    Initiative.Status.CANCELLED,
)


@dataclass(frozen=True)
class SimulatedInitiatives:
    initiatives: int
    closed_round: BudgetRound
    open_round: BudgetRound
    approvals: int


def clear_example_initiatives() -> None:
    Approval.objects.filter(round__is_example=True).delete()
    BudgetRound.objects.filter(is_example=True).delete()
    Initiative.objects.filter(is_example=True).delete()


def simulate_initiatives(seed: int) -> SimulatedInitiatives:
    """Replace the example initiatives and budget rounds."""
    rng = generator(seed)
    municipalities = list(Municipality.objects.order_by("code"))
    sizes = populations()
    today = timezone.localdate()
    need_areas: dict[str, set[str]] = {}
    for code, area in Need.objects.values_list("municipality_id", "area"):
        need_areas.setdefault(code, set()).add(area)
    with transaction.atomic():
        clear_example_initiatives()
        made = [_initiative(entry, rng, today) for entry in _DATA["initiatives"]]
        for initiative in made:
            _participants(initiative, municipalities, rng)
        closed, approvals = _budget_round(made, municipalities, sizes, need_areas, rng, today)
        open_round = BudgetRound.objects.create(
            title=_DATA["open_budget_title"],
            budget=_DATA["open_budget"],
            weighting=BudgetRound.Weighting.EQUAL,
            closes_on=today + datetime.timedelta(days=30),
            is_example=True,
        )
        open_round.initiatives.set(
            [
                i
                for i in made
                if i.status in (Initiative.Status.PROPOSED, Initiative.Status.RECOMMENDED)
            ]
        )
    return SimulatedInitiatives(len(made), closed, open_round, approvals)


def _initiative(
    entry: dict[str, object], rng: np.random.Generator, today: datetime.date
) -> Initiative:
    status = Initiative.Status(str(entry["status"]))
    starts = (
        today - datetime.timedelta(days=int(rng.integers(60, 400))) if status in STARTED else None
    )
    initiative = Initiative.objects.create(
        title=str(entry["title"]),
        type=str(entry["type"]),
        description=str(entry["description"]),
        areas=list(entry["areas"]),  # type: ignore[call-overload]
        cost_low=int(entry["cost_low"]),  # type: ignore[call-overload]
        cost_high=int(entry["cost_high"]),  # type: ignore[call-overload]
        ai_act_class=str(entry["ai_act_class"]),
        status=status,
        starts_on=starts,
        is_example=True,
    )
    areas = list(initiative.areas)
    themes = Theme.objects.live().filter(needs__area__in=areas).distinct()[:3]
    initiative.themes.set(themes)
    initiative.needs.set(
        Need.objects.filter(area__in=areas, merged_into__isnull=True).order_by("pk")[:6]
    )
    if starts is not None:
        for number in range(int(rng.integers(2, 5))):
            due = starts + datetime.timedelta(days=90 * (number + 1))
            done = due if due < today and status != Initiative.Status.CANCELLED else None
            Milestone.objects.create(
                initiative=initiative,
                title=_milestone_title(number),
                due_on=due,
                done_on=done,
            )
    return initiative


def _milestone_title(number: int) -> str:
    titles = (
        "Förstudie klar",
        "Avtal eller plattform på plats",
        "Första kommunerna i drift",
        "Utvärdering av effekten",
    )
    return titles[min(number, len(titles) - 1)]


def _participants(
    initiative: Initiative, municipalities: list[Municipality], rng: np.random.Generator
) -> None:
    candidates = [candidate.municipality for candidate in lead_candidates(initiative)]
    lead = candidates[0] if candidates else municipalities[int(rng.integers(len(municipalities)))]
    Participation.objects.create(
        initiative=initiative, municipality=lead, role=Participation.Role.LEAD
    )
    taken = {lead.code}
    if initiative.status == Initiative.Status.PROPOSED:
        count, role = int(rng.integers(3, 9)), Participation.Role.INTERESTED
    else:
        count, role = int(rng.integers(8, 30)), Participation.Role.PARTICIPANT
    for index in choose_municipalities(rng, len(municipalities), count + 1):
        municipality = municipalities[index]
        if municipality.code not in taken:
            taken.add(municipality.code)
            Participation.objects.create(
                initiative=initiative, municipality=municipality, role=role
            )


def _budget_round(
    made: list[Initiative],
    municipalities: list[Municipality],
    sizes: dict[str, float | None],
    need_areas: dict[str, set[str]],
    rng: np.random.Generator,
    today: datetime.date,
) -> tuple[BudgetRound, int]:
    in_round = [i for i in made if i.status != Initiative.Status.CANCELLED]
    closed = BudgetRound.objects.create(
        title=_DATA["budget_title"],
        budget=_DATA["budget"],
        weighting=BudgetRound.Weighting.SQRT_POPULATION,
        closes_on=today - datetime.timedelta(days=20),
        is_example=True,
    )
    closed.initiatives.set(in_round)
    approvals = []
    for index in choose_municipalities(rng, len(municipalities), VOTERS):
        municipality = municipalities[index]
        small = size_class_of(sizes.get(municipality.code)) == SizeClass.SMALL
        own = need_areas.get(municipality.code, set())
        for initiative in in_round:
            chance = 0.2 + 0.35 * bool(own & set(initiative.areas))
            if small and initiative.type in JOINT_TYPES:
                chance += 0.25
            if rng.random() < chance:
                approvals.append(
                    Approval(round=closed, initiative=initiative, municipality=municipality)
                )
    Approval.objects.bulk_create(approvals)
    closed.status = BudgetRound.Status.CLOSED
    closed.closed_at = timezone.now() - datetime.timedelta(days=19)
    closed.save(update_fields=["status", "closed_at"])
    return closed, len(approvals)
