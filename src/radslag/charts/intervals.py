"""Dots with intervals: an estimate per row and how uncertain it is, such as a round's scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from radslag.charts import palette
from radslag.charts.bars import LABEL_WIDTH, RIGHT, WIDTH, _axis, _frame, _labels, _middle
from radslag.charts.scales import coordinate, nice_ticks, number


@dataclass(frozen=True)
class IntervalRow:
    label: str
    estimate: float
    low: float
    high: float


def interval_chart(
    rows: Sequence[IntervalRow],
    title: str,
    *,
    domain: tuple[float, float] | None = None,
    decimals: int = 0,
) -> SafeString:
    """A dot at each row's estimate on a band from its low to its high end.

    ``domain`` fixes the axis (0..100 for a score in percent); otherwise it covers the rows'
    intervals in round steps.
    """
    if domain is None:
        ticks = nice_ticks(
            min((row.low for row in rows), default=0.0),
            max((row.high for row in rows), default=1.0),
        )
        domain = (ticks[0], ticks[-1])
    else:
        ticks = nice_ticks(*domain)
    low_end, high_end = domain
    span = WIDTH - LABEL_WIDTH - RIGHT

    def x_of(value: float) -> float:
        clipped = min(max(value, low_end), high_end)
        return LABEL_WIDTH + (clipped - low_end) / (high_end - low_end) * span

    axis = _axis(len(rows), [(x_of(tick), number(tick)) for tick in ticks])
    marks = [
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="8" '
            'stroke-linecap="round"/><circle cx="{}" cy="{}" r="5" fill="{}">'
            "<title>{}: {} ({}–{})</title></circle>",
            coordinate(x_of(row.low)),
            coordinate(x_of(row.high)),
            coordinate(_middle(index)),
            coordinate(_middle(index)),
            palette.BAND,
            coordinate(x_of(row.estimate)),
            coordinate(_middle(index)),
            palette.ACCENT,
            row.label,
            number(row.estimate, decimals),
            number(row.low, decimals),
            number(row.high, decimals),
        )
        for index, row in enumerate(rows)
    ]
    body = axis + _labels([row.label for row in rows]) + mark_safe("".join(marks))
    return _frame(len(rows), title, SafeString(body), axis=True)
