"""The catalogue of example use cases: archetypes that fit the register, and the words cases are
written with, read from the demo package's data file and checked as they are read."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

import numpy as np
import pytest

from radslag.core.areas import Area
from radslag.demo.datafiles import read_toml
from radslag.demo.use_case_archetypes import (
    ARCHETYPES,
    CATALOGUE,
    COFOG_OF_AREA,
    STAGE_NOTES,
    STAGES,
    parse_archetype,
    parse_cofog_of_area,
    parse_stage_notes,
)
from radslag.demo.use_cases import MunicipalityFacts, simulate
from radslag.register.aiact import QUESTIONS_BY_KEY, RiskClass, classify
from radslag.register.choices import Stage
from radslag.register.models import SUMMARY_MAX_LENGTH


def test_the_catalogue_spreads_over_every_area() -> None:
    assert 30 <= len(ARCHETYPES) <= 45
    assert {a.area for a in ARCHETYPES} == set(Area)
    assert len({a.key for a in ARCHETYPES}) == len(ARCHETYPES)


def test_the_catalogue_fits_the_register() -> None:
    for archetype in ARCHETYPES:
        assert len(archetype.summary) <= SUMMARY_MAX_LENGTH, archetype.key
        assert all(len(title) <= 300 for title in archetype.titles), archetype.key
        assert len(", ".join(archetype.keywords)) <= 500, archetype.key
        assert archetype.aiact_yes <= set(QUESTIONS_BY_KEY), archetype.key


def test_no_archetype_is_a_prohibited_practice_and_some_are_high_risk() -> None:
    classes = Counter(classify(a.aiact_answers()).risk_class for a in ARCHETYPES)

    assert classes[RiskClass.PROHIBITED] == 0
    assert classes[RiskClass.HIGH] >= 5
    assert classes[RiskClass.TRANSPARENCY] >= 5
    assert classes[RiskClass.MINIMAL] >= 5


def test_every_archetype_has_at_least_three_keywords() -> None:
    assert all(len(archetype.keywords) >= 3 for archetype in ARCHETYPES)


def test_every_area_has_a_function_of_government_and_every_stage_a_note() -> None:
    assert set(COFOG_OF_AREA) == set(Area)
    assert set(STAGE_NOTES) == set(STAGES)


def test_a_description_ends_with_a_note_on_its_stage_naming_its_months() -> None:
    municipality = [MunicipalityFacts("0001", "Å-by", 20_000.0)]
    notes = {
        Stage.IDEA: r"Idén kommer från verksamheten och ska bedömas i kommunens process för "
        r"digitaliseringsinitiativ\.",
        Stage.PRESTUDY: r"En förstudie pågår sedan [a-z]+ 20\d\d för att utreda",
        Stage.PILOT: r"En pilot i en del av verksamheten pågår sedan [a-z]+ 20\d\d\."
        r"( Piloten planeras pågå till [a-z]+ 20\d\d\.)?",
        Stage.IN_PRODUCTION: r"Lösningen är i drift sedan [a-z]+ 20\d\d\.",
        Stage.RETIRED: r"Lösningen användes från [a-z]+ 20\d\d till [a-z]+ 20\d\d\. \w",
    }
    seen: set[Stage] = set()
    for seed in range(40):
        for case in simulate(municipality, np.random.default_rng(seed), date(2026, 11, 1)):
            note = case.description.rsplit("\n\n", 1)[1]
            assert re.match(notes[case.stage], note), note
            assert "{" not in note, note
            seen.add(case.stage)

    assert seen == set(STAGES)


def entry(**changes: Any) -> dict[str, Any]:
    """The catalogue file's first archetype, changed."""
    first = read_toml(CATALOGUE)["archetype"][0]
    return {**first, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"colour": "blå"}, r"unknown fields \['colour'\]"),
        ({"technique": "telepati"}, r"'telepati' is not a valid Technique"),
        ({"stages": ["ide", "klar"]}, r"'klar' is not a valid Stage"),
    ],
)
def test_an_archetype_the_register_cannot_store_is_refused_naming_it(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=rf"use_cases\.toml, archetype '\S+': .*{message}"):
        parse_archetype(entry(**changes))


def test_an_archetype_without_a_required_field_is_refused_naming_it() -> None:
    incomplete = entry()
    del incomplete["goal"]

    with pytest.raises(ValueError, match=r"missing fields \['goal'\]"):
        parse_archetype(incomplete)


def test_a_stage_without_a_note_or_an_area_without_a_function_is_refused() -> None:
    with pytest.raises(ValueError, match="stage_notes"):
        parse_stage_notes({"ide": "Idé.", "pilot": "Pilot sedan {start}."})
    with pytest.raises(ValueError, match=r"cofog_of_area: missing \['aldreomsorg'"):
        parse_cofog_of_area({"skola": "09"})
    with pytest.raises(ValueError, match="cofog_of_area: '11' is not a valid Cofog"):
        parse_cofog_of_area({"skola": "11"})
