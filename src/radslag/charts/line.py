"""A line chart of a yearly series: a municipality's key figure, a maturity level over time."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from radslag.charts import palette
from radslag.charts.figure import Chart, Table
from radslag.charts.marks import Dot, Label, Path, Plot, Rule
from radslag.charts.phone import Years, for_phone
from radslag.charts.scales import Scale, nice_ticks, number

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 16, 32


def line_plot(
    points: Sequence[tuple[int, float]],
    *,
    domain: tuple[float, float] | None = None,
    decimals: int = 0,
    every_year: bool = False,
) -> Plot:
    """The series as a line with a dot per year, over a grid of round values.

    ``domain`` fixes the vertical axis (a maturity level's 1..5, so small changes look small)
    with a grid line at every whole number; otherwise the axis covers the values in round
    steps. Years are labelled at both ends and the middle, or every one with ``every_year``.
    ``decimals`` is how values are written in the dots' titles.
    """
    years = [year for year, _ in points]
    values = [value for _, value in points]
    if domain is None:
        ticks = nice_ticks(min(values), max(values))
    else:
        ticks = [float(tick) for tick in range(int(domain[0]), int(domain[1]) + 1)]
    first, last = min(years), max(years)
    x_of = Scale(first, max(last, first + 1), LEFT, WIDTH - RIGHT)
    y_of = Scale(ticks[0], ticks[-1], HEIGHT - BOTTOM, TOP)
    labelled = sorted(set(years)) if every_year else sorted({first, (first + last) // 2, last})
    return Plot(
        WIDTH,
        HEIGHT,
        rules=tuple(Rule(LEFT, y_of(tick), WIDTH - RIGHT, y_of(tick)) for tick in ticks),
        lines=(Path(tuple((x_of(year), y_of(value)) for year, value in points)),),
        dots=tuple(
            Dot(x_of(year), y_of(value), 3, title=f"{year}: {number(value, decimals)}")
            for year, value in points
        ),
        labels=tuple(
            Label(LEFT - 6, y_of(tick) + 4, number(tick), "end", palette.MUTED, 11)
            for tick in ticks
        )
        + tuple(
            Label(x_of(year), HEIGHT - 10, str(year), "middle", palette.MUTED, 11)
            for year in labelled
        ),
    )


def describe(points: Sequence[tuple[int, float]], decimals: int, unit: str) -> str:
    """The series in words: where it starts and ends, its lowest and highest value."""
    (first_year, first), (last_year, last) = points[0], points[-1]
    low_year, low = min(points, key=lambda point: point[1])
    high_year, high = max(points, key=lambda point: point[1])
    suffix = f" {unit}" if unit else ""
    return _(
        "Linjediagram, %(count)s år: från %(first)s%(unit)s %(first_year)s till %(last)s%(unit)s "
        "%(last_year)s; lägst %(low)s (%(low_year)s), högst %(high)s (%(high_year)s)."
    ) % {
        "count": len(points),
        "first": number(first, decimals),
        "first_year": first_year,
        "last": number(last, decimals),
        "last_year": last_year,
        "low": number(low, decimals),
        "low_year": low_year,
        "high": number(high, decimals),
        "high_year": high_year,
        "unit": suffix,
    }


def line_chart(
    points: Sequence[tuple[int, float]],
    title: str,
    *,
    unit: str = "",
    domain: tuple[float, float] | None = None,
    decimals: int = 0,
    every_year: bool = False,
) -> Chart | None:
    """The series as a line chart with its table (year, value); ``None`` without points."""
    if not points:
        return None
    points = sorted(points)
    plot = line_plot(points, domain=domain, decimals=decimals, every_year=every_year)
    return Chart(
        title=title,
        description=describe(points, decimals, unit),
        plot=plot,
        phone=for_phone(plot, Years(LEFT, RIGHT)),
        template="charts/svg/plot.svg",
        table=Table.of(
            title,
            (_("År"), unit or _("Värde")),
            [(str(year), [number(value, decimals)]) for year, value in points],
        ),
    )
