"""Ranking a municipality's next steps from their evidence.

Every candidate step carries signals, each a number from 0 (no evidence) to 1 (the strongest
evidence of its kind): the municipality's own needs in the step's area, the council's
priority for it, what peers of its size do, how far its maturity lies below theirs, a pilot
of its own waiting to go into production, an initiative it could join. A step's score is the
weighted sum of its signals, the additive value function of multi-attribute value theory
(Keeney and Raiffa, 1976, chapter 3), so every score splits exactly into the parts that the
page shows as the step's reasons. The weights are data (:data:`STEP_WEIGHTS`), set by
judgement, not fitted.

References
----------
Keeney, R. L. and Raiffa, H. (1976). *Decisions with Multiple Objectives: Preferences and
Value Tradeoffs*. Wiley.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

# The weight of each signal. A municipality's own needs and its largest maturity gaps weigh
# most (they are its own word); peers and the council's priorities follow; a pilot of its
# own adds to its area's step.
STEP_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "need": 0.35,
        "gap": 0.35,
        "initiative": 0.30,
        "peers": 0.25,
        "council": 0.20,
        "pilot": 0.15,
    }
)


@dataclass(frozen=True)
class RankedStep:
    index: int  # position of the candidate in the input
    score: float
    contributions: Mapping[str, float]  # weight × signal, per signal, summing to the score


def rank_steps(
    signals: Sequence[Mapping[str, float]],
    weights: Mapping[str, float] = STEP_WEIGHTS,
) -> list[RankedStep]:
    """Score every candidate by its weighted signals, best first.

    Parameters
    ----------
    signals : sequence of mapping
        Per candidate, its signals by name, each in [0, 1]; a signal it lacks counts 0.
    weights : mapping
        The weight of each signal name, non-negative.

    Returns
    -------
    list of RankedStep
        Every candidate, by descending score; equal scores keep the input's order.

    Raises
    ------
    ValueError
        For a signal without a weight, a signal outside [0, 1] or a negative weight.
    """
    for name, weight in weights.items():
        if not np.isfinite(weight) or weight < 0:
            raise ValueError(f"weights: {name!r} must be finite and non-negative")
    ranked = []
    for index, given in enumerate(signals):
        contributions: dict[str, float] = {}
        for name, value in given.items():
            if name not in weights:
                raise ValueError(f"signals: {name!r} has no weight (known: {sorted(weights)})")
            if not np.isfinite(value) or not 0.0 <= value <= 1.0:
                raise ValueError(f"signals: {name!r} of candidate {index} must be in [0, 1]")
            if value > 0:
                contributions[name] = weights[name] * float(value)
        ranked.append(RankedStep(index, sum(contributions.values()), contributions))
    ranked.sort(key=lambda step: (-step.score, step.index))
    return ranked


def scaled(values: Sequence[float]) -> list[float]:
    """``values`` divided by the largest, so the strongest becomes 1; all zeros stay zeros.

    Parameters
    ----------
    values : sequence of float
        Non-negative.

    Returns
    -------
    list of float
    """
    if any(not np.isfinite(value) or value < 0 for value in values):
        raise ValueError("values: must be finite and non-negative")
    top = max(values, default=0.0)
    return [value / top if top > 0 else 0.0 for value in values]
