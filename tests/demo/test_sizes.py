"""A municipality's size as the simulators see it: standardised log10 population, the median's
where the population is not known."""

from __future__ import annotations

import pytest

from radslag.demo.sizes import (
    LOG_POPULATION_SCALE,
    MEDIAN_POPULATION,
    population_or_median,
    standardised_size,
)


def test_a_median_municipality_has_size_zero_and_one_ten_times_larger_one_over_the_spread() -> None:
    assert standardised_size("0001", MEDIAN_POPULATION) == pytest.approx(0.0, abs=1e-12)
    assert standardised_size("0001", 10 * MEDIAN_POPULATION) == pytest.approx(
        1 / LOG_POPULATION_SCALE
    )


def test_an_unknown_population_counts_as_a_median_municipality() -> None:
    assert standardised_size("0001", None) == 0.0
    assert population_or_median("0001", None) == MEDIAN_POPULATION
    assert population_or_median("0001", 2_400) == 2_400.0


@pytest.mark.parametrize("population", [0.0, -5.0])
def test_a_population_that_is_not_positive_is_refused_naming_the_municipality(
    population: float,
) -> None:
    with pytest.raises(ValueError, match="population of 0114"):
        standardised_size("0114", population)
    with pytest.raises(ValueError, match="population of 0114"):
        population_or_median("0114", population)
