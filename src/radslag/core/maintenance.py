"""Maintenance of the database as a whole (a restore), during which per-row hooks stand still.

A restore deletes and rewrites every table; recording each of those rows in the audit log
would make the restored database differ from the file it came from. Hooks that react to
ordinary saves and deletes ask ``in_maintenance()`` and stay out of the way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_maintenance: ContextVar[bool] = ContextVar("database_maintenance", default=False)


@contextmanager
def maintenance() -> Iterator[None]:
    token = _maintenance.set(True)
    try:
        yield
    finally:
        _maintenance.reset(token)


def in_maintenance() -> bool:
    return _maintenance.get()
