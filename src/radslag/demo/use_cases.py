"""Plausible example AI use cases of Swedish municipalities for demonstration ("exempeldata").

Nothing here touches the database: :func:`simulate` turns municipalities' names and
populations and a random generator into use cases; ``radslag demo-use-cases`` stores them
with the source "exempel", and every page that shows one says that it is example data.

The cases are drawn from a catalogue of archetypes (:data:`ARCHETYPES`, read from
``data/use_cases.toml``): things Swedish
municipalities do with AI, each with its texts, technique, personal data, oversight and the
answers to the EU AI Act questionnaire that the register classifies. The catalogue's texts
are example content, like imported cases' texts, and are not translated.

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

import dataclasses
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import numpy as np
from django.utils.text import slugify

from radslag.core.areas import Area
from radslag.demo.sizes import standardised_size
from radslag.register import aiact
from radslag.register.choices import Benefit, Cofog, PersonalData, Stage, Technique

# The catalogue of archetypes, their texts and vocabularies, in the demo package.
CATALOGUE = "data/use_cases.toml"
EARLIEST_START = date(2019, 1, 1)
DEFAULT_COUNT = 150
MAX_CASES = 8

# Weight of being drawn, per standardised size: exp(0.9 * size) makes a municipality ten
# times larger (size + 2.2) about seven times as likely.
_SELECTION_SIZE_EFFECT = 0.9
# Cases per drawn municipality: 1 + Poisson(exp(a + b * size)), at most MAX_CASES.
_CASES_BASE = 0.2
_CASES_SIZE_EFFECT = 0.5

STAGES = (Stage.IDEA, Stage.PRESTUDY, Stage.PILOT, Stage.IN_PRODUCTION, Stage.RETIRED)
# Log-odds of each stage for a median municipality and their change per standardised size:
# a median one has about 38 % in production, one of 200 000 inhabitants about 70 %.
_STAGE_BASE = np.array([-0.3, 0.1, 0.5, 0.8, -1.6])
_STAGE_SIZE_EFFECT = np.array([-0.35, -0.2, 0.0, 0.45, 0.1])
# Generative AI has been within reach since 2023: fewer of those cases are in production yet.
_RECENT_YEAR = 2023
_RECENT_IN_PRODUCTION_SHIFT = -0.6

_COFOG_OF_AREA: Mapping[Area, Cofog] = {
    Area.PRESCHOOL_AND_SCHOOL: Cofog.EDUCATION,
    Area.ELDERLY_CARE: Cofog.SOCIAL_PROTECTION,
    Area.DISABILITY_SUPPORT: Cofog.SOCIAL_PROTECTION,
    Area.SOCIAL_SERVICES: Cofog.SOCIAL_PROTECTION,
    Area.FINANCIAL_ASSISTANCE: Cofog.SOCIAL_PROTECTION,
    Area.HEALTH_CARE: Cofog.HEALTH,
    Area.PLANNING_AND_ENVIRONMENT: Cofog.HOUSING,
    Area.INFRASTRUCTURE: Cofog.HOUSING,
    Area.CULTURE_AND_LEISURE: Cofog.RECREATION,
    Area.CITIZEN_SERVICE: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.HR_AND_FINANCE: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.CASE_MANAGEMENT: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.IT_AND_SECURITY: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.LABOUR_AND_INTEGRATION: Cofog.ECONOMIC_AFFAIRS,
}


@dataclass(frozen=True)
class Archetype:
    """One kind of use case, with everything a registration of it says."""

    key: str
    area: Area
    titles: tuple[str, ...]
    summary: str
    description: str
    goal: str
    technique: Technique
    ai_subdomain: str
    personal_data: PersonalData
    data_sources: str
    legal_basis: str
    organisations: tuple[str, ...]
    suppliers: tuple[str, ...]
    benefits: tuple[Benefit, ...]
    human_oversight: str
    appeal: str
    risks: str
    # The questionnaire's keys answered yes; every other question is answered no.
    aiact_yes: frozenset[str]
    effect_time: str
    effect_cost: str
    effect_quality: str
    effect_method: str
    keywords: tuple[str, ...]
    # How common the archetype is relative to others (1 is typical).
    weight: float = 1.0
    earliest_year: int = EARLIEST_START.year
    # The stages a case may be in; a high-risk idea that no municipality runs yet is left
    # out of production.
    stages: tuple[Stage, ...] = STAGES
    cofog: Cofog | None = None

    def aiact_answers(self) -> dict[str, bool]:
        """Every question of the questionnaire answered, as a registration stores it."""
        return aiact.clean_answers(dict.fromkeys(self.aiact_yes, True))


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


def _archetype(entry: dict[str, Any]) -> Archetype:
    """One ``[[archetype]]`` of the catalogue file, with its choices checked."""
    key = entry.get("key", "?")
    fields = {field.name: field for field in dataclasses.fields(Archetype)}
    unknown = sorted(set(entry) - set(fields))
    missing = sorted(
        name
        for name, field in fields.items()
        if name not in entry and field.default is dataclasses.MISSING
    )
    if unknown or missing:
        raise ValueError(
            f"{CATALOGUE}, archetype {key!r}: unknown fields {unknown}, missing fields {missing}"
        )
    values = dict(entry)
    try:
        values["area"] = Area(entry["area"])
        values["technique"] = Technique(entry["technique"])
        values["personal_data"] = PersonalData(entry["personal_data"])
        values["benefits"] = tuple(Benefit(benefit) for benefit in entry["benefits"])
        values["stages"] = tuple(Stage(stage) for stage in entry.get("stages", STAGES))
        values["cofog"] = Cofog(entry["cofog"]) if "cofog" in entry else None
    except ValueError as error:
        raise ValueError(f"{CATALOGUE}, archetype {key!r}: {error}") from None
    for name in ("titles", "organisations", "suppliers", "keywords"):
        values[name] = tuple(entry[name])
    values["aiact_yes"] = frozenset(entry["aiact_yes"])
    values["weight"] = float(entry.get("weight", 1.0))
    return Archetype(**values)


_catalogue = tomllib.loads(files("radslag.demo").joinpath(CATALOGUE).read_text("utf-8"))
_MONTHS: tuple[str, ...] = tuple(_catalogue["months"])
_CONTACT_MAILBOXES: tuple[str, ...] = tuple(_catalogue["contact_mailboxes"])
_RETIREMENT_REASONS: tuple[str, ...] = tuple(_catalogue["retirement_reasons"])
ARCHETYPES: tuple[Archetype, ...] = tuple(_archetype(entry) for entry in _catalogue["archetype"])

ARCHETYPES_BY_KEY: Mapping[str, Archetype] = MappingProxyType({a.key: a for a in ARCHETYPES})
# For matching text elsewhere (needs against use cases): what each archetype is about.
ARCHETYPE_AREAS: Mapping[str, Area] = MappingProxyType({a.key: a.area for a in ARCHETYPES})
ARCHETYPE_KEYWORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {a.key: a.keywords for a in ARCHETYPES}
)


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
    weights = np.exp(_SELECTION_SIZE_EFFECT * size)
    drawn = rng.choice(
        len(ordered), size=min(count, len(ordered)), replace=False, p=weights / weights.sum()
    )
    popularity = np.array([a.weight for a in ARCHETYPES])
    simulated: list[SimulatedUseCase] = []
    for index in sorted(int(i) for i in drawn):
        municipality = ordered[index]
        cases = 1 + int(rng.poisson(np.exp(_CASES_BASE + _CASES_SIZE_EFFECT * size[index])))
        cases = min(cases, MAX_CASES, len(ARCHETYPES))
        chosen = rng.choice(
            len(ARCHETYPES), size=cases, replace=False, p=popularity / popularity.sum()
        )
        mailbox = _CONTACT_MAILBOXES[int(rng.integers(len(_CONTACT_MAILBOXES)))]
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
        cofog=archetype.cofog or _COFOG_OF_AREA[archetype.area],
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
        return (
            "Idén kommer från verksamheten och ska bedömas i kommunens process för "
            "digitaliseringsinitiativ."
        )
    assert start is not None
    if stage == Stage.PRESTUDY:
        return (
            f"En förstudie pågår sedan {_month(start)} för att utreda behov, juridik och kostnader."
        )
    if stage == Stage.PILOT:
        note = f"En pilot i en del av verksamheten pågår sedan {_month(start)}."
        return f"{note} Piloten planeras pågå till {_month(end)}." if end else note
    if stage == Stage.IN_PRODUCTION:
        return f"Lösningen är i drift sedan {_month(start)}."
    assert end is not None
    reason = _RETIREMENT_REASONS[int(rng.integers(len(_RETIREMENT_REASONS)))]
    return f"Lösningen användes från {_month(start)} till {_month(end)}. {reason}"


def _month(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _domain_label(name: str) -> str:
    """The municipality's name as a domain label: "Upplands Väsby" becomes "upplands-vasby"."""
    return slugify(name) or "kommun"
