"""Secrets handed out once and stored only as digests: invitation links, participation links,
API keys. Whoever reads the database cannot use them; the person holding one is found by its
digest."""

from __future__ import annotations

import hashlib
import secrets


def new_secret(prefix: str = "", length: int = 32) -> str:
    return prefix + secrets.token_urlsafe(length)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
