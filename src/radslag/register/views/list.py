"""The list of use cases at /anvandningsfall/: facets with counts, search, pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from radslag.core.partials import render_page_or_partial
from radslag.register.choices import Stage
from radslag.register.filters import UseCaseFilterForm
from radslag.register.models import UseCase
from radslag.register.solutions import first_of_each, solutions

PAGE_SIZE = 25


def use_case_list(request: HttpRequest) -> HttpResponse:
    form = UseCaseFilterForm(request.GET)
    visible = UseCase.objects.visible_to(request.user)
    ids = form.ordered_ids(visible)
    grouping = solutions()
    entries = first_of_each(ids, grouping)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    # Each entry's other cases of the same solution, within what the filter shows.
    shown = set(ids)
    others = {
        pk: [member for member in grouping.group_of(pk) if member in shown and member != pk]
        for pk in page.object_list
    }
    wanted = [*page.object_list, *(member for group in others.values() for member in group)]
    cases = UseCase.objects.select_related("organisation").in_bulk(wanted)
    context = {
        "form": form,
        "facets": form.facets(visible),
        "page": page,
        "cases": [
            _with_others(cases[pk], [cases[other] for other in others[pk] if other in cases])
            for pk in page.object_list
            if pk in cases
        ],
        "total": len(ids),
        "solution_count": len(entries),
    }
    return render_page_or_partial(
        request, "register/list.html", "register/_list_results.html", context
    )


def _with_others(case: UseCase, others: list[UseCase]) -> UseCase:
    """The case, carrying the other cases of its solution and where they run in production."""
    same = [case, *others]
    case.same_solution = sorted(others, key=lambda other: other.organisation_display)  # type: ignore[attr-defined]
    case.in_production = len(  # type: ignore[attr-defined]
        {
            member.organisation_id or member.organisation_name
            for member in same
            if member.stage == Stage.IN_PRODUCTION
        }
    )
    return case
