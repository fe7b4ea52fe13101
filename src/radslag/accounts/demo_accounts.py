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
            "Samordnare: allt, för alla kommuner, och rådets omgångar, granskningsloggen och "
            "personuppgifter"
        ),
        role=Role.CONVENER,
        municipality=None,
        is_staff=True,
    ),
    DemoAccount(
        username="ledamot",
        full_name="Lena Ledamot",
        description=_(
            "Rådsledamot: rangordnar i rådets omgångar och ser resultat före publicering"
        ),
        role=Role.COUNCIL_MEMBER,
        municipality=None,
        is_staff=False,
    ),
    DemoAccount(
        username="goteborg",
        full_name="Göran Gustafsson",
        description=_(
            "Kommunrepresentant för Göteborg, en stor kommun: Göteborgs användningsfall, behov "
            "och självskattning, deltagarlänkar och inbjudningar av kollegor"
        ),
        role=Role.REPRESENTATIVE,
        municipality="1480",
        is_staff=False,
    ),
    DemoAccount(
        username="gagnef",
        full_name="Greta Gagnér",
        description=_(
            "Kommunrepresentant för Gagnef, en liten kommun: Gagnefs användningsfall, behov "
            "och självskattning, deltagarlänkar och inbjudningar av kollegor"
        ),
        role=Role.REPRESENTATIVE,
        municipality="2026",
        is_staff=False,
    ),
    DemoAccount(
        username="medarbetare",
        full_name="Maja Medarbetare",
        description=_("Medarbetare i Gagnef: lämnar in behov och stöd för Gagnef"),
        role=Role.STAFF,
        municipality="2026",
        is_staff=False,
    ),
)
