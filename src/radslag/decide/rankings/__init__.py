"""Rankings from pairwise votes and ballots: Bradley–Terry, the pair design, ballots and the
weighting of municipalities."""

from __future__ import annotations

from radslag.decide.rankings.acceptability import (
    posterior_samples,
    rank_acceptabilities,
    rank_intervals,
)
from radslag.decide.rankings.aggregation import (
    MunicipalityWeights,
    SegmentScores,
    WeightingScheme,
    as_weights,
    municipality_shares,
    scores_by_segment,
    two_level_weights,
)
from radslag.decide.rankings.ballots import (
    KEMENY_MAX_ITEMS,
    KemenyResult,
    SchulzeResult,
    ScoredRanking,
    approval_counts,
    borda,
    copeland,
    kemeny,
    pairwise_preferences,
    schulze,
)
from radslag.decide.rankings.bradley_terry import (
    COVARIANCE_LIMIT,
    DENSE_LIMIT,
    PairCounts,
    PairwiseFit,
    count_pairs,
    fit_bradley_terry,
    win_probability_scores,
)
from radslag.decide.rankings.pair_design import (
    PairDesign,
    advance_since_shown,
    design_pairs,
    propose_pairs,
    starvation_bound,
)

__all__ = [
    "COVARIANCE_LIMIT",
    "DENSE_LIMIT",
    "KEMENY_MAX_ITEMS",
    "KemenyResult",
    "MunicipalityWeights",
    "PairCounts",
    "PairDesign",
    "PairwiseFit",
    "SchulzeResult",
    "ScoredRanking",
    "SegmentScores",
    "WeightingScheme",
    "advance_since_shown",
    "approval_counts",
    "as_weights",
    "borda",
    "copeland",
    "count_pairs",
    "design_pairs",
    "fit_bradley_terry",
    "kemeny",
    "municipality_shares",
    "pairwise_preferences",
    "posterior_samples",
    "propose_pairs",
    "rank_acceptabilities",
    "rank_intervals",
    "schulze",
    "scores_by_segment",
    "starvation_bound",
    "two_level_weights",
    "win_probability_scores",
]
