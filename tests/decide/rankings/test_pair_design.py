"""Adaptive pair choice: valid pairs, seeded, catching up new items, fewer wasted votes."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import expit
from scipy.stats import kendalltau

from radslag.decide.rankings.bradley_terry import PairwiseFit, fit_bradley_terry
from radslag.decide.rankings.pair_design import propose_pairs


def fitted_round(n_items: int, n_votes: int, seed: int) -> tuple[PairwiseFit, np.ndarray]:
    rng = np.random.default_rng(seed)
    truth = rng.normal(size=n_items)
    first = rng.integers(0, n_items, n_votes)
    second = (first + rng.integers(1, n_items, n_votes)) % n_items
    first_wins = rng.random(n_votes) < expit(truth[first] - truth[second])
    winners = np.where(first_wins, first, second)
    losers = np.where(first_wins, second, first)
    return fit_bradley_terry(winners, losers, n_items), truth


@settings(max_examples=25, deadline=None)
@given(
    n_items=st.integers(2, 30),
    n_votes=st.integers(1, 200),
    n_pairs=st.integers(1, 40),
    seed=st.integers(0, 2**32 - 1),
)
def test_it_proposes_pairs_of_two_distinct_known_items(
    n_items: int, n_votes: int, n_pairs: int, seed: int
) -> None:
    fit, _ = fitted_round(n_items, n_votes, seed)
    pairs = propose_pairs(fit, n_items, n_pairs, np.random.default_rng(seed))
    assert pairs.shape == (n_pairs, 2)
    assert np.all(pairs[:, 0] != pairs[:, 1])
    assert np.all((pairs >= 0) & (pairs < n_items))


def test_it_proposes_the_same_pairs_for_the_same_seed() -> None:
    fit, _ = fitted_round(20, 300, seed=1)
    first = propose_pairs(fit, 20, 30, np.random.default_rng(7))
    again = propose_pairs(fit, 20, 30, np.random.default_rng(7))
    assert first.tolist() == again.tolist()


def test_it_starts_a_round_without_votes_by_spreading_pairs_over_items() -> None:
    pairs = propose_pairs(None, 10, 30, np.random.default_rng(2))
    shown = np.bincount(pairs.ravel(), minlength=10)
    assert np.all(shown >= 3)


def test_it_lets_items_added_mid_round_catch_up() -> None:
    fit, _ = fitted_round(20, 2000, seed=3)
    pairs = propose_pairs(fit, 25, 40, np.random.default_rng(3))
    with_new_item = np.any(pairs >= 20, axis=1)
    assert with_new_item.mean() >= 0.75
    assert set(range(20, 25)) <= set(pairs.ravel().tolist())


def test_it_spends_votes_on_pairs_whose_order_is_in_doubt() -> None:
    fit, _ = fitted_round(30, 3000, seed=4)
    pairs = propose_pairs(fit, 30, 200, np.random.default_rng(4))
    theta = fit.log_strengths
    proposed_gap = np.abs(theta[pairs[:, 0]] - theta[pairs[:, 1]]).mean()
    all_gaps = np.abs(theta[:, None] - theta[None, :])[np.triu_indices(30, k=1)].mean()
    assert proposed_gap < 0.5 * all_gaps


def test_it_favours_the_top_of_the_ranking_when_asked() -> None:
    fit, _ = fitted_round(40, 2000, seed=5)
    top_half = set(fit.order[:20].tolist())

    def share_in_top(top_focus: float) -> float:
        pairs = propose_pairs(fit, 40, 400, np.random.default_rng(5), top_focus=top_focus)
        return float(np.mean([p[0] in top_half or p[1] in top_half for p in pairs.tolist()]))

    assert share_in_top(4.0) > share_in_top(0.0)


def test_it_ranks_better_than_random_pairs_for_the_same_number_of_votes() -> None:
    n_items, batches, batch = 30, 12, 50
    taus: dict[str, list[float]] = {"adaptive": [], "random": []}
    for seed in range(3):
        for method in taus:
            rng = np.random.default_rng(seed)
            truth = rng.normal(size=n_items)
            winners: list[int] = []
            losers: list[int] = []
            fit = None
            for _ in range(batches):
                if method == "adaptive":
                    pairs = propose_pairs(fit, n_items, batch, rng)
                else:
                    first = rng.integers(0, n_items, batch)
                    pairs = np.column_stack(
                        [first, (first + rng.integers(1, n_items, batch)) % n_items]
                    )
                won = rng.random(batch) < expit(truth[pairs[:, 0]] - truth[pairs[:, 1]])
                winners += np.where(won, pairs[:, 0], pairs[:, 1]).tolist()
                losers += np.where(won, pairs[:, 1], pairs[:, 0]).tolist()
                fit = fit_bradley_terry(winners, losers, n_items)
            assert fit is not None
            taus[method].append(kendalltau(fit.log_strengths, truth).statistic)
    assert np.mean(taus["adaptive"]) > np.mean(taus["random"])


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda fit: propose_pairs(fit, 5, 3, np.random.default_rng()), "n_items"),
        (lambda fit: propose_pairs(None, 1, 3, np.random.default_rng()), "n_items"),
        (lambda fit: propose_pairs(fit, 10, 0, np.random.default_rng()), "n_pairs"),
        (
            lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), top_focus=-1.0),
            "top_focus",
        ),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    call: Callable[[PairwiseFit], object], argument: str
) -> None:
    fit, _ = fitted_round(10, 50, seed=0)
    with pytest.raises(ValueError, match=argument):
        call(fit)
