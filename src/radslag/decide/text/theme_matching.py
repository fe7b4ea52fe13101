"""Themes across recomputations: which new theme continues which old one, and what names it.

:func:`match_themes` pairs the themes of two partitions of (mostly) the same texts by the
overlap of their members, so that a theme keeps its identity when the texts are grouped
again; :func:`representative_texts` finds the texts closest to a theme's centre, whose
titles name the theme in words a person would write.

Shapes
------
``previous``  (texts,) earlier theme of each text, ``0 .. P - 1``, or ``-1`` for none
``current``   (texts,) new theme of each text, ``0 .. C - 1``
``matrix``    (texts, terms) sparse TF-IDF or (texts, d) embeddings
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import scipy.optimize
import scipy.sparse

from radslag.decide.text.normalisation import TextMatrix, as_text_matrix
from radslag.decide.validation import IntArray, require_positive_int

# A new theme continues an old one when they share at least half of the texts either holds
# (Jaccard index >= 0.5): the continuation is then more the old theme than anything else,
# and one old theme split in two equal halves still lives on in one of them.
CONTINUITY_THRESHOLD: Final = 0.5


@dataclass(frozen=True)
class ThemeMatch:
    """Old theme ``previous`` lives on as new theme ``current``; ``overlap`` is their Jaccard."""

    previous: int
    current: int
    overlap: float


def match_themes(
    previous: npt.ArrayLike, current: npt.ArrayLike, threshold: float = CONTINUITY_THRESHOLD
) -> list[ThemeMatch]:
    """Pair old themes with new ones, one to one, by the overlap of their texts.

    The overlap of an old and a new theme is the Jaccard index of their sets of texts
    (shared texts over texts in either); texts without an earlier theme count in the new
    theme's size only. The pairing maximises the summed overlap (the assignment problem,
    solved by ``scipy.optimize.linear_sum_assignment``), and pairs overlapping less than
    ``threshold`` are dropped: that old theme is gone, that new theme is new. Matches come
    sorted by new theme.

    Raises
    ------
    ValueError
        If the two label arrays differ in length or are not integers (``-1`` allowed in
        ``previous`` only), or ``threshold`` is not in (0, 1].

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone. *New Phytologist*
    11(2), 37-50.
    Kuhn, H. W. (1955). The Hungarian method for the assignment problem. *Naval Research
    Logistics Quarterly* 2, 83-97.
    Crouse, D. F. (2016). On implementing 2D rectangular assignment algorithms. *IEEE
    Transactions on Aerospace and Electronic Systems* 52(4), 1679-1696 (the algorithm
    behind ``linear_sum_assignment``).
    """
    old = _codes("previous", previous, allow_missing=True)
    new = _codes("current", current, allow_missing=False)
    if old.shape != new.shape:
        raise ValueError(f"previous and current: expected one label per text each, got "
                         f"{old.size} and {new.size}")  # fmt: skip
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold: expected a number in (0, 1], got {threshold}")
    if new.size == 0 or old.max(initial=-1) < 0:
        return []
    had = old >= 0
    n_old, n_new = int(old.max()) + 1, int(new.max()) + 1
    shared = np.zeros((n_old, n_new))
    np.add.at(shared, (old[had], new[had]), 1.0)
    old_sizes = np.bincount(old[had], minlength=n_old).astype(np.float64)
    new_sizes = np.bincount(new, minlength=n_new).astype(np.float64)
    union = old_sizes[:, None] + new_sizes[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    rows, columns = scipy.optimize.linear_sum_assignment(jaccard, maximize=True)
    matches = [
        ThemeMatch(int(row), int(column), float(jaccard[row, column]))
        for row, column in zip(rows, columns, strict=True)
        if jaccard[row, column] >= threshold
    ]
    return sorted(matches, key=lambda match: match.current)


def representative_texts(
    matrix: TextMatrix, labels: npt.ArrayLike, top_n: int = 5
) -> list[IntArray]:
    """The ``top_n`` texts of each theme closest to its centre, closest first.

    A theme's centre is the mean of its texts' unit rows, so every text weighs the same
    however long it is; closeness is the cosine to that centre. Texts with more than twice
    the theme's median number of terms are passed over unless nothing else is left: a long
    text touches every word of a theme and would otherwise come out as its centre, and its
    title rarely says what the many short ones share. Element ``t`` holds row indices of
    theme ``t``; ties go to the earlier row.

    Raises
    ------
    ValueError
        If ``matrix`` is not a non-empty finite matrix, ``labels`` is not one non-negative
        integer per row, or ``top_n`` is not a positive integer.

    References
    ----------
    Grootendorst, M. (2022). BERTopic: neural topic modeling with a class-based TF-IDF
    procedure. arXiv:2203.05794 (representative documents by similarity to the topic).
    """
    require_positive_int("top_n", top_n)
    data = as_text_matrix("matrix", matrix)
    codes = _codes("labels", labels, allow_missing=False)
    if codes.size != data.shape[0]:
        raise ValueError(f"labels: expected one label per text ({data.shape[0]}), got {codes.size}")
    lengths = (
        np.diff(data.indptr) if scipy.sparse.issparse(data) else np.count_nonzero(data, axis=1)
    ).astype(np.float64)
    found: list[IntArray] = []
    for theme in range(int(codes.max()) + 1):
        members = np.flatnonzero(codes == theme)
        if members.size == 0:
            found.append(np.zeros(0, dtype=np.int64))
            continue
        rows = data[members]
        centre = np.asarray(rows.mean(axis=0)).ravel()
        closeness = np.asarray(rows @ centre).ravel()
        too_long = lengths[members] > 2.0 * np.median(lengths[members])
        order = np.lexsort((members, -closeness, too_long))
        found.append(members[order[:top_n]].astype(np.int64))
    return found


def _codes(name: str, labels: npt.ArrayLike, allow_missing: bool) -> IntArray:
    array = np.asarray(labels)
    if array.ndim != 1 or (array.size and not np.issubdtype(array.dtype, np.integer)):
        raise ValueError(f"{name}: expected a one-dimensional array of integer themes")
    lowest = -1 if allow_missing else 0
    if array.size and array.min() < lowest:
        raise ValueError(f"{name}: expected themes numbered from 0"
                         + (" (or -1 for none)" if allow_missing else ""))  # fmt: skip
    codes: IntArray = array.astype(np.int64)
    return codes
