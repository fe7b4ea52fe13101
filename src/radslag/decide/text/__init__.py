"""Texts: normalisation and search stems, near-duplicates, themes and their matching over time."""

from __future__ import annotations

from radslag.decide.text.duplicates import (
    DUPLICATE_THRESHOLD,
    near_duplicates,
    nearest,
)
from radslag.decide.text.normalisation import (
    DEFAULT_NGRAMS,
    SWEDISH_STOP_WORDS,
    TextMatrix,
    TfidfModel,
    as_text_matrix,
    fold,
    normalise,
    search_stems,
    tokens,
    unit_rows,
)
from radslag.decide.text.theme_matching import (
    CONTINUITY_THRESHOLD,
    ThemeMatch,
    match_themes,
    representative_texts,
)
from radslag.decide.text.themes import (
    cluster_themes,
    theme_labels,
)

__all__ = [
    "CONTINUITY_THRESHOLD",
    "DEFAULT_NGRAMS",
    "DUPLICATE_THRESHOLD",
    "SWEDISH_STOP_WORDS",
    "TextMatrix",
    "TfidfModel",
    "ThemeMatch",
    "as_text_matrix",
    "cluster_themes",
    "fold",
    "match_themes",
    "near_duplicates",
    "nearest",
    "normalise",
    "representative_texts",
    "search_stems",
    "theme_labels",
    "tokens",
    "unit_rows",
]
