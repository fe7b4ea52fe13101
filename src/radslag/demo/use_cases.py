"""Plausible example AI use cases of Swedish municipalities for demonstration ("exempeldata").

Nothing here touches the database: :func:`simulate` turns municipalities' names and
populations and a random generator into use cases; ``radslag demo-use-cases`` stores them
with the source "exempel", and every page that shows one says that it is example data.

The cases are drawn from a catalogue of archetypes, things Swedish municipalities do with
AI (:mod:`radslag.demo.use_case_archetypes`, read from ``data/use_cases.toml``), and their
descriptions end with a note on the case's stage written from the same file's templates.

How the cases are spread, so that the example register looks like a real one:

- about half of the municipalities have cases; the chance of being among them grows with
  population (a municipality ten times larger weighs about seven times as much in the draw),
  and so does the number of cases each has, 1 to 8;
- which archetypes a municipality has is drawn by how common each is: chatbots, internal
  AI assistants and speech recognition often, high-risk profiling rarely;
- larger municipalities have more cases in production and fewer ideas; generative AI started
  in 2023 and leans towards pilots; some high-risk archetypes are never in production;
- dates follow the stage: an idea has none, a case in production always has a start date,
  a retired one has both, and no date is earlier than 2019 or later than ``until``, except
  the planned end of a pilot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from django.utils.text import slugify

from radslag.core.areas import Area
from radslag.demo.choosing import choose_municipalities
from radslag.demo.sizes import standardised_size
from radslag.demo.use_case_archetypes import (
    ARCHETYPES,
    COFOG_OF_AREA,
    CONTACT_MAILBOXES,
    EARLIEST_START,
    MONTHS,
    PLANNED_PILOT_END,
    RETIREMENT_REASONS,
    STAGE_NOTES,
    STAGES,
    Archetype,
)
from radslag.register import aiact
from radslag.register.choices import Cofog, PersonalData, Stage, Technique

DEFAULT_COUNT = 150
MAX_CASES = 8

# Weight of being drawn, per standardised size: exp(0.9 * size) makes a municipality ten
# times larger (size + 2.2) about seven times as likely.
_SELECTION_SIZE_EFFECT = 0.9
# Cases per drawn municipality: 1 + Poisson(exp(a + b * size)), at most MAX_CASES.
_CASES_BASE = 0.2
_CASES_SIZE_EFFECT = 0.5

# Log-odds of each stage (in the order of STAGES) for a median municipality and their change
# per standardised size: a median one has about 38 % in production, one of 200 000
# inhabitants about 70 %.
_STAGE_BASE = np.array([-0.3, 0.1, 0.5, 0.8, -1.6])
_STAGE_SIZE_EFFECT = np.array([-0.35, -0.2, 0.0, 0.45, 0.1])
# Generative AI has been within reach since 2023: fewer of those cases are in production yet.
_RECENT_YEAR = 2023
_RECENT_IN_PRODUCTION_SHIFT = -0.6


@dataclass(frozen=True)
class MunicipalityFacts:
    code: str
    name: str
    population: float | None


@dataclass(frozen=True)
class SimulatedUseCase:
    code: str  # the municipality
    archetype: str
    title: str
    summary: str
    description: str
    goal: str
    area: Area
    cofog: Cofog
    technique: Technique
    ai_subdomain: str
    keywords: str
    supplier: str
    organisation_name: str
    contact_email: str
    stage: Stage
    start_date: date | None
    end_date: date | None
    data_sources: str
    personal_data: PersonalData
    legal_basis: str
    human_oversight: str
    appeal: str
    risks: str
    dpia_done: bool
    dpia_date: date | None
    fria_done: bool
    fria_date: date | None
    aiact_yes: frozenset[str]
    benefits: tuple[str, ...]
    effect_time: str
    effect_cost: str
    effect_quality: str
    effect_method: str
    effect_evaluated: bool
    last_reviewed: date

    def aiact_answers(self) -> dict[str, bool]:
        return aiact.clean_answers(dict.fromkeys(self.aiact_yes, True))


def simulate(
    municipalities: Sequence[MunicipalityFacts],
    rng: np.random.Generator,
    until: date,
    count: int = DEFAULT_COUNT,
) -> list[SimulatedUseCase]:
    """Example use cases of ``count`` municipalities, drawn with a weight rising with size.

    All of them are drawn when there are no more than ``count``. A municipality without a
    known population is treated as one of median size. No date is later than ``until``,
    except the planned end of a pilot. The result is ordered by municipality code, then by
    the archetypes' order in the catalogue, and is the same for the same generator state.

    Raises
    ------
    ValueError
        If ``municipalities`` is empty, ``count`` is not positive, ``until`` is before 2019,
        or a population is not positive.
    """
    if not municipalities:
        raise ValueError("municipalities: must not be empty")
    if count < 1:
        raise ValueError(f"count: expected at least 1, got {count}")
    if until < EARLIEST_START:
        raise ValueError(f"until: expected {EARLIEST_START} or later, got {until}")
    ordered = sorted(municipalities, key=lambda m: m.code)
    size = np.array([standardised_size(m.code, m.population) for m in ordered])
    drawn = choose_municipalities(
        rng, len(ordered), count, weights=np.exp(_SELECTION_SIZE_EFFECT * size)
    )
    popularity = np.array([a.weight for a in ARCHETYPES])
    simulated: list[SimulatedUseCase] = []
    for index in drawn:
        municipality = ordered[index]
        cases = 1 + int(rng.poisson(np.exp(_CASES_BASE + _CASES_SIZE_EFFECT * size[index])))
        cases = min(cases, MAX_CASES, len(ARCHETYPES))
        chosen = rng.choice(
            len(ARCHETYPES), size=cases, replace=False, p=popularity / popularity.sum()
        )
        mailbox = CONTACT_MAILBOXES[int(rng.integers(len(CONTACT_MAILBOXES)))]
        email = f"{mailbox}@{_domain_label(municipality.name)}.example"
        simulated.extend(
            _case(ARCHETYPES[i], municipality.code, email, size[index], until, rng)
            for i in sorted(int(i) for i in chosen)
        )
    return simulated


def _case(
    archetype: Archetype,
    code: str,
    email: str,
    size: float,
    until: date,
    rng: np.random.Generator,
) -> SimulatedUseCase:
    stage = _stage(archetype, size, rng)
    earliest = min(max(EARLIEST_START, date(archetype.earliest_year, 1, 1)), until)
    start, end = _dates(stage, earliest, until, rng)
    answers = archetype.aiact_answers()
    started = stage in (Stage.PILOT, Stage.IN_PRODUCTION, Stage.RETIRED)
    dpia_done = (
        start is not None
        and started
        and archetype.personal_data in (PersonalData.IDENTIFIABLE, PersonalData.SENSITIVE)
        and bool(rng.random() < 0.75)
    )
    dpia_date = (
        _day_between(rng, max(start - timedelta(days=120), EARLIEST_START), start)
        if dpia_done and start
        else None
    )
    # A fundamental-rights assessment is only asked of high-risk uses; fewer have done it
    # than the data-protection one, since the duty only applies from August 2026.
    high_risk = aiact.classify(answers).risk_class == aiact.RiskClass.HIGH
    fria_done = high_risk and started and bool(rng.random() < 0.5)
    fria_date = (
        _day_between(rng, max(start, date(2025, 1, 1)), until)
        if fria_done and start and max(start, date(2025, 1, 1)) <= until
        else None
    )
    if fria_date is None:
        fria_done = False
    evaluated_share = {Stage.PILOT: 0.3, Stage.IN_PRODUCTION: 0.5, Stage.RETIRED: 0.6}
    effect_evaluated = started and bool(rng.random() < evaluated_share.get(stage, 0.0))
    title = archetype.titles[int(rng.integers(len(archetype.titles)))]
    organisation = archetype.organisations[int(rng.integers(len(archetype.organisations)))]
    supplier = archetype.suppliers[int(rng.integers(len(archetype.suppliers)))]
    reviewed_from = max(start or EARLIEST_START, until - timedelta(days=365))
    return SimulatedUseCase(
        code=code,
        archetype=archetype.key,
        title=title,
        summary=archetype.summary,
        description=f"{archetype.description}\n\n{_stage_note(stage, start, end, rng)}",
        goal=archetype.goal,
        area=archetype.area,
        cofog=archetype.cofog or COFOG_OF_AREA[archetype.area],
        technique=archetype.technique,
        ai_subdomain=archetype.ai_subdomain,
        keywords=", ".join(archetype.keywords),
        supplier=supplier,
        organisation_name=organisation,
        contact_email=email,
        stage=stage,
        start_date=start,
        end_date=end,
        data_sources=archetype.data_sources,
        personal_data=archetype.personal_data,
        legal_basis=archetype.legal_basis,
        human_oversight=archetype.human_oversight,
        appeal=archetype.appeal,
        risks=archetype.risks,
        dpia_done=dpia_done,
        dpia_date=dpia_date,
        fria_done=fria_done,
        fria_date=fria_date,
        aiact_yes=archetype.aiact_yes,
        benefits=tuple(str(benefit) for benefit in archetype.benefits),
        # Ideas and pre-studies have no effect to report yet.
        effect_time=archetype.effect_time if started else "",
        effect_cost=archetype.effect_cost if started else "",
        effect_quality=archetype.effect_quality if started else "",
        effect_method=archetype.effect_method if started else "",
        effect_evaluated=effect_evaluated,
        last_reviewed=_day_between(rng, min(reviewed_from, until), until),
    )


def _stage(archetype: Archetype, size: float, rng: np.random.Generator) -> Stage:
    logits = _STAGE_BASE + _STAGE_SIZE_EFFECT * size
    if archetype.earliest_year >= _RECENT_YEAR:
        logits = logits + _RECENT_IN_PRODUCTION_SHIFT * (np.array(STAGES) == Stage.IN_PRODUCTION)
    allowed = np.array([stage in archetype.stages for stage in STAGES])
    weights = np.where(allowed, np.exp(logits), 0.0)
    return STAGES[int(rng.choice(len(STAGES), p=weights / weights.sum()))]


def _dates(
    stage: Stage, earliest: date, until: date, rng: np.random.Generator
) -> tuple[date | None, date | None]:
    """Start and end consistent with the stage; every start within ``earliest``..``until``."""
    if stage == Stage.IDEA:
        return None, None
    if stage == Stage.PRESTUDY:
        return _day_between(rng, max(earliest, until - timedelta(days=540)), until), None
    if stage == Stage.PILOT:
        first = max(earliest, until - timedelta(days=3 * 365))
        start = _day_between(rng, first, until - timedelta(days=30))
        if rng.random() < 0.4:
            # A pilot's end may be planned, so it may lie after ``until``.
            return start, start + timedelta(days=int(rng.integers(180, 541)))
        return start, None
    if stage == Stage.IN_PRODUCTION:
        return _day_between(rng, earliest, until - timedelta(days=60)), None
    start = _day_between(rng, earliest, until - timedelta(days=365))
    end = _day_between(
        rng, min(start + timedelta(days=180), until), min(start + timedelta(days=3 * 365), until)
    )
    return start, end


def _day_between(rng: np.random.Generator, first: date, last: date) -> date:
    """A day from ``first`` to ``last``, both included; ``first`` when the range is empty."""
    if last <= first:
        return first
    return first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))


def _stage_note(
    stage: Stage, start: date | None, end: date | None, rng: np.random.Generator
) -> str:
    if stage == Stage.IDEA:
        return STAGE_NOTES[stage]
    assert start is not None
    if stage == Stage.PILOT and end:
        planned = PLANNED_PILOT_END.format(end=_month(end))
        return f"{STAGE_NOTES[stage].format(start=_month(start))} {planned}"
    if stage != Stage.RETIRED:
        return STAGE_NOTES[stage].format(start=_month(start))
    assert end is not None
    reason = RETIREMENT_REASONS[int(rng.integers(len(RETIREMENT_REASONS)))]
    return STAGE_NOTES[stage].format(start=_month(start), end=_month(end), reason=reason)


def _month(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _domain_label(name: str) -> str:
    """The municipality's name as a domain label: "Upplands Väsby" becomes "upplands-vasby"."""
    return slugify(name) or "kommun"
