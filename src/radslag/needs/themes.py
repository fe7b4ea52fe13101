"""Themes of the open submissions: computed from their texts, named by their distinctive words.

Clustering uses :func:`radslag.decide.text_themes.cluster_themes` on character n-gram TF-IDF
and names each theme by class-based TF-IDF over whole words. A label the convener has edited
survives a recomputation: the new theme that shares most of its submissions with the old one
(at least half, by Jaccard index) takes the edited label over.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.decide.text import TfidfModel
from radslag.decide.text_themes import cluster_themes, theme_labels
from radslag.needs.index import need_text
from radslag.needs.models import Need, Theme

# Two themes are "the same" across a recomputation when they share at least this share of
# their members (Jaccard index).
LABEL_CARRY_OVER = 0.5
LABEL_TERMS = 3
# Shorter words ("ge", "nå") are rarely what a theme is about.
MIN_TERM_LENGTH = 3
# Fewer submissions than this give no useful themes.
MIN_NEEDS = 6


@dataclass(frozen=True)
class ThemeSummary:
    needs: int
    themes: int
    labels_kept: int


def label_from_terms(terms: list[str]) -> str:
    """A readable label: the first few distinctive words, the first capitalised."""
    label = ", ".join(terms[:LABEL_TERMS])
    return label[:1].upper() + label[1:]


@transaction.atomic
def compute_themes(n_themes: int | None = None, seed: int = 0) -> ThemeSummary:
    """Group every open submission into themes, replacing the themes there were.

    Merged-away submissions follow the submission they were merged into.
    """
    rows = list(Need.objects.open().order_by("pk").values_list("pk", "title", "text"))
    previous = _previous_members()
    Theme.objects.all().delete()
    if len(rows) < MIN_NEEDS:
        return ThemeSummary(len(rows), 0, 0)
    ids = np.array([pk for pk, _, _ in rows], dtype=np.int64)
    texts = [need_text(title, text) for _, title, text in rows]
    matrix = TfidfModel.fit(texts).transform(texts)
    if n_themes is not None:
        n_themes = min(n_themes, len(rows))
    labels = cluster_themes(matrix, n_themes=n_themes, seed=seed)
    words = TfidfModel.fit(texts, ngrams=None)
    names = [
        [term for term in terms if len(term) >= MIN_TERM_LENGTH][:5]
        for terms in theme_labels(words.counts(texts), labels, words.forms, top_n=10)
    ]
    now = timezone.now()
    kept = 0
    for number, terms in enumerate(names):
        members = set(ids[labels == number].tolist())
        edited = _edited_label(members, previous)
        kept += edited is not None
        theme = Theme.objects.create(
            label=edited or label_from_terms(terms),
            label_edited=edited is not None,
            terms=terms,
            position=number,
            computed_at=now,
        )
        Need.objects.filter(pk__in=members).update(theme=theme)
        Need.objects.filter(merged_into__in=members).update(theme=theme)
    return ThemeSummary(len(rows), len(names), kept)


def _previous_members() -> list[tuple[str, set[int]]]:
    """The edited labels there are now, each with its theme's open submissions."""
    members: dict[int, set[int]] = {}
    for pk, theme in (
        Need.objects.open().filter(theme__label_edited=True).values_list("pk", "theme")
    ):
        members.setdefault(theme, set()).add(pk)
    labels = dict(Theme.objects.filter(pk__in=members).values_list("pk", "label"))
    return [(labels[theme], needs) for theme, needs in members.items()]


def _edited_label(members: set[int], previous: list[tuple[str, set[int]]]) -> str | None:
    best, best_overlap = None, LABEL_CARRY_OVER
    for label, old in previous:
        overlap = len(members & old) / len(members | old)
        if overlap >= best_overlap:
            best, best_overlap = label, overlap
    return best
