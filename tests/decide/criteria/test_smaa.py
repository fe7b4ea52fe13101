"""SMAA-2 acceptability analysis under uncertain weights and scores."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from radslag.decide.criteria.smaa import IntervalWeights, ScoreNoise, UniformWeights, smaa
from radslag.decide.criteria.weights import rank_descending, weighted_sum

problems = st.tuples(st.integers(2, 6), st.integers(1, 4)).flatmap(
    lambda shape: st.tuples(
        arrays(np.float64, shape, elements=st.floats(0.0, 1.0)),
        arrays(np.float64, shape[1], elements=st.floats(0.05, 1.0)),
    )
)


@settings(max_examples=30, deadline=None)
@given(problems)
def test_it_ranks_deterministically_like_the_weighted_sum_when_weights_are_fixed(
    problem: tuple[np.ndarray, np.ndarray],
) -> None:
    scores, weights = problem
    values = weighted_sum(scores, weights)
    assume(np.min(np.diff(np.sort(values))) > 1e-9)  # no ties for the order to break

    result = smaa(scores, IntervalWeights.around(weights, 0.0), n_samples=50)

    expected_rank = np.argsort(rank_descending(values))
    np.testing.assert_array_equal(result.rank_acceptability, np.eye(len(values))[expected_rank])
    winner = int(rank_descending(values)[0])
    np.testing.assert_allclose(result.central_weights[winner], weights / weights.sum())
    assert result.confidence_factors[winner] == 1.0
    assert np.isnan(np.delete(result.confidence_factors, winner)).all()


@settings(max_examples=20, deadline=None)
@given(problems, st.sampled_from(["normal", "uniform"]), st.integers(0, 2**32))
def test_it_gives_rank_acceptabilities_that_are_distributions_over_ranks_and_alternatives(
    problem: tuple[np.ndarray, np.ndarray], distribution: str, seed: int
) -> None:
    scores, _ = problem

    result = smaa(scores, noise=ScoreNoise(0.1, distribution), n_samples=200, seed=seed)  # type: ignore[arg-type]

    np.testing.assert_allclose(result.rank_acceptability.sum(axis=0), 1.0)
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=1), 1.0)
    assert np.all((result.holistic_acceptability >= 0) & (result.holistic_acceptability <= 1))
    ranked_first = result.rank_acceptability[:, 0] > 0
    assert np.isnan(result.central_weights[~ranked_first]).all()
    np.testing.assert_allclose(result.central_weights[ranked_first].sum(axis=1), 1.0)


def test_it_never_ranks_a_dominated_alternative_first_without_score_noise() -> None:
    scores = [[0.9, 0.8, 0.7], [0.5, 0.7, 0.6], [0.2, 0.9, 0.1]]

    result = smaa(scores, n_samples=5_000)

    assert result.rank_acceptability[1, 0] == 0.0
    assert result.rank_acceptability[0, 2] == 0.0


def test_it_samples_uniform_weights_on_the_simplex() -> None:
    # Each alternative is best on one criterion: alternative 0 wins when w0 > 1/2, whose
    # conditional mean under the uniform weight w0 ~ U(0, 1) is 3/4 (Lahdelma & Salminen 2001).
    result = smaa(np.eye(2), UniformWeights(), n_samples=40_000, seed=3)

    np.testing.assert_allclose(result.rank_acceptability[:, 0], [0.5, 0.5], atol=0.01)
    np.testing.assert_allclose(result.central_weights[0], [0.75, 0.25], atol=0.01)


@pytest.mark.parametrize("half_width", [0.02, 0.15])
def test_it_keeps_interval_weights_inside_their_bounds_and_centred(half_width: float) -> None:
    centre = np.array([0.5, 0.3, 0.2])
    model = IntervalWeights.around(centre, half_width)

    # With one alternative its central weight vector is the mean of all sampled weights;
    # intervals symmetric about a centre on the simplex have that centre as mean.
    single = smaa([[1.0, 1.0, 1.0]], model, n_samples=20_000, seed=1)
    spread = smaa(np.eye(3), model, n_samples=20_000, seed=1)

    np.testing.assert_allclose(single.central_weights[0], centre, atol=0.01)
    chosen = spread.central_weights[~np.isnan(spread.central_weights[:, 0])]
    assert np.all(chosen >= model.low - 1e-12)
    assert np.all(chosen <= model.high + 1e-12)


def test_it_matches_uniform_weights_when_intervals_allow_the_whole_simplex() -> None:
    scores = np.random.default_rng(0).random((4, 3))

    whole = smaa(scores, IntervalWeights(np.zeros(3), np.ones(3)), n_samples=20_000, seed=1)
    uniform = smaa(scores, UniformWeights(), n_samples=20_000, seed=2)

    np.testing.assert_allclose(whole.rank_acceptability, uniform.rank_acceptability, atol=0.02)


def test_it_draws_normal_score_noise_as_exactly_as_a_full_simulation() -> None:
    # The utility of a weighted sum of normal scores is drawn directly from its normal
    # distribution; a brute-force simulation drawing every score must agree.
    rng = np.random.default_rng(5)
    scores = rng.random((3, 2))
    sd = np.array([[0.3, 0.05], [0.1, 0.2], [0.25, 0.25]])
    weights = np.array([0.6, 0.4])

    result = smaa(scores, IntervalWeights.around(weights, 0.0), ScoreNoise(sd), 40_000, seed=7)

    drawn = scores + sd * rng.standard_normal((40_000, 3, 2))
    brute_first = np.bincount(np.argmax(drawn @ weights, axis=1), minlength=3) / 40_000
    np.testing.assert_allclose(result.rank_acceptability[:, 0], brute_first, atol=0.015)


def test_it_gives_a_clear_winner_full_confidence_and_a_coin_flip_half() -> None:
    clear = smaa([[1.0, 1.0], [0.0, 0.0]], noise=ScoreNoise(0.01), n_samples=2_000)
    tied = smaa(
        [[0.5, 0.5], [0.5, 0.5]],
        IntervalWeights.around([0.5, 0.5], 0.0),
        ScoreNoise(0.1),
        n_samples=20_000,
    )

    assert clear.confidence_factors[0] == 1.0
    np.testing.assert_allclose(tied.confidence_factors, [0.5, 0.5], atol=0.02)


def test_it_reproduces_a_run_from_its_seed() -> None:
    scores = np.random.default_rng(0).random((5, 3))

    first = smaa(scores, noise=ScoreNoise(0.1), n_samples=1_000, seed=11)
    again = smaa(scores, noise=ScoreNoise(0.1), n_samples=1_000, seed=np.random.default_rng(11))

    np.testing.assert_array_equal(first.rank_acceptability, again.rank_acceptability)
    np.testing.assert_array_equal(first.confidence_factors, again.confidence_factors)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"scores": [[np.nan, 1.0]]}, "scores: contains NaN"),
        ({"scores": np.zeros((0, 2))}, "scores: must have at least one"),
        ({"weights": IntervalWeights(np.zeros(3), np.ones(3))}, "weights.low: expected 2 bounds"),
        ({"weights": IntervalWeights(np.array([0.6, 0.6]), np.ones(2))}, "weights: no weights"),
        ({"weights": IntervalWeights(np.ones(2), np.zeros(2))}, "weights: bounds must satisfy"),
        ({"noise": ScoreNoise(-1.0)}, "noise.spread: must not be negative"),
        ({"noise": ScoreNoise(np.ones(3))}, "noise.spread: shape"),
        ({"noise": ScoreNoise(0.1, "cauchy")}, "noise.distribution"),  # type: ignore[arg-type]
        ({"n_samples": 0}, "n_samples: expected a positive integer"),
        ({"seed": -1}, "seed: expected a non-negative integer"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    arguments: dict[str, object], message: str
) -> None:
    call: dict[str, object] = {"scores": [[0.1, 0.9], [0.8, 0.2]], **arguments}
    with pytest.raises(ValueError, match=message):
        smaa(**call)  # type: ignore[arg-type]


def test_it_rejects_intervals_around_bad_weights() -> None:
    with pytest.raises(ValueError, match="weights: expected non-negative"):
        IntervalWeights.around([-1.0, 2.0], 0.1)
    with pytest.raises(ValueError, match="half_width"):
        IntervalWeights.around([1.0, 2.0], -0.1)
