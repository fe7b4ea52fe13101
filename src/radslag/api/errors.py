"""Errors of the open API: every one a 4xx with a message, never a 500 for bad input."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError


class NotFoundError(Exception):
    """The id names nothing."""


class BadRequestError(Exception):
    """The request is well-formed HTTP but asks for something that cannot be answered."""


def _message(error: ValidationError) -> str:
    parts = []
    for problem in error.errors:
        location = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{location}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
        return api.create_response(
            request, {"detail": _message(error), "errors": error.errors}, status=400
        )

    @api.exception_handler(NotFoundError)
    def not_found(request: HttpRequest, error: NotFoundError) -> HttpResponse:
        return api.create_response(request, {"detail": str(error)}, status=404)

    @api.exception_handler(BadRequestError)
    def bad_request(request: HttpRequest, error: BadRequestError) -> HttpResponse:
        return api.create_response(request, {"detail": str(error)}, status=400)
