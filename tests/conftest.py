"""Test setup: the shipped reference data is loaded once into the test database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from radslag.municipalities.reference import load_reference


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        load_reference()
    return
