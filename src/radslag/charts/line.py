"""A line chart of a yearly series: a municipality's key figure, a maturity level over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from radslag.charts import palette
from radslag.charts.scales import coordinate, nice_ticks, number

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 16, 32


@dataclass(frozen=True)
class LineChart:
    """The chart and what its table alternative shows: the points, their title and unit."""

    title: str
    unit: str
    svg: SafeString
    points: Sequence[tuple[int, float]]


def line_chart(
    points: Sequence[tuple[int, float]],
    title: str,
    *,
    unit: str = "",
    domain: tuple[float, float] | None = None,
    decimals: int = 0,
    every_year: bool = False,
) -> LineChart | None:
    """The series as a line with a dot per year; ``None`` when there is nothing to draw.

    ``domain`` fixes the vertical axis (a maturity level's 1..5, so small changes look small)
    with a grid line at every whole number; otherwise the axis covers the values in round
    steps. Years are labelled at both ends and the middle, or every one with ``every_year``.
    ``decimals`` is how values are written in the dots' titles.
    """
    if not points:
        return None
    years = [year for year, _ in points]
    values = [value for _, value in points]
    if domain is None:
        ticks = nice_ticks(min(values), max(values))
    else:
        ticks = [float(tick) for tick in range(int(domain[0]), int(domain[1]) + 1)]
    low, high = ticks[0], ticks[-1]
    first, last = min(years), max(years)
    span = max(last - first, 1)

    def x_of(year: int) -> float:
        return LEFT + (year - first) / span * (WIDTH - LEFT - RIGHT)

    def y_of(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">{}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                coordinate(y_of(tick)),
                coordinate(y_of(tick)),
                palette.GRID,
                LEFT - 6,
                coordinate(y_of(tick) + 4),
                palette.MUTED,
                number(tick),
            )
            for tick in ticks
        ),
    )
    labelled = sorted(set(years)) if every_year else sorted({first, (first + last) // 2, last})
    year_labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>',
        ((coordinate(x_of(year)), HEIGHT - 10, palette.MUTED, year) for year in labelled),
    )
    line = " ".join(f"{x_of(year):.1f},{y_of(value):.1f}" for year, value in points)
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3" fill="{}"><title>{}: {}</title></circle>',
        (
            (
                coordinate(x_of(year)),
                coordinate(y_of(value)),
                palette.ACCENT,
                year,
                number(value, decimals),
            )
            for year, value in points
        ),
    )
    svg = format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        '{}{}<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        grid,
        year_labels,
        line,
        palette.ACCENT,
        dots,
    )
    return LineChart(title=title, unit=unit, svg=svg, points=points)
