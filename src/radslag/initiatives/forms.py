"""Forms of initiatives, their milestones, the value model's assumptions and budget rounds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radslag.core.areas import Area
from radslag.core.widgets import SwedishCheckboxes, SwedishSelectMultiple
from radslag.initiatives.models import AreaAssumption, BudgetRound, Initiative, Milestone
from radslag.needs.models import Theme


class InitiativeForm(forms.ModelForm[Initiative]):
    areas = forms.MultipleChoiceField(
        label=_("Verksamhetsområden"),
        choices=Area.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "type",
            "description",
            "areas",
            "themes",
            "needs",
            "cost_low",
            "cost_high",
            "ai_act_class",
            "status",
            "starts_on",
        ]
        widgets = {
            "themes": SwedishCheckboxes,
            "needs": SwedishSelectMultiple,
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.live().order_by("label")  # type: ignore[attr-defined]
        self.fields["needs"].widget.attrs["size"] = 8

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("cost_low"), data.get("cost_high")
        if low is not None and high is not None and low > high:
            self.add_error(
                "cost_high",
                _("Högsta kostnaden (%(high)s kr) är lägre än den lägsta (%(low)s kr).")
                % {"high": f"{high:,}".replace(",", " "), "low": f"{low:,}".replace(",", " ")},
            )
        return data


class MilestoneForm(forms.ModelForm[Milestone]):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "done_on"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "done_on": forms.DateInput(attrs={"type": "date"}),
        }


class InterestForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Kommun"))

    def __init__(self, *args: Any, codes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = codes  # type: ignore[attr-defined]
        if len(codes) == 1:
            self.fields["municipality"].initial = codes[0][0]


LEVELS = (("low", _("låg")), ("central", _("trolig")), ("high", _("hög")))


class AreaAssumptionForm(forms.ModelForm[AreaAssumption]):
    class Meta:
        model = AreaAssumption
        fields = [
            "share_of_total",
            "addressable_low",
            "addressable_central",
            "addressable_high",
            "effect_low",
            "effect_central",
            "effect_high",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("addressable", "effect"):
            known: list[Decimal] = [
                data[f"{name}_{level}"]
                for level, _label in LEVELS
                if data.get(f"{name}_{level}") is not None
            ]
            if len(known) == len(LEVELS) and not known[0] <= known[1] <= known[2]:
                self.add_error(
                    f"{name}_central",
                    _("Låg, trolig och hög ska vara i stigande ordning."),
                )
        return data


class AssumptionSetForm(forms.Form):
    note = forms.CharField(label=_("Vad har ändrats och varför?"), max_length=500)
    target_percent = forms.DecimalField(
        label=_("Nationellt mål, procent av kommunernas nettokostnad"),
        min_value=Decimal("0.01"),
        max_value=Decimal(100),
        decimal_places=2,
    )


class BudgetRoundForm(forms.ModelForm[BudgetRound]):
    class Meta:
        model = BudgetRound
        fields = ["title", "budget", "weighting", "initiatives", "closes_on"]
        widgets = {
            "initiatives": SwedishCheckboxes,
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }
