"""Open API: the published use-case register and its statistics."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from radslag.api.auth import READ_ERRORS, SEARCH_ERRORS, ErrorOut
from radslag.api.errors import NotFoundError
from radslag.api.pagination import Page, PageQuery, page_of
from radslag.core.areas import Area
from radslag.register import exports
from radslag.register.aiact import RiskClass
from radslag.register.choices import Stage, Technique
from radslag.register.models import UseCase
from radslag.register.statistics import statistics_of

router = Router(tags=["användningsfall"])


class UseCaseOut(Schema):
    id: int
    url: str
    title: str
    summary: str
    organisation: str
    municipality_code: str
    area: str
    technique: str
    stage: str
    risk_class: str
    country: str
    source: str
    source_licence: str


class UseCaseDetailOut(UseCaseOut):
    record: dict[str, Any] = Field(description="every published field of the case")
    version: int = Field(
        description="raised by every change; send it back with a change so that one based on "
        "an older version is refused (409) instead of overwriting another's"
    )


class UseCaseFilters(PageQuery):
    area: Area | None = None
    stage: Stage | None = None
    technique: Technique | None = None
    risk_class: RiskClass | None = None
    municipality: str | None = Field(None, pattern=r"^\d{4}$", description="four-digit code")
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="ISO country code")
    q: str | None = Field(None, max_length=100, pattern=r"^[^\x00]*$", description="title contains")


class StageCount(Schema):
    stage: str
    count: int


class AreaCount(Schema):
    area: str
    total: int
    by_stage: list[StageCount]


class StatisticsOut(Schema):
    total: int
    evaluated: int
    evaluated_in_production: int
    assessed_for_ai_act: int
    high_risk: int
    prohibited: int
    areas: list[AreaCount]
    in_production_by_municipality: dict[str, int]


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _out(case: UseCase, base: str) -> dict[str, Any]:
    row = exports.record(case, base)
    return {
        key: row[key] if key in row else getattr(case, key)
        for key in UseCaseOut.model_fields
        if key != "record"
    } | {"organisation": str(row["organisation"]), "municipality_code": row["municipality_code"]}


@router.get(
    "/anvandningsfall/",
    response={200: Page[UseCaseOut], **SEARCH_ERRORS},
    summary="List published use cases",
)
def list_use_cases(request: HttpRequest, filters: Query[UseCaseFilters]) -> dict[str, object]:
    cases = UseCase.objects.open_data().select_related("organisation")
    cases = cases.matching(
        area=[filters.area] if filters.area else [],
        stage=[filters.stage] if filters.stage else [],
        technique=[filters.technique] if filters.technique else [],
        risk_class=[filters.risk_class] if filters.risk_class else [],
        country=filters.country,
        municipality=filters.municipality,
    )
    if filters.q:
        cases = cases.filter(title__icontains=filters.q)
    page = page_of(request, cases.prefetch_related("participants").order_by("pk"), filters)
    base = _base(request)
    page["results"] = [_out(case, base) for case in page["results"]]  # type: ignore[attr-defined]
    return page


@router.get(
    "/anvandningsfall/{case_id}/",
    response={200: UseCaseDetailOut, 404: ErrorOut, **READ_ERRORS},
    summary="One published use case with every published field",
)
def get_use_case(request: HttpRequest, case_id: int) -> dict[str, Any]:
    case = UseCase.objects.open_data().filter(pk=case_id).first() if case_id < 2**62 else None
    if case is None:
        raise NotFoundError(f"no published use case has id {case_id}")
    base = _base(request)
    return {**_out(case, base), "record": exports.record(case, base), "version": case.version}


@router.get(
    "/statistik/",
    response={200: StatisticsOut, **READ_ERRORS},
    summary="Statistics of the register",
)
def register_statistics(request: HttpRequest) -> dict[str, Any]:
    stats = statistics_of(UseCase.objects.open_data())
    stage_keys = [key for key, _ in stats.stages]
    return {
        "total": stats.total,
        "evaluated": stats.evaluated.count,
        "evaluated_in_production": stats.evaluated_in_production.count,
        "assessed_for_ai_act": stats.assessed.count,
        "high_risk": stats.high_risk.count,
        "prohibited": stats.prohibited,
        "areas": [
            {
                "area": row.key,
                "total": row.total,
                "by_stage": [
                    {"stage": stage, "count": count}
                    for stage, count in zip(stage_keys, row.by_stage, strict=True)
                ],
            }
            for row in stats.areas
        ],
        "in_production_by_municipality": stats.in_production_by_municipality,
    }
