"""What a chart is drawn of: lines, boxes, dots and labels in the chart's own coordinates.

The chart modules compute these from the numbers (plain Python, tested without a page); the
templates in ``charts/templates/charts/`` write them out as SVG.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from radslag.charts import palette


@dataclass(frozen=True)
class Rule:
    """A straight line: a grid line, a median, an interval's band."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = palette.GRID
    width: float = 1.0
    title: str = ""
    round: bool = False  # round caps, for a band


@dataclass(frozen=True)
class Box:
    """A filled rectangle: a bar or a part of one, a quartile band."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str = ""
    # A light fill gets an outline so that it stands out from the page (palette.stands_out).
    stroke: str = ""

    @classmethod
    def outlined(
        cls, x: float, y: float, width: float, height: float, fill: str, title: str = ""
    ) -> Box:
        stroke = "" if palette.stands_out(fill) else palette.OUTLINE
        return cls(x, y, width, height, fill, title, stroke)


@dataclass(frozen=True)
class Dot:
    """A point: a year's value, an estimate; ringed in white to stand out on a band."""

    x: float
    y: float
    radius: float
    fill: str = palette.ACCENT
    title: str = ""
    ring: str = ""


@dataclass(frozen=True)
class Label:
    """A text: an axis label, a row's name (with its full name as title when shortened)."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    fill: str = palette.INK
    size: int = 12
    title: str = ""


@dataclass(frozen=True)
class Path:
    """A line through points, or an area's outline (SVG path data)."""

    points: tuple[tuple[float, float], ...] = ()
    stroke: str = palette.ACCENT
    width: float = 2.0

    @property
    def data(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)


@dataclass(frozen=True)
class Plot:
    """Everything a chart draws, in the order it is drawn (later on top)."""

    width: int
    height: int
    rules: tuple[Rule, ...] = ()
    boxes: tuple[Box, ...] = ()
    lines: tuple[Path, ...] = ()
    marks: tuple[Rule, ...] = field(default=())  # drawn over the boxes: medians, intervals
    dots: tuple[Dot, ...] = ()
    labels: tuple[Label, ...] = ()

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"
