"""Choropleth maps: areas coloured by a figure in classes, with the classes for a legend.

The shapes come from the caller (the municipalities app holds the map of Sweden); this module
only colours them, links them and names each area's value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from radslag.charts import palette


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


def colour_of(value: float | None, classes: Sequence[LegendClass]) -> str:
    if value is None:
        return palette.NO_DATA
    for legend_class in classes:
        if value <= legend_class.upper:
            return legend_class.colour
    return classes[-1].colour if classes else palette.NO_DATA


def choropleth(
    shapes: Mapping[str, str],
    view_box: str,
    *,
    values: Mapping[str, float | None],
    names: Mapping[str, str],
    classes: Sequence[LegendClass],
    label: str,
    format_value: Callable[[float | None], str],
    link_of: Callable[[str], str],
) -> SafeString:
    """The map: each area (SVG path data by key) coloured by its class, linked to
    ``link_of(key)`` and naming its value on hover.

    The links are kept out of the tab order and hidden from assistive technology: the table
    beside the map carries the same links for keyboard and screen-reader users, without
    hundreds of stops on the way. The map is therefore a labelled group, not an image: an image
    may hold no links, and a screen reader would not know what to make of the ones inside it.
    """
    paths = format_html_join(
        "",
        '<a href="{}" tabindex="-1" aria-hidden="true">'
        '<path d="{}" fill="{}"><title>{}: {}</title></path></a>',
        (
            (
                link_of(key),
                path,
                colour_of(values.get(key), classes),
                names.get(key, key),
                format_value(values.get(key)),
            )
            for key, path in sorted(shapes.items())
        ),
    )
    return format_html(
        '<svg viewBox="{}" role="group" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        "{}</svg>",
        view_box,
        label,
        paths,
    )
