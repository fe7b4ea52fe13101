"""How well a panel represents its population, feature by feature.

For each feature the audit compares the panel's shares of the values with the population's and
reports their total variation distance, ``TVD = 1/2 * sum_v |panel_v - population_v|``: the
share of seats that would have to change value for the panel to mirror the population exactly
(0 is a perfect copy, 1 a panel entirely of values the population lacks); see Levin, Peres and
Wilmer, "Markov chains and mixing times" (2nd ed., 2017), section 4.1. The audit takes any panel:
a drawn one, or a council chosen by hand, so the two can be compared on the same scale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from radslag.decide.committee.pool import Pool
from radslag.decide.validation import FloatArray, as_float_array, as_index_array

Population = Mapping[str, Mapping[str, float]]


@dataclass(frozen=True, eq=False)
class FeatureAudit:
    """A panel against its population on one feature.

    Attributes
    ----------
    feature : str
    values : tuple of str
    panel_shares, population_shares : FloatArray, shape (n_values,)
        Share of each value on the panel and in the population; each sums to 1.
    distance : float
        Total variation distance between the two.
    """

    feature: str
    values: tuple[str, ...]
    panel_shares: FloatArray
    population_shares: FloatArray
    distance: float

    @property
    def largest_gap(self) -> tuple[str, float]:
        """The value whose panel share is furthest from its population share, and the gap."""
        gaps = self.panel_shares - self.population_shares
        v = int(np.argmax(np.abs(gaps)))
        return self.values[v], float(gaps[v])


@dataclass(frozen=True)
class PanelAudit:
    """A panel against its population on every audited feature, in pool order."""

    features: tuple[FeatureAudit, ...]

    @property
    def worst_features(self) -> tuple[str, ...]:
        """Feature names from the worst represented (largest distance) to the best."""
        ranked = sorted(self.features, key=lambda audit: -audit.distance)
        return tuple(audit.feature for audit in ranked)

    def table(self) -> str:
        """A plain-text table: one line per feature value, then the distance per feature."""
        lines = [f"{'feature':<10} {'value':<22} {'panel':>7} {'population':>11} {'gap':>7}"]
        for audit in self.features:
            for value, panel, population in zip(
                audit.values, audit.panel_shares, audit.population_shares, strict=True
            ):
                gap = panel - population
                lines.append(
                    f"{audit.feature:<10} {value:<22} {panel:>7.1%} "
                    f"{population:>11.1%} {gap:>+7.1%}"
                )
            lines.append(f"{audit.feature:<10} {'TVD':<22} {audit.distance:>7.3f}")
        return "\n".join(lines)


def population_weights(
    pool: Pool, weights: npt.ArrayLike | None = None
) -> dict[str, dict[str, float]]:
    """Total weight of each feature value in the pool: a population for :func:`audit_panel`.

    ``weights`` gives each candidate's weight (1 each by default, e.g. inhabitants instead).
    """
    n = pool.n_candidates
    weight = np.ones(n) if weights is None else as_float_array("weights", weights, ndim=1)
    if len(weight) != n:
        raise ValueError(f"weights: {len(weight)} given for {n} candidates")
    if np.any(weight < 0):
        raise ValueError("weights: must not be negative")
    result: dict[str, dict[str, float]] = {}
    for f, feature in enumerate(pool.features):
        totals = np.bincount(pool.codes[:, f], weights=weight, minlength=len(pool.values[f]))
        result[feature] = dict(zip(pool.values[f], totals.tolist(), strict=True))
    return result


def audit_panel(
    pool: Pool, panel: npt.ArrayLike, population: Population | None = None
) -> PanelAudit:
    """Compare a panel with the population it should represent.

    Parameters
    ----------
    pool : Pool
        The candidates; ``panel`` indexes them.
    panel : array-like of int
        Candidate indices on the panel, each at most once (any number of them).
    population : mapping of feature to mapping of value to weight, optional
        Counts or weights per feature value, e.g. from :func:`population_weights`; only the
        features it names are audited. Defaults to the pool, each candidate weighing 1.

    Returns
    -------
    PanelAudit

    Raises
    ------
    ValueError
        Empty or repeated panel members, unknown features or values, negative or zero weights.
    """
    members = as_index_array("panel", panel, pool.n_candidates)
    if members.ndim != 1 or len(members) == 0:
        raise ValueError("panel: expected a non-empty list of candidate indices")
    if len(np.unique(members)) != len(members):
        raise ValueError("panel: a candidate appears more than once")
    wanted = population_weights(pool) if population is None else population
    audits = []
    for feature in pool.features:
        if feature not in wanted:
            continue
        f = pool.feature_index(feature)
        audits.append(_audit_feature(pool, f, members, wanted[feature]))
    unknown = sorted(set(wanted) - set(pool.features))
    if unknown:
        raise ValueError(f"population: unknown feature(s) {unknown} (pool: {pool.features})")
    return PanelAudit(tuple(audits))


def _audit_feature(
    pool: Pool, f: int, members: npt.NDArray[np.int64], weights: Mapping[str, float]
) -> FeatureAudit:
    feature, values = pool.features[f], pool.values[f]
    unknown = sorted(set(weights) - set(values))
    if unknown:
        raise ValueError(f"population: unknown value(s) {unknown} of feature {feature!r}")
    target = as_float_array(f"population[{feature!r}]", [weights.get(v, 0.0) for v in values])
    if np.any(target < 0) or target.sum() <= 0:
        raise ValueError(f"population[{feature!r}]: weights must be non-negative, not all zero")
    counts = np.bincount(pool.codes[members, f], minlength=len(values)).astype(np.float64)
    panel_shares = counts / counts.sum()
    population_shares = target / target.sum()
    distance = 0.5 * float(np.abs(panel_shares - population_shares).sum())
    return FeatureAudit(feature, values, panel_shares, population_shares, distance)
