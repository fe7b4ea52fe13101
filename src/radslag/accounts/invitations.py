"""Invitations: created by a convener or a representative, sent by e-mail, taken once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from radslag.accounts.models import Invitation, Membership, Role
from radslag.core.secret_links import digest, new_secret
from radslag.municipalities.models import Municipality

VALID_DAYS = 14


class InvitationRefusedError(Exception):
    """The invitation cannot be taken; the message says why."""


def create(
    inviter: Any, email: str, role: Role, municipality: Municipality | None
) -> tuple[Invitation, str]:
    """A new invitation and its token, which exists only in the link sent."""
    token = new_secret()
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        role=role,
        municipality=municipality,
        token_hash=digest(token),
        invited_by=inviter,
        expires_at=timezone.now() + timedelta(days=VALID_DAYS),
    )
    return invitation, token


def send(request: HttpRequest, invitation: Invitation, token: str) -> None:
    link = request.build_absolute_uri(reverse("accounts:accept_invitation", args=[token]))
    context = {"invitation": invitation, "link": link, "days": VALID_DAYS}
    send_mail(
        subject=_("Inbjudan till Rådslag"),
        message=render_to_string("accounts/invitation_email.txt", context, request=request),
        from_email=None,
        recipient_list=[invitation.email],
    )


def find(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("municipality", "invited_by")
        .filter(token_hash=digest(token))
        .first()
    )


def refusal(invitation: Invitation) -> str | None:
    """Why the invitation cannot be taken, or None if it can."""
    state = invitation.state
    if state == Invitation.State.ACCEPTED:
        return _("Inbjudan har redan använts. En inbjudan gäller en gång.")
    if state == Invitation.State.WITHDRAWN:
        return _("Inbjudan har återkallats av den som skickade den.")
    if state == Invitation.State.EXPIRED:
        return _("Inbjudan gällde till %(date)s och har gått ut. Be om en ny.") % {
            "date": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d")
        }
    return None


@transaction.atomic
def accept(invitation: Invitation, person: Any) -> Membership:
    """Give ``person`` the invited role, once; a second taker is refused."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = refusal(locked)
    if problem:
        raise InvitationRefusedError(problem)
    membership, _created = Membership.objects.get_or_create(
        person=person,
        role=locked.role,
        municipality=locked.municipality,
        defaults={"created_by": locked.invited_by},
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = person
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def accept_with_new_account(
    invitation: Invitation, first_name: str, last_name: str, password: str
) -> Any:
    """Create the account the invitation is for and give it the role."""
    person = get_user_model().objects.create_user(
        username=invitation.email,
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    accept(invitation, person)
    return person


def withdraw(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
