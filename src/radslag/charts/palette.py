"""Every colour of Rådslag's charts and maps, and the style sheet's names for them.

The style sheet declares the same colours as custom properties (``CSS_NAMES``, written out by
``css_declarations``); a test reads ``radslag.css`` and fails when the two disagree, so a
colour is changed here and there together.

Contrast (WCAG 2.1, success criterion 1.4.11): a mark that carries a value on its own (a line,
a dot, a median, an interval, a bar of one colour) has at least 3:1 against the white page
(``STANDS_OUT``). The lighter fills of a sequence (the first classes of a map, the first
stages and levels of a stacked bar) cannot and need not: they are always drawn with an
``OUTLINE`` that has, and a test checks every chart for it. Grid lines and the country behind
a locator map only help the eye and carry nothing of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

PAGE = "#ffffff"  # the page behind every chart
INK = "#1b1f24"  # text
MUTED = "#4a5561"  # axis labels, secondary text
ACCENT = "#1d4f91"  # the one series: a line, a municipality's own bar
GRID = "#d5dbe2"  # grid lines
LAND = "#dfe5eb"  # the country behind a locator map
HIGHLIGHT = "#c2410c"  # what stands out: a group's median, the municipality on a map
HIGHLIGHT_EDGE = "#7c2d12"
BAND = "#7094c8"  # a spread: quartiles, an interval
OUTLINE = "#6b7785"  # around light fills: bar parts, map areas
NO_DATA = "#ffffff"  # an area without a value on a map
EMPTY = "#e8ecf0"  # an area with nothing to count, where most have nothing (a sparse map)
# Sequential blues from ColorBrewer (Brewer, 2002), readable by people with colour-vision
# deficiencies.
SEQUENTIAL = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
# Stages of a use case from idea to production in ever darker blue, retired in grey.
STAGES: Mapping[str, str] = MappingProxyType(
    {
        "ide": "#9ecae1",
        "forstudie": "#6baed6",
        "pilot": "#3182bd",
        "i-drift": "#08519c",
        "avvecklad": "#737373",
    }
)

# Colours that mark a value on their own, without an outline.
STANDS_OUT = (INK, MUTED, ACCENT, HIGHLIGHT, HIGHLIGHT_EDGE, BAND, OUTLINE)

CSS_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "--ink": INK,
        "--muted": MUTED,
        "--accent": ACCENT,
        "--line": GRID,
        "--chart-land": LAND,
        "--chart-highlight": HIGHLIGHT,
        "--chart-band": BAND,
        "--chart-outline": OUTLINE,
        "--chart-no-data": NO_DATA,
        "--chart-empty": EMPTY,
        **{f"--chart-sequential-{index}": colour for index, colour in enumerate(SEQUENTIAL, 1)},
        **{f"--chart-stage-{key}": colour for key, colour in STAGES.items()},
    }
)


def css_declarations() -> str:
    """The custom properties as the style sheet's ``:root`` declares them."""
    return "\n".join(f"  {name}: {colour};" for name, colour in CSS_NAMES.items())


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def stands_out(colour: str) -> bool:
    """Whether a mark of this colour is told from the page without an outline (3:1)."""
    return contrast(colour, PAGE) >= 3.0
