"""The open REST API, ``/api/v1/``, read-only, with its OpenAPI document."""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI

from radslag.api import municipalities, use_cases
from radslag.api.errors import install_handlers

api = NinjaAPI(
    title="Rådslag API",
    version="1",
    description=(
        "Rådslag's open data: Sweden's municipalities with Kolada key figures (Källa: Kolada "
        "(RKA)) and the register of municipal AI use cases. Read-only; answers are JSON; "
        "errors are 4xx with a 'detail' message."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    # The interactive docs page loads its scripts from a CDN, which Rådslag never does.
    docs_url=None,
)
install_handlers(api)
api.add_router("", municipalities.router)
api.add_router("", use_cases.router)

urlpatterns = [path("", api.urls)]
