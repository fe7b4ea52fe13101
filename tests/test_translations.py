"""The English translations: one entry per message, and the compiled file up to date."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from django.utils import translation

import radslag

PO_FILE = Path(radslag.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
_ENTRY = re.compile(r'^(?:msgctxt "((?:[^"\\]|\\.)*)"\n)?msgid ((?:"(?:[^"\\]|\\.)*"\n?)+)', re.M)


def _messages() -> list[tuple[str, str]]:
    text = PO_FILE.read_text(encoding="utf-8")
    return [
        (context or "", "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', msgid)))
        for context, msgid in _ENTRY.findall(text)
    ]


def test_no_message_is_translated_twice() -> None:
    repeated = [key for key, count in Counter(_messages()).items() if count > 1]

    assert repeated == []


def test_the_compiled_translations_hold_the_latest_entries() -> None:
    # The last entry of the .po file is the most recently added; the .mo must know it.
    context, message = _messages()[-1]
    with translation.override("en"):
        translated = (
            translation.pgettext(context, message) if context else translation.gettext(message)
        )

    assert translated != message
