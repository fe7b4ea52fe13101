"""The language of the municipalities' own texts, and marking it where a page has another one.

What the municipalities write (needs, initiatives, rounds) is in Swedish. On a page in English
those texts carry ``lang="sv"`` (WCAG 2.1, 3.1.2), so a screen reader reads them with Swedish
pronunciation; on a Swedish page nothing is added and the markup stays as it was.
"""

from __future__ import annotations

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

MUNICIPAL_LANGUAGE = "sv"


def page_is_in(language: str) -> bool:
    """Whether the page being made is in ``language``."""
    return language == get_language()


def marked_swedish(text: object) -> SafeString:
    """``text``, escaped, in a ``<span lang="sv">`` where the page is not Swedish."""
    if page_is_in(MUNICIPAL_LANGUAGE):
        return conditional_escape(str(text))
    return format_html('<span lang="{}">{}</span>', MUNICIPAL_LANGUAGE, text)
