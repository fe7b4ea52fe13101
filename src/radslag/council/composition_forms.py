"""The form a convener composes a council with: seats, pool, features and quotas.

Every feature value has a least and a most number of seats (blank: no limit). Quotas that no
panel can meet are reported next to each quota taking part in the clash, with the nearest
quotas that can be met, as the decision core finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radslag.core.text_limits import TITLE
from radslag.council.composition import Definition, suggested_quotas
from radslag.council.composition_models import Composition
from radslag.council.features import Feature, Features, available_features, feature_label
from radslag.decide.committee import InfeasibleQuotasError
from radslag.municipalities.models import Municipality

# Quotas bind a council of a few dozen seats at most; the LEXIMIN computation grows with it.
MOST_SEATS = 50
DEFAULT_SEATS = 12
DEFAULT_FEATURES = (Feature.SIZE, Feature.COUNTY, Feature.MATURITY, Feature.PRODUCTION)


def _folded(name: str) -> str:
    # "Upplands väsby", " Upplands  Väsby " and "Upplands Väsby kommun" name one municipality.
    return " ".join(name.split()).casefold().removesuffix(" kommun")


@dataclass(frozen=True)
class QuotaRow:
    """One feature value's line in the quota table."""

    value: str
    label: str
    country: int
    low: forms.BoundField
    high: forms.BoundField


@dataclass(frozen=True)
class QuotaGroup:
    feature: str
    label: str
    rows: tuple[QuotaRow, ...]


def quota_field(feature: str, value: str, bound: str) -> str:
    return f"kvot-{feature}-{value}-{bound}"


class CompositionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Rubrik"), max_length=TITLE)
    panel_size = forms.IntegerField(
        label=gettext_lazy("Antal platser"), min_value=1, max_value=MOST_SEATS
    )
    pool_kind = forms.ChoiceField(
        label=gettext_lazy("Vilka kan lottas"),
        choices=Composition.PoolKind.choices,
        widget=forms.RadioSelect,
    )
    nominees = forms.CharField(
        label=gettext_lazy("Nominerade kommuner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Bara för nominerade kommuner: namn eller kommunkod, en per rad eller åtskilda "
            "med kommatecken."
        ),
    )
    features = forms.MultipleChoiceField(
        label=gettext_lazy("Egenskaper med kvoter"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Kvoterna i tabellerna nedan gäller bara de valda egenskaperna."),
    )

    def __init__(self, *args: Any, known: Features, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = known
        self.counts = {
            feature: {
                value: sum(1 for row in known.of.values() if row[feature] == value)
                for value in known.values[feature]
            }
            for feature in Feature.values
        }
        offered = available_features()
        choices = [(f.value, feature_label(f)) for f in offered]
        self.fields["features"].choices = choices  # type: ignore[attr-defined]
        self.offered = [f.value for f in offered]
        suggested = suggested_quotas(DEFAULT_SEATS, known)
        self.initial.setdefault("panel_size", DEFAULT_SEATS)
        self.initial.setdefault("pool_kind", Composition.PoolKind.ALL)
        self.initial.setdefault("features", [f.value for f in DEFAULT_FEATURES if f in offered])
        for feature in self.offered:
            for value in known.values[feature]:
                low, high = suggested.get(feature, {}).get(value, (0, DEFAULT_SEATS))
                label = f"{feature_label(feature)}, {known.label(feature, value)}"
                for bound, initial, name in ((0, low, _("minst")), (1, high, _("högst"))):
                    self.fields[quota_field(feature, value, ("min", "max")[bound])] = (
                        forms.IntegerField(
                            label=f"{label}: {name}",
                            required=False,
                            min_value=0,
                            max_value=MOST_SEATS,
                            initial=initial,
                        )
                    )

    def quota_groups(self) -> list[QuotaGroup]:
        return [
            QuotaGroup(
                feature,
                feature_label(feature),
                tuple(
                    QuotaRow(
                        value,
                        self.known.label(feature, value),
                        self.counts[feature][value],
                        self[quota_field(feature, value, "min")],
                        self[quota_field(feature, value, "max")],
                    )
                    for value in self.known.values[feature]
                ),
            )
            for feature in self.offered
        ]

    def clean_nominees(self) -> list[str]:
        text = self.cleaned_data.get("nominees") or ""
        entries = [entry.strip() for entry in re.split(r"[\n,;]", text) if entry.strip()]
        by_name = {_folded(m.name): m.code for m in Municipality.objects.only("code", "name")}
        codes, unknown = [], []
        for entry in entries:
            code = entry if entry in by_name.values() else by_name.get(_folded(entry))
            if code is None:
                unknown.append(entry)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise forms.ValidationError(
                _("Okänd kommun: %(names)s. Skriv namnet som i kommunlistan eller kommunkoden.")
                % {"names": ", ".join(unknown)}
            )
        return codes

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seats = data.get("panel_size")
        nominated = data.get("pool_kind") == Composition.PoolKind.NOMINATED
        if nominated and seats and "nominees" in data:
            nominees = data.get("nominees") or []
            if len(nominees) < seats:
                self.add_error(
                    "nominees",
                    _("%(count)d nominerade kommuner räcker inte till %(seats)d platser.")
                    % {"count": len(nominees), "seats": seats},
                )
        for feature in data.get("features") or []:
            for value in self.known.values[feature]:
                low = data.get(quota_field(feature, value, "min"))
                high = data.get(quota_field(feature, value, "max"))
                if low is not None and high is not None and low > high:
                    self.add_error(
                        quota_field(feature, value, "max"),
                        _("Högst %(high)d är färre än minst %(low)d.") % {"high": high, "low": low},
                    )
        return data

    def definition(self) -> Definition:
        """What the valid form asks for."""
        data = self.cleaned_data
        seats = data["panel_size"]
        features = tuple(data["features"])
        nominated = data["pool_kind"] == Composition.PoolKind.NOMINATED
        codes = tuple(data["nominees"]) if nominated else tuple(sorted(self.known.of))
        bounds: dict[str, dict[str, tuple[int, int]]] = {}
        for feature in features:
            for value in self.known.values[feature]:
                low = data.get(quota_field(feature, value, "min"))
                high = data.get(quota_field(feature, value, "max"))
                if low is None and high is None:
                    continue
                bounds.setdefault(feature, {})[value] = (low or 0, seats if high is None else high)
        return Definition(data["title"], seats, data["pool_kind"], codes, features, bounds)

    def _named(self, feature: str, value: str) -> str:
        """A quota as a sentence names it: "Län Stockholm", but "Mognadsnivå 4" alone."""
        label, value_label = feature_label(feature), self.known.label(feature, value)
        return value_label if value_label.startswith(label) else f"{label} {value_label}"

    def refuse_quotas(self, error: InfeasibleQuotasError) -> None:
        """Name each quota of the clash next to its field, with the nearest that can be met."""
        named = [self._named(feature, value) for feature, value in error.clashing]
        nearest = []
        changed = set()
        for change in error.relaxation:
            low, high = change.new
            field = "min" if change.new[0] != change.old[0] else "max"
            changed.add((change.feature, change.value))
            message = _("Närmaste kvot som går: minst %(low)d, högst %(high)d.") % {
                "low": low,
                "high": high,
            }
            self.add_error(quota_field(change.feature, change.value, field), message)
            nearest.append(f"{self._named(change.feature, change.value)}: {low}–{high}")
        for feature, value in error.clashing:
            if (feature, value) not in changed:
                # A quota without a minimum clashes through its maximum.
                minimum = self.cleaned_data.get(quota_field(feature, value, "min"))
                self.add_error(
                    quota_field(feature, value, "min" if minimum else "max"),
                    _("Går inte att uppfylla tillsammans med de andra markerade kvoterna."),
                )
        summary = _("Kvoterna går inte att uppfylla tillsammans: %(named)s.") % {
            "named": "; ".join(named)
        }
        if nearest:
            summary += " " + _("Närmaste kvoter som går: %(nearest)s.") % {
                "nearest": "; ".join(nearest)
            }
        self.add_error(None, summary)
