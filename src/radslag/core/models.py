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
