"""The area recommender and its leave-one-out measure, on small tables worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from radslag.decide.recommend import (
    AreaWeights,
    Cases,
    area_similarity,
    hit_rate,
    item_based,
    popularity,
    queries,
    recommend_areas,
    top_areas,
)

# Four organisations over three areas: 0 and 1 always go together, 2 stands alone.
TABLE = np.array(
    [
        [1.0, 1.0, 0.0],
        [2.0, 1.0, 0.0],
        [0.0, 0.0, 3.0],
        [1.0, 0.0, 0.0],
    ]
)


def test_popularity_is_the_share_of_all_cases_in_each_area() -> None:
    assert popularity(TABLE) == pytest.approx([4 / 9, 2 / 9, 3 / 9])


def test_areas_worked_in_by_the_same_organisations_are_alike() -> None:
    similarity = area_similarity(TABLE)

    # Areas 0 and 1: two organisations in both, three in 0, two in 1.
    assert similarity[0, 1] == pytest.approx(2 / np.sqrt(3 * 2))
    assert similarity[0, 2] == 0.0
    assert np.diag(similarity).tolist() == [0.0, 0.0, 0.0]


def test_an_organisation_in_area_one_is_recommended_area_zero_by_co_occurrence() -> None:
    scores = item_based([0.0, 1.0, 0.0], area_similarity(TABLE))

    assert scores.tolist() == [1.0, 0.0, 0.0]


def test_the_segment_weight_goes_to_popularity_when_the_organisation_has_no_peers() -> None:
    alone = recommend_areas([0.0, 0.0, 0.0], TABLE, segment=[False] * 4)
    without = recommend_areas([0.0, 0.0, 0.0], TABLE)

    assert alone == pytest.approx(without)
    assert alone == pytest.approx(0.5 * popularity(TABLE))


def test_peers_turn_the_ranking_towards_what_they_do() -> None:
    only_peers = AreaWeights(own=0, item_based=0, segment=1, popularity=0)

    scores = recommend_areas([0.0, 0.0, 0.0], TABLE, [False, False, True, False], only_peers)

    assert top_areas(scores, 1) == [2]


def test_ties_are_broken_by_the_second_key_then_by_the_lower_index() -> None:
    assert top_areas([1.0, 1.0, 1.0], 3, tie_break=[0.0, 2.0, 1.0]) == [1, 2, 0]
    assert top_areas([1.0, 1.0, 0.0], 2) == [0, 1]


def test_it_refuses_a_profile_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="profile: expected 3 areas"):
        recommend_areas([1.0, 0.0], TABLE)


def test_it_refuses_weights_that_are_all_zero() -> None:
    with pytest.raises(ValueError, match="weights"):
        AreaWeights(0, 0, 0, 0)


def _cases() -> Cases:
    # Organisation 0: areas 0, 1; organisation 1: areas 0, 1; organisation 2: area 2 (once).
    return Cases(
        organisation=np.array([0, 0, 1, 1, 2]),
        area=np.array([0, 1, 0, 1, 2]),
        segment=np.array([0, 0, 0, 0, 1]),
        areas=3,
    )


def test_only_organisations_with_two_cases_or_more_are_asked() -> None:
    assert queries(_cases(), one_per_organisation=False).tolist() == [0, 1, 2, 3]
    drawn = queries(_cases(), one_per_organisation=True, seed=1)
    assert len(drawn) == 2
    assert {int(_cases().organisation[i]) for i in drawn} == {0, 1}


def test_co_occurrence_finds_every_hidden_area_at_one_where_popularity_cannot() -> None:
    cases = _cases()
    hidden = queries(cases, one_per_organisation=False)
    co_occurrence = AreaWeights(own=0, item_based=1, segment=0, popularity=0)

    learned = hit_rate(cases, hidden, lambda p, t, m: recommend_areas(p, t, m, co_occurrence), 1)
    popular = hit_rate(cases, hidden, lambda p, t, m: popularity(t), 1)

    assert (learned.hits, learned.queries) == (4, 4)
    # Without the hidden case, its area has one case fewer than the other of the pair, so
    # popularity always puts the other first.
    assert popular.hits == 0


def test_new_areas_only_asks_about_areas_the_organisation_does_not_work_in() -> None:
    cases = Cases(
        organisation=np.array([0, 0, 1]),
        area=np.array([0, 0, 1]),
        segment=np.array([0, 0, 0]),
        areas=2,
    )

    result = hit_rate(cases, [0, 1], lambda p, t, m: popularity(t), 1, new_areas_only=True)

    assert result.queries == 0
    assert result.rate == 0.0
