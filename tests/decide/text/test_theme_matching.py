"""Themes across recomputations: matching old to new by overlap, and representative texts."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse

from radslag.decide.clustering import adjusted_rand_index
from radslag.decide.text.normalisation import TfidfModel
from radslag.decide.text.theme_matching import (
    CONTINUITY_THRESHOLD,
    ThemeMatch,
    match_themes,
    representative_texts,
)
from radslag.decide.text.themes import cluster_themes


def test_the_same_partition_numbered_otherwise_matches_theme_for_theme() -> None:
    previous = [0, 0, 0, 1, 1, 2, 2, 2]
    current = [2, 2, 2, 0, 0, 1, 1, 1]
    assert match_themes(previous, current) == [
        ThemeMatch(1, 0, 1.0),
        ThemeMatch(2, 1, 1.0),
        ThemeMatch(0, 2, 1.0),
    ]


def test_new_texts_lower_the_overlap_but_keep_the_match() -> None:
    # Four old texts and two new ones in one theme: Jaccard 4/6.
    matches = match_themes([0, 0, 0, 0, -1, -1], [0, 0, 0, 0, 0, 0])
    assert matches == [ThemeMatch(0, 0, pytest.approx(4 / 6))]


def test_an_overlap_below_the_threshold_makes_a_new_theme_and_ends_the_old() -> None:
    # The old theme of six is spread over three new ones: at most 2/6 overlap each.
    previous = [0, 0, 0, 0, 0, 0]
    current = [0, 0, 1, 1, 2, 2]
    assert CONTINUITY_THRESHOLD == 0.5
    assert match_themes(previous, current) == []
    assert match_themes(previous, current, threshold=1 / 3) != []


def test_an_old_theme_split_in_equal_halves_lives_on_in_one_of_them() -> None:
    matches = match_themes([0, 0, 0, 0], [0, 0, 1, 1])
    assert len(matches) == 1
    assert matches[0].previous == 0
    assert matches[0].overlap == 0.5


def test_the_matching_maximises_the_summed_overlap_where_greedy_would_not() -> None:
    # Overlaps: old 0 with new 0 and 1: 1/5, 1/3; old 1 with new 0 and 1: 1/3, 3/7. Taking
    # the largest pair first (1, 1) leaves (0, 0): 0.63 in all; the crossed pairs sum to 0.67.
    # (At the threshold of 0.5 the two only differ on ties, such as a theme split in halves.)
    previous = [1, 0, 0, 1, 1, 0, 1, 1]
    current = [1, 1, 1, 1, 0, 0, 1, 0]
    matches = match_themes(previous, current, threshold=0.01)
    assert {(match.previous, match.current) for match in matches} == {(0, 1), (1, 0)}
    assert sum(match.overlap for match in matches) == pytest.approx(2 / 3)


def test_texts_without_an_earlier_theme_match_nothing() -> None:
    assert match_themes([-1, -1, -1], [0, 0, 1]) == []
    assert match_themes([], []) == []


@pytest.mark.parametrize(
    ("previous", "current", "threshold", "message"),
    [
        ([0, 1], [0], 0.5, "one label per text"),
        ([0.5, 1], [0, 1], 0.5, "integer"),
        ([0, 1], [-1, 0], 0.5, "numbered from 0"),
        ([0, -2], [0, 0], 0.5, "or -1"),
        ([0, 0], [0, 0], 0.0, "threshold"),
    ],
)
def test_bad_arguments_are_refused_with_their_name(
    previous: list[float], current: list[int], threshold: float, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        match_themes(previous, current, threshold)


def test_the_representative_text_is_nearest_the_centre_and_a_long_text_is_passed_over() -> None:
    rows = np.array(
        [
            [1.0, 0.0, 0.0, 0.0, 0.0],
            [1.0, 1.0, 0.0, 0.0, 0.0],
            [1.0, 0.2, 0.0, 0.0, 0.0],
            # Touches every word of the theme: nearest the centre, but five terms where
            # the others have one or two.
            [1.0, 1.0, 1.0, 1.0, 1.0],
            [0.0, 0.0, 0.0, 0.0, 1.0],
        ]
    )
    labels = [0, 0, 0, 0, 1]
    found = representative_texts(scipy.sparse.csr_matrix(rows), labels, top_n=4)
    assert found[0].tolist() == [2, 1, 0, 3]
    assert found[1].tolist() == [4]
    assert representative_texts(rows, labels, top_n=1)[0].tolist() == [2]


def test_a_theme_number_with_no_texts_has_no_representatives() -> None:
    found = representative_texts(np.eye(2), [0, 2])
    assert [f.tolist() for f in found] == [[0], [], [1]]


def planted_texts() -> list[str]:
    topics = (
        "taligenkänning dokumentation hemtjänsten omsorgen",
        "läckor vattenledningar sensorer avloppsnätet",
        "fakturor inköp leverantörer attest",
        "elever undervisningen återkoppling matematik",
    )
    extras = ("snabbare", "enklare", "säkrare", "billigare", "bättre", "tryggare", "smartare")
    return [f"{topic} {extra} {i}" for topic in topics for i, extra in enumerate(extras * 2)]


def test_continuing_a_clustering_from_its_own_result_changes_nothing() -> None:
    texts = planted_texts()
    matrix = TfidfModel.fit(texts).transform(texts)
    first = cluster_themes(matrix, seed=0)
    again = cluster_themes(matrix, seed=5, previous=first)
    assert adjusted_rand_index(first, again) == 1.0


def test_a_few_new_texts_move_no_earlier_text_to_another_theme() -> None:
    texts = planted_texts()
    first = cluster_themes(TfidfModel.fit(texts).transform(texts), n_themes=4, seed=0)
    # Two long texts that mix every topic.
    grown = [*texts, " ".join(texts), " ".join(texts[::2])]
    previous = np.concatenate([first, [-1, -1]])
    again = cluster_themes(TfidfModel.fit(grown).transform(grown), seed=1, previous=previous)
    assert adjusted_rand_index(first, again[: len(texts)]) == 1.0


def test_an_earlier_clustering_must_give_one_theme_per_text() -> None:
    with pytest.raises(ValueError, match="previous"):
        cluster_themes(np.eye(3), previous=[0, 1])
    with pytest.raises(ValueError, match="previous"):
        cluster_themes(np.eye(3), previous=[0, 1, -2])
