"""Maturity charts rendered on the server as SVG; each page also shows the numbers as a table.

Two kinds: a municipality's level per dimension against its comparison group (bar, median and
quartile band), and the national distribution of levels per dimension (stacked shares).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from radslag.maturity.definitions import LEVELS
from radslag.municipalities.charts import SEQUENTIAL

WIDTH = 640
LABEL_WIDTH = 236
RIGHT = 24
ROW = 34
TOP, BOTTOM = 10, 30
# Colours that stay apart for colour-blind readers: the municipality in the platform's blue,
# the group's median in dark orange, its quartile band in light blue.
OWN = "#1d4f91"
MEDIAN = "#c2410c"
BAND = "#bdd7e7"
GRID = "#d5dbe2"
TEXT = "#4a5561"


@dataclass(frozen=True)
class ProfileRow:
    name: str
    level: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None


def _f(value: float) -> str:
    # format_html escapes its arguments, so coordinates arrive as pre-formatted strings.
    return f"{value:.1f}"


def _x(level: float) -> float:
    return LABEL_WIDTH + level / LEVELS * (WIDTH - LABEL_WIDTH - RIGHT)


def _number(value: float) -> str:
    return number_format(value, decimal_pos=1, use_l10n=True)


def _frame(rows: int, title: str, body: SafeString, axis: SafeString) -> SafeString:
    height = TOP + rows * ROW + BOTTOM
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}{}</svg>',
        WIDTH,
        height,
        title,
        axis,
        body,
    )


def _labels(names: Sequence[str]) -> SafeString:
    positions = [_f(TOP + index * ROW + ROW / 2 + 4) for index in range(len(names))]
    return format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="#1b1f24">{}</text>',
        ((LABEL_WIDTH - 8, y, name) for y, name in zip(positions, names, strict=True)),
    )


def _axis(bottom: float, ticks: Sequence[tuple[float, str]]) -> SafeString:
    """Vertical grid lines with their labels below the rows."""
    return format_html_join(
        "",
        '<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" stroke="{3}"/>'
        '<text x="{0}" y="{4}" text-anchor="middle" font-size="11" fill="{5}">{6}</text>',
        ((_f(x), TOP, _f(bottom), GRID, _f(bottom + 16), TEXT, label) for x, label in ticks),
    )


def profile_chart(rows: Sequence[ProfileRow], title: str) -> SafeString:
    """Bars of the municipality's level per dimension, the group's median and quartiles."""
    bottom = TOP + len(rows) * ROW
    axis = _axis(bottom, [(_x(level), str(level)) for level in range(LEVELS + 1)])
    parts = []
    for index, row in enumerate(rows):
        middle = TOP + index * ROW + ROW / 2
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="14" fill="{}">'
                "<title>{}: {} {}</title></rect>",
                LABEL_WIDTH,
                _f(middle - 7),
                _f(_x(row.level) - LABEL_WIDTH),
                OWN,
                row.name,
                _("nivå"),
                row.level,
            )
        )
        if row.median is None or row.lower_quartile is None or row.upper_quartile is None:
            continue
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="6" fill="{}" opacity="0.9">'
                "<title>{}: {}–{}</title></rect>"
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="3">'
                "<title>{}: {}</title></line>",
                _f(_x(row.lower_quartile)),
                _f(middle + 9),
                _f(max(_x(row.upper_quartile) - _x(row.lower_quartile), 2.0)),
                BAND,
                _("Kvartiler"),
                _number(row.lower_quartile),
                _number(row.upper_quartile),
                _f(_x(row.median)),
                _f(_x(row.median)),
                _f(middle - 11),
                _f(middle + 15),
                MEDIAN,
                _("Median"),
                _number(row.median),
            )
        )
    body = _labels([row.name for row in rows]) + SafeString("".join(parts))
    return _frame(len(rows), title, SafeString(body), axis)


def distribution_chart(
    rows: Sequence[tuple[str, Sequence[int]]], level_names: Sequence[str], title: str
) -> SafeString:
    """Per dimension, the share of municipalities at each level, stacked from level 1."""
    bottom = TOP + len(rows) * ROW
    span = WIDTH - LABEL_WIDTH - RIGHT
    axis = _axis(
        bottom, [(LABEL_WIDTH + share / 100 * span, f"{share} %") for share in (0, 25, 50, 75, 100)]
    )
    parts = []
    for index, (name, counts) in enumerate(rows):
        total = sum(counts)
        left = float(LABEL_WIDTH)
        for level, count in enumerate(counts, start=1):
            if not total or not count:
                continue
            width = count / total * span
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="20" fill="{}" stroke="#fff">'
                    "<title>{}, {} {} ({}): {} ({} %)</title></rect>",
                    _f(left),
                    _f(TOP + index * ROW + ROW / 2 - 10),
                    _f(width),
                    SEQUENTIAL[level - 1],
                    name,
                    _("nivå"),
                    level,
                    level_names[level - 1],
                    count,
                    number_format(count / total * 100, decimal_pos=0, use_l10n=True),
                )
            )
            left += width
    body = _labels([name for name, _ in rows]) + SafeString("".join(parts))
    return _frame(len(rows), title, SafeString(body), axis)


def trend_chart(points: Sequence[tuple[int, float]], title: str) -> SafeString:
    """The overall level per year on the fixed scale 1..5, so small changes look small."""
    width, height, left, right, top, bottom = 480, 200, 40, 24, 14, 30
    first, last = points[0][0], points[-1][0]
    span = max(last - first, 1)

    def x_of(year: int) -> float:
        return left + (year - first) / span * (width - left - right)

    def y_of(value: float) -> float:
        return top + (LEVELS - value) / (LEVELS - 1) * (height - top - bottom)

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">{}</text>',
        (
            (
                left,
                width - right,
                _f(y_of(v)),
                _f(y_of(v)),
                GRID,
                left - 6,
                _f(y_of(v) + 4),
                TEXT,
                v,
            )
            for v in range(1, LEVELS + 1)
        ),
    )
    years = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>',
        ((_f(x_of(year)), height - 10, TEXT, year) for year, _ in points),
    )
    line = " ".join(f"{x_of(year):.1f},{y_of(value):.1f}" for year, value in points)
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3.5" fill="{}"><title>{}: {}</title></circle>',
        ((_f(x_of(year)), _f(y_of(value)), OWN, year, _number(value)) for year, value in points),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        '{}{}<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>{}</svg>',
        width,
        height,
        title,
        grid,
        years,
        line,
        OWN,
        dots,
    )
