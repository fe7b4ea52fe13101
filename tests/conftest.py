"""Test setup: the shipped reference data is loaded once into the test database."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.core.cache import caches
from hypothesis import settings

from radslag.core import freshness
from radslag.municipalities.reference import load_reference

# The suite's property tests draw the same examples on every run, so a CI result depends on the
# commit alone; HYPOTHESIS_PROFILE=explore draws new ones each run to look for what they miss.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[None]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        load_reference()
    return


@pytest.fixture
def reference_data() -> None:
    """The reference data again for a transactional test: another transactional test that
    ran before it in the same worker emptied the database when it ended."""
    from radslag.municipalities.models import Municipality

    if not Municipality.objects.exists():
        load_reference()


@pytest.fixture(autouse=True)
def _swedish_to_begin_with() -> None:
    """Each test starts in the site's language: a request through the test client activates
    the language it asks for (English, say) in the worker's thread, as a server thread would
    until its next request, and a later test reading messages outside a request would get it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_next_steps_landscape() -> None:
    """Tests roll back, so a table can return to the same rows, latest id and time as an
    earlier test's; the landscape the next-steps pages keep must not outlive a test."""
    from django.core.cache import cache

    from radslag.guidance import landscape

    landscape._KEPT.clear()
    # Rolled-back rows come back with the same ids, so anything cached under an id (a round's
    # fit, a budget round's portfolio) would otherwise carry over into the next test.
    cache.clear()


@pytest.fixture(autouse=True)
def _empty_page_parts() -> Iterator[None]:
    """Each test starts with no cached pages: its rolled-back data stamps start over where an
    earlier test's did, and would find that test's pages under them."""
    caches[freshness.CACHE_ALIAS].clear()
    yield
    caches[freshness.CACHE_ALIAS].clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """A transactional test empties the database when it ends, reference data and all; with
    the tests spread over workers in batches, the worker's next test may well be an ordinary
    one that needs the municipalities and the council's seats, so they are loaded again."""
    yield
    marker = item.get_closest_marker("django_db")
    # Without a next test the session is ending and its test database is already gone.
    if nextitem is None or marker is None or not marker.kwargs.get("transaction"):
        return
    from pytest_django.plugin import blocking_manager_key

    from radslag.municipalities.models import Municipality

    with item.config.stash[blocking_manager_key].unblock():
        if not Municipality.objects.exists():
            load_reference()
