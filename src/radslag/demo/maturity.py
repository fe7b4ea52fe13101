"""Plausible example self-assessments for demonstration, shown as "exempeldata".

Nothing here touches the database: :func:`simulate` turns municipalities' populations and a
random generator into assessments; ``radslag demo-maturity`` stores them.

How the numbers are made, so that the example pages look like a real spread:

- each municipality has a latent maturity that grows with the logarithm of its population
  (a municipality ten times larger sits about 1.2 levels higher), plus its own noise;
- each dimension has an offset: collaboration and strategy come easier than data and
  benefits realised, as national surveys of municipal digitalisation report;
- a municipality also differs from its own average per dimension, persistently;
- every year adds a little, more for larger municipalities, with noise; levels are the
  latent value rounded and kept within 1..5;
- every municipality answers the latest year; earlier years are answered by fewer, more
  often by large municipalities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from radslag.demo.sizes import standardised_size
from radslag.maturity.definitions import LEVELS

_BASE_LEVEL = 2.0
_SIZE_EFFECT = 0.55
_MUNICIPALITY_NOISE = 0.45
_DIMENSION_NOISE = 0.5
_YEARLY_NOISE = 0.25
_GROWTH = 0.2
_GROWTH_SIZE_EFFECT = 0.08
# Offsets by dimension key; a key not listed (a later model version) gets none.
DIMENSION_OFFSETS: Mapping[str, float] = {
    "strategi": 0.3,
    "styrning": 0.1,
    "data": -0.4,
    "teknik": 0.0,
    "kompetens": -0.2,
    "samverkan": 0.4,
    "anvandning": -0.35,
}
# Share of municipalities (of median size) answering each year before the latest.
_EARLIER_PARTICIPATION = (0.7, 0.45, 0.3, 0.2)


@dataclass(frozen=True)
class SimulatedAssessment:
    code: str
    year: int
    levels: tuple[int, ...]  # in the order of the dimension keys given


def simulate(
    populations: Mapping[str, float | None],
    dimension_keys: Sequence[str],
    years: Sequence[int],
    rng: np.random.Generator,
) -> list[SimulatedAssessment]:
    """Example assessments of every municipality in ``populations`` for ``years``.

    The latest of ``years`` is answered by all; earlier years by a share that falls with
    distance and rises with size. A municipality without a known population is treated as
    one of median size. The result is ordered by municipality code, then year, and is the
    same for the same generator state.

    Raises
    ------
    ValueError
        If ``populations``, ``dimension_keys`` or ``years`` is empty, or a population is not
        positive.
    """
    if not populations:
        raise ValueError("populations: must not be empty")
    if not dimension_keys:
        raise ValueError("dimension_keys: must not be empty")
    if not years:
        raise ValueError("years: must not be empty")
    codes = sorted(populations)
    size = np.array([standardised_size(code, populations[code]) for code in codes])
    ordered_years = sorted(set(years))
    offsets = np.array([DIMENSION_OFFSETS.get(key, 0.0) for key in dimension_keys])
    n, d = len(codes), len(dimension_keys)
    base = _BASE_LEVEL + _SIZE_EFFECT * size + rng.normal(0.0, _MUNICIPALITY_NOISE, size=n)
    own = rng.normal(0.0, _DIMENSION_NOISE, size=(n, d))
    growth = np.maximum(_GROWTH + _GROWTH_SIZE_EFFECT * size + rng.normal(0.0, 0.08, size=n), 0.0)
    latest = ordered_years[-1]
    simulated = []
    for index, code in enumerate(codes):
        for year in ordered_years:
            if year != latest and not _answers(latest - year, size[index], rng):
                continue
            elapsed = year - ordered_years[0]
            latent = (
                base[index]
                + offsets
                + own[index]
                + growth[index] * elapsed
                + rng.normal(0.0, _YEARLY_NOISE, size=d)
            )
            levels = np.clip(np.rint(latent), 1, LEVELS).astype(int)
            simulated.append(SimulatedAssessment(code, year, tuple(int(v) for v in levels)))
    return simulated


def _answers(years_back: int, size: float, rng: np.random.Generator) -> bool:
    share = _EARLIER_PARTICIPATION[min(years_back, len(_EARLIER_PARTICIPATION)) - 1]
    # Larger municipalities took part earlier: shift the log-odds by size.
    log_odds = np.log(share / (1.0 - share)) + 0.6 * size
    return bool(rng.random() < 1.0 / (1.0 + np.exp(-log_odds)))
