"""A chart as a page shows it: an SVG image with its title and description, a legend and the
same numbers as a table.

Every chart follows one pattern, written out by ``charts/figure.html``:

- a ``<figure>`` named by its caption (or by the heading above it, ``heading_id``);
- the SVG, ``role="img"`` (a map, which holds links, ``role="group"``), labelled by its
  ``<title>`` and described by its ``<desc>``: what the chart shows and where its numbers are;
- the legend, its swatches small SVGs in the chart's colours;
- the table alternative: the chart's own numbers in a ``<details>`` under it, or, where the
  page shows a fuller table of the same numbers right below (``table_below``), a note saying
  so. The print style sheet opens the ``<details>``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from radslag.charts import palette


@dataclass(frozen=True)
class Swatch:
    """A legend entry: a colour and what it stands for, drawn as ``shape``: a ``box`` (a
    filled area), a ``rule`` (a line, a median) or a ``band`` (a spread)."""

    label: str
    colour: str
    shape: str = "box"

    @property
    def outline(self) -> str:
        return "" if palette.stands_out(self.colour) else palette.OUTLINE


@dataclass(frozen=True)
class Cell:
    text: str
    link: str = ""


@dataclass(frozen=True)
class Row:
    """A table row: its header (the category, year or area) and its cells."""

    header: Cell
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """The chart's numbers as a table: one row per category, numbers right-aligned."""

    caption: str
    columns: tuple[str, ...]  # the first names the rows' headers
    rows: tuple[Row, ...]
    empty: str = ""  # said instead of rows when there are none

    @classmethod
    def of(
        cls,
        caption: str,
        columns: Sequence[str],
        rows: Sequence[tuple[str, Sequence[str]]],
        empty: str = "",
    ) -> Table:
        return cls(
            caption,
            tuple(columns),
            tuple(Row(Cell(header), tuple(cells)) for header, cells in rows),
            empty,
        )


@dataclass(frozen=True)
class Chart:
    """One chart: what it draws (``plot``, through ``template``), what it is and its numbers.

    ``str(chart)`` and ``{{ chart }}`` give the whole figure; ``chart.svg`` the image alone,
    for a page that lays out the legend and table itself (the map beside its legend). A chart
    with a ``phone`` plot carries both images; the style sheet shows one by the screen's width.
    """

    title: str
    description: str
    plot: object
    template: str
    table: Table
    legend: tuple[Swatch, ...] = ()
    role: str = "img"
    note: str = ""  # beside the caption: a source, a scale
    heading_id: str = ""  # a heading right above that names the figure instead of a caption
    table_below: bool = False  # the page's own table of the same numbers follows
    css_class: str = ""
    key: str = ""
    # The plot laid out for a phone (radslag.charts.phone); the page shows one by its width.
    phone: object | None = None

    @property
    def id(self) -> str:
        return "chart-" + (self.key or slugify(self.title)[:48])

    def placed(self, **options: object) -> Chart:
        """The same chart with other figure options (``note``, ``heading_id``, ...)."""
        return dataclasses.replace(self, **options)  # type: ignore[arg-type]

    def svg(self) -> SafeString:
        return self._image(self.plot, "chart-wide" if self.phone else "", "")

    def phone_svg(self) -> SafeString:
        """The image in its phone layout, with ids of its own; empty without one."""
        return (
            mark_safe("")
            if self.phone is None
            else self._image(self.phone, "chart-phone", "-phone")
        )

    def _image(self, plot: object, layout: str, suffix: str) -> SafeString:
        context = {"chart": self, "plot": plot, "layout": layout, "suffix": suffix}
        return mark_safe(render_to_string(self.template, context))

    def __html__(self) -> str:
        return render_to_string("charts/figure.html", {"chart": self})

    def __str__(self) -> str:
        return self.__html__()
