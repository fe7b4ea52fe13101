"""Marking text that is written in another language than the page's (WCAG 2.1, 3.1.2)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

# What the municipalities write (needs, initiatives, rounds) is in Swedish.
MUNICIPAL_LANGUAGE = "sv"


@register.simple_tag
def written_in(language: str = MUNICIPAL_LANGUAGE) -> SafeString:
    """`` lang="…"`` for an element whose text is in ``language`` on a page in another one.

    On a page in the text's own language it gives nothing, so a screen reader keeps the page's
    voice and the markup stays as it was.
    """
    if not language or language == get_language():
        return SafeString("")
    return format_html(' lang="{}"', language)
