"""Adaptive pair choice: valid pairs, seeded, aimed at the round's goal, no item starved."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from bench.pair_bound_bench import Truth, improve, information, start_shares
from bench.pair_reaction_bench import posterior_draws, sees_errors
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import expit
from scipy.stats import kendalltau

from radslag.decide.rankings.bradley_terry import (
    COVARIANCE_LIMIT,
    PairwiseFit,
    fit_bradley_terry,
)
from radslag.decide.rankings.pair_design import (
    advance_since_shown,
    design_pairs,
    propose_pairs,
    starvation_bound,
)


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
    assert proposed_gap < 0.8 * all_gaps


def test_it_plans_even_when_one_item_wins_every_vote() -> None:
    # A nearly flat prior lets the winner's estimate run off, where a vote tells nothing.
    fit = fit_bradley_terry([0] * 500, [1] * 250 + [2] * 250, 3, prior_sd=100.0)
    pairs = propose_pairs(fit, 3, 30, np.random.default_rng(10))
    assert np.all(pairs[:, 0] != pairs[:, 1])
    assert {1, 2} <= set(pairs.ravel().tolist())


def test_it_draws_pairs_for_a_round_too_large_to_plan() -> None:
    n_items = COVARIANCE_LIMIT + 1
    pairs = propose_pairs(None, n_items, 50, np.random.default_rng(9))
    assert np.all(pairs[:, 0] != pairs[:, 1])
    assert np.all((pairs >= 0) & (pairs < n_items))


def test_it_spends_a_top_k_round_on_items_near_the_boundary() -> None:
    fit, _ = fitted_round(40, 2000, seed=5)
    near_boundary = set(fit.order[5:15].tolist())

    def share_near_boundary(top_k: int | None) -> float:
        pairs = propose_pairs(fit, 40, 400, np.random.default_rng(5), top_k=top_k)
        return float(np.mean([p[0] in near_boundary for p in pairs.tolist()]))

    assert share_near_boundary(10) > 1.5 * share_near_boundary(None)


def test_it_leaves_items_surely_outside_the_top_k_alone() -> None:
    fit, _ = fitted_round(40, 4000, seed=6)
    bottom = set(fit.order[-15:].tolist())

    def share_among_bottom(top_k: int | None, exploration: float) -> float:
        pairs = propose_pairs(
            fit, 40, 2000, np.random.default_rng(6), top_k=top_k, exploration=exploration
        )
        return float(np.mean([p[0] in bottom and p[1] in bottom for p in pairs.tolist()]))

    assert share_among_bottom(5, 0.0) < 0.01 < share_among_bottom(None, 0.0)
    # With an exploration share, only the uniform draws reach them: 15 · 14 of 40 · 39 ordered
    # pairs, a fifth of the time.
    assert share_among_bottom(5, 0.2) < 0.2 * 0.135 * 1.5


def test_an_exploration_of_one_draws_every_pair_alike() -> None:
    fit, _ = fitted_round(10, 2000, seed=7)

    pairs = propose_pairs(fit, 10, 9000, np.random.default_rng(7), exploration=1.0)

    counts = np.zeros((10, 10))
    np.add.at(counts, (pairs.min(axis=1), pairs.max(axis=1)), 1)
    shown = counts[np.triu_indices(10, 1)]
    assert shown.min() > 0.6 * shown.mean()
    assert shown.max() < 1.4 * shown.mean()


@settings(max_examples=40, deadline=None)
@given(
    n_items=st.integers(2, 25),
    patience=st.floats(0.0, 4.0),
    top_k=st.none() | st.integers(1, 5),
    calls=st.lists(st.integers(1, 60), min_size=1, max_size=30),
    start=st.lists(st.integers(0, 200), max_size=25),
    seed=st.integers(0, 2**32 - 1),
)
def test_it_never_leaves_an_item_unshown_longer_than_its_stated_bound(
    n_items: int,
    patience: float,
    top_k: int | None,
    calls: list[int],
    start: list[int],
    seed: int,
) -> None:
    # A goal that cares about few items, from a fit that is never refreshed, is the design's
    # strongest pull away from the rest: only the bound keeps them in the survey.
    fit, _ = fitted_round(n_items, 20 * n_items, seed)
    design = design_pairs(fit, n_items, top_k=top_k)
    rng = np.random.default_rng(seed)
    unshown = np.zeros(n_items)
    unshown[: len(start[:n_items])] = start[:n_items]
    since = unshown.copy()
    bound = starvation_bound(n_items, patience)
    for n_pairs in calls:
        pairs = design.propose(n_pairs, rng, since_shown=since, patience=patience)
        since = advance_since_shown(since, pairs, n_items)
        for pair in pairs.tolist():
            unshown += 1
            unshown[pair] = 0
            # An item starting overdue waits behind at most the others, never for ever.
            assert np.all(unshown <= np.maximum(bound, np.max(start, initial=0) + n_items))
    assert since.tolist() == unshown.tolist()


def test_it_shows_items_never_shown_first() -> None:
    fit, _ = fitted_round(20, 2000, seed=3)
    pairs = propose_pairs(fit, 25, 5, np.random.default_rng(3), since_shown=np.zeros(20))
    assert set(range(20, 25)) <= set(pairs.ravel().tolist())


def test_it_counts_the_votes_since_each_item_was_shown() -> None:
    since = advance_since_shown([0, 5, 2], [[0, 1], [1, 2], [0, 1]], 4)
    assert since.tolist() == [0, 0, 1, np.inf]


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
        (lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), top_k=0), "top_k"),
        (
            lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), patience=-1.0),
            "patience",
        ),
        (
            lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), pairs_per_item=np.nan),
            "pairs_per_item",
        ),
        (
            lambda fit: design_pairs(fit, 10, horizon=0),
            "horizon",
        ),
        (
            lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), since_shown=[1] * 11),
            "since_shown",
        ),
        (
            lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), since_shown=[-1]),
            "since_shown",
        ),
        (
            lambda fit: propose_pairs(fit, 10, 3, np.random.default_rng(), exploration=1.5),
            "exploration",
        ),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    call: Callable[[PairwiseFit], object], argument: str
) -> None:
    fit, _ = fitted_round(10, 50, seed=0)
    with pytest.raises(ValueError, match=argument):
        call(fit)


# The benchmark's yardstick: the fixed design that knows the true strengths.


def test_the_yardstick_gives_a_design_of_every_pair_alike_the_variance_of_its_closed_form() -> None:
    truth = Truth(np.zeros(12))
    votes = np.full(len(truth.gap), 3.0)
    # Every pair equally: Laplacian n·c·I - c·J, so each difference has variance 2 / (n c).
    conductance = 3.0 * float(information(np.zeros(1))[0])
    np.testing.assert_allclose(truth.resistances(votes), 2.0 / (12 * conductance))


def test_the_yardsticks_gradient_matches_finite_differences() -> None:
    rng = np.random.default_rng(3)
    truth = Truth(rng.normal(0.0, 0.5, 15))
    votes = rng.uniform(5.0, 50.0, len(truth.gap))
    _, slope = truth.gradient(votes)
    for pair in (0, 17, 60, len(votes) - 1):
        step = np.zeros_like(votes)
        step[pair] = 1e-3
        numeric = (truth.discordance(votes + step) - truth.discordance(votes - step)) / 2e-3
        assert slope[pair] == pytest.approx(numeric, rel=1e-4)


def test_the_yardstick_reaches_the_goal_at_the_votes_it_names() -> None:
    truth = Truth(np.random.default_rng(4).normal(0.0, 1.0, 20))
    shares = np.full(len(truth.gap), 1.0 / len(truth.gap))
    votes = truth.votes_for_goal(shares)
    tau = 1.0 - 2.0 * truth.discordance(shares * votes) / len(truth.gap)
    assert tau == pytest.approx(0.9, abs=1e-6)


@pytest.mark.parametrize("start", ["uniform", "neighbours", "density"])
def test_the_yardstick_never_needs_more_votes_than_the_design_it_starts_from(start: str) -> None:
    truth = Truth(np.random.default_rng(5).normal(0.0, 1.0, 20))
    shares = start_shares(truth, start)
    _, votes = improve(truth, shares)
    assert votes <= truth.votes_for_goal(shares) * (1 + 1e-9)
    assert votes < truth.votes_for_goal(np.full(len(truth.gap), 1.0 / len(truth.gap)))


def test_the_yardstick_that_sees_the_fits_errors_votes_only_on_pairs_the_fit_misorders() -> None:
    fit, truth = fitted_round(25, 300, seed=8)
    pairs = sees_errors(truth)(500, np.random.default_rng(1), fit)
    estimate = fit.log_strengths
    fit_says = estimate[pairs[:, 0]] > estimate[pairs[:, 1]]
    truth_says = truth[pairs[:, 0]] > truth[pairs[:, 1]]
    assert np.all(fit_says != truth_says)


def test_the_posterior_draw_design_votes_on_pairs_whose_order_is_in_doubt() -> None:
    fit, _ = fitted_round(25, 3000, seed=9)
    pairs = posterior_draws(25)(2000, np.random.default_rng(2), fit)
    estimate = fit.log_strengths
    first, second = np.triu_indices(25, k=1)
    drawn_gap = np.abs(estimate[pairs[:, 0]] - estimate[pairs[:, 1]]).mean()
    assert drawn_gap < 0.3 * np.abs(estimate[first] - estimate[second]).mean()
    assert len(pairs) == 2000
    assert np.all(pairs[:, 0] != pairs[:, 1])
