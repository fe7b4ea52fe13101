"""From a need to the use cases that may answer it and the municipalities to call.

Two rankings of the register's use cases are fused by reciprocal rank
(:func:`radslag.register.similar.fuse`):

- character n-gram TF-IDF with Swedish stemming (:mod:`radslag.decide.text.normalisation`) over
each case's
  title, summary, description, purpose and keywords, so that "taligenkänning i hemtjänsten"
  meets "taligenkänningen inom hemtjänst"; only cases at least :data:`MIN_TEXT_SIMILARITY`
  similar count, so a need does not drag in cases that share a word or two;
- where the cases have embeddings (:mod:`radslag.register.embeddings`), cosine similarity of
  the multilingual vectors, which also finds the European cases written in other languages.

Cases in the need's application area get a small bonus, since a need in elderly care is rarely
answered by a case in water supply. For every case found, the municipalities that run it in
production are listed, so a municipality that has not started sees whom to call.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Count, Max

from radslag.core.text_limits import bounded
from radslag.decide.text.duplicates import nearest
from radslag.decide.text.normalisation import TfidfModel, normalise
from radslag.municipalities.models import Municipality
from radslag.register import embeddings
from radslag.register.choices import Stage
from radslag.register.embeddings import Encoder
from radslag.register.models import UseCase
from radslag.register.similar import fuse

# A case in the need's own area gets this bonus on the fused score, about the difference
# between rank 1 and rank 10 in one ranking of the reciprocal-rank fusion.
SAME_AREA_BONUS = 0.0025
CANDIDATES = 30
# Below this n-gram cosine a case shares little more than common words with the need (the
# similarity of unrelated Swedish needs and cases is mostly under 0.1 on the example data).
MIN_TEXT_SIMILARITY = 0.12
MIN_SEMANTIC_SIMILARITY = 0.8  # e5 vectors: unrelated texts still score about 0.7


@dataclass(frozen=True)
class Solution:
    case: UseCase
    score: float
    in_production: list[Municipality] = field(default_factory=list)


@dataclass(frozen=True)
class Solutions:
    cases: list[Solution]

    @property
    def municipalities_in_production(self) -> list[Municipality]:
        """Every municipality running one of the cases in production, once, by name."""
        seen: dict[str, Municipality] = {}
        for solution in self.cases:
            for municipality in solution.in_production:
                seen.setdefault(municipality.code, municipality)
        return sorted(seen.values(), key=lambda m: m.name)


@dataclass(frozen=True)
class _CaseIndex:
    ids: np.ndarray
    areas: tuple[str, ...]
    model: TfidfModel | None
    matrix: Any


_cache: dict[str, tuple[tuple[object, ...], _CaseIndex]] = {}
_lock = threading.Lock()


def _case_text(*parts: str) -> str:
    return bounded("\n".join(part for part in parts if part))


def case_index(using: str = "default") -> _CaseIndex:
    """The n-gram index of every use case; rebuilt when a case is added, changed or removed."""
    state = tuple(
        UseCase.objects.using(using).aggregate(n=Count("pk"), last=Max("updated_at")).values()
    )
    with _lock:
        cached = _cache.get(using)
        if cached is not None and cached[0] == state:
            return cached[1]
        rows = list(
            UseCase.objects.using(using)
            .order_by("pk")
            .values_list("pk", "area", "title", "summary", "description", "goal", "keywords")
        )
        texts = [_case_text(*row[2:]) for row in rows]
        model = TfidfModel.fit(texts) if texts else None
        index = _CaseIndex(
            np.array([row[0] for row in rows], dtype=np.int64),
            tuple(row[1] for row in rows),
            model,
            model.transform(texts) if model is not None else None,
        )
        _cache[using] = (state, index)
        return index


def solutions(
    text: str,
    area: str = "",
    visible: Collection[int] | None = None,
    limit: int = 6,
    encoder: Encoder | None = None,
) -> Solutions:
    """The use cases most likely to answer ``text``, best first, with who runs them.

    Reads at most :data:`~radslag.core.text_limits.SIMILARITY_READ` characters of ``text``, so a
    page shows them in bounded time however long a text stored before the limits is.
    """
    text = bounded(text)
    if not text.strip():
        return Solutions([])
    index = case_index()
    allowed = (lambda pk: pk in visible) if visible is not None else (lambda pk: True)
    rankings = [_by_text(index, text, allowed)]
    rankings.append(_by_meaning(text, allowed, encoder))
    area_of = dict(zip(index.ids.tolist(), index.areas, strict=True))
    fused = sorted(
        fuse(rankings),
        key=lambda item: (
            -(item[1] + (SAME_AREA_BONUS if area and area_of.get(item[0]) == area else 0))
        ),
    )
    cases = UseCase.objects.select_related("organisation").in_bulk([pk for pk, _ in fused])
    producers = _producers([cases[pk] for pk, _ in fused if pk in cases])
    # The same solution registered by several municipalities is shown once, with all of them.
    found: dict[str, Solution] = {}
    for pk, score in fused:
        if pk not in cases:
            continue
        case = cases[pk]
        key = normalise(case.summary or case.title)
        if key in found:
            found[key].in_production.extend(producers.get(pk, []))
        elif len(found) < limit:
            found[key] = Solution(case, score, list(producers.get(pk, [])))
    for solution in found.values():
        unique = {m.code: m for m in solution.in_production}
        solution.in_production[:] = sorted(unique.values(), key=lambda m: m.name)
    return Solutions(list(found.values()))


def _by_text(index: _CaseIndex, text: str, allowed: Any) -> list[int]:
    if index.model is None:
        return []
    found = nearest(index.model.transform([text]), index.matrix, k=CANDIDATES * 4)
    ranked = [int(index.ids[row]) for row, similarity in found if similarity >= MIN_TEXT_SIMILARITY]
    return [pk for pk in ranked if allowed(pk)][:CANDIDATES]


def _by_meaning(text: str, allowed: Any, encoder: Encoder | None) -> list[int]:
    encoder = encoder or embeddings.default_encoder()
    vectors = embeddings.vector_index(encoder)
    if not len(vectors.ids):
        return []  # no vectors yet: do not load the model for an empty ranking
    scores = vectors.scores(embeddings.query_vector(text.strip(), encoder))
    rows = embeddings.top_rows(scores, CANDIDATES * 4)
    ranked = [int(vectors.ids[row]) for row in rows if scores[row] >= MIN_SEMANTIC_SIMILARITY]
    return [pk for pk in ranked if allowed(pk)][:CANDIDATES]


def _producers(cases: list[UseCase]) -> dict[int, list[Municipality]]:
    """Municipalities running each case in production: the owner and the participants."""
    running = [case for case in cases if case.stage == Stage.IN_PRODUCTION]
    through: Any = UseCase.participants.through
    participants: dict[int, list[Municipality]] = {}
    links = through.objects.filter(usecase_id__in=[c.pk for c in running]).select_related(
        "municipality"
    )
    for link in links:
        participants.setdefault(link.usecase_id, []).append(link.municipality)
    result: dict[int, list[Municipality]] = {}
    for case in running:
        owners = [case.organisation] if case.organisation is not None else []
        members = {m.code: m for m in [*owners, *participants.get(case.pk, [])]}
        result[case.pk] = sorted(members.values(), key=lambda m: m.name)
    return result
