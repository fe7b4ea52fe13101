"""Inviting people to a role, withdrawing an invitation, and taking one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as sign_in
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import invitations, permissions
from radslag.accounts.forms import InvitationForm, NewAccountForm


@login_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    if not permissions.may_invite_anyone(request.user):
        raise PermissionDenied
    form = InvitationForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation, token = invitations.create(
            request.user,
            form.cleaned_data["email"],
            form.cleaned_data["role"],
            form.cleaned_data["municipality"],
        )
        invitations.send(request, invitation, token)
        messages.success(
            request, _("Inbjudan skickades till %(email)s.") % {"email": invitation.email}
        )
        return redirect("accounts:invitations")
    sent = permissions.invitations_visible_to(request.user).select_related(
        "municipality", "invited_by", "accepted_by"
    )[:200]
    return render(request, "accounts/invitations.html", {"form": form, "sent": sent})


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(permissions.invitations_visible_to(request.user), pk=pk)
    if not permissions.can_invite(request.user, invitation.role, invitation.municipality_id):
        raise PermissionDenied
    invitations.withdraw(invitation)
    messages.success(
        request, _("Inbjudan till %(email)s återkallades.") % {"email": invitation.email}
    )
    return redirect("accounts:invitations")


def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitations.find(token)
    if invitation is None:
        raise Http404(_("Ingen inbjudan har den här länken. Kontrollera att hela länken kom med."))
    problem = invitations.refusal(invitation)
    context: dict[str, object] = {"invitation": invitation, "problem": problem}
    if problem:
        return render(request, "accounts/accept_invitation.html", context, status=410)
    if request.user.is_authenticated:
        if request.method == "POST":
            return _accepted(request, invitation, request.user)
        return render(request, "accounts/accept_invitation.html", context)
    has_account = get_user_model().objects.filter(email__iexact=invitation.email).exists()
    form = NewAccountForm(invitation.email, request.POST or None)
    if not has_account and request.method == "POST" and form.is_valid():
        person = invitations.accept_with_new_account(
            invitation,
            form.cleaned_data["first_name"],
            form.cleaned_data["last_name"],
            form.cleaned_data["password2"],
        )
        sign_in(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Välkommen till Rådslag! Ditt konto är skapat."))
        return redirect("home")
    context.update({"form": form, "has_account": has_account})
    return render(request, "accounts/accept_invitation.html", context)


def _accepted(request: HttpRequest, invitation: object, person: object) -> HttpResponse:
    try:
        membership = invitations.accept(invitation, person)  # type: ignore[arg-type]
    except invitations.InvitationRefusedError as refused:
        return render(
            request,
            "accounts/accept_invitation.html",
            {"invitation": invitation, "problem": str(refused)},
            status=410,
        )
    messages.success(request, _("Du har nu rollen %(role)s.") % {"role": membership})
    return redirect("home")
