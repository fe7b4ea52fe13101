"""The catalogue of example use cases, read from ``data/use_cases.toml`` and checked.

An archetype is one thing Swedish municipalities do with AI, with everything a registration
of it says: texts, technique, personal data, oversight and the answers to the EU AI Act
questionnaire that the register classifies. Beside the archetypes the file holds the words
:mod:`radslag.demo.use_cases` writes cases with: month names, contact mailboxes, the note on
a case's stage and why a case was retired, and the function of government (COFOG) of each
application area. The texts are example content, like imported cases' texts, and are not
translated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from radslag.core.areas import Area
from radslag.demo.datafiles import read_toml
from radslag.register import aiact
from radslag.register.choices import Benefit, Cofog, PersonalData, Stage, Technique

CATALOGUE = "use_cases.toml"
EARLIEST_START = date(2019, 1, 1)
STAGES = (Stage.IDEA, Stage.PRESTUDY, Stage.PILOT, Stage.IN_PRODUCTION, Stage.RETIRED)


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


def parse_archetype(entry: dict[str, Any]) -> Archetype:
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


def parse_stage_notes(notes: dict[str, str]) -> Mapping[Stage, str]:
    """``[stage_notes]``: one note for every stage, by the stage's stored value."""
    if set(notes) != set(STAGES):
        expected = [stage.value for stage in STAGES]
        raise ValueError(f"{CATALOGUE}, stage_notes: expected the stages {expected}")
    return MappingProxyType({stage: notes[stage] for stage in STAGES})


def parse_cofog_of_area(table: dict[str, str]) -> Mapping[Area, Cofog]:
    """``[cofog_of_area]``: every application area's function of government."""
    try:
        cofog = {Area(area): Cofog(division) for area, division in table.items()}
    except ValueError as error:
        raise ValueError(f"{CATALOGUE}, cofog_of_area: {error}") from None
    missing = sorted(area.value for area in set(Area) - set(cofog))
    if missing:
        raise ValueError(f"{CATALOGUE}, cofog_of_area: missing {missing}")
    return MappingProxyType(cofog)


_catalogue = read_toml(CATALOGUE)
ARCHETYPES: tuple[Archetype, ...] = tuple(map(parse_archetype, _catalogue["archetype"]))
MONTHS: tuple[str, ...] = tuple(_catalogue["months"])
CONTACT_MAILBOXES: tuple[str, ...] = tuple(_catalogue["contact_mailboxes"])
RETIREMENT_REASONS: tuple[str, ...] = tuple(_catalogue["retirement_reasons"])
# What a case's description says of its stage: {start} and {end} are months, {reason} one of
# the retirement reasons; a pilot whose end is planned adds PLANNED_PILOT_END.
STAGE_NOTES: Mapping[Stage, str] = parse_stage_notes(_catalogue["stage_notes"])
PLANNED_PILOT_END: str = _catalogue["planned_pilot_end"]
COFOG_OF_AREA: Mapping[Area, Cofog] = parse_cofog_of_area(_catalogue["cofog_of_area"])
