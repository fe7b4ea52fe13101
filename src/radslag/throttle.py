"""Rate limits for anonymous visitors on what costs the server most.

Similar-text search embeds the visitor's text (about two seconds of CPU), a full-text search
for one or two letters matches most of the index, and downloads build whole files. Signed-in
people are not limited: they are known, and their work should never stop on a limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext

SHORT_TERM = 3
DOWNLOAD_SUFFIXES = (".csv", ".xlsx", ".json", ".rdf")


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def scope_of(request: HttpRequest) -> str | None:
    """Which limit a request counts against, if any."""
    match = request.resolver_match
    if match is None:
        return None
    if match.view_name in settings.THROTTLED_VIEWS:
        return str(settings.THROTTLED_VIEWS[match.view_name])
    if request.path.endswith(DOWNLOAD_SUFFIXES) and not request.path.endswith("openapi.json"):
        return "download"
    query = request.GET.get("q", "")
    words = query.split()
    if words and min(len(word) for word in words) < SHORT_TERM:
        return "short_search"
    return None


def client_address(request: HttpRequest) -> str:
    """The visitor's address; behind proxies, the one the nearest trusted proxy saw."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])
    return str(request.META.get("REMOTE_ADDR", ""))


def clock() -> float:
    """The time the windows are counted in (a function, so tests can hold it still)."""
    return time.time()


def seconds_to_wait(request: HttpRequest, scope: str) -> int:
    """0 if the request may go on; otherwise how long until the window opens again."""
    rate = Rate(*settings.THROTTLE_RATES[scope])
    now = int(clock())
    window = now // rate.seconds
    key = f"throttle:{scope}:{client_address(request)}:{window}"
    # add-then-incr is atomic on every cache backend Django ships, so concurrent workers
    # sharing a cache count every request once.
    cache.add(key, 0, timeout=rate.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=rate.seconds + 1)
        count = 1
    if count <= rate.requests:
        return 0
    return (window + 1) * rate.seconds - now


class ThrottleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: object, args: object, kwargs: object
    ) -> HttpResponse | None:
        if request.user.is_authenticated:
            return None
        scope = scope_of(request)
        if scope is None:
            return None
        wait = seconds_to_wait(request, scope)
        if not wait:
            return None
        message = gettext(
            "Du har gjort många sådana förfrågningar på kort tid. Försök igen om %(seconds)s "
            "sekunder, eller logga in."
        ) % {"seconds": wait}
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": message}, status=429)
        else:
            response = render(request, "throttled.html", {"message": message}, status=429)
        response["Retry-After"] = str(wait)
        return response
