"""A person's data: everything Rådslag holds about them, exported or erased on request, and
the retention that removes what is no longer needed (GDPR articles 15, 17 and 5(1)(e)).

Erasure anonymises the account instead of deleting it: what the person did (a submitted
self-assessment, a reopening, a registered case) stays attributed to an account, now nameless,
so the municipalities' records keep their meaning. Everything that names the person goes: the
account's name and address, memberships, external identities, invitations to their address,
login records, sessions, a use case's contact address that is theirs, and their name and
address wherever the audit log quotes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from radslag.accounts.audit import summarised
from radslag.accounts.models import AuditEntry, ExternalIdentity, Invitation, Membership

ERASED = "[raderad]"
LOGIN_RECORDS = (AccessAttempt, AccessFailureLog, AccessLog)


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def _use_cases_with_address(email: str) -> models.QuerySet[Any]:
    from django.apps import apps

    cases: models.QuerySet[Any] = apps.get_model("register", "UseCase").objects.all()
    return cases.filter(contact_email__iexact=email) if email else cases.none()


def export(person: Any) -> dict[str, Any]:
    """Everything held about ``person``, as plain data for a JSON file."""
    email = person.email
    theirs = Q(invited_by=person) | Q(accepted_by=person)
    if email:
        theirs |= Q(email__iexact=email)
    invitations = Invitation.objects.filter(theirs).select_related("municipality")
    login_records = [
        {
            "tid": _when(entry.attempt_time),
            "slag": kind,
            "adress": entry.ip_address,
            "webblasare": entry.user_agent,
        }
        for kind, model in (("misslyckad", AccessAttempt), ("inloggning", AccessLog))
        for entry in model.objects.filter(username=person.username).order_by("attempt_time")
    ]
    return {
        "konto": {
            "anvandarnamn": person.username,
            "fornamn": person.first_name,
            "efternamn": person.last_name,
            "e_post": email,
            "skapat": _when(person.date_joined),
            "senast_inloggad": _when(person.last_login),
            "aktivt": person.is_active,
        },
        "roller": [
            {"roll": m.role, "kommun": m.municipality_id, "sedan": _when(m.created_at)}
            for m in Membership.objects.filter(person=person)
        ],
        "externa_identiteter": [
            {"utfardare": i.issuer, "identitet": i.subject, "senast_anvand": _when(i.last_used_at)}
            for i in ExternalIdentity.objects.filter(person=person)
        ],
        "inbjudningar": [
            {
                "e_post": i.email,
                "roll": i.role,
                "kommun": i.municipality_id,
                "skapad": _when(i.created_at),
                "status": i.state,
                "inbjuden_av_personen": i.invited_by_id == person.pk,
            }
            for i in invitations
        ],
        "inloggningar": login_records,
        "andringar": [
            {
                "tid": _when(e.at),
                "handelse": e.action,
                "slag": e.object_label,
                "id": e.object_id,
                "vad": e.object_repr,
            }
            for e in AuditEntry.objects.filter(actor=person).order_by("at")
        ],
        "kontaktadress_i_registret": [
            {"anvandningsfall": case.pk, "titel": case.title, "kontaktperson": case.contact_name}
            for case in _use_cases_with_address(email)
        ],
    }


@dataclass(frozen=True)
class Erasure:
    memberships: int
    invitations: int
    login_records: int
    sessions: int
    audit_entries: int
    use_cases: int


def _scrubbed(value: Any, names: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        for name in names:
            if name and name.lower() in value.lower():
                start = value.lower().index(name.lower())
                value = value[:start] + ERASED + value[start + len(name) :]
        return value
    if isinstance(value, dict):
        return {key: _scrubbed(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrubbed(item, names) for item in value]
    return value


def _scrub_audit_log(person: Any, names: tuple[str, ...]) -> int:
    quoting = Q(actor=person)
    for name in names:
        quoting |= (
            Q(before_text__icontains=name)
            | Q(after_text__icontains=name)
            | Q(object_repr__icontains=name)
            | Q(actor_name__icontains=name)
        )
    entries = AuditEntry.objects.annotate(
        before_text=Cast("before", TextField()), after_text=Cast("after", TextField())
    ).filter(quoting)
    count = 0
    for entry in entries:
        # The log refuses every change through the application; erasure at a person's request
        # is the one change the law requires, so it goes past that guard on purpose.
        models.QuerySet.update(
            AuditEntry.objects.filter(pk=entry.pk),
            actor_name=ERASED
            if entry.actor_id == person.pk
            else _scrubbed(entry.actor_name, names),
            object_repr=_scrubbed(entry.object_repr, names)[:200],
            before=_scrubbed(entry.before, names),
            after=_scrubbed(entry.after, names),
            note=_scrubbed(entry.note, names),
        )
        count += 1
    return count


def _end_sessions(person: Any) -> int:
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(person.pk):
            session.delete()
            ended += 1
    return ended


def erase(person: Any) -> Erasure:
    """Remove what names ``person`` and leave a nameless, inactive account behind."""
    email, username = person.email, person.username
    names = tuple(
        sorted(
            {n for n in (email, username, person.get_full_name()) if len(n) >= 3},
            key=len,
            reverse=True,
        )
    )
    with (
        transaction.atomic(),
        summarised("accounts.person", f"personuppgifter raderade: konto {person.pk}"),
    ):
        memberships, _ = Membership.objects.filter(person=person).delete()
        invitations = Invitation.objects.filter(email__iexact=email).delete()[0] if email else 0
        ExternalIdentity.objects.filter(person=person).delete()
        login_records = sum(
            model.objects.filter(username=username).delete()[0] for model in LOGIN_RECORDS
        )
        # A change like any other (update() skips auto_now), so whatever keeps what it read
        # of the register until a case changes (the next steps' peers) drops the address too.
        use_cases = _use_cases_with_address(email).update(
            contact_email="", contact_name="", updated_at=timezone.now()
        )
        sessions = _end_sessions(person)
        person.username = f"raderad-{person.pk}"
        person.email = person.first_name = person.last_name = ""
        person.is_active = person.is_staff = person.is_superuser = False
        person.set_unusable_password()
        person.save()
        audit_entries = _scrub_audit_log(person, names)
    return Erasure(memberships, invitations, login_records, sessions, audit_entries, use_cases)


@dataclass(frozen=True)
class Retention:
    invitations: int
    login_records: int
    sessions: int


def apply_retention(now: Any = None) -> Retention:
    """Delete finished invitations and login records older than the retention settings."""
    now = now or timezone.now()
    invitation_cutoff = now - timedelta(days=settings.RADSLAG_INVITATION_RETENTION_DAYS)
    login_cutoff = now - timedelta(days=settings.RADSLAG_LOGIN_RECORD_RETENTION_DAYS)
    finished = (
        Q(accepted_at__lt=invitation_cutoff)
        | Q(withdrawn_at__lt=invitation_cutoff)
        | Q(expires_at__lt=invitation_cutoff)
    )
    expired_invitations = Invitation.objects.filter(finished)
    old_login_records = [m.objects.filter(attempt_time__lt=login_cutoff) for m in LOGIN_RECORDS]
    with transaction.atomic():
        sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
        if not expired_invitations.exists() and not any(q.exists() for q in old_login_records):
            return Retention(0, 0, sessions)
        # One entry in the audit log for the whole clearing, not one per invitation.
        with summarised("accounts.invitation", "gallrat efter lagringstiden"):
            invitations, _ = expired_invitations.delete()
            login_records = sum(records.delete()[0] for records in old_login_records)
    return Retention(invitations, login_records, sessions)


def people() -> models.QuerySet[Any]:
    return get_user_model().objects.order_by("username")
