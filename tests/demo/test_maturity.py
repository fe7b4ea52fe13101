"""Example assessments: plausible, size-correlated, reproducible."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from radslag.demo.maturity import simulate

KEYS = ["strategi", "styrning", "data", "teknik", "kompetens", "samverkan", "anvandning"]
YEARS = [2023, 2024, 2025]


def populations(count: int = 290, seed: int = 0) -> dict[str, float]:
    # Swedish municipalities span about 2 500 to 1 000 000 inhabitants, log-normally.
    sizes = 10 ** np.random.default_rng(seed).normal(4.3, 0.45, size=count)
    return {f"{index:04d}": float(size) for index, size in enumerate(sizes)}


def test_larger_municipalities_score_higher_on_average() -> None:
    sizes = populations()
    latest = [a for a in simulate(sizes, KEYS, YEARS, np.random.default_rng(1)) if a.year == 2025]
    means = np.array([np.mean(a.levels) for a in latest])
    logs = np.log10([sizes[a.code] for a in latest])

    assert np.corrcoef(logs, means)[0, 1] > 0.5
    assert means.std() > 0.4


def test_levels_stay_between_one_and_five_and_use_the_whole_scale() -> None:
    levels = np.array(
        [a.levels for a in simulate(populations(), KEYS, YEARS, np.random.default_rng(1))]
    )

    assert levels.min() == 1
    assert levels.max() == 5
    assert levels.shape[1] == len(KEYS)


def test_dimensions_differ_in_how_far_municipalities_have_come() -> None:
    simulated = simulate(populations(), KEYS, YEARS, np.random.default_rng(1))
    means = np.array([a.levels for a in simulated]).mean(axis=0)

    assert means[KEYS.index("samverkan")] > means[KEYS.index("data")] + 0.4


def test_everyone_answers_the_latest_year_and_fewer_the_earlier_ones() -> None:
    simulated = simulate(populations(), KEYS, YEARS, np.random.default_rng(1))
    per_year = {year: sum(a.year == year for a in simulated) for year in YEARS}

    assert per_year[2025] == 290
    assert 290 > per_year[2024] > per_year[2023] > 0


def test_municipalities_mature_over_the_years() -> None:
    simulated = simulate(populations(), KEYS, YEARS, np.random.default_rng(1))
    mean_of = {year: np.mean([a.levels for a in simulated if a.year == year]) for year in YEARS}

    assert mean_of[2023] < mean_of[2025]


def test_it_is_the_same_for_the_same_seed() -> None:
    first = simulate(populations(), KEYS, YEARS, np.random.default_rng(7))

    assert first == simulate(populations(), KEYS, YEARS, np.random.default_rng(7))
    assert first != simulate(populations(), KEYS, YEARS, np.random.default_rng(8))


def test_an_unknown_population_counts_as_a_median_municipality() -> None:
    simulated = simulate({"0001": None}, KEYS, [2025], np.random.default_rng(1))

    assert len(simulated) == 1
    assert 1 <= np.mean(simulated[0].levels) <= 4


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        (({}, KEYS, YEARS), "populations"),
        (({"0001": 10.0}, [], YEARS), "dimension_keys"),
        (({"0001": 10.0}, KEYS, []), "years"),
        (({"0001": -5.0}, KEYS, YEARS), "population of 0001"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(
    arguments: tuple[Any, Any, Any], name: str
) -> None:
    sizes, keys, years = arguments
    with pytest.raises(ValueError, match=f"^{name}"):
        simulate(sizes, keys, years, np.random.default_rng(1))
