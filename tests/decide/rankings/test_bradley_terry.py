"""Bradley–Terry fits: agreement with choix, invariances, uncertainty and bad input."""

from __future__ import annotations

from collections.abc import Callable

import choix
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import expit
from scipy.stats import kendalltau

import radslag.decide.rankings.bradley_terry as pairwise
from radslag.decide.rankings.bradley_terry import (
    count_pairs,
    fit_bradley_terry,
    win_probability_scores,
)


def simulated_votes(
    n_items: int, n_votes: int, seed: int, spread: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    truth = rng.normal(scale=spread, size=n_items)
    first = rng.integers(0, n_items, n_votes)
    second = (first + rng.integers(1, n_items, n_votes)) % n_items
    first_wins = rng.random(n_votes) < expit(truth[first] - truth[second])
    winners = np.where(first_wins, first, second)
    losers = np.where(first_wins, second, first)
    return winners, losers, truth


@st.composite
def comparisons(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, int]:
    n_items = draw(st.integers(2, 8))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n_items - 1), st.integers(0, n_items - 1)).filter(
                lambda pair: pair[0] != pair[1]
            ),
            min_size=1,
            max_size=40,
        )
    )
    winners, losers = (np.array(side, dtype=np.int64) for side in zip(*pairs, strict=True))
    return winners, losers, n_items


def independent_hessian(
    winners: np.ndarray, losers: np.ndarray, theta: np.ndarray, precision: float
) -> np.ndarray:
    """The negative Hessian of the log-posterior, one comparison at a time."""
    hessian = precision * np.eye(len(theta))
    for i, j in zip(winners, losers, strict=True):
        c = expit(theta[i] - theta[j]) * expit(theta[j] - theta[i])
        hessian[i, i] += c
        hessian[j, j] += c
        hessian[i, j] -= c
        hessian[j, i] -= c
    return hessian


def test_it_agrees_with_choix_on_a_small_connected_dataset() -> None:
    winners, losers, _ = simulated_votes(n_items=8, n_votes=400, seed=1)
    reference = choix.ilsr_pairwise(8, list(zip(winners, losers, strict=True)))
    # A vague prior turns the posterior mode into the maximum-likelihood estimate.
    ours = fit_bradley_terry(winners, losers, 8, prior_sd=1e4)
    assert ours.log_strengths == pytest.approx(reference - reference.mean(), abs=1e-4)


def test_it_recovers_the_true_order_from_many_votes() -> None:
    winners, losers, truth = simulated_votes(n_items=20, n_votes=20_000, seed=2, spread=2.0)
    fit = fit_bradley_terry(winners, losers, 20)
    assert kendalltau(fit.log_strengths, truth).statistic > 0.95


@settings(max_examples=40, deadline=None)
@given(comparisons(), st.randoms(use_true_random=False))
def test_it_permutes_scores_when_items_are_relabelled(
    data: tuple[np.ndarray, np.ndarray, int], random: object
) -> None:
    winners, losers, n_items = data
    relabel = np.array(random.sample(range(n_items), n_items))  # type: ignore[attr-defined]
    original = fit_bradley_terry(winners, losers, n_items)
    relabelled = fit_bradley_terry(relabel[winners], relabel[losers], n_items)
    assert relabelled.scores[relabel] == pytest.approx(original.scores, abs=1e-6)
    assert relabelled.standard_errors[relabel] == pytest.approx(original.standard_errors, rel=1e-6)


@settings(max_examples=40, deadline=None)
@given(comparisons())
def test_it_scores_between_0_and_100_averaging_50_inside_the_interval(
    data: tuple[np.ndarray, np.ndarray, int],
) -> None:
    fit = fit_bradley_terry(*data)
    assert np.all((fit.scores > 0) & (fit.scores < 100))
    assert fit.scores.mean() == pytest.approx(50.0)
    assert np.all(fit.score_low <= fit.scores + 1e-9)
    assert np.all(fit.scores <= fit.score_high + 1e-9)
    assert fit.log_strengths.sum() == pytest.approx(0.0, abs=1e-8)


@settings(max_examples=30, deadline=None)
@given(comparisons())
def test_it_reports_the_centred_inverse_hessian_as_covariance(
    data: tuple[np.ndarray, np.ndarray, int],
) -> None:
    winners, losers, n_items = data
    fit = fit_bradley_terry(winners, losers, n_items, prior_sd=2.0)
    hessian = independent_hessian(winners, losers, fit.log_strengths, precision=0.25)
    centring = np.eye(n_items) - 1.0 / n_items
    expected = centring @ np.linalg.inv(hessian) @ centring
    assert fit.covariance is not None
    # The fit stops within its tolerance of the mode, so small entries are exact relative to
    # the matrix's scale, not to themselves.
    scale = float(np.abs(expected).max())
    assert fit.covariance == pytest.approx(expected, rel=1e-5, abs=1e-6 * scale)
    assert fit.standard_errors**2 == pytest.approx(np.diag(fit.covariance), rel=1e-6)


