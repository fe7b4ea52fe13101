"""Page links under a long list: Django's elided page range, addresses by ``{% querystring %}``."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page

register = template.Library()


@register.inclusion_tag("core/pagination.html", takes_context=True)
def pagination(context: template.Context, page: Page[Any], target: str = "") -> dict[str, Any]:
    """The first and last pages and two on each side of the current one; ``target`` is where
    htmx swaps the next page in (empty: an ordinary link)."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {
        "request": context.get("request"),
        "page": page,
        "numbers": list(numbers),
        "ellipsis": page.paginator.ELLIPSIS,
        "target": target,
    }
