"""The list of use cases at /anvandningsfall/: facets with counts, search, pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from radslag.register.filters import UseCaseFilterForm
from radslag.register.models import UseCase

PAGE_SIZE = 25


def use_case_list(request: HttpRequest) -> HttpResponse:
    form = UseCaseFilterForm(request.GET)
    visible = UseCase.objects.visible_to(request.user)
    ids = form.ordered_ids(visible)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    cases = UseCase.objects.select_related("organisation").in_bulk(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "facets": form.facets(visible),
        "page": page,
        "cases": [cases[pk] for pk in page.object_list if pk in cases],
        "total": len(ids),
        "query": query.urlencode(),
        "page_links": _page_links(query, page.number, page.paginator.num_pages),
    }
    template = (
        "register/_list_results.html"
        if request.htmx and not request.htmx.boosted  # type: ignore[attr-defined]
        else "register/list.html"
    )
    return render(request, template, context)


def _page_links(query: QueryDict, current: int, last: int) -> list[tuple[int | None, str]]:
    """Page numbers around the current one, the first and the last; None marks a gap."""
    wanted = sorted({1, last, *range(max(current - 2, 1), min(current + 2, last) + 1)})
    links: list[tuple[int | None, str]] = []
    previous = 0
    for number in wanted:
        if number - previous > 1:
            links.append((None, ""))
        page_query = query.copy()
        page_query["page"] = str(number)
        links.append((number, page_query.urlencode()))
        previous = number
    return links
