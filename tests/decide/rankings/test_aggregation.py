"""Two-level weighting, people to municipality to nation, and per-segment tables."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from radslag.decide.rankings.aggregation import (
    WeightingScheme,
    as_weights,
    municipality_shares,
    scores_by_segment,
    two_level_weights,
)
from radslag.decide.rankings.ballots import borda
from radslag.decide.rankings.bradley_terry import fit_bradley_terry


def municipality_totals(municipality: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(municipality, weights=weights, minlength=n)


def test_it_makes_a_municipality_with_1000_voters_count_as_much_as_one_with_3() -> None:
    municipality = np.array([0] * 1000 + [1] * 3)
    result = two_level_weights(municipality, populations=[1_000_000, 2_500], scheme="equal")
    totals = municipality_totals(municipality, result.record_weights, 2)
    assert totals[0] == pytest.approx(totals[1])
    assert result.shares.tolist() == [0.5, 0.5]


def test_it_weights_by_population_and_by_its_square_root() -> None:
    populations = [40_000, 10_000]
    municipality = np.array([0, 1, 1, 1])
    by_population = two_level_weights(municipality, populations, WeightingScheme.POPULATION)
    by_root = two_level_weights(municipality, populations, WeightingScheme.SQRT_POPULATION)
    assert by_population.shares.tolist() == pytest.approx([0.8, 0.2])
    assert by_root.shares.tolist() == pytest.approx([2 / 3, 1 / 3])
    totals = municipality_totals(municipality, by_root.record_weights, 2)
    assert (totals / totals.sum()).tolist() == pytest.approx([2 / 3, 1 / 3])


@settings(max_examples=50, deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            hnp.arrays(np.int64, st.integers(1, 60), elements=st.integers(0, n - 1)),
            hnp.arrays(np.float64, n, elements=st.floats(1.0, 1e6)),
            st.sampled_from(list(WeightingScheme)),
        )
    )
)
def test_it_gives_every_municipality_its_share_and_keeps_the_mean_weight_at_one(
    case: tuple[np.ndarray, np.ndarray, WeightingScheme],
) -> None:
    municipality, populations, scheme = case
    result = two_level_weights(municipality, populations, scheme)
    totals = municipality_totals(municipality, result.record_weights, len(populations))
    assert totals / len(municipality) == pytest.approx(result.shares)
    assert result.shares.sum() == pytest.approx(1.0)
    assert result.record_weights.mean() == pytest.approx(1.0)
    absent = np.bincount(municipality, minlength=len(populations)) == 0
    assert np.all(result.shares[absent] == 0)


def test_it_counts_each_person_once_however_many_votes_they_cast() -> None:
    municipality = np.array([0, 0, 0, 0, 0, 1])
    person = np.array([7, 7, 7, 7, 8, 7])  # person 7 in municipality 1 is someone else
    result = two_level_weights(municipality, [100, 100], "equal", person=person)
    weights = result.record_weights
    assert weights[:4].sum() == pytest.approx(weights[4])
    assert weights[:5].sum() == pytest.approx(weights[5])


def test_it_renormalises_shares_over_the_municipalities_that_took_part() -> None:
    shares = municipality_shares([100, 300, 600], "population", represented=[True, False, True])
    assert shares.tolist() == pytest.approx([100 / 700, 0.0, 600 / 700])


def test_it_tabulates_pairwise_scores_per_segment() -> None:
    # Small municipalities prefer item 0, large ones item 2.
    winners = np.array([0, 0, 0, 0, 2, 2, 2, 2])
    losers = np.array([1, 2, 1, 2, 0, 1, 0, 1])
    size_class = np.array(["small"] * 4 + ["large"] * 4)
    table = scores_by_segment(
        size_class,
        lambda rows: fit_bradley_terry(winners[rows], losers[rows], 3).scores,
    )
    assert table.labels == ("large", "small")
    assert table.scores.shape == (2, 3)
    assert np.argmax(table.scores[0]) == 2
    assert np.argmax(table.scores[1]) == 0
    assert table.n_records.tolist() == [4, 4]


def test_it_tabulates_ballot_scores_per_segment() -> None:
    ranks = np.array([[0, 1], [0, 1], [1, 0]])
    table = scores_by_segment([1, 1, 2], lambda rows: borda(ranks[rows]).scores)
    assert table.labels == (1, 2)
    assert table.scores.tolist() == [[2.0, 0.0], [0.0, 1.0]]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: two_level_weights([0, 3], [10, 20], "equal"), "municipality"),
        (lambda: two_level_weights([], [10, 20], "equal"), "municipality"),
        (lambda: two_level_weights([0, 1], [10, np.nan], "equal"), "populations"),
        (lambda: two_level_weights([0, 1], [10, 0], "population"), "populations"),
        (lambda: two_level_weights([0, 1], [10, 20], "by_mood"), "scheme"),
        (lambda: two_level_weights([0, 1], [10, 20], "equal", person=[1]), "person"),
        (lambda: municipality_shares([], "equal"), "populations"),
        (lambda: municipality_shares([1, 2], "equal", represented=[True]), "represented"),
        (lambda: municipality_shares([1, 2], "equal", represented=[False, False]), "represented"),
        (lambda: as_weights("weights", [1.0, -2.0], 2), "weights"),
        (lambda: as_weights("weights", [0.0, 0.0], 2), "weights"),
        (lambda: as_weights("weights", [1.0], 2), "weights"),
        (lambda: scores_by_segment([], lambda rows: rows), "segment"),
        (lambda: scores_by_segment([0, 1], lambda rows: np.zeros(int(rows[0]) + 1)), "score"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    call: Callable[[], object], argument: str
) -> None:
    with pytest.raises(ValueError, match=argument):
        call()
