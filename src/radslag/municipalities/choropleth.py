"""Choropleth maps: municipalities coloured by a figure, in classes of equal count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from radslag.municipalities.charts import SEQUENTIAL
from radslag.municipalities.geography import municipality_paths, view_box

NO_DATA = "#ffffff"


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


def legend(values: Sequence[float], palette: Sequence[str] = SEQUENTIAL) -> list[LegendClass]:
    breaks = quantile_breaks(values, len(palette))
    if not breaks:
        return []
    # With fewer distinct bounds than colours, spread the colours over the classes there are.
    step = (len(palette) - 1) / max(len(breaks) - 1, 1)
    colours = [palette[round(i * step)] for i in range(len(breaks))]
    lower = min(values)
    classes = []
    for colour, upper in zip(colours, breaks, strict=True):
        classes.append(LegendClass(colour, lower, upper))
        lower = upper
    return classes


def colour_of(value: float | None, classes: Sequence[LegendClass]) -> str:
    if value is None:
        return NO_DATA
    for legend_class in classes:
        if value <= legend_class.upper:
            return legend_class.colour
    return classes[-1].colour if classes else NO_DATA


def choropleth_svg(
    values: Mapping[str, float | None],
    names: Mapping[str, str],
    classes: Sequence[LegendClass],
    label: str,
    format_value: object,
) -> SafeString:
    """The map; each municipality links to its page and names its value on hover.

    The links are kept out of the tab order and hidden from assistive technology: the table
    beside the map carries the same links for keyboard and screen-reader users, without 290
    stops on the way. The map is therefore a labelled group, not an image: an image may hold
    no links, and a screen reader would not know what to make of the ones inside it.
    """
    paths = municipality_paths()
    formatter = format_value if callable(format_value) else str
    shapes = format_html_join(
        "",
        '<a href="{}" tabindex="-1" aria-hidden="true">'
        '<path d="{}" fill="{}"><title>{}: {}</title></path></a>',
        (
            (
                reverse("municipalities:detail", args=[code]),
                path,
                colour_of(values.get(code), classes),
                names.get(code, code),
                formatter(values.get(code)),
            )
            for code, path in sorted(paths.items())
        ),
    )
    return format_html(
        '<svg viewBox="{}" role="group" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        "{}</svg>",
        view_box(),
        label,
        shapes,
    )
