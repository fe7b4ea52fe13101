"""Ranked and approval ballots: reference cases and properties."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from radslag.decide.rankings.ballots import (
    KEMENY_MAX_ITEMS,
    approval_counts,
    borda,
    copeland,
    kemeny,
    pairwise_preferences,
    schulze,
)

# Wikipedia, "Schulze method", worked example: 45 voters, five candidates A..E, winner E.
WIKIPEDIA_GROUPS = [
    (5, "ACBED"),
    (5, "ADECB"),
    (8, "BEDAC"),
    (3, "CABED"),
    (7, "CAEBD"),
    (2, "CBADE"),
    (7, "DCEBA"),
    (8, "EBADC"),
]


def ranks_from_orders(orders: list[str], letters: str = "ABCDE") -> np.ndarray:
    rows = np.empty((len(orders), len(letters)), dtype=np.int64)
    for row, order in zip(rows, orders, strict=True):
        for position, letter in enumerate(order):
            row[letters.index(letter)] = position
    return rows


def wikipedia_profile() -> tuple[np.ndarray, np.ndarray]:
    ranks = ranks_from_orders([order for _, order in WIKIPEDIA_GROUPS])
    weights = np.array([count for count, _ in WIKIPEDIA_GROUPS], dtype=float)
    return ranks, weights


@st.composite
def profiles(draw: st.DrawFn, max_items: int = 6) -> tuple[np.ndarray, np.ndarray | None]:
    """Weak-order ballots (ties allowed) with optional positive weights."""
    n_items = draw(st.integers(2, max_items))
    n_ballots = draw(st.integers(1, 25))
    ranks = draw(hnp.arrays(np.int64, (n_ballots, n_items), elements=st.integers(0, n_items - 1)))
    weights = draw(
        st.none() | hnp.arrays(np.float64, n_ballots, elements=st.integers(1, 5).map(float))
    )
    return ranks, weights


def condorcet_winner(ranks: np.ndarray, weights: np.ndarray | None) -> int | None:
    preferences = pairwise_preferences(ranks, weights)
    beats = preferences > preferences.T
    for item in range(len(preferences)):
        if beats[item].sum() == len(preferences) - 1:
            return item
    return None


def brute_force_kemeny_agreement(preferences: np.ndarray) -> float:
    n = len(preferences)
    return max(
        float(sum(preferences[order[a], order[b]] for a in range(n) for b in range(a + 1, n)))
        for order in itertools.permutations(range(n))
    )


def test_it_counts_pairwise_preferences_with_ties_counting_for_neither() -> None:
    ranks = np.array([[0, 1, 1], [2, 0, 1]])
    preferences = pairwise_preferences(ranks, [1.0, 2.0])
    assert preferences.tolist() == [[0, 1, 1], [2, 0, 2], [2, 0, 0]]


def test_it_elects_e_in_the_wikipedia_schulze_example() -> None:
    ranks, weights = wikipedia_profile()
    result = schulze(ranks, weights)
    assert result.winners.tolist() == [4]
    assert "".join("ABCDE"[i] for i in result.order) == "EACBD"
    assert result.strongest_paths[0].tolist() == [0, 28, 28, 30, 24]


def test_it_gives_the_same_schulze_result_for_repeated_ballots_as_for_weights() -> None:
    ranks, weights = wikipedia_profile()
    repeated = np.repeat(ranks, weights.astype(int), axis=0)
    assert schulze(repeated).order.tolist() == schulze(ranks, weights).order.tolist()


@settings(max_examples=60, deadline=None)
@given(profiles())
def test_it_lets_a_condorcet_winner_win_schulze_copeland_and_kemeny(
    profile: tuple[np.ndarray, np.ndarray | None],
) -> None:
    ranks, weights = profile
    winner = condorcet_winner(ranks, weights)
    if winner is None:
        return
    assert schulze(ranks, weights).winners.tolist() == [winner]
    ranking = copeland(ranks, weights)
    assert ranking.order[0] == winner
    assert ranking.ranks.tolist().count(1) == 1
    assert kemeny(ranks, weights).order[0] == winner


@settings(max_examples=40, deadline=None)
@given(profiles())
def test_it_ranks_schulze_consistently_with_its_beat_relation(
    profile: tuple[np.ndarray, np.ndarray | None],
) -> None:
    ranks, weights = profile
    result = schulze(ranks, weights)
    paths = result.strongest_paths
    for i, j in itertools.permutations(range(len(paths)), 2):
        if paths[i, j] > paths[j, i]:
            assert result.ranks[i] < result.ranks[j]
    assert len(result.winners) >= 1


@settings(max_examples=40, deadline=None)
@given(profiles(max_items=5))
def test_it_finds_a_kemeny_ranking_as_good_as_brute_force(
    profile: tuple[np.ndarray, np.ndarray | None],
) -> None:
    ranks, weights = profile
    result = kemeny(ranks, weights)
    preferences = pairwise_preferences(ranks, weights)
    assert result.agreement == pytest.approx(brute_force_kemeny_agreement(preferences))
    assert sorted(result.order.tolist()) == list(range(ranks.shape[1]))
    assert result.ranks[result.order].tolist() == list(range(1, ranks.shape[1] + 1))


def test_it_solves_kemeny_for_twelve_items() -> None:
    rng = np.random.default_rng(12)
    ranks = np.argsort(rng.random((500, 12)), axis=1)
    result = kemeny(ranks)
    preferences = pairwise_preferences(ranks)
    order = result.order
    agreement = sum(preferences[order[a], order[b]] for a in range(12) for b in range(a + 1, 12))
    assert agreement == pytest.approx(result.agreement)


def test_it_matches_the_kemeny_brute_force_on_the_wikipedia_profile() -> None:
    ranks, weights = wikipedia_profile()
    result = kemeny(ranks, weights)
    best = brute_force_kemeny_agreement(pairwise_preferences(ranks, weights))
    assert result.agreement == best


def test_it_splits_borda_points_for_tied_items() -> None:
    # Ballot 1: A > B = C; ballot 2: C > B > A.
    ranks = np.array([[0, 1, 1], [2, 1, 0]])
    result = borda(ranks)
    assert result.scores.tolist() == [2.0, 1.5, 2.5]
    assert result.order.tolist() == [2, 0, 1]


@settings(max_examples=40, deadline=None)
@given(profiles())
def test_it_hands_out_the_same_borda_total_whatever_the_ties(
    profile: tuple[np.ndarray, np.ndarray | None],
) -> None:
    ranks, weights = profile
    n_items = ranks.shape[1]
    total_weight = len(ranks) if weights is None else weights.sum()
    points = borda(ranks, weights).scores.sum()
    assert points == pytest.approx(total_weight * n_items * (n_items - 1) / 2)


def test_it_scores_copeland_with_half_points_for_majority_ties() -> None:
    ranks = ranks_from_orders(["ABC", "BAC"], letters="ABC")
    result = copeland(ranks)
    assert result.scores.tolist() == [1.5, 1.5, 0.0]
    assert result.ranks.tolist() == [1, 1, 3]


def test_it_counts_weighted_approvals() -> None:
    approvals = np.array([[1, 0, 1], [0, 0, 1], [1, 1, 0]], dtype=bool)
    result = approval_counts(approvals, weights=[1.0, 0.5, 2.0])
    assert result.scores.tolist() == [3.0, 2.0, 1.5]
    assert result.order.tolist() == [0, 1, 2]


def test_it_lets_weights_from_municipalities_change_the_winner() -> None:
    # Three voters from one place prefer A; one voter from another prefers B.
    ranks = ranks_from_orders(["AB", "AB", "AB", "BA"], letters="AB")
    per_municipality = np.array([1 / 3, 1 / 3, 1 / 3, 1.0])
    assert borda(ranks).order[0] == 0
    assert copeland(ranks, per_municipality).scores.tolist() == [0.5, 0.5]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: schulze(np.array([[0.0, np.nan]])), "ranks"),
        (lambda: schulze(np.zeros((0, 3))), "ranks"),
        (lambda: borda(np.zeros(3)), "ranks"),
        (lambda: copeland(np.zeros((2, 1))), "ranks"),
        (lambda: schulze(np.zeros((2, 3)), weights=[1.0]), "weights"),
        (lambda: borda(np.zeros((2, 3)), weights=[1.0, -1.0]), "weights"),
        (lambda: kemeny(np.zeros((1, KEMENY_MAX_ITEMS + 1))), "ranks"),
        (lambda: approval_counts(np.array([[0, 2]])), "approvals"),
        (lambda: approval_counts(np.zeros((0, 2))), "approvals"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    call: Callable[[], object], argument: str
) -> None:
    with pytest.raises(ValueError, match=argument):
        call()
