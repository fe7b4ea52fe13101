"""Computed page parts and results, cached per process and never served after a change.

Every write to a domain's tables (an app's: ``needs_need``, ``register_usecase_participants``,
...) raises that domain's :class:`~radslag.core.models.DataStamp` in the same transaction.
A cached part is stored under the stamps of the domains it was computed from, so after a
write every process finds no part under the new stamps and computes it again: the cache is
each worker's own memory (fast, nothing to configure), and the stamps in the database keep
the workers in step. Reading the stamps is one query of a few rows per page.

The writes are seen where every write passes: a database execute wrapper installed on each
connection, so ``bulk_create``, ``QuerySet.update`` and raw SQL raise the stamp as a model's
``save`` does, with no signal to forget. A write outside a transaction raises the stamp just
after it, in its own statement; a write inside one raises it within it, so a rolled-back write
leaves the stamp as it was.

Tables that hold caches of their own (embeddings, stored results) and the task queue are not
watched: writing them changes no page, and watching them would make every page read that fills
them empty the cache it is read from.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import caches
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

T = TypeVar("T")

# The app labels whose tables pages are computed from.
DOMAINS = (
    "municipalities",
    "register",
    "needs",
    "maturity",
    "council",
    "initiatives",
)
UNWATCHED_TABLES = frozenset({"register_embedding", "council_storedresult"})
CACHE_ALIAS = "parts"
# Long enough that a busy page is computed once per change rather than per minute; a change
# makes a part unreachable at once whatever its timeout.
TIMEOUT = 24 * 3600

_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', re.IGNORECASE)
# A stamp's row made anew (a new database, or rows deleted under a running server) starts at
# the current time in microseconds, far above any count it had reached before: a stamp never
# comes back to a value a cached part was stored under.
_BUMP = (
    "INSERT INTO core_datastamp (domain, version) VALUES (%s, %s) "
    "ON CONFLICT (domain) DO UPDATE SET version = core_datastamp.version + 1"
)
# Off while migrations run: the stamps' table may not exist yet, and no process has cached
# anything computed from a database that is being built.
_watching = {"on": True}


def domain_of(sql: str) -> str | None:
    """The watched domain a statement writes to, if it writes to one."""
    found = _WRITE.match(sql)
    if found is None:
        return None
    table = found.group(1).lower()
    if table in UNWATCHED_TABLES:
        return None
    label = table.split("_", 1)[0]
    return label if label in DOMAINS else None


def _watch_writes(execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    result = execute(sql, params, many, context)
    domain = domain_of(sql) if _watching["on"] and isinstance(sql, str) else None
    if domain is not None:
        # A cursor of its own: the caller may still read the statement's own results.
        with context["connection"].cursor() as cursor:
            cursor.execute(_BUMP, [domain, time.time_ns() // 1000])
    return result


def install(connection: BaseDatabaseWrapper, **_: Any) -> None:
    """Watch ``connection``'s writes; connected to ``connection_created``."""
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def pause(**_: Any) -> None:
    """Stop watching; connected to ``pre_migrate``."""
    _watching["on"] = False


def resume(**_: Any) -> None:
    """Watch again; connected to ``post_migrate``."""
    _watching["on"] = True


def stamps(*domains: str) -> str:
    """The current stamps of ``domains``, as one string to put in a cache key."""
    unknown = set(domains) - set(DOMAINS)
    if unknown:
        raise ValueError(f"unknown data domains: {sorted(unknown)}")
    # Plain SQL: it runs on every cached page, where building an ORM query cost more than
    # the rest of the answer.
    with connection.cursor() as cursor:
        cursor.execute("SELECT domain, version FROM core_datastamp")
        found = dict(cursor.fetchall())
    return ".".join(f"{domain}{found.get(domain, 0)}" for domain in sorted(domains))


def cached(name: str, key: object, domains: tuple[str, ...], compute: Callable[[], T]) -> T:
    """``compute()``, from this process's cache while none of ``domains`` has changed.

    For a result that pages recompute for signed-in people too, where the whole page cannot
    be kept. ``key`` is what else the result depends on (an id, who may see what); its
    ``repr`` is part of the cache key, so keep it short.
    """
    digest = hashlib.sha256(f"{name}:{stamps(*domains)}:{key!r}".encode()).hexdigest()
    parts = caches[CACHE_ALIAS]
    found = parts.get(digest, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[no-any-return]
    value = compute()
    parts.set(digest, value, TIMEOUT)
    return value


_MISSING = object()
