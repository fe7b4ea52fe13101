"""Forms of the council's rounds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radslag.core.text_limits import TITLE
from radslag.council import item_sources, scoring
from radslag.council.models import Criterion, Item, Round


class RoundForm(forms.ModelForm[Round]):
    item_source = forms.ChoiceField(
        label=_("Alternativen hämtas från"),
        initial=item_sources.OWN,
        required=False,
        help_text=_(
            "Teman, områden och initiativ tas in som de står i Rådslag, så att resultatet "
            "leder tillbaka till behoven och underlaget bakom dem."
        ),
    )
    items = forms.CharField(
        label=_("Alternativ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ett alternativ per rad, minst två sammanlagt; med en annan källa läggs raderna "
            "till dess alternativ. Deltagarna kan föreslå fler."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item_source"].choices = item_sources.choices()  # type: ignore[attr-defined]
        self.chosen_items: list[tuple[str, str]] = []

    class Meta:
        model = Round
        fields = ["title", "question", "kind", "weighting", "top_k", "opens_on", "closes_on"]
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
        return labels

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Omgången kan inte stänga innan den öppnar."))
        self._choose_items(data)
        top_k = data.get("top_k")
        if top_k is not None:
            if top_k < 1:
                self.add_error("top_k", _("Ange minst 1, eller lämna tomt för hela ordningen."))
            elif data.get("kind") != Round.Kind.WIKI_SURVEY:
                self.add_error(
                    "top_k",
                    _("Målet styr bara valet av par i parvisa val; lämna tomt för andra slag."),
                )
        return data

    def _choose_items(self, data: dict[str, Any]) -> None:
        """The round's items: the chosen source's, then the typed lines not already among
        them, each once whatever its case."""
        if "items" not in data or "item_source" not in data:
            return
        source = data["item_source"] or item_sources.OWN
        typed = [(label, "") for label in data["items"]]
        chosen: list[tuple[str, str]] = []
        seen: set[str] = set()
        # Two themes may share a name; a round holds each label once.
        for label, origin in [*item_sources.items_of(source), *typed]:
            if label.strip() and label.casefold() not in seen:
                seen.add(label.casefold())
                chosen.append((label, origin))
        if len(chosen) >= 2:
            self.chosen_items = chosen
        elif source == item_sources.OWN:
            self.add_error("items", _("Ange minst två alternativ, ett per rad."))
        else:
            self.add_error(
                "item_source",
                _("Källan har färre än två alternativ; skriv till fler nedan eller välj en annan."),
            )


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


def _saaty_choices(first: Criterion, second: Criterion) -> list[tuple[str, str]]:
    """The scale for one pair as words, from the first far more important to the second."""
    strength = {
        1: _("lika viktiga"),
        2: _("lika till måttligt viktigare"),
        3: _("måttligt viktigare"),
        4: _("måttligt till starkt viktigare"),
        5: _("starkt viktigare"),
        6: _("starkt till mycket starkt viktigare"),
        7: _("mycket starkt viktigare"),
        8: _("mycket starkt till extremt mycket viktigare"),
        9: _("extremt mycket viktigare"),
    }
    choices = []
    for step in scoring.SAATY:
        times = step.numerator if step >= 1 else step.denominator
        winner = first if step >= 1 else second
        words = strength[times]
        text = (
            _("%(first)s och %(second)s är lika viktiga (1)")
            % {"first": first.name, "second": second.name}
            if times == 1
            else f"{winner.name}: {words} ({times})"
        )
        choices.append((str(step), text))
    return choices


class JudgementForm(forms.Form):
    """One choice per pair of criteria on Saaty's scale, equal importance unless answered.

    A posted value off the scale, zero or negative is refused next to its pair, naming the
    cell of the comparison matrix, as the service refuses it for any other caller.
    """

    def __init__(
        self,
        *args: Any,
        criteria: list[Criterion],
        initial_judgements: dict[str, float],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.keys: dict[str, str] = {}
        for i, j in scoring.pairs(criteria):
            first, second = criteria[i], criteria[j]
            key = scoring.judgement_key(first, second)
            name = f"par-{first.pk}-{second.pk}"
            earlier = scoring.on_scale(initial_judgements.get(key, 1.0)) or 1
            self.fields[name] = forms.CharField(
                label=_("%(first)s jämfört med %(second)s")
                % {"first": first.name, "second": second.name},
                widget=forms.Select(choices=_saaty_choices(first, second)),
                initial=str(earlier),
            )
            self.keys[name] = key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values = {}
        for name, key in self.keys.items():
            if name in data:
                values[key] = scoring.parse_judgement(data[name])
        if len(values) == len(self.keys):
            try:
                scoring.judgement_matrix(self.criteria, values)
            except scoring.ScoringRefusedError as refused:
                field = next(name for name, key in self.keys.items() if key == refused.key)
                self.add_error(field, refused.message)
        return data

    def judgements(self) -> dict[str, float]:
        return {
            key: scoring.parse_judgement(self.cleaned_data[name]) for name, key in self.keys.items()
        }


class ScoreForm(forms.Form):
    """A score per item and criterion on the round's scale; a score left out is not given."""

    def __init__(
        self,
        *args: Any,
        items: list[Item],
        criteria: list[Criterion],
        initial_scores: dict[str, int],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        low, high = scoring.SCALE
        choices = [("", "–"), *((str(n), str(n)) for n in range(low, high + 1))]
        self.keys: dict[str, str] = {}
        self.groups: list[tuple[Item, list[str]]] = []
        for item in items:
            names = []
            for criterion in criteria:
                key = scoring.score_key(item, criterion)
                name = f"poang-{item.pk}-{criterion.pk}"
                label = (
                    criterion.name
                    if criterion.more_is_better
                    else _("%(name)s (lägre är bättre)") % {"name": criterion.name}
                )
                self.fields[name] = forms.TypedChoiceField(
                    label=label,
                    choices=choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=initial_scores.get(key, ""),
                )
                self.keys[name] = key
                names.append(name)
            self.groups.append((item, names))

    def item_fieldsets(self) -> list[tuple[Item, list[forms.BoundField]]]:
        return [(item, [self[name] for name in names]) for item, names in self.groups]

    def scores(self) -> dict[str, int | None]:
        return {key: self.cleaned_data[name] for name, key in self.keys.items()}


class CriterionForm(forms.ModelForm[Criterion]):
    class Meta:
        model = Criterion
        fields = ["name", "description", "more_is_better"]


class BaseCriterionFormSet(forms.BaseModelFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            name = " ".join(str(form.cleaned_data.get("name", "")).split())
            if name.casefold() in seen:
                form.add_error("name", _("Två kriterier heter ”%(name)s”.") % {"name": name})
            seen.add(name.casefold())


CriterionFormSet = forms.modelformset_factory(
    Criterion,
    form=CriterionForm,
    formset=BaseCriterionFormSet,
    extra=1,
    can_delete=True,
    min_num=2,
    validate_min=True,
    max_num=scoring.MAX_CRITERIA,
    validate_max=True,
)
