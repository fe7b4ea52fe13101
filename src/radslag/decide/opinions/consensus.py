"""Agree/disagree statements: what each group thinks, and what every group can support.

From agree/disagree/pass votes (see :mod:`radslag.decide.opinions.votes`) counted per group, this
module finds, as Pol.is does,

- the statements that set a group apart from the rest (representativeness), and
- the statements every group agrees on (group-aware consensus).

The groups are any integer label per person: the opinion groups found from the votes by
:func:`radslag.decide.opinions.groups.opinion_groups`, or segments that matter to the council,
such as municipality size class crossed with AI maturity (see
:func:`radslag.decide.opinions.votes.cross_labels`). For
segments there is also a bridging score, high only for statements that every segment supports.

Label ``-1`` means "in no group" (for instance too few votes to be placed): that person's votes
count neither for a group nor for the rest it is compared with, as with unplaced participants
in Pol.is.

``votes``, ``labels`` and ``weights`` are as in :mod:`radslag.decide.opinions.votes`. Per-person
weights that average 1 keep the add-one smoothing and the z-tests on the scale of the actual
number of people; the tests treat weighted counts as counts, an approximation when weights
vary a lot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy.special import logsumexp
from scipy.stats import norm

from radslag.decide.opinions.votes import Votes, tally_by_group
from radslag.decide.validation import BoolArray, FloatArray, IntArray

Stance = Literal["agree", "disagree"]


@dataclass(frozen=True)
class StanceStatistics:
    """Pol.is statistics of one stance (agree or disagree), each of shape (groups, statements).

    ``probability`` is the add-one smoothed share ``(n + 1) / (seen + 2)`` of the group taking
    the stance, ``probability_z`` its one-proportion z against one half, ``ratio`` the group's
    probability over the probability among everyone else, and ``ratio_z`` the two-proportion z
    of that difference.
    """

    probability: FloatArray
    probability_z: FloatArray
    ratio: FloatArray
    ratio_z: FloatArray


@dataclass(frozen=True)
class RepresentativeStatement:
    """A statement that sets a group apart, with the stance the group takes on it."""

    statement: int
    stance: Stance
    probability: float
    ratio: float
    probability_z: float
    ratio_z: float


@dataclass(frozen=True)
class Representativeness:
    """Representativeness of every statement for every group, and each group's top picks.

    ``top[k]`` lists the significant statements of ``groups[k]``, most representative first.
    """

    groups: IntArray
    agree: StanceStatistics
    disagree: StanceStatistics
    top: tuple[tuple[RepresentativeStatement, ...], ...]


@dataclass(frozen=True)
class GroupAwareConsensus:
    """Per statement, the product over groups of each group's smoothed agree (or disagree)."""

    groups: IntArray
    agree: FloatArray
    disagree: FloatArray


@dataclass(frozen=True)
class BridgingScores:
    """Per statement, how well its weakest segment supports it.

    ``agreement`` is the smoothed agree share per segment and statement, ``scores`` its soft
    minimum over segments and ``weakest_segment`` the segment label with the lowest agreement.
    """

    segments: IntArray
    agreement: FloatArray
    scores: FloatArray
    weakest_segment: IntArray


