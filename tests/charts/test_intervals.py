"""Dots with intervals: each estimate on the band of its uncertainty."""

from __future__ import annotations

from radslag.charts import IntervalRow, interval_chart
from tests.charts.svg import marks, number, parsed


def test_each_dot_lies_on_its_band_and_a_wider_interval_draws_a_longer_band() -> None:
    svg = interval_chart(
        [IntervalRow("Säker", 60.0, 55.0, 65.0), IntervalRow("Osäker", 40.0, 10.0, 70.0)],
        "Poäng",
        domain=(0, 100),
    )

    bands = [line for line in marks(svg, "line") if line.attrib.get("stroke-width") == "8"]
    dots = marks(svg, "circle")
    assert len(bands) == len(dots) == 2
    for band, dot in zip(bands, dots, strict=True):
        assert number(band, "x1") <= number(dot, "cx") <= number(band, "x2")
        assert number(band, "y1") == number(dot, "cy")
    widths = [number(band, "x2") - number(band, "x1") for band in bands]
    assert widths[1] > widths[0]


def test_an_interval_beyond_the_axis_is_drawn_to_its_end() -> None:
    svg = interval_chart([IntervalRow("Utanför", 98.0, 90.0, 130.0)], "Poäng", domain=(0, 100))

    band = next(line for line in marks(svg, "line") if line.attrib.get("stroke-width") == "8")
    grid = [number(line, "x1") for line in marks(svg, "line") if line is not band]
    assert number(band, "x2") == max(grid)
    assert parsed(svg).attrib["role"] == "img"
