"""AI use cases (användningsfall) and the cached text embeddings used to find similar ones.

The fields follow the Dutch Algoritmeregister publication standard and the UK Algorithmic
Transparency Recording Standard (tiers 1 and 2), with Swedish labels. Cases imported from
Public Sector Tech Watch keep the source's id, link and licence.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from radslag.accounts.permissions import editable
from radslag.core import text_limits
from radslag.core.areas import Area
from radslag.decide.text.normalisation import search_stems
from radslag.municipalities.models import Municipality
from radslag.register.aiact import Classification, RiskClass, classify
from radslag.register.choices import (
    Cofog,
    Level,
    PersonalData,
    Publication,
    Source,
    Stage,
    Technique,
)
from radslag.register.countries import SWEDEN, Country

# What full-text search reads: the case's words stemmed and without diacritics
# (radslag.decide.text.normalisation.search_stems), kept beside the texts by save() and the bulk
# methods.
SEARCH_FIELDS = ("search_title", "search_summary", "search_body")
BODY_FIELDS = ("description", "goal", "organisation_name", "supplier", "product", "keywords")
SUMMARY_MAX_LENGTH = text_limits.SUMMARY
# Every free text is limited, so that every page and similarity does bounded work on it.
PARAGRAPH_LIMIT = [text_limits.max_length(text_limits.PARAGRAPH)]
NAME_MESSAGES = {"max_length": text_limits.TOO_LONG}


class UseCaseQuerySet(models.QuerySet["UseCase"]):
    def bulk_create(self, objs: Iterable[UseCase], *args: Any, **kwargs: Any) -> list[UseCase]:
        cases = list(objs)
        for case in cases:
            case.index_text()
        return super().bulk_create(cases, *args, **kwargs)

    def bulk_update(
        self, objs: Iterable[UseCase], fields: Iterable[str], batch_size: int | None = None
    ) -> int:
        cases = list(objs)
        for case in cases:
            case.index_text()
        return super().bulk_update(cases, [*fields, *SEARCH_FIELDS], batch_size=batch_size)

    def matching(
        self,
        *,
        area: Collection[str] = (),
        stage: Collection[str] = (),
        technique: Collection[str] = (),
        risk_class: Collection[str] = (),
        country: str | None = None,
        municipality: str | None = None,
    ) -> UseCaseQuerySet:
        """The cases the register's filters choose: each column among the values given, ""
        for a case that names none; an empty filter chooses all.

        The list page's facets, its statistics and the API filter through this one method;
        ``municipality`` is the responsible organisation's code.
        """
        queryset = self
        for column, values in (
            ("area", area),
            ("stage", stage),
            ("technique", technique),
            ("risk_class", risk_class),
        ):
            if values:
                queryset = queryset.filter(**{f"{column}__in": list(values)})
        if country:
            queryset = queryset.filter(country=country)
        if municipality:
            queryset = queryset.filter(organisation_id=municipality)
        return queryset

    def published(self) -> UseCaseQuerySet:
        return self.filter(status=Publication.PUBLISHED)

    def open_data(self) -> UseCaseQuerySet:
        """What the open data and the API publish: published cases, never example data."""
        return self.published().exclude(source=Source.EXAMPLE)

    def visible_to(self, user: Any) -> UseCaseQuerySet:
        """Published cases, and the drafts the person may edit."""
        return self.published() | editable(user, self)

    def of_municipality(self, municipality: Municipality | str) -> UseCaseQuerySet:
        """Cases the municipality runs or takes part in."""
        code = municipality if isinstance(municipality, str) else municipality.code
        return self.filter(
            Q(organisation_id=code)
            | Q(
                pk__in=UseCase.participants.through.objects.filter(municipality_id=code).values(
                    "usecase_id"
                )
            )
        )


class UseCase(models.Model):
    # Identity
    title = models.CharField(_("titel"), max_length=text_limits.NAME, error_messages=NAME_MESSAGES)
    summary = models.CharField(
        _("kort beskrivning"),
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_("Högst 300 tecken: vad systemet gör och för vem."),
        error_messages=NAME_MESSAGES,
    )
    description = models.TextField(
        _("beskrivning"),
        blank=True,
        validators=[text_limits.max_length(text_limits.DESCRIPTION)],
    )
    organisation = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="use_cases",
        verbose_name=_("kommun"),
        help_text=_("Kommunen som ansvarar för användningsfallet."),
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=300,
        blank=True,
        help_text=_("Ansvarig organisation eller förvaltning, till exempel Socialförvaltningen."),
    )
    participants = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="shared_use_cases",
        verbose_name=_("deltagande kommuner"),
        help_text=_("Andra kommuner som använder samma lösning."),
    )
    contact_email = models.EmailField(
        _("kontakt (e-post)"),
        blank=True,
        help_text=_("En funktionsadress, till exempel ai@kommun.se."),
    )
    contact_name = models.CharField(
        _("kontaktperson"),
        max_length=200,
        blank=True,
        help_text=_("Publiceras bara om personen har samtyckt."),
    )
    contact_name_consent = models.BooleanField(
        _("kontaktpersonen har samtyckt till att namnet publiceras"), default=False
    )

    # Purpose and area
    goal = models.TextField(_("syfte och förväntad nytta"), blank=True, validators=PARAGRAPH_LIMIT)
    area = models.CharField(_("verksamhetsområde"), max_length=40, choices=Area.choices, blank=True)
    cofog = models.CharField(
        _("samhällsfunktion (COFOG)"), max_length=2, choices=Cofog.choices, blank=True
    )
    cofog_group = models.CharField(
        _("samhällsfunktion, undergrupp (COFOG)"), max_length=200, blank=True
    )
    benefits = models.JSONField(_("förväntade nyttor"), default=list, blank=True)

    # Technique
    technique = models.CharField(_("teknik"), max_length=30, choices=Technique.choices, blank=True)
    ai_subdomain = models.CharField(_("AI-delområde"), max_length=200, blank=True)
    keywords = models.CharField(_("nyckelord"), max_length=500, blank=True)
    supplier = models.CharField(_("leverantör"), max_length=300, blank=True)
    product = models.CharField(_("produkt"), max_length=300, blank=True)
    open_source_url = models.URLField(_("länk till öppen källkod"), max_length=500, blank=True)
    website = models.URLField(_("webbplats"), max_length=500, blank=True)

    # Lifecycle
    stage = models.CharField(_("skede"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("slutdatum"), null=True, blank=True)
    dates_are_years = models.BooleanField(
        _("datumen anger bara år"),
        default=False,
        help_text=_("Källor som bara anger år lagras som 1 januari det året."),
    )

    # Data
    data_sources = models.TextField(_("datakällor"), blank=True, validators=PARAGRAPH_LIMIT)
    personal_data = models.CharField(
        _("personuppgifter"), max_length=20, choices=PersonalData.choices, blank=True
    )
    legal_basis = models.TextField(_("rättslig grund"), blank=True, validators=PARAGRAPH_LIMIT)

    # Oversight and risk
    human_oversight = models.TextField(
        _("mänsklig kontroll"), blank=True, validators=PARAGRAPH_LIMIT
    )
    appeal = models.TextField(
        _("hur beslut kan överklagas"), blank=True, validators=PARAGRAPH_LIMIT
    )
    risks = models.TextField(_("risker och åtgärder"), blank=True, validators=PARAGRAPH_LIMIT)
    dpia_done = models.BooleanField(
        _("konsekvensbedömning för dataskydd (DPIA) gjord"), default=False
    )
    dpia_date = models.DateField(_("datum för DPIA"), null=True, blank=True)
    fria_done = models.BooleanField(
        _("konsekvensbedömning för grundläggande rättigheter (FRIA) gjord"), default=False
    )
    fria_date = models.DateField(_("datum för FRIA"), null=True, blank=True)

    # EU AI Act
    aiact_answers = models.JSONField(_("svar på AI-förordningens frågor"), default=dict, blank=True)
    risk_class = models.CharField(
        _("riskklass (AI-förordningen)"),
        max_length=20,
        choices=RiskClass.choices,
        blank=True,
        help_text=_("Härleds från svaren; tom om frågorna inte besvarats."),
    )

    # Effect
    effect_time = models.TextField(_("tidsbesparing"), blank=True, validators=PARAGRAPH_LIMIT)
    effect_cost = models.TextField(_("kostnadseffekt"), blank=True, validators=PARAGRAPH_LIMIT)
    effect_quality = models.TextField(_("kvalitetseffekt"), blank=True, validators=PARAGRAPH_LIMIT)
    effect_method = models.TextField(
        _("metod för effektmätning"), blank=True, validators=PARAGRAPH_LIMIT
    )
    effect_evaluated = models.BooleanField(_("effekten är utvärderad"), default=False)

    # Publication and source
    status = models.CharField(
        _("publicering"), max_length=20, choices=Publication.choices, default=Publication.DRAFT
    )
    last_reviewed = models.DateField(_("senast granskad"), null=True, blank=True)
    source = models.CharField(_("källa"), max_length=10, choices=Source.choices, default=Source.OWN)
    source_id = models.CharField(_("id i källan"), max_length=50, blank=True)
    source_url = models.URLField(_("länk till källan"), max_length=500, blank=True)
    source_licence = models.CharField(_("licens"), max_length=100, blank=True)
    source_updated = models.DateField(_("uppdaterad i källan"), null=True, blank=True)
    country = models.CharField(_("land"), max_length=2, choices=Country.choices, default=SWEDEN)
    level = models.CharField(_("nivå"), max_length=20, choices=Level.choices, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    # Raised on every edit, so an edit based on an older version is refused
    # (radslag.core.versions).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    search_title = models.TextField(editable=False, default="")
    search_summary = models.TextField(editable=False, default="")
    search_body = models.TextField(editable=False, default="")

    objects = UseCaseQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("användningsfall")
        verbose_name_plural = _("användningsfall")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="one_use_case_per_source_id",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="use_case_ends_after_it_starts",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "country"]),
            models.Index(fields=["stage"]),
            models.Index(fields=["area"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.index_text()
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, *SEARCH_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("register:detail", args=[self.pk])

    @property
    def is_example(self) -> bool:
        """Example data, as core's ``ExampleData`` records answer it: for a use case, its source."""
        return self.source == Source.EXAMPLE

    @property
    def is_swedish(self) -> bool:
        return self.country == SWEDEN

    @property
    def text_language(self) -> str:
        """The language of the case's own texts: PSTW writes English, municipalities Swedish.

        Pages in another language mark those texts with ``lang``, so a screen reader reads them
        with the right pronunciation and a browser offers to translate them.
        """
        return "en" if self.source == Source.PSTW else "sv"

    @property
    def organisation_display(self) -> str:
        """The organisation, followed by its municipality unless its name already says it."""
        municipality = self.organisation.name if self.organisation else ""
        if not self.organisation_name:
            return municipality
        if municipality and municipality.lower() not in self.organisation_name.lower():
            return f"{self.organisation_name}, {municipality}"
        return self.organisation_name

    @property
    def public_contact_name(self) -> str:
        """The person's name only where consent is recorded."""
        return self.contact_name if self.contact_name_consent else ""

    def classification(self) -> Classification | None:
        if not self.aiact_answers:
            return None
        return classify(self.aiact_answers)

    def index_text(self) -> None:
        """Bring the search columns in line with the texts."""
        body = " ".join(str(getattr(self, name) or "") for name in BODY_FIELDS)
        self.search_title = " ".join(search_stems(self.title or ""))
        self.search_summary = " ".join(search_stems(self.summary or ""))
        self.search_body = " ".join(search_stems(body))

    def embedding_text(self) -> str:
        """The text whose embedding stands for the case when looking for similar ones."""
        return "\n".join(part for part in (self.title, self.summary, self.description) if part)


class Embedding(models.Model):
    """A text's vector, cached per text and model so that a text is never embedded twice."""

    text_hash = models.CharField(_("textens hash (SHA-256)"), max_length=64)
    model_version = models.CharField(_("modellversion"), max_length=100)
    dimensions = models.PositiveSmallIntegerField(_("dimensioner"))
    vector = models.BinaryField(_("vektor (float32)"))
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("textinbäddning")
        verbose_name_plural = _("textinbäddningar")
        constraints = [
            models.UniqueConstraint(
                fields=["text_hash", "model_version"], name="one_embedding_per_text_and_model"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model_version} {self.text_hash[:12]}"
