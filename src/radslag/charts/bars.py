"""Horizontal bars, one row per category: counts stacked by series, shares of 100 %, and a
level against its comparison group (bar, median and quartile band)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from radslag.charts import palette
from radslag.charts.figure import Chart, Swatch, Table
from radslag.charts.marks import Box, Label, Plot, Rule
from radslag.charts.phone import Rows, for_phone
from radslag.charts.scales import Scale, number, shortened, span

WIDTH = 640
LABEL_WIDTH = 260
RIGHT = 40
ROW = 32
BAR = 20
TOP = 8
AXIS = 26  # below the rows, for the axis labels
# About as many characters as fit in LABEL_WIDTH at the labels' size.
LABEL_CHARACTERS = 34
TEMPLATE = "charts/svg/plot.svg"


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


def height(rows: int, axis: bool) -> int:
    return TOP + rows * ROW + (AXIS if axis else TOP)


def middle(index: int) -> float:
    return TOP + index * ROW + ROW / 2


def value_scale(low: float, high: float, clip: bool = False) -> Scale:
    """Values along the rows, from the end of the labels to the right margin."""
    return Scale(low, high, LABEL_WIDTH, WIDTH - RIGHT, clip)


def row_labels(names: Sequence[str]) -> tuple[Label, ...]:
    """Row labels, shortened to fit beside the bars; the full name is the label's title and
    stands in the table alternative."""
    return tuple(
        Label(
            LABEL_WIDTH - 8, middle(index) + 4, shortened(name, LABEL_CHARACTERS), "end", title=name
        )
        for index, name in enumerate(names)
    )


def phone_layout(plot: Plot, rows: int) -> Plot:
    """``plot``, of ``rows`` rows, with each row's label above its bar (radslag.charts.phone)."""
    return for_phone(plot, Rows(LABEL_WIDTH, RIGHT, TOP, ROW, rows))


def axis(
    rows: int, ticks: Sequence[tuple[float, str]]
) -> tuple[tuple[Rule, ...], tuple[Label, ...]]:
    """Vertical grid lines at the ticks, with their labels below the rows."""
    bottom = TOP + rows * ROW
    return (
        tuple(Rule(x, TOP, x, bottom) for x, _ in ticks),
        tuple(Label(x, bottom + 16, label, "middle", palette.MUTED, 11) for x, label in ticks),
    )


def _part(x: float, width: float, index: int, colour: str, title: str) -> Box:
    return Box.outlined(x, middle(index) - BAR / 2, width, BAR, colour, title)


def stacked_plot(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series]) -> Plot:
    """One bar per row, split into the row's counts per series, its total written at its end."""
    x_of = value_scale(0, max((sum(counts) for _, counts in rows), default=0) or 1)
    parts, totals = [], []
    for index, (name, counts) in enumerate(rows):
        running = 0
        for part, count in zip(series, counts, strict=True):
            if count:
                left = x_of(running)
                running += count
                parts.append(
                    _part(
                        left,
                        x_of(running) - left,
                        index,
                        part.colour,
                        f"{name}, {part.label}: {count}",
                    )
                )
        totals.append(Label(x_of(running) + 6, middle(index) + 4, str(sum(counts))))
    return Plot(
        WIDTH,
        height(len(rows), axis=False),
        boxes=tuple(parts),
        labels=row_labels([name for name, _ in rows]) + tuple(totals),
    )


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series], title: str
) -> Chart:
    """Counts per row stacked by series; the table has a column per series and the total."""
    largest = max(rows, key=lambda row: sum(row[1]), default=None)
    description = _(
        "Liggande staplar, en för var och en av %(count)s rader, delade efter %(series)s."
    ) % {
        "count": len(rows),
        "series": ", ".join(part.label for part in series),
    }
    if largest is not None:
        description += " " + _("Störst är %(name)s med %(total)s.") % {
            "name": largest[0],
            "total": sum(largest[1]),
        }
    plot = stacked_plot(rows, series)
    return Chart(
        title=title,
        description=description,
        plot=plot,
        phone=phone_layout(plot, len(rows)),
        template=TEMPLATE,
        table=Table.of(
            title,
            ["", *(part.label for part in series), _("Totalt")],
            [
                (name, [*(str(count) for count in counts), str(sum(counts))])
                for name, counts in rows
            ],
        ),
        legend=tuple(Swatch(part.label, part.colour) for part in series),
    )


