"""A municipality's AI Act calendar: for each of its registered cases, the deployer
obligations its risk class carries (:func:`radslag.register.aiact.classify`) and the date each
applies from, overdue ones first.

How an obligation stands, in the calendar's order:

1. **overdue** — it applies, the case is in use (pilot or production), and the register
   shows it is not met: a prohibited practice in use (art. 5), or a high-risk system in use
   without a recorded fundamental-rights impact assessment (art. 27);
2. **to confirm** — a one-off duty before first use that applies to a case in use, which the
   register has no field to show as done (registration in the EU database, informing the
   workers, the provider's documentation of an exemption);
3. **coming** — it applies from a date still ahead;
4. **before first use** — it applies, but the case is not in use yet (idea, prestudy);
5. **in force** — a standing duty of a case in use (AI literacy, human oversight and logs,
   transparency, explanation), to keep meeting;
6. **done** — recorded in the register (the impact assessment and its date).

Within each, the earliest date first. Retired cases carry no obligations; cases whose AI Act
questions are unanswered are listed apart, since their obligations are unknown.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from django.utils.translation import gettext_lazy as _

from radslag.register import aiact
from radslag.register.choices import Stage
from radslag.register.models import UseCase

IN_USE = {Stage.PILOT, Stage.IN_PRODUCTION}
# Duties done once, before first use; the others hold for as long as the system is used.
ONE_OFF = {
    aiact.FRIA.key,
    aiact.REGISTRATION.key,
    aiact.INFORM_WORKERS.key,
    aiact.DOCUMENT_EXEMPTION.key,
}


class Standing(IntEnum):
    OVERDUE = 1
    TO_CONFIRM = 2
    COMING = 3
    BEFORE_USE = 4
    IN_FORCE = 5
    DONE = 6

    @property
    def label(self) -> str:
        return str(STANDING_LABELS[self])


STANDING_LABELS = {
    Standing.OVERDUE: _("Försenad"),
    Standing.TO_CONFIRM: _("Bekräfta att den är gjord"),
    Standing.COMING: _("Kommande"),
    Standing.BEFORE_USE: _("Före driftstart"),
    Standing.IN_FORCE: _("Gäller löpande"),
    Standing.DONE: _("Gjord"),
}


@dataclass(frozen=True)
class Entry:
    case: UseCase
    obligation: aiact.Obligation
    standing: Standing
    done_on: datetime.date | None = None

    @property
    def applies_from(self) -> datetime.date:
        return self.obligation.applies_from


@dataclass(frozen=True)
class Calendar:
    entries: list[Entry]
    unassessed: list[UseCase]

    @property
    def overdue(self) -> int:
        return sum(1 for entry in self.entries if entry.standing == Standing.OVERDUE)


def standing_of(case: UseCase, obligation: aiact.Obligation, today: datetime.date) -> Standing:
    if obligation.applies_from > today:
        return Standing.COMING
    if case.stage not in IN_USE:
        return Standing.BEFORE_USE
    if obligation.key == aiact.STOP_USE.key:
        return Standing.OVERDUE
    if obligation.key == aiact.FRIA.key:
        return Standing.DONE if case.fria_done else Standing.OVERDUE
    return Standing.TO_CONFIRM if obligation.key in ONE_OFF else Standing.IN_FORCE


def calendar_of(cases: Iterable[UseCase], today: datetime.date) -> Calendar:
    """The obligations of ``cases`` as they stand on ``today``, overdue first."""
    entries: list[Entry] = []
    unassessed: list[UseCase] = []
    for case in cases:
        if case.stage == Stage.RETIRED:
            continue
        classification = case.classification()
        if classification is None:
            unassessed.append(case)
            continue
        for obligation in classification.obligations:
            standing = standing_of(case, obligation, today)
            done_on = case.fria_date if standing == Standing.DONE else None
            entries.append(Entry(case, obligation, standing, done_on))
    entries.sort(
        key=lambda entry: (entry.standing, entry.applies_from, entry.case.title, entry.case.pk)
    )
    return Calendar(entries, sorted(unassessed, key=lambda case: (case.title, case.pk)))
