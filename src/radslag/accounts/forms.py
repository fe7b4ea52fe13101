"""Forms of the accounts app: inviting someone, and taking an invitation with a new account."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from radslag.accounts import permissions
from radslag.accounts.models import MUNICIPAL_ROLES, Role
from radslag.municipalities.models import Municipality


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-postadress"))
    role = forms.ChoiceField(label=_("Roll"))
    municipality = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("Krävs för kommunrepresentanter och medarbetare."),
    )

    def __init__(self, inviter: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        convener = permissions.is_convener(inviter)
        role = self.fields["role"]
        assert isinstance(role, forms.ChoiceField)
        role.choices = Role.choices if convener else [(Role.STAFF, Role.STAFF.label)]
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ModelChoiceField)
        municipality.queryset = permissions.municipalities_for(
            inviter, permissions.MunicipalAction.INVITE_STAFF
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, municipality = data.get("role"), data.get("municipality")
        if role in MUNICIPAL_ROLES and municipality is None:
            self.add_error("municipality", _("Välj vilken kommun rollen gäller."))
        elif role == Role.CONVENER and municipality is not None:
            self.add_error("municipality", _("Samordnare är nationella: lämna kommunen tom."))
        elif role and not permissions.can_invite(
            self.inviter, role, municipality.code if municipality else None
        ):
            self.add_error("role", _("Du får inte bjuda in till den rollen i den kommunen."))
        return data


class NewAccountForm(forms.Form):
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    password1 = forms.CharField(
        label=_("Lösenord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Lösenordet igen"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, email: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password2(self) -> str:
        first, second = self.cleaned_data.get("password1"), self.cleaned_data["password2"]
        if first and first != second:
            raise forms.ValidationError(_("Lösenorden är inte lika."))
        user = get_user_model()(
            username=self.email,
            email=self.email,
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )
        password_validation.validate_password(second, user)
        return str(second)


class ErasureConfirmationForm(forms.Form):
    """Erasing a person's data cannot be undone, so the convener types their user name."""

    confirm = forms.CharField(label=_("Användarnamnet, för att bekräfta"), max_length=150)

    def __init__(self, *args: Any, username: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.username = username

    def clean_confirm(self) -> str:
        typed: str = self.cleaned_data["confirm"].strip()
        if typed != self.username:
            raise forms.ValidationError(
                _("Skriv personens användarnamn exakt som det står för att bekräfta.")
            )
        return typed


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Namn på nyckeln"),
        max_length=100,
        help_text=_("Så att du känner igen den, till exempel: kommunens AI-register."),
    )
