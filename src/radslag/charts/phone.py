"""The same plot laid out for a phone, so that its text stays readable there.

A plot is drawn in its own units and the page scales it to the column it stands in. A row
chart is 640 units across, so on a phone's column of about 340 px its 12-unit labels would
shrink to 6 px. Under the phone layout a row's label stands above its bar, across the whole
width, and the values take the whole width too; a yearly line is drawn narrower. Either way the
plot is about as many units across as the phone has pixels, so the text keeps its size. The
page carries both layouts and the style sheet shows one by the screen's width.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from radslag.charts.marks import Box, Path, Plot, Rule
from radslag.charts.scales import shortened

Map = Callable[[float], float]

WIDTH = 340
# Room above each row for its label, and the labels' length in characters at that width.
LABEL_HEIGHT = 16
LABEL_CHARACTERS = 46
# Half a tick label may stand left of the value axis's start.
MARGIN = 12


@dataclass(frozen=True)
class Rows:
    """A row chart's geometry: labels left of ``label_width``, values up to ``right`` from the
    plot's right edge, ``count`` rows of ``row`` units from ``top``."""

    label_width: float
    right: float
    top: float
    row: float
    count: int


@dataclass(frozen=True)
class Years:
    """A chart across years: values from ``left`` to ``right`` units from the right edge."""

    left: float
    right: float


def for_phone(plot: Plot, layout: Rows | Years) -> Plot:
    """``plot`` laid out ``WIDTH`` units across, with its text at the same size."""
    if isinstance(layout, Rows):
        return _rows(plot, layout)
    return _years(plot, layout)


def _rows(plot: Plot, rows: Rows) -> Plot:
    scale = (WIDTH - MARGIN - rows.right) / (plot.width - rows.label_width - rows.right)

    def x(value: float) -> float:
        return MARGIN + (value - rows.label_width) * scale

    def y(value: float) -> float:
        # Every row moves down by the labels above it and its own.
        if value < rows.top:
            return value
        index = int((value - rows.top) // rows.row)
        return value + min(index + 1, rows.count) * LABEL_HEIGHT

    def label_baseline(value: float) -> float:
        index = min(int((value - rows.top) // rows.row), rows.count - 1)
        return rows.top + index * (rows.row + LABEL_HEIGHT) + LABEL_HEIGHT - 4

    labels = []
    for label in plot.labels:
        if label.anchor == "end" and label.x <= rows.label_width:
            name = label.title or label.text
            labels.append(
                dataclasses.replace(
                    label,
                    x=MARGIN,
                    y=label_baseline(label.y),
                    text=shortened(name, LABEL_CHARACTERS),
                    anchor="start",
                    title=name if len(name) > LABEL_CHARACTERS else "",
                )
            )
        else:
            labels.append(dataclasses.replace(label, x=x(label.x), y=y(label.y)))
    return Plot(
        WIDTH,
        plot.height + rows.count * LABEL_HEIGHT,
        rules=tuple(part for rule in plot.rules for part in _grid_line(rule, rows, x, y)),
        boxes=tuple(_box(box, x, scale, y) for box in plot.boxes),
        lines=tuple(_path(path, x, y) for path in plot.lines),
        marks=tuple(_rule(rule, x, y) for rule in plot.marks),
        dots=tuple(dataclasses.replace(dot, x=x(dot.x), y=y(dot.y)) for dot in plot.dots),
        labels=tuple(labels),
    )


def _grid_line(rule: Rule, rows: Rows, x: Map, y: Map) -> tuple[Rule, ...]:
    """A grid line across the rows, in pieces that leave the labels above the rows clear."""
    if rule.x1 != rule.x2 or rows.count == 0:
        return (_rule(rule, x, y),)
    low, high = sorted((rule.y1, rule.y2))
    first = max(int((low - rows.top) // rows.row), 0)
    last = min(int(-(-(high - rows.top) // rows.row)), rows.count)
    if last - first <= 1:
        return (_rule(rule, x, y),)
    # A row's own band, where its marks are, runs from just under its label to the next label.
    return tuple(
        dataclasses.replace(
            rule,
            x1=x(rule.x1),
            x2=x(rule.x2),
            y1=rows.top + index * (rows.row + LABEL_HEIGHT) + LABEL_HEIGHT,
            y2=rows.top + (index + 1) * (rows.row + LABEL_HEIGHT),
        )
        for index in range(first, last)
    )


def _years(plot: Plot, years: Years) -> Plot:
    scale = (WIDTH - years.left - years.right) / (plot.width - years.left - years.right)

    def x(value: float) -> float:
        # Labels left of the values (the value axis's) keep their place.
        return value if value < years.left else years.left + (value - years.left) * scale

    def same(value: float) -> float:
        return value

    return Plot(
        WIDTH,
        plot.height,
        rules=tuple(_rule(rule, x, same) for rule in plot.rules),
        boxes=tuple(_box(box, x, scale, same) for box in plot.boxes),
        lines=tuple(_path(path, x, same) for path in plot.lines),
        marks=tuple(_rule(rule, x, same) for rule in plot.marks),
        dots=tuple(dataclasses.replace(dot, x=x(dot.x)) for dot in plot.dots),
        labels=tuple(dataclasses.replace(label, x=x(label.x)) for label in plot.labels),
    )


def _rule(rule: Rule, x: Map, y: Map) -> Rule:
    return dataclasses.replace(rule, x1=x(rule.x1), y1=y(rule.y1), x2=x(rule.x2), y2=y(rule.y2))


def _box(box: Box, x: Map, scale: float, y: Map) -> Box:
    return dataclasses.replace(box, x=x(box.x), y=y(box.y), width=box.width * scale)


def _path(path: Path, x: Map, y: Map) -> Path:
    return dataclasses.replace(path, points=tuple((x(a), y(b)) for a, b in path.points))
