"""Server-rendered charts of the register: a bar chart and the classes of a map of counts."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from radslag.municipalities.charts import SEQUENTIAL
from radslag.municipalities.choropleth import LegendClass, quantile_breaks

WIDTH = 640
LABEL_WIDTH = 280
BAR_HEIGHT = 22
GAP = 6
COLOUR = "#1d4f91"
# The darker blues only: even one case must stand out from the grey of "none".
COUNT_PALETTE = SEQUENTIAL[2:]


def bar_chart(rows: Sequence[tuple[str, int]], label: str) -> SafeString:
    """One bar per row, its count written at its end."""
    top = max((count for _, count in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 48
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    bars = format_html_join(
        "",
        '<g transform="translate(0 {})"><text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="0" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}">{}</text></g>',
        (
            (
                GAP + index * (BAR_HEIGHT + GAP),
                LABEL_WIDTH - 8,
                BAR_HEIGHT - 6,
                name,
                LABEL_WIDTH,
                f"{span * count / top:.1f}",
                BAR_HEIGHT,
                COLOUR,
                f"{LABEL_WIDTH + span * count / top + 6:.1f}",
                BAR_HEIGHT - 6,
                count,
            )
            for index, (name, count) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" font-size="14" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        WIDTH,
        height,
        label,
        bars,
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
