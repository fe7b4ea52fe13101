"""Scores, peer statistics and gaps of maturity self-assessments, as plain numbers.

Definitions shown on the pages:

- a dimension's score is the level chosen, 1 to 5;
- the overall score is the arithmetic mean of the levels of all dimensions, and exists only
  for an assessment with every dimension answered;
- a group's median and quartiles are the 50th, 25th and 75th percentiles with linear
  interpolation between ranks (Hyndman and Fan's definition 7, numpy's default), so a median
  can fall halfway between two levels;
- a gap is how far a municipality's level lies below the median of its comparison group;
  the largest gaps come first, ties by the lower level, then by the model's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from radslag.maturity.definitions import LEVELS


@dataclass(frozen=True)
class Spread:
    """Median and quartiles of a group's scores, and how many scores there were."""

    median: float
    lower_quartile: float
    upper_quartile: float
    count: int


@dataclass(frozen=True)
class Gap:
    position: int  # index of the dimension in the model's order
    level: int
    median: float

    @property
    def size(self) -> float:
        return self.median - self.level


def overall_score(levels: Sequence[int | None]) -> float | None:
    """The mean level, or ``None`` while any dimension is unanswered."""
    if not levels or any(level is None for level in levels):
        return None
    return float(np.mean(np.asarray(levels, dtype=np.float64)))


def spread(values: Sequence[float]) -> Spread | None:
    """Median and quartiles of ``values``; ``None`` for no values."""
    if len(values) == 0:
        return None
    lower, median, upper = np.percentile(np.asarray(values, dtype=np.float64), [25, 50, 75])
    return Spread(float(median), float(lower), float(upper), len(values))


def spreads_by_dimension(
    rows: Sequence[Sequence[int]], dimensions: int
) -> tuple[list[Spread | None], Spread | None]:
    """For complete assessments (a level per dimension each): spread per dimension and overall."""
    matrix = np.asarray(rows, dtype=np.float64).reshape(len(rows), dimensions)
    per_dimension = [spread(matrix[:, column].tolist()) for column in range(dimensions)]
    return per_dimension, spread(matrix.mean(axis=1).tolist())


def level_counts(rows: Sequence[Sequence[int]], dimensions: int) -> list[list[int]]:
    """How many assessments chose each level (1..5) in each dimension."""
    counts = np.zeros((dimensions, LEVELS), dtype=np.int64)
    for row in rows:
        counts[np.arange(dimensions), np.asarray(row, dtype=np.int64) - 1] += 1
    return counts.tolist()


def largest_gaps(
    levels: Sequence[int], medians: Sequence[float | None], count: int = 3
) -> list[Gap]:
    """The ``count`` dimensions furthest below the group median (fewer if fewer are below)."""
    gaps = [
        Gap(position, level, median)
        for position, (level, median) in enumerate(zip(levels, medians, strict=True))
        if median is not None and level < median
    ]
    gaps.sort(key=lambda gap: (-gap.size, gap.level, gap.position))
    return gaps[:count]
