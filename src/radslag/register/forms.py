"""The form that registers or edits a use case, with the AI Act questionnaire inside it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from radslag.core.areas import Area
from radslag.core.text_limits import use_limit_messages
from radslag.core.versions import version_field
from radslag.municipalities.models import Municipality
from radslag.register import aiact
from radslag.register.choices import Benefit, Level, PersonalData, Stage, Technique
from radslag.register.models import UseCase

ASSESSED = "aiact_assessed"

# The form's sections, in the order of a transparency record.
SECTIONS: tuple[tuple[str | Promise, tuple[str, ...]], ...] = (
    (
        _("Användningsfallet"),
        ("title", "summary", "description", "organisation", "organisation_name", "participants"),
    ),
    (_("Kontakt"), ("contact_email", "contact_name", "contact_name_consent")),
    (_("Syfte och nytta"), ("goal", "area", "benefits")),
    (_("Teknik"), ("technique", "supplier", "product", "open_source_url", "website")),
    (_("Livscykel"), ("stage", "start_date", "end_date")),
    (_("Data"), ("data_sources", "personal_data", "legal_basis")),
    (
        _("Mänsklig kontroll och risker"),
        (
            "human_oversight",
            "appeal",
            "risks",
            "dpia_done",
            "dpia_date",
            "fria_done",
            "fria_date",
        ),
    ),
    (
        _("Effekt"),
        ("effect_time", "effect_cost", "effect_quality", "effect_method", "effect_evaluated"),
    ),
    (_("Publicering"), ("status", "last_reviewed", "country", "level")),
)


# Choices that may be left empty, offered with a Swedish "not given" instead of "---------".
OPTIONAL_CHOICES = {
    "area": Area.choices,
    "technique": Technique.choices,
    "personal_data": PersonalData.choices,
    "level": Level.choices,
}


def answer_field(question: aiact.Question) -> str:
    return f"aiact_{question.key}"


GROUP_HELP: dict[aiact.Group, str | Promise] = {
    aiact.Group.EXEMPTION: _(
        "Svara bara om något av högriskområdena ovan stämmer: systemet är då inte högrisk om "
        "det bara gör något av följande."
    ),
    aiact.Group.PROFILING: _("Ett system som profilerar människor är alltid högrisk (art. 6.3)."),
}


@dataclass(frozen=True)
class FieldGroup:
    title: str | Promise
    fields: list[forms.BoundField]
    help: str | Promise = ""


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class HttpsURLField(forms.URLField):
    """A web address typed without a scheme is read as https, as browsers do."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


# The stubs make ModelForm generic; at run time it is not subscriptable.
if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[UseCase]
else:
    _ModelForm = forms.ModelForm


class UseCaseForm(_ModelForm):
    benefits = forms.MultipleChoiceField(
        label=_("Förväntade nyttor"),
        choices=Benefit.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = UseCase
        fields = [name for _, names in SECTIONS for name in names]
        field_classes = {"open_source_url": HttpsURLField, "website": HttpsURLField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "data_sources": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 2}),
            "human_oversight": forms.Textarea(attrs={"rows": 3}),
            "appeal": forms.Textarea(attrs={"rows": 2}),
            "risks": forms.Textarea(attrs={"rows": 3}),
            "effect_time": forms.Textarea(attrs={"rows": 2}),
            "effect_cost": forms.Textarea(attrs={"rows": 2}),
            "effect_quality": forms.Textarea(attrs={"rows": 2}),
            "effect_method": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "dpia_date": DateInput(),
            "fria_date": DateInput(),
            "last_reviewed": DateInput(),
            "participants": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Municipality] | None = None,
        any_organisation: bool = True,
        **kwargs: Any,
    ) -> None:
        """``organisations``: the municipalities the person may register cases for (all when
        None); ``any_organisation``: whether a case may belong to an organisation that is not
        a municipality (by name), which only a convener registers."""
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        municipalities = Municipality.objects.order_by("name")
        for name in ("organisation", "participants"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = municipalities
        if organisations is not None:
            owner = self.fields["organisation"]
            assert isinstance(owner, forms.ModelChoiceField)
            # A posted code outside these is refused next to the field, like any unknown one.
            owner.queryset = organisations.order_by("name")
            if not self.instance.pk and owner.queryset.count() == 1:
                owner.initial = owner.queryset.first()
        self.any_organisation = any_organisation
        # The version the form was opened at: saving on top of a newer one is refused.
        self.fields["version"] = version_field()
        self.fields["version"].initial = self.instance.version if self.instance.pk else None
        use_limit_messages(self)
        for name, choices in OPTIONAL_CHOICES.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", _("Inte angivet")), *choices]
        answers = self.instance.aiact_answers or {}
        self.fields[ASSESSED] = forms.BooleanField(
            label=_("Bedöm riskklassen utifrån svaren nedan"),
            help_text=_(
                "Lämna rutan tom om frågorna inte är genomgångna; användningsfallet visas då "
                "som ej bedömt. Ett ikryssat svar räcker också."
            ),
            required=False,
            initial=bool(answers),
        )
        for question in aiact.QUESTIONS:
            self.fields[answer_field(question)] = forms.BooleanField(
                label=str(question.text),
                help_text=str(question.reference),
                required=False,
                initial=answers.get(question.key) is True,
            )

    def sections(self) -> Iterator[FieldGroup]:
        for title, names in SECTIONS:
            yield FieldGroup(title, [self[name] for name in names])

    def questionnaire(self) -> Iterator[FieldGroup]:
        for group in aiact.Group:
            fields = [self[answer_field(q)] for q in aiact.questions_in(group)]
            yield FieldGroup(aiact.GROUP_TITLES[group], fields, GROUP_HELP.get(group, ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Slutdatumet kan inte ligga före startdatumet."))
        if data.get("stage") == Stage.IN_PRODUCTION and not start:
            self.add_error("start_date", _("Ett användningsfall i drift behöver ett startdatum."))
        if data.get("contact_name") and not data.get("contact_name_consent"):
            self.add_error(
                "contact_name",
                _(
                    "Ett namn publiceras bara om personen har samtyckt. Kryssa i samtycket, "
                    "eller ange bara en funktionsadress."
                ),
            )
        if not data.get("organisation") and not data.get("organisation_name"):
            self.add_error("organisation", _("Ange kommunen eller organisationens namn."))
        elif not data.get("organisation") and not self.any_organisation:
            self.add_error("organisation", _("Välj kommunen som användningsfallet hör till."))
        for done, when, label in (
            ("dpia_done", "dpia_date", _("DPIA")),
            ("fria_done", "fria_date", _("FRIA")),
        ):
            if data.get(when) and not data.get(done):
                self.add_error(
                    done,
                    _("Kryssa i att %(name)s är gjord, eller ta bort datumet.") % {"name": label},
                )
        return data

    def answers(self) -> dict[str, bool] | None:
        """The questionnaire's answers, or None when the case is not assessed."""
        data = self.cleaned_data
        given = {q.key: bool(data.get(answer_field(q))) for q in aiact.QUESTIONS}
        if not data.get(ASSESSED) and not any(given.values()):
            return None
        return aiact.clean_answers(given)

    def save(self, commit: bool = True) -> UseCase:
        case: UseCase = super().save(commit=False)
        answers = self.answers()
        case.aiact_answers = answers or {}
        case.risk_class = aiact.classify(answers).risk_class if answers is not None else ""
        if commit:
            case.save()
            self.save_m2m()
        return case
