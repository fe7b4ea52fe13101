"""The filters of the use-case list, shared by the page, its statistics and the exports.

``UseCaseFilterForm`` reads the query string (``q``, ``area``, ``stage``, ``technique``,
``risk``, ``county``, ``size``, ``origin``, ``sort``). ``apply`` narrows a queryset;
``ordered_ids`` gives the display order (by relevance when there is a search text);
``facets`` counts, for each facet's options, the cases the other filters leave: choosing an
area shows how many cases each other area would have.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from django import forms
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from radslag.core.areas import Area
from radslag.municipalities.collation import swedish_key
from radslag.municipalities.models import County, Municipality
from radslag.municipalities.sizeclass import SizeClass, size_class_of
from radslag.register import search
from radslag.register.aiact import RiskClass
from radslag.register.choices import Stage, Technique
from radslag.register.countries import SWEDEN
from radslag.register.models import UseCase, UseCaseQuerySet

NONE = "ingen"
SWEDISH, EUROPEAN = "sverige", "europa"
RELEVANCE = "relevance"

SORTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "pk"),
    "start": ("-start_date", "title", "pk"),
    "changed": ("-updated_at", "pk"),
}
# Earlier sort values, still understood in saved addresses.
SORT_ALIASES = {"relevans": RELEVANCE, "titel": "title", "andrad": "changed"}
SORT_CHOICES = [
    (RELEVANCE, _("Relevans")),
    ("title", _("Titel A–Ö")),
    ("start", _("Senast startade")),
    ("changed", _("Senast ändrade")),
]
# Sort keys of titles, kept between requests: computing them letter by letter for 2,000
# titles is most of a list page's time.
title_key = lru_cache(maxsize=16_384)(swedish_key)

# The columns whose facets are counted with one GROUP BY each.
COLUMN_FACETS = {"area": "area", "stage": "stage", "technique": "technique", "risk": "risk_class"}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str | Promise
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str | Promise
    options: list[FacetOption]

    @property
    def selected(self) -> bool:
        return any(option.selected for option in self.options)


class UseCaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Sök"), required=False, max_length=200)
    area = forms.MultipleChoiceField(
        label=_("Verksamhetsområde"),
        required=False,
        choices=[*Area.choices, (NONE, _("Inget angivet"))],
    )
    stage = forms.MultipleChoiceField(label=_("Skede"), required=False, choices=Stage.choices)
    technique = forms.MultipleChoiceField(
        label=_("Teknik"), required=False, choices=Technique.choices
    )
    risk = forms.MultipleChoiceField(
        label=_("Riskklass (AI-förordningen)"),
        required=False,
        choices=[*RiskClass.choices, (NONE, _("Ej bedömd"))],
    )
    county = forms.MultipleChoiceField(label=_("Län"), required=False)
    size = forms.MultipleChoiceField(
        label=_("Kommunens storlek"), required=False, choices=SizeClass.choices
    )
    origin = forms.MultipleChoiceField(
        label=_("Svenska eller europeiska"),
        required=False,
        choices=[(SWEDISH, _("Svenska")), (EUROPEAN, _("Europeiska"))],
    )
    sort = forms.ChoiceField(label=_("Sortera"), required=False, choices=SORT_CHOICES)

    FACET_ORDER = ("origin", "area", "stage", "technique", "risk", "county", "size")

    def __init__(self, data: QueryDict | None = None, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        if data is not None and str(data.get("sort", "")) in SORT_ALIASES:
            data = data.copy()
            data["sort"] = SORT_ALIASES[str(data["sort"])]
        super().__init__(data, **kwargs)  # type: ignore[arg-type]
        county = self.fields["county"]
        assert isinstance(county, forms.MultipleChoiceField)
        county.choices = [(c.code, c.short_name) for c in County.objects.all()]

    @cached_property
    def chosen(self) -> dict[str, object]:
        """The valid filters; nonsense in one filter drops that filter only."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return dict(self.cleaned_data)

    def _values(self, name: str) -> list[str]:
        value = self.chosen.get(name)
        return list(value) if isinstance(value, list) else []

    @property
    def text(self) -> str:
        value = self.chosen.get("q")
        return value.strip() if isinstance(value, str) else ""

    @cached_property
    def _text_matches(self) -> list[int]:
        return search.ranked_ids(self.text) if self.text else []

    @cached_property
    def _municipalities(self) -> dict[str, tuple[str, SizeClass | None]]:
        """County and size class of every municipality, for the two municipal facets."""
        rows = Municipality.objects.with_latest_figures().values_list(  # type: ignore[misc]
            "code", "county_id", "population"
        )
        return {code: (county, size_class_of(population)) for code, county, population in rows}

    def _municipal_q(self, wanted: Callable[[str, SizeClass | None], bool]) -> Q:
        codes = [
            code for code, (county, size) in self._municipalities.items() if wanted(county, size)
        ]
        through = UseCase.participants.through.objects.filter(municipality_id__in=codes)
        return Q(organisation_id__in=codes) | Q(pk__in=through.values("usecase_id"))

    def _facet_q(self, name: str) -> Q:
        values = self._values(name)
        if not values:
            return Q()
        if name == "origin":
            if set(values) == {SWEDISH, EUROPEAN}:
                return Q()
            return Q(country=SWEDEN) if SWEDISH in values else ~Q(country=SWEDEN)
        if name == "county":
            return self._municipal_q(lambda county, _size: county in values)
        return self._municipal_q(lambda _county, size: size is not None and size in values)

    def _filtered(self, queryset: UseCaseQuerySet, leave_out: str | None = None) -> UseCaseQuerySet:
        def chosen(name: str) -> list[str]:
            if name == leave_out:
                return []
            return ["" if value == NONE else value for value in self._values(name)]

        queryset = queryset.matching(
            area=chosen("area"),
            stage=chosen("stage"),
            technique=chosen("technique"),
            risk_class=chosen("risk"),
        )
        for name in self.FACET_ORDER:
            if name != leave_out and name not in COLUMN_FACETS:
                queryset = queryset.filter(self._facet_q(name))
        if self.text:
            queryset = queryset.filter(pk__in=self._text_matches)
        return queryset

    def apply(self, queryset: UseCaseQuerySet) -> UseCaseQuerySet:
        """Every filter and the search text; ordered by the chosen column (title by default)."""
        sort = self.chosen.get("sort") or RELEVANCE
        order = SORTS.get(str(sort), ("title", "pk"))
        return self._filtered(queryset).order_by(*order)

    def ordered_ids(self, queryset: UseCaseQuerySet) -> list[int]:
        """The ids of the filtered cases in display order.

        Without a chosen sort, search results come best match first and other lists
        Swedish cases first, then by title.
        """
        sort = self.chosen.get("sort") or RELEVANCE
        filtered = self._filtered(queryset)
        if sort == RELEVANCE and self.text:
            kept = set(filtered.values_list("pk", flat=True))
            return [pk for pk in self._text_matches if pk in kept]
        if sort in (RELEVANCE, "title"):
            # Titles in Swedish alphabetical order, which neither database gives reliably.
            rows = sorted(
                filtered.values_list("pk", "country", "title"),
                key=lambda row: (title_key(row[2]), row[0]),
            )
            if sort == "title":
                return [pk for pk, _country, _title in rows]
            return [pk for pk, country, _title in rows if country == SWEDEN] + [
                pk for pk, country, _title in rows if country != SWEDEN
            ]
        return list(filtered.order_by(*SORTS[str(sort)]).values_list("pk", flat=True))

    def facets(self, queryset: UseCaseQuerySet) -> list[Facet]:
        counted: dict[str, dict[str, int]] = {}
        for name, column in COLUMN_FACETS.items():
            rows = self._filtered(queryset, leave_out=name).values(column).annotate(n=Count("pk"))
            counted[name] = {(row[column] or NONE): row["n"] for row in rows.order_by()}
        origin_rows = self._filtered(queryset, leave_out="origin").values("country")
        origin_counts = origin_rows.annotate(n=Count("pk")).order_by()
        counted["origin"] = {SWEDISH: 0, EUROPEAN: 0}
        for row in origin_counts:
            counted["origin"][SWEDISH if row["country"] == SWEDEN else EUROPEAN] += row["n"]
        counted["county"] = self._municipal_counts(queryset, "county", 0)
        counted["size"] = self._municipal_counts(queryset, "size", 1)
        return [self._facet(name, counted[name]) for name in self.FACET_ORDER]

    def _municipal_counts(self, queryset: UseCaseQuerySet, name: str, part: int) -> dict[str, int]:
        """Cases per county or size class, through the municipality and its partners."""
        cases = self._filtered(queryset, leave_out=name)
        pairs = set(cases.exclude(organisation=None).values_list("pk", "organisation_id"))
        pairs |= set(
            UseCase.participants.through.objects.filter(usecase__in=cases).values_list(
                "usecase_id", "municipality_id"
            )
        )
        keys = {(pk, self._municipalities.get(code, (None, None))[part]) for pk, code in pairs}
        counts: dict[str, int] = {}
        for _case, key in keys:
            if key is not None:
                counts[str(key)] = counts.get(str(key), 0) + 1
        return counts

    def _facet(self, name: str, counts: dict[str, int]) -> Facet:
        field = self.fields[name]
        assert isinstance(field, forms.MultipleChoiceField)
        selected = set(self._values(name))
        choices = cast(Iterable[tuple[str, str | Promise]], field.choices)
        options = [
            FacetOption(str(value), label, counts.get(str(value), 0), str(value) in selected)
            for value, label in choices
        ]
        return Facet(
            name,
            field.label or name,
            [option for option in options if option.count or option.selected],
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.text) or any(self._values(name) for name in self.FACET_ORDER)
