"""Representative statements, group-aware consensus and bridging across segments."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from radslag.decide.opinions.consensus import (
    bridging_scores,
    group_aware_consensus,
    representative_statements,
)

NAN = np.nan

labelled_votes = st.tuples(st.integers(2, 15), st.integers(1, 6)).flatmap(
    lambda shape: st.tuples(
        arrays(np.float64, shape, elements=st.sampled_from([1.0, -1.0, 0.0, NAN])),
        arrays(np.int64, shape[0], elements=st.integers(0, 3)),
    )
)


def two_camps(n_each: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """Statement 0 splits the camps, statement 1 unites them, statement 2 is noise."""
    rng = np.random.default_rng(0)
    camp = np.repeat([0, 1], n_each)
    votes = np.column_stack(
        [
            np.where(camp == 0, 1.0, -1.0),
            np.ones(2 * n_each),
            rng.choice([1.0, -1.0, 0.0, NAN], size=2 * n_each),
        ]
    )
    return votes, camp


@settings(max_examples=40, deadline=None)
@given(labelled_votes, st.permutations(range(4)))
def test_it_scores_consensus_the_same_whatever_the_order_of_the_groups(
    case: tuple[np.ndarray, np.ndarray], order: list[int]
) -> None:
    votes, labels = case
    renamed = np.asarray(order)[labels] + 10

    original = group_aware_consensus(votes, labels)
    permuted = group_aware_consensus(votes, renamed)

    np.testing.assert_allclose(permuted.agree, original.agree, rtol=1e-12)
    np.testing.assert_allclose(permuted.disagree, original.disagree, rtol=1e-12)


def test_it_multiplies_each_groups_smoothed_agreement_into_the_consensus() -> None:
    votes = [[1, -1], [1, NAN], [0, 1], [-1, 1], [1, 1]]
    labels = [0, 0, 0, 1, 1]

    result = group_aware_consensus(votes, labels)

    # Statement 0: group 0 has 2 agree of 3 seen, group 1 has 1 agree of 2 seen.
    assert result.agree[0] == pytest.approx((3 / 5) * (2 / 4))
    assert result.disagree[0] == pytest.approx((1 / 5) * (2 / 4))
    assert result.agree[1] == pytest.approx((2 / 4) * (3 / 4))


def test_it_ranks_a_uniting_statement_above_a_dividing_one() -> None:
    votes, camp = two_camps()

    result = group_aware_consensus(votes, camp)

    assert result.agree[1] > 0.9
    assert result.agree[0] < 0.1


def test_it_finds_the_statement_that_sets_each_camp_apart_with_its_stance() -> None:
    votes, camp = two_camps()

    result = representative_statements(votes, camp)

    first, second = result.top
    assert (first[0].statement, first[0].stance) == (0, "agree")
    assert (second[0].statement, second[0].stance) == (0, "disagree")
    assert all(pick.statement != 1 for pick in first + second)
    # 30 of 30 agree against 0 of 30 outside, add-one smoothed.
    assert first[0].probability == pytest.approx(31 / 32)
    assert first[0].ratio == pytest.approx((31 / 32) / (1 / 32))


def test_it_computes_pol_is_z_statistics() -> None:
    votes = [[1]] * 8 + [[-1]] * 2 + [[1]] * 3 + [[-1]] * 7
    labels = [0] * 10 + [1] * 10

    agree = representative_statements(votes, labels).agree

    # One-proportion test: 2 sqrt(n + 1) ((a + 1) / (n + 1) - 1/2) with a = 8, n = 10.
    assert agree.probability_z[0, 0] == pytest.approx(2 * np.sqrt(11) * (9 / 11 - 0.5))
    # Two-proportion test with one pseudo-vote added to every count.
    p1, p2, pooled = 9 / 11, 4 / 11, 13 / 22
    expected = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (2 / 11))
    assert agree.ratio_z[0, 0] == pytest.approx(expected)


def test_it_picks_nothing_for_a_group_without_significant_statements() -> None:
    votes = [[1], [-1], [1], [-1]]

    result = representative_statements(votes, [0, 0, 1, 1], pick_max=3)

    assert result.top == ((), ())


def test_it_scores_bridging_low_when_one_segment_opposes() -> None:
    segment = np.repeat([0, 1, 2], 20)
    supported_by_all = np.ones(60)
    opposed_by_one = np.where(segment == 2, -1.0, 1.0)
    votes = np.column_stack([supported_by_all, opposed_by_one])

    result = bridging_scores(votes, segment)

    assert result.scores[0] > 0.9
    assert result.scores[1] < 0.1
    assert result.weakest_segment[1] == 2


def test_it_counts_a_small_opposing_segment_as_much_as_a_large_one() -> None:
    segment = np.array([0] * 95 + [1] * 5)
    votes = np.where(segment == 1, -1.0, 1.0)[:, None]

    bridging = bridging_scores(votes, segment)
    consensus = group_aware_consensus(votes, segment)

    assert bridging.scores[0] == pytest.approx(1 / 7)
    assert consensus.agree[0] < 0.2


@settings(max_examples=40, deadline=None)
@given(labelled_votes, st.floats(0.001, 10.0))
def test_it_keeps_the_soft_minimum_between_the_weakest_segment_and_the_mean(
    case: tuple[np.ndarray, np.ndarray], softness: float
) -> None:
    votes, segments = case

    hard = bridging_scores(votes, segments)
    soft = bridging_scores(votes, segments, softness=softness)
    softer = bridging_scores(votes, segments, softness=2 * softness)

    assert np.all(soft.scores >= hard.scores - 1e-12)
    assert np.all(soft.scores <= hard.agreement.mean(axis=0) + 1e-12)
    assert np.all(softer.scores >= soft.scores - 1e-12)


def test_it_weighs_people_in_the_counts() -> None:
    votes = [[1], [-1], [-1]]
    labels = [0, 0, 0]

    unweighted = group_aware_consensus(votes, labels)
    weighted = group_aware_consensus(votes, labels, weights=[2.0, 0.5, 0.5])

    assert unweighted.agree[0] == pytest.approx(2 / 5)
    assert weighted.agree[0] == pytest.approx(3 / 5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: representative_statements([[1]], [0], confidence=1.2), "confidence"),
        (lambda: representative_statements([[1]], [0], pick_max=-1), "pick_max"),
        (lambda: bridging_scores([[1]], [0], softness=-0.1), "softness"),
        (lambda: bridging_scores([[1]], [7, 8]), "labels: expected 1 labels"),
        (lambda: group_aware_consensus([[1, 5]], [0]), "votes: expected \\+1"),
        (lambda: group_aware_consensus([[1]], [0], weights=[np.nan]), "weights: contains NaN"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
