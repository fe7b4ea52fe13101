"""The potential annual benefit of AI per municipality and area, with its range.

benefit = net cost of the area × addressable share × AI effect

with a low, a central and a high assumption of each share per area. The net costs come from
Kolada (kr per inhabitant × inhabitants); the shares are assumptions, kept as data so a
convener can change them and every figure names the version it used. Calibration scales every
area's effect by one factor so that the national central total equals a target: Rådslag sets it
from the Agency for Digital Government's estimate that AI could be worth about 140 billion SEK a
year to the public sector, about 6 % of public spending, applied to the municipalities' own net
costs; the ranges keep their proportions.

References
----------
Myndigheten för digital förvaltning (Digg) (2019). *Främja den offentliga förvaltningens
förmåga att använda artificiell intelligens*, delrapport I2019/01416/DF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from radslag.decide.validation import FloatArray, as_float_array

LOW, CENTRAL, HIGH = 0, 1, 2


@dataclass(frozen=True)
class ValueEstimate:
    """Benefit in SEK a year: ``low``, ``central`` and ``high``, each (municipalities, areas);
    ``factor`` is the calibration applied to the effects (1 when not calibrated)."""

    low: FloatArray
    central: FloatArray
    high: FloatArray
    factor: float

    def total(
        self, municipalities: npt.ArrayLike | None = None, areas: npt.ArrayLike | None = None
    ) -> tuple[float, float, float]:
        """The sum over the chosen municipalities and areas (all when None): low, central,
        high."""
        rows = slice(None) if municipalities is None else np.asarray(municipalities, dtype=np.int64)
        columns = slice(None) if areas is None else np.asarray(areas, dtype=np.int64)
        return tuple(  # type: ignore[return-value]
            float(table[rows][:, columns].sum()) for table in (self.low, self.central, self.high)
        )


def potential_benefit(
    net_costs: npt.ArrayLike,
    addressable: npt.ArrayLike,
    effect: npt.ArrayLike,
    target_total: float | None = None,
) -> ValueEstimate:
    """Estimate the benefit per municipality and area.

    Parameters
    ----------
    net_costs : array_like, shape (municipalities, areas)
        Each area's net cost in SEK a year; NaN where not known (counted as 0, so an unknown
        cost never inflates the estimate).
    addressable, effect : array_like, shape (areas, 3)
        Shares 0-1: the low, central and high share of the area's cost that AI can address,
        and the share of that it saves.
    target_total : float, optional
        Calibrate: scale every effect by one factor so that the central national total is this
        many SEK a year.

    Returns
    -------
    ValueEstimate

    Raises
    ------
    ValueError
        Naming the argument when a cost is negative, a share is outside 0-1 or the low,
        central and high shares of an area are not in that order, the shapes do not agree, the
        target is not positive, or calibration would need an effect above 100 % or there is
        no cost to calibrate against.
    """
    costs = np.nan_to_num(_with_gaps("net_costs", net_costs, ndim=2), nan=0.0, posinf=-1.0)
    if np.any(costs < 0):
        raise ValueError("net_costs: every cost must be a finite amount of at least 0")
    shares = {
        name: _shares(name, value, costs.shape[1])
        for name, value in (("addressable", addressable), ("effect", effect))
    }
    factor = 1.0
    central = costs * shares["addressable"][:, CENTRAL] * shares["effect"][:, CENTRAL]
    if target_total is not None:
        if not (np.isfinite(target_total) and target_total > 0):
            raise ValueError(f"target_total: expected a positive amount, got {target_total}")
        uncalibrated = float(central.sum())
        if uncalibrated <= 0:
            raise ValueError("net_costs: there is no cost with a positive effect to calibrate")
        factor = target_total / uncalibrated
        too_high = np.flatnonzero(shares["effect"][:, HIGH] * factor > 1)
        if too_high.size:
            raise ValueError(
                f"effect: calibrating by {factor:.3f} would take area {int(too_high[0])}'s high "
                "effect above 100 %"
            )
    scaled = shares["effect"] * factor
    low, mid, high = (
        costs * shares["addressable"][:, level] * scaled[:, level] for level in (LOW, CENTRAL, HIGH)
    )
    return ValueEstimate(low=low, central=mid, high=high, factor=factor)


def _with_gaps(name: str, values: npt.ArrayLike, ndim: int) -> FloatArray:
    """An array of floats where NaN marks a missing value."""
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected numbers") from None
    if array.ndim != ndim:
        raise ValueError(f"{name}: expected {ndim} dimensions, got shape {array.shape}")
    return array


def _shares(name: str, values: npt.ArrayLike, areas: int) -> FloatArray:
    table = as_float_array(name, values, ndim=2)
    if table.shape != (areas, 3):
        raise ValueError(
            f"{name}: expected shape ({areas}, 3) for low, central, high, got {table.shape}"
        )
    if not np.all((table >= 0) & (table <= 1)):
        raise ValueError(f"{name}: every share must be between 0 and 1")
    if not np.all(np.diff(table, axis=1) >= 0):
        area = int(np.flatnonzero(np.any(np.diff(table, axis=1) < 0, axis=1))[0])
        raise ValueError(f"{name}: area {area} has low, central and high out of order")
    return table


def net_costs_from_key_figures(
    per_inhabitant: npt.ArrayLike, population: npt.ArrayLike, basis: Sequence[npt.ArrayLike]
) -> FloatArray:
    """Net cost per municipality and area in SEK: for each area, ``basis[a]`` weighs the key
    figures (kr per inhabitant, one column each; e.g. +1 for a figure that is part of the area
    and -1 for a part of it that belongs to another area, or a share of the total), times the
    population.

    Parameters
    ----------
    per_inhabitant : array_like, shape (municipalities, figures)
        Kolada key figures in kr per inhabitant; NaN where missing.
    population : array_like, shape (municipalities,)
    basis : sequence of array_like, one (figures,) vector per area

    Returns
    -------
    FloatArray
        (municipalities, areas); NaN where a needed figure is missing, never below 0.
    """
    figures = _with_gaps("per_inhabitant", per_inhabitant, ndim=2)
    if np.any(np.isinf(figures)):
        raise ValueError("per_inhabitant: every figure must be finite or missing (NaN)")
    people = as_float_array("population", population, ndim=1)
    if people.shape[0] != figures.shape[0]:
        raise ValueError("population: expected one per municipality of per_inhabitant")
    weights = np.column_stack([as_float_array("basis", row, ndim=1) for row in basis])
    if weights.shape[0] != figures.shape[1]:
        raise ValueError("basis: expected one weight per key figure")
    used = weights != 0
    per_area = np.where(np.isnan(figures), 0.0, figures) @ weights
    missing = np.isnan(figures).astype(np.float64) @ used.astype(np.float64) > 0
    costs = np.clip(per_area, 0.0, None) * people[:, None]
    costs[missing] = np.nan
    return costs
