"""Two bars per category, side by side: one group's share against another's, such as a
council's share of small municipalities against the country's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from radslag.charts import palette
from radslag.charts.bars import (
    LABEL_WIDTH,
    WIDTH,
    axis,
    height,
    middle,
    phone_layout,
    row_labels,
    value_scale,
)
from radslag.charts.figure import Chart, Swatch, Table
from radslag.charts.marks import Box, Plot
from radslag.charts.scales import nice_ticks, number

# Each bar's thickness; the two fill most of a row and leave a gap to the next.
PAIR_BAR = 10
# The first group in the accent colour, the second in the outline grey: both stand out
# against the page, and they differ in lightness too, for readers who do not see colour.
FIRST, SECOND = palette.ACCENT, palette.OUTLINE


@dataclass(frozen=True)
class PairRow:
    """A category and the two groups' values, in percent."""

    label: str
    first: float
    second: float


def comparison_plot(rows: Sequence[PairRow], names: tuple[str, str]) -> Plot:
    """The first group's bar above the second's in every row, on a common axis from 0."""
    top = max((max(row.first, row.second) for row in rows), default=0.0)
    ticks = nice_ticks(0.0, max(top, 1.0))
    x_of = value_scale(0.0, ticks[-1])
    rules, tick_labels = axis(len(rows), [(x_of(tick), f"{number(tick)} %") for tick in ticks])
    boxes = []
    for index, row in enumerate(rows):
        centre = middle(index)
        for offset, value, colour, name in (
            (-PAIR_BAR - 1, row.first, FIRST, names[0]),
            (1, row.second, SECOND, names[1]),
        ):
            boxes.append(
                Box(
                    LABEL_WIDTH,
                    centre + offset,
                    max(x_of(value) - LABEL_WIDTH, 0.0),
                    PAIR_BAR,
                    colour,
                    f"{row.label}, {name}: {number(value, 1)} %",
                )
            )
    return Plot(
        WIDTH,
        height(len(rows), axis=True),
        rules=rules,
        boxes=tuple(boxes),
        labels=tick_labels + row_labels([row.label for row in rows]),
    )


def comparison_bars(rows: Sequence[PairRow], title: str, names: tuple[str, str]) -> Chart:
    """Shares of two groups per category; ``names`` name the groups as the page does."""
    description = _(
        "Liggande staplar i par, ett par för var och en av %(count)s rader: %(first)s överst, "
        "%(second)s under, i procent."
    ) % {"count": len(rows), "first": names[0], "second": names[1]}
    if rows:
        widest = max(rows, key=lambda row: abs(row.first - row.second))
        description += " " + _(
            "Störst skillnad för %(name)s: %(first)s mot %(second)s procent."
        ) % {
            "name": widest.label,
            "first": number(widest.first, 1),
            "second": number(widest.second, 1),
        }
    plot = comparison_plot(rows, names)
    return Chart(
        title=title,
        description=description,
        plot=plot,
        phone=phone_layout(plot, len(rows)),
        template="charts/svg/plot.svg",
        table=Table.of(
            title,
            ["", f"{names[0]} (%)", f"{names[1]} (%)"],
            [(row.label, [number(row.first, 1), number(row.second, 1)]) for row in rows],
        ),
        legend=(Swatch(names[0], FIRST), Swatch(names[1], SECOND)),
    )