def share_plot(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series]) -> Plot:
    """Per row, the share of its counts in each series, stacked to 100 %."""
    x_of = value_scale(0, 100)
    rules, ticks = axis(len(rows), [(x_of(share), f"{share} %") for share in range(0, 101, 25)])
    parts = []
    for index, (name, counts) in enumerate(rows):
        total = sum(counts)
        running = 0
        for part, count in zip(series, counts, strict=True):
            if total and count:
                left = x_of(running / total * 100)
                running += count
                title = f"{name}, {part.label}: {count} ({number(count / total * 100)} %)"
                parts.append(
                    _part(left, x_of(running / total * 100) - left, index, part.colour, title)
                )
    return Plot(
        WIDTH,
        height(len(rows), axis=True),
        rules=rules,
        boxes=tuple(parts),
        labels=ticks + row_labels([name for name, _ in rows]),
    )


def share_bars(
    rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[Series], title: str
) -> Chart:
    """Shares per row stacked to 100 %; the table has each count with its share."""

    def cell(count: int, total: int) -> str:
        return f"{count} ({number(count / total * 100 if total else 0)} %)"

    plot = share_plot(rows, series)
    return Chart(
        title=title,
        description=_(
            "Liggande staplar i procent, en för var och en av %(count)s rader, delade efter "
            "%(series)s."
        )
        % {"count": len(rows), "series": ", ".join(part.label for part in series)},
        plot=plot,
        phone=phone_layout(plot, len(rows)),
        template=TEMPLATE,
        table=Table.of(
            title,
            ["", *(part.label for part in series)],
            [(name, [cell(count, sum(counts)) for count in counts]) for name, counts in rows],
        ),
        legend=tuple(Swatch(part.label, part.colour) for part in series),
    )


def level_plot(rows: Sequence[LevelRow], maximum: int) -> Plot:
    """Bars of each row's level on 0..``maximum``, with the group's median and quartile band."""
    x_of = value_scale(0, maximum)
    rules, ticks = axis(len(rows), [(x_of(level), str(level)) for level in range(maximum + 1)])
    bars, bands, medians = [], [], []
    for index, row in enumerate(rows):
        centre = middle(index)
        bars.append(
            Box(
                LABEL_WIDTH,
                centre - 7,
                x_of(row.level) - LABEL_WIDTH,
                14,
                palette.ACCENT,
                f"{row.name}: {_('nivå')} {number(row.level)}",
            )
        )
        if row.median is None or row.lower_quartile is None or row.upper_quartile is None:
            continue
        low, high = x_of(row.lower_quartile), x_of(row.upper_quartile)
        bands.append(
            Box(
                low,
                centre + 8,
                max(high - low, 2.0),
                6,
                palette.BAND,
                f"{_('Kvartiler')}: "
                f"{number(row.lower_quartile, 1)}–{number(row.upper_quartile, 1)}",
            )
        )
        medians.append(
            Rule(
                x_of(row.median),
                centre - 11,
                x_of(row.median),
                centre + 14,
                palette.HIGHLIGHT,
                3,
                f"{_('Median')}: {number(row.median, 1)}",
            )
        )
    return Plot(
        WIDTH,
        height(len(rows), axis=True),
        rules=rules,
        boxes=tuple(bars + bands),
        marks=tuple(medians),
        labels=ticks + row_labels([row.name for row in rows]),
    )


def level_bars(
    rows: Sequence[LevelRow],
    title: str,
    maximum: int,
    *,
    legend: tuple[str, str, str] = ("", "", ""),
) -> Chart:
    """Each row's level against its group; ``legend`` names the level, the median and the
    quartiles as the page speaks of them."""

    def spread(row: LevelRow) -> list[str]:
        if row.median is None or row.lower_quartile is None or row.upper_quartile is None:
            return ["–", "–"]
        return [
            number(row.median, 1),
            span(number(row.lower_quartile, 1), number(row.upper_quartile, 1)),
        ]

    own, median, quartiles = legend
    plot = level_plot(rows, maximum)
    return Chart(
        title=title,
        description=_(
            "Liggande staplar med nivån, 0 till %(maximum)s, för var och en av %(count)s rader, "
            "med jämförelsegruppens median och kvartiler."
        )
        % {"maximum": maximum, "count": len(rows)},
        plot=plot,
        phone=phone_layout(plot, len(rows)),
        template=TEMPLATE,
        table=Table.of(
            title,
            ["", _("Nivå"), _("Median"), _("Kvartiler")],
            [(row.name, [number(row.level), *spread(row)]) for row in rows],
        ),
        legend=(
            Swatch(own or _("Nivå"), palette.ACCENT),
            Swatch(median or _("Median"), palette.HIGHLIGHT, "rule"),
            Swatch(quartiles or _("Kvartiler"), palette.BAND, "band"),
        ),
    )
