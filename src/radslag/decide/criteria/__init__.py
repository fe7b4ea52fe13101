"""Criteria: AHP weights, weighted-sum and TOPSIS rankings, and SMAA's rank acceptabilities."""

from __future__ import annotations

from radslag.decide.criteria.smaa import (
    IntervalWeights,
    ScoreNoise,
    SmaaResult,
    UniformWeights,
    WeightModel,
    WeightSampler,
    smaa,
)
from radslag.decide.criteria.weights import (
    CONSISTENCY_LIMIT,
    RANDOM_INDEX,
    AhpWeights,
    Judgement,
    TopsisResult,
    ahp_weights,
    combine_judgements,
    normalise_scores,
    rank_descending,
    scale_values,
    topsis,
    weighted_sum,
)

__all__ = [
    "CONSISTENCY_LIMIT",
    "RANDOM_INDEX",
    "AhpWeights",
    "IntervalWeights",
    "Judgement",
    "ScoreNoise",
    "SmaaResult",
    "TopsisResult",
    "UniformWeights",
    "WeightModel",
    "WeightSampler",
    "ahp_weights",
    "combine_judgements",
    "normalise_scores",
    "rank_descending",
    "scale_values",
    "smaa",
    "topsis",
    "weighted_sum",
]
