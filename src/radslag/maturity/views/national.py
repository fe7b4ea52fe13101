"""The maturity model with all its descriptors, and the national picture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from radslag import charts
from radslag.charts import palette
from radslag.maturity.comparison import (
    MIN_GROUP_SIZE,
    PeerGroup,
    scored_assessments,
    summarise,
)
from radslag.maturity.models import Dimension, Level, MaturityModel
from radslag.maturity.scoring import Spread, level_counts
from radslag.maturity.years import choose_year
from radslag.municipalities.models import Municipality, municipality_code_validator
from radslag.municipalities.sizeclass import SizeClass


@dataclass(frozen=True)
class DistributionRow:
    dimension: Dimension
    counts: list[int]
    shares: list[float]

    @property
    def cells(self) -> list[tuple[int, float]]:
        return list(zip(self.counts, self.shares, strict=True))


@dataclass(frozen=True)
class NamedLevel:
    level: Level
    name: str


@dataclass(frozen=True)
class MedianRow:
    name: str
    spreads: list[Spread | None]  # one per comparison column


def model(request: HttpRequest) -> HttpResponse:
    current = MaturityModel.objects.current()
    dimensions = current.dimension_list()
    levels = {
        dimension.key: [
            NamedLevel(level, _(current.level_names[level.number - 1]))
            for level in dimension.levels.all()
        ]
        for dimension in dimensions
    }
    context = {
        "maturity_model": current,
        "dimensions": [(dimension, levels[dimension.key]) for dimension in dimensions],
        "minimum": MIN_GROUP_SIZE,
    }
    return render(request, "maturity/model.html", context)


def national(request: HttpRequest) -> HttpResponse:
    current = MaturityModel.objects.current()
    dimensions = current.dimension_list()
    years = choose_year(request.GET, dimensions)
    context: dict[str, Any] = {
        "maturity_model": current,
        "years": years,
        "year_links": years.links(request.path),
        "municipality_count": Municipality.objects.count(),
    }
    if years.shown is not None:
        context |= _picture(current, dimensions, years.shown)
    return render(request, "maturity/national.html", context, status=years.status)


def _picture(current: MaturityModel, dimensions: list[Dimension], year: int) -> dict[str, Any]:
    """The levels chosen in ``year``: their distribution, and medians by size class."""
    scored = scored_assessments(year, dimensions)
    counts = level_counts([entry.levels for entry in scored], len(dimensions))
    distribution = [
        DistributionRow(
            dimension, row, [count / len(scored) * 100 if scored else 0.0 for count in row]
        )
        for dimension, row in zip(dimensions, counts, strict=True)
    ]
    groups = [
        summarise(
            PeerGroup(size.value, str(size.label), [s for s in scored if s.size_class == size]),
            len(dimensions),
        )
        for size in SizeClass
    ]
    groups.append(summarise(PeerGroup("all", _("Alla kommuner"), list(scored)), len(dimensions)))
    columns = [group for group in groups if group.is_comparable]
    medians = [
        MedianRow(_(dimension.name), [column.per_dimension[index] for column in columns])
        for index, dimension in enumerate(dimensions)
    ]
    medians.append(MedianRow(_("Sammantagen nivå"), [column.overall for column in columns]))
    return {
        "dimensions": dimensions,
        "year": year,
        "participants": len(scored),
        "distribution": distribution,
        "distribution_chart": charts.share_bars(
            [(_(row.dimension.name), row.counts) for row in distribution],
            [
                charts.Series(
                    _("Nivå %(number)s") % {"number": level} + f" ({_(name)})",
                    palette.SEQUENTIAL[level - 1],
                )
                for level, name in enumerate(current.level_names, start=1)
            ],
            _("Andel kommuner på varje nivå per dimension"),
        ).placed(heading_id="distribution-heading", table_below=True, css_class="maturity-chart"),
        "level_names": [_(name) for name in current.level_names],
        "columns": columns,
        "too_small": [group for group in groups if not group.is_comparable],
        "medians": medians,
        "has_example": any(entry.is_example for entry in scored),
    }


def municipality_or_404(code: str) -> Municipality:
    """The municipality of a four-digit code, with its latest population and county."""
    try:
        municipality_code_validator(code)
    except Exception:
        raise Http404(_("En kommunkod har fyra siffror, till exempel 0180.")) from None
    return get_object_or_404(
        Municipality.objects.with_latest_figures().select_related("county", "skr_group"),
        code=code,
    )
