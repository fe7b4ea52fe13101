"""Choosing the municipalities of an example: each once, in order, by weight if given."""

from __future__ import annotations

import numpy as np
import pytest

from radslag.demo.choosing import choose_municipalities
from radslag.demo.seeding import generator


def test_each_is_chosen_at_most_once_and_they_come_in_order() -> None:
    chosen = choose_municipalities(generator(1), 290, 60)

    assert len(chosen) == len(set(chosen)) == 60
    assert chosen == sorted(chosen)
    assert all(0 <= index < 290 for index in chosen)


def test_all_are_chosen_when_there_are_no_more_than_asked_for() -> None:
    assert choose_municipalities(generator(1), 5, 60) == [0, 1, 2, 3, 4]


def test_the_same_seed_chooses_the_same_and_another_seed_others() -> None:
    assert choose_municipalities(generator(1), 290, 60) == choose_municipalities(
        generator(1), 290, 60
    )
    assert choose_municipalities(generator(1), 290, 60) != choose_municipalities(
        generator(2), 290, 60
    )


def test_a_heavier_municipality_is_chosen_more_often() -> None:
    weights = np.ones(10)
    weights[3] = 20.0
    rng = generator(1)

    counts = np.zeros(10)
    for _draw in range(400):
        counts[choose_municipalities(rng, 10, 2, weights)] += 1

    assert counts[3] > 300
    assert counts[3] > 3 * max(np.delete(counts, 3))


@pytest.mark.parametrize(
    ("count", "weights", "message"),
    [(0, None, "count"), (2, np.ones(3), "weights: expected 4")],
)
def test_a_request_it_cannot_meet_is_refused(
    count: int, weights: np.ndarray | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        choose_municipalities(generator(1), 4, count, weights)
