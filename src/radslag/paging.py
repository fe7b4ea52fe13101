"""Page links for long lists: the pages around the current one, the first and the last."""

from __future__ import annotations

from django.http import QueryDict


def page_links(query: QueryDict, current: int, last: int) -> list[tuple[int | None, str]]:
    """Page numbers with their query strings; None marks a gap."""
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
