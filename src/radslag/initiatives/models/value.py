"""The value model's assumptions, versioned: a convener's change makes a new version, and
every estimate names the version it used."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from radslag.core.areas import Area

PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


def percent_field(label: Any) -> models.DecimalField[Decimal, Decimal]:
    return models.DecimalField(label, max_digits=5, decimal_places=2, validators=PERCENT)


class AssumptionSetQuerySet(models.QuerySet["AssumptionSet"]):
    def current(self) -> AssumptionSet | None:
        return self.order_by("-version").first()


class AssumptionSet(models.Model):
    version = models.PositiveIntegerField(_("version"), unique=True)
    note = models.CharField(_("vad som ändrats"), max_length=500)
    # Digg's estimate as a share of public spending, applied to the municipalities' net costs.
    target_percent = percent_field(_("nationellt mål, procent av kommunernas nettokostnad"))
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )

    objects = AssumptionSetQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("antaganden")
        verbose_name_plural = _("antaganden")

    def __str__(self) -> str:
        return _("Antaganden, version %(version)s") % {"version": self.version}


class AreaAssumption(models.Model):
    """One area's cost basis and shares. The cost is Kolada key figures in kr per inhabitant,
    added (``kpis``) less others that belong to another area (``kpis_less``), or, for an area
    no key figure covers, a share of the municipality's whole net cost."""

    assumptions = models.ForeignKey(AssumptionSet, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(_("verksamhetsområde"), max_length=30, choices=Area.choices)
    kpis = models.CharField(_("nyckeltal"), max_length=100, blank=True)
    kpis_less = models.CharField(_("minus nyckeltal"), max_length=100, blank=True)
    share_of_total = models.DecimalField(
        _("andel av hela nettokostnaden, procent"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
    )
    addressable_low = percent_field(_("andel som AI kan beröra, låg"))
    addressable_central = percent_field(_("andel som AI kan beröra, trolig"))
    addressable_high = percent_field(_("andel som AI kan beröra, hög"))
    effect_low = percent_field(_("effekt, låg"))
    effect_central = percent_field(_("effekt, trolig"))
    effect_high = percent_field(_("effekt, hög"))

    class Meta:
        ordering = ["assumptions", "area"]
        verbose_name = _("antagande för ett område")
        verbose_name_plural = _("antaganden för områden")
        constraints = [
            models.UniqueConstraint(fields=["assumptions", "area"], name="one_assumption_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.assumptions} – {self.get_area_display()}"
