"""Themes: texts grouped by what they are about, and the words that name each group.

:func:`cluster_themes` partitions a :mod:`radslag.decide.text.normalisation` matrix (or embeddings)
into
themes; :func:`theme_labels` names each theme by its most distinctive words.

Shapes
------
``matrix``  (texts, terms) sparse TF-IDF or (texts, d) embeddings
``labels``  (texts,) theme of each text, ``0 .. themes - 1``, the largest theme first
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt
import scipy.sparse

from radslag.decide.clustering import kmeans, silhouette_score
from radslag.decide.text.normalisation import TextMatrix, as_text_matrix, unit_rows
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

# Term weights are sharpened from idf to idf**3 before clustering. Needs share a lot of
# phrasing ("Vi behöver stöd för att …", "… för att spara tid") that, at plain idf, forms
# groups of its own across themes; stressing the rarer, topical terms lets the groups follow
# the topic. Plain idf suits duplicates (see text_duplicates) and is what the matrix holds.
_IDF_SHARPENING: Final = 2.0
# Dimensions kept by the truncated SVD: twice the themes sought, at least this many.
_MIN_DIMENSIONS: Final = 20
# When the number of themes is chosen automatically: the most tried, and the sample size
# the silhouettes are computed on.
_MAX_AUTOMATIC_THEMES: Final = 30
_SILHOUETTE_SAMPLE: Final = 2_000
# k-means restarts: at least 8, more for small collections, where they cost nothing and a
# handful of texts can trap a single run.
_RESTARTS: Final = 8
_RESTART_BUDGET: Final = 2_000
# How much higher another number of themes' mean silhouette must be to replace the earlier
# number when continuing a clustering (silhouettes of these texts lie around 0.05-0.2).
_KEEP_NUMBER_MARGIN: Final = 0.01
# Matrices up to this many cells are decomposed exactly; larger ones by random projection.
_EXACT_SVD_CELLS: Final = 250_000


def cluster_themes(
    matrix: TextMatrix,
    n_themes: int | None = None,
    seed: int = 0,
    previous: npt.ArrayLike | None = None,
) -> IntArray:
    """Partition texts into themes; ``n_themes=None`` chooses their number.

    Latent semantic analysis followed by spherical k-means. For a sparse TF-IDF matrix the
    term weights are first sharpened (idf cubed in all) so that topical words outweigh
    shared phrasing; embeddings are used as given. Rows are reduced by a truncated SVD to
    ``max(20, 2 * n_themes)`` dimensions (randomised for large matrices), scaled to unit
    length and clustered by cosine with spherical k-means from at least 8 greedy k-means++
    starts, keeping the tightest. The automatic number of themes, from 2 to ``sqrt(n / 2)``
    but at most 30, is the one whose clustering of a sample of 2 000 texts has the highest
    mean cosine silhouette. Labels are numbered by theme size, largest first; the same input
    and ``seed`` give the same labels.

    ``previous`` (texts,), each text's theme in an earlier clustering or ``-1``, continues
    that clustering: k-means starts once from the centres of the earlier themes (the largest
    ones if fewer are wanted, greedy k-means++ centres added if more), so that a handful of
    new texts moves few others. Chosen automatically, the number of themes stays the earlier
    one unless another number's silhouette beats it by more than 0.01.

    Raises
    ------
    ValueError
        If ``matrix`` is not a non-empty finite two-dimensional matrix, or ``n_themes`` is
        not a positive integer no larger than the number of texts.

    References
    ----------
    Deerwester, S. et al. (1990). Indexing by latent semantic analysis. *Journal of the
    American Society for Information Science* 41(6), 391-407.
    Dhillon, I. S. and Modha, D. S. (2001). Concept decompositions for large sparse text
    data using clustering. *Machine Learning* 42, 143-175.
    Halko, N., Martinsson, P.-G. and Tropp, J. A. (2011). Finding structure with randomness.
    *SIAM Review* 53(2), 217-288.
    Arthur, D. and Vassilvitskii, S. (2007). k-means++: the advantages of careful seeding.
    *Proceedings of SODA 2007*, 1027-1035 (the greedy variant in their section 6).
    Grunau, C., Özüdoğru, A. A., Rozhoň, V. and Tětek, J. (2023). A nearly tight analysis of
    greedy k-means++. *Proceedings of SODA 2023*, 1012-1070.
    Rousseeuw, P. J. (1987). Silhouettes. *Journal of Computational and Applied Mathematics*
    20, 53-65.
    Mardia, K. V., Kent, J. T. and Bibby, J. M. (1979). *Multivariate Analysis*, p. 365.
    Academic Press.
    """
    data = as_text_matrix("matrix", matrix)
    n = data.shape[0]
    if n_themes is not None:
        require_positive_int("n_themes", n_themes)
        if n_themes > n:
            raise ValueError(f"n_themes: cannot make {n_themes} themes of {n} texts")
    earlier = _earlier_labels(previous, n)
    if n_themes == 1 or n < 3:
        return np.zeros(n, dtype=np.int64)
    rng = np.random.default_rng(seed)
    most = n_themes if n_themes is not None else _most_automatic_themes(n)
    had = np.unique(earlier[earlier >= 0]).size
    if n_themes is None and 2 <= had <= n:
        most = max(most, had)
    projected = _project(_sharpened(data), _dimensions(most), rng)
    if n_themes is None:
        n_themes = _best_number_of_themes(projected, most, rng, had if had >= 2 else None)
    points = unit_rows(projected[:, : _dimensions(n_themes)])
    if had:
        starts = _continued_centres(points, earlier, n_themes)
        return _by_size(kmeans(points, n_themes, rng, 1, metric="cosine", starts=starts).labels)
    restarts = max(_RESTARTS, min(10 * _RESTARTS, _RESTART_BUDGET // n))
    return _by_size(kmeans(points, n_themes, rng, restarts, metric="cosine").labels)


def theme_labels(
    matrix: TextMatrix,
    labels: npt.ArrayLike,
    vocabulary: Sequence[str],
    top_n: int = 5,
) -> list[list[str]]:
    """The ``top_n`` most distinctive terms of each theme, by class-based TF-IDF.

    ``matrix`` holds non-negative term weights per text, best word-level counts
    (``TfidfModel.fit(texts, ngrams=None).counts(texts)``), and ``vocabulary`` the label of
    each column (that model's ``forms``, whole words rather than n-grams). A term's weight in
    a theme is its share of the theme's total weight times ``ln(1 + A / f)``, with ``A`` the
    average total weight of a theme and ``f`` the term's total weight in all themes: frequent
    in this theme, rare elsewhere. Element ``t`` of the result names theme ``t``; a theme
    with no terms gets an empty list.

    Raises
    ------
    ValueError
        If ``matrix`` is not a non-empty finite non-negative matrix, ``labels`` is not one
        non-negative integer per row, ``vocabulary`` does not name every column, or
        ``top_n`` is not a positive integer.

    References
    ----------
    Grootendorst, M. (2022). BERTopic: neural topic modeling with a class-based TF-IDF
    procedure. arXiv:2203.05794.
    """
    require_positive_int("top_n", top_n)
    weights = _non_negative(matrix)
    codes = _labels(labels, weights.shape[0])
    if len(vocabulary) != weights.shape[1]:
        raise ValueError(
            f"vocabulary: expected {weights.shape[1]} terms (one per column), got {len(vocabulary)}"
        )
    themes = int(codes.max()) + 1
    membership = scipy.sparse.csr_matrix(
        (np.ones(codes.size), (codes, np.arange(codes.size))), shape=(themes, codes.size)
    )
    per_theme = np.asarray(
        scipy.sparse.csr_matrix(membership @ weights).toarray(), dtype=np.float64
    )
    totals = per_theme.sum(axis=1, keepdims=True)
    share = np.divide(per_theme, totals, out=np.zeros_like(per_theme), where=totals > 0)
    overall = per_theme.sum(axis=0)
    average = float(totals.mean())
    rarity = np.log1p(np.divide(average, overall, out=np.zeros_like(overall), where=overall > 0))
    scores = share * rarity
    named: list[list[str]] = []
    for theme in range(themes):
        present = np.flatnonzero(per_theme[theme] > 0)
        # Ties go to the earlier column, so labels are reproducible.
        ranked = present[np.lexsort((present, -scores[theme, present]))][:top_n]
        named.append([vocabulary[column] for column in ranked])
    return named


def _sharpened(data: TextMatrix) -> TextMatrix:
    if not scipy.sparse.issparse(data):
        return data
    n = data.shape[0]
    frequency = np.bincount(data.indices, minlength=data.shape[1])
    idf = np.log((1.0 + n) / (1.0 + frequency)) + 1.0
    return unit_rows(data @ scipy.sparse.diags(idf**_IDF_SHARPENING))


def _most_automatic_themes(n: int) -> int:
    # The rule of thumb k = sqrt(n / 2) (Mardia, Kent and Bibby, 1979) as a ceiling keeps a
    # handful of texts from being split into pairs, which silhouettes would otherwise favour.
    return max(2, min(_MAX_AUTOMATIC_THEMES, int(np.sqrt(n / 2.0))))


def _dimensions(n_themes: int) -> int:
    return max(_MIN_DIMENSIONS, 2 * n_themes)


def _project(data: TextMatrix, dimensions: int, rng: np.random.Generator) -> FloatArray:
    """Rows projected on the leading singular vectors, scaled by the singular values.

    The columns come in order of singular value, so the first ``d`` of them are the
    projection on ``d`` dimensions.
    """
    n, width = data.shape
    rank = min(n, width)
    if dimensions >= rank or n * width <= _EXACT_SVD_CELLS:
        dense = data.toarray() if scipy.sparse.issparse(data) else data
        u, s, _ = np.linalg.svd(np.asarray(dense, dtype=np.float64), full_matrices=False)
        kept = min(dimensions, rank)
        exact: FloatArray = u[:, :kept] * s[:kept]
        return exact
    return _randomised_svd(data, dimensions, rng)


def _randomised_svd(data: TextMatrix, dimensions: int, rng: np.random.Generator) -> FloatArray:
    """``U * s`` of a rank-``dimensions`` approximation (Halko et al. 2011, algorithm 4.4).

    Ten extra directions and three power iterations; the Gaussian test matrix comes from
    ``rng``, so the result is reproducible.
    """
    width = min(dimensions + 10, min(data.shape))
    sample = data @ rng.standard_normal((data.shape[1], width))
    for _ in range(3):
        sample, _ = np.linalg.qr(sample)
        back, _ = np.linalg.qr(np.asarray(data.T @ sample))
        sample = data @ back
    basis, _ = np.linalg.qr(np.asarray(sample))
    small = np.asarray(data.T @ basis).T
    u, s, _ = np.linalg.svd(small, full_matrices=False)
    projected: FloatArray = (basis @ u[:, :dimensions]) * s[:dimensions]
    return projected


def _best_number_of_themes(
    projected: FloatArray, most: int, rng: np.random.Generator, earlier: int | None = None
) -> int:
    """The number of themes whose clustering has the highest mean silhouette.

    With an ``earlier`` number of themes, that number stands unless another's silhouette is
    higher by more than ``_KEEP_NUMBER_MARGIN``: the silhouettes of neighbouring numbers are
    often within sampling noise of each other, and a theme more or less reshapes the rest.

    Each candidate clusters a fixed sample of at most 2 000 texts in its own projection
    (``max(20, 2k)`` dimensions), as the final clustering will, with two restarts, and is
    judged by the silhouette of that sample. Clustering the sample rather than every text makes
    the choice about five times faster on 10 000 texts and chose as well on the labelled sets
    of ``bench/text_bench.py``.
    """
    n = projected.shape[0]
    sample = np.sort(rng.choice(n, size=min(n, _SILHOUETTE_SAMPLE), replace=False))
    best_k, best_score = 2, -np.inf
    scores: dict[int, float] = {}
    for k in range(2, most + 1):
        points = unit_rows(projected[sample, : _dimensions(k)])
        labels = kmeans(points, k, rng, 2, metric="cosine").labels
        score = scores[k] = silhouette_score(points, labels, metric="cosine")
        if score > best_score + 1e-9:
            best_k, best_score = k, score
    if earlier is not None and best_score <= scores.get(earlier, -np.inf) + _KEEP_NUMBER_MARGIN:
        return earlier
    return best_k


def _earlier_labels(previous: npt.ArrayLike | None, n: int) -> IntArray:
    if previous is None:
        return np.full(n, -1, dtype=np.int64)
    array = np.asarray(previous)
    if array.shape != (n,) or (n and not np.issubdtype(array.dtype, np.integer)):
        raise ValueError(f"previous: expected one integer theme per text ({n}), got {array.shape}")
    if n and array.min() < -1:
        raise ValueError("previous: expected themes numbered from 0, or -1 for none")
    earlier: IntArray = array.astype(np.int64)
    return earlier


def _continued_centres(points: FloatArray, earlier: IntArray, k: int) -> FloatArray:
    """Start centres that continue the earlier themes: their mean directions, largest first;
    k-means seeds the rest."""
    had = earlier >= 0
    found, sizes = np.unique(earlier[had], return_counts=True)
    kept = found[np.argsort(-sizes, kind="stable")][:k]
    sums = np.stack([points[earlier == theme].sum(axis=0) for theme in kept])
    continued: FloatArray = unit_rows(sums)
    return continued


def _by_size(labels: IntArray) -> IntArray:
    """Renumber themes by size, largest first; equal sizes by their first text."""
    found, first, sizes = np.unique(labels, return_index=True, return_counts=True)
    order = np.lexsort((first, -sizes))
    renumber = np.empty(int(found.max()) + 1, dtype=np.int64)
    renumber[found[order]] = np.arange(order.size)
    relabelled: IntArray = renumber[labels]
    return relabelled


def _non_negative(matrix: TextMatrix) -> TextMatrix:
    if scipy.sparse.issparse(matrix):
        data = scipy.sparse.csr_matrix(matrix, dtype=np.float64)
        values = data.data
    else:
        data = np.asarray(matrix, dtype=np.float64) if not isinstance(matrix, str) else None
        if data is None or data.ndim != 2:
            raise ValueError("matrix: expected a two-dimensional matrix of term weights")
        values = data
    if data.shape[0] == 0 or data.shape[1] == 0:
        raise ValueError(f"matrix: must not be empty, got shape {data.shape}")
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError("matrix: expected finite, non-negative term weights")
    return data


def _labels(labels: npt.ArrayLike, n: int) -> IntArray:
    array = np.asarray(labels)
    if array.shape != (n,):
        raise ValueError(f"labels: expected one label per text ({n}), got shape {array.shape}")
    if not np.issubdtype(array.dtype, np.integer) or (array.size and array.min() < 0):
        raise ValueError("labels: expected non-negative integer themes")
    codes: IntArray = array.astype(np.int64)
    return codes
