"""Axes and numbers: round tick values, coordinates as text, numbers as Swedish writes them."""

from __future__ import annotations

import math

from django.utils.formats import number_format


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About ``count`` round steps (1, 2, 2.5 or 5 times a power of ten) covering low..high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(value)
        value += step
    if ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def coordinate(value: float) -> str:
    # format_html escapes its arguments, so coordinates arrive as pre-formatted strings.
    return f"{value:.1f}"


def number(value: float, decimals: int = 0) -> str:
    """``12345.6`` as ``12 346`` in Swedish, ``12,346`` in English."""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
