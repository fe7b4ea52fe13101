"""People's roles in Rådslag: each membership is one role, at a municipality where it has one.

A person signs in with Django's user account; what they may do follows from their memberships
alone (see :mod:`radslag.accounts.permissions`). ``is_staff`` only opens Django's admin.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from radslag.municipalities.models import Municipality


class Role(models.TextChoices):
    CONVENER = "samordnare", _("Samordnare")
    COUNCIL_MEMBER = "radsledamot", _("Rådsledamot")
    REPRESENTATIVE = "kommunrepresentant", _("Kommunrepresentant")
    STAFF = "medarbetare", _("Medarbetare")


# Roles that exist only at a municipality; a convener's role is national.
MUNICIPAL_ROLES = (Role.REPRESENTATIVE, Role.STAFF)


class Membership(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("kommun"),
        help_text=_("Kommunen personen företräder eller arbetar i; tom för samordnare."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )

    class Meta:
        verbose_name = _("roll")
        verbose_name_plural = _("roller")
        ordering = ["person", "role", "municipality"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "municipality"],
                condition=Q(municipality__isnull=False),
                name="one_membership_per_role_and_municipality",
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(municipality__isnull=True),
                name="one_national_membership_per_role",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=MUNICIPAL_ROLES) | Q(municipality__isnull=False),
                name="a_municipal_role_names_its_municipality",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.CONVENER) | Q(municipality__isnull=True),
                name="a_convener_is_national",
            ),
        ]

    def __str__(self) -> str:
        where = f" ({self.municipality})" if self.municipality_id else ""
        return f"{self.person} – {self.get_role_display()}{where}"


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """A single-use link by e-mail that gives its receiver a role, and an account if needed.

    Only the SHA-256 of the link's token is stored, so the table does not hold working links.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("väntar")
        ACCEPTED = "accepted", _("antagen")
        EXPIRED = "expired", _("för gammal")
        WITHDRAWN = "withdrawn", _("återkallad")

    email = models.EmailField(_("e-postadress"))
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("kommun"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("inbjuden av"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gäller till"))
    accepted_at = models.DateTimeField(_("antagen"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("antagen av"),
    )
    withdrawn_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role__in=MUNICIPAL_ROLES) | Q(municipality__isnull=False),
                name="an_invitation_to_a_municipal_role_names_its_municipality",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} – {self.get_role_display()}"

    @property
    def state(self) -> Invitation.State:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.withdrawn_at:
            return self.State.WITHDRAWN
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("the audit log cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log cannot be deleted from")


class AuditEntry(models.Model):
    """One recorded change: who, when, what, and the values before and after.

    Entries are only ever added: saving an existing entry, deleting one and the queryset's
    update and delete all raise, so no page, form or API can rewrite the history.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("skapad")
        UPDATE = "update", _("ändrad")
        DELETE = "delete", _("borttagen")
        MERGE = "merge", _("sammanslagen")
        IMPORT = "import", _("import")

    at = models.DateTimeField(_("tid"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("av"),
    )
    actor_name = models.CharField(_("av (namn)"), max_length=200, blank=True)
    action = models.CharField(_("händelse"), max_length=10, choices=Action.choices)
    object_label = models.CharField(_("slag"), max_length=100, db_index=True)
    object_id = models.CharField(_("id"), max_length=64, db_index=True)
    object_repr = models.CharField(_("vad"), max_length=200)
    before = models.JSONField(_("före"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)
    note = models.TextField(_("anteckning"), blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("granskningspost")
        verbose_name_plural = _("granskningsloggen")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_label", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("the audit log cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log cannot be deleted from")


class ExternalIdentity(models.Model):
    """A person as an identity provider knows them: its issuer and the subject it gives them.

    Signing in again through the same provider finds the account by this pair, whatever
    e-mail address the provider sends that day.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="external_identities",
        verbose_name=_("person"),
    )
    issuer = models.CharField(_("identitetsutfärdare"), max_length=300)
    subject = models.CharField(_("identitet hos utfärdaren"), max_length=300)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("senast använd"), null=True, blank=True)

    class Meta:
        verbose_name = _("extern identitet")
        verbose_name_plural = _("externa identiteter")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="one_account_per_identity")
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def live(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, person__is_active=True)


class ApiToken(models.Model):
    """A personal key to Rådslag's API, for a municipality that pushes its own register.

    Only a digest is stored; the key itself is shown once, when it is made. It acts with its
    owner's rights, and stops working when revoked or when the owner's account is closed.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("person"),
    )
    name = models.CharField(_("namn"), max_length=100)
    # The first characters, so the owner can tell keys apart without the key itself.
    prefix = models.CharField(_("början"), max_length=12, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("senast använd"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API-nyckel")
        verbose_name_plural = _("API-nycklar")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
