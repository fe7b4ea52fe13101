"""Dots with intervals: an estimate per row and how uncertain it is, such as a round's scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from radslag.charts import palette
from radslag.charts.bars import WIDTH, axis, height, middle, row_labels, value_scale
from radslag.charts.bars import phone_layout as rows_for_phone
from radslag.charts.figure import Chart, Swatch, Table
from radslag.charts.marks import Dot, Plot, Rule
from radslag.charts.scales import nice_ticks, number, span


@dataclass(frozen=True)
class IntervalRow:
    label: str
    estimate: float
    low: float
    high: float


def interval_plot(
    rows: Sequence[IntervalRow], *, domain: tuple[float, float] | None = None, decimals: int = 0
) -> Plot:
    """A dot at each row's estimate on a band from its low to its high end.

    ``domain`` fixes the axis (0..100 for a score in percent); otherwise it covers the rows'
    intervals in round steps. An interval beyond the axis stops at its end.
    """
    if domain is None:
        ticks = nice_ticks(
            min((row.low for row in rows), default=0.0),
            max((row.high for row in rows), default=1.0),
        )
        domain = (ticks[0], ticks[-1])
    else:
        ticks = nice_ticks(*domain)
    x_of = value_scale(*domain, clip=True)
    rules, tick_labels = axis(len(rows), [(x_of(tick), number(tick)) for tick in ticks])
    return Plot(
        WIDTH,
        height(len(rows), axis=True),
        rules=rules,
        marks=tuple(
            Rule(
                x_of(row.low),
                middle(index),
                x_of(row.high),
                middle(index),
                palette.BAND,
                8,
                round=True,
            )
            for index, row in enumerate(rows)
        ),
        dots=tuple(
            Dot(
                x_of(row.estimate),
                middle(index),
                5,
                palette.ACCENT,
                f"{row.label}: {number(row.estimate, decimals)} "
                f"({number(row.low, decimals)}–{number(row.high, decimals)})",
                ring=palette.PAGE,
            )
            for index, row in enumerate(rows)
        ),
        labels=tick_labels + row_labels([row.label for row in rows]),
    )


def interval_chart(
    rows: Sequence[IntervalRow],
    title: str,
    *,
    domain: tuple[float, float] | None = None,
    decimals: int = 0,
    legend: tuple[str, str] = ("", ""),
) -> Chart:
    """Estimates with their intervals; ``legend`` names the estimate and the interval."""
    description = _("Punkter med osäkerhetsintervall för %(count)s rader.") % {"count": len(rows)}
    if rows:
        top = max(rows, key=lambda row: row.estimate)
        description += " " + _("Högst är %(name)s med %(estimate)s (%(low)s–%(high)s).") % {
            "name": top.label,
            "estimate": number(top.estimate, decimals),
            "low": number(top.low, decimals),
            "high": number(top.high, decimals),
        }
    estimate, interval = legend
    plot = interval_plot(rows, domain=domain, decimals=decimals)
    return Chart(
        title=title,
        description=description,
        plot=plot,
        phone=rows_for_phone(plot, len(rows)),
        template="charts/svg/plot.svg",
        table=Table.of(
            title,
            ["", estimate or _("Värde"), interval or _("Intervall")],
            [
                (
                    row.label,
                    [
                        number(row.estimate, decimals),
                        span(number(row.low, decimals), number(row.high, decimals)),
                    ],
                )
                for row in rows
            ],
        ),
        legend=(
            Swatch(estimate or _("Värde"), palette.ACCENT, "dot"),
            Swatch(interval or _("Intervall"), palette.BAND, "band"),
        ),
    )
