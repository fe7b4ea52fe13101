"""A municipality's size as the simulators see it: log10 population, standardised."""

from __future__ import annotations

import numpy as np

# A median Swedish municipality has about 16 000 inhabitants (10 ** 4.2); the spread of
# log10 population among municipalities is about 0.45.
LOG_POPULATION_CENTRE = 4.2
LOG_POPULATION_SCALE = 0.45


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
    if not population > 0:
        raise ValueError(f"population of {code}: expected a positive number, got {population!r}")
    return (float(np.log10(population)) - LOG_POPULATION_CENTRE) / LOG_POPULATION_SCALE
