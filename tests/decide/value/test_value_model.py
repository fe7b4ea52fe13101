"""The value model: benefit = net cost × addressable share × effect, with ranges, calibrated
to a national total."""

from __future__ import annotations

import numpy as np
import pytest

from radslag.decide.value import net_costs_from_key_figures, potential_benefit

COSTS = np.array([[100.0, 50.0], [300.0, 0.0]])
ADDRESSABLE = np.array([[0.1, 0.2, 0.3], [0.5, 0.5, 0.5]])
EFFECT = np.array([[0.1, 0.2, 0.4], [0.0, 0.1, 0.2]])


def test_it_multiplies_cost_share_and_effect_for_each_level() -> None:
    estimate = potential_benefit(COSTS, ADDRESSABLE, EFFECT)

    np.testing.assert_allclose(estimate.central, [[4.0, 2.5], [12.0, 0.0]])
    np.testing.assert_allclose(estimate.low, [[1.0, 0.0], [3.0, 0.0]])
    np.testing.assert_allclose(estimate.high, [[12.0, 5.0], [36.0, 0.0]])
    assert estimate.total() == pytest.approx((4.0, 18.5, 53.0))
    assert estimate.total([0], [1]) == pytest.approx((0.0, 2.5, 5.0))


def test_calibration_meets_the_target_and_keeps_the_ranges_proportions() -> None:
    plain = potential_benefit(COSTS, ADDRESSABLE, EFFECT)

    calibrated = potential_benefit(COSTS, ADDRESSABLE, EFFECT, target_total=37.0)

    assert calibrated.total()[1] == pytest.approx(37.0)
    assert calibrated.factor == pytest.approx(2.0)
    np.testing.assert_allclose(calibrated.high, plain.high * 2)


def test_an_unknown_cost_counts_as_nothing() -> None:
    costs = np.array([[np.nan, 50.0]])

    estimate = potential_benefit(costs, ADDRESSABLE, EFFECT)

    assert estimate.total()[1] == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("addressable", "effect", "target", "message"),
    [
        (ADDRESSABLE * 4, EFFECT, None, "addressable: every share must be between 0 and 1"),
        (
            ADDRESSABLE,
            EFFECT[:, ::-1],
            None,
            "effect: area 0 has low, central and high out of order",
        ),
        (ADDRESSABLE, EFFECT, -1.0, "target_total"),
        (ADDRESSABLE, EFFECT, 1000.0, "above 100 %"),
        (ADDRESSABLE[:1], EFFECT, None, "addressable: expected shape"),
    ],
)
def test_it_refuses_assumptions_outside_0_to_100_per_cent_or_out_of_order(
    addressable: np.ndarray, effect: np.ndarray, target: float | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        potential_benefit(COSTS, addressable, effect, target_total=target)


def test_net_costs_weigh_key_figures_per_inhabitant_by_population() -> None:
    # Two figures: a whole area (100 kr/inv) and a part of it that belongs elsewhere (30).
    figures = np.array([[100.0, 30.0], [200.0, np.nan]])
    population = np.array([1000.0, 10.0])

    costs = net_costs_from_key_figures(figures, population, [[1, -1], [0, 1], [0.5, 0]])

    np.testing.assert_allclose(costs[0], [70_000.0, 30_000.0, 50_000.0])
    assert np.isnan(costs[1, 0])
    assert np.isnan(costs[1, 1])
    assert costs[1, 2] == pytest.approx(1000.0)
