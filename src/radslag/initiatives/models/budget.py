"""Budget rounds: municipalities approve initiatives, and the Method of Equal Shares chooses
the portfolio within the programme's budget."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from radslag.core.models import ExampleData
from radslag.core.text_limits import TITLE
from radslag.initiatives.models.initiatives import Initiative
from radslag.municipalities.models import Municipality


class BudgetRound(ExampleData):
    class Status(models.TextChoices):
        OPEN = "oppen", _("Öppen")
        CLOSED = "stangd", _("Stängd")

    class Weighting(models.TextChoices):
        # Values are the decision core's WeightingScheme names, as for the council's rounds.
        EQUAL = "equal", _("Lika för varje kommun")
        SQRT_POPULATION = "sqrt_population", _("Efter roten ur folkmängden")
        POPULATION = "population", _("Efter folkmängd")

    title = models.CharField(_("rubrik"), max_length=TITLE)
    budget = models.PositiveBigIntegerField(_("budget (kr)"))
    weighting = models.CharField(
        _("vägning av kommuner"),
        max_length=20,
        choices=Weighting.choices,
        default=Weighting.EQUAL,
    )
    initiatives = models.ManyToManyField(
        Initiative, related_name="budget_rounds", verbose_name=_("initiativ")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    closes_on = models.DateField(_("stänger"), null=True, blank=True)
    closed_at = models.DateTimeField(_("stängd"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("budgetomgång")
        verbose_name_plural = _("budgetomgångar")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:budget", args=[self.pk])


class Approval(models.Model):
    """A municipality approves an initiative in a budget round, through its representative."""

    round = models.ForeignKey(BudgetRound, on_delete=models.CASCADE, related_name="approvals")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("godkännande")
        verbose_name_plural = _("godkännanden")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "initiative", "municipality"], name="one_approval_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.initiative}"
