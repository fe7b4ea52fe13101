"""A municipality's next steps: candidates from every source, ranked by their evidence.

A candidate says what to do, why (its evidence, each linked to where it comes from) and who
has done it already (peers, with how to reach them). :func:`next_steps` asks every source
(:mod:`radslag.guidance.sources`) for candidates and ranks them together with the decision
core (:func:`radslag.decide.recommend.rank_steps`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

from radslag.decide.recommend import rank_steps
from radslag.guidance import sources
from radslag.guidance.landscape import Landscape, Own
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import SizeClass

# How many steps the page lists; the rest are weaker than these by construction.
SHOWN = 10


@dataclass(frozen=True)
class Evidence:
    """One reason for a step: which need, gap, priority or peer figure, and where to see it."""

    signal: str  # the signal it backs: "need", "council", "peers", "gap", "pilot", "initiative"
    text: str | Promise
    url: str = ""
    is_example: bool = False


@dataclass(frozen=True)
class Peer:
    """A municipality that already did it: what, where to read about it, whom to ask."""

    name: str
    url: str
    what: str
    what_url: str
    contact_email: str = ""
    contact_name: str = ""  # only a name its owner consented to publish
    same_size: bool = True
    is_example: bool = False


@dataclass
class Candidate:
    key: str
    kind: str  # "area", "maturity", "initiative"
    title: str | Promise
    signals: dict[str, float]
    evidence: list[Evidence] = field(default_factory=list)
    peers: list[Peer] = field(default_factory=list)
    peers_total: int = 0
    more_url: str = ""  # where to find more who did it
    more_label: str | Promise = ""


@dataclass(frozen=True)
class RankedCandidate:
    rank: int
    score: float
    contributions: dict[str, float]
    candidate: Candidate

    @property
    def is_example(self) -> bool:
        return any(e.is_example for e in self.candidate.evidence) or any(
            p.is_example for p in self.candidate.peers
        )


@dataclass(frozen=True)
class StepContext:
    """What a source needs to propose steps for one municipality, as one person sees it."""

    municipality: Municipality
    size_class: SizeClass | None
    landscape: Landscape
    own: Own
    user: Any


def next_steps(context: StepContext, shown: int = SHOWN) -> list[RankedCandidate]:
    """The ``shown`` best steps of every source for the municipality, best first."""
    candidates = [
        candidate for source in sources.contributed() for candidate in source.propose(context)
    ]
    ranked = rank_steps([candidate.signals for candidate in candidates])
    return [
        RankedCandidate(rank, step.score, dict(step.contributions), candidates[step.index])
        for rank, step in enumerate(ranked[:shown], start=1)
        if step.score > 0
    ]
