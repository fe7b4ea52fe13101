"""One municipality's maturity profile: scores, peers, largest gaps and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from radslag import charts
from radslag.maturity.comparison import PeerGroup, peer_groups, scored_assessments
from radslag.maturity.definitions import LEVELS
from radslag.maturity.models import Answer, Assessment, Dimension, Level, MaturityModel
from radslag.maturity.scoring import Spread, largest_gaps, overall_score
from radslag.maturity.views.national import municipality_or_404
from radslag.maturity.years import YearChoice, choose_year
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import size_class_of


@dataclass(frozen=True)
class ScoreRow:
    dimension: Dimension
    level: int
    level_name: str
    comment: str
    peers: list[Spread | None]  # one per comparison group shown


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
    years = choose_year(request.GET, MaturityModel.objects.current().dimension_list())
    context: dict[str, Any] = {
        "municipality": municipality,
        "this_year": timezone.localdate().year,
        "latest": submitted[-1] if submitted else None,
        "years": years,
        "year_links": years.links(request.path),
    }
    if submitted and not years.error:
        shown = shown_assessment(submitted, years)
        comparison = _comparison(municipality, shown, years.shown)
        context |= comparison
        context |= _history(submitted, comparison["dimensions"])
        context["shown"] = shown
        context["has_example"] = any(a.is_example for a in submitted) or any(
            group.has_example for group in comparison["shown_groups"]
        )
    return render(request, "maturity/profile.html", context, status=years.status)


def shown_assessment(submitted: list[Assessment], years: YearChoice) -> Assessment:
    """The municipality's own assessment to compare: its latest, unless an earlier year is chosen.

    Against the latest year with enough submissions, a newer assessment of its own is what a
    municipality wants compared. Against an earlier year, it is its latest one up to that
    year, or its first if it had none by then.
    """
    if years.shown is None or years.is_latest_comparable:
        return submitted[-1]
    by_then = [assessment for assessment in submitted if assessment.year <= years.shown]
    return by_then[-1] if by_then else submitted[0]


def _comparison(municipality: Municipality, own: Assessment, year: int | None) -> dict[str, Any]:
    dimensions = own.model.dimension_list()
    given = {answer.dimension.key: answer for answer in own.answers.all()}
    # A dimension without an answer (say, an assessment restored from a partial export) is
    # shown unscored rather than failing the page.
    answers = {d.key: given.get(d.key) or Answer(level=None, comment="") for d in dimensions}
    levels = [answers[d.key].level for d in dimensions]
    complete = [level for level in levels if level is not None]
    # The population is annotated by municipality_or_404 (with_latest_figures).
    size_class = size_class_of(getattr(municipality, "population", None))
    groups = (
        peer_groups(municipality, size_class, scored_assessments(year, dimensions))
        if year is not None
        else []
    )
    shown_groups = [group for group in groups if group.is_comparable]
    gap_group = _gap_group(shown_groups)
    level_names = [_(name) for name in own.model.level_names]
    rows = [
        ScoreRow(
            dimension=dimension,
            level=answers[dimension.key].level or 0,
            level_name=level_names[(answers[dimension.key].level or 1) - 1],
            comment=answers[dimension.key].comment,
            peers=[group.per_dimension[index] for group in shown_groups],
        )
        for index, dimension in enumerate(dimensions)
    ]
    context: dict[str, Any] = {
        "dimensions": dimensions,
        "overall": overall_score(levels),
        "rows": rows,
        "comments": [row for row in rows if row.comment],
        "compared_year": year,
        "groups": groups,
        "shown_groups": shown_groups,
        "gap_group": gap_group,
        "gaps": [],
        "chart": None,
        "level_names": level_names,
    }
    if gap_group is None:
        return context
    medians = [spread.median if spread else None for spread in gap_group.per_dimension]
    context["gaps"] = [
        GapRow(
            dimension=dimensions[gap.position],
            level=gap.level,
            median=gap.median,
            next_level=_level(dimensions[gap.position], gap.level + 1),
        )
        for gap in largest_gaps(complete, medians)
    ]
    chart_rows = [
        charts.LevelRow(
            name=_(dimension.name),
            level=row.level,
            median=spread.median if spread else None,
            lower_quartile=spread.lower_quartile if spread else None,
            upper_quartile=spread.upper_quartile if spread else None,
        )
        for dimension, row, spread in zip(dimensions, rows, gap_group.per_dimension, strict=True)
    ]
    context["chart"] = charts.level_bars(
        chart_rows,
        _("%(name)s %(year)s: nivå per dimension jämfört med %(group)s, %(compared)s")
        % {
            "name": municipality,
            "year": own.year,
            "group": gap_group.label.lower(),
            "compared": year,
        },
        LEVELS,
        legend=(
            _("Kommunens nivå"),
            _("Median för %(group)s") % {"group": gap_group.label.lower()},
            _("Kvartiler (mittersta hälften av kommunerna)"),
        ),
    ).placed(heading_id="scores-heading", table_below=True, css_class="maturity-chart")
    return context


def _gap_group(shown: list[PeerGroup]) -> PeerGroup | None:
    """The size class if it is large enough to compare with, otherwise all municipalities."""
    by_key = {group.key: group for group in shown}
    return by_key.get("size") or by_key.get("all")


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
    chart = (
        charts.line_chart(
            points,
            _("Sammantagen nivå per år"),
            domain=(1, LEVELS),
            decimals=1,
            every_year=True,
        )
        if len(points) > 1
        else None
    )
    trend = (
        chart.placed(note=_("(skala 1–5)"), css_class="maturity-trend", table_below=True)
        if chart
        else None
    )
    return {"history": rows, "history_by_dimension": by_dimension, "trend": trend}
