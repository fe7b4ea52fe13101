"""HTML compared as HTML: attribute order, quoting and whitespace between tags do not matter."""

from __future__ import annotations

from django.test.html import parse_html


def occurrences(page: str, fragment: str) -> int:
    """How often ``fragment`` (complete elements) occurs in ``page``, as assertInHTML counts."""
    return parse_html(page).count(parse_html(fragment))


def contains(page: str, fragment: str) -> bool:
    return occurrences(page, fragment) > 0
