"""The accounts of the local demonstration: known names and one known password.

They exist only where ``RADSLAG_DEMO`` is on (``radslag demo-accounts`` refuses otherwise), and
the login page shows them only there, so that a newcomer can try every role at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from radslag.accounts.models import Role

# Known on purpose: the demonstration runs on one person's machine, and a password nobody can
# read off the login page would only stop the person it is for.
DEMO_PASSWORD = "radslag-demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    description: Promise
    role: Role
    municipality: str | None
    is_staff: bool


DEMO_ACCOUNTS = (
    DemoAccount(
        username="samordnare",
        full_name="Sam Samordnare",
        description=_(
            "Samordnare: registrerar och ändrar användningsfall, behov och självskattningar"
        ),
        role=Role.CONVENER,
        municipality=None,
        is_staff=True,
    ),
)
