"""Initiatives the council can recommend: what they are, whom they serve, who takes part, what
they cost and how far they have come."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from radslag.core.models import ExampleData
from radslag.core.text_limits import TITLE
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Theme
from radslag.register.aiact import RiskClass


class Initiative(ExampleData):
    class Type(models.TextChoices):
        JOINT_PROCUREMENT = "gemensam-upphandling", _("Gemensam upphandling")
        SHARED_PLATFORM = "gemensam-plattform", _("Gemensam plattform")
        COMPETENCE = "kompetensinsats", _("Kompetensinsats")
        LEGAL_GUIDANCE = "juridisk-vagledning", _("Juridisk vägledning")
        DATA_INFRASTRUCTURE = "datainfrastruktur", _("Datainfrastruktur")
        NETWORK = "natverk", _("Nätverk")
        FUNDING_CALL = "utlysning", _("Utlysning")

    class Status(models.TextChoices):
        PROPOSED = "foreslagen", _("Föreslagen")
        RECOMMENDED = "rekommenderad", _("Rekommenderad")
        DECIDED = "beslutad", _("Beslutad")
        ONGOING = "pagar", _("Pågår")
        DONE = "klar", _("Klar")
        CANCELLED = "avbruten", _("Avbruten")

    title = models.CharField(_("namn"), max_length=TITLE)
    type = models.CharField(_("typ"), max_length=30, choices=Type.choices)
    description = models.TextField(_("beskrivning"), max_length=5000)
    # Application areas (radslag.core.areas.Area values) the initiative works in.
    areas = models.JSONField(_("verksamhetsområden"), default=list)
    needs = models.ManyToManyField(
        Need, blank=True, related_name="initiatives", verbose_name=_("behov")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="initiatives", verbose_name=_("teman")
    )
    cost_low = models.PositiveBigIntegerField(_("kostnad, lägst (kr)"))
    cost_high = models.PositiveBigIntegerField(_("kostnad, högst (kr)"))
    ai_act_class = models.CharField(
        _("riskklass enligt AI-förordningen"),
        max_length=20,
        choices=RiskClass.choices,
        blank=True,
        help_text=_("Klassen för det initiativet skulle ta i bruk, om det tar AI i bruk."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    starts_on = models.DateField(_("startar"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("initiativ")
        verbose_name_plural = _("initiativ")
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_low__lte=F("cost_high")), name="initiative_cost_range_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.pk])

    @property
    def cost_central(self) -> float:
        return (self.cost_low + self.cost_high) / 2

    def clean(self) -> None:
        if (
            self.cost_low is not None
            and self.cost_high is not None
            and self.cost_low > self.cost_high
        ):
            raise ValidationError(
                {"cost_high": _("Högsta kostnaden kan inte vara lägre än den lägsta.")}
            )


class Participation(models.Model):
    """A municipality's part in an initiative: leading it, taking part, or interested."""

    class Role(models.TextChoices):
        LEAD = "leder", _("Leder")
        PARTICIPANT = "deltar", _("Deltar")
        INTERESTED = "intresserad", _("Intresserad av att delta")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="participations"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    declared_at = models.DateTimeField(_("anmäld"), auto_now_add=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("anmäld av"),
    )

    class Meta:
        ordering = ["initiative", "role", "municipality__name"]
        verbose_name = _("deltagande")
        verbose_name_plural = _("deltaganden")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "municipality"], name="one_part_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.initiative}"


class Milestone(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("delmål"), max_length=TITLE)
    due_on = models.DateField(_("planerat"))
    done_on = models.DateField(_("klart"), null=True, blank=True)

    class Meta:
        ordering = ["initiative", "due_on", "id"]
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        starts = self.initiative.starts_on if self.initiative_id else None
        if starts and self.due_on and self.due_on < starts:
            raise ValidationError(
                {
                    "due_on": _("Ett delmål kan inte ligga före initiativets start (%(date)s).")
                    % {"date": starts.isoformat()}
                }
            )
        if self.done_on and starts and self.done_on < starts:
            raise ValidationError(
                {
                    "done_on": _(
                        "Ett delmål kan inte bli klart före initiativets start (%(date)s)."
                    )
                    % {"date": starts.isoformat()}
                }
            )