def representative_statements(
    votes: Votes,
    labels: npt.ArrayLike,
    weights: npt.ArrayLike | None = None,
    confidence: float = 0.90,
    pick_max: int = 5,
) -> Representativeness:
    """Find the statements that set each group apart from everyone else, as Pol.is does.

    For each group, statement and stance, the group's smoothed probability ``(n + 1) /
    (seen + 2)`` is compared with one half (one-proportion z) and with the probability among
    everyone outside the group (ratio and two-proportion z, both counts add-one smoothed). A
    statement is significant for a group when both z exceed the one-sided normal quantile of
    ``confidence``; its stance is the one with the larger ratio z. Groups are ranked by
    Pol.is's metric ``ratio * ratio_z * probability * probability_z``. Unlike Pol.is there is
    no fallback pick: a group with no significant statement gets an empty list.

    Parameters
    ----------
    votes, labels, weights
        See :mod:`radslag.decide.opinions.votes`; ``labels`` may be opinion groups or caller
        segments.
    confidence : float
        One-sided confidence level of both tests, 0.90 in Pol.is.
    pick_max : int
        At most this many statements per group in ``top``.

    Returns
    -------
    Representativeness

    Raises
    ------
    ValueError
        As :func:`radslag.decide.opinions.votes.tally_by_group`, or if ``confidence`` is not in
        (0.5, 1) or ``pick_max`` is negative.

    References
    ----------
    Small, C., Bjorkegren, M., Erkkilä, T., Shaw, L. and Megill, C. (2021). Polis: Scaling
    deliberation by mapping high dimensional opinion spaces. *Recerca* 26(2), 1-26.
    The Pol.is implementation, ``math/src/polismath/math/repness.clj`` and ``stats.clj``
    (compdemocracy/polis on GitHub).
    """
    if not 0.5 < confidence < 1.0:
        raise ValueError(f"confidence: expected a level between 0.5 and 1, got {confidence}")
    if isinstance(pick_max, bool) or not isinstance(pick_max, int) or pick_max < 0:
        raise ValueError(f"pick_max: expected a non-negative integer, got {pick_max!r}")
    tallies = tally_by_group(votes, labels, weights)
    agree = _stance_statistics(tallies.agree, tallies.seen)
    disagree = _stance_statistics(tallies.disagree, tallies.seen)
    critical = float(norm.ppf(confidence))
    top = tuple(
        _top_statements(agree, disagree, group, critical, pick_max)
        for group in range(tallies.groups.size)
    )
    return Representativeness(groups=tallies.groups, agree=agree, disagree=disagree, top=top)


def group_aware_consensus(
    votes: Votes,
    labels: npt.ArrayLike,
    weights: npt.ArrayLike | None = None,
) -> GroupAwareConsensus:
    """Score each statement by how much every group agrees (or disagrees) with it.

    ``GAC(c) = prod_g (A_gc + 1) / (S_gc + 2)`` with ``A`` the agree count and ``S`` the votes
    seen in group ``g``; the disagree score uses disagree counts. A statement scores high only
    when all groups lean the same way, whatever their sizes. The product does not depend on
    how the groups are numbered.

    Raises
    ------
    ValueError
        As :func:`radslag.decide.opinions.votes.tally_by_group`.

    References
    ----------
    Small, C. et al. (2021). Polis: Scaling deliberation by mapping high dimensional opinion
    spaces. *Recerca* 26(2), 1-26; ``conversation.clj`` of the Pol.is implementation.
    """
    tallies = tally_by_group(votes, labels, weights)
    return GroupAwareConsensus(
        groups=tallies.groups,
        agree=np.prod(_smoothed(tallies.agree, tallies.seen), axis=0),
        disagree=np.prod(_smoothed(tallies.disagree, tallies.seen), axis=0),
    )


