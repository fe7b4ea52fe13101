"""Swedish organisation numbers (organisationsnummer), as identity providers send them.

Skatteverket's SKV 709 defines the number: ten digits, the last the Luhn check digit of the
first nine. Municipalities' numbers begin 212000-. The Swedish OpenID Connect profile sends
them without the hyphen (claim ``https://id.oidc.se/claim/orgNumber``) or after the ``@`` of
``orgAffiliation``.
"""

from __future__ import annotations


def luhn_check_digit(digits: str) -> int:
    """The digit that makes ``digits`` followed by it pass the Luhn test."""
    total = 0
    for position, character in enumerate(reversed(digits)):
        value = int(character) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def is_organisation_number(value: str) -> bool:
    return (
        len(value) == 10
        and value.isascii()
        and value.isdigit()
        and luhn_check_digit(value[:9]) == int(value[9])
    )


def normalised(value: str) -> str:
    """``212000-0142`` and ``2120000142`` alike as ``2120000142``; a twelve-digit form with
    the century prefix 16 (used for legal persons in some registers) loses it."""
    digits = value.strip().replace("-", "").replace(" ", "")
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    return digits
