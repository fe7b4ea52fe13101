"""Deploy checks for what the statements promise visitors: an address to write to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def contact_address_is_set(app_configs: Any, **kwargs: Any) -> list[Warning]:
    if settings.RADSLAG_CONTACT_EMAIL:
        return []
    return [
        Warning(
            "RADSLAG_CONTACT_EMAIL is not set: the accessibility statement and the privacy page "
            "have no address for feedback and requests, which the law on accessibility to "
            "digital public services and the GDPR require.",
            hint="Set RADSLAG_CONTACT_EMAIL to a function address, e.g. radslag@example.se.",
            id="radslag.W001",
        )
    ]
