"""Axes and numbers: a linear scale, round tick values, numbers as Swedish writes them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.formats import number_format


@dataclass(frozen=True)
class Scale:
    """Maps values from ``low..high`` onto positions ``start..end`` (``end`` may be smaller:
    a vertical axis grows upwards). With ``clip``, values outside the domain stop at its ends."""

    low: float
    high: float
    start: float
    end: float
    clip: bool = False

    def __call__(self, value: float) -> float:
        if self.clip:
            value = min(max(value, self.low), self.high)
        span = self.high - self.low or 1.0
        return self.start + (value - self.low) / span * (self.end - self.start)


def shortened(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` characters, the last an ellipsis, when it is longer."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


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


def number(value: float, decimals: int = 0) -> str:
    """``12345.6`` as ``12 346`` in Swedish, ``12,346`` in English."""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def span(lower: str, upper: str) -> str:
    """A range of two written numbers, or one where they read the same."""
    return lower if lower == upper else f"{lower}–{upper}"
