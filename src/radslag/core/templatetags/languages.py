"""Marking text that is written in another language than the page's (WCAG 2.1, 3.1.2)."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
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


@register.filter
def swedish(text: object) -> SafeString:
    """``text`` (written by a municipality) in a ``<span lang="sv">`` where the page is not Swedish.

    For names quoted inside a translated sentence, where no element of their own holds them.
    """
    if get_language() == MUNICIPAL_LANGUAGE:
        return conditional_escape(str(text))
    return format_html('<span lang="{}">{}</span>', MUNICIPAL_LANGUAGE, text)
