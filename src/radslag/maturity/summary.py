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
