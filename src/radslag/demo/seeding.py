"""One seed per run: every simulator command takes ``--seed`` and draws from one generator.

The same seed gives the same example data on every machine, so a page, a screenshot and a
test can name what they show ("seed 1").
"""

from __future__ import annotations

import numpy as np
from django.core.management.base import CommandParser

DEFAULT_SEED = 1


def add_seed_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
    )


def generator(seed: int) -> np.random.Generator:
    """The random generator a simulator draws from for ``seed``."""
    return np.random.default_rng(seed)
