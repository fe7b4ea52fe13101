"""Parts of one app's page that another app fills in, without the page's app importing it.

A municipality's page shows its use cases and its maturity, but the municipalities app sits
below the register and the maturity apps: they contribute their sections from their
``AppConfig.ready()``, and the page renders whatever has been contributed, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

ContextOf = Callable[[HttpRequest, Any], dict[str, Any]]


@dataclass(frozen=True)
class Section:
    template: str
    context_of: ContextOf
    order: int


_contributed: dict[str, list[Section]] = {}


def contribute(page: str, template: str, context_of: ContextOf, *, order: int) -> None:
    """Add a section to ``page``: ``template`` rendered with ``context_of(request, subject)``."""
    sections = _contributed.setdefault(page, [])
    if any(section.template == template for section in sections):
        return  # ready() can run twice in tests that reload apps
    sections.append(Section(template, context_of, order))
    sections.sort(key=lambda section: section.order)


def rendered(page: str, request: HttpRequest, subject: Any) -> list[SafeString]:
    """The HTML of every section contributed to ``page``, about ``subject``."""
    return [
        mark_safe(render_to_string(section.template, section.context_of(request, subject), request))
        for section in _contributed.get(page, [])
    ]
