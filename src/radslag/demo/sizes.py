"""A municipality's size as the simulators see it: its population, or a median municipality's
where that is not known, and its log10 population standardised."""

from __future__ import annotations

import numpy as np

# A median Swedish municipality has about 16 000 inhabitants (10 ** 4.2); the spread of
# log10 population among municipalities is about 0.45.
LOG_POPULATION_CENTRE = 4.2
LOG_POPULATION_SCALE = 0.45
MEDIAN_POPULATION = 10**LOG_POPULATION_CENTRE


def population_or_median(code: str, population: float | None) -> float:
    """The municipality's population, or a median municipality's when it is not known.

    Raises
    ------
    ValueError
        If the population is known but not positive, naming the municipality.
    """
    if population is None:
        return MEDIAN_POPULATION
    _check_positive(code, population)
    return float(population)


def standardised_size(code: str, population: float | None) -> float:
    """How many spreads the municipality's log10 population lies above the median's; 0, the
    median, for a municipality whose population is not known.

    Raises
    ------
    ValueError
        If the population is known but not positive, naming the municipality.
    """
    if population is None:
        return 0.0
    _check_positive(code, population)
    return (float(np.log10(population)) - LOG_POPULATION_CENTRE) / LOG_POPULATION_SCALE


def _check_positive(code: str, population: float) -> None:
    if not population > 0:
        raise ValueError(f"population of {code}: expected a positive number, got {population!r}")
