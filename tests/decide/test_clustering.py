"""k-means, silhouettes and the adjusted Rand index."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from radslag.decide.clustering import (
    adjusted_rand_index,
    kmeans,
    silhouette_score,
    silhouette_scores,
)

point_sets = st.tuples(st.integers(3, 40), st.integers(1, 3)).flatmap(
    lambda shape: arrays(np.float64, shape, elements=st.floats(-10.0, 10.0))
)
labelings = st.integers(1, 30).flatmap(
    lambda n: st.tuples(
        arrays(np.int64, n, elements=st.integers(0, 4)),
        arrays(np.int64, n, elements=st.integers(0, 4)),
    )
)


def blobs(centres: list[tuple[float, float]], n_each: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.vstack([rng.normal(centre, 0.3, size=(n_each, 2)) for centre in centres])


def naive_silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    distances = np.linalg.norm(points[:, None] - points[None, :], axis=2)
    scores = []
    for i, own in enumerate(labels):
        mates = (labels == own) & (np.arange(len(labels)) != i)
        if not mates.any():
            scores.append(0.0)
            continue
        a = distances[i, mates].mean()
        b = min(distances[i, labels == other].mean() for other in set(labels) - {own})
        scores.append((b - a) / max(a, b) if max(a, b) > 0 else 0.0)
    return float(np.mean(scores))


def naive_rand_index(first: np.ndarray, second: np.ndarray) -> tuple[int, int, int, int]:
    """Pair counts: together in both, in first only, in second only, in neither."""
    counts = [0, 0, 0, 0]
    for i, j in combinations(range(len(first)), 2):
        a, b = first[i] == first[j], second[i] == second[j]
        counts[0 if a and b else 1 if a else 2 if b else 3] += 1
    return counts[0], counts[1], counts[2], counts[3]


def test_it_recovers_well_separated_blobs() -> None:
    points = blobs([(0, 0), (5, 5), (0, 5)], 30)
    truth = np.repeat([0, 1, 2], 30)

    result = kmeans(points, 3, seed=1)

    assert adjusted_rand_index(truth, result.labels) == 1.0


@settings(max_examples=40, deadline=None)
@given(point_sets, st.integers(1, 3), st.integers(0, 1000))
def test_it_stops_at_a_lloyd_fixed_point(points: np.ndarray, k: int, seed: int) -> None:
    result = kmeans(points, k, seed=seed)

    distances = np.linalg.norm(points[:, None] - result.centres[None], axis=2)
    np.testing.assert_allclose(
        distances[np.arange(len(points)), result.labels], distances.min(axis=1), atol=1e-9
    )
    for cluster in np.unique(result.labels):
        np.testing.assert_allclose(
            result.centres[cluster], points[result.labels == cluster].mean(axis=0), atol=1e-9
        )
    assert result.inertia == pytest.approx(float(np.sum(distances.min(axis=1) ** 2)))


def test_it_is_reproducible_from_its_seed() -> None:
    points = np.random.default_rng(0).random((200, 2))

    assert kmeans(points, 4, seed=9).labels.tolist() == kmeans(points, 4, seed=9).labels.tolist()


@settings(max_examples=30, deadline=None)
@given(point_sets, st.data())
def test_it_computes_the_exact_silhouette_of_rousseeuw(
    points: np.ndarray, data: st.DataObject
) -> None:
    labels = data.draw(arrays(np.int64, len(points), elements=st.integers(0, 2)), label="labels")
    if len(np.unique(labels)) < 2:
        labels[0] = (labels[1] + 1) % 3

    assert silhouette_score(points, labels) == pytest.approx(
        naive_silhouette(points, labels), abs=1e-7
    )


def test_it_estimates_the_silhouette_from_a_sample_without_bias() -> None:
    points = blobs([(0, 0), (2, 2)], 400)
    labels = kmeans(points, 2).labels

    exact = silhouette_score(points, labels)
    sampled = [silhouette_score(points, labels, sample_size=200, seed=s) for s in range(10)]

    assert np.mean(sampled) == pytest.approx(exact, abs=0.01)
    assert silhouette_scores(points, [labels, labels])[1] == pytest.approx(exact)


@settings(max_examples=60, deadline=None)
@given(labelings)
def test_it_computes_the_adjusted_rand_index_of_hubert_and_arabie(
    pair: tuple[np.ndarray, np.ndarray],
) -> None:
    first, second = pair
    together, only_first, only_second, neither = naive_rand_index(first, second)
    total = together + only_first + only_second + neither
    rows, columns = together + only_first, together + only_second
    expected_index = rows * columns / total if total else 0.0
    best = (rows + columns) / 2
    expected = (
        1.0 if best == expected_index else (together - expected_index) / (best - expected_index)
    )

    assert adjusted_rand_index(first, second) == pytest.approx(expected, abs=1e-12)
    assert adjusted_rand_index(second, first) == pytest.approx(expected, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(labelings, st.permutations(range(5)))
def test_it_gives_one_for_the_same_partition_under_other_names(
    pair: tuple[np.ndarray, np.ndarray], names: list[int]
) -> None:
    labels, _ = pair

    assert adjusted_rand_index(labels, np.asarray(names)[labels]) == 1.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: kmeans([[0.0], [1.0]], 3), "k: cannot make 3 clusters"),
        (lambda: kmeans([[0.0], [np.nan]], 1), "points: contains NaN"),
        (lambda: kmeans(np.zeros((0, 2)), 1), "points: must not be empty"),
        (lambda: kmeans([[0.0]], 0), "k: expected a positive integer"),
        (lambda: silhouette_score([[0.0], [1.0]], [0, 0]), "labels: a silhouette needs"),
        (lambda: silhouette_score([[0.0], [1.0]], [0]), "labels: expected 2 labels"),
        (lambda: silhouette_score([[0.0], [1.0]], [0, 1], sample_size=0), "sample_size"),
        (lambda: silhouette_scores([[0.0], [1.0]], []), "labelings: give at least one"),
        (lambda: adjusted_rand_index([0, 1], [0]), "lengths do not match"),
        (lambda: adjusted_rand_index([0, -1], [0, 1]), "first: expected non-negative"),
        (lambda: adjusted_rand_index([], []), "first: expected a non-empty"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]


def unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_by_cosine_it_groups_directions_whatever_the_lengths_were() -> None:
    rng = np.random.default_rng(4)
    directions = unit(rng.normal(size=(3, 20)))
    truth = np.repeat(np.arange(3), 40)
    points = unit(directions[truth] * rng.uniform(1, 50, (120, 1)) + rng.normal(0, 0.3, (120, 20)))

    result = kmeans(points, 3, seed=2, metric="cosine")

    assert adjusted_rand_index(truth, result.labels) == 1.0
    np.testing.assert_allclose(np.linalg.norm(result.centres, axis=1), 1.0)
    cosines = points @ result.centres.T
    assert result.inertia == pytest.approx(float(np.sum(1.0 - cosines.max(axis=1))))


def test_the_cosine_silhouette_is_rousseeuws_on_one_minus_the_cosine() -> None:
    rng = np.random.default_rng(5)
    points = unit(rng.normal(size=(30, 6)))
    labels = np.arange(30) % 3
    distances = np.maximum(1.0 - points @ points.T, 0.0)
    expected = []
    for i in range(30):
        own = labels == labels[i]
        a = distances[i, own].sum() / (own.sum() - 1)
        b = min(distances[i, labels == other].mean() for other in set(labels) - {labels[i]})
        expected.append((b - a) / max(a, b))

    assert silhouette_score(points, labels, metric="cosine") == pytest.approx(np.mean(expected))


def test_the_first_run_starts_from_the_given_centres_and_seeds_the_rest() -> None:
    points = np.array([[0.0, 0.0], [0.1, 0.0], [10.0, 0.0], [10.1, 0.0], [0.0, 10.0]])

    result = kmeans(points, 3, seed=0, n_init=1, starts=[[10.0, 0.0]])

    assert result.labels[2] == result.labels[3] == 0
    assert len(set(result.labels.tolist())) == 3


def test_an_unknown_metric_or_misshapen_starts_are_refused() -> None:
    points = np.zeros((4, 2)) + np.arange(4)[:, None]

    with pytest.raises(ValueError, match="metric: expected one of euclidean, cosine"):
        kmeans(points, 2, metric="manhattan")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="starts: expected at most 2 rows of 2"):
        kmeans(points, 2, starts=np.zeros((3, 2)))
