"""The audit log: every create, change and delete of what municipalities and conveners say.

Recorded by Django's model signals rather than a library's per-row log, because several of
Rådslag's changes are not one row's save: a merge moves support in bulk and an import writes
thousands of rows, and each is recorded as one entry with its meaning (``record``) by the code
that does it. Signals record ordinary saves and deletes of the models in ``AUDITED`` with the
values before and after; the person comes from the request (``AuditActorMiddleware``) or, in a
command, from the command's name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpRequest, HttpResponse

from radslag.accounts.models import AuditEntry
from radslag.core.maintenance import in_maintenance

AUDITED = (
    "register.usecase",
    "needs.need",
    "needs.support",
    "needs.theme",
    "maturity.assessment",
    "maturity.answer",
    "accounts.membership",
    "accounts.invitation",
    "accounts.apitoken",
)
# Fields whose values say nothing a reader of the log needs and would only fill it.
LEFT_OUT_FIELDS = {"token_hash", "updated_at", "created_at", "search_text"}

_actor: ContextVar[tuple[Any, str] | None] = ContextVar("audit_actor", default=None)
_suspended: ContextVar[bool] = ContextVar("audit_suspended", default=False)


def _quiet() -> bool:
    return _suspended.get() or in_maintenance()


@contextmanager
def summarised(label: str, note: str) -> Iterator[None]:
    """Record one entry for everything done inside instead of one per row.

    For the example-data simulators, which replace thousands of rows of example data each
    run: the log says that it happened, by whom, without burying real changes.
    """
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
    record(AuditEntry.Action.IMPORT, label=label, note=note)


@contextmanager
def acting_as(user: Any, name: str | None = None) -> Iterator[None]:
    """Attribute what is recorded inside to ``user`` (or, with no user, to ``name``)."""
    label = name or (user.get_full_name() or user.get_username() if user else "")
    token = _actor.set((user, label))
    try:
        yield
    finally:
        _actor.reset(token)


class AuditActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        with acting_as(user, None if user else "anonym besökare"):
            return self.get_response(request)


def values(instance: models.Model) -> dict[str, Any]:
    data = {
        field.attname: field.value_from_object(instance)
        for field in instance._meta.concrete_fields
        if field.attname not in LEFT_OUT_FIELDS
    }
    # Through JSON and back, so dates, decimals and UUIDs are stored as the text shown.
    return dict(json.loads(json.dumps(data, cls=DjangoJSONEncoder, default=str)))


def record(
    action: str,
    instance: models.Model | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    label: str = "",
    object_id: str = "",
    note: str = "",
) -> AuditEntry:
    """Add one entry; for a bulk change, name it with ``label``/``object_id`` and ``note``."""
    user, name = _actor.get() or (None, "system")
    return AuditEntry.objects.create(
        actor=user,
        actor_name=name[:200],
        action=action,
        object_label=instance._meta.label_lower if instance is not None else label,
        object_id=str(instance.pk) if instance is not None else object_id,
        object_repr=str(instance)[:200] if instance is not None else (note or label)[:200],
        before=before,
        after=after,
        note=note,
    )


def _remember_before(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or instance.pk is None or _quiet():
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    instance._audit_before = values(stored) if stored is not None else None  # type: ignore[attr-defined]


def _record_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    if kwargs.get("raw") or _quiet():
        return
    now = values(instance)
    old = getattr(instance, "_audit_before", None)
    if created or old is None:
        record(AuditEntry.Action.CREATE, instance, after=now)
        return
    changed = [key for key in now if now[key] != old.get(key)]
    if changed:
        record(
            AuditEntry.Action.UPDATE,
            instance,
            before={key: old.get(key) for key in changed},
            after={key: now[key] for key in changed},
        )


def _record_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if _quiet():
        return
    record(AuditEntry.Action.DELETE, instance, before=values(instance))


def connect() -> None:
    for label in AUDITED:
        app_label, model_name = label.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:  # an app left out of INSTALLED_APPS
            continue
        pre_save.connect(_remember_before, sender=model, dispatch_uid=f"audit-before-{label}")
        post_save.connect(_record_save, sender=model, dispatch_uid=f"audit-save-{label}")
        post_delete.connect(_record_delete, sender=model, dispatch_uid=f"audit-delete-{label}")
