"""Dots with intervals: each estimate on the band of its uncertainty."""

from __future__ import annotations

from radslag.charts import IntervalRow, interval_chart
from radslag.charts.intervals import interval_plot
from tests.charts.svg import marks, number, parsed, table_rows


def test_each_dot_lies_on_its_band_and_a_wider_interval_draws_a_longer_band() -> None:
    plot = interval_plot(
        [IntervalRow("Säker", 60.0, 55.0, 65.0), IntervalRow("Osäker", 40.0, 10.0, 70.0)],
        domain=(0, 100),
    )

    assert len(plot.marks) == len(plot.dots) == 2
    for band, dot in zip(plot.marks, plot.dots, strict=True):
        assert band.x1 <= dot.x <= band.x2
        assert band.y1 == dot.y
    widths = [band.x2 - band.x1 for band in plot.marks]
    assert widths[1] > widths[0]


def test_an_interval_beyond_the_axis_is_drawn_to_its_end() -> None:
    chart = interval_chart([IntervalRow("Utanför", 98.0, 90.0, 130.0)], "Poäng", domain=(0, 100))

    band = next(line for line in marks(chart, "line") if line.attrib.get("stroke-width") == "8")
    grid = [number(line, "x1") for line in marks(chart, "line") if line is not band]
    assert number(band, "x2") == max(grid)
    assert parsed(chart).attrib["role"] == "img"


def test_its_table_gives_each_estimate_with_its_interval() -> None:
    chart = interval_chart(
        [IntervalRow("Säker", 60.4, 55.0, 65.2), IntervalRow("Osäker", 40.0, 10.0, 70.0)],
        "Poäng",
        domain=(0, 100),
    )

    assert table_rows(chart) == [["Säker", "60", "55–65"], ["Osäker", "40", "10–70"]]
    assert "Säker: 60 (55–65)" in [
        dot.title
        for dot in interval_plot([IntervalRow("Säker", 60.4, 55.0, 65.2)], domain=(0, 100)).dots
    ]
