"""Recommendations: which areas an organisation is likely to take up next, how to measure
that honestly, and how a municipality's next steps are ranked from their evidence."""

from __future__ import annotations

from radslag.decide.recommend.areas import (
    DEFAULT_WEIGHTS,
    AreaWeights,
    area_similarity,
    item_based,
    popularity,
    recommend_areas,
    top_areas,
)
from radslag.decide.recommend.evaluation import Cases, HitRate, hit_rate, queries
from radslag.decide.recommend.steps import STEP_WEIGHTS, RankedStep, rank_steps, scaled

__all__ = [
    "DEFAULT_WEIGHTS",
    "STEP_WEIGHTS",
    "AreaWeights",
    "Cases",
    "HitRate",
    "RankedStep",
    "area_similarity",
    "hit_rate",
    "item_based",
    "popularity",
    "queries",
    "rank_steps",
    "recommend_areas",
    "scaled",
    "top_areas",
]
