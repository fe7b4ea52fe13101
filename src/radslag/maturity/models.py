"""The maturity model (versioned) and the municipalities' yearly self-assessments."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from radslag.core.models import ExampleData
from radslag.maturity.definitions import CURRENT, LEVELS
from radslag.municipalities.models import Municipality

level_validators = [MinValueValidator(1), MaxValueValidator(LEVELS)]
REOPEN_REASON_MAX_LENGTH = 1000


class MaturityModelQuerySet(models.QuerySet["MaturityModel"]):
    def current(self) -> MaturityModel:
        """The version new assessments are answered under."""
        return self.get(version=CURRENT.version)


class MaturityModel(models.Model):
    """One version of the model; loaded from :mod:`radslag.maturity.definitions`, never edited."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    level_names = models.JSONField(_("nivåernas namn"))
    loaded_at = models.DateTimeField(_("inläst"), auto_now_add=True)

    objects = MaturityModelQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("mognadsmodell")
        verbose_name_plural = _("mognadsmodeller")

    def __str__(self) -> str:
        return self.title

    def dimension_list(self) -> list[Dimension]:
        """The dimensions in order, each with its levels fetched."""
        return list(self.dimensions.order_by("position").prefetch_related("levels"))


class Dimension(models.Model):
    model = models.ForeignKey(
        MaturityModel,
        on_delete=models.PROTECT,
        related_name="dimensions",
        verbose_name=_("mognadsmodell"),
    )
    key = models.SlugField(_("nyckel"), max_length=40)
    position = models.PositiveSmallIntegerField(_("ordning"))
    name = models.CharField(_("namn"), max_length=200)
    description = models.TextField(_("beskrivning"))

    class Meta:
        ordering = ["model", "position"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensioner")
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="one_key_per_model"),
            models.UniqueConstraint(fields=["model", "position"], name="one_position_per_model"),
        ]

    def __str__(self) -> str:
        return self.name


class Level(models.Model):
    """What a municipality at one level of one dimension has done."""

    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="levels", verbose_name=_("dimension")
    )
    number = models.PositiveSmallIntegerField(_("nivå"), validators=level_validators)
    descriptor = models.TextField(_("beskrivning"))

    class Meta:
        ordering = ["dimension", "number"]
        verbose_name = _("nivå")
        verbose_name_plural = _("nivåer")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "number"], name="one_level_number"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.number}"


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def submitted(self) -> AssessmentQuerySet:
        return self.filter(status=Assessment.Status.SUBMITTED)


class Assessment(ExampleData):
    """A municipality's self-assessment of one year, under the model version it was given."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SUBMITTED = "submitted", _("Inskickad")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="maturity_assessments",
        verbose_name=_("kommun"),
    )
    year = models.PositiveSmallIntegerField(_("år"))
    model = models.ForeignKey(
        MaturityModel,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("mognadsmodell"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inskickad av"),
    )
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    # Raised on every save of the answers, so answers based on an older version are refused
    # (radslag.core.versions).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-year"]
        verbose_name = _("självskattning")
        verbose_name_plural = _("självskattningar")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"], name="one_assessment_per_municipality_year"
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("maturity:assessment", args=[self.municipality_id, self.year])

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """The level chosen for one dimension; empty while a draft leaves it unanswered."""

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("självskattning"),
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="answers", verbose_name=_("dimension")
    )
    level = models.PositiveSmallIntegerField(
        _("nivå"), null=True, blank=True, validators=level_validators
    )
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["assessment", "dimension__position"]
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "dimension"], name="one_answer_per_dimension"
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=LEVELS),
                name="answer_level_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} {self.dimension.key}: {self.level}"


class Reopening(models.Model):
    """A submitted assessment opened again so a mistake can be corrected: who, when and why.

    The submission it undid is kept here too, since reopening clears it from the assessment.
    """

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="reopenings",
        verbose_name=_("självskattning"),
    )
    # An account that reopened an assessment cannot be deleted and take the record of who
    # did it along; it is deactivated instead.
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("öppnad igen av"),
    )
    reopened_at = models.DateTimeField(_("öppnad igen"), default=timezone.now)
    reason = models.TextField(_("skäl"), max_length=REOPEN_REASON_MAX_LENGTH)
    submitted_at = models.DateTimeField(_("tidigare inskickad"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tidigare inskickad av"),
    )

    class Meta:
        ordering = ["assessment", "-reopened_at"]
        verbose_name = _("återöppning")
        verbose_name_plural = _("återöppningar")

    def __str__(self) -> str:
        return f"{self.assessment} {self.reopened_at:%Y-%m-%d}"

    @property
    def reopened_by_name(self) -> str:
        """The full name of whoever reopened it, or else the user name."""
        user = self.reopened_by
        full_name: str = getattr(user, "get_full_name", lambda: "")()
        return full_name or user.get_username()
