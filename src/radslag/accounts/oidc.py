"""Signing in through a municipality's own identity provider, by OpenID Connect.

Municipalities already run identity providers for their staff. Rådslag is a relying party
(mozilla-django-oidc does the protocol: state, nonce, PKCE, the signature of the ID token) and
reads who the person works for from the claims of the Swedish OpenID Connect profile
(https://www.oidc.se/specifications, "Claims and Scopes Specification"):
``https://id.oidc.se/claim/orgNumber``, ten digits, or else the part after ``@`` of
``https://id.oidc.se/claim/orgAffiliation``. The organisation number must be a municipality's
(`radslag import-organisation-numbers`); anyone else is refused with a message saying why.

A person signing in for the first time gets an account and the role *medarbetare* at their
municipality, the least that lets them contribute; a convener gives other roles by invitation.
An account invited earlier is found by its e-mail address and linked to the identity, so the
invited role is kept; afterwards the identity (issuer and subject) finds the account.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from radslag.accounts.audit import acting_as
from radslag.accounts.models import ExternalIdentity, Membership, Role
from radslag.municipalities.models import Municipality
from radslag.municipalities.organisation_numbers import is_organisation_number, normalised

ORG_SCOPE = "https://id.oidc.se/scope/naturalPersonOrgId"
ORG_NUMBER_CLAIM = "https://id.oidc.se/claim/orgNumber"
ORG_AFFILIATION_CLAIM = "https://id.oidc.se/claim/orgAffiliation"

# The request attribute through which the backend tells the callback page why it refused.
REFUSAL_ATTRIBUTE = "radslag_sign_in_refusal"


def oidc_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


class SignInRefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def organisation_number(claims: dict[str, Any]) -> str | None:
    number = claims.get(ORG_NUMBER_CLAIM)
    if not isinstance(number, str) or not number:
        affiliation = claims.get(ORG_AFFILIATION_CLAIM)
        if isinstance(affiliation, str) and "@" in affiliation:
            number = affiliation.rsplit("@", 1)[1]
    if not isinstance(number, str):
        return None
    number = normalised(number)
    return number if is_organisation_number(number) else None


def municipality_for(claims: dict[str, Any]) -> Municipality:
    number = organisation_number(claims)
    if number is None:
        raise SignInRefusedError(
            _(
                "Din identitetsleverantör uppgav inte vilken organisation du tillhör, så "
                "Rådslag kan inte veta vilken kommun du arbetar i. Be den som samordnar rådet "
                "om en inbjudan."
            )
        )
    municipality = Municipality.objects.filter(organisation_number=number).first()
    if municipality is None:
        raise SignInRefusedError(
            _(
                "Organisationen med organisationsnummer %(number)s är inte en kommun som "
                "Rådslag känner till. Rådslag är till för Sveriges kommuner; be den som "
                "samordnar rådet om en inbjudan om du ändå ska delta."
            )
            % {"number": f"{number[:6]}-{number[6:]}"}
        )
    return municipality


class MunicipalityOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    municipality: Municipality

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        if request is None or not oidc_enabled():
            return None
        return super().authenticate(request, **kwargs)

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        # The profile puts orgAffiliation in the ID token and the rest in userinfo; a userinfo
        # answer about another subject than the token's is not about this person at all.
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") not in (None, payload.get("sub")):
            raise SuspiciousOperation("The userinfo subject differs from the ID token's.")
        return {**payload, **userinfo}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        try:
            if not claims.get("iss") or not claims.get("sub"):
                raise SignInRefusedError(_("Identitetsleverantörens svar saknar en identitet."))
            if not claims.get("email"):
                raise SignInRefusedError(
                    _(
                        "Din identitetsleverantör uppgav ingen e-postadress, och Rådslag behöver "
                        "en för att kunna nå dig."
                    )
                )
            self.municipality = municipality_for(claims)
        except SignInRefusedError as refusal:
            setattr(self.request, REFUSAL_ATTRIBUTE, refusal.message)
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[Any]:
        user_model = get_user_model()
        identity = ExternalIdentity.objects.filter(
            issuer=claims["iss"], subject=claims["sub"]
        ).first()
        if identity is not None:
            return user_model.objects.filter(pk=identity.person_id)
        same_address = user_model.objects.filter(email__iexact=claims["email"])
        if same_address.count() > 1:
            setattr(
                self.request,
                REFUSAL_ATTRIBUTE,
                _(
                    "Flera konton i Rådslag har din e-postadress, så Rådslag vet inte vilket som "
                    "är ditt. Be den som samordnar rådet att slå ihop dem."
                ),
            )
        return same_address

    def create_user(self, claims: dict[str, Any]) -> Any:
        user_model = get_user_model()
        email = claims["email"].strip()
        with transaction.atomic(), acting_as(None, email):
            user = user_model.objects.create_user(
                username=_free_username(email),
                email=email,
                first_name=str(claims.get("given_name", ""))[:150],
                last_name=str(claims.get("family_name", ""))[:150],
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            self._link(user, claims)
        return user

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        with transaction.atomic(), acting_as(user):
            self._link(user, claims)
        return user

    def _link(self, user: Any, claims: dict[str, Any]) -> None:
        ExternalIdentity.objects.update_or_create(
            issuer=claims["iss"],
            subject=claims["sub"],
            defaults={"person": user, "last_used_at": timezone.now()},
        )
        if not Membership.objects.filter(person=user, municipality=self.municipality).exists():
            Membership.objects.create(person=user, role=Role.STAFF, municipality=self.municipality)


def _free_username(email: str) -> str:
    user_model = get_user_model()
    base = email.lower()[:140]
    candidate, suffix = base, 1
    while user_model.objects.filter(username=candidate).exists():
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate
