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
6. **done** — recorded in the register (the impact assessment and its date), even ahead of
   its date.

Within each, the earliest date first. Retired cases carry no obligations; cases whose AI Act
questions are unanswered are listed apart, since their obligations are unknown.

The date is art. 113's (:mod:`radslag.register.aiact`), except for the duties of a high-risk
system that the municipality put into service before 2 August 2026 (its start date): art.
111(2) brings such a system under the regulation only after a significant change to its
design, and obliges public authorities deploying it to comply by 2 August 2030 in any case.
The register does not record significant changes, so the calendar shows 2 August 2030 and says
why; a case in use without a start date keeps art. 113's date.
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
# Art. 111(2), second sentence: public authorities' deadline for high-risk systems put into
# service before art. 113's general date.
PUBLIC_AUTHORITY_DEADLINE = datetime.date(2030, 8, 2)
HIGH_RISK_DUTIES = {
    aiact.DEPLOYER_DUTIES.key,
    aiact.INFORM_WORKERS.key,
    aiact.FRIA.key,
    aiact.REGISTRATION.key,
    aiact.EXPLANATION.key,
}
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
    applies_from: datetime.date
    transitional: bool = False  # the date is art. 111(2)'s, not art. 113's
    done_on: datetime.date | None = None


@dataclass(frozen=True)
class Calendar:
    entries: list[Entry]
    unassessed: list[UseCase]

    @property
    def overdue(self) -> int:
        return sum(1 for entry in self.entries if entry.standing == Standing.OVERDUE)


def applies_from(case: UseCase, obligation: aiact.Obligation) -> tuple[datetime.date, bool]:
    """The date the obligation applies to the case from, and whether art. 111(2) moved it."""
    started = case.start_date
    if (
        obligation.key in HIGH_RISK_DUTIES
        and started is not None
        and started < aiact.GENERAL_APPLICATION
    ):
        return PUBLIC_AUTHORITY_DEADLINE, True
    return obligation.applies_from, False


def standing_of(
    case: UseCase, obligation: aiact.Obligation, today: datetime.date, since: datetime.date
) -> Standing:
    if obligation.key == aiact.FRIA.key and case.fria_done:
        return Standing.DONE  # done ahead of time counts too
    if since > today:
        return Standing.COMING
    if case.stage not in IN_USE:
        return Standing.BEFORE_USE
    if obligation.key in {aiact.STOP_USE.key, aiact.FRIA.key}:
        return Standing.OVERDUE
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
            since, transitional = applies_from(case, obligation)
            standing = standing_of(case, obligation, today, since)
            done_on = case.fria_date if standing == Standing.DONE else None
            entries.append(Entry(case, obligation, standing, since, transitional, done_on))
    entries.sort(
        key=lambda entry: (entry.standing, entry.applies_from, entry.case.title, entry.case.pk)
    )
    return Calendar(entries, sorted(unassessed, key=lambda case: (case.title, case.pk)))
