"""Open API: municipalities and their Kolada key figures."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from radslag.api.auth import READ_ERRORS, SEARCH_ERRORS, ErrorOut
from radslag.api.errors import NotFoundError
from radslag.api.pagination import Page, PageQuery, page_of
from radslag.municipalities.models import KeyFigure, Municipality
from radslag.municipalities.sizeclass import SizeClass, size_class_of

router = Router(tags=["kommuner"])

SOURCE = "Kolada (RKA)"


class CountyOut(Schema):
    code: str
    name: str


class MunicipalityOut(Schema):
    code: str = Field(description="four-digit municipality code")
    name: str
    county: CountyOut
    land_area_km2: float | None
    population: float | None = Field(description="inhabitants, latest year (Kolada N01951)")
    population_year: int | None
    net_cost_per_inhabitant: float | None = Field(description="Kolada N03067, kr/inv")
    net_cost_year: int | None
    size_class: SizeClass | None
    skr_group: str | None
    source: str = SOURCE


class KeyFigureOut(Schema):
    kpi: str
    title: str
    unit: str
    year: int
    value: float
    source: str


class MunicipalityDetailOut(MunicipalityOut):
    key_figures: list[KeyFigureOut]


class MunicipalityFilters(PageQuery):
    county: str | None = Field(None, pattern=r"^\d{2}$", description="two-digit county code")
    size_class: SizeClass | None = None
    skr_group: str | None = Field(None, max_length=4, description="SKR group code, e.g. A1")
    q: str | None = Field(None, max_length=100, pattern=r"^[^\x00]*$", description="name contains")


def _out(municipality: Any) -> dict[str, Any]:
    return {
        "code": municipality.code,
        "name": municipality.name,
        "county": {"code": municipality.county.code, "name": municipality.county.name},
        "land_area_km2": municipality.land_area_km2,
        "population": municipality.population,
        "population_year": municipality.population_year,
        "net_cost_per_inhabitant": municipality.net_cost,
        "net_cost_year": municipality.net_cost_year,
        "size_class": size_class_of(municipality.population),
        "skr_group": municipality.skr_group.code if municipality.skr_group else None,
    }


@router.get(
    "/kommuner/",
    response={200: Page[MunicipalityOut], **SEARCH_ERRORS},
    summary="List municipalities",
)
def list_municipalities(
    request: HttpRequest, filters: Query[MunicipalityFilters]
) -> dict[str, object]:
    rows = Municipality.objects.with_latest_figures().select_related("county", "skr_group")
    rows = rows.matching(
        q=filters.q, county=filters.county, size_class=filters.size_class, group=filters.skr_group
    )
    page = page_of(request, rows.order_by("code"), filters)
    page["results"] = [_out(m) for m in page["results"]]  # type: ignore[attr-defined]
    return page


@router.get(
    "/kommuner/{code}/",
    response={200: MunicipalityDetailOut, 404: ErrorOut, **READ_ERRORS},
    summary="One municipality with every key figure",
)
def get_municipality(request: HttpRequest, code: str) -> dict[str, Any]:
    municipality = (
        Municipality.objects.with_latest_figures()
        .select_related("county", "skr_group")
        .filter(code=code)
        .first()
    )
    if municipality is None:
        raise NotFoundError(f"no municipality has code {code!r}")
    figures = KeyFigure.objects.filter(municipality=municipality).select_related("kpi")
    return {
        **_out(municipality),
        "key_figures": [
            {
                "kpi": f.kpi_id,
                "title": f.kpi.title,
                "unit": f.kpi.unit,
                "year": f.year,
                "value": f.value,
                "source": SOURCE,
            }
            for f in figures.order_by("kpi_id", "year")
        ],
    }
