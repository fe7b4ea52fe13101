"""Server-rendered charts of the register: a stacked bar chart and the classes of a count map."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from radslag.municipalities.charts import SEQUENTIAL
from radslag.municipalities.choropleth import LegendClass, quantile_breaks

WIDTH = 640
LABEL_WIDTH = 280
BAR_HEIGHT = 22
GAP = 6
# Stages from idea to production in ever darker blue, retired in grey.
STAGE_COLOURS = {
    "ide": "#9ecae1",
    "forstudie": "#6baed6",
    "pilot": "#3182bd",
    "i-drift": "#08519c",
    "avvecklad": "#737373",
}
# The darker blues only: even one case must stand out from the grey of "none".
COUNT_PALETTE = SEQUENTIAL[2:]


@dataclass(frozen=True)
class Series:
    """One part of a stacked bar: its name and colour."""

    label: str
    colour: str


def stacked_bar_chart(
    rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series], label: str
) -> SafeString:
    """One bar per row, split into the row's counts per series, its total written at its end.

    Each part names its row, series and count on hover; the table beside the chart is the
    alternative for everyone else.
    """
    top = max((sum(counts) for _, counts in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 48
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    groups = []
    for index, (name, counts) in enumerate(rows):
        start = 0.0
        parts = []
        for part, count in zip(series, counts, strict=True):
            if not count:
                continue
            width = span * count / top
            parts.append(
                format_html(
                    '<rect x="{}" y="0" width="{}" height="{}" fill="{}" stroke="#fff">'
                    "<title>{}, {}: {}</title></rect>",
                    f"{LABEL_WIDTH + start:.1f}",
                    f"{width:.1f}",
                    BAR_HEIGHT,
                    part.colour,
                    name,
                    part.label,
                    count,
                )
            )
            start += width
        groups.append(
            format_html(
                '<g transform="translate(0 {})"><text x="{}" y="{}" text-anchor="end">{}</text>'
                '{}<text x="{}" y="{}">{}</text></g>',
                GAP + index * (BAR_HEIGHT + GAP),
                LABEL_WIDTH - 8,
                BAR_HEIGHT - 6,
                name,
                # Each part went through format_html, which escaped what it holds.
                mark_safe("".join(parts)),
                f"{LABEL_WIDTH + start + 6:.1f}",
                BAR_HEIGHT - 6,
                sum(counts),
            )
        )
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" font-size="14" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        WIDTH,
        height,
        label,
        mark_safe("".join(groups)),
    )


def count_legend(counts: Sequence[int]) -> list[LegendClass]:
    """Map classes for small whole counts: one class per count while there are few.

    Quantile classes of counts such as 1, 1, 1, 2 would read "1–1" and "1–2"; here each class
    starts one above the previous one's end.
    """
    distinct = sorted(set(counts))
    if not distinct:
        return []
    if len(distinct) <= len(COUNT_PALETTE):
        uppers = [float(value) for value in distinct]
    else:
        uppers = quantile_breaks([float(count) for count in counts], len(COUNT_PALETTE))
    step = (len(COUNT_PALETTE) - 1) / max(len(uppers) - 1, 1)
    classes = []
    lower = float(distinct[0])
    for index, upper in enumerate(uppers):
        classes.append(LegendClass(COUNT_PALETTE[round(index * step)], lower, upper))
        lower = upper + 1
    return classes
