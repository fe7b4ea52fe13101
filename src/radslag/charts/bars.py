"""Horizontal bars, one row per category: counts stacked by series, shares of 100 %, and a
level against its comparison group (bar, median and quartile band)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from radslag.charts import palette
from radslag.charts.scales import coordinate, number

WIDTH = 640
LABEL_WIDTH = 260
RIGHT = 40
ROW = 32
BAR = 20
TOP = 8
AXIS = 26  # below the rows, for the axis labels
# About as many characters as fit in LABEL_WIDTH at the labels' size.
LABEL_CHARACTERS = 40


@dataclass(frozen=True)
class Series:
    """One part of a stacked bar: its name and colour."""

    label: str
    colour: str


@dataclass(frozen=True)
class LevelRow:
    """A category's level, and its comparison group's median and quartiles if there is one."""

    name: str
    level: float
    median: float | None = None
    lower_quartile: float | None = None
    upper_quartile: float | None = None


def _frame(rows: int, title: str, body: SafeString, axis: bool) -> SafeString:
    height = TOP + rows * ROW + (AXIS if axis else TOP)
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" font-size="12" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        WIDTH,
        height,
        title,
        body,
    )


def _middle(index: int) -> float:
    return TOP + index * ROW + ROW / 2


def _shortened(name: str) -> str:
    return name if len(name) <= LABEL_CHARACTERS else name[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _labels(names: Sequence[str]) -> SafeString:
    """Row labels, shortened to fit beside the bars; the full name is the label's title and
    stands in the table beside the chart."""
    return format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" fill="{}"><title>{}</title>{}</text>',
        (
            (LABEL_WIDTH - 8, coordinate(_middle(index) + 4), palette.INK, name, _shortened(name))
            for index, name in enumerate(names)
        ),
    )


def _axis(rows: int, ticks: Sequence[tuple[float, str]]) -> SafeString:
    """Vertical grid lines with their labels below the rows."""
    bottom = coordinate(TOP + rows * ROW)
    below = coordinate(TOP + rows * ROW + 16)
    return format_html_join(
        "",
        '<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" stroke="{3}"/>'
        '<text x="{0}" y="{4}" text-anchor="middle" font-size="11" fill="{5}">{6}</text>',
        [
            (coordinate(x), TOP, bottom, palette.GRID, below, palette.MUTED, label)
            for x, label in ticks
        ],
    )


def _part(x: float, width: float, index: int, colour: str, title: str) -> SafeString:
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"><title>{}</title></rect>',
        coordinate(x),
        coordinate(_middle(index) - BAR / 2),
        coordinate(width),
        BAR,
        colour,
        palette.SEPARATOR,
        title,
    )


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series], title: str
) -> SafeString:
    """One bar per row, split into the row's counts per series, its total written at its end."""
    top = max((sum(counts) for _, counts in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - RIGHT
    parts = []
    for index, (name, counts) in enumerate(rows):
        left = float(LABEL_WIDTH)
        for part, count in zip(series, counts, strict=True):
            if count:
                width = span * count / top
                parts.append(
                    _part(left, width, index, part.colour, f"{name}, {part.label}: {count}")
                )
                left += width
        parts.append(
            format_html(
                '<text x="{}" y="{}" fill="{}">{}</text>',
                coordinate(left + 6),
                coordinate(_middle(index) + 4),
                palette.INK,
                sum(counts),
            )
        )
    body = _labels([name for name, _ in rows]) + mark_safe("".join(parts))
    return _frame(len(rows), title, SafeString(body), axis=False)


def share_bars(
    rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series], title: str
) -> SafeString:
    """Per row, the share of its counts in each series, stacked to 100 %."""
    span = WIDTH - LABEL_WIDTH - RIGHT
    axis = _axis(
        len(rows), [(LABEL_WIDTH + share / 100 * span, f"{share} %") for share in range(0, 101, 25)]
    )
    parts = []
    for index, (name, counts) in enumerate(rows):
        total = sum(counts)
        left = float(LABEL_WIDTH)
        for part, count in zip(series, counts, strict=True):
            if total and count:
                width = count / total * span
                share = number(count / total * 100)
                parts.append(
                    _part(
                        left,
                        width,
                        index,
                        part.colour,
                        f"{name}, {part.label}: {count} ({share} %)",
                    )
                )
                left += width
    body = axis + _labels([name for name, _ in rows]) + mark_safe("".join(parts))
    return _frame(len(rows), title, SafeString(body), axis=True)


def level_bars(rows: Sequence[LevelRow], title: str, maximum: int) -> SafeString:
    """Bars of each row's level on 0..``maximum``, with the group's median and quartile band."""
    span = WIDTH - LABEL_WIDTH - RIGHT

    def x_of(level: float) -> float:
        return LABEL_WIDTH + level / maximum * span

    axis = _axis(len(rows), [(x_of(level), str(level)) for level in range(maximum + 1)])
    parts = []
    for index, row in enumerate(rows):
        middle = _middle(index)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="14" fill="{}">'
                "<title>{}: {} {}</title></rect>",
                LABEL_WIDTH,
                coordinate(middle - 7),
                coordinate(x_of(row.level) - LABEL_WIDTH),
                palette.ACCENT,
                row.name,
                _("nivå"),
                number(row.level),
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
                coordinate(x_of(row.lower_quartile)),
                coordinate(middle + 8),
                coordinate(max(x_of(row.upper_quartile) - x_of(row.lower_quartile), 2.0)),
                palette.BAND,
                _("Kvartiler"),
                number(row.lower_quartile, 1),
                number(row.upper_quartile, 1),
                coordinate(x_of(row.median)),
                coordinate(x_of(row.median)),
                coordinate(middle - 11),
                coordinate(middle + 14),
                palette.HIGHLIGHT,
                _("Median"),
                number(row.median, 1),
            )
        )
    body = axis + _labels([row.name for row in rows]) + mark_safe("".join(parts))
    return _frame(len(rows), title, SafeString(body), axis=True)
