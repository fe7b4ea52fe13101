"""Optimistic locking: a save based on a version of a record that has since changed is refused.

Each lockable record has a ``version`` number, raised by one on every save through a form or
the API. The form (or the API client) sends the version it was shown; saving first raises the
row's version only where it still equals that number (one conditional UPDATE, atomic on every
engine), inside the transaction that then saves the record. When no row matched, someone else
saved in between, and the second save is refused instead of silently overwriting the first.
"""

from __future__ import annotations

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _


class StaleVersionError(Exception):
    """The record changed after the version the person or client was shown."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the record is now at version {current}")
        self.current = current


def claim_version(instance: models.Model, seen: int | None) -> None:
    """Raise the stored version of ``instance`` by one, if it still is ``seen``.

    Call inside ``transaction.atomic()`` before saving ``instance``; it sets the instance's
    ``version`` to the new number, so the save writes it back unchanged. ``seen`` None (a
    client that sends no version) skips the comparison but still raises the version.
    Raises :class:`StaleVersionError` with the current version when the row has moved on.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("claim_version must run inside the transaction that saves")
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    matching = rows if seen is None else rows.filter(version=seen)
    if not matching.update(version=F("version") + 1):
        raise StaleVersionError(current_version(instance))
    instance.version = current_version(instance)  # type: ignore[attr-defined]


def current_version(instance: models.Model) -> int:
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    version: int = rows.values_list("version", flat=True).get()
    return version


def version_field() -> forms.IntegerField:
    """The hidden field that carries the version a form was rendered with."""
    return forms.IntegerField(
        label=_("Version"), required=False, min_value=0, widget=forms.HiddenInput
    )


def show_current_version(form: forms.BaseForm, current: int) -> None:
    """After a refusal, let the form carry the current version with the person's own input,
    so saving again (having compared) is a deliberate overwrite rather than a repeat refusal."""
    data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
    data["version"] = str(current)
    form.data = data
