"""``{{ value|coordinate }}``: a position in an SVG, written the same in every language."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def coordinate(value: float) -> str:
    # Not through the number formatting of the page's language: SVG wants "12.5", never "12,5".
    return f"{value:.1f}".removesuffix(".0")
