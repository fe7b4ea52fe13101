"""Scores, medians and quartiles, and the largest gaps."""

from __future__ import annotations

import pytest

from radslag.maturity.scoring import (
    largest_gaps,
    level_counts,
    overall_score,
    spread,
    spreads_by_dimension,
)


def test_the_overall_score_is_the_mean_of_the_levels() -> None:
    assert overall_score([3, 2, 2, 3, 2, 4, 1]) == pytest.approx(17 / 7)


def test_an_assessment_with_an_unanswered_dimension_has_no_overall_score() -> None:
    assert overall_score([3, None, 2]) is None
    assert overall_score([]) is None


def test_quartiles_interpolate_between_levels() -> None:
    result = spread([1, 2, 3, 4])

    assert result is not None
    assert (result.lower_quartile, result.median, result.upper_quartile) == (1.75, 2.5, 3.25)
    assert result.count == 4
    assert spread([]) is None


def test_spreads_are_given_per_dimension_and_for_the_overall_score() -> None:
    per_dimension, overall = spreads_by_dimension([[1, 5], [3, 5], [5, 5]], 2)

    assert [s.median for s in per_dimension if s] == [3.0, 5.0]
    assert overall is not None
    assert overall.median == 4.0


def test_levels_are_counted_per_dimension() -> None:
    assert level_counts([[1, 2], [1, 5]], 2) == [[2, 0, 0, 0, 0], [0, 1, 0, 0, 1]]


def test_the_largest_gaps_are_the_dimensions_furthest_below_the_median() -> None:
    gaps = largest_gaps([1, 3, 2, 4, 2], [3.0, 3.0, 3.5, 2.0, 3.0])

    assert [(g.position, g.size) for g in gaps] == [(0, 2.0), (2, 1.5), (4, 1.0)]


def test_only_dimensions_below_the_median_are_gaps() -> None:
    assert largest_gaps([3, 3], [3.0, None]) == []
