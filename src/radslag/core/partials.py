"""One address, two answers: the whole page, or the part of it that htmx swaps in.

A list filtered in place pushes its address (``/kommuner/?county=01``) into the history, and
the same address answers a full page load. Browsers cache by address, and a Back or a reload
takes the cached answer without asking, so a response must say that it depends on the htmx
headers (``Vary``), or the bare fragment comes back in place of the page.

htmx asks again for a page it no longer holds in its history cache with both ``HX-Request``
and ``HX-History-Restore-Request``: that asks for the whole page, not the fragment.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

HTMX_HEADERS = ("HX-Request", "HX-History-Restore-Request")


def wants_partial(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    if htmx is None or not htmx:
        return False
    return not (htmx.boosted or htmx.history_restore_request)


def render_page_or_partial(
    request: HttpRequest, page: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    """Render ``partial`` for htmx's in-place updates and ``page`` for everything else."""
    response = render(request, partial if wants_partial(request) else page, context)
    patch_vary_headers(response, HTMX_HEADERS)
    return response
