"""k-means clustering, silhouettes and the agreement of two partitions.

Small, vectorised building blocks for :mod:`radslag.decide.opinions.groups` (Euclidean
coordinates) and :mod:`radslag.decide.text.themes` (texts as unit vectors, by cosine), usable
on any points: cluster them (:func:`kmeans`), judge a clustering (:func:`silhouette_score`), and
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
from typing import Final, Literal, get_args

import numpy as np
import numpy.typing as npt
import scipy.sparse

from radslag.decide.validation import FloatArray, IntArray, as_float_array, require_positive_int

# Rows of the pairwise distance matrix computed at a time for silhouettes (about 16 MB).
_DISTANCE_VALUES: Final = 2**21
_MAX_ITERATIONS: Final = 300

Metric = Literal["euclidean", "cosine"]
METRICS: Final = get_args(Metric)


@dataclass(frozen=True)
class Clustering:
    """A k-means partition: a label per point, the centres and how far the points lie from
    their centres in all (squared distances, or one minus the cosines)."""

    labels: IntArray
    centres: FloatArray
    inertia: float


def kmeans(
    points: npt.ArrayLike,
    k: int,
    seed: int | np.random.Generator = 0,
    n_init: int = 4,
    *,
    metric: Metric = "euclidean",
    starts: npt.ArrayLike | None = None,
) -> Clustering:
    """Partition points into ``k`` clusters by Lloyd's algorithm from k-means++ starts.

    Runs ``n_init`` times from independent seeds and keeps the partition whose points lie
    closest to their centres in all (``inertia``). Each seed is greedy k-means++: every new
    centre is the best of ``2 + ln k`` candidates drawn in proportion to their squared distance
    from the centres so far (one draw per step often merges two clusters and splits a third).
    A cluster that empties is restarted at the point farthest from its centre.

    ``metric="euclidean"`` (opinion groups on a few coordinates) is plain k-means: squared
    distances, centres at the mean. ``metric="cosine"`` is spherical k-means for rows of unit
    length (texts): a point goes to the centre of largest cosine, a centre is its cluster's mean
    direction, and ``inertia`` sums one minus each point's cosine. ``starts`` gives the first
    run's first centres (a continued clustering's), the rest seeded as above. ``seed`` may be
    a generator, which the runs draw from in turn.

    Raises
    ------
    ValueError
        If ``points`` is not a finite non-empty matrix, ``k`` exceeds the number of points,
        ``k`` or ``n_init`` is not a positive integer, ``metric`` is unknown, or ``starts`` has
        more than ``k`` rows or another number of columns than ``points``.

    References
    ----------
    Lloyd, S. P. (1982). Least squares quantization in PCM. *IEEE Transactions on
    Information Theory* 28(2), 129-137.
    Arthur, D. and Vassilvitskii, S. (2007). k-means++: the advantages of careful seeding.
    *Proceedings of SODA 2007*, 1027-1035.
    Dhillon, I. S. and Modha, D. S. (2001). Concept decompositions for large sparse text data
    using clustering. *Machine Learning* 42, 143-175.
    """
    data = _points(points)
    require_positive_int("k", k)
    require_positive_int("n_init", n_init)
    if k > data.shape[0]:
        raise ValueError(f"k: cannot make {k} clusters of {data.shape[0]} points")
    if metric not in METRICS:
        raise ValueError(f"metric: expected one of {', '.join(METRICS)}, got {metric!r}")
    given = None if starts is None else as_float_array("starts", starts, ndim=2)
    if given is not None and (given.shape[0] > k or given.shape[1] != data.shape[1]):
        raise ValueError(f"starts: expected at most {k} rows of {data.shape[1]}, got {given.shape}")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    best: Clustering | None = None
    for run in range(n_init):
        centres = _seeds(data, k, rng, metric, given if run == 0 else None)
        result = _lloyd(data, centres, metric)
        if best is None or result.inertia < best.inertia:
            best = result
    assert best is not None
    return best


def silhouette_score(
    points: npt.ArrayLike,
    labels: npt.ArrayLike,
    sample_size: int | None = None,
    seed: int = 0,
    *,
    metric: Metric = "euclidean",
) -> float:
    """Mean silhouette of a partition: near 1 for tight, well separated clusters.

    For each point, ``(b - a) / max(a, b)`` with ``a`` its mean distance to the rest of its
    cluster and ``b`` its smallest mean distance to another cluster; 0 for a point alone in
    its cluster. With ``sample_size``, the mean is taken over that many points drawn without
    replacement (seeded), each point's silhouette still exact against all points, so the
    estimate is unbiased at ``sample_size / n`` of the cost. Distances are Euclidean, or one
    minus the cosine with ``metric="cosine"`` (rows of unit length).

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
    return float(_mean_silhouettes(points, [("labels", labels)], sample_size, seed, metric)[0])


