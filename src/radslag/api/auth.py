"""Who is calling the API: a person's key, sent as ``Authorization: Bearer <key>``.

Reading the published data needs no key. Writing acts with the key owner's rights, asked of
the permission module as the pages do, and every change is recorded in the audit log in the
owner's name.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Schema
from ninja.security import HttpBearer

from radslag.accounts import tokens


class PersonalKey(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        person = tokens.owner(token.strip())
        if person is not None:
            request.user = person
        return person


class ErrorOut(Schema):
    detail: str


# The answers every operation can give besides its success, for the OpenAPI document: a 400
# for a parameter that breaks its schema or holds a control character (radslag.middleware).
READ_ERRORS: dict[int, type[Schema]] = {400: ErrorOut}
# A search for one- or two-letter words counts against the anonymous rate limit
# (radslag.throttle), which answers 429.
SEARCH_ERRORS: dict[int, type[Schema]] = {**READ_ERRORS, 429: ErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {
    **READ_ERRORS,
    401: ErrorOut,
    403: ErrorOut,
}
