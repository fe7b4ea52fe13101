"""Forms of the council's rounds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radslag.core.text_limits import TITLE
from radslag.council.models import Item, Round


class RoundForm(forms.ModelForm[Round]):
    items = forms.CharField(
        label=_("Alternativ"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ett alternativ per rad, minst två. Deltagarna kan föreslå fler."),
    )

    class Meta:
        model = Round
        fields = ["title", "question", "kind", "weighting", "opens_on", "closes_on"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_items(self) -> list[str]:
        labels: list[str] = []
        seen: set[str] = set()
        for number, line in enumerate(self.cleaned_data["items"].splitlines(), start=1):
            label = " ".join(line.split())
            if not label:
                continue
            if len(label) > TITLE:
                raise forms.ValidationError(
                    _("Rad %(row)d har %(length)d tecken; ett alternativ får ha högst %(limit)d.")
                    % {"row": number, "length": len(label), "limit": TITLE}
                )
            if label.casefold() in seen:
                raise forms.ValidationError(
                    _("Rad %(row)d upprepar ”%(label)s”.") % {"row": number, "label": label}
                )
            seen.add(label.casefold())
            labels.append(label)
        if len(labels) < 2:
            raise forms.ValidationError(_("Ange minst två alternativ, ett per rad."))
        return labels

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Omgången kan inte stänga innan den öppnar."))
        return data


class ProposalForm(forms.Form):
    label = forms.CharField(label=_("Ditt förslag"), max_length=TITLE)


class BallotForm(forms.Form):
    """One position per item, 1 the best; equal positions are allowed and mean a tie."""

    def __init__(self, *args: Any, items: list[Item], initial_ranks: dict[str, int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = [(str(n), str(n)) for n in range(1, len(items) + 1)]
        for default, item in enumerate(items, start=1):
            self.fields[f"plats-{item.pk}"] = forms.TypedChoiceField(
                label=item.label,
                choices=choices,
                coerce=int,
                initial=initial_ranks.get(str(item.pk), default),
            )
        self.items = items

    def positions(self) -> dict[str, int]:
        return {str(item.pk): self.cleaned_data[f"plats-{item.pk}"] for item in self.items}
