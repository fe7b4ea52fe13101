"""Opinions on statements: the vote matrix, opinion groups and consensus."""

from __future__ import annotations

from radslag.decide.opinions.consensus import (
    BridgingScores,
    GroupAwareConsensus,
    Representativeness,
    RepresentativeStatement,
    Stance,
    StanceStatistics,
    bridging_scores,
    group_aware_consensus,
    representative_statements,
)
from radslag.decide.opinions.groups import (
    OpinionGroups,
    Projection,
    opinion_groups,
    project_votes,
)
from radslag.decide.opinions.votes import (
    AGREE,
    DISAGREE,
    PASS,
    GroupTallies,
    VoteMatrix,
    Votes,
    cross_labels,
    tally_by_group,
    vote_matrix,
    votes_from_records,
)

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "BridgingScores",
    "GroupAwareConsensus",
    "GroupTallies",
    "OpinionGroups",
    "Projection",
    "RepresentativeStatement",
    "Representativeness",
    "Stance",
    "StanceStatistics",
    "VoteMatrix",
    "Votes",
    "bridging_scores",
    "cross_labels",
    "group_aware_consensus",
    "opinion_groups",
    "project_votes",
    "representative_statements",
    "tally_by_group",
    "vote_matrix",
    "votes_from_records",
]
