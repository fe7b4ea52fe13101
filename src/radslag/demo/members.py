"""Example council members: twelve accounts that hold the council's seats in the example
data, so the council's own rounds (ballots, scoring) have members to answer them.

The seats' municipalities are the council's real ones (Herrljunga and Vårgårda share a seat,
represented here by Herrljunga); the people are made up, named "Exempelledamot", and cannot
sign in (no usable password). Seeded runs reuse the same accounts.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from radslag.accounts.models import Membership, Role

# Kristinehamn, Herrljunga (with Vårgårda), Gagnef, Kungsbacka, Värmdö, Strängnäs, Skövde,
# Helsingborg, Stockholm, Göteborg, Sundsvall, Mellerud.
SEAT_MUNICIPALITIES = (
    "1781",
    "1466",
    "2026",
    "1384",
    "0120",
    "0486",
    "1496",
    "1283",
    "0180",
    "1480",
    "2281",
    "1461",
)
USERNAME = "exempel-ledamot-{number}"


def example_members() -> list[Any]:
    """The twelve example members, made on the first call."""
    user_model = get_user_model()
    members = []
    for number, code in enumerate(SEAT_MUNICIPALITIES, start=1):
        person, created = user_model.objects.get_or_create(
            username=USERNAME.format(number=number),
            defaults={"first_name": "Exempelledamot", "last_name": str(number)},
        )
        if created:
            person.set_unusable_password()
            person.save(update_fields=["password"])
        Membership.objects.get_or_create(
            person=person, role=Role.COUNCIL_MEMBER, municipality_id=code
        )
        members.append(person)
    return members
