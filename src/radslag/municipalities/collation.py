"""Swedish alphabetical order: å, ä and ö come after z, in that order.

Databases sort by code point (SQLite) or by the server's locale (PostgreSQL), and neither is
reliably Swedish, so lists of names are put in order here.
"""

from __future__ import annotations

_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_FOLD = {"é": "e", "è": "e", "ü": "y", "æ": "ä", "ø": "ö", "á": "a"}


def swedish_key(name: str) -> tuple[tuple[int, str], ...]:
    key = []
    for char in name.lower():
        char = _FOLD.get(char, char)
        key.append((_RANK.get(char, -1 if not char.isalpha() else len(_ALPHABET)), char))
    return tuple(key)
