"""Figures about the register: cases per area and stage, how many are evaluated or high-risk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from radslag.core.areas import Area
from radslag.register.aiact import RiskClass
from radslag.register.choices import Stage
from radslag.register.models import UseCase, UseCaseQuerySet


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def percent(self) -> float | None:
        return 100 * self.count / self.total if self.total else None


@dataclass(frozen=True)
class AreaRow:
    key: str
    label: str | Promise
    by_stage: list[int]
    total: int


@dataclass(frozen=True)
class RegisterStatistics:
    total: int
    stages: Sequence[tuple[str, str | Promise]]
    areas: list[AreaRow]
    stage_totals: list[int]
    evaluated: Share
    evaluated_in_production: Share
    assessed: Share
    high_risk: Share
    prohibited: int
    in_production_by_municipality: dict[str, int]


def statistics_of(cases: UseCaseQuerySet) -> RegisterStatistics:
    stages = list(Stage.choices)
    cells: dict[tuple[str, str], int] = {
        (row["area"], row["stage"]): row["n"]
        for row in cases.values("area", "stage").annotate(n=Count("pk")).order_by()
    }
    rows = []
    for key, label in [*Area.choices, ("", _("Inget angivet"))]:
        counts = [cells.get((key, stage), 0) for stage, _label in stages]
        if sum(counts):
            rows.append(AreaRow(key, label, counts, sum(counts)))
    rows.sort(key=lambda row: (row.key == "", -row.total))
    stage_totals = [sum(row.by_stage[i] for row in rows) for i in range(len(stages))]
    total = sum(stage_totals)
    in_production = cases.filter(stage=Stage.IN_PRODUCTION)
    assessed = cases.exclude(risk_class="")
    risk_counts = dict(
        assessed.values_list("risk_class")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("risk_class", "n")
    )
    return RegisterStatistics(
        total=total,
        stages=stages,
        areas=rows,
        stage_totals=stage_totals,
        evaluated=Share(cases.filter(effect_evaluated=True).count(), total),
        evaluated_in_production=Share(
            in_production.filter(effect_evaluated=True).count(), in_production.count()
        ),
        assessed=Share(sum(risk_counts.values()), total),
        high_risk=Share(risk_counts.get(RiskClass.HIGH, 0), sum(risk_counts.values())),
        prohibited=risk_counts.get(RiskClass.PROHIBITED, 0),
        in_production_by_municipality=_per_municipality(in_production),
    )


def _per_municipality(cases: UseCaseQuerySet) -> dict[str, int]:
    """Cases per municipality, counting the responsible one and every partner once."""
    pairs = set(cases.exclude(organisation=None).values_list("pk", "organisation_id"))
    pairs |= set(
        UseCase.participants.through.objects.filter(usecase__in=cases).values_list(
            "usecase_id", "municipality_id"
        )
    )
    counts: dict[str, int] = {}
    for _pk, code in pairs:
        counts[code] = counts.get(code, 0) + 1
    return counts


def municipalities_in_production() -> frozenset[str]:
    """The municipalities with a published use case in production, as runner or partner: a
    feature the council's composition draws on."""
    cases = UseCase.objects.published().filter(stage=Stage.IN_PRODUCTION)
    return frozenset(_per_municipality(cases))
