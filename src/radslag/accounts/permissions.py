"""Who may do what: the one place views, forms, templates and the API ask.

Rights follow from memberships (:class:`radslag.accounts.models.Membership`): a convener
(samordnare) may do everything; a representative (kommunrepresentant) edits their
municipalities' use cases, needs, support and self-assessments and invites colleagues; a
municipal employee (medarbetare) may submit needs and support for their municipality; a council
member (rådsledamot) takes part in the council's work. Anyone reads what is published.
A superuser counts as a convener.

Objects are recognised by their model label and the field that names the municipality that
owns them, so this module imports no feature app and every app can import it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse

from radslag.accounts.models import Invitation, Membership, Role
from radslag.municipalities.models import Municipality

View = Callable[..., HttpResponse]

# The field naming the municipality an object belongs to, by model label.
OWNER_FIELD = {
    "register.usecase": "organisation_id",
    "needs.need": "municipality_id",
    "needs.support": "municipality_id",
    "maturity.assessment": "municipality_id",
}
# What an object that is not yet public is called, by model label and status field value.
UNPUBLISHED = {"register.usecase": ("status", "utkast"), "maturity.assessment": ("status", "draft")}


class Action(StrEnum):
    """What a person does to the platform as a whole rather than to one object."""

    MERGE_NEEDS = "merge_needs"
    RENAME_THEME = "rename_theme"
    COMPUTE_THEMES = "compute_themes"
    REOPEN_ASSESSMENT = "reopen_assessment"
    MANAGE_EMBEDDINGS = "manage_embeddings"
    READ_AUDIT_LOG = "read_audit_log"
    MANAGE_MEMBERSHIPS = "manage_memberships"
    IMPORT_REFERENCE_DATA = "import_reference_data"
    MANAGE_ROUNDS = "manage_rounds"
    MANAGE_PERSONAL_DATA = "manage_personal_data"
    MANAGE_INITIATIVES = "manage_initiatives"
    COMPOSE_COUNCIL = "compose_council"


class MunicipalAction(StrEnum):
    """What a person does for one municipality."""

    SUBMIT_NEED = "submit_need"
    SUPPORT_NEED = "support_need"
    REGISTER_CASE = "register_case"
    ANSWER_ASSESSMENT = "answer_assessment"
    INVITE_STAFF = "invite_staff"
    SHARE_ROUND_LINK = "share_round_link"
    JOIN_INITIATIVE = "join_initiative"
    APPROVE_INITIATIVES = "approve_initiatives"


# Which municipal roles may take each municipal action (conveners may take all).
MUNICIPAL_RIGHTS: dict[MunicipalAction, tuple[Role, ...]] = {
    MunicipalAction.SUBMIT_NEED: (Role.REPRESENTATIVE, Role.STAFF),
    MunicipalAction.SUPPORT_NEED: (Role.REPRESENTATIVE, Role.STAFF),
    MunicipalAction.REGISTER_CASE: (Role.REPRESENTATIVE,),
    MunicipalAction.ANSWER_ASSESSMENT: (Role.REPRESENTATIVE,),
    MunicipalAction.INVITE_STAFF: (Role.REPRESENTATIVE,),
    MunicipalAction.SHARE_ROUND_LINK: (Role.REPRESENTATIVE,),
    MunicipalAction.JOIN_INITIATIVE: (Role.REPRESENTATIVE,),
    MunicipalAction.APPROVE_INITIATIVES: (Role.REPRESENTATIVE,),
}


def memberships(user: Any) -> tuple[Membership, ...]:
    """The person's memberships, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    cached: tuple[Membership, ...] | None = getattr(user, "_radslag_memberships", None)
    if cached is None:
        cached = tuple(Membership.objects.filter(person=user))
        user._radslag_memberships = cached
    return cached


def is_convener(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or any(m.role == Role.CONVENER for m in memberships(user))


def is_council_member(user: Any) -> bool:
    return any(m.role == Role.COUNCIL_MEMBER for m in memberships(user))


def municipality_codes(user: Any, roles: Iterable[Role]) -> frozenset[str]:
    wanted = set(roles)
    return frozenset(
        str(m.municipality_id) for m in memberships(user) if m.role in wanted and m.municipality_id
    )


def may_act_for(user: Any, action: MunicipalAction, code: str | None) -> bool:
    if is_convener(user):
        return True
    return code is not None and code in municipality_codes(user, MUNICIPAL_RIGHTS[action])


def municipalities_for(user: Any, action: MunicipalAction) -> QuerySet[Municipality]:
    """The municipalities the person may take the action for: a form's choices."""
    if is_convener(user):
        return Municipality.objects.all()
    return Municipality.objects.filter(code__in=municipality_codes(user, MUNICIPAL_RIGHTS[action]))


def can(user: Any, action: Action) -> bool:
    return is_convener(user)


def can_invite(user: Any, role: str, code: str | None) -> bool:
    """A convener invites anyone to any role; a representative, colleagues as employees."""
    if is_convener(user):
        return True
    return role == Role.STAFF and may_act_for(user, MunicipalAction.INVITE_STAFF, code)


def may_invite_anyone(user: Any) -> bool:
    return is_convener(user) or bool(municipality_codes(user, (Role.REPRESENTATIVE,)))


def invitations_visible_to(user: Any) -> QuerySet[Invitation]:
    if is_convener(user):
        return Invitation.objects.all()
    codes = municipality_codes(user, (Role.REPRESENTATIVE,))
    return Invitation.objects.filter(municipality__in=codes, role=Role.STAFF)


def _owner(obj: Model) -> str | None:
    field = OWNER_FIELD.get(obj._meta.label_lower)
    value = getattr(obj, field, None) if field else None
    return None if value is None else str(value)


def can_edit(user: Any, obj: Model) -> bool:
    """May the person change (or delete) this object?"""
    label = obj._meta.label_lower
    if label not in OWNER_FIELD:
        return is_convener(user)
    if label == "maturity.assessment" and getattr(obj, "status", None) != "draft":
        return False  # a submitted assessment is reopened by a convener first
    if is_convener(user):
        return True
    # Editing what a municipality has said is the representative's, not every employee's.
    return _owner(obj) in municipality_codes(user, (Role.REPRESENTATIVE,))


def can_view(user: Any, obj: Model) -> bool:
    """Published objects are for everyone; a draft for those who may edit it."""
    unpublished = UNPUBLISHED.get(obj._meta.label_lower)
    if unpublished and getattr(obj, unpublished[0], None) == unpublished[1]:
        return can_edit(user, obj) or is_convener(user)
    return True


def editable(user: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The objects of a queryset the person may edit."""
    if is_convener(user):
        return queryset
    field = OWNER_FIELD.get(queryset.model._meta.label_lower)
    if field is None:
        return queryset.none()
    codes = municipality_codes(user, (Role.REPRESENTATIVE,))
    return queryset.filter(**{f"{field.removesuffix('_id')}__in": codes})


def require(allowed: bool) -> None:
    """Refuse the request (403) unless ``allowed``; views call it after ``login_required``,
    so a visitor is sent to sign in and a signed-in person without the right is told so."""
    if not allowed:
        raise PermissionDenied


def signed_in(view: View) -> View:
    """Send a visitor to the login page; the view then asks this module what the person may do.

    Django's ``staff_member_required`` would send both visitors and signed-in people to the
    admin's login, which tells a signed-in person nothing about why they cannot go on.
    """

    @wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded
