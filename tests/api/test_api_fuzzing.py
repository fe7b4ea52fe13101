"""Schemathesis generates requests from the OpenAPI document; none may get a 5xx.

The operations are driven by Hypothesis directly rather than through schemathesis' pytest
plugin, which does not run on the pytest this project uses.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.django_db


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


@pytest.mark.usefixtures("connections_kept_open")
def test_the_api_never_answers_with_a_server_error() -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the OpenAPI document lists no operations"

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=60,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        call()


@pytest.mark.usefixtures("connections_kept_open")
def test_the_writing_operations_with_a_valid_key_never_answer_with_a_server_error() -> None:
    from radslag.accounts import tokens
    from tests.people import convener

    key = tokens.create(convener(), "fuzz")[1]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    writing = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().method.upper() in {"POST", "PATCH"}
    ]
    assert writing, "the OpenAPI document lists no writing operation"

    for operation in writing:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Bearer {key}"}, checks=[not_a_server_error]
            )

        call()
