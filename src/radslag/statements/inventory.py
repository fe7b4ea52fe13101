"""Every kind of personal data Rådslag holds: what, why and for how long.

The privacy page is rendered from this list, and a test checks that every model field that
can hold personal data is named here, so a new one cannot be added without saying why it is
kept and for how long.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PersonalData:
    what: str | Promise
    fields: tuple[str, ...]  # "app_label.model.field", for the completeness test
    why: str | Promise
    kept: str | Promise
    seen_by: str | Promise


def inventory() -> tuple[PersonalData, ...]:
    invitation_days = settings.RADSLAG_INVITATION_RETENTION_DAYS
    login_days = settings.RADSLAG_LOGIN_RECORD_RETENTION_DAYS
    return (
        PersonalData(
            _(
                "Konto: användarnamn, namn, e-postadress, lösenord (bara som hashvärde), när "
                "kontot skapades och senast användes"
            ),
            (
                "auth.user.username",
                "auth.user.first_name",
                "auth.user.last_name",
                "auth.user.email",
                "auth.user.password",
                "auth.user.last_login",
                "auth.user.date_joined",
            ),
            _("För att du ska kunna logga in och för att andra ska se vem som gjort vad."),
            _(
                "Så länge kontot används. En samordnare raderar uppgifterna på din begäran; kontot "
                "blir då namnlöst."
            ),
            _("Du själv och samordnarna."),
        ),
        PersonalData(
            _("Roller: vilken roll du har och för vilken kommun, och vem som gav den"),
            ("accounts.membership.person", "accounts.membership.created_by"),
            _("För att avgöra vad du får göra i Rådslag."),
            _("Tills rollen upphör eller uppgifterna raderas."),
            _("Du själv och samordnarna."),
        ),
        PersonalData(
            _(
                "Identitet hos din kommuns identitetsleverantör (utfärdare och identitet) när du "
                "loggar in den vägen"
            ),
            (
                "accounts.externalidentity.person",
                "accounts.externalidentity.issuer",
                "accounts.externalidentity.subject",
                "accounts.externalidentity.last_used_at",
            ),
            _("För att känna igen dig nästa gång du loggar in, även om din e-postadress ändras."),
            _("Så länge kontot används."),
            _("Samordnarna."),
        ),
        PersonalData(
            _("API-nycklar: namnet du gav nyckeln, när den skapades och senast användes"),
            ("accounts.apitoken.person",),
            _(
                "För att ett program ska kunna skriva med dina rättigheter. Nyckeln sparas "
                "bara som ett kontrollvärde."
            ),
            _("Tills du återkallar den eller kontot stängs."),
            _("Du själv."),
        ),
        PersonalData(
            _("Inbjudningar: e-postadressen som bjöds in, vem som bjöd in och vem som tog emot"),
            (
                "accounts.invitation.email",
                "accounts.invitation.invited_by",
                "accounts.invitation.accepted_by",
            ),
            _("För att skicka inbjudan och kunna visa vem som bjöd in vem."),
            _("%(days)d dagar efter att inbjudan togs emot, återkallades eller gick ut.")
            % {"days": invitation_days},
            _("Den som bjöd in och samordnarna."),
        ),
        PersonalData(
            _("Inloggningsförsök och inloggningar: användarnamn, IP-adress, webbläsare och tid"),
            tuple(
                f"axes.{model}.{field}"
                for model in ("accessattempt", "accesslog", "accessfailurelog")
                for field in ("username", "ip_address", "user_agent")
            ),
            _("För att låsa ett konto efter sex fel lösenord i rad och upptäcka intrång."),
            _("%(days)d dagar.") % {"days": login_days},
            _("Samordnarna, vid behov."),
        ),
        PersonalData(
            _("Inloggningens sessionskaka"),
            ("sessions.session.session_data",),
            _("För att du ska förbli inloggad mellan sidorna."),
            _("Tills du loggar ut, högst två veckor."),
            _("Ingen; den läses bara av Rådslag."),
        ),
        PersonalData(
            _("Granskningsloggen: vem som skapade, ändrade eller tog bort vad, och när"),
            ("accounts.auditentry.actor", "accounts.auditentry.actor_name"),
            _(
                "En offentlig verksamhet måste kunna visa vem som ändrat vad i de uppgifter "
                "kommunerna lämnar."
            ),
            _(
                "Så länge uppgifterna finns. Raderas dina personuppgifter ersätts ditt namn och "
                "din adress i loggen."
            ),
            _("Samordnarna."),
        ),
        PersonalData(
            _("Vem som registrerade, skickade in, slog samman eller öppnade igen en uppgift"),
            (
                "register.usecase.created_by",
                "needs.need.created_by",
                "needs.merge.merged_by",
                "maturity.assessment.submitted_by",
                "maturity.reopening.reopened_by",
                "maturity.reopening.submitted_by",
                "admin.logentry.user",
                "initiatives.initiative.created_by",
                "initiatives.assumptionset.created_by",
                "initiatives.participation.declared_by",
                "initiatives.approval.approved_by",
            ),
            _("För att kunna följa upp en uppgift med den som lämnade den."),
            _(
                "Så länge uppgiften finns; kopplingen går till ett namnlöst konto om "
                "personuppgifterna raderas."
            ),
            _("Samordnarna."),
        ),
        PersonalData(
            _("Vem som skapade en av rådets omgångar eller en kommuns deltagarlänk"),
            (
                "council.round.created_by",
                "council.link.created_by",
                "council.composition.created_by",
                "council.composition.drawn_by",
            ),
            _("För att kunna visa vem som startade omgången och delade länken."),
            _("Så länge omgången finns."),
            _("Samordnarna."),
        ),
        PersonalData(
            _(
                "Röster i rådets omgångar: kommunen som länken hör till och ett nyckelat "
                "kontrollvärde av webbläsarens session, aldrig vem som röstade"
            ),
            ("council.pairvote.session_digest", "council.statementvote.session_digest"),
            _(
                "För att samma webbläsare inte ska kunna rösta två gånger på samma par. Värdet "
                "går inte att föra tillbaka till webbläsaren när sessionen har upphört."
            ),
            _("Så länge omgången finns."),
            _("Ingen."),
        ),
        PersonalData(
            _("En rådsledamots rangordning i en omgång"),
            ("council.ballot.person", "council.scoringsheet.person"),
            _(
                "För att ledamoten ska kunna ändra sin rangordning medan omgången är öppen. "
                "Resultatet visar bara alla ledamöters sammantaget."
            ),
            _("Så länge omgången finns."),
            _("Ingen; bara summan visas."),
        ),
        PersonalData(
            _("Vem som har en plats i rådet"),
            ("council.seat.holder",),
            _("Rådets ledamöter och de kommuner de företräder är offentliga."),
            _("Så länge personen har platsen."),
            _("Alla: rådets sida visar ledamöterna."),
        ),
        PersonalData(
            _("Kontaktuppgifter i registret över användningsfall"),
            ("register.usecase.contact_email", "register.usecase.contact_name"),
            _(
                "För att andra kommuner ska kunna fråga om ett användningsfall. Adressen ska vara "
                "en funktionsadress; en persons namn publiceras bara om personen har samtyckt, "
                "och samtycket sparas."
            ),
            _("Så länge användningsfallet är publicerat."),
            _("Alla: registret är öppna data."),
        ),
    )


def listed_fields() -> frozenset[str]:
    return frozenset(field for item in inventory() for field in item.fields)
