"""Whole answers to anonymous readers, from each process's cache until the data changes.

The main public pages and the API's reading answers are what most requests ask for, and the
same for every visitor who is not signed in. This middleware keeps such an answer under the
data stamps of every watched domain (:mod:`radslag.core.freshness`), so any write to the data
pages are computed from makes every process compute them again at the next request; nothing
is served from before a change.

Only a plain request is answered from the cache: GET, no session (so no messages and no
signed-in person), no API key, not an htmx partial. A page holds one thing of the visitor's
own, the CSRF token of its forms (the language switch); it is stored as a placeholder and
filled in with the visitor's own token on the way out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from radslag.core import freshness

# Pages computed from the data alone (the same for every anonymous visitor); the API's
# reading operations are all cached too (namespace "api").
CACHED_VIEWS = frozenset(
    {
        "home",
        "municipalities:list",
        "municipalities:detail",
        "maps:choropleth",
        "register:list",
        "register:detail",
        "register:statistics",
        "needs:list",
        "needs:detail",
        "needs:themes",
        "needs:theme",
        "maturity:national",
        "maturity:model",
        "maturity:profile",
    }
)
MAX_SIZE = 2_000_000
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
_PLACEHOLDER = rb"\1__radslag_csrf_token__\2"
_PLACEHOLDER_TEXT = b"__radslag_csrf_token__"


def _eligible(request: HttpRequest) -> bool:
    match = request.resolver_match
    if request.method != "GET" or match is None:
        return False
    if match.view_name not in CACHED_VIEWS and match.namespace != "api":
        return False
    if request.headers.get("HX-Request") or request.headers.get("Authorization"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def _key(request: HttpRequest) -> str:
    # The date: a few pages say which years may be answered or what is due.
    parts = [
        freshness.stamps(*freshness.DOMAINS),
        timezone.localdate().isoformat(),
        translation.get_language() or "",
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and _storable(response) and len(response.content) <= MAX_SIZE:
            content = _TOKEN.sub(_PLACEHOLDER, response.content)
            entry = (content, list(response.items()))
            caches[freshness.CACHE_ALIAS].set(key, entry, freshness.TIMEOUT)
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not _eligible(request):
            return None
        key = _key(request)
        entry = caches[freshness.CACHE_ALIAS].get(key)
        if entry is None:
            request._page_cache_key = key  # type: ignore[attr-defined]
            return None
        content, headers = entry
        if _PLACEHOLDER_TEXT in content:
            content = content.replace(_PLACEHOLDER_TEXT, get_token(request).encode())
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response
