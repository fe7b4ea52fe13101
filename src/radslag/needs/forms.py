"""Forms of the needs pages: submit, filter, support, merge and name a theme."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from radslag.accounts.permissions import MunicipalAction, municipalities_for
from radslag.core.areas import Area
from radslag.core.idempotency import IdempotencyKeyField
from radslag.core.text_limits import use_limit_messages
from radslag.core.widgets import SwedishSelect
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import SizeClass
from radslag.needs.models import Need, Theme, tidy_text, tidy_title


class MunicipalityChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.code})"


class NeedForm(forms.ModelForm):  # type: ignore[type-arg]
    """A new submission; ``decision`` answers the near-duplicate question when one is shown.

    The title and text are checked by the model's own rules (:meth:`Need.text_errors`), the
    same the upload applies; this form only tidies them first.
    """

    NEW, MERGE = "ny", "sla-ihop"

    municipality = MunicipalityChoiceField(
        queryset=Municipality.objects.order_by("name"), label=_("Inlämnad av")
    )
    supporters = forms.ModelMultipleChoiceField(
        queryset=Municipality.objects.order_by("name"),
        required=False,
        label=_("Kommuner som står bakom"),
        help_text=_("Andra kommuner som delar behovet. Håll ned Ctrl för att välja flera."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    decision = forms.CharField(required=False, widget=forms.HiddenInput, label=_("Beslut"))
    merge_with = forms.IntegerField(
        required=False, widget=forms.HiddenInput, label=_("Slå ihop med")
    )
    # Made when the form is rendered: posting the same form twice (a retry after a lost
    # answer, a double click) submits once.
    idempotency_key = IdempotencyKeyField(label=_("Inlämningens nyckel"))

    class Meta:
        model = Need
        fields = ["kind", "title", "text", "area", "municipality"]
        widgets = {
            "kind": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "title": {"required": Need._meta.get_field("title").error_messages["blank"]},
            "text": {"required": Need._meta.get_field("text").error_messages["blank"]},
            "area": {"required": _("Välj ett verksamhetsområde.")},
        }

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        """With ``user``, the municipalities offered (and accepted when posted) are those the
        person may submit and support needs for."""
        super().__init__(*args, **kwargs)
        use_limit_messages(self)
        if user is not None:
            _limit(self.fields["municipality"], user, MunicipalAction.SUBMIT_NEED)
            _limit(self.fields["supporters"], user, MunicipalAction.SUPPORT_NEED)

    def clean_title(self) -> str:
        return tidy_title(self.cleaned_data["title"])

    def clean_text(self) -> str:
        return tidy_text(self.cleaned_data["text"])


class ThemeChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A live theme, with a message that says what became of an unknown or retired one.

    ``successor`` is then the live theme that took most of a retired one's needs, if any,
    so the page can link to it.
    """

    successor: Theme | None = None

    def to_python(self, value: Any) -> Theme | None:
        try:
            theme: Theme | None = super().to_python(value)
        except forms.ValidationError as error:
            gone = None
            if str(value).isdigit():
                gone = Theme.objects.select_related("successor").filter(pk=int(value)).first()
            self.successor = gone.successor if gone else None
            message = _missing_theme(value, gone)
            raise forms.ValidationError(message, code="invalid_choice") from error
        return theme


def _missing_theme(value: Any, gone: Theme | None) -> str:
    if gone is None:
        return gettext("Det finns inget tema med nummer %(value)s.") % {"value": value}
    if gone.successor is None:
        return gettext("Temat ”%(label)s” finns inte längre.") % {"label": gone.label}
    return gettext(
        "Temat ”%(label)s” finns inte längre; de flesta av dess inlägg finns nu i temat "
        "”%(successor)s”."
    ) % {"label": gone.label, "successor": gone.successor.label}


class NeedFilterForm(forms.Form):
    SORTS = {
        "support": ("-support_count", "-created_at", "-pk"),
        "newest": ("-created_at", "-pk"),
        "title": ("title", "pk"),
    }
    # Earlier names of parameters and sort values, still understood in saved addresses.
    PARAMETER_ALIASES = {"tema": "theme"}
    SORT_ALIASES = {"stod": "support", "nyast": "newest", "rubrik": "title"}

    q = forms.CharField(required=False, max_length=200, label=_("Sök"))
    kind = forms.ChoiceField(
        required=False, label=_("Typ"), choices=[("", _("Alla typer")), *Need.Kind.choices]
    )
    area = forms.ChoiceField(
        required=False,
        label=_("Verksamhetsområde"),
        choices=[("", _("Alla områden")), *Area.choices],
    )
    size = forms.ChoiceField(
        required=False,
        label=_("Kommunstorlek"),
        choices=[("", _("Alla storlekar")), *SizeClass.choices],
    )
    theme = ThemeChoiceField(
        queryset=Theme.objects.live(),
        required=False,
        label=_("Tema"),
        empty_label=_("Alla teman"),
        widget=SwedishSelect,
    )
    sort = forms.ChoiceField(
        required=False,
        label=_("Sortera"),
        choices=[("support", _("Mest stöd")), ("newest", _("Nyast")), ("title", _("Rubrik"))],
    )

    def __init__(self, data: QueryDict | None = None, **kwargs: Any) -> None:
        super().__init__(_with_current_names(data, self), **kwargs)


def _with_current_names(data: QueryDict | None, form: NeedFilterForm) -> QueryDict | None:
    """The query with old parameter names and sort values given their current ones."""
    if data is None:
        return None
    current = data.copy()
    for old, new in form.PARAMETER_ALIASES.items():
        if old in current:
            values = current.pop(old)
            if new not in current:
                current.setlist(new, values)
    sort = str(current.get("sort", ""))
    if sort in form.SORT_ALIASES:
        current["sort"] = form.SORT_ALIASES[sort]
    return current


class SupportForm(forms.Form):
    municipality = MunicipalityChoiceField(
        queryset=Municipality.objects.order_by("name"), label=_("Kommun")
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is not None:
            _limit(self.fields["municipality"], user, MunicipalAction.SUPPORT_NEED)


def _limit(field: forms.Field, user: Any, action: MunicipalAction) -> None:
    """Offer only the municipalities the person acts for; a forged code is then refused next
    to the field as an invalid choice."""
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = municipalities_for(user, action).order_by("name")
    # Someone who acts for one municipality has nothing to choose: it is chosen for them.
    if not isinstance(field, forms.ModelMultipleChoiceField) and field.queryset.count() == 1:
        field.empty_label = None
        field.initial = field.queryset.first()


class MergeForm(forms.Form):
    other = forms.IntegerField(widget=forms.HiddenInput, label=_("Inlägget att slå ihop med"))


class ThemeLabelForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Theme
        fields = ["label"]
        error_messages = {"label": {"required": _("Ge temat ett namn.")}}

    def clean_label(self) -> str:
        label: str = self.cleaned_data["label"].strip()
        if not label:
            raise forms.ValidationError(_("Ge temat ett namn."))
        return label
