"""Money amounts as exact fractions: costs and budgets compared without rounding.

Costs and budgets are money, written in decimal. A binary float cannot hold 0.1 exactly, and
sums of floats round: with costs 0.1, 0.2 and 0.3 and a budget of 0.3, three voters each
holding a third of the budget (0.1) cannot afford the project of 0.1 in the floats' exact
values, though in money they can. So every amount is kept as a :class:`fractions.Fraction`
beside its float, and every test of affordability that a float cannot settle is made on the
fractions, as pabutools does throughout with ``gmpy2`` fractions (Faliszewski et al. 2023,
"Participatory budgeting: data, tools and analysis", IJCAI, on pabulib amounts).

A float given as an amount stands for the decimal it prints as (``0.1`` is one tenth): the
shortest decimal that reads back as the same float (Steele & White 1990, "How to print
floating-point numbers accurately"; Python's ``repr``).
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from numbers import Rational

import numpy as np

Amount = int | float | Decimal | Fraction | np.integer | np.floating
"""What a cost or a budget may be given as."""


def as_amount(name: str, value: object) -> Fraction:
    """Return ``value`` as an exact, finite amount, or raise ``ValueError`` naming ``name``.

    Floats stand for the decimal they print as; integers, decimals and fractions are exact.
    """
    if isinstance(value, bool):
        raise ValueError(f"{name}: expected an amount, got {value!r}")
    if isinstance(value, Rational | np.integer):
        return Fraction(int(value)) if isinstance(value, np.integer) else Fraction(value)
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise ValueError(f"{name}: {value!r} is not a finite amount")
        return Fraction(repr(float(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{name}: {value} is not a finite amount")
        return Fraction(value)
    raise ValueError(f"{name}: expected an amount, got {value!r}")


def parse_amount(text: str) -> Fraction:
    """Read a decimal amount written with a decimal point or comma (``12,50``) exactly.

    Raises
    ------
    ValueError
        If ``text`` is not a finite decimal number; the message quotes it.
    """
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a finite number")
    return Fraction(value)


def amount_text(value: Fraction) -> str:
    """Write an amount as a decimal without loss when it has one, else as the nearest float."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:
        return repr(float(value))
    digits = max(twos, fives)
    scaled = value * 10**digits
    text = str(abs(scaled.numerator)).rjust(digits + 1, "0")
    whole, fraction = (text[:-digits], text[-digits:]) if digits else (text, "")
    sign = "-" if value < 0 else ""
    return sign + whole + ("." + fraction if fraction else "")
