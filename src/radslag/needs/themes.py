"""Themes of the open submissions: computed from their texts, stable across recomputations.

Clustering uses :func:`radslag.decide.text.themes.cluster_themes` on character n-gram TF-IDF.
Each new group is matched to the themes there were by :func:`radslag.decide.text.theme_matching.
match_themes` (Hungarian matching on the Jaccard overlap of their needs, kept at an overlap of
at least 0.5): a matched group *is* the old theme, with its id, its address and its label,
whether computed or written by the convener. A new group gets a new theme, named by the title
of its most representative need; an old theme that no group continues is retired and points
to the theme that took most of its needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.decide.text.normalisation import TfidfModel
from radslag.decide.text.theme_matching import match_themes, representative_texts
from radslag.decide.text.themes import cluster_themes, theme_labels
from radslag.needs.index import need_text
from radslag.needs.models import Need, Theme

TERMS_KEPT = 5
# Shorter words ("ge", "nå") are rarely what a theme is about.
MIN_TERM_LENGTH = 3
# Fewer submissions than this give no useful themes.
MIN_NEEDS = 6
# Candidates for a new theme's name, nearest its centre first.
REPRESENTATIVES = 5


@dataclass(frozen=True)
class ThemeSummary:
    needs: int
    themes: int
    labels_kept: int  # themes continued with a label the convener wrote
    kept: int  # themes continued from the computation before, edited or not
    retired: int  # themes no group continues


@dataclass(frozen=True)
class Candidate:
    title: str
    kind: str


def label_from_titles(candidates: Sequence[Candidate]) -> str:
    """A theme's name: the title of its most representative need.

    A need's title is a statement of what is wanted ("Förhindra undernäring hos äldre"), which
    names a theme better than a question or an obstacle does, so the nearest need of that kind
    is preferred among the candidates.
    """
    chosen = next((c for c in candidates if c.kind == Need.Kind.NEED), candidates[0])
    title = chosen.title.strip()
    return title[:1].upper() + title[1:]


@transaction.atomic
def compute_themes(n_themes: int | None = None, seed: int = 0) -> ThemeSummary:
    """Group every open submission into themes, continuing the themes there were.

    Merged-away submissions follow the submission they were merged into.
    """
    rows = list(
        Need.objects.open().order_by("pk").values_list("pk", "title", "text", "kind", "theme")
    )
    live = {theme.pk: theme for theme in Theme.objects.live().select_for_update()}
    now = timezone.now()
    if len(rows) < MIN_NEEDS:
        Need.objects.filter(theme__in=list(live)).update(theme=None)
        _retire(list(live.values()), {}, [], now)
        return ThemeSummary(len(rows), 0, 0, 0, len(live))
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    texts = [need_text(title, text) for _, title, text, _, _ in rows]
    matrix = TfidfModel.fit(texts).transform(texts)
    if n_themes is not None:
        n_themes = min(n_themes, len(rows))
    order = sorted(live)
    codes = {pk: code for code, pk in enumerate(order)}
    previous = np.array([codes.get(row[4], -1) for row in rows], dtype=np.int64)
    labels = cluster_themes(matrix, n_themes=n_themes, seed=seed, previous=previous)
    continued = {
        match.current: live[order[match.previous]] for match in match_themes(previous, labels)
    }
    words = TfidfModel.fit(texts, ngrams=None)
    # Each text counts once per word, so that one long text cannot outweigh a hundred short ones.
    presence = words.counts(texts)
    presence.data[:] = 1.0
    names = theme_labels(presence, labels, words.forms, top_n=10)
    nearest = representative_texts(matrix, labels, top_n=REPRESENTATIVES)
    themes: list[Theme] = []
    for number, terms in enumerate(names):
        theme = continued.get(number) or Theme(
            label=label_from_titles([Candidate(rows[i][1], rows[i][3]) for i in nearest[number]])
        )
        theme.terms = [term for term in terms if len(term) >= MIN_TERM_LENGTH][:TERMS_KEPT]
        theme.position = number
        theme.computed_at = now
        theme.save()
        members = ids[labels == number].tolist()
        Need.objects.filter(pk__in=members).update(theme=theme)
        Need.objects.filter(merged_into__in=members).update(theme=theme)
        themes.append(theme)
    kept = {theme.pk for theme in continued.values()}
    retired = [theme for pk, theme in live.items() if pk not in kept]
    took = {pk: labels[previous == code] for pk, code in codes.items()}
    _retire(retired, took, themes, now)
    return ThemeSummary(
        needs=len(rows),
        themes=len(themes),
        labels_kept=sum(theme.label_edited for theme in continued.values()),
        kept=len(kept),
        retired=len(retired),
    )


def _retire(
    retired: list[Theme], took: dict[int, np.ndarray], themes: list[Theme], now: datetime
) -> None:
    """Retire old themes that no group continues, each pointing where most of its needs went.

    ``took`` gives, for each old theme, the new group of each of its needs still open; a theme
    with none left (all merged away or withdrawn) has no successor.
    """
    for theme in retired:
        groups = took.get(theme.pk, np.zeros(0, dtype=np.int64))
        theme.successor = themes[int(np.bincount(groups).argmax())] if groups.size else None
        theme.retired_at = now
        theme.save(update_fields=["successor", "retired_at"])
        # Themes retired earlier into this one now point where this one went, so an old
        # address leads to a live theme in one step.
        Theme.objects.filter(successor=theme).update(successor=theme.successor)