def test_it_answers_for_a_disconnected_graph_and_an_item_that_only_wins() -> None:
    winners = np.array([0, 0, 0, 2])
    losers = np.array([1, 1, 1, 3])
    fit = fit_bradley_terry(winners, losers, 5)
    assert np.all(np.isfinite(fit.log_strengths))
    assert fit.order[0] == 0
    assert fit.scores[4] == pytest.approx(50.0, abs=5)
    # The item nobody voted on is the least certain.
    assert np.argmax(fit.standard_errors) == 4


def test_it_treats_integer_weights_like_repeated_votes() -> None:
    winners, losers, _ = simulated_votes(n_items=6, n_votes=50, seed=3)
    weights = np.arange(50) % 3 + 1
    weighted = fit_bradley_terry(winners, losers, 6, weights=weights)
    repeated = fit_bradley_terry(np.repeat(winners, weights), np.repeat(losers, weights), 6)
    assert weighted.log_strengths == pytest.approx(repeated.log_strengths)
    assert weighted.standard_errors == pytest.approx(repeated.standard_errors)
    assert weighted.comparisons.sum() == pytest.approx(2 * weights.sum())


def test_it_narrows_the_intervals_as_votes_accumulate() -> None:
    winners, losers, _ = simulated_votes(n_items=10, n_votes=4000, seed=4)
    few = fit_bradley_terry(winners[:200], losers[:200], 10)
    many = fit_bradley_terry(winners, losers, 10)
    assert np.all(many.standard_errors < few.standard_errors)
    assert np.all(many.score_high - many.score_low < few.score_high - few.score_low)


def test_it_gives_the_same_estimates_with_conjugate_gradients(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    winners, losers, _ = simulated_votes(n_items=30, n_votes=3000, seed=5)
    factorised = fit_bradley_terry(winners, losers, 30)
    monkeypatch.setattr(pairwise, "_FACTORISE_LIMIT", 2)
    iterative = fit_bradley_terry(winners, losers, 30)
    assert iterative.log_strengths == pytest.approx(factorised.log_strengths, abs=1e-7)
    assert iterative.standard_errors == pytest.approx(factorised.standard_errors)


def test_it_approximates_errors_on_the_sparse_path_for_many_items(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    winners, losers, _ = simulated_votes(n_items=40, n_votes=2000, seed=6)
    dense = fit_bradley_terry(winners, losers, 40)
    monkeypatch.setattr(pairwise, "DENSE_LIMIT", 10)
    monkeypatch.setattr(pairwise, "_FACTORISE_LIMIT", 5)
    sparse = fit_bradley_terry(winners, losers, 40)
    assert sparse.log_strengths == pytest.approx(dense.log_strengths, abs=1e-7)
    assert sparse.covariance is None
    assert sparse.standard_errors == pytest.approx(dense.standard_errors, rel=0.1)


def test_it_drops_the_covariance_but_keeps_errors_above_the_covariance_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    winners, losers, _ = simulated_votes(n_items=12, n_votes=500, seed=7)
    full = fit_bradley_terry(winners, losers, 12)
    monkeypatch.setattr(pairwise, "COVARIANCE_LIMIT", 5)
    reduced = fit_bradley_terry(winners, losers, 12)
    assert reduced.covariance is None
    assert reduced.standard_errors == pytest.approx(full.standard_errors)


def test_it_counts_pairs_regardless_of_who_won() -> None:
    counts = count_pairs([2, 0, 0, 1], [0, 2, 2, 0], 3, weights=[1.0, 2.0, 0.5, 1.0])
    assert counts.first.tolist() == [0, 0]
    assert counts.second.tolist() == [1, 2]
    assert counts.first_wins.tolist() == [0.0, 2.5]
    assert counts.total.tolist() == [1.0, 3.5]


def test_it_scores_two_equal_items_at_50() -> None:
    assert win_probability_scores([0.3, 0.3]).tolist() == [50.0, 50.0]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: fit_bradley_terry([0, 1], [1], 3), "winners"),
        (lambda: fit_bradley_terry([0, 5], [1, 0], 3), "winners"),
        (lambda: fit_bradley_terry([0, 1], [1, -1], 3), "losers"),
        (lambda: fit_bradley_terry([0, 1], [0, 2], 3), "losers"),
        (lambda: fit_bradley_terry([], [], 3), "winners"),
        (lambda: fit_bradley_terry([0.5], [1], 3), "winners"),
        (lambda: fit_bradley_terry([0], [1], 0), "n_items"),
        (lambda: fit_bradley_terry([0], [1], 2, weights=[np.nan]), "weights"),
        (lambda: fit_bradley_terry([0], [1], 2, weights=[1.0, 2.0]), "weights"),
        (lambda: fit_bradley_terry([0], [1], 2, prior_sd=0.0), "prior_sd"),
        (lambda: fit_bradley_terry([0], [1], 2, interval=1.0), "interval"),
        (lambda: win_probability_scores([1.0]), "log_strengths"),
        (lambda: win_probability_scores([1.0, np.inf]), "log_strengths"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    call: Callable[[], object], argument: str
) -> None:
    with pytest.raises(ValueError, match=argument):
        call()
