"""Server-rendered, accessible SVG charts for every page and report.

Each chart is an ``<svg role="img">`` (a map, which holds links, a ``role="group"``) with a
label, a ``<title>`` on every mark naming its value, colours from one palette shared with the
style sheet, and no inline style (the Content-Security-Policy forbids it). Pages show the same
numbers in a table beside each chart; the print style sheet keeps both.
"""

from __future__ import annotations

from radslag.charts.bars import Series, level_bars, share_bars, stacked_bars
from radslag.charts.choropleth import (
    LegendClass,
    choropleth,
    colour_of,
    count_legend,
    legend,
    quantile_breaks,
)
from radslag.charts.intervals import IntervalRow, interval_chart
from radslag.charts.line import LineChart, line_chart

__all__ = [
    "IntervalRow",
    "LegendClass",
    "LineChart",
    "Series",
    "choropleth",
    "colour_of",
    "count_legend",
    "interval_chart",
    "legend",
    "level_bars",
    "line_chart",
    "quantile_breaks",
    "share_bars",
    "stacked_bars",
]
