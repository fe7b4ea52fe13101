"""Who sits on a seat: a convener links a seat to the account of a council member, or to none."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radslag.accounts import permissions
from radslag.accounts.models import Role
from radslag.council.composition_models import Seat


class HolderForm(forms.Form):
    holder = forms.ModelChoiceField(
        label=gettext_lazy("Ledamot"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=gettext_lazy("Ingen ledamot"),
        help_text=gettext_lazy("Konton med rollen rådsledamot."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(
            memberships__role=Role.COUNCIL_MEMBER, is_active=True
        )
        field = self.fields["holder"]
        field.queryset = members.distinct().order_by("first_name", "last_name", "username")  # type: ignore[attr-defined]
        field.label_from_instance = lambda person: (  # type: ignore[attr-defined]
            person.get_full_name() or person.get_username()
        )


@permissions.signed_in
def seat_holder(request: HttpRequest, number: int) -> HttpResponse:
    permissions.require(permissions.can(request.user, permissions.Action.COMPOSE_COUNCIL))
    seat = get_object_or_404(Seat, number=number)
    form = HolderForm(request.POST or None, initial={"holder": seat.holder})
    if request.method == "POST" and form.is_valid():
        seat.holder = form.cleaned_data["holder"]
        # A member chosen here is a real appointment, whatever held the seat before.
        seat.holder_is_example = False
        seat.save(update_fields=["holder", "holder_is_example"])
        messages.success(request, _("Platsens ledamot är sparad."))
        return redirect("council:index")
    return render(request, "council/seat_form.html", {"seat": seat, "form": form})
