"""k-means clustering, silhouettes and the agreement of two partitions.

Small, vectorised building blocks for :mod:`radslag.decide.opinions.groups`, usable on any
points: cluster them (:func:`kmeans`), judge a clustering (:func:`silhouette_score`), and
compare two partitions of the same people (:func:`adjusted_rand_index`), for instance opinion
groups against municipality segments.

Shapes
------
``points``  (n, dimensions) finite coordinates
``labels``  (n,) non-negative integer cluster of each point
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from radslag.decide.validation import FloatArray, IntArray, as_float_array, require_positive_int

# Rows of the pairwise distance matrix computed at a time for silhouettes (about 16 MB).
_DISTANCE_VALUES: Final = 2**21


@dataclass(frozen=True)
class Clustering:
    """A k-means partition: a label per point, the centres and the within-cluster sum of squares."""

    labels: IntArray
    centres: FloatArray
    inertia: float


def kmeans(points: npt.ArrayLike, k: int, seed: int = 0, n_init: int = 4) -> Clustering:
    """Partition points into ``k`` clusters by Lloyd's algorithm from k-means++ starts.

    Runs ``n_init`` times from independent k-means++ seeds and keeps the partition with the
    smallest within-cluster sum of squares. A cluster that empties is restarted at the point
    farthest from its centre.

    Raises
    ------
    ValueError
        If ``points`` is not a finite non-empty matrix, ``k`` exceeds the number of points, or
        ``k`` or ``n_init`` is not a positive integer.

    References
    ----------
    Lloyd, S. P. (1982). Least squares quantization in PCM. *IEEE Transactions on
    Information Theory* 28(2), 129-137.
    Arthur, D. and Vassilvitskii, S. (2007). k-means++: the advantages of careful seeding.
    *Proceedings of SODA 2007*, 1027-1035.
    """
    data = _points(points)
    require_positive_int("k", k)
    require_positive_int("n_init", n_init)
    if k > data.shape[0]:
        raise ValueError(f"k: cannot make {k} clusters of {data.shape[0]} points")
    rng = np.random.default_rng(seed)
    runs = [_lloyd(data, _kmeans_plus_plus(data, k, rng)) for _ in range(n_init)]
    return min(runs, key=lambda run: run.inertia)


def silhouette_score(
    points: npt.ArrayLike, labels: npt.ArrayLike, sample_size: int | None = None, seed: int = 0
) -> float:
    """Mean silhouette of a partition: near 1 for tight, well separated clusters.

    For each point, ``(b - a) / max(a, b)`` with ``a`` its mean distance to the rest of its
    cluster and ``b`` its smallest mean distance to another cluster; 0 for a point alone in
    its cluster. With ``sample_size``, the mean is taken over that many points drawn without
    replacement (seeded), each point's silhouette still exact against all points, so the
    estimate is unbiased at ``sample_size / n`` of the cost.

    Raises
    ------
    ValueError
        If ``points`` is not a finite non-empty matrix, ``labels`` does not give one
        non-negative integer per point, there are fewer than 2 clusters, or ``sample_size``
        is not a positive integer.

    References
    ----------
    Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the interpretation and
    validation of cluster analysis. *Journal of Computational and Applied Mathematics* 20,
    53-65.
    """
    return float(_mean_silhouettes(points, [("labels", labels)], sample_size, seed)[0])


def silhouette_scores(
    points: npt.ArrayLike,
    labelings: Sequence[npt.ArrayLike],
    sample_size: int | None = None,
    seed: int = 0,
) -> FloatArray:
    """Mean silhouette of several partitions of the same points, sharing the distance work.

    Choosing k compares one clustering per candidate; the pairwise distances, the expensive
    part, are computed once for all of them. See :func:`silhouette_score`.

    Raises
    ------
    ValueError
        As :func:`silhouette_score`, naming ``labelings[i]``, or if ``labelings`` is empty.
    """
    if len(labelings) == 0:
        raise ValueError("labelings: give at least one labeling")
    named = [(f"labelings[{i}]", labels) for i, labels in enumerate(labelings)]
    return _mean_silhouettes(points, named, sample_size, seed)


def adjusted_rand_index(first: npt.ArrayLike, second: npt.ArrayLike) -> float:
    """Agreement of two partitions of the same people, corrected for chance: 1 identical, ~0 random.

    Useful to ask how far opinion groups follow the council's segments. Two partitions that
    both put everyone together count as identical (1.0).

    Raises
    ------
    ValueError
        If either labeling is empty, not one integer per person, or they differ in length.

    References
    ----------
    Hubert, L. and Arabie, P. (1985). Comparing partitions. *Journal of Classification* 2,
    193-218.
    """
    a = _partition("first", first, None)
    b = _partition("second", second, None)
    if a.shape[0] != b.shape[0]:
        raise ValueError(f"lengths do not match: first={a.shape[0]}, second={b.shape[0]}")
    if a.shape[0] < 2:
        return 1.0
    width = int(b.max()) + 1
    cells = np.bincount(a * width + b, minlength=(int(a.max()) + 1) * width)
    table = cells.reshape(-1, width).astype(np.float64)

    def pairs(counts: FloatArray) -> float:
        return float(np.sum(counts * (counts - 1.0)) / 2.0)

    together = pairs(table)
    rows, columns = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * columns / pairs(np.array([float(a.shape[0])]))
    best = (rows + columns) / 2.0
    if best == expected:
        return 1.0
    return (together - expected) / (best - expected)


def _mean_silhouettes(
    points: npt.ArrayLike,
    named_labelings: list[tuple[str, npt.ArrayLike]],
    sample_size: int | None,
    seed: int,
) -> FloatArray:
    data = _points(points)
    codes = [_partition(name, labels, data.shape[0]) for name, labels in named_labelings]
    for (name, _), labels in zip(named_labelings, codes, strict=True):
        if labels.max() < 1:
            raise ValueError(f"{name}: a silhouette needs at least 2 clusters")
    if sample_size is not None:
        require_positive_int("sample_size", sample_size)
    return _silhouettes(data, codes, _scored_points(data.shape[0], sample_size, seed))


def _kmeans_plus_plus(data: FloatArray, k: int, rng: np.random.Generator) -> FloatArray:
    n = data.shape[0]
    centres = np.empty((k, data.shape[1]))
    centres[0] = data[rng.integers(n)]
    nearest = np.sum((data - centres[0]) ** 2, axis=1)
    for index in range(1, k):
        total = nearest.sum()
        # With every point on a centre already, any point is as good as another.
        chosen = rng.integers(n) if total <= 0 else rng.choice(n, p=nearest / total)
        centres[index] = data[chosen]
        nearest = np.minimum(nearest, np.sum((data - centres[index]) ** 2, axis=1))
    return centres


def _lloyd(data: FloatArray, centres: FloatArray, max_iterations: int = 300) -> Clustering:
    k = centres.shape[0]
    labels = np.full(data.shape[0], -1, dtype=np.int64)
    for _ in range(max_iterations):
        distances = _squared_distances(data, centres)
        new_labels = np.argmin(distances, axis=1)
        nearest = distances[np.arange(data.shape[0]), new_labels]
        counts = np.bincount(new_labels, minlength=k)
        for empty in np.flatnonzero(counts == 0):
            far = int(np.argmax(nearest))
            new_labels[far], nearest[far] = empty, 0.0
        counts = np.bincount(new_labels, minlength=k)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        sums = np.stack(
            [np.bincount(labels, weights=data[:, d], minlength=k) for d in range(data.shape[1])],
            axis=1,
        )
        # A cluster can only stay empty if the farthest point was itself alone; keep its centre.
        centres = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centres)
    inertia = float(np.sum((data - centres[labels]) ** 2))
    return Clustering(labels=labels, centres=centres, inertia=inertia)


def _squared_distances(first: FloatArray, second: FloatArray) -> FloatArray:
    """Squared distances of every row of ``first`` to every row of ``second``.

    Summed coordinate by coordinate rather than as ``|x|^2 + |y|^2 - 2 x.y``: the points here
    have two or three coordinates, so this costs no more, and it is exactly zero for equal
    points instead of rounding noise whose square root would distort silhouettes.
    """
    squared = np.zeros((first.shape[0], second.shape[0]))
    for dimension in range(first.shape[1]):
        difference = first[:, dimension, None] - second[None, :, dimension]
        squared += difference * difference
    return squared


def _silhouettes(data: FloatArray, labelings: list[IntArray], scored: IntArray) -> FloatArray:
    """Mean silhouette over the ``scored`` points of several labelings of the same points.

    Each scored point's silhouette is exact, against all points; the labelings share the
    distance computation.
    """
    n = data.shape[0]
    sizes = [int(labels.max()) + 1 for labels in labelings]
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    # One indicator column per (labeling, cluster): a block of distance rows times this matrix
    # gives each point's summed distance to every cluster of every labeling in one product.
    indicator = np.zeros((n, int(offsets[-1])))
    for labels, offset in zip(labelings, offsets[:-1], strict=True):
        indicator[np.arange(n), offset + labels] = 1.0
    counts = indicator.sum(axis=0)
    totals = np.zeros(len(labelings))
    step = max(1, _DISTANCE_VALUES // n)
    for start in range(0, scored.size, step):
        rows = scored[start : start + step]
        summed = np.sqrt(_squared_distances(data[rows], data)) @ indicator
        for index, (labels, offset, size) in enumerate(
            zip(labelings, offsets[:-1], sizes, strict=True)
        ):
            totals[index] += _silhouette_sum(
                summed[:, offset : offset + size], counts[offset : offset + size], labels[rows]
            )
    silhouettes: FloatArray = totals / scored.size
    return silhouettes


def _silhouette_sum(summed: FloatArray, cluster_sizes: FloatArray, own: IntArray) -> float:
    """Sum of silhouettes of a block of points, from their summed distances to each cluster."""
    here = np.arange(own.size)
    own_size = cluster_sizes[own]
    within = summed[here, own] / np.maximum(own_size - 1.0, 1.0)
    means = summed / np.maximum(cluster_sizes, 1.0)
    means[here, own] = np.inf
    means[:, cluster_sizes == 0] = np.inf
    between = means.min(axis=1)
    spread = np.maximum(within, between)
    score = np.divide(between - within, spread, out=np.zeros_like(spread), where=spread > 0)
    # Rousseeuw's convention: a point alone in its cluster has silhouette 0.
    return float(np.sum(np.where(own_size > 1, score, 0.0)))


def _scored_points(n: int, sample_size: int | None, seed: int) -> IntArray:
    if sample_size is None or sample_size >= n:
        return np.arange(n, dtype=np.int64)
    chosen = np.random.default_rng(seed).choice(n, size=sample_size, replace=False)
    return np.sort(chosen).astype(np.int64)


def _points(values: npt.ArrayLike) -> FloatArray:
    data = as_float_array("points", values, ndim=2)
    if data.size == 0:
        raise ValueError("points: must not be empty")
    return data


def _partition(name: str, values: npt.ArrayLike, n_points: int | None) -> IntArray:
    array = np.asarray(values)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name}: expected a non-empty label per point, got shape {array.shape}")
    if n_points is not None and array.shape[0] != n_points:
        raise ValueError(f"{name}: expected {n_points} labels, got {array.shape[0]}")
    if not np.issubdtype(array.dtype, np.integer) or array.min() < 0:
        raise ValueError(f"{name}: expected non-negative integer labels")
    _, codes = np.unique(array, return_inverse=True)
    dense: IntArray = codes.astype(np.int64).ravel()
    return dense
