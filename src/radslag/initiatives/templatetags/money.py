"""Amounts of money as people read them: kronor with thin spaces, millions and billions."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kronor(amount: float | int | None) -> str:
    """``1 250 000 kr``: whole kronor grouped by thousands with non-breaking spaces."""
    if amount is None:
        return "–"
    return f"{round(amount):,}".replace(",", "\u00a0") + "\u00a0kr"


@register.filter
def millions(amount: float | None) -> str:
    """An estimate in millions of kronor with one decimal below ten, whole above."""
    if amount is None:
        return "–"
    value = amount / 1e6
    shown = f"{value:.1f}" if value < 10 else f"{value:,.0f}"
    return _("%(value)s mnkr") % {"value": shown.replace(",", "\u00a0").replace(".", ",")}


@register.inclusion_tag("initiatives/_estimate.html")
def estimate(values: tuple[float, float, float] | None) -> dict[str, object]:
    """A value range marked as an estimate, linked to its assumptions."""
    return {"values": values}
