"""Rank acceptabilities: how sure each rank is, from samples of the items' values."""

from __future__ import annotations

import numpy as np
import pytest

from radslag.decide.rankings.acceptability import (
    posterior_samples,
    rank_acceptabilities,
    rank_intervals,
)
from radslag.decide.rankings.bradley_terry import fit_bradley_terry


def test_it_counts_each_items_ranks_as_a_brute_force_count_does() -> None:
    values = np.random.default_rng(3).normal(size=(500, 6))

    found = rank_acceptabilities(values)

    expected = np.zeros((6, 6))
    for row in values:
        for rank, item in enumerate(sorted(range(6), key=lambda i: (-row[i], i))):
            expected[item, rank] += 1 / 500
    np.testing.assert_allclose(found, expected)
    np.testing.assert_allclose(found.sum(axis=0), 1)
    np.testing.assert_allclose(found.sum(axis=1), 1)


def test_it_breaks_ties_by_the_lower_index() -> None:
    assert rank_acceptabilities([[1.0, 1.0]]).tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_it_refuses_values_that_are_not_finite_or_not_a_table() -> None:
    with pytest.raises(ValueError, match="values"):
        rank_acceptabilities([[1.0, np.nan]])
    with pytest.raises(ValueError, match="values"):
        rank_acceptabilities([1.0, 2.0])


def test_posterior_draws_have_the_fits_mean_and_covariance() -> None:
    rng = np.random.default_rng(5)
    strengths = np.array([1.0, 0.3, 0.0, -1.2])
    first = rng.integers(0, 4, 3000)
    second = (first + rng.integers(1, 4, 3000)) % 4
    p_first = 1 / (1 + np.exp(strengths[second] - strengths[first]))
    won = rng.random(3000) < p_first
    fit = fit_bradley_terry(np.where(won, first, second), np.where(won, second, first), n_items=4)
    assert fit.covariance is not None

    draws = posterior_samples(fit, 40_000, seed=1)

    np.testing.assert_allclose(draws.mean(axis=0), fit.log_strengths, atol=0.01)
    np.testing.assert_allclose(np.cov(draws.T), fit.covariance, atol=0.002)


def test_a_clear_leader_is_sure_of_rank_one_and_close_items_share_their_ranks() -> None:
    winners = [0] * 200 + [1] * 50 + [2] * 50
    losers = [1] * 100 + [2] * 100 + [2] * 50 + [1] * 50
    fit = fit_bradley_terry(winners, losers, n_items=3)

    acceptability = rank_acceptabilities(posterior_samples(fit, 20_000, seed=2))

    assert acceptability[0, 0] > 0.99
    assert 0.3 < acceptability[1, 1] < 0.7


def test_rank_intervals_take_the_central_ranks_of_each_item() -> None:
    acceptability = np.array([[0.9, 0.1, 0.0], [0.1, 0.5, 0.4], [0.0, 0.4, 0.6]])

    assert rank_intervals(acceptability, coverage=0.8).tolist() == [[1, 1], [1, 3], [2, 3]]
    with pytest.raises(ValueError, match="coverage"):
        rank_intervals(acceptability, coverage=0)
