"""Idempotency keys: a retried write (after an answer lost on the way) stores nothing new.

A form carries a key made when it is rendered (a hidden field); an API client sends one in the
``Idempotency-Key`` header (as the IETF draft "The Idempotency-Key HTTP Header Field",
draft-ietf-httpapi-idempotency-key-header, describes). The row a write creates stores its key
under a unique constraint, so the write and its key are committed together: a retry either
finds the row and answers with it, or, racing the first attempt, fails on the constraint and
then finds it.
"""

from __future__ import annotations

import re
import secrets

from django import forms

HEADER = "Idempotency-Key"
MAX_LENGTH = 100
# Long enough that a client's keys do not collide by chance; URL-safe so they log cleanly.
_PATTERN = re.compile(r"[A-Za-z0-9_.:-]{16,100}")


def new_key() -> str:
    """A fresh key, for a form about to be rendered."""
    return secrets.token_urlsafe(24)


def is_valid(key: str) -> bool:
    return bool(_PATTERN.fullmatch(key))


def usable(value: object) -> str:
    """``value`` as a key if it is a valid one, else empty (no protection against a retry)."""
    text = str(value or "").strip()
    return text if is_valid(text) else ""


def key_problem(key: str | None) -> str | None:
    """Why an ``Idempotency-Key`` header cannot be used, in English for the API; None if it can."""
    if key is None or is_valid(key):
        return None
    return (
        f"the {HEADER} header must be 16 to {MAX_LENGTH} characters of letters, digits and "
        "_ . : -, for instance a UUID"
    )


class IdempotencyKeyField(forms.CharField):
    """A hidden field holding a new key each time an unbound form is rendered.

    A key that is not one of ours (edited by hand) is dropped rather than refused: the write
    then simply is not protected against a retry, which is what it would be without the field.
    """

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("initial", new_key)
        super().__init__(max_length=None, **kwargs)  # type: ignore[arg-type]

    def clean(self, value: object) -> str:
        return usable(value)
