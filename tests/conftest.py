"""Test setup: the shipped reference data is loaded once into the test database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import caches

from radslag.core import freshness
from radslag.municipalities.reference import load_reference


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        load_reference()
    return


@pytest.fixture(autouse=True)
def _empty_page_parts() -> Iterator[None]:
    """Each test starts with no cached pages: its rolled-back data stamps start over where an
    earlier test's did, and would find that test's pages under them."""
    caches[freshness.CACHE_ALIAS].clear()
    yield
    caches[freshness.CACHE_ALIAS].clear()
