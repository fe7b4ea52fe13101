"""The list of use cases at /anvandningsfall/: facets with counts, search, pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from radslag.paging import page_links
from radslag.partials import render_page_or_partial
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
        "page_links": page_links(query, page.number, page.paginator.num_pages),
    }
    return render_page_or_partial(
        request, "register/list.html", "register/_list_results.html", context
    )
