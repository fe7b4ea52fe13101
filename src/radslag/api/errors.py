"""Errors of the open API: every one a 4xx with a message, never a 500 for bad input."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from radslag.core.versions import StaleVersionError, claim_version


class NotFoundError(Exception):
    """The id names nothing."""


class BadRequestError(Exception):
    """The request is well-formed HTTP but asks for something that cannot be answered."""


class ForbiddenError(Exception):
    """The key's owner may not do this (another municipality's object, say)."""


class ConflictError(Exception):
    """The record changed after the version the client based its change on."""


def claim_or_conflict(instance: Model, seen: int | None, subject: str, change: str) -> None:
    """:func:`~radslag.core.versions.claim_version`, answered with a 409 naming ``subject`` when
    the record has moved on since version ``seen``."""
    try:
        claim_version(instance, seen)
    except StaleVersionError as stale:
        raise ConflictError(
            f"{subject} has been changed by someone else since version {seen}; it is now at "
            f"version {stale.current}: read it again and send the {change} with that version"
        ) from None


class InvalidDataError(Exception):
    """The data breaks the same rules the forms apply; ``errors`` by field."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{field}: {' '.join(m)}" for field, m in errors.items()))
        self.errors = errors


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

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        detail = (
            "a valid API key is needed: send 'Authorization: Bearer <key>' with a key made on "
            "/konto/api-nycklar/ (a revoked key, or one of a closed account, is not valid)"
        )
        return api.create_response(request, {"detail": detail}, status=401)

    @api.exception_handler(ForbiddenError)
    def forbidden(request: HttpRequest, error: ForbiddenError) -> HttpResponse:
        return api.create_response(request, {"detail": str(error)}, status=403)

    @api.exception_handler(InvalidDataError)
    def invalid(request: HttpRequest, error: InvalidDataError) -> HttpResponse:
        body = {"detail": str(error), "errors": error.errors}
        return api.create_response(request, body, status=400)

    @api.exception_handler(ConflictError)
    def conflict(request: HttpRequest, error: ConflictError) -> HttpResponse:
        return api.create_response(request, {"detail": str(error)}, status=409)

    @api.exception_handler(BadRequestError)
    def bad_request(request: HttpRequest, error: BadRequestError) -> HttpResponse:
        return api.create_response(request, {"detail": str(error)}, status=400)
