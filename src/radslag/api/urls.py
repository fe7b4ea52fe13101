"""The open REST API, ``/api/v1/``, with its OpenAPI document: reading for everyone,
writing with a personal key."""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI

from radslag.api import municipalities, needs, use_case_writes, use_cases
from radslag.api.errors import install_handlers

# The writing operations of use cases join their reading router when imported.
assert use_case_writes

api = NinjaAPI(
    title="Rådslag API",
    version="1",
    description=(
        "Rådslag's open data: Sweden's municipalities with Kolada key figures (Källa: Kolada "
        "(RKA)), the register of municipal AI use cases and the municipalities' needs. Reading "
        "needs no key; writing takes a personal key made on /konto/api-nycklar/, sent as "
        "'Authorization: Bearer <key>', and has its owner's rights. Answers are JSON; errors "
        "are 4xx with a 'detail' message (and 'errors' by field for invalid data)."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    # The interactive docs page loads its scripts from a CDN, which Rådslag never does.
    docs_url=None,
)
install_handlers(api)
api.add_router("", municipalities.router)
api.add_router("", use_cases.router)
api.add_router("", needs.router)

urlpatterns = [path("", api.urls)]
