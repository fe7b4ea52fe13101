"""Marking text that is written in another language than the page's (WCAG 2.1, 3.1.2)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from radslag.core.languages import MUNICIPAL_LANGUAGE, marked_swedish, page_is_in

register = template.Library()


@register.simple_tag
def written_in(language: str = MUNICIPAL_LANGUAGE) -> SafeString:
    """`` lang="…"`` for an element whose text is in ``language`` on a page in another one."""
    if not language or page_is_in(language):
        return SafeString("")
    return format_html(' lang="{}"', language)


@register.filter
def swedish(text: object) -> SafeString:
    """A municipality's ``text`` marked as Swedish where the page is not.

    For names quoted inside a translated sentence, where no element of their own holds them.
    """
    return marked_swedish(text)
