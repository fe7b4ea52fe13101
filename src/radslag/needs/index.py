"""The text index of open submissions: near-duplicates on submit, and search.

Character n-gram TF-IDF (:mod:`radslag.decide.text.normalisation`) over the text of every open
submission,
kept in memory per process and brought up to date on use. Duplicates are judged on the text
alone: a title repeats the text's task and object, which two different needs often share, and
on the labelled example data adding it halves the precision. Search reads title and text.

Adding or editing a few submissions transforms only those with the model already fitted (a
full refit of 10 000 takes seconds, a transform milliseconds); the model is refitted when more
than a tenth of the texts are new or changed since the fit, so its idf never drifts far.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import scipy.sparse

from radslag.core.text_limits import bounded
from radslag.decide.text.duplicates import DUPLICATE_THRESHOLD, nearest
from radslag.decide.text.normalisation import TfidfModel, fold, normalise, search_stems
from radslag.needs.models import Need

_REFIT_SHARE = 0.1
# Texts compared with the index at once: a block of scores is this many rows by every need.
_BLOCK_ROWS = 200


def need_text(title: str, text: str) -> str:
    """A submission's title and text as one, for themes and for finding solutions."""
    return f"{title.strip()}. {text.strip()}"


@dataclass(frozen=True)
class NeedIndex:
    ids: np.ndarray  # (n,) int64 need ids, row order of ``matrix``
    matrix: Any  # (n, terms) CSR, unit rows
    model: TfidfModel | None  # None while there are no submissions
    searchable: tuple[str, ...]  # title and text per row, normalised, without diacritics
    stamps: dict[int, datetime]  # updated_at per id, to see what changed
    fitted_on: int  # number of texts the model was fitted on

    def row_of(self, need_id: int) -> int | None:
        rows = np.flatnonzero(self.ids == need_id)
        return int(rows[0]) if len(rows) else None


_cache: dict[str, NeedIndex] = {}
_lock = threading.Lock()


def need_index(using: str = "default") -> NeedIndex:
    """The index of open submissions as they are in the database now."""
    current = dict(Need.objects.using(using).open().values_list("pk", "updated_at"))
    with _lock:
        cached = _cache.get(using)
        if cached is not None and cached.stamps == current:
            return cached
        index = _updated(cached, current, using)
        _cache[using] = index
        return index


def _updated(cached: NeedIndex | None, current: dict[int, datetime], using: str) -> NeedIndex:
    if not current:
        return NeedIndex(np.zeros(0, np.int64), None, None, (), {}, 0)
    changed = [
        pk for pk, stamp in current.items() if cached is None or cached.stamps.get(pk) != stamp
    ]
    if cached is None or cached.model is None or len(changed) > _REFIT_SHARE * cached.fitted_on:
        return _built(current, using)
    unchanged = current.keys() - set(changed)
    kept_rows = [row for row, pk in enumerate(cached.ids.tolist()) if pk in unchanged]
    texts = _texts(changed, using)
    new_rows = cached.model.transform([texts[pk][1] for pk in changed])
    matrix = scipy.sparse.vstack([cached.matrix[kept_rows], new_rows], format="csr")
    ids = np.concatenate([cached.ids[kept_rows], np.array(changed, dtype=np.int64)])
    searchable = tuple(cached.searchable[row] for row in kept_rows) + tuple(
        fold(normalise(need_text(*texts[pk]))) for pk in changed
    )
    return NeedIndex(ids, matrix, cached.model, searchable, current, cached.fitted_on)


def _built(current: dict[int, datetime], using: str) -> NeedIndex:
    ids = sorted(current)
    texts = _texts(ids, using)
    bodies = [texts[pk][1] for pk in ids]
    model = TfidfModel.fit(bodies)
    return NeedIndex(
        np.array(ids, dtype=np.int64),
        model.transform(bodies),
        model,
        tuple(fold(normalise(need_text(*texts[pk]))) for pk in ids),
        current,
        len(ids),
    )


