"""The self-assessment form: a level (radio group) and a comment per dimension.

Saving a draft accepts any subset of answers; submitting needs a level in every dimension
and names each one left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radslag.core.versions import version_field
from radslag.maturity.models import REOPEN_REASON_MAX_LENGTH, Dimension

SAVE_DRAFT = "draft"
SUBMIT = "submit"
COMMENT_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Option:
    number: int
    name: str
    descriptor: str
    input_id: str
    checked: bool


@dataclass(frozen=True)
class DimensionFields:
    """What the template needs to draw one dimension's fieldset."""

    dimension: Dimension
    level_name: str
    comment_name: str
    comment_id: str
    options: list[Option]
    comment: str
    errors: list[str]

    @property
    def error_id(self) -> str:
        return f"fel-{self.dimension.key}"

    @property
    def fieldset_id(self) -> str:
        return f"dimension-{self.dimension.key}"


class AssessmentForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Åtgärd"),
        choices=[(SAVE_DRAFT, gettext_lazy("Spara utkast")), (SUBMIT, gettext_lazy("Skicka in"))],
    )
    # The version of the answers the form was opened at (0: none saved yet); saving on top
    # of a newer one is refused.
    version = version_field()

    def __init__(
        self, dimensions: Sequence[Dimension], level_names: Sequence[str], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.dimensions = list(dimensions)
        self.level_names = list(level_names)
        for dimension in self.dimensions:
            self.fields[f"level_{dimension.key}"] = forms.TypedChoiceField(
                label=dimension.name,
                choices=[(str(level.number), level.descriptor) for level in dimension.levels.all()],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"comment_{dimension.key}"] = forms.CharField(
                label=_("Kommentar"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea,
            )

    @property
    def submitting(self) -> bool:
        return self.is_bound and self.data.get("action") == SUBMIT

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("action") == SUBMIT:
            for dimension in self.dimensions:
                name = f"level_{dimension.key}"
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(
                        name,
                        _("Välj en nivå för %(dimension)s.") % {"dimension": _(dimension.name)},
                    )
        return cleaned

    def levels(self) -> dict[str, int | None]:
        return {d.key: self.cleaned_data.get(f"level_{d.key}") for d in self.dimensions}

    def comments(self) -> dict[str, str]:
        return {d.key: self.cleaned_data.get(f"comment_{d.key}", "") for d in self.dimensions}

    def unanswered(self) -> list[Dimension]:
        return [d for d in self.dimensions if f"level_{d.key}" in self.errors]

    def fieldsets(self) -> list[DimensionFields]:
        """Each dimension with its options, the value shown and its errors."""
        fieldsets = []
        for dimension in self.dimensions:
            level_field = self[f"level_{dimension.key}"]
            comment_field = self[f"comment_{dimension.key}"]
            chosen = str(level_field.value() or "")
            options = [
                Option(
                    number=level.number,
                    name=_(self.level_names[level.number - 1]),
                    descriptor=_(level.descriptor),
                    input_id=f"{dimension.key}-{level.number}",
                    checked=chosen == str(level.number),
                )
                for level in dimension.levels.all()
            ]
            fieldsets.append(
                DimensionFields(
                    dimension=dimension,
                    level_name=level_field.html_name,
                    comment_name=comment_field.html_name,
                    comment_id=f"kommentar-{dimension.key}",
                    options=options,
                    comment=comment_field.value() or "",
                    errors=[*level_field.errors, *comment_field.errors],
                )
            )
        return fieldsets


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Skäl"),
        help_text=gettext_lazy(
            "Varför den öppnas igen, till exempel vilket svar som blev fel. "
            "Skälet sparas med ditt namn och tiden."
        ),
        max_length=REOPEN_REASON_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Skriv varför självskattningen öppnas igen."),
        },
    )
