"""The value model on the platform's data: the current assumptions, each municipality's net
costs from Kolada, and the estimate for a municipality, an area or an initiative.

The estimate for all 290 municipalities takes a fraction of a second; it is kept per process
for the assumptions' version and the key figures' last update, so a change of either is seen
at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from django.db.models import Max

from radslag.core.areas import Area
from radslag.decide.value import ValueEstimate, net_costs_from_key_figures, potential_benefit
from radslag.initiatives.models import AreaAssumption, AssumptionSet
from radslag.municipalities.models import NET_COST_KPI, KeyFigure, populations

SEK_PER_BILLION = 1e9


@dataclass(frozen=True)
class NationalValue:
    assumptions: AssumptionSet
    codes: tuple[str, ...]
    areas: tuple[str, ...]
    estimate: ValueEstimate
    net_cost_total: float  # the municipalities' whole net cost, SEK a year
    uncalibrated_central: float

    def row(self, code: str) -> int:
        return self.codes.index(code)

    def column(self, area: str) -> int:
        return self.areas.index(area)

    def total(
        self, codes: list[str] | None = None, areas: list[str] | None = None
    ) -> tuple[float, float, float]:
        rows = None if codes is None else [self.row(code) for code in codes if code in self.codes]
        columns = (
            None if areas is None else [self.column(area) for area in areas if area in self.areas]
        )
        if rows == [] or columns == []:
            return (0.0, 0.0, 0.0)
        return self.estimate.total(rows, columns)


_cache: dict[tuple[object, ...], NationalValue] = {}
_lock = threading.Lock()


def national_value(assumptions: AssumptionSet | None = None) -> NationalValue | None:
    """The estimate for every municipality and area under ``assumptions`` (the current ones
    when None); None when there are no assumptions or no key figures."""
    assumptions = assumptions or AssumptionSet.objects.current()
    if assumptions is None:
        return None
    stamp = KeyFigure.objects.aggregate(last=Max("updated_at"), n=Max("id"))
    key = (assumptions.pk, assumptions.version, stamp["last"], stamp["n"])
    with _lock:
        if key in _cache:
            return _cache[key]
    computed = compute_national_value(assumptions)
    with _lock:
        _cache.clear()
        if computed is not None:
            _cache[key] = computed
    return computed


def _latest_figures(kpis: list[str]) -> dict[tuple[str, str], float]:
    latest: dict[tuple[str, str], tuple[int, float]] = {}
    for code, kpi, year, value in KeyFigure.objects.filter(kpi_id__in=kpis).values_list(
        "municipality_id", "kpi_id", "year", "value"
    ):
        if (code, kpi) not in latest or year > latest[(code, kpi)][0]:
            latest[(code, kpi)] = (year, value)
    return {key: value for key, (_year, value) in latest.items()}


def _split(kpis: str) -> list[str]:
    return [kpi.strip().upper() for kpi in kpis.split(",") if kpi.strip()]


def compute_national_value(assumptions: AssumptionSet) -> NationalValue | None:
    """As :func:`national_value`, computed afresh; raises ValueError when the assumptions
    cannot be calibrated (see :func:`radslag.decide.value.potential_benefit`)."""
    rows = list(assumptions.areas.all())
    if not rows:
        return None
    sizes = populations()
    codes = tuple(sorted(code for code, size in sizes.items() if size))
    if not codes:
        return None
    kpis = sorted(
        {NET_COST_KPI, *(k for row in rows for k in _split(row.kpis) + _split(row.kpis_less))}
    )
    figures = _latest_figures(kpis)
    table = np.array([[figures.get((code, kpi), np.nan) for kpi in kpis] for code in codes])
    basis = [_basis(row, kpis) for row in rows]
    population = np.array([float(sizes[code] or 0) for code in codes])
    costs = net_costs_from_key_figures(table, population, basis)
    total_cost = float(np.nansum(table[:, kpis.index(NET_COST_KPI)] * population))
    addressable, effect = _shares(rows)
    target = total_cost * float(assumptions.target_percent) / 100
    plain = potential_benefit(costs, addressable, effect)
    estimate = potential_benefit(costs, addressable, effect, target_total=target)
    return NationalValue(
        assumptions=assumptions,
        codes=codes,
        areas=tuple(row.area for row in rows),
        estimate=estimate,
        net_cost_total=total_cost,
        uncalibrated_central=plain.total()[1],
    )


def _basis(row: AreaAssumption, kpis: list[str]) -> list[float]:
    weights = [0.0] * len(kpis)
    for kpi in _split(row.kpis):
        weights[kpis.index(kpi)] += 1
    for kpi in _split(row.kpis_less):
        weights[kpis.index(kpi)] -= 1
    if row.share_of_total is not None:
        weights[kpis.index(NET_COST_KPI)] += float(row.share_of_total) / 100
    return weights


def _shares(rows: list[AreaAssumption]) -> tuple[np.ndarray, np.ndarray]:
    addressable = np.array(
        [[row.addressable_low, row.addressable_central, row.addressable_high] for row in rows],
        dtype=np.float64,
    )
    effect = np.array(
        [[row.effect_low, row.effect_central, row.effect_high] for row in rows], dtype=np.float64
    )
    return addressable / 100, effect / 100


def area_label(area: str) -> str:
    return str(dict(Area.choices).get(area, area))
