"""The filter and sort form of the municipality list, shared by the page and its CSV."""

from __future__ import annotations

from django import forms
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from radslag.municipalities.collation import swedish_key
from radslag.municipalities.models import (
    County,
    Municipality,
    MunicipalityGroup,
    MunicipalityQuerySet,
)
from radslag.municipalities.sizeclass import SizeClass

SORT_FIELDS = {
    "name": "name",
    "county": "county__code",
    "population": "population",
    "density": "density",
    "net_cost": "net_cost",
}


class MunicipalityFilterForm(forms.Form):
    q = forms.CharField(label=_("Sök kommun"), required=False, max_length=100)
    county = forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.all(),
        required=False,
        empty_label=_("Alla län"),
        to_field_name="code",
    )
    size = forms.ChoiceField(label=_("Storleksklass"), required=False)
    group = forms.ModelChoiceField(
        label=_("Kommungrupp (SKR)"),
        queryset=MunicipalityGroup.objects.all(),
        required=False,
        empty_label=_("Alla grupper"),
        to_field_name="code",
    )
    sort = forms.ChoiceField(
        label=_("Sortering"),
        required=False,
        choices=[(key, key) for field in SORT_FIELDS for key in (field, f"-{field}")],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        size_field = self.fields["size"]
        assert isinstance(size_field, forms.ChoiceField)
        size_field.choices = [("", _("Alla storlekar")), *SizeClass.choices]
        # A filter with only "Alla grupper" in it would promise a grouping that is not there.
        self.groups_imported = MunicipalityGroup.objects.exists()
        if not self.groups_imported:
            del self.fields["group"]

    def apply(self, queryset: MunicipalityQuerySet) -> MunicipalityQuerySet:
        """Filter and sort; an invalid form shows every municipality by name."""
        queryset = queryset.with_latest_figures().select_related("county", "skr_group")
        if not self.is_valid():
            return queryset.order_by("name")
        data = self.cleaned_data
        queryset = queryset.matching(
            q=data["q"], county=data["county"], size_class=data["size"], group=data.get("group")
        )
        sort = data["sort"] or "name"
        field = SORT_FIELDS[sort.lstrip("-")]
        expression = (
            F(field).desc(nulls_last=True)
            if sort.startswith("-")
            else F(field).asc(nulls_last=True)
        )
        return queryset.order_by(expression, "name")

    def sort_links(self) -> dict[str, dict[str, str]]:
        """For each column: the query string that sorts by it and its aria-sort state."""
        current = (self.cleaned_data.get("sort") if self.is_valid() else "") or "name"
        links: dict[str, dict[str, str]] = {}
        for field in SORT_FIELDS:
            query = QueryDict(mutable=True)
            query.update(self.data)
            query["sort"] = f"-{field}" if current == field else field
            if current == field:
                state = "ascending"
            elif current == f"-{field}":
                state = "descending"
            else:
                state = ""
            links[field] = {"query": query.urlencode(), "state": state}
        return links

    def results(self) -> list[Municipality]:
        """The filtered municipalities; names in Swedish alphabetical order when sorted by name."""
        municipalities = list(self.apply(Municipality.objects.all()))
        sort = (self.cleaned_data.get("sort") if self.is_valid() else "") or "name"
        if sort.lstrip("-") == "name":
            municipalities.sort(key=lambda m: swedish_key(m.name), reverse=sort == "-name")
        return municipalities
