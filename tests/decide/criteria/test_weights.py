"""AHP weights and consistency, group judgements, weighted sum and TOPSIS."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from radslag.decide.criteria.weights import (
    ahp_weights,
    combine_judgements,
    normalise_scores,
    scale_values,
    topsis,
    weighted_sum,
)

# Saaty (1977), "A scaling method for priorities in hierarchical structures", J. Math. Psych.
# 15(3), 234-281, and Saaty (1980), The Analytic Hierarchy Process, ch. 2: the relative
# brightness of four chairs at increasing distances from a light, judged by one observer.
# Published: eigenvector (0.61, 0.24, 0.10, 0.05) to two decimals, lambda_max 4.39, CI 0.13.
LIGHT_INTENSITY: list[list[float]] = [
    [1, 5, 6, 7],
    [1 / 5, 1, 4, 6],
    [1 / 6, 1 / 4, 1, 4],
    [1 / 7, 1 / 6, 1 / 4, 1],
]

# Hwang and Yoon (1981), Multiple Attribute Decision Making, the fighter aircraft example:
# maximum speed, ferry range, maximum payload, acquisition cost (a cost), reliability and
# manoeuvrability of four aircraft. Published relative closeness to three decimals:
# A1 0.643, A2 0.268, A3 0.613, A4 0.312.
AIRCRAFT: list[list[float]] = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]
AIRCRAFT_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
AIRCRAFT_BENEFIT = [True, True, True, False, True, True]

weight_vectors = st.integers(2, 9).flatmap(
    lambda n: arrays(np.float64, n, elements=st.floats(0.05, 20.0))
)


def consistent_matrix(weights: np.ndarray) -> np.ndarray:
    return np.asarray(weights[:, None] / weights[None, :])


@settings(max_examples=40, deadline=None)
@given(weight_vectors)
def test_it_gives_a_consistent_matrix_its_generating_weights_and_zero_ratio(
    weights: np.ndarray,
) -> None:
    result = ahp_weights(consistent_matrix(weights))

    np.testing.assert_allclose(result.weights, weights / weights.sum(), atol=1e-9)
    assert abs(result.consistency_ratio) <= 1e-9
    assert result.is_acceptable
    assert result.most_inconsistent is None


def test_it_reproduces_saatys_light_intensity_example() -> None:
    result = ahp_weights(LIGHT_INTENSITY)

    np.testing.assert_allclose(result.weights, [0.61, 0.24, 0.10, 0.05], atol=0.01)
    assert result.principal_eigenvalue == pytest.approx(4.39, abs=0.005)
    assert result.consistency_index == pytest.approx(0.13, abs=0.005)
    assert result.consistency_ratio == pytest.approx(0.13 / 0.90, abs=0.01)


def test_it_flags_an_inconsistent_matrix_and_names_the_judgement_to_revisit() -> None:
    matrix = consistent_matrix(np.array([4.0, 3.0, 2.0, 1.0]))
    matrix[0, 3], matrix[3, 0] = 1 / 5, 5.0  # criterion 0 is in fact 4 times criterion 3

    result = ahp_weights(matrix)

    assert result.consistency_ratio > 0.10
    assert not result.is_acceptable
    assert result.most_inconsistent is not None
    assert (result.most_inconsistent.row, result.most_inconsistent.column) == (0, 3)
    assert result.most_inconsistent.given == pytest.approx(0.2)
    # The other judgements pull the weights towards a larger ratio than the one stated.
    assert result.most_inconsistent.implied > result.most_inconsistent.given


def test_it_treats_two_criteria_as_always_consistent() -> None:
    result = ahp_weights(np.array([[1, 3], [1 / 3, 1]]))

    np.testing.assert_allclose(result.weights, [0.75, 0.25])
    assert result.consistency_ratio == 0.0


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([[1, 2], [2, 1]], "matrix: not reciprocal"),
        ([[1, 2, 3], [0.5, 1, 4]], "matrix: expected a non-empty square"),
        ([[1, -2], [-0.5, 1]], r"matrix: judgements must be positive, a\[0, 1\] = -2"),
        ([[1, 2, 3], [0.5, 1, 0], [1 / 3, 0, 1]], r"a\[1, 2\] = 0"),
        ([[1, np.nan], [np.nan, 1]], "matrix: contains NaN"),
        (np.ones((16, 16)), "matrix: at most 15 criteria"),
        (np.ones((0, 0)), "matrix: expected a non-empty square"),
    ],
)
def test_it_rejects_a_bad_pairwise_matrix_naming_it(matrix: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ahp_weights(matrix)  # type: ignore[arg-type]


def test_it_combines_members_by_the_weighted_geometric_mean_of_judgements() -> None:
    first = consistent_matrix(np.array([3.0, 1.0]))
    second = consistent_matrix(np.array([1.0, 3.0]))

    equal = combine_judgements([first, second])
    only_first = combine_judgements([first, second], member_weights=[1.0, 0.0])
    leaning = combine_judgements([first, second], member_weights=[3.0, 1.0])

    np.testing.assert_allclose(equal, np.ones((2, 2)))
    np.testing.assert_allclose(only_first, first)
    np.testing.assert_allclose(leaning[0, 1], 3.0 ** (0.75 - 0.25))


@settings(max_examples=30, deadline=None)
@given(
    st.integers(2, 6).flatmap(
        lambda n: st.lists(
            arrays(np.float64, n, elements=st.floats(0.1, 10.0)), min_size=1, max_size=5
        )
    ),
    st.data(),
)
def test_it_keeps_combined_judgements_reciprocal_and_weighs_consistent_members_geometrically(
    member_weights_vectors: list[np.ndarray], data: st.DataObject
) -> None:
    members = np.stack([consistent_matrix(w) for w in member_weights_vectors])
    influence = data.draw(
        arrays(np.float64, len(members), elements=st.floats(0.1, 5.0)), label="influence"
    )

    combined = combine_judgements(members, influence)

    np.testing.assert_allclose(combined * combined.T, 1.0, rtol=1e-9)
    # A weighted geometric mean of consistent matrices is consistent, with geometric weights.
    geometric = np.exp(
        np.average(np.log(np.stack(member_weights_vectors)), axis=0, weights=influence)
    )
    np.testing.assert_allclose(
        ahp_weights(combined).weights, geometric / geometric.sum(), atol=1e-9
    )


@pytest.mark.parametrize(
    ("member_weights", "message"),
    [([1.0], "member_weights: expected 2 weights"), ([1.0, -1.0], "member_weights: weights")],
)
def test_it_rejects_bad_member_weights_naming_them(
    member_weights: list[float], message: str
) -> None:
    members = [np.ones((2, 2)), np.ones((2, 2))]
    with pytest.raises(ValueError, match=message):
        combine_judgements(members, member_weights)


def test_it_rejects_an_invalid_member_matrix_naming_its_position() -> None:
    with pytest.raises(ValueError, match=r"matrices\[1\]: not reciprocal"):
        combine_judgements([np.ones((2, 2)), np.array([[1, 2], [2, 1]])])
    with pytest.raises(ValueError, match="matrices: must not be empty"):
        combine_judgements(np.ones((0, 2, 2)))


def test_it_scores_a_weighted_sum_with_weights_rescaled_to_one() -> None:
    scores = [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]

    np.testing.assert_allclose(weighted_sum(scores, [3, 1]), [0.75, 0.25, 0.5])


def test_it_normalises_benefit_and_cost_criteria_to_the_unit_interval() -> None:
    scores = [[10.0, 100.0, 7.0], [20.0, 300.0, 7.0], [15.0, 200.0, 7.0]]

    values = normalise_scores(scores, [True, False, True])

    np.testing.assert_allclose(values, np.array([[0, 1, 0], [1, 0, 0], [0.5, 0.5, 0]]))


def test_it_reproduces_hwang_and_yoons_fighter_aircraft_topsis() -> None:
    result = topsis(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_BENEFIT)

    np.testing.assert_allclose(result.closeness, [0.643, 0.268, 0.613, 0.312], atol=2e-3)
    assert result.ranking.tolist() == [0, 2, 3, 1]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, (4, n), elements=st.floats(1.0, 10.0)),
            arrays(np.float64, n, elements=st.floats(0.1, 1.0)),
            arrays(np.bool_, n),
        )
    )
)
def test_it_puts_an_alternative_that_is_best_on_every_criterion_at_the_ideal(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    scores, weights, benefit = problem
    best = np.where(benefit, scores.max(axis=0) + 1.0, scores.min(axis=0) / 2.0)

    result = topsis(np.vstack([scores, best]), weights, benefit)

    assert result.closeness[-1] == pytest.approx(1.0)
    assert result.ranking[0] == len(scores)
    assert np.all((result.closeness >= 0) & (result.closeness <= 1))


def test_it_gives_identical_alternatives_a_closeness_of_one_half() -> None:
    result = topsis([[1.0, 2.0], [1.0, 2.0]], [1, 1], [True, False])

    np.testing.assert_allclose(result.closeness, [0.5, 0.5])


@pytest.mark.parametrize(
    ("weights", "benefit", "message"),
    [
        ([1.0], [True, True], "weights: expected 2 weights"),
        ([1.0, 1.0], [True], "is_benefit: expected 2 flags"),
        ([0.0, 0.0], [True, True], "weights: weights must be non-negative"),
        ([1.0, 1.0], ["yes", "no"], "is_benefit: expected true/false"),
    ],
)
def test_it_rejects_weights_or_directions_that_do_not_fit_the_scores(
    weights: list[float], benefit: list[bool] | list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        topsis([[1.0, 2.0], [3.0, 4.0]], weights, benefit)


def test_it_rejects_scores_that_are_not_a_finite_table() -> None:
    with pytest.raises(ValueError, match="scores: contains NaN"):
        weighted_sum([[1.0, np.nan]], [1, 1])
    with pytest.raises(ValueError, match="scores: expected 2 dimension"):
        normalise_scores([1.0, 2.0], [True, True])
    with pytest.raises(ValueError, match="scores: must have at least one alternative"):
        topsis(np.zeros((0, 2)), [1, 1], [True, True])


def test_it_scales_ratings_by_the_ends_of_the_scale_and_reverses_a_cost_criterion() -> None:
    values = scale_values([[1, 5], [3, 2], [5, 1]], 1, 5, [True, False])

    np.testing.assert_allclose(values, [[0.0, 0.0], [0.5, 0.75], [1.0, 1.0]])


def test_a_rating_outside_the_scale_is_refused_naming_its_cell() -> None:
    with pytest.raises(ValueError, match=r"scores\[1, 0\] = 6 is outside 1..5"):
        scale_values([[1, 5], [6, 2]], 1, 5, [True, True])