def bridging_scores(
    votes: Votes,
    labels: npt.ArrayLike,
    weights: npt.ArrayLike | None = None,
    softness: float = 0.0,
) -> BridgingScores:
    """Score each statement by the support of its least convinced segment.

    Each segment's support is its add-one smoothed agree share ``(A + 1) / (S + 2)``. The score
    is the soft minimum ``-t * log(mean_g exp(-P_g / t))`` over segments with temperature
    ``t = softness``: the plain minimum at 0, approaching the mean of the segments as ``t``
    grows, always between the two and increasing in every segment's support. Every segment
    counts the same however many people it has, so a small segment that opposes a statement
    pulls it down as much as a large one. A segment that has not voted on a statement sits at
    the uninformative one half.

    Parameters
    ----------
    votes, weights
        See :mod:`radslag.decide.opinions.votes`.
    labels : array_like of int, shape (people,)
        The caller's segment of each person (see
        :func:`radslag.decide.opinions.votes.cross_labels`), -1 for none; named ``labels`` like the
        groups of the other functions.
    softness : float
        Temperature of the soft minimum; 0 (default) is the minimum. Around 0.05 lets a
        statement that one segment only just rejects still outrank one that a segment
        rejects outright.

    Returns
    -------
    BridgingScores

    Raises
    ------
    ValueError
        As :func:`radslag.decide.opinions.votes.tally_by_group`, or if ``softness`` is negative or
        not finite.

    References
    ----------
    The idea of bridging, rewarding what people who usually disagree both support, follows
    Wojcik, S. et al. (2022). Birdwatch: Crowd wisdom and bridging algorithms can inform
    understanding and reduce the spread of misinformation. arXiv:2210.15723. The soft minimum
    is the log-mean-exp of Nielsen, F. and Sun, K. (2016). Guaranteed bounds on
    information-theoretic measures of univariate mixtures using piecewise log-sum-exp
    inequalities. *Entropy* 18(12), 442.
    """
    if not np.isfinite(softness) or softness < 0:
        raise ValueError(f"softness: expected a non-negative number, got {softness}")
    tallies = tally_by_group(votes, labels, weights)
    agreement = _smoothed(tallies.agree, tallies.seen)
    if softness == 0:
        scores = agreement.min(axis=0)
    else:
        n_segments = agreement.shape[0]
        scores = -softness * (logsumexp(-agreement / softness, axis=0) - np.log(n_segments))
    weakest = tallies.groups[np.argmin(agreement, axis=0)]
    return BridgingScores(
        segments=tallies.groups, agreement=agreement, scores=scores, weakest_segment=weakest
    )


def _repness_metric(pick: RepresentativeStatement) -> float:
    return pick.ratio * pick.ratio_z * pick.probability * pick.probability_z


def _smoothed(successes: FloatArray, trials: FloatArray) -> FloatArray:
    probability: FloatArray = (successes + 1.0) / (trials + 2.0)
    return probability


def _stance_statistics(successes: FloatArray, seen: FloatArray) -> StanceStatistics:
    outside_successes = successes.sum(axis=0) - successes
    outside_seen = seen.sum(axis=0) - seen
    inside = _smoothed(successes, seen)
    # Pol.is's tests add one pseudo-vote to every count; kept so results match Pol.is.
    share = (successes + 1.0) / (seen + 1.0)
    probability_z = 2.0 * np.sqrt(seen + 1.0) * (share - 0.5)
    return StanceStatistics(
        probability=inside,
        probability_z=probability_z,
        ratio=inside / _smoothed(outside_successes, outside_seen),
        ratio_z=_two_proportion_z(successes, seen, outside_successes, outside_seen),
    )


def _two_proportion_z(
    successes_in: FloatArray, seen_in: FloatArray, successes_out: FloatArray, seen_out: FloatArray
) -> FloatArray:
    a, n = successes_in + 1.0, seen_in + 1.0
    b, m = successes_out + 1.0, seen_out + 1.0
    pooled = (a + b) / (n + m)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n + 1.0 / m))
    # With everyone taking the stance the pooled share is 1 and there is nothing to compare.
    z: FloatArray = np.divide(a / n - b / m, spread, out=np.zeros_like(pooled), where=spread > 0)
    return z


def _top_statements(
    agree: StanceStatistics,
    disagree: StanceStatistics,
    group: int,
    critical: float,
    pick_max: int,
) -> tuple[RepresentativeStatement, ...]:
    use_agree = agree.ratio_z[group] >= disagree.ratio_z[group]
    picked: list[RepresentativeStatement] = []
    stances: tuple[tuple[Stance, StanceStatistics, BoolArray], ...] = (
        ("agree", agree, use_agree),
        ("disagree", disagree, ~use_agree),
    )
    for stance, stats, chosen in stances:
        significant = (
            chosen & (stats.probability_z[group] > critical) & (stats.ratio_z[group] > critical)
        )
        picked.extend(
            RepresentativeStatement(
                statement=int(statement),
                stance=stance,
                probability=float(stats.probability[group, statement]),
                ratio=float(stats.ratio[group, statement]),
                probability_z=float(stats.probability_z[group, statement]),
                ratio_z=float(stats.ratio_z[group, statement]),
            )
            for statement in np.flatnonzero(significant)
        )
    picked.sort(key=lambda pick: (-_repness_metric(pick), pick.statement))
    return tuple(picked[:pick_max])
