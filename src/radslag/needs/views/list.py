"""The list of needs, strategic questions and obstacles at /behov/: filters, search, pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from radslag.core.partials import render_page_or_partial
from radslag.needs import index
from radslag.needs.forms import NeedFilterForm
from radslag.needs.models import Need, NeedQuerySet

PAGE_SIZE = 25


def filtered_needs(form: NeedFilterForm) -> tuple[NeedQuerySet, list[int] | None]:
    """Open submissions matching the form's filters, and the search's ranking if any.

    A filter that cannot be used (a theme that no longer exists) is left out and the others
    still apply; the form carries its error for the page to show.
    """
    needs = Need.objects.open().with_support()
    form.is_valid()
    chosen = form.cleaned_data
    needs = needs.matching(
        kind=chosen.get("kind"),
        area=chosen.get("area"),
        theme=chosen.get("theme"),
        size_class=chosen.get("size"),
    )
    ranking = None
    if chosen.get("q", "").strip():
        ranking = index.search_ids(chosen["q"])
        needs = needs.filter(pk__in=ranking)
    return needs, ranking


def need_list(request: HttpRequest) -> HttpResponse:
    form = NeedFilterForm(request.GET)
    needs, ranking = filtered_needs(form)
    sort = form.cleaned_data.get("sort", "")
    if ranking is not None and not sort:
        present = set(needs.values_list("pk", flat=True))
        ids = [pk for pk in ranking if pk in present]
    else:
        ids = list(
            needs.order_by(*NeedFilterForm.SORTS[sort or "support"]).values_list("pk", flat=True)
        )
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = needs.select_related("municipality", "theme").in_bulk(list(page.object_list))
    context = {
        "form": form,
        "page": page,
        "needs": [shown[pk] for pk in page.object_list if pk in shown],
        "total": len(ids),
        "has_example": Need.objects.filter(is_example=True).exists(),
        "is_filtered": any(form.data.get(name) for name in ("q", "kind", "area", "size", "theme")),
    }
    return render_page_or_partial(request, "needs/list.html", "needs/_list_results.html", context)
