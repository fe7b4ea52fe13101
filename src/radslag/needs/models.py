"""Needs, strategic questions and obstacles raised by municipalities, their support and themes.

Support is the set of municipalities behind a submission: the one that submitted it and every
one that has said it shares it. When two submissions are merged, the one merged away keeps
its text (it is shown on the other's page) and every municipality behind it is added to the
support of the one kept, so merging never loses support.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from radslag.core import text_limits
from radslag.core.areas import Area
from radslag.core.models import ExampleData
from radslag.municipalities.models import Municipality

# Shorter than this, a text rarely says enough for another municipality to recognise its need.
TEXT_MIN_LENGTH = 20


class ThemeQuerySet(models.QuerySet["Theme"]):
    def live(self) -> ThemeQuerySet:
        """Themes of the latest computation: not retired."""
        return self.filter(retired_at__isnull=True)


class Theme(models.Model):
    """A group of submissions about the same thing, found by clustering their texts.

    ``terms`` are the most distinctive words, computed; ``label`` is what the page shows:
    the title of the theme's most representative need until the convener writes a better one
    (``label_edited``). A theme keeps its id and label across recomputations as long as a new
    group continues it (see :mod:`radslag.needs.themes`); one that no group continues is
    retired (``retired_at``) rather than deleted, so its address can say where its needs went
    (``successor``).
    """

    label = models.CharField(_("namn"), max_length=200)
    label_edited = models.BooleanField(_("namnet är redigerat"), default=False)
    terms = models.JSONField(_("utmärkande ord"), default=list)
    position = models.PositiveIntegerField(_("ordning"), default=0)
    computed_at = models.DateTimeField(_("beräknat"))
    retired_at = models.DateTimeField(_("upphörde"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gick upp i"),
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("tema")
        verbose_name_plural = _("teman")

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("needs:theme", args=[self.pk])


class NeedQuerySet(models.QuerySet["Need"]):
    def open(self) -> NeedQuerySet:
        """Submissions that stand on their own: not merged into another."""
        return self.filter(merged_into__isnull=True)

    def with_support(self) -> NeedQuerySet:
        """Annotate ``support_count``: the municipalities behind each submission."""
        return self.annotate(support_count=Count("supports", distinct=True))

    def matching(
        self,
        *,
        kind: str | None = None,
        area: str | None = None,
        theme: Any = None,
        size_class: str | None = None,
        municipality: str | None = None,
    ) -> NeedQuerySet:
        """The submissions the list's filters choose; an empty filter chooses all.

        The list page and the API filter through this one method. ``size_class`` is the size
        class of the submitting municipality, ``municipality`` its code.
        """
        queryset = self
        if kind:
            queryset = queryset.filter(kind=kind)
        if area:
            queryset = queryset.filter(area=area)
        if theme:
            queryset = queryset.filter(theme=theme)
        if municipality:
            queryset = queryset.filter(municipality_id=municipality)
        if size_class:
            in_class = Municipality.objects.with_latest_figures().in_size_class(size_class)
            queryset = queryset.filter(municipality__in=in_class.values("code"))
        return queryset


class Need(ExampleData):
    class Kind(models.TextChoices):
        NEED = "behov", _("Behov")
        STRATEGIC_QUESTION = "strategisk-fraga", _("Strategisk fråga")
        OBSTACLE = "hinder", _("Hinder")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.NEED)
    title = models.CharField(
        _("rubrik"),
        max_length=text_limits.TITLE,
        error_messages={"blank": _("Skriv en rubrik."), "max_length": text_limits.TOO_LONG},
    )
    text = models.TextField(
        _("beskrivning"),
        help_text=_("Beskriv behovet, frågan eller hindret och vad ni vill uppnå."),
        validators=[
            MinLengthValidator(
                TEXT_MIN_LENGTH,
                _("Beskriv behovet med minst %(limit_value)s tecken, så att andra kan förstå det."),
            ),
            text_limits.max_length(text_limits.DESCRIPTION),
        ],
        error_messages={"blank": _("Beskriv behovet, frågan eller hindret.")},
    )
    area = models.CharField(_("verksamhetsområde"), max_length=40, choices=Area.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="needs",
        verbose_name=_("inlämnad av"),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("tema"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("sammanslagen med"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    created_at = models.DateTimeField(_("inlämnad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    # The key the submitting form or API request carried (radslag.core.idempotency), so a
    # retry of the same submission finds this one instead of storing it twice.
    idempotency_key = models.CharField(max_length=100, blank=True, default="", editable=False)
    # Raised on every correction, so a correction based on an older version is refused
    # (radslag.core.versions).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("behov eller fråga")
        verbose_name_plural = _("behov och frågor")
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("pk")),
                name="a_need_is_not_merged_into_itself",
            ),
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="one_need_per_idempotency_key_and_person",
            ),
        ]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["area"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("needs:detail", args=[self.pk])

    @classmethod
    def text_errors(cls, title: str, text: str) -> dict[str, list[str]]:
        """What is wrong with a title and a text by the rules of the model's own fields.

        The messages, by field name, that ``full_clean`` would give: the upload checks its rows
        by this, the form reaches the same validators through model validation, and so must
        the API when it takes submissions.
        """
        checked = ("title", "text")
        try:
            cls(title=title, text=text).clean_fields(
                exclude=[field.name for field in cls._meta.fields if field.name not in checked]
            )
        except ValidationError as error:
            return error.message_dict
        return {}

    def supporting_municipalities(self) -> models.QuerySet[Municipality]:
        return Municipality.objects.filter(need_supports__need=self).order_by("name")


def tidy_title(title: str) -> str:
    """A title on one line with single spaces, as every way in stores it."""
    return " ".join(title.split())


def tidy_text(text: str) -> str:
    """A text without surrounding space and with one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


class Support(models.Model):
    """One municipality stands behind one submission.

    ``via`` names the submission the support came with when it was added by a merge; it is
    empty for the submitter's own support and for support given directly.
    """

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="supports", verbose_name=_("behov")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="need_supports",
        verbose_name=_("kommun"),
    )
    via = models.ForeignKey(
        Need,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("genom sammanslagning med"),
    )
    created_at = models.DateTimeField(_("tillagt"), auto_now_add=True)

    class Meta:
        ordering = ["need", "municipality"]
        verbose_name = _("stöd")
        verbose_name_plural = _("stöd")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "municipality"], name="one_support_per_municipality_and_need"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} → {self.need}"


class Merge(models.Model):
    """One merge, with what it changed, so that it can be undone exactly.

    ``repointed`` holds the submissions that had been merged into ``merged`` and were pointed
    on to ``kept``; the support it added is the rows of ``kept`` with ``via = merged``.
    """

    kept = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="merges_in", verbose_name=_("behålls")
    )
    merged = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="merges_out", verbose_name=_("sammanslagen")
    )
    repointed = models.JSONField(_("sammanslagna före"), default=list)
    theme_taken = models.BooleanField(_("tog över temat"), default=False)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sammanslagen av"),
    )
    merged_at = models.DateTimeField(_("sammanslagen"), auto_now_add=True)
    undone_at = models.DateTimeField(_("ångrad"), null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = _("sammanslagning")
        verbose_name_plural = _("sammanslagningar")

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.kept_id}"
