"""How representative a council is of Sweden's 290 municipalities, feature by feature.

A council is the set of municipalities it represents: the current seats (Herrljunga and
Vårgårda, sharing a seat, count as the two municipalities they are) or a drawn panel. The
decision core's :func:`~radslag.decide.committee.audit_panel` compares their shares of each
feature's values with the shares among all 290 and gives the total variation distance, the
share of seats that would have to change for the council to mirror the country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from radslag.council.features import Feature, Features, feature_label
from radslag.decide.committee import Pool, audit_panel


@dataclass(frozen=True)
class ValueShare:
    label: str
    council: int
    council_share: float
    country: int
    country_share: float

    @property
    def council_percent(self) -> float:
        return self.council_share * 100

    @property
    def country_percent(self) -> float:
        return self.country_share * 100

    @property
    def gap_points(self) -> float:
        """The council's share minus the country's, in percentage points."""
        return (self.council_share - self.country_share) * 100


@dataclass(frozen=True)
class FeatureShares:
    feature: str
    label: str
    values: tuple[ValueShare, ...]
    distance: float


def audited_features(known: Features) -> list[str]:
    """The features worth auditing: those on which the municipalities differ at all."""
    return [
        feature
        for feature in Feature.values
        if len({row[feature] for row in known.of.values()}) > 1
    ]


def representation(codes: Sequence[str], known: Features) -> list[FeatureShares]:
    """The council of ``codes`` against all 290 on each audited feature.

    Raises ``ValueError`` for an empty council or a code that is not a municipality.
    """
    everyone = sorted(known.of)
    features = audited_features(known)
    columns = {feature: known.column(feature, everyone) for feature in features}
    pool = Pool.from_columns(columns, {feature: known.values[feature] for feature in features})
    index = {code: position for position, code in enumerate(everyone)}
    unknown = [code for code in codes if code not in index]
    if unknown:
        raise ValueError(f"not municipalities: {', '.join(unknown)}")
    members = [index[code] for code in codes]
    audit = audit_panel(pool, members)
    result = []
    for feature, shares in zip(features, audit.features, strict=True):
        f = pool.feature_index(feature)
        country = pool.value_counts(feature)
        council = [int((pool.codes[members, f] == v).sum()) for v in range(len(shares.values))]
        result.append(
            FeatureShares(
                feature,
                feature_label(feature),
                tuple(
                    ValueShare(
                        known.label(feature, value),
                        council[v],
                        float(shares.panel_shares[v]),
                        int(country[v]),
                        float(shares.population_shares[v]),
                    )
                    for v, value in enumerate(shares.values)
                    # A value no municipality has (a maturity level nobody reached) says nothing.
                    if country[v]
                ),
                shares.distance,
            )
        )
    return result
