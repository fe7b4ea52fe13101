"""Server-rendered, accessible SVG charts for every page and report.

Each chart is an ``<svg role="img">`` (a map, which holds links, a ``role="group"``) labelled
by its ``<title>`` and described by its ``<desc>``, with a ``<title>`` on every mark naming its
value, colours from one palette shared with the style sheet, no inline style (the
Content-Security-Policy forbids it), and its numbers as a table: ``figure.Chart`` holds all of
it and ``charts/figure.html`` writes it out, the same way for every chart. The geometry is
plain Python (``line``, ``bars``, ``intervals``, ``choropleth`` compute ``marks``); the
templates only write it out.
"""

from __future__ import annotations

from radslag.charts.bars import LevelRow, Series, level_bars, share_bars, stacked_bars
from radslag.charts.choropleth import (
    LegendClass,
    choropleth,
    colour_of,
    count_legend,
    legend,
    locator,
    quantile_breaks,
)
from radslag.charts.comparison import PairRow, comparison_bars
from radslag.charts.figure import Chart, Swatch, Table
from radslag.charts.intervals import IntervalRow, interval_chart
from radslag.charts.line import line_chart

__all__ = [
    "Chart",
    "IntervalRow",
    "LegendClass",
    "LevelRow",
    "PairRow",
    "Series",
    "Swatch",
    "Table",
    "choropleth",
    "colour_of",
    "comparison_bars",
    "count_legend",
    "interval_chart",
    "legend",
    "level_bars",
    "line_chart",
    "locator",
    "quantile_breaks",
    "share_bars",
    "stacked_bars",
]
