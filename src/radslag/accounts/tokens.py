"""Personal API keys: made, found by their digest, revoked."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from radslag.accounts.models import ApiToken
from radslag.core.secret_links import digest, new_secret

PREFIX = "rs_"


def create(person: Any, name: str) -> tuple[ApiToken, str]:
    """A new key and its only copy in clear, for the page that shows it once."""
    token = new_secret(PREFIX)
    made = ApiToken.objects.create(
        person=person, name=name, prefix=token[:10], token_hash=digest(token)
    )
    return made, token


def owner(token: str) -> Any | None:
    """The active person a live key belongs to, or None."""
    found = ApiToken.objects.live().select_related("person").filter(token_hash=digest(token))
    key = found.first()
    if key is None:
        return None
    now = timezone.now()
    # Writing on every request would make each read a write; a minute's precision is enough.
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=key.pk).update(last_used_at=now)
    return key.person


def revoke(key: ApiToken) -> None:
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
