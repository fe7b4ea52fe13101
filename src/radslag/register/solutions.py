"""Use cases that are one solution run by several municipalities, shown as one entry.

Two cases are the same solution when they have the same title and supplier (compared without
case, punctuation or diacritics), or when their descriptions are near-duplicates (character
n-gram TF-IDF cosine at least ``SAME_DESCRIPTION``, the measure the needs use for duplicates).
Grouping is transitive (union-find). Descriptions are compared among Swedish cases only:
the European reference cases are each one organisation's own, and comparing all 2 000 of
them on every change would cost seconds.

The grouping is kept in memory per process and computed anew when any case changes, as the
needs' text index is.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max

from radslag.decide.text.duplicates import near_duplicates
from radslag.decide.text.normalisation import TfidfModel, fold, normalise
from radslag.register.countries import SWEDEN
from radslag.register.models import UseCase

SAME_DESCRIPTION = 0.8
# Shorter descriptions say too little to tell two solutions apart.
MIN_DESCRIPTION = 80
# The part of a description compared: enough to recognise a text, bounded in cost.
DESCRIPTION_PREFIX = 2000


@dataclass(frozen=True)
class Solutions:
    stamp: tuple[int, datetime | None]
    leader: dict[int, int]
    """Each case's group, named by its smallest case id."""
    members: dict[int, list[int]] = field(default_factory=dict)
    """Each group's case ids, ascending."""

    def group_of(self, case_id: int) -> list[int]:
        return self.members.get(self.leader.get(case_id, case_id), [case_id])


_cache: dict[str, Solutions] = {}
_lock = threading.Lock()


def solutions(using: str = "default") -> Solutions:
    cases = UseCase.objects.using(using)
    numbers = cases.aggregate(count=Count("pk"), changed=Max("updated_at"))
    stamp = (int(numbers["count"]), numbers["changed"])
    with _lock:
        cached = _cache.get(using)
        if cached is not None and cached.stamp == stamp:
            return cached
    computed = _grouped(stamp, using)
    with _lock:
        _cache[using] = computed
    return computed


def _grouped(stamp: tuple[int, datetime | None], using: str) -> Solutions:
    rows = list(
        UseCase.objects.using(using)
        .order_by("pk")
        .values_list("pk", "title", "supplier", "description", "country")
    )
    parent = {pk: pk for pk, *_rest in rows}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    def join(first: int, second: int) -> None:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_name: dict[tuple[str, str], int] = {}
    for pk, title, supplier, _description, _country in rows:
        key = (fold(normalise(title or "")), fold(normalise(supplier or "")))
        if key[0]:
            join(by_name.setdefault(key, pk), pk)
    described = [
        (pk, description[:DESCRIPTION_PREFIX])
        for pk, _title, _supplier, description, country in rows
        if country == SWEDEN and len(description or "") >= MIN_DESCRIPTION
    ]
    if len(described) > 1:
        texts = [text for _pk, text in described]
        matrix = TfidfModel.fit(texts).transform(texts)
        for i, j, _similarity in near_duplicates(matrix, SAME_DESCRIPTION):
            join(described[i][0], described[j][0])
    members: dict[int, list[int]] = defaultdict(list)
    leader = {}
    for pk, *_rest in rows:
        leader[pk] = root(pk)
        members[leader[pk]].append(pk)
    return Solutions(stamp, leader, dict(members))


def first_of_each(case_ids: list[int], grouping: Solutions) -> list[int]:
    """The ids in order, keeping each solution's first (best-ranked) case only."""
    seen: set[int] = set()
    kept = []
    for pk in case_ids:
        group = grouping.leader.get(pk, pk)
        if group not in seen:
            seen.add(group)
            kept.append(pk)
    return kept
