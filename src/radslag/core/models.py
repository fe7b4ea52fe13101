"""Model pieces every app shares."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExampleData(models.Model):
    """A record that a seeded simulator made to show how Rådslag works, not something a
    municipality said or did.

    Pages show such records with ``{% example_tag %}`` or ``{% example_notice %}`` (core's
    ``examples`` template tags), open data and the API leave them out, and each simulator replaces
    its own on every run. Every model that can hold example data answers ``is_example``: this
    field, or, for a use case, its source.
    """

    is_example = models.BooleanField(_("exempeldata"), default=False)

    class Meta:
        abstract = True


class DataStamp(models.Model):
    """A counter per data domain (an app's tables), raised by every write to the domain.

    Computed page parts and results are cached under the stamps of the domains they read
    (:mod:`radslag.core.freshness`), so a write makes them be computed again in every process
    at once, while a cache of each process's own stays valid across workers.
    """

    domain = models.CharField(max_length=40, primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("datastämpel")
        verbose_name_plural = _("datastämplar")

    def __str__(self) -> str:
        return f"{self.domain} {self.version}"
