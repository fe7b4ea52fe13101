"""Schemathesis generates requests for every operation of the OpenAPI document, reading and
writing, with and without a key: none may get a 5xx, and every answer's status must be one the
document lists for that operation (no undocumented 400), with a body of the documented shape.

The operations are driven by Hypothesis directly rather than through schemathesis' pytest
plugin, which does not run on the pytest this project uses. The same tests run on PostgreSQL
when DATABASE_URL names one (as .ci/run does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from radslag.accounts import tokens
from radslag.needs.models import Need
from radslag.register.choices import Publication
from radslag.register.models import UseCase
from tests.people import convener, representative

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
WRITING = {"POST", "PATCH", "PUT", "DELETE"}
KIL = "1715"


@pytest.fixture
def connections_kept_open() -> Iterator[None]:
    """Keep the test's database connection through each request, as Django's test client does.

    A real WSGI handler closes the connection when a request finishes, which would end the
    transaction the test runs in.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def operations(methods: set[str] | None = None) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    found = [result.ok() for result in schema.get_all_operations()]
    chosen = [op for op in found if methods is None or op.method.upper() in methods]
    assert chosen, "the OpenAPI document lists no such operation"
    return chosen


def existing_objects() -> dict[str, int | str]:
    """Objects a generated request can name, so requests reach real rows and not only 404s."""
    case = UseCase.objects.create(
        title="Tal till text",
        summary="Personalen dikterar.",
        organisation_id=KIL,
        status=Publication.PUBLISHED,
    )
    need = Need.objects.create(
        title="Tolkning", text="Tolkning i mottagandet, dygnet runt.", municipality_id=KIL
    )
    return {"case_id": case.pk, "need_id": need.pk, "code": KIL}


# What a form needs to accept a new object; generated values fill in every other field.
VALID_BODIES = {
    "/anvandningsfall/": {
        "title": "Tal till text",
        "summary": "Personalen dikterar.",
        "organisation": KIL,
        "stage": "pilot",
        "country": "SE",
        "status": "publicerad",
    },
    "/behov/": {
        "kind": "behov",
        "title": "Tolkning",
        "text": "Vi behöver tolkning i mottagandet av nyanlända, dygnet runt och på många språk.",
        "area": "aldreomsorg",
        "municipality": KIL,
    },
}


def reaching_rows(operation: Any, ids: dict[str, int | str]) -> Any:
    """The operation's generated cases as they are, with a real id in the path, and with a
    body the form accepts but for its generated other fields, so that the successful writes
    are fuzzed too and not only the refusals."""
    generated = operation.as_strategy()

    def with_real_id(case: schemathesis.Case) -> schemathesis.Case:
        for name in case.path_parameters or {}:
            if name in ids:
                case.path_parameters[name] = ids[name]
        return case

    def with_valid_fields(case: schemathesis.Case) -> schemathesis.Case:
        collection = "/" + operation.path.split("/")[3] + "/"
        if isinstance(case.body, dict) and collection in VALID_BODIES:
            case.body = {**case.body, **VALID_BODIES[collection]}
        return with_real_id(case)

    return st.one_of(generated, generated.map(with_real_id), generated.map(with_valid_fields))


def fuzz(strategy: Any, headers: dict[str, str], examples: int) -> None:
    @given(case=strategy)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    call()


@pytest.mark.usefixtures("connections_kept_open")
def test_every_operation_without_a_key_answers_only_what_the_document_lists() -> None:
    ids = existing_objects()
    for operation in operations():
        fuzz(reaching_rows(operation, ids), {}, examples=25)


Person = Callable[[], Any]


@pytest.mark.usefixtures("connections_kept_open")
@pytest.mark.parametrize(
    "person",
    [pytest.param(convener, id="convener"), pytest.param(lambda: representative(KIL), id="kil")],
)
def test_every_writing_operation_with_a_key_answers_only_what_the_document_lists(
    person: Person,
) -> None:
    key = tokens.create(person(), "fuzz")[1]
    ids = existing_objects()
    for operation in operations(WRITING):
        fuzz(reaching_rows(operation, ids), {"Authorization": f"Bearer {key}"}, examples=30)
