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

__all__ = [
    "DEFAULT_WEIGHTS",
    "AreaWeights",
    "Cases",
    "HitRate",
    "area_similarity",
    "hit_rate",
    "item_based",
    "popularity",
    "queries",
    "recommend_areas",
    "top_areas",
]
