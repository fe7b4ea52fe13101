"""Small charts rendered on the server as SVG, each with the table a screen reader reads."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 32

# Sequential blues from ColorBrewer (Brewer, 2002), readable by people with colour-vision
# deficiencies; the darkest classes carry enough contrast against the white borders.
SEQUENTIAL = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")


@dataclass(frozen=True)
class LineChart:
    title: str
    unit: str
    svg: SafeString
    points: Sequence[tuple[int, float]]


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(value)
        value += step
    if ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def _f(coordinate: float) -> str:
    # format_html escapes its arguments before formatting, so numbers arrive pre-formatted.
    return f"{coordinate:.1f}"


def line_chart(points: Sequence[tuple[int, float]], title: str, unit: str) -> LineChart | None:
    """A line chart of a yearly series; ``None`` when there is nothing to draw."""
    if not points:
        return None
    years = [year for year, _ in points]
    values = [value for _, value in points]
    ticks = _nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    first, last = min(years), max(years)
    span = max(last - first, 1)

    def x_of(year: int) -> float:
        return LEFT + (year - first) / span * (WIDTH - LEFT - RIGHT)

    def y_of(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d5dbe2"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="#4a5561">{}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                _f(y_of(t)),
                _f(y_of(t)),
                LEFT - 6,
                _f(y_of(t) + 4),
                number_format(t, decimal_pos=0, use_l10n=True, force_grouping=True),
            )
            for t in ticks
        ),
    )
    year_labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#4a5561">{}</text>',
        (
            (_f(x_of(year)), HEIGHT - 10, year)
            for year in sorted({first, (first + last) // 2, last})
        ),
    )
    line = " ".join(f"{x_of(year):.1f},{y_of(value):.1f}" for year, value in points)
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="2.5" fill="#1d4f91"><title>{}: {}</title></circle>',
        (
            (
                _f(x_of(year)),
                _f(y_of(value)),
                year,
                number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True),
            )
            for year, value in points
        ),
    )
    svg = format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        '{}{}<polyline points="{}" fill="none" stroke="#1d4f91" stroke-width="2"/>{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        grid,
        year_labels,
        line,
        dots,
    )
    return LineChart(title=title, unit=unit, svg=svg, points=points)
