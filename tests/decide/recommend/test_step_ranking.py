"""Ranking next steps: a weighted sum of their evidence that splits into its reasons."""

from __future__ import annotations

import pytest

from radslag.decide.recommend import rank_steps, scaled

WEIGHTS = {"need": 0.5, "peers": 0.25, "gap": 0.5}


def test_a_step_backed_by_its_own_need_outranks_one_only_peers_take() -> None:
    ranked = rank_steps([{"peers": 1.0}, {"need": 1.0, "peers": 0.2}], WEIGHTS)

    assert [step.index for step in ranked] == [1, 0]
    assert ranked[0].score == pytest.approx(0.5 + 0.05)


def test_a_score_splits_exactly_into_its_contributions() -> None:
    (step,) = rank_steps([{"need": 0.5, "peers": 0.4, "gap": 0.0}], WEIGHTS)

    assert step.contributions == pytest.approx({"need": 0.25, "peers": 0.1})
    assert sum(step.contributions.values()) == pytest.approx(step.score)


def test_equal_scores_keep_the_order_they_came_in() -> None:
    ranked = rank_steps([{"gap": 0.5}, {"need": 0.5}, {}], WEIGHTS)

    assert [step.index for step in ranked] == [0, 1, 2]


def test_it_refuses_a_signal_it_has_no_weight_for() -> None:
    with pytest.raises(ValueError, match="'budget' has no weight"):
        rank_steps([{"budget": 1.0}], WEIGHTS)


def test_it_refuses_a_signal_outside_zero_to_one() -> None:
    with pytest.raises(ValueError, match="must be in \\[0, 1\\]"):
        rank_steps([{"need": 1.5}], WEIGHTS)


def test_scaling_makes_the_strongest_one_and_leaves_all_zeros_alone() -> None:
    assert scaled([2.0, 1.0, 0.0]) == [1.0, 0.5, 0.0]
    assert scaled([0.0, 0.0]) == [0.0, 0.0]
