"""The council itself: its seats, and the compositions that choose who should hold them.

A seat is held by one municipality, or by a few together (Herrljunga and Vårgårda share one),
and optionally by the account of the person who sits on it. The current seats are reference
data (``radslag load-reference`` reads ``data/council/seats.csv``); only who holds them may be
example data.

A composition is a selection of a new council by lottery: its pool and features are frozen
when the lottery is computed, so the published selection probabilities and the panels of the
lottery never change afterwards, and the draw with a published seed can be replayed by anyone
against exactly what was published.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from radslag.core.models import ExampleData
from radslag.core.text_limits import TITLE
from radslag.municipalities.models import Municipality

# A published seed is read aloud and typed in again: short text, not a key.
SEED_LENGTH = 100


class Seat(models.Model):
    number = models.PositiveSmallIntegerField(_("plats"), unique=True)
    municipalities = models.ManyToManyField(
        Municipality, related_name="council_seats", verbose_name=_("kommuner")
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_seats",
        verbose_name=_("ledamot"),
    )
    # The seats are real; a made-up member on one is not, and must say so where shown.
    holder_is_example = models.BooleanField(_("ledamoten är exempeldata"), default=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("plats i rådet")
        verbose_name_plural = _("platser i rådet")

    def __str__(self) -> str:
        return " / ".join(m.name for m in self.municipalities.all()) or str(self.number)

    @property
    def is_example(self) -> bool:
        """What the example tag asks: whether the seat's member is made up."""
        return self.holder_is_example and self.holder_id is not None


class Composition(ExampleData):
    class PoolKind(models.TextChoices):
        ALL = "alla", _("Alla 290 kommuner")
        NOMINATED = "nominerade", _("Nominerade kommuner")

    title = models.CharField(_("rubrik"), max_length=TITLE)
    panel_size = models.PositiveSmallIntegerField(_("antal platser"))
    pool_kind = models.CharField(_("urvalspool"), max_length=20, choices=PoolKind.choices)
    # The frozen pool: [{"code": "1781", "values": {"size": "medium", ...}}, ...] in pool order,
    # which the lottery's panels index.
    candidates = models.JSONField(_("kandidater"), default=list)
    features = models.JSONField(_("egenskaper"), default=list)
    # {"size": {"small": [2, 5], ...}, ...}: least and most seats per feature value.
    quotas = models.JSONField(_("kvoter"), default=dict)
    # The LEXIMIN lottery: panels as lists of candidate indices and their probabilities, and
    # each candidate's probability of being drawn.
    panels = models.JSONField(_("paneler"), default=list)
    panel_probabilities = models.JSONField(_("panelernas sannolikheter"), default=list)
    selection_probabilities = models.JSONField(_("urvalssannolikheter"), default=list)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    seed = models.CharField(_("frö"), max_length=SEED_LENGTH, blank=True)
    seed_digest = models.CharField(_("fröets SHA-256"), max_length=64, blank=True)
    ticket = models.FloatField(_("lott"), null=True, blank=True)
    drawn_panel = models.PositiveIntegerField(_("dragen panel"), null=True, blank=True)
    drawn_at = models.DateTimeField(_("dragen"), null=True, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dragen av"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sammansättning")
        verbose_name_plural = _("sammansättningar")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:composition", args=[self.pk])

    @property
    def is_drawn(self) -> bool:
        return self.drawn_panel is not None

    @property
    def codes(self) -> list[str]:
        """The candidates' municipality codes, in pool order."""
        return [candidate["code"] for candidate in self.candidates]

    def drawn_codes(self) -> list[str]:
        """The municipalities of the drawn panel, or none before the draw."""
        if self.drawn_panel is None:
            return []
        codes = self.codes
        return [codes[index] for index in self.panels[self.drawn_panel]]

    def candidate_values(self) -> dict[str, list[Any]]:
        """Each feature's value per candidate, in pool order: the columns of the pool."""
        return {
            feature: [candidate["values"][feature] for candidate in self.candidates]
            for feature in self.features
        }