def _texts(ids: list[int], using: str) -> dict[int, tuple[str, str]]:
    rows = Need.objects.using(using).filter(pk__in=ids).values_list("pk", "title", "text")
    # A text stored before the limits held may be far longer than any allowed now; the index
    # reads no more of it than of the longest allowed one.
    return {
        pk: (bounded(title), bounded(text)) for pk, title, text in rows.iterator(chunk_size=2000)
    }


@dataclass(frozen=True)
class SimilarNeed:
    need: Need
    similarity: float


def similar_needs(
    title: str,
    text: str,
    exclude: int | None = None,
    limit: int = 5,
    threshold: float = DUPLICATE_THRESHOLD,
    using: str = "default",
) -> list[SimilarNeed]:
    """Open submissions at least ``threshold`` similar to a text, closest first.

    The title is read only when there is no text yet.
    """
    index = need_index(using)
    body = bounded(text.strip() or title.strip())
    if index.model is None or not body:
        return []
    query = index.model.transform([body])
    found = nearest(query, index.matrix, k=limit + 1)
    wanted = [
        (int(index.ids[row]), similarity)
        for row, similarity in found
        if similarity >= threshold and int(index.ids[row]) != exclude
    ][:limit]
    needs = (
        Need.objects.using(using).select_related("municipality").in_bulk([pk for pk, _ in wanted])
    )
    return [SimilarNeed(needs[pk], similarity) for pk, similarity in wanted if pk in needs]


def similar_needs_of_many(
    texts: Sequence[str],
    limit: int = 5,
    threshold: float = DUPLICATE_THRESHOLD,
    using: str = "default",
) -> list[list[SimilarNeed]]:
    """For each text, the open submissions at least ``threshold`` similar to it, closest first.

    What :func:`similar_needs` finds for one text, for the thousands of rows of an upload at
    once: the index is read once and the texts compared in blocks of rows (one text at a
    time took half a minute for a thousand).
    """
    index = need_index(using)
    if index.model is None or not texts:
        return [[] for _ in texts]
    found: list[list[tuple[int, float]]] = []
    bodies = [bounded(text.strip()) for text in texts]
    for start in range(0, len(bodies), _BLOCK_ROWS):
        scores = index.model.transform(bodies[start : start + _BLOCK_ROWS]) @ index.matrix.T
        for row in np.asarray(scores.toarray()):
            above = np.flatnonzero(row >= threshold)
            best = above[np.lexsort((above, -row[above]))][:limit]
            found.append([(int(index.ids[j]), min(float(row[j]), 1.0)) for j in best])
    wanted = {pk for matches in found for pk, _ in matches}
    needs = Need.objects.using(using).select_related("municipality").in_bulk(list(wanted))
    return [
        [SimilarNeed(needs[pk], similarity) for pk, similarity in matches if pk in needs]
        for matches in found
    ]


def search_ids(query: str, using: str = "default") -> list[int]:
    """Ids of open submissions containing every word of ``query``, closest match first.

    A word matches by its stem anywhere in the text, so "taligenkänning" finds
    "taligenkänningen" and "äldreomsorg" finds "äldreomsorgens"; the order is the n-gram
    cosine of the whole query, which ranks texts that share more of it higher.
    """
    index = need_index(using)
    # Stemmed and folded as the register's search is, so "aldreomsorg" finds "äldreomsorgen".
    stems = [stem for stem in search_stems(query) if stem]
    if index.model is None or not stems:
        return []
    rows = [
        row
        for row, searchable in enumerate(index.searchable)
        if all(stem in searchable for stem in stems)
    ]
    if not rows:
        return []
    scores = np.asarray(index.matrix[rows] @ index.model.transform([query]).T.toarray()).ravel()
    order = np.lexsort((index.ids[rows], -scores))
    return [int(index.ids[rows][position]) for position in order]
