"""How a page marks example data: a tag beside one record, a notice above a page of them."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("core/example_tag.html")
def example_tag(record: Any) -> dict[str, Any]:
    """The small "exempeldata" tag beside a record that is example data; nothing otherwise."""
    return {"shown": bool(getattr(record, "is_example", False))}


@register.inclusion_tag("core/example_notice.html")
def example_notice(message: str) -> dict[str, Any]:
    """The notice at the top of a page showing example data, with what is simulated there."""
    return {"message": message}
