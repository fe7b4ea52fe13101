"""The short maturity summary on a municipality's page."""

from __future__ import annotations

from dataclasses import dataclass

from radslag.maturity.models import Assessment
from radslag.maturity.scoring import overall_score
from radslag.municipalities.models import Municipality


@dataclass(frozen=True)
class MaturitySummary:
    year: int
    overall: float | None
    is_example: bool


def maturity_summary(municipality: Municipality) -> MaturitySummary | None:
    """The overall score of the municipality's latest submitted assessment, if any."""
    latest = (
        Assessment.objects.submitted()
        .filter(municipality=municipality)
        .order_by("-year")
        .prefetch_related("answers")
        .first()
    )
    if latest is None:
        return None
    levels = [answer.level for answer in latest.answers.all()]
    return MaturitySummary(latest.year, overall_score(levels), latest.is_example)


def latest_overall_scores() -> dict[str, float]:
    """Each municipality's overall score in its latest fully answered submitted assessment,
    by code, in one query: for grouping municipalities by maturity across the platform."""
    levels: dict[tuple[str, int], list[int | None]] = {}
    rows = Assessment.objects.submitted().values_list("municipality_id", "year", "answers__level")
    for code, year, level in rows:
        levels.setdefault((code, year), []).append(level)
    latest: dict[str, tuple[int, float]] = {}
    for (code, year), answered in levels.items():
        score = overall_score(answered)
        if score is not None and (code not in latest or year > latest[code][0]):
            latest[code] = (year, score)
    return {code: score for code, (_year, score) in latest.items()}
