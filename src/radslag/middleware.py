"""Rådslag's own middleware: Swedish first, and no control characters in any input."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext


class SwedishFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's, but a browser's Accept-Language does not override Swedish.

    Many Swedish municipal staff run English-language browsers; the platform still speaks
    Swedish to them until they press the language switch, which sets the cookie read here.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        available = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


# Tab, line feed and carriage return belong in multi-line text; no other control character
# belongs in anything a person types, and PostgreSQL refuses NUL in text outright.
_ALLOWED_IN_TEXT = {"\t", "\n", "\r"}


def _control_character(value: str, allowed: set[str]) -> str | None:
    for character in value:
        if unicodedata.category(character) == "Cc" and character not in allowed:
            return f"U+{ord(character):04X}"
    return None


def find_control_character(request: HttpRequest) -> tuple[str, str] | None:
    """The first place in the request's path, query or form that holds a control character."""
    found = _control_character(request.path, set())
    if found:
        return gettext("adressen"), found
    for name, values in request.GET.lists():
        for value in [name, *values]:
            found = _control_character(value, set())
            if found:
                return name, found
    if request.method == "POST" and request.content_type in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        for name, values in request.POST.lists():
            for value in [name, *values]:
                found = _control_character(value, _ALLOWED_IN_TEXT)
                if found:
                    return name, found
    return None


class ControlCharacterMiddleware:
    """Refuse, with a 400 naming the parameter, input that carries control characters.

    Checked once here rather than in every form, filter and API operation, so that no path can
    forget it; a NUL byte would otherwise reach PostgreSQL and end as a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = find_control_character(request)
        if problem is None:
            return self.get_response(request)
        name, code = problem
        message = gettext(
            "”%(name)s” innehåller ett styrtecken (%(code)s) som inte är tillåtet."
        ) % {"name": name, "code": code}
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return render(request, "invalid_input.html", {"message": message}, status=400)
