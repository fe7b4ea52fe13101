"""Which municipalities take part in an example: drawn from a seeded generator, each once."""

from __future__ import annotations

import numpy as np


def choose_municipalities(
    rng: np.random.Generator, among: int, count: int, weights: np.ndarray | None = None
) -> list[int]:
    """Indices of ``count`` of ``among`` municipalities, or of all when there are no more.

    Drawn without replacement, alike or in proportion to ``weights`` (one per municipality,
    not necessarily summing to one), and given in ascending order.

    Raises
    ------
    ValueError
        If ``count`` is not positive or ``weights`` does not have one weight per municipality.
    """
    if count < 1:
        raise ValueError(f"count: expected at least 1, got {count}")
    if weights is not None and weights.shape != (among,):
        raise ValueError(f"weights: expected {among}, got shape {weights.shape}")
    p = None if weights is None else weights / weights.sum()
    drawn = rng.choice(among, size=min(count, among), replace=False, p=p)
    return sorted(int(index) for index in drawn)