def silhouette_scores(
    points: npt.ArrayLike,
    labelings: Sequence[npt.ArrayLike],
    sample_size: int | None = None,
    seed: int = 0,
    *,
    metric: Metric = "euclidean",
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
    return _mean_silhouettes(points, named, sample_size, seed, metric)


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
    metric: Metric = "euclidean",
) -> FloatArray:
    if metric not in METRICS:
        raise ValueError(f"metric: expected one of {', '.join(METRICS)}, got {metric!r}")
    data = _points(points)
    codes = [_partition(name, labels, data.shape[0]) for name, labels in named_labelings]
    for (name, _), labels in zip(named_labelings, codes, strict=True):
        if labels.max() < 1:
            raise ValueError(f"{name}: a silhouette needs at least 2 clusters")
    if sample_size is not None:
        require_positive_int("sample_size", sample_size)
    return _silhouettes(data, codes, _scored_points(data.shape[0], sample_size, seed), metric)


def _seeds(
    data: FloatArray,
    k: int,
    rng: np.random.Generator,
    metric: Metric,
    given: FloatArray | None = None,
) -> FloatArray:
    """Greedy k-means++ centres, after the ``given`` ones if any."""
    n = data.shape[0]
    tries = 2 + int(np.log(k))
    centres = np.empty((k, data.shape[1]))
    first = 0 if given is None else given.shape[0]
    if given is None or first == 0:
        centres[0] = data[rng.integers(n)]
        first = 1
    else:
        centres[:first] = given
    nearest = np.min(_squared_metric(data, centres[:first], metric), axis=1)
    for index in range(first, k):
        total = nearest.sum()
        # With every point on a centre already, any point is as good as another.
        candidates = (
            rng.integers(n, size=tries)
            if total <= 0
            else rng.choice(n, size=tries, p=nearest / total)
        )
        improved = np.minimum(nearest[None, :], _squared_metric(data[candidates], data, metric))
        best = int(np.argmin(improved.sum(axis=1)))
        centres[index] = data[candidates[best]]
        nearest = improved[best]
    return centres


def _lloyd(data: FloatArray, centres: FloatArray, metric: Metric) -> Clustering:
    k = centres.shape[0]
    labels = np.full(data.shape[0], -1, dtype=np.int64)
    for _ in range(_MAX_ITERATIONS):
        new_labels, distance = _assigned(data, centres, metric)
        for empty in np.flatnonzero(np.bincount(new_labels, minlength=k) == 0):
            far = int(np.argmax(distance))
            new_labels[far], distance[far] = empty, 0.0
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        centres = _centres(data, labels, k, centres, metric)
    if metric == "cosine":
        inertia = float(data.shape[0] - np.sum(np.max(data @ centres.T, axis=1)))
    else:
        inertia = float(np.sum((data - centres[labels]) ** 2))
    return Clustering(labels=labels, centres=centres, inertia=inertia)


def _assigned(data: FloatArray, centres: FloatArray, metric: Metric) -> tuple[IntArray, FloatArray]:
    """Each point's nearest centre and its distance from it."""
    here = np.arange(data.shape[0])
    if metric == "cosine":
        cosines = data @ centres.T
        labels: IntArray = np.argmax(cosines, axis=1).astype(np.int64)
        return labels, 1.0 - cosines[here, labels]
    squared = _squared_distances(data, centres)
    labels = np.argmin(squared, axis=1).astype(np.int64)
    return labels, squared[here, labels]


def _centres(
    data: FloatArray, labels: IntArray, k: int, previous: FloatArray, metric: Metric
) -> FloatArray:
    """Each cluster's mean, or mean direction; an empty cluster keeps its previous centre."""
    membership = scipy.sparse.csr_matrix(
        (np.ones(labels.size), (labels, np.arange(labels.size))), shape=(k, labels.size)
    )
    sums = np.asarray(membership @ data)
    counts = np.bincount(labels, minlength=k).astype(np.float64)
    empty = counts == 0
    if metric == "cosine":
        sums[empty] = previous[empty]
        lengths = np.linalg.norm(sums, axis=1, keepdims=True)
        directions: FloatArray = np.divide(
            sums, lengths, out=np.zeros_like(sums), where=lengths > 0
        )
        return directions
    means: FloatArray = np.where(empty[:, None], previous, sums / np.maximum(counts, 1.0)[:, None])
    return means


def _squared_metric(first: FloatArray, second: FloatArray, metric: Metric) -> FloatArray:
    """Squared distances of every row of ``first`` to every row of ``second``: k-means++
    draws in proportion to them."""
    if metric == "cosine":
        squared: FloatArray = np.maximum(1.0 - first @ second.T, 0.0) ** 2
        return squared
    return _squared_distances(first, second)


def _distances(first: FloatArray, second: FloatArray, metric: Metric) -> FloatArray:
    if metric == "cosine":
        distances: FloatArray = np.maximum(1.0 - first @ second.T, 0.0)
        return distances
    rooted: FloatArray = np.sqrt(_squared_distances(first, second))
    return rooted


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


def _silhouettes(
    data: FloatArray, labelings: list[IntArray], scored: IntArray, metric: Metric
) -> FloatArray:
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
        summed = _distances(data[rows], data, metric) @ indicator
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
