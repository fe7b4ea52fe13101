"""The use cases most like a given case or text: embeddings and full text, fused by rank.

Two rankings are made: by cosine similarity of multilingual embeddings (finds the same idea in
another language or other words) and by full-text rank (finds shared names and terms). They
are combined by reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each case scores
the sum of 1 / (k + rank) over the rankings it appears in. A case without a cached vector can
still be found through its words.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from radslag.register import embeddings, search
from radslag.register.embeddings import Encoder
from radslag.register.models import UseCase
from radslag.register.solutions import first_of_each, solutions

RRF_K = 60
CANDIDATES = 50


@dataclass(frozen=True)
class SimilarCase:
    case: UseCase
    score: float
    semantic_rank: int | None
    text_rank: int | None


@dataclass(frozen=True)
class SimilarResult:
    matches: list[SimilarCase]
    cases_with_vectors: int
    cases_total: int


def fuse(rankings: Sequence[Sequence[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: ids with their fused score, best first, ties by id."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def similar_to_case(
    case: UseCase,
    visible: Collection[int] | None = None,
    limit: int = 10,
    encoder: Encoder | None = None,
) -> SimilarResult:
    """Cases like ``case`` (never itself), among ``visible`` ids if given."""
    encoder = encoder or embeddings.default_encoder()
    index = embeddings.vector_index(encoder)
    semantic: list[int] = []
    if len(index.ids):
        vector = embeddings.passage_vector(case.embedding_text(), encoder)
        semantic = _semantic(index, vector)
    text = " ".join(part for part in (case.title, case.summary, case.keywords) if part)
    lexical = search.ranked_ids(text, search.Match.ANY, limit=CANDIDATES + 1)
    return _result(semantic, lexical, index, visible, limit, exclude=case.pk)


def similar_to_text(
    text: str,
    visible: Collection[int] | None = None,
    limit: int = 10,
    encoder: Encoder | None = None,
) -> SimilarResult:
    """Cases like a free text, in any language the model knows."""
    encoder = encoder or embeddings.default_encoder()
    index = embeddings.vector_index(encoder)
    semantic: list[int] = []
    # No vectors yet: skip loading the model for a ranking that would be empty.
    if len(index.ids) and text.strip():
        semantic = _semantic(index, embeddings.query_vector(text.strip(), encoder))
    lexical = search.ranked_ids(text, search.Match.ANY, limit=CANDIDATES)
    return _result(semantic, lexical, index, visible, limit, exclude=None)


def _semantic(index: embeddings.VectorIndex, vector: embeddings.Vector) -> list[int]:
    rows = embeddings.top_rows(index.scores(vector), CANDIDATES + 1)
    return [int(index.ids[row]) for row in rows]


def _result(
    semantic: list[int],
    lexical: list[int],
    index: embeddings.VectorIndex,
    visible: Collection[int] | None,
    limit: int,
    exclude: int | None,
) -> SimilarResult:
    def keep(ids: list[int]) -> list[int]:
        return [i for i in ids if i != exclude and (visible is None or i in visible)]

    semantic, lexical = keep(semantic)[:CANDIDATES], keep(lexical)[:CANDIDATES]
    # Each solution once: its best-ranked case stands for the municipalities that share it,
    # and the case's own solution is not "similar" to it.
    grouping = solutions()
    fused = fuse([semantic, lexical])
    firsts = set(first_of_each([pk for pk, _ in fused], grouping))
    own = grouping.leader.get(exclude) if exclude is not None else None
    fused = [
        (pk, score)
        for pk, score in fused
        if pk in firsts and (own is None or grouping.leader.get(pk) != own)
    ][:limit]
    cases = UseCase.objects.select_related("organisation").in_bulk([pk for pk, _ in fused])
    semantic_rank = {pk: rank for rank, pk in enumerate(semantic, start=1)}
    text_rank = {pk: rank for rank, pk in enumerate(lexical, start=1)}
    matches = [
        SimilarCase(cases[pk], score, semantic_rank.get(pk), text_rank.get(pk))
        for pk, score in fused
        if pk in cases
    ]
    return SimilarResult(matches, len(index.ids), index.total)
