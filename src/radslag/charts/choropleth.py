"""Choropleth maps: areas coloured by a figure in classes, with the classes for a legend;
and a locator map that finds one area in its country.

The shapes come from the caller (the municipalities app holds the map of Sweden); this module
only colours them, links them and names each area's value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from radslag.charts import palette
from radslag.charts.figure import Cell, Chart, Row, Swatch, Table
from radslag.charts.scales import span


@dataclass(frozen=True)
class Area:
    """One area of a map: its outline (SVG path data), colour, link and what it is."""

    shape: str
    fill: str
    link: str
    title: str


@dataclass(frozen=True)
class MapPlot:
    view_box: str
    areas: tuple[Area, ...]
    outline: str = palette.OUTLINE


@dataclass(frozen=True)
class LegendClass:
    colour: str
    lower: float
    upper: float


def quantile_breaks(values: Sequence[float], classes: int) -> list[float]:
    """Upper bounds of ``classes`` classes holding about equally many values each."""
    ordered = sorted(values)
    if not ordered:
        return []
    breaks = []
    for index in range(1, classes + 1):
        position = min(len(ordered) - 1, round(index * len(ordered) / classes) - 1)
        breaks.append(ordered[max(position, 0)])
    # Equal values across a boundary would make an empty class; keep each bound once.
    return sorted(set(breaks))


def legend(
    values: Sequence[float], colours: Sequence[str] = palette.SEQUENTIAL
) -> list[LegendClass]:
    """Classes of about equally many values, one colour each."""
    breaks = quantile_breaks(values, len(colours))
    if not breaks:
        return []
    # With fewer distinct bounds than colours, spread the colours over the classes there are.
    step = (len(colours) - 1) / max(len(breaks) - 1, 1)
    classes = []
    lower = min(values)
    for index, upper in enumerate(breaks):
        classes.append(LegendClass(colours[round(index * step)], lower, upper))
        lower = upper
    return classes


# The darker blues only: even one counted thing must stand out from the white of "none".
COUNT_COLOURS = palette.SEQUENTIAL[2:]


def count_legend(counts: Sequence[int]) -> list[LegendClass]:
    """Classes for small whole counts: one class per count while there are few.

    Quantile classes of counts such as 1, 1, 1, 2 would read "1–1" and "1–2"; here each class
    starts one above the previous one's end.
    """
    distinct = sorted(set(counts))
    if not distinct:
        return []
    if len(distinct) <= len(COUNT_COLOURS):
        uppers = [float(value) for value in distinct]
    else:
        uppers = quantile_breaks([float(count) for count in counts], len(COUNT_COLOURS))
    step = (len(COUNT_COLOURS) - 1) / max(len(uppers) - 1, 1)
    classes = []
    lower = float(distinct[0])
    for index, upper in enumerate(uppers):
        classes.append(LegendClass(COUNT_COLOURS[round(index * step)], lower, upper))
        lower = upper + 1
    return classes


def colour_of(
    value: float | None, classes: Sequence[LegendClass], no_data: str = palette.NO_DATA
) -> str:
    if value is None:
        return no_data
    for legend_class in classes:
        if value <= legend_class.upper:
            return legend_class.colour
    return classes[-1].colour if classes else no_data


def map_plot(
    shapes: Mapping[str, str],
    view_box: str,
    *,
    values: Mapping[str, float | None],
    names: Mapping[str, str],
    classes: Sequence[LegendClass],
    format_value: Callable[[float | None], str],
    link_of: Callable[[str], str],
    no_data: str = palette.NO_DATA,
) -> MapPlot:
    """Each area (SVG path data by key) coloured by its class, linked to ``link_of(key)`` and
    naming its value on hover."""
    return MapPlot(
        view_box,
        tuple(
            Area(
                path,
                colour_of(values.get(key), classes, no_data),
                link_of(key),
                f"{names.get(key, key)}: {format_value(values.get(key))}",
            )
            for key, path in sorted(shapes.items())
        ),
    )


def choropleth(
    shapes: Mapping[str, str],
    view_box: str,
    *,
    values: Mapping[str, float | None],
    names: Mapping[str, str],
    classes: Sequence[LegendClass],
    title: str,
    value_label: str,
    format_value: Callable[[float | None], str],
    link_of: Callable[[str], str],
    group: tuple[str, Mapping[str, str]] | None = None,
    no_data: str = palette.NO_DATA,
    no_data_label: str = "",
    empty: str = "",
) -> Chart:
    """The map with its legend and its table: a row per key of ``values``, in their order,
    with the area's name linked, its ``group`` (a column's name and a value per key, such as
    the county) and its value.

    The links are kept out of the tab order and hidden from assistive technology: the table
    carries the same links for keyboard and screen-reader users, without hundreds of stops on
    the way. The map is therefore a labelled group, not an image: an image may hold no links,
    and a screen reader would not know what to make of the ones inside it.
    """
    group_name, group_of = group if group else ("", {})
    columns = [_("Kommun"), *([group_name] if group else []), value_label]
    rows = tuple(
        Row(
            Cell(names.get(key, key), link_of(key)),
            (*([group_of.get(key, "")] if group else []), format_value(value)),
        )
        for key, value in values.items()
    )
    legend = tuple(
        Swatch(span(format_value(c.lower), format_value(c.upper)), c.colour) for c in classes
    )
    return Chart(
        title=title,
        description=_(
            "Karta där %(count)s kommuner är färgade i %(classes)s klasser efter värdet; "
            "samma siffror finns i tabellen."
        )
        % {"count": len(shapes), "classes": len(classes)},
        plot=map_plot(
            shapes,
            view_box,
            values=values,
            names=names,
            classes=classes,
            format_value=format_value,
            link_of=link_of,
            no_data=no_data,
        ),
        template="charts/svg/map.svg",
        table=Table(title, tuple(columns), rows, empty),
        legend=legend + ((Swatch(no_data_label, no_data),) if no_data_label else ()),
        role="group",
    )


def locator(
    background: Sequence[str], shape: str, view_box: str, label: str, key: str = ""
) -> SafeString:
    """A small map of the ``background`` areas (their path data) with one ``shape`` filled,
    and a ring around it, so that a small area is found on a small map."""
    numbers = [int(n) for n in re.findall(r"-?\d+", shape)]
    xs, ys = numbers[0::2], numbers[1::2]
    ring = {
        "x": (min(xs) + max(xs)) // 2,
        "y": (min(ys) + max(ys)) // 2,
        "radius": max(max(xs) - min(xs), max(ys) - min(ys)) // 2 + 25,
    }
    context = {
        "id": "locator-" + (key or "map"),
        "label": label,
        "view_box": view_box,
        "background": background,
        "shape": shape,
        "ring": ring,
        "palette": palette,
    }
    return mark_safe(render_to_string("charts/svg/locator.svg", context))
