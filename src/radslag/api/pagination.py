"""Limit/offset pages with links to the neighbouring pages, as the open API returns them."""

from __future__ import annotations

from typing import Generic, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

T = TypeVar("T")

MAX_LIMIT = 500
DEFAULT_LIMIT = 100


class PageQuery(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="rows per page")
    offset: int = Field(0, ge=0, le=10_000_000, description="rows to skip")


class Page(Schema, Generic[T]):
    count: int
    next: str | None
    previous: str | None
    results: list[T]


def page_of(request: HttpRequest, rows: QuerySet | list, query: PageQuery) -> dict[str, object]:  # type: ignore[type-arg]
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    results = list(rows[query.offset : query.offset + query.limit])

    def link(offset: int) -> str:
        params = request.GET.copy()
        params["offset"] = str(offset)
        params["limit"] = str(query.limit)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    has_next = query.offset + query.limit < count
    return {
        "count": count,
        "next": link(query.offset + query.limit) if has_next else None,
        "previous": link(max(query.offset - query.limit, 0)) if query.offset > 0 else None,
        "results": results,
    }
