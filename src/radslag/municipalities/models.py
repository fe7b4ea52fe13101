"""Counties, municipalities and their key figures."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import ExpressionWrapper, F, FloatField, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from radslag.decide.text.normalisation import fold, normalise
from radslag.municipalities.organisation_numbers import is_organisation_number
from radslag.municipalities.sizeclass import SizeClass, band_of, size_class_of

POPULATION_KPI = "N01951"
NET_COST_KPI = "N03067"
LAND_AREA_KPI = "N02993"

municipality_code_validator = RegexValidator(
    r"^\d{4}$", _("En kommunkod har fyra siffror, till exempel 0180.")
)
county_code_validator = RegexValidator(r"^\d{2}$", _("En länskod har två siffror."))


def validate_organisation_number(value: str) -> None:
    """A Swedish organisation number: ten digits whose last is the Luhn check digit of the
    first nine (Skatteverket SKV 709)."""
    if not is_organisation_number(value):
        raise ValidationError(
            _("Ett organisationsnummer har tio siffror utan bindestreck, till exempel 2120000142.")
        )


class County(models.Model):
    code = models.CharField(
        _("länskod"), max_length=2, primary_key=True, validators=[county_code_validator]
    )
    name = models.CharField(_("namn"), max_length=100)
    short_name = models.CharField(_("kort namn"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self) -> str:
        return self.name


class MunicipalityGroup(models.Model):
    """A group of SKR's kommungruppsindelning (A1 Storstäder … C9)."""

    code = models.CharField(_("gruppkod"), max_length=4, primary_key=True)
    name = models.CharField(_("kommungrupp"), max_length=200)
    main_group = models.CharField(_("huvudgrupp"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kommungrupp")
        verbose_name_plural = _("kommungrupper")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def with_latest_figures(self) -> MunicipalityQuerySet:
        """Annotate population and net cost per inhabitant of each one's latest year."""
        annotations: dict[str, Subquery] = {}
        for prefix, kpi in (("population", POPULATION_KPI), ("net_cost", NET_COST_KPI)):
            latest = KeyFigure.objects.filter(municipality=OuterRef("pk"), kpi_id=kpi).order_by(
                "-year"
            )
            annotations[prefix] = Subquery(latest.values("value")[:1])
            annotations[f"{prefix}_year"] = Subquery(latest.values("year")[:1])
        # Density is derived here, in the database, so the list can sort by it.
        return self.annotate(**annotations).annotate(
            density=ExpressionWrapper(
                F("population") / F("land_area_km2"), output_field=FloatField()
            )
        )

    def named(self, query: str) -> MunicipalityQuerySet:
        """Municipalities whose name contains ``query``, or whose code it is.

        Letters are compared without diacritics when the query has none, so "Goteborg",
        "orebro" and "Upplands Vasby" find what a Swedish keyboard would have written; a query
        that has them is taken at its word ("Åre" does not find "Arvika"). Done in Python:
        290 names are read in a millisecond, and neither engine folds case and diacritics
        alike.
        """
        wanted = normalise(query)
        if not wanted:
            return self
        folded = fold(wanted)
        exact = folded != wanted
        codes = [
            code
            for code, name in Municipality.objects.values_list("code", "name")
            if wanted in (normalise(name) if exact else fold(normalise(name)))
            or code == query.strip()
        ]
        return self.filter(code__in=codes)

    def in_size_class(self, size_class: str) -> MunicipalityQuerySet:
        """Filter an annotated queryset to one population band."""
        band = band_of(size_class)
        if band is None:
            return self.none()
        queryset = self.filter(population__gte=band.lower)  # type: ignore[misc]
        if band.upper is not None:
            queryset = queryset.filter(population__lt=band.upper)  # type: ignore[misc]
        return queryset

    def matching(
        self,
        *,
        q: str | None = None,
        county: Any = None,
        size_class: str | None = None,
        group: Any = None,
    ) -> MunicipalityQuerySet:
        """The municipalities the list's filters choose; an empty filter chooses all.

        The list page, its downloads and the API filter through this one method. ``county``
        and ``group`` are a county and an SKR group or their codes; the queryset must carry
        :meth:`with_latest_figures` for ``size_class``.
        """
        queryset = self
        if q:
            queryset = queryset.named(q)
        if county:
            queryset = queryset.filter(county=county)
        if size_class:
            queryset = queryset.in_size_class(size_class)
        if group:
            queryset = queryset.filter(skr_group=group)
        return queryset


class Municipality(models.Model):
    code = models.CharField(
        _("kommunkod"), max_length=4, primary_key=True, validators=[municipality_code_validator]
    )
    name = models.CharField(_("namn"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("län")
    )
    land_area_km2 = models.FloatField(_("landareal (km²)"), null=True, blank=True)
    skr_group = models.ForeignKey(
        MunicipalityGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipalities",
        verbose_name=_("kommungrupp (SKR)"),
    )
    # Identity providers name a person's organisation by its organisation number
    # (orgNumber/orgAffiliation in the Swedish OpenID Connect profile); signing in maps it here.
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=10,
        blank=True,
        validators=[validate_organisation_number],
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="municipality_organisation_number_unique",
            )
        ]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("municipalities:detail", args=[self.code])

    @property
    def size_class(self) -> SizeClass | None:
        population = getattr(self, "population", None)
        if population is None:
            population = self.latest_value(POPULATION_KPI)
        return size_class_of(population)

    def latest_value(self, kpi: str) -> float | None:
        figure = self.key_figures.filter(kpi_id=kpi).order_by("-year").first()
        return figure.value if figure else None


class KPI(models.Model):
    """A Kolada key performance indicator (nyckeltal)."""

    id = models.CharField(_("id"), max_length=10, primary_key=True)
    title = models.CharField(_("titel"), max_length=300)
    unit = models.CharField(_("enhet"), max_length=50, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("nyckeltal")
        verbose_name_plural = _("nyckeltal")

    def __str__(self) -> str:
        return f"{self.id} {self.title}"


class KeyFigure(models.Model):
    """One KPI value of one municipality in one year (totals, not split by gender)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="key_figures", verbose_name=_("kommun")
    )
    kpi = models.ForeignKey(
        KPI, on_delete=models.CASCADE, related_name="figures", verbose_name=_("nyckeltal")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.FloatField(_("värde"))
    source = models.CharField(_("källa"), max_length=200)
    updated_at = models.DateTimeField(_("uppdaterad"), auto_now=True)

    class Meta:
        ordering = ["municipality", "kpi", "year"]
        verbose_name = _("nyckeltalsvärde")
        verbose_name_plural = _("nyckeltalsvärden")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kpi", "year"], name="one_value_per_municipality_kpi_year"
            ),
        ]
        indexes = [models.Index(fields=["kpi", "year"])]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.kpi_id} {self.year}: {self.value}"


def populations() -> dict[str, float | None]:
    """Each municipality's latest population (Kolada), by code."""
    # An annotation of with_latest_figures(), which the type checker cannot see.
    return {
        m.code: getattr(m, "population", None)
        for m in Municipality.objects.with_latest_figures().only("code")
    }


def first_unknown_code(rows: Iterable[tuple[int, str]]) -> tuple[int, str] | None:
    """The first (row, code) of an import whose municipality code names no municipality."""
    known = set(Municipality.objects.values_list("code", flat=True))
    return next(((row, code) for row, code in rows if code not in known), None)
