"""Near-duplicate texts: all similar pairs of a collection, and the nearest to a new text.

Similarity is the cosine of two rows of a :mod:`radslag.decide.text.normalisation` matrix:
character n-gram
TF-IDF, or multilingual embeddings when the caller has them. Only detection lives here; what
to do with a pair (merge two needs, add support to one) is decided in the web layer.

Shapes
------
``matrix``  (texts, terms) sparse TF-IDF or (texts, d) embeddings; rows are scaled to unit
            length here, so a raw matrix is fine
``query``   one text's row: (terms,) or (1, terms), sparse or dense
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
import scipy.sparse

from radslag.decide.text.normalisation import TextMatrix, as_text_matrix
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

#: The cosine above which two needs are proposed as near-duplicates. Chosen on the labelled
#: example data of ``radslag demo-data`` (1 500 texts, character 3-5-grams; see
#: ``bench/text_bench.py``), where it gives the best F1 between precision and recall of
#: paraphrases with synonyms, typos and split compounds against needs that share half their
#: content. On a collection where most texts have duplicates a lower threshold finds more.
DUPLICATE_THRESHOLD: Final = 0.7

# Similarities are computed in row blocks of at most this many values (64 MB in float32).
_BLOCK_VALUES: Final = 2**24
# The common terms go into a dense matrix of at most this many values (256 MB in float32).
_DENSE_VALUES: Final = 2**26
# A multiply-add of the sparse product costs about as much as this many dense ones, since it
# also builds an output entry (measured with scipy 1.17 and OpenBLAS on the bench set).
_SPARSE_STEP_COST: Final = 256.0


def near_duplicates(
    matrix: TextMatrix, threshold: float = DUPLICATE_THRESHOLD
) -> list[tuple[int, int, float]]:
    """Every pair of texts at least ``threshold`` similar, most similar first.

    Each pair appears once as ``(i, j, similarity)`` with ``i < j``; ties are ordered by
    ``i`` then ``j``. Exact: every pair is compared, in blocks of rows against the rows
    after them. Text collections share their frequent n-grams ("ing ", " för") in almost
    every pair, so a purely sparse product would build an almost dense result slowly; the
    frequent terms are therefore multiplied as a dense matrix (BLAS) and only the rarer ones
    as sparse, with the split chosen to minimise the estimated work. Similarities are exact
    to about 1e-6 (single precision).

    Raises
    ------
    ValueError
        If ``matrix`` is not a non-empty finite two-dimensional matrix or ``threshold`` is
        not in (0, 1].

    References
    ----------
    Bayardo, R. J., Ma, Y. and Srikant, R. (2007). Scaling up all pairs similarity search.
    *Proceedings of WWW 2007*, 131-140 (on why all-pairs search is dominated by frequent
    features).
    """
    data = as_text_matrix("matrix", matrix)
    _check_threshold(threshold)
    first, second, similarity = _pairs_above(data, threshold)
    order = np.lexsort((second, first, -similarity))
    return [
        (int(i), int(j), float(s))
        for i, j, s in zip(first[order], second[order], similarity[order], strict=True)
    ]


def nearest(query: TextMatrix, matrix: TextMatrix, k: int = 5) -> list[tuple[int, float]]:
    """The ``k`` rows of ``matrix`` most similar to ``query``, as ``(row, similarity)``.

    Meant for the check when a need is submitted: vectorise the new text with the
    same :class:`radslag.decide.text.normalisation.TfidfModel` (or embedding model) as the
    stored ones and show the closest. Rows with no similarity at all are left out, so fewer
    than ``k`` may come back. Most similar first, ties by row.

    Raises
    ------
    ValueError
        If ``query`` is not one row as wide as ``matrix``, either holds NaN or infinite
        values, or ``k`` is not a positive integer.
    """
    require_positive_int("k", k)
    data = as_text_matrix("matrix", matrix)
    row = as_text_matrix("query", _as_row(query))
    if row.shape != (1, data.shape[1]):
        raise ValueError(
            f"query: expected one row of {data.shape[1]} values, got shape {row.shape}"
        )
    vector = np.asarray(row.toarray() if scipy.sparse.issparse(row) else row).ravel()
    scores = np.asarray(data @ vector, dtype=np.float64).ravel()
    candidates = np.flatnonzero(scores > 0)
    if candidates.size > k:
        candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
    ranked = candidates[np.lexsort((candidates, -scores[candidates]))]
    return [(int(index), min(float(scores[index]), 1.0)) for index in ranked]


def _pairs_above(data: TextMatrix, threshold: float) -> tuple[IntArray, IntArray, FloatArray]:
    common, rare = _split_by_frequency(data)
    n = common.shape[0]
    rows_per_block = max(1, _BLOCK_VALUES // n)
    firsts, seconds, values = [], [], []
    for start in range(0, n, rows_per_block):
        stop = min(n, start + rows_per_block)
        # Rows start..stop against rows start..n: the upper triangle, block by block.
        block = common[start:stop] @ common[start:].T
        if rare is not None:
            partial = (rare[start:stop] @ rare[start:].T).tocoo()
            # A sparse product has one entry per (row, column), so plain indexing adds right.
            block[partial.row, partial.col] += partial.data.astype(np.float32)
        local_row, local_column = np.nonzero(block >= threshold)
        above = local_column > local_row
        local_row, local_column = local_row[above], local_column[above]
        firsts.append(local_row + start)
        seconds.append(local_column + start)
        values.append(np.minimum(block[local_row, local_column].astype(np.float64), 1.0))
    first: IntArray = np.concatenate(firsts).astype(np.int64)
    second: IntArray = np.concatenate(seconds).astype(np.int64)
    similarity: FloatArray = np.concatenate(values)
    return first, second, similarity


def _split_by_frequency(data: TextMatrix) -> tuple[npt.NDArray[np.float32], TextMatrix]:
    """The most frequent columns as a dense float32 matrix, the rest as sparse (or None)."""
    if not scipy.sparse.issparse(data):
        return np.asarray(data, dtype=np.float32), None
    n, width = data.shape
    frequency = np.bincount(data.indices, minlength=width).astype(np.float64)
    by_frequency = np.argsort(-frequency, kind="stable")
    squares = frequency[by_frequency] ** 2
    # Work with the first ``dense`` columns dense: n * n * dense for them, the sum of squared
    # document frequencies (the sparse product's multiply-adds) for the rest.
    remaining = np.concatenate([np.cumsum(squares[::-1])[::-1], [0.0]])
    work = float(n) * n * np.arange(width + 1) + _SPARSE_STEP_COST * remaining
    most = min(width, max(0, _DENSE_VALUES // n))
    dense = int(np.argmin(work[: most + 1]))
    common = np.asarray(data[:, by_frequency[:dense]].toarray(), dtype=np.float32)
    if dense == width:
        return common, None
    rare = scipy.sparse.csr_matrix(data[:, by_frequency[dense:]])
    return common, rare


def _as_row(query: TextMatrix) -> TextMatrix:
    if scipy.sparse.issparse(query):
        return query
    array = np.asarray(query)
    return array.reshape(1, -1) if array.ndim == 1 else array


def _check_threshold(threshold: float) -> None:
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float | np.floating)
        or not 0.0 < float(threshold) <= 1.0
    ):
        raise ValueError(f"threshold: expected a number in (0, 1], got {threshold!r}")
