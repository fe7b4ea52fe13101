"""The EU AI Act risk class of a use case, from a transparent questionnaire.

Regulation (EU) 2024/1689. The questions are data; ``classify`` is the one function that turns
answers into a class, the steps that led to it and the obligations of the municipality as
deployer, each with the date it applies from (art. 113). Nothing here touches the database.

The questionnaire covers what a municipality meets: the prohibited practices of art. 5, the
points of Annex III that municipal services fall under (biometrics, critical infrastructure,
education, employment, public benefits, emergency calls), the exemptions of art. 6(3) with
the profiling rule that overrides them, and the transparency duties of art. 50. Annex III
points 6–8 (law enforcement, migration, justice and elections) are not asked: they are not
municipal tasks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Art. 113: the regulation applies from 2 August 2026; chapters I and II (definitions, AI
# literacy in art. 4, the prohibitions of art. 5) already from 2 February 2025.
PROHIBITIONS_APPLY = date(2025, 2, 2)
GENERAL_APPLICATION = date(2026, 8, 2)


class RiskClass(TextChoices):
    PROHIBITED = "forbjuden", _("Förbjuden AI-praktik")
    HIGH = "hog", _("Hög risk")
    TRANSPARENCY = "transparens", _("Transparenskrav")
    MINIMAL = "minimal", _("Minimal risk")


class Group(StrEnum):
    PROHIBITED = "forbjuden"
    HIGH_RISK = "hogrisk"
    EXEMPTION = "undantag"
    PROFILING = "profilering"
    TRANSPARENCY = "transparens"


@dataclass(frozen=True)
class Question:
    key: str
    group: Group
    reference: str | Promise
    text: str | Promise


@dataclass(frozen=True)
class Obligation:
    key: str
    reference: str | Promise
    text: str | Promise
    applies_from: date


@dataclass(frozen=True)
class Step:
    """One line of the reasoning: which answer (or absence of answers) did what."""

    reference: str | Promise
    text: str | Promise
    question: Question | None = None


@dataclass(frozen=True)
class Classification:
    risk_class: RiskClass
    steps: tuple[Step, ...]
    obligations: tuple[Obligation, ...]


def _q(key: str, group: Group, reference: str | Promise, text: str | Promise) -> Question:
    return Question(key, group, reference, text)


QUESTIONS: tuple[Question, ...] = (
    # Art. 5(1): practices that are prohibited outright.
    _q(
        "manipulation",
        Group.PROHIBITED,
        _("art. 5.1 a"),
        _(
            "Använder systemet undermedvetna, manipulativa eller vilseledande tekniker som "
            "väsentligt snedvrider människors beteende och kan orsaka betydande skada?"
        ),
    ),
    _q(
        "utnyttjar_sarbarhet",
        Group.PROHIBITED,
        _("art. 5.1 b"),
        _(
            "Utnyttjar systemet människors sårbarhet på grund av ålder, funktionsnedsättning "
            "eller social eller ekonomisk situation, så att deras beteende snedvrids och de kan "
            "ta betydande skada?"
        ),
    ),
    _q(
        "social_poangsattning",
        Group.PROHIBITED,
        _("art. 5.1 c"),
        _(
            "Poängsätter systemet människor utifrån socialt beteende eller personliga "
            "egenskaper, så att de behandlas sämre i sammanhang som inte hör ihop med uppgifterna "
            "eller på ett omotiverat eller oproportionerligt sätt (social poängsättning)?"
        ),
    ),
    _q(
        "brottsprognos",
        Group.PROHIBITED,
        _("art. 5.1 d"),
        _(
            "Bedömer systemet risken att en person begår brott enbart utifrån profilering "
            "eller personlighetsdrag?"
        ),
    ),
    _q(
        "ansiktsdatabas",
        Group.PROHIBITED,
        _("art. 5.1 e"),
        _(
            "Bygger systemet upp databaser för ansiktsigenkänning genom oriktad insamling av "
            "ansiktsbilder från internet eller kameraövervakning?"
        ),
    ),
    _q(
        "kanslor_arbete_skola",
        Group.PROHIBITED,
        _("art. 5.1 f"),
        _(
            "Tolkar systemet människors känslor på arbetsplatsen eller i skolan, av andra skäl "
            "än medicinska eller säkerhetsskäl?"
        ),
    ),
    _q(
        "biometrisk_kategorisering",
        Group.PROHIBITED,
        _("art. 5.1 g"),
        _(
            "Kategoriserar systemet människor utifrån biometriska uppgifter för att sluta sig "
            "till etniskt ursprung, politiska åsikter, fackligt medlemskap, religion, sexualliv "
            "eller sexuell läggning?"
        ),
    ),
    _q(
        "realtid_biometri",
        Group.PROHIBITED,
        _("art. 5.1 h"),
        _(
            "Identifierar systemet människor biometriskt, i realtid och på distans, på allmän "
            "plats i brottsbekämpande syfte?"
        ),
    ),
    # Annex III: the high-risk areas (art. 6(2)) that municipal services fall under.
    _q(
        "biometri",
        Group.HIGH_RISK,
        _("bilaga III punkt 1"),
        _(
            "Används systemet för biometrisk identifiering på distans, biometrisk "
            "kategorisering eller känsloigenkänning (utanför arbetsplats och skola)?"
        ),
    ),
    _q(
        "kritisk_infrastruktur",
        Group.HIGH_RISK,
        _("bilaga III punkt 2"),
        _(
            "Är systemet en säkerhetskomponent i styrningen eller driften av kritisk "
            "infrastruktur: vägtrafik, vatten, gas, värme, el eller kritisk digital "
            "infrastruktur?"
        ),
    ),
    _q(
        "utbildning_antagning",
        Group.HIGH_RISK,
        _("bilaga III punkt 3 a"),
        _(
            "Avgör systemet tillträde eller antagning till utbildning, eller placerar det "
            "barn och elever i förskolor och skolor?"
        ),
    ),
    _q(
        "utbildning_bedomning",
        Group.HIGH_RISK,
        _("bilaga III punkt 3 b–c"),
        _(
            "Bedömer systemet elevers studieresultat, styr det deras lärande eller avgör det "
            "vilken utbildningsnivå en elev ska få?"
        ),
    ),
    _q(
        "provovervakning",
        Group.HIGH_RISK,
        _("bilaga III punkt 3 d"),
        _("Övervakar systemet elever för att upptäcka otillåtet beteende vid prov?"),
    ),
    _q(
        "rekrytering",
        Group.HIGH_RISK,
        _("bilaga III punkt 4 a"),
        _(
            "Används systemet vid rekrytering: för att rikta platsannonser, sålla ansökningar "
            "eller bedöma sökande?"
        ),
    ),
    _q(
        "arbetsledning",
        Group.HIGH_RISK,
        _("bilaga III punkt 4 b"),
        _(
            "Fattar eller stöder systemet beslut om anställningsvillkor, befordran eller "
            "uppsägning, fördelar det arbetsuppgifter utifrån anställdas beteende eller "
            "egenskaper, eller övervakar och bedömer det deras prestationer?"
        ),
    ),
    _q(
        "offentliga_formaner",
        Group.HIGH_RISK,
        _("bilaga III punkt 5 a"),
        _(
            "Bedömer systemet om människor har rätt till offentliga förmåner och tjänster "
            "(till exempel ekonomiskt bistånd, bistånd enligt socialtjänstlagen eller vård), "
            "eller beviljar, minskar, drar in eller återkräver sådana?"
        ),
    ),
    _q(
        "nodsamtal",
        Group.HIGH_RISK,
        _("bilaga III punkt 5 d"),
        _(
            "Bedömer eller sorterar systemet nödsamtal, prioriterar det utryckningar av polis, "
            "räddningstjänst eller ambulans, eller triagerar det patienter i akut vård?"
        ),
    ),
    # Art. 6(3): an Annex III system that only does one of these is not high-risk ...
    _q(
        "snav_uppgift",
        Group.EXEMPTION,
        _("art. 6.3 a"),
        _(
            "Utför systemet bara en snäv processuell uppgift, till exempel att sortera inkomna "
            "handlingar efter typ?"
        ),
    ),
    _q(
        "forbattrar_manskligt_arbete",
        Group.EXEMPTION,
        _("art. 6.3 b"),
        _(
            "Förbättrar systemet bara resultatet av ett redan avslutat mänskligt arbete, till "
            "exempel genom att språkgranska ett färdigt beslut?"
        ),
    ),
    _q(
        "upptacker_monster",
        Group.EXEMPTION,
        _("art. 6.3 c"),
        _(
            "Upptäcker systemet bara beslutsmönster eller avvikelser från tidigare mönster, "
            "utan att ersätta eller påverka den mänskliga bedömningen utan ordentlig mänsklig "
            "granskning?"
        ),
    ),
    _q(
        "forberedande",
        Group.EXEMPTION,
        _("art. 6.3 d"),
        _(
            "Utför systemet bara en förberedande uppgift inför en bedömning, till exempel att "
            "sammanställa underlag?"
        ),
    ),
    # ... unless it profiles people: then it is always high-risk (art. 6(3), last subparagraph).
    _q(
        "profilering",
        Group.PROFILING,
        _("art. 6.3 fjärde stycket"),
        _(
            "Profilerar systemet människor, det vill säga bedömer det automatiskt personliga "
            "egenskaper som arbetsprestation, ekonomi, hälsa, beteende eller vistelseort?"
        ),
    ),
    # Art. 50: transparency.
    _q(
        "interagerar",
        Group.TRANSPARENCY,
        _("art. 50.1"),
        _("Samtalar systemet direkt med människor, till exempel som chattbot eller röstassistent?"),
    ),
    _q(
        "genererar_innehall",
        Group.TRANSPARENCY,
        _("art. 50.2 och 50.4"),
        _("Skapar systemet text, bild, ljud eller video som publiceras eller visas för människor?"),
    ),
)

QUESTIONS_BY_KEY = {question.key: question for question in QUESTIONS}

GROUP_TITLES: dict[Group, str | Promise] = {
    Group.PROHIBITED: _("Förbjudna AI-praktiker (art. 5)"),
    Group.HIGH_RISK: _("Högriskområden (bilaga III)"),
    Group.EXEMPTION: _("Undantag från hög risk (art. 6.3)"),
    Group.PROFILING: _("Profilering"),
    Group.TRANSPARENCY: _("Transparens (art. 50)"),
}


def questions_in(group: Group) -> tuple[Question, ...]:
    return tuple(question for question in QUESTIONS if question.group == group)


def _o(key: str, reference: str | Promise, text: str | Promise, applies_from: date) -> Obligation:
    return Obligation(key, reference, text, applies_from)


STOP_USE = _o(
    "art5",
    _("art. 5"),
    _("Förbjuden AI-praktik: systemet får inte användas."),
    PROHIBITIONS_APPLY,
)
AI_LITERACY = _o(
    "art4",
    _("art. 4"),
    _("AI-kunnighet: de som använder systemet ska ha tillräcklig kunskap om AI."),
    PROHIBITIONS_APPLY,
)
DEPLOYER_DUTIES = _o(
    "art26",
    _("art. 26"),
    _(
        "Användarens skyldigheter: använd systemet enligt bruksanvisningen, låt kompetenta "
        "personer utöva mänsklig tillsyn, se till att indata är relevanta, övervaka driften och "
        "rapportera allvarliga incidenter, spara loggarna i minst sex månader och informera dem "
        "som berörs av beslut."
    ),
    GENERAL_APPLICATION,
)
INFORM_WORKERS = _o(
    "art26.7",
    _("art. 26.7"),
    _(
        "Informera arbetstagarnas företrädare och de anställda som berörs innan systemet tas "
        "i bruk på arbetsplatsen."
    ),
    GENERAL_APPLICATION,
)
FRIA = _o(
    "art27",
    _("art. 27"),
    _(
        "Konsekvensbedömning avseende grundläggande rättigheter (FRIA) innan systemet tas i "
        "bruk, och anmälan av resultatet till marknadskontrollmyndigheten."
    ),
    GENERAL_APPLICATION,
)
REGISTRATION = _o(
    "art49",
    _("art. 49.3"),
    _(
        "Registrering: som offentlig myndighet registrerar kommunen användningen i EU:s "
        "databas innan systemet tas i bruk."
    ),
    GENERAL_APPLICATION,
)
EXPLANATION = _o(
    "art86",
    _("art. 86"),
    _(
        "Rätt till förklaring: den som berörs av ett beslut som bygger på systemets resultat "
        "har rätt till en tydlig förklaring."
    ),
    GENERAL_APPLICATION,
)
DOCUMENT_EXEMPTION = _o(
    "art6.4",
    _("art. 6.4 och 49.2"),
    _(
        "Bedömningen att systemet inte är högrisk ska dokumenteras och systemet registreras i "
        "EU:s databas av leverantören; begär dokumentationen och spara den."
    ),
    GENERAL_APPLICATION,
)
DISCLOSE_INTERACTION = _o(
    "art50.1",
    _("art. 50.1"),
    _("Människor ska få veta att de samtalar med ett AI-system."),
    GENERAL_APPLICATION,
)
LABEL_CONTENT = _o(
    "art50.4",
    _("art. 50.2 och 50.4"),
    _(
        "AI-genererat innehåll ska vara märkt; text som publiceras för att informera "
        "allmänheten ska anges vara AI-genererad, om inte en människa granskat den och "
        "ansvarar för den."
    ),
    GENERAL_APPLICATION,
)

# Annex III point 2 (critical infrastructure) is outside art. 27, 49.3 and 86.
_OUTSIDE_FRIA = {"kritisk_infrastruktur"}
_WORKPLACE = {"rekrytering", "arbetsledning"}
_TRANSPARENCY_DUTIES = {"interagerar": DISCLOSE_INTERACTION, "genererar_innehall": LABEL_CONTENT}


def _yes(answers: Mapping[str, object], group: Group) -> list[Question]:
    # Only a literal True counts: answers come from JSON, where "false" or 0 must not tip
    # a case into a stricter class.
    return [question for question in questions_in(group) if answers.get(question.key) is True]


def classify(answers: Mapping[str, object]) -> Classification:
    """The risk class, the reasoning that led to it and the deployer's obligations."""
    prohibited = _yes(answers, Group.PROHIBITED)
    if prohibited:
        steps = tuple(
            Step(q.reference, _("Förbjuden AI-praktik enligt art. 5."), q) for q in prohibited
        )
        return Classification(RiskClass.PROHIBITED, steps, (STOP_USE,))

    steps_list: list[Step] = []
    obligations: list[Obligation] = [AI_LITERACY]
    high_risk = False
    annex = _yes(answers, Group.HIGH_RISK)
    if annex:
        steps_list.extend(
            Step(q.reference, _("Området finns i bilaga III och är högrisk."), q) for q in annex
        )
        exemptions = _yes(answers, Group.EXEMPTION)
        profiling = _yes(answers, Group.PROFILING)
        if exemptions and profiling:
            steps_list.append(
                Step(
                    profiling[0].reference,
                    _("Systemet profilerar människor, så undantagen i art. 6.3 gäller inte."),
                    profiling[0],
                )
            )
            high_risk = True
        elif exemptions:
            steps_list.extend(
                Step(
                    q.reference,
                    _("Undantaget gäller: systemet är inte högrisk trots bilaga III."),
                    q,
                )
                for q in exemptions
            )
            obligations.append(DOCUMENT_EXEMPTION)
        else:
            high_risk = True
    if high_risk:
        annex_keys = {q.key for q in annex}
        obligations.append(DEPLOYER_DUTIES)
        if annex_keys & _WORKPLACE:
            obligations.append(INFORM_WORKERS)
        if annex_keys - _OUTSIDE_FRIA:
            obligations.extend([FRIA, REGISTRATION, EXPLANATION])

    transparency = _yes(answers, Group.TRANSPARENCY)
    steps_list.extend(
        Step(q.reference, _("Transparenskrav enligt art. 50."), q) for q in transparency
    )
    obligations.extend(_TRANSPARENCY_DUTIES[q.key] for q in transparency)

    if high_risk:
        risk_class = RiskClass.HIGH
    elif transparency:
        risk_class = RiskClass.TRANSPARENCY
    else:
        risk_class = RiskClass.MINIMAL
        if not annex:
            steps_list.append(
                Step(
                    _("art. 95"),
                    _(
                        "Inget svar pekar på förbjuden praktik, hög risk eller transparenskrav; "
                        "frivilliga uppförandekoder kan tillämpas."
                    ),
                )
            )
    return Classification(risk_class, tuple(steps_list), tuple(obligations))


def clean_answers(answers: Mapping[str, object]) -> dict[str, bool]:
    """The answers to store: every question once, as true or false, unknown keys dropped."""
    return {question.key: answers.get(question.key) is True for question in QUESTIONS}
