"""Browser tests: Debian's Chromium driven by Playwright against a live Rådslag with example data.

Everything expensive happens once for the package: the example data is built, a live server is
started, one Chromium is launched. Each test gets a fresh browser context (its own cookies,
cache and history), which costs milliseconds.

Playwright's sync API runs an asyncio event loop in the test's own thread: the loop sits in
a greenlet of its own and stays registered as the thread's running loop from start to stop.
Django's async-safety check sees that loop and refuses every ORM call from this thread
(``SynchronousOnlyOperation``), including pytest-django's per-test transaction, because in a
real async context a blocking query would stall the loop. Here it would not: whenever test
code runs, Playwright's loop is suspended, waiting for the next call, and no coroutine ever
touches a database connection. So ``browser`` allows the ORM from this thread, through
``DJANGO_ALLOW_ASYNC_UNSAFE``, only while Playwright runs, and takes it back when Playwright
stops; the rest of the suite keeps the check. The example data is built before Playwright
starts and removed after it stops, so those queries never need the exemption.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, connections
from django.db.models import ProtectedError
from django.test import override_settings
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from radslag.council.composition_models import Composition, Seat
from radslag.municipalities.models import Municipality
from radslag.needs import index
from radslag.needs.models import Need, Theme
from radslag.register.choices import Source
from radslag.register.countries import SWEDEN
from radslag.register.models import UseCase
from radslag.register.pstw import import_pstw
from tests.register.conftest import write_pstw

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")
PHONE_WIDTH = 375
# Fewer needs than `radslag demo-data` makes: the pages look the same, the build is faster.
EXAMPLE_NEEDS = 300


@dataclass(frozen=True)
class ExampleSite:
    """The live server's address and the example records the tests visit."""

    url: str
    municipality_code: str
    county_code: str
    swedish_case_id: int
    european_case_id: int
    need_id: int
    theme_id: int
    area_with_cases: str
    # A case whose AI Act class brings obligations with the dates they apply from.
    obligated_case_id: int
    # The example council composition, drawn.
    composition_id: int

    def __call__(self, path: str) -> str:
        return self.url + path


def _row_keys() -> dict[type[Any], set[Any]]:
    return {
        model: set(model._default_manager.values_list("pk", flat=True))
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def _remove_rows_added_since(before: dict[type[Any], set[Any]]) -> None:
    """Delete every row that was not there before, so later test packages see the baseline.

    A row may be protected by a row of a model not yet visited; passes repeat until none is.
    """
    # Merged needs point at the need they were merged into (PROTECT): they go first.
    Need.objects.exclude(pk__in=before[Need]).filter(merged_into__isnull=False).delete()
    pending = dict(before)
    for _ in range(len(pending) + 1):
        for model, keys in list(pending.items()):
            # The base manager: the audit log's own manager refuses deletes, as it should
            # for the application, but this is the test run restoring its baseline.
            added = model._base_manager.exclude(pk__in=keys)
            try:
                added.delete()
            except ProtectedError:
                continue
            del pending[model]
        if not pending:
            return
    raise RuntimeError(f"example rows left behind in {sorted(m.__name__ for m in pending)}")


def _build_example_data(tmp: Path) -> None:
    # A slice of the real PSTW catalogue: every Swedish case and every 40th of the others.
    import_pstw(write_pstw(tmp / "pstw-slice.csv"))
    call_command("demo_maturity", seed=1, verbosity=0)
    call_command("demo_use_cases", seed=1, verbosity=0)
    call_command("demo_needs", seed=1, count=EXAMPLE_NEEDS, verbosity=0)
    call_command("demo_composition", seed=1, verbosity=0)
    # One account per role, as `make demo` makes them (the command runs in demo mode only).
    with override_settings(DEMO=True):
        call_command("demo_accounts", verbosity=0)


def _case_with_obligations() -> int:
    # Not .iterator(): leaving its loop early would leave a cursor open on register_usecase,
    # and with it a lock that refuses the live server every later write to the table.
    for case in UseCase.objects.published().order_by("pk"):
        classification = case.classification()
        if classification is not None and classification.obligations:
            return case.pk
    raise LookupError("no example case carries AI Act obligations")


@pytest.fixture(scope="package")
def example_site(
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ExampleSite]:
    # The live server's thread reaches the database whenever a page is requested, so the
    # blocker stays open for the whole package; the rows built here are committed (the server
    # has its own connection on PostgreSQL) and removed again at the end.
    with (
        django_db_blocker.unblock(),
        # The live server speaks plain HTTP: cookies marked HTTPS-only would never come back.
        override_settings(
            REGISTER_ENCODER="tests.register.fakes.FakeEncoder",
            SESSION_COOKIE_SECURE=False,
            CSRF_COOKIE_SECURE=False,
        ),
    ):
        name = str(connection.settings_dict["NAME"])
        if not name.startswith(("file:memorydb", "test")):
            # Without a test marked for the database pytest-django sets up none, and the
            # rows below would land in the real database.
            pytest.fail(f"not a test database: {name}; mark the browser tests django_db")
        before = _row_keys()
        # The example puts members on the council's seats, rows that were there before.
        seats = {seat.pk: (seat.holder_id, seat.holder_is_example) for seat in Seat.objects.all()}
        index._cache.clear()
        try:
            _build_example_data(tmp_path_factory.mktemp("browser"))
            swedish = UseCase.objects.filter(source=Source.EXAMPLE).order_by("pk")[0]
            european = UseCase.objects.exclude(country=SWEDEN).order_by("pk")[0]
            need = Need.objects.open().order_by("pk")[0]
            municipality = Municipality.objects.get(code="0180")
            server = LiveServer("localhost")
            try:
                yield ExampleSite(
                    url=server.url,
                    municipality_code=municipality.code,
                    county_code=municipality.county_id,
                    swedish_case_id=swedish.pk,
                    european_case_id=european.pk,
                    need_id=need.pk,
                    theme_id=Theme.objects.order_by("pk")[0].pk,
                    area_with_cases=swedish.area,
                    obligated_case_id=_case_with_obligations(),
                    composition_id=Composition.objects.get(is_example=True).pk,
                )
            finally:
                server.stop()
        finally:
            _remove_rows_added_since(before)
            for seat in Seat.objects.all():
                seat.holder_id, seat.holder_is_example = seats.get(seat.pk, (None, False))
                seat.save(update_fields=["holder", "holder_is_example"])
            index._cache.clear()


@pytest.fixture(scope="package")
def browser(example_site: ExampleSite) -> Iterator[Browser]:
    """One Chromium for all browser tests; it needs the data built first (see above)."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: `make test` installs it with apt-get (package chromium)")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # See the module's docstring: the exemption lasts exactly as long as Playwright's loop.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Connections opened while Playwright's loop ran are kept apart from the others by
        # Django (per context, not per thread), and pytest-django would never close them.
        connections.close_all()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page on a phone-sized screen."""
    context = browser.new_context(
        viewport={"width": PHONE_WIDTH, "height": 740}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
