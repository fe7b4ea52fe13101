"""One municipality's maturity profile: scores, peers, largest gaps and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from radslag.maturity import charts
from radslag.maturity.comparison import peer_groups, scored_assessments
from radslag.maturity.models import Assessment, Dimension, Level
from radslag.maturity.scoring import Spread, largest_gaps, overall_score
from radslag.maturity.views.national import municipality_or_404
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import size_class_of

# Gaps are measured against the size class when it has at least this many peers; otherwise
# against all municipalities, so a median of one or two is not taken for a norm.
MIN_GAP_PEERS = 3


@dataclass(frozen=True)
class ScoreRow:
    dimension: Dimension
    level: int
    level_name: str
    comment: str
    peers: list[Spread | None]  # one per comparison group


@dataclass(frozen=True)
class GapRow:
    dimension: Dimension
    level: int
    median: float
    next_level: Level


@dataclass(frozen=True)
class HistoryRow:
    year: int
    levels: list[int | None]
    overall: float | None
    is_example: bool


def profile(request: HttpRequest, code: str) -> HttpResponse:
    municipality = municipality_or_404(code)
    submitted = list(
        Assessment.objects.submitted()
        .filter(municipality=municipality)
        .select_related("model")
        .prefetch_related("answers__dimension")
        .order_by("year")
    )
    context: dict[str, Any] = {
        "municipality": municipality,
        "this_year": timezone.localdate().year,
        "latest": submitted[-1] if submitted else None,
    }
    if submitted:
        comparison = _comparison(municipality, submitted[-1])
        context |= comparison
        context |= _history(submitted, comparison["dimensions"])
        context["has_example"] = any(a.is_example for a in submitted) or any(
            group.has_example for group in comparison["groups"]
        )
    return render(request, "maturity/profile.html", context)


def _comparison(municipality: Municipality, latest: Assessment) -> dict[str, Any]:
    dimensions = latest.model.dimension_list()
    answers = {answer.dimension.key: answer for answer in latest.answers.all()}
    levels = [answers[d.key].level for d in dimensions]
    complete = [level for level in levels if level is not None]
    # The population is annotated by municipality_or_404 (with_latest_figures).
    size_class = size_class_of(getattr(municipality, "population", None))
    groups = peer_groups(municipality, size_class, scored_assessments(latest.year, dimensions))
    gap_group = next(
        (g for g in groups if g.key == "size" and g.count >= MIN_GAP_PEERS), groups[-1]
    )
    level_names = [_(name) for name in latest.model.level_names]
    rows = [
        ScoreRow(
            dimension=dimension,
            level=answers[dimension.key].level or 0,
            level_name=level_names[(answers[dimension.key].level or 1) - 1],
            comment=answers[dimension.key].comment,
            peers=[group.per_dimension[index] for group in groups],
        )
        for index, dimension in enumerate(dimensions)
    ]
    gaps = [
        GapRow(
            dimension=dimensions[gap.position],
            level=gap.level,
            median=gap.median,
            next_level=_level(dimensions[gap.position], gap.level + 1),
        )
        for gap in largest_gaps(
            complete, [spread.median if spread else None for spread in gap_group.per_dimension]
        )
    ]
    chart_rows = [
        charts.ProfileRow(
            name=_(dimension.name),
            level=row.level,
            median=spread.median if spread else None,
            lower_quartile=spread.lower_quartile if spread else None,
            upper_quartile=spread.upper_quartile if spread else None,
        )
        for dimension, row, spread in zip(dimensions, rows, gap_group.per_dimension, strict=True)
    ]
    return {
        "dimensions": dimensions,
        "overall": overall_score(levels),
        "rows": rows,
        "comments": [row for row in rows if row.comment],
        "groups": groups,
        "gap_group": gap_group,
        "gaps": gaps,
        "level_names": level_names,
        "chart": charts.profile_chart(
            chart_rows,
            _("%(name)s %(year)s: nivå per dimension jämfört med %(group)s")
            % {"name": municipality, "year": latest.year, "group": gap_group.label.lower()},
        ),
    }


def _level(dimension: Dimension, number: int) -> Level:
    return next(level for level in dimension.levels.all() if level.number == number)


def _history(submitted: list[Assessment], dimensions: list[Dimension]) -> dict[str, Any]:
    rows = []
    for assessment in reversed(submitted):
        by_key = {answer.dimension.key: answer.level for answer in assessment.answers.all()}
        levels = [by_key.get(d.key) for d in dimensions]
        rows.append(
            HistoryRow(assessment.year, levels, overall_score(levels), assessment.is_example)
        )
    by_dimension = [
        (dimension, [row.levels[index] for row in rows])
        for index, dimension in enumerate(dimensions)
    ]
    points = [(row.year, row.overall) for row in reversed(rows) if row.overall is not None]
    trend = charts.trend_chart(points, _("Sammantagen nivå per år")) if len(points) > 1 else None
    return {"history": rows, "history_by_dimension": by_dimension, "trend": trend}
