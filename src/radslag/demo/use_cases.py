"""Plausible example AI use cases of Swedish municipalities for demonstration ("exempeldata").

Nothing here touches the database: :func:`simulate` turns municipalities' names and
populations and a random generator into use cases; ``radslag demo-use-cases`` stores them
with the source "exempel", and every page that shows one says that it is example data.

The cases are drawn from a catalogue of archetypes (:data:`ARCHETYPES`): things Swedish
municipalities do with AI, each with its texts, technique, personal data, oversight and the
answers to the EU AI Act questionnaire that the register classifies. The catalogue's texts
are example content, like imported cases' texts, and are not translated.

How the cases are spread, so that the example register looks like a real one:

- about half of the municipalities have cases; the chance of being among them grows with
  population (a municipality ten times larger weighs about seven times as much in the draw),
  and so does the number of cases each has, 1 to 8;
- which archetypes a municipality has is drawn by how common each is: chatbots, internal
  AI assistants and speech recognition often, high-risk profiling rarely;
- larger municipalities have more cases in production and fewer ideas; generative AI started
  in 2023 and leans towards pilots; some high-risk archetypes are never in production;
- dates follow the stage: an idea has none, a case in production always has a start date,
  a retired one has both, and no date is earlier than 2019 or later than ``until``, except
  the planned end of a pilot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np
from django.utils.text import slugify

from radslag.core.areas import Area
from radslag.register import aiact
from radslag.register.choices import Benefit, Cofog, PersonalData, Stage, Technique

EARLIEST_START = date(2019, 1, 1)
DEFAULT_COUNT = 150
MAX_CASES = 8

# Population is measured as in the maturity simulation: a median municipality has about
# 16 000 inhabitants (10 ** 4.2) and log10 population spreads by about 0.45.
_LOG_POPULATION_CENTRE = 4.2
_LOG_POPULATION_SCALE = 0.45
# Weight of being drawn, per standardised size: exp(0.9 * size) makes a municipality ten
# times larger (size + 2.2) about seven times as likely.
_SELECTION_SIZE_EFFECT = 0.9
# Cases per drawn municipality: 1 + Poisson(exp(a + b * size)), at most MAX_CASES.
_CASES_BASE = 0.2
_CASES_SIZE_EFFECT = 0.5

STAGES = (Stage.IDEA, Stage.PRESTUDY, Stage.PILOT, Stage.IN_PRODUCTION, Stage.RETIRED)
# Log-odds of each stage for a median municipality and their change per standardised size:
# a median one has about 38 % in production, one of 200 000 inhabitants about 70 %.
_STAGE_BASE = np.array([-0.3, 0.1, 0.5, 0.8, -1.6])
_STAGE_SIZE_EFFECT = np.array([-0.35, -0.2, 0.0, 0.45, 0.1])
# Generative AI has been within reach since 2023: fewer of those cases are in production yet.
_RECENT_YEAR = 2023
_RECENT_IN_PRODUCTION_SHIFT = -0.6

_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_CONTACT_MAILBOXES = ("ai", "digitalisering", "innovation")
_RETIREMENT_REASONS = (
    "Lösningen avvecklades när avtalet löpte ut; behovet ska tas med i en ny upphandling.",
    "Lösningen avvecklades eftersom nyttan inte motsvarade kostnaden.",
    "Funktionen ingår nu i verksamhetssystemet, så den separata lösningen avvecklades.",
    "Lösningen avvecklades efter att leverantören slutat utveckla produkten.",
)

_COFOG_OF_AREA: Mapping[Area, Cofog] = {
    Area.PRESCHOOL_AND_SCHOOL: Cofog.EDUCATION,
    Area.ELDERLY_CARE: Cofog.SOCIAL_PROTECTION,
    Area.DISABILITY_SUPPORT: Cofog.SOCIAL_PROTECTION,
    Area.SOCIAL_SERVICES: Cofog.SOCIAL_PROTECTION,
    Area.FINANCIAL_ASSISTANCE: Cofog.SOCIAL_PROTECTION,
    Area.HEALTH_CARE: Cofog.HEALTH,
    Area.PLANNING_AND_ENVIRONMENT: Cofog.HOUSING,
    Area.INFRASTRUCTURE: Cofog.HOUSING,
    Area.CULTURE_AND_LEISURE: Cofog.RECREATION,
    Area.CITIZEN_SERVICE: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.HR_AND_FINANCE: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.CASE_MANAGEMENT: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.IT_AND_SECURITY: Cofog.GENERAL_PUBLIC_SERVICES,
    Area.LABOUR_AND_INTEGRATION: Cofog.ECONOMIC_AFFAIRS,
}


@dataclass(frozen=True)
class Archetype:
    """One kind of use case, with everything a registration of it says."""

    key: str
    area: Area
    titles: tuple[str, ...]
    summary: str
    description: str
    goal: str
    technique: Technique
    ai_subdomain: str
    personal_data: PersonalData
    data_sources: str
    legal_basis: str
    organisations: tuple[str, ...]
    suppliers: tuple[str, ...]
    benefits: tuple[Benefit, ...]
    human_oversight: str
    appeal: str
    risks: str
    # The questionnaire's keys answered yes; every other question is answered no.
    aiact_yes: frozenset[str]
    effect_time: str
    effect_cost: str
    effect_quality: str
    effect_method: str
    keywords: tuple[str, ...]
    # How common the archetype is relative to others (1 is typical).
    weight: float = 1.0
    earliest_year: int = EARLIEST_START.year
    # The stages a case may be in; a high-risk idea that no municipality runs yet is left
    # out of production.
    stages: tuple[Stage, ...] = STAGES
    cofog: Cofog | None = None

    def aiact_answers(self) -> dict[str, bool]:
        """Every question of the questionnaire answered, as a registration stores it."""
        return aiact.clean_answers(dict.fromkeys(self.aiact_yes, True))


@dataclass(frozen=True)
class MunicipalityFacts:
    code: str
    name: str
    population: float | None


@dataclass(frozen=True)
class SimulatedUseCase:
    code: str  # the municipality
    archetype: str
    title: str
    summary: str
    description: str
    goal: str
    area: Area
    cofog: Cofog
    technique: Technique
    ai_subdomain: str
    keywords: str
    supplier: str
    organisation_name: str
    contact_email: str
    stage: Stage
    start_date: date | None
    end_date: date | None
    data_sources: str
    personal_data: PersonalData
    legal_basis: str
    human_oversight: str
    appeal: str
    risks: str
    dpia_done: bool
    dpia_date: date | None
    fria_done: bool
    fria_date: date | None
    aiact_yes: frozenset[str]
    benefits: tuple[str, ...]
    effect_time: str
    effect_cost: str
    effect_quality: str
    effect_method: str
    effect_evaluated: bool
    last_reviewed: date

    def aiact_answers(self) -> dict[str, bool]:
        return aiact.clean_answers(dict.fromkeys(self.aiact_yes, True))


_ELDERLY_CARE = (
    "Vård- och omsorgsförvaltningen",
    "Socialförvaltningen",
    "Omsorgsförvaltningen",
    "Äldreförvaltningen",
)
_SOCIAL = (
    "Socialförvaltningen",
    "Individ- och familjeomsorgen, socialförvaltningen",
    "Social- och arbetsmarknadsförvaltningen",
)
_DISABILITY = ("Socialförvaltningen", "Omsorgsförvaltningen", "Funktionsstödsförvaltningen")
_HEALTH = (
    "Vård- och omsorgsförvaltningen",
    "Hälso- och sjukvårdsenheten, socialförvaltningen",
    "Omsorgsförvaltningen",
)
_SCHOOL = (
    "Utbildningsförvaltningen",
    "Barn- och utbildningsförvaltningen",
    "Bildningsförvaltningen",
)
_LABOUR = (
    "Arbetsmarknadsförvaltningen",
    "Social- och arbetsmarknadsförvaltningen",
    "Arbetsmarknads- och vuxenutbildningsförvaltningen",
)
_PLANNING = (
    "Samhällsbyggnadsförvaltningen",
    "Stadsbyggnadsförvaltningen",
    "Miljö- och byggförvaltningen",
)
_TECHNICAL = (
    "Tekniska förvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Teknik- och fastighetsförvaltningen",
)
_WATER = ("VA-avdelningen, tekniska förvaltningen", "Tekniska förvaltningen", "Kommunens VA-bolag")
_CULTURE = ("Kultur- och fritidsförvaltningen", "Kulturförvaltningen", "Bildningsförvaltningen")
_CENTRAL = ("Kommunledningskontoret", "Kommunstyrelsens förvaltning")
_CONTACT_CENTRE = (
    "Kontaktcenter, kommunledningskontoret",
    "Medborgarservice",
    "Kommunikationsavdelningen",
)
_FINANCE = (
    "Ekonomiavdelningen, kommunledningskontoret",
    "Kommunstyrelsens förvaltning",
    "Servicekontoret",
)
_HR = ("HR-avdelningen, kommunledningskontoret", "Kommunstyrelsens förvaltning")
_IT = ("IT-avdelningen", "Digitaliserings- och IT-enheten", "Kommunledningskontoret")
_ARCHIVE = ("Kommunarkivet", "Kommunledningskontoret")

_PROCURED = "Upphandlad leverantör"
_SYSTEM_VENDOR = "Leverantören av verksamhetssystemet"
_IN_HOUSE = "Egen utveckling i kommunens IT-enhet"
_JOINT = "Gemensam upphandling med grannkommunerna"
_CLOUD_EU = "Upphandlad molntjänst med behandling inom EU"

# Annex III exemptions and the questions behind them, spelled once.
_BENEFITS_Q = "offentliga_formaner"
_PREPARATORY = "forberedande"
_PROFILING = "profilering"
_CHAT = "interagerar"
_GENERATES = "genererar_innehall"
_NO_PRODUCTION = (Stage.IDEA, Stage.PRESTUDY, Stage.PILOT, Stage.RETIRED)

ARCHETYPES: tuple[Archetype, ...] = (
    # Äldreomsorg
    Archetype(
        key="taligenkanning-hemtjanst",
        area=Area.ELDERLY_CARE,
        titles=(
            "Taligenkänning för social dokumentation i hemtjänsten",
            "Tal till text för dokumentation i äldreomsorgen",
            "Röststyrd dokumentation i hemtjänsten",
        ),
        summary=(
            "Medarbetare i hemtjänsten talar in sina anteckningar i tjänstetelefonen. Tjänsten "
            "gör om talet till text som medarbetaren läser, rättar och sparar i "
            "verksamhetssystemet."
        ),
        description=(
            "Den sociala dokumentationen tar en stor del av arbetstiden i hemtjänsten, och många "
            "medarbetare har svenska som andraspråk. Med taligenkänning kan anteckningarna göras "
            "direkt efter besöket. Texten förs inte över automatiskt: medarbetaren granskar den "
            "och sparar den själv."
        ),
        goal=(
            "Frigöra tid för brukarna, få dokumentationen gjord i nära anslutning till besöket "
            "och göra det lättare för medarbetare med läs- och skrivsvårigheter eller annat "
            "modersmål att dokumentera."
        ),
        technique=Technique.SPEECH_TO_TEXT,
        ai_subdomain="Automatisk taligenkänning",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Medarbetarens inspelade tal. Ljudet raderas när texten har skapats.",
        legal_basis=(
            "Socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten; "
            "personuppgiftsbiträdesavtal med leverantören."
        ),
        organisations=_ELDERLY_CARE,
        suppliers=(_PROCURED, _SYSTEM_VENDOR, _CLOUD_EU),
        benefits=(
            Benefit.EFFICIENT_SERVICE,
            Benefit.ADMINISTRATIVE_EFFICIENCY,
            Benefit.INFORMATION_QUALITY,
        ),
        human_oversight=(
            "Medarbetaren granskar och rättar varje text innan den sparas. Ingenting förs in i "
            "dokumentationen automatiskt."
        ),
        appeal=(
            "Tjänsten fattar inga beslut. Den enskilde kan som vanligt begära att felaktiga "
            "uppgifter i dokumentationen rättas."
        ),
        risks=(
            "Fel tolkat tal, särskilt namn och läkemedel, kan ge fel i dokumentationen. "
            "Åtgärder: granskning före sparande, behandling inom EU/EES, ljudet raderas direkt "
            "och medarbetarna utbildas."
        ),
        aiact_yes=frozenset(),
        effect_time="Omkring 15–20 minuter per medarbetare och arbetspass.",
        effect_cost="Licenskostnaden vägs upp av frigjord tid redan vid måttlig användning.",
        effect_quality="Anteckningarna görs oftare samma dag och blir mer utförliga.",
        effect_method="Tidsstudie före och efter i två arbetsgrupper och enkät till medarbetarna.",
        keywords=(
            "taligenkänning",
            "tal till text",
            "social dokumentation",
            "hemtjänst",
            "äldreomsorg",
        ),
        weight=2.5,
        earliest_year=2020,
    ),
    Archetype(
        key="schemaoptimering-hemtjanst",
        area=Area.ELDERLY_CARE,
        titles=(
            "Schemaoptimering i hemtjänsten",
            "AI-stöd för planering av hemtjänstens besök",
            "Optimerad schema- och ruttplanering i hemtjänsten",
        ),
        summary=(
            "Ett planeringsverktyg föreslår scheman och körvägar för hemtjänstens besök utifrån "
            "beviljade insatser, brukarnas önskemål, kompetens och restider. Planeraren justerar "
            "och fastställer schemat."
        ),
        description=(
            "Besöken i hemtjänsten planeras varje dag, och planeringen avgör både kontinuiteten "
            "för brukarna och arbetsmiljön för medarbetarna. Verktyget tar hänsyn till "
            "tidsfönster, dubbelbemanning, delegeringar och restid och lägger fram ett förslag "
            "som planeraren ändrar vid behov."
        ),
        goal="Färre olika medarbetare per brukare, kortare restider och mer tid hos brukarna.",
        technique=Technique.OPTIMISATION,
        ai_subdomain="Matematisk optimering",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources=(
            "Beviljade insatser och besökstider från verksamhetssystemet, medarbetarnas "
            "kompetens och delegeringar, vägnätet."
        ),
        legal_basis="Socialtjänstlagen; personuppgiftsbiträdesavtal med leverantören.",
        organisations=_ELDERLY_CARE,
        suppliers=(_PROCURED, _SYSTEM_VENDOR),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.COST_REDUCTION, Benefit.PUBLIC_SERVICE),
        human_oversight=(
            "Planeraren granskar och fastställer schemat; verktyget lämnar bara förslag."
        ),
        appeal=(
            "Verktyget fattar inga beslut om insatser. Synpunkter på hemtjänsten lämnas till "
            "enhetschefen."
        ),
        risks=(
            "Ett schema som bara minimerar restiden kan försämra kontinuiteten och arbetsmiljön. "
            "Åtgärder: kontinuitet och rimliga arbetspass ingår i optimeringen, de fackliga "
            "företrädarna har varit med i införandet och bedömningen att verktyget bara är "
            "förberedande (art. 6.3) är dokumenterad."
        ),
        aiact_yes=frozenset({"arbetsledning", _PREPARATORY}),
        effect_time="Restiden minskade med omkring en tiondel och omplaneringen går fortare.",
        effect_cost="Lägre kostnader för bilar och drivmedel.",
        effect_quality="Brukarna möter färre olika medarbetare under en tvåveckorsperiod.",
        effect_method="Restid och kontinuitetsmått i verksamhetssystemet före och efter.",
        keywords=("schemaläggning", "hemtjänst", "planering", "optimering", "kontinuitet"),
        weight=2.0,
    ),
    Archetype(
        key="nattillsyn-kamera",
        area=Area.ELDERLY_CARE,
        titles=(
            "Digital nattillsyn med kamera och bildanalys",
            "Fallsensorer och digital nattillsyn i särskilt boende",
            "Sensorbaserad nattillsyn i hemtjänsten",
        ),
        summary=(
            "Sensorer och kameror med bildanalys larmar personalen när en brukare har fallit "
            "eller lämnat sängen, i stället för att personal väcker brukaren vid fysiska "
            "tillsynsbesök."
        ),
        description=(
            "Brukare som beviljats nattillsyn kan välja digital tillsyn i stället för besök. "
            "Bildanalysen sker i sensorn och skickar bara ett larm och en avidentifierad "
            "siluettbild när något avviker, till exempel ett fall. Ingenting spelas in."
        ),
        goal="Ostörd nattsömn för brukarna, snabbare hjälp vid fall och färre nattliga körningar.",
        technique=Technique.IMAGE_ANALYSIS,
        ai_subdomain="Bildanalys och händelsedetektion",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Bild från sensor i brukarens rum, behandlad i sensorn; larmhändelser.",
        legal_basis=(
            "Bistånd enligt socialtjänstlagen efter brukarens samtycke; integritetsskyddet har "
            "prövats i en konsekvensbedömning."
        ),
        organisations=_ELDERLY_CARE,
        suppliers=(_PROCURED, "Leverantören av trygghetslarm", _JOINT),
        benefits=(Benefit.PERSONALISED, Benefit.RESOURCE_MANAGEMENT, Benefit.PUBLIC_SERVICE),
        human_oversight=(
            "Larmen går till nattpatrullen, som bedömer dem och åker ut. Brukaren kan när som "
            "helst återgå till tillsyn med besök."
        ),
        appeal=(
            "Digital tillsyn kräver samtycke. Beslut om nattillsyn kan överklagas till "
            "förvaltningsrätten."
        ),
        risks=(
            "Intrång i den personliga integriteten och missade larm. Åtgärder: samtycke, ingen "
            "inspelning, siluettbild i stället för film och månatliga test av larmkedjan."
        ),
        aiact_yes=frozenset(),
        effect_time="Nattpatrullen gör färre tillsynsbesök och hinner med larm och insatser.",
        effect_cost="Lägre kostnader för nattliga körningar.",
        effect_quality="Brukarna sover ostört och fall upptäcks snabbare.",
        effect_method="Antal fall, tid till hjälp och brukarnöjdhet före och efter.",
        keywords=("nattillsyn", "fallsensor", "kameratillsyn", "välfärdsteknik", "trygghet"),
        weight=1.5,
    ),
    Archetype(
        key="bistandsunderlag-aldreomsorg",
        area=Area.ELDERLY_CARE,
        titles=(
            "AI-stöd för att sammanställa underlag i biståndshandläggningen",
            "Språkmodell som sammanfattar underlag inom äldreomsorgens myndighetsutövning",
        ),
        summary=(
            "En språkmodell sammanställer inkomna handlingar och tidigare anteckningar till ett "
            "utkast till utredningsunderlag. Biståndshandläggaren gör bedömningen och fattar "
            "beslutet."
        ),
        description=(
            "Vid en ansökan om hemtjänst eller särskilt boende går handläggaren igenom intyg, "
            "anteckningar och tidigare beslut. Verktyget sammanfattar materialet och visar "
            "varifrån varje uppgift kommer. Det föreslår inte något beslut."
        ),
        goal="Kortare handläggningstider och mer tid för samtal med den enskilde.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI, sammanfattning",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Ansökan, intyg och anteckningar i verksamhetssystemet.",
        legal_basis=(
            "Socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten; "
            "underlagen används inte för att träna modellen."
        ),
        organisations=_ELDERLY_CARE,
        suppliers=(_SYSTEM_VENDOR, _CLOUD_EU),
        benefits=(Benefit.RESPONSIVENESS, Benefit.ADMINISTRATIVE_EFFICIENCY),
        human_oversight=(
            "Handläggaren läser källhandlingarna, rättar sammanfattningen och fattar beslutet."
        ),
        appeal=(
            "Beslut om bistånd överklagas till förvaltningsrätten som vanligt; beslutet anger "
            "vilka underlag det bygger på."
        ),
        risks=(
            "Sammanfattningen kan utelämna uppgifter eller hitta på sådana som inte finns i "
            "underlaget. Åtgärder: källhänvisning för varje uppgift, stickprov, loggning och en "
            "dokumenterad bedömning att verktyget bara är förberedande (art. 6.3)."
        ),
        aiact_yes=frozenset({_BENEFITS_Q, _PREPARATORY, _GENERATES}),
        effect_time="Omkring en halvtimme kortare handläggning per utredning.",
        effect_cost="Ingen minskad bemanning; tiden används till fler uppföljningar.",
        effect_quality="Handläggarna upplever att färre uppgifter förbises.",
        effect_method="Handläggningstid i verksamhetssystemet och intervjuer med handläggare.",
        keywords=(
            "biståndshandläggning",
            "utredning",
            "sammanfattning",
            "generativ AI",
            "myndighetsutövning",
        ),
        weight=0.8,
        earliest_year=2023,
    ),
    Archetype(
        key="behovsprognos-aldreomsorg",
        area=Area.ELDERLY_CARE,
        titles=(
            "Prognos av behovet av hemtjänst och särskilt boende",
            "Behovsprognos för äldreomsorgen",
        ),
        summary=(
            "En prognosmodell beräknar hur behovet av hemtjänsttimmar och platser i särskilt "
            "boende utvecklas de kommande tio åren, utifrån befolkningsprognosen och tidigare "
            "insatser."
        ),
        description=(
            "Lokalförsörjning och bemanning i äldreomsorgen planeras många år framåt. Modellen "
            "kombinerar befolkningsprognosen med hur stor andel i varje åldersgrupp som haft "
            "insatser och visar ett intervall i stället för en enda siffra."
        ),
        goal="Bättre underlag för lokalförsörjningsplan, budget och kompetensförsörjning.",
        technique=Technique.FORECASTING,
        ai_subdomain="Statistisk prognos och maskininlärning",
        personal_data=PersonalData.PSEUDONYMISED,
        data_sources="Befolkningsprognosen och pseudonymiserad insatsstatistik.",
        legal_basis="Uppgifterna behandlas för planering och uppföljning enligt socialtjänstlagen.",
        organisations=(*_ELDERLY_CARE, "Kommunledningskontoret"),
        suppliers=(_IN_HOUSE, _PROCURED),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.PROCESS_QUALITY),
        human_oversight=(
            "Prognosen är ett underlag; förvaltningen och nämnden gör sina egna bedömningar."
        ),
        appeal="Prognosen gäller inga enskilda och ligger inte till grund för beslut om någon.",
        risks=(
            "En prognos kan uppfattas som säkrare än den är. Åtgärder: osäkerheten visas och "
            "modellen stäms av mot utfallet varje år."
        ),
        aiact_yes=frozenset(),
        effect_time="Budgetarbetet för äldreomsorgen tar kortare tid.",
        effect_cost="Bättre framförhållning vid byggande och avveckling av boenden.",
        effect_quality="Prognosen har träffat utfallet bättre än den tidigare framskrivningen.",
        effect_method="Jämförelse av prognos och utfall tre år i rad.",
        keywords=("prognos", "behovsprognos", "äldreomsorg", "särskilt boende", "planering"),
        weight=1.0,
    ),
    # Individ- och familjeomsorg
    Archetype(
        key="tidiga-insatser-ifo",
        area=Area.SOCIAL_SERVICES,
        titles=(
            "Prediktiv analys för tidiga insatser till barn och unga",
            "Riskbedömningsmodell för tidiga insatser i individ- och familjeomsorgen",
        ),
        summary=(
            "En maskininlärningsmodell ska peka ut familjer där tidigt, frivilligt stöd kan "
            "behövas, utifrån uppgifter från socialtjänst och skola. Användningen är högrisk "
            "enligt AI-förordningen."
        ),
        description=(
            "Förvaltningen vill nå barn och familjer med frivilligt stöd tidigare i stället för "
            "att vänta på orosanmälningar. Modellen ska bara ge en signal till en "
            "socialsekreterare, som gör en egen bedömning. Arbetet sker stegvis och börjar med "
            "rättslig grund, dataskydd och risken för diskriminering."
        ),
        goal="Tidigare och mer träffsäkert förebyggande stöd till barn och familjer.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Prediktiv modell (klassificering)",
        personal_data=PersonalData.SENSITIVE,
        data_sources=(
            "Pseudonymiserade uppgifter ur socialtjänstens och skolans verksamhetssystem."
        ),
        legal_basis=(
            "Under utredning: att samköra uppgifter mellan nämnder kräver stöd i lag. Ingen "
            "behandling sker förrän den rättsliga grunden är klarlagd."
        ),
        organisations=_SOCIAL,
        suppliers=(_PROCURED, _IN_HOUSE),
        benefits=(Benefit.PERSONALISED, Benefit.PUBLIC_SERVICE),
        human_oversight=(
            "Modellen ger bara en signal. En socialsekreterare bedömer varje fall, och kontakten "
            "med familjen är frivillig. Inga insatser beslutas automatiskt."
        ),
        appeal=(
            "Beslut om insatser fattas av socialnämnden och kan överklagas. Den som berörs har "
            "rätt till en förklaring av hur modellens resultat har använts (art. 86)."
        ),
        risks=(
            "Högrisk: profilering av barn och familjer med risk för diskriminering, "
            "stigmatisering och felaktiga signaler. Åtgärder: konsekvensbedömning för "
            "grundläggande rättigheter och för dataskydd före användning, prövning av utfallet "
            "mellan grupper, registrering i EU:s databas och beslut i nämnden."
        ),
        aiact_yes=frozenset({_BENEFITS_Q, _PROFILING}),
        effect_time="Inte syftet: målet är tidigare stöd, inte tidsbesparing.",
        effect_cost="Okänd; ska vägas mot kostnaden för sena insatser.",
        effect_quality="Ska utvärderas innan något beslut om fortsatt användning.",
        effect_method="Planerad utvärdering med forskare, med jämförelsegrupp.",
        keywords=(
            "tidiga insatser",
            "barn och unga",
            "prediktiv analys",
            "profilering",
            "förebyggande",
            "socialtjänst",
        ),
        weight=0.35,
        earliest_year=2020,
        # Nothing may be processed until the legal basis is settled, so no pilot either.
        stages=(Stage.IDEA, Stage.PRESTUDY),
    ),
    Archetype(
        key="samtalsdokumentation-ifo",
        area=Area.SOCIAL_SERVICES,
        titles=(
            "AI-stöd för dokumentation av samtal i socialtjänsten",
            "Transkribering och journalutkast i individ- och familjeomsorgen",
        ),
        summary=(
            "Samtal med klienter spelas in efter samtycke, skrivs ut och sammanfattas till ett "
            "journalutkast som socialsekreteraren granskar och rättar."
        ),
        description=(
            "Socialsekreterare lägger en stor del av sin tid på dokumentation. Verktyget skriver "
            "ut samtalet och gör ett utkast till journalanteckning enligt förvaltningens mall. "
            "Ljudet raderas när utkastet är klart; den som inte samtycker dokumenteras som "
            "vanligt."
        ),
        goal="Mer tid för klientarbete och mer enhetlig dokumentation.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Taligenkänning och generativ AI",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Ljud från samtal efter samtycke; förvaltningens journalmallar.",
        legal_basis=(
            "Socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten; "
            "samtycke till inspelning."
        ),
        organisations=_SOCIAL,
        suppliers=(_SYSTEM_VENDOR, _CLOUD_EU, _PROCURED),
        benefits=(Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.INFORMATION_QUALITY),
        human_oversight=(
            "Socialsekreteraren granskar och rättar varje utkast och ansvarar för journalen."
        ),
        appeal=(
            "Verktyget fattar inga beslut. Den enskilde kan begära att felaktiga uppgifter "
            "rättas och får veta att samtalet dokumenterats med AI-stöd."
        ),
        risks=(
            "Felaktiga eller vinklade sammanfattningar i känsliga ärenden och risk för röjande "
            "av sekretessuppgifter. Åtgärder: behandling inom EU/EES utan träning på "
            "underlagen, granskning, loggning och konsekvensbedömning för dataskydd."
        ),
        aiact_yes=frozenset({_GENERATES}),
        effect_time="Omkring 30 minuter per dag och socialsekreterare.",
        effect_cost="Licenskostnaden motsvarar en liten del av den frigjorda tiden.",
        effect_quality="Anteckningarna följer oftare mallen; journalgranskningen visar färre fel.",
        effect_method="Tidsloggning under pilotperioden och journalgranskning.",
        keywords=(
            "dokumentation",
            "socialtjänst",
            "transkribering",
            "sammanfattning",
            "journal",
            "generativ AI",
        ),
        weight=1.0,
        earliest_year=2023,
    ),
    # Ekonomiskt bistånd
    Archetype(
        key="automatiserad-handlaggning-ekonomiskt-bistand",
        area=Area.FINANCIAL_ASSISTANCE,
        titles=(
            "Automatiserad handläggning av ekonomiskt bistånd",
            "Robotstödd handläggning av försörjningsstöd",
            "RPA för återansökningar om ekonomiskt bistånd",
        ),
        summary=(
            "En mjukvarurobot hämtar uppgifter om inkomster och ersättningar från andra "
            "myndigheter, räknar fram biståndet och beslutar i enkla återansökningar. Övriga "
            "ärenden går till en handläggare."
        ),
        description=(
            "Återansökningar om ekonomiskt bistånd kommer varje månad och är till stor del "
            "regelstyrda. Roboten kontrollerar uppgifterna, räknar enligt riksnormen och "
            "kommunens riktlinjer och fattar beslut när ärendet uppfyller fasta villkor. "
            "Regelbaserad automatisering är inte alltid ett AI-system i förordningens mening, "
            "men kommunen behandlar den som högrisk för säkerhets skull."
        ),
        goal="Snabbare besked till sökande och mer tid för stöd mot arbete och egen försörjning.",
        technique=Technique.RULE_BASED,
        ai_subdomain="Regelbaserad automatisering (RPA)",
        personal_data=PersonalData.SENSITIVE,
        data_sources=(
            "Ansökan via e-tjänst och uppgifter från andra myndigheter genom den gemensamma "
            "tjänsten för ekonomiskt bistånd."
        ),
        legal_basis=(
            "Socialtjänstlagen; automatiserat beslutsfattande enligt 28 § förvaltningslagen "
            "och socialnämndens delegationsordning."
        ),
        organisations=(*_SOCIAL, "Arbetsmarknadsförvaltningen"),
        suppliers=(_PROCURED, _IN_HOUSE, _JOINT),
        benefits=(Benefit.RESPONSIVENESS, Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.FAIRNESS),
        human_oversight=(
            "Handläggare granskar ett urval av robotens beslut varje vecka. Alla avslag och "
            "avvikande ärenden handläggs av en människa."
        ),
        appeal=(
            "Beslutet anger att det är fattat automatiskt och kan överklagas till "
            "förvaltningsrätten. Den sökande kan begära att en handläggare omprövar beslutet."
        ),
        risks=(
            "Ett fel i reglerna eller i indata kan ge felaktiga beslut för många på en gång. "
            "Åtgärder: reglerna versionshanteras och testas, stickprov, loggning, "
            "konsekvensbedömning för grundläggande rättigheter och tydlig information till "
            "sökande."
        ),
        aiact_yes=frozenset({_BENEFITS_Q, _PROFILING}),
        effect_time="Besked om återansökningar inom ett dygn i stället för inom en vecka.",
        effect_cost="Handläggartid motsvarande två tjänster har flyttats till stödjande arbete.",
        effect_quality="Fler likadana ärenden bedöms lika; färre räknefel.",
        effect_method="Handläggningstid och andel omprövade beslut före och efter.",
        keywords=(
            "ekonomiskt bistånd",
            "försörjningsstöd",
            "RPA",
            "automatiserad handläggning",
            "automatiserat beslut",
        ),
        weight=1.5,
    ),
    Archetype(
        key="chattbot-ekonomiskt-bistand",
        area=Area.FINANCIAL_ASSISTANCE,
        titles=(
            "Chattbot som svarar på frågor om ekonomiskt bistånd",
            "Digital assistent för sökande av ekonomiskt bistånd",
        ),
        summary=(
            "En chattbot på webbplatsen svarar på allmänna frågor om ekonomiskt bistånd, till "
            "exempel vilka handlingar som behövs och när utbetalningen kommer. Den behandlar "
            "inga enskilda ärenden."
        ),
        description=(
            "Många samtal till mottagningen gäller samma frågor. Chattboten svarar utifrån "
            "kommunens egna texter om ekonomiskt bistånd och hänvisar till handläggare när "
            "frågan gäller ett enskilt ärende. Den säger tydligt att den är en AI."
        ),
        goal="Svar dygnet runt och mer tid för handläggarna att ta personliga samtal.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI med sökning i egna texter",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Kommunens webbtexter och riktlinjer om ekonomiskt bistånd.",
        legal_basis="Allmän service enligt förvaltningslagen; chattloggar gallras efter 30 dagar.",
        organisations=_SOCIAL,
        suppliers=(_PROCURED, _CLOUD_EU),
        benefits=(Benefit.NEW_CHANNELS, Benefit.EFFICIENT_SERVICE),
        human_oversight=(
            "Svaren bygger bara på godkända texter; handläggare läser ett urval av samtalen "
            "varje vecka och rättar texterna."
        ),
        appeal="Chattboten fattar inga beslut och behandlar inga enskilda ärenden.",
        risks=(
            "Felaktiga svar och att sökande skriver in känsliga uppgifter. Åtgärder: uppmaning "
            "att inte skriva personuppgifter, automatisk maskning och hänvisning till "
            "handläggare."
        ),
        aiact_yes=frozenset({_CHAT}),
        effect_time="Färre samtal om allmänna frågor till mottagningen.",
        effect_cost="Mindre tid i telefon för handläggarna.",
        effect_quality="Sökande får svar även på kvällar och helger.",
        effect_method="Antal samtal till mottagningen och betyg på svaren i chatten.",
        keywords=("chattbot", "ekonomiskt bistånd", "invånarfrågor", "självservice"),
        weight=0.7,
        earliest_year=2023,
    ),
    # Arbetsmarknad och integration
    Archetype(
        key="matchning-arbetsmarknad",
        area=Area.LABOUR_AND_INTEGRATION,
        titles=(
            "Matchning av deltagare mot praktik och jobb i arbetsmarknadsenheten",
            "AI-stöd för matchning i arbetsmarknadsenheten",
        ),
        summary=(
            "Ett matchningsverktyg jämför deltagares erfarenheter och mål med lediga "
            "praktikplatser och jobb och föreslår vilka som passar. Arbetscoachen väljer "
            "tillsammans med deltagaren."
        ),
        description=(
            "Arbetsmarknadsenheten har många deltagare och arbetsgivarkontakter men svårt att "
            "överblicka alla möjligheter. Verktyget bygger en profil av varje deltagare och "
            "rangordnar platser. Eftersom det profilerar människor är det högrisk, trots att "
            "det bara är förberedande."
        ),
        goal="Fler och snabbare övergångar till arbete och studier.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Matchning och rangordning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Deltagarnas cv och mål, arbetsgivarnas platser, tidigare utfall.",
        legal_basis=(
            "Kommunens arbetsmarknadsinsatser enligt lagen om kommuners ansvar för "
            "arbetsmarknadsinsatser; deltagaren informeras om behandlingen."
        ),
        organisations=_LABOUR,
        suppliers=(_PROCURED, _IN_HOUSE),
        benefits=(Benefit.PERSONALISED, Benefit.PUBLIC_SERVICE),
        human_oversight=(
            "Arbetscoachen och deltagaren väljer tillsammans; förslagen kan alltid väljas bort."
        ),
        appeal=(
            "Deltagaren kan begära en förklaring av förslagen och få sin profil rättad. "
            "Beslut om insatser fattas av handläggare."
        ),
        risks=(
            "Profilering kan förstärka tidigare mönster, till exempel att kvinnor och män "
            "erbjuds olika yrken. Åtgärder: prövning av utfallet mellan grupper, "
            "konsekvensbedömning för grundläggande rättigheter och förklaring till deltagaren."
        ),
        aiact_yes=frozenset({_BENEFITS_Q, _PREPARATORY, _PROFILING}),
        effect_time="Arbetscoacherna hittar passande platser snabbare.",
        effect_cost="Kortare tid i insats per deltagare.",
        effect_quality="Fler deltagare fullföljer sin praktik.",
        effect_method="Andel i arbete eller studier efter 90 dagar, jämfört med tidigare år.",
        keywords=("matchning", "arbetsmarknad", "praktik", "arbetssökande", "profilering"),
        weight=0.6,
        earliest_year=2020,
    ),
    Archetype(
        key="sprakstod-sfi",
        area=Area.LABOUR_AND_INTEGRATION,
        titles=(
            "AI-stöd för språkträning i sfi",
            "Samtalsträning i svenska med AI för nyanlända",
        ),
        summary=(
            "Elever i svenska för invandrare tränar samtal och uttal med en AI-tjänst mellan "
            "lektionerna. Läraren väljer övningar; tjänsten bedömer inte eleverna."
        ),
        description=(
            "Många sfi-elever har få tillfällen att tala svenska utanför lektionerna. Tjänsten "
            "låter eleven öva vardagssamtal och få återkoppling på uttal. Den säger att den är en "
            "AI och används inte för betyg eller bedömning."
        ),
        goal="Mer språkträning och snabbare väg till arbete eller vidare studier.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Samtalsagent och talteknik",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Elevens röst och text under övningen; sparas inte efter passet.",
        legal_basis="Skollagen; vuxenutbildningens uppdrag.",
        organisations=_LABOUR,
        suppliers=(_PROCURED, _CLOUD_EU),
        benefits=(Benefit.PERSONALISED, Benefit.NEW_CHANNELS),
        human_oversight="Läraren väljer övningarna och följer upp elevernas användning.",
        appeal="Tjänsten fattar inga beslut och används inte vid bedömning.",
        risks=(
            "Felaktiga språkförebilder och att elever lämnar personliga uppgifter. Åtgärder: "
            "lärarvalda övningar, ingen lagring av samtal och information till eleverna."
        ),
        aiact_yes=frozenset({_CHAT}),
        effect_time="Eleverna övar i genomsnitt en timme mer i veckan.",
        effect_cost="Licens per elevplats; inga andra kostnader.",
        effect_quality="Lärarna ser bättre muntlig färdighet vid kursens slut.",
        effect_method="Jämförelse av muntliga delprov mellan grupper med och utan tjänsten.",
        keywords=("sfi", "språkträning", "nyanlända", "integration", "vuxenutbildning"),
        weight=0.6,
        earliest_year=2023,
    ),
    # Förskola och skola
    Archetype(
        key="aterkoppling-elevtexter",
        area=Area.PRESCHOOL_AND_SCHOOL,
        titles=(
            "AI-stöd för återkoppling på elevtexter",
            "Formativ återkoppling med generativ AI i grundskolan",
        ),
        summary=(
            "Elever får AI-genererad återkoppling på sina texter utifrån lärarens "
            "bedömningsstöd. Eftersom tjänsten styr elevernas lärande är den högrisk enligt "
            "AI-förordningen."
        ),
        description=(
            "Lärare hinner sällan ge återkoppling på varje utkast. Tjänsten ger eleven förslag "
            "på vad som kan utvecklas, med lärarens kriterier som grund. Betyg och bedömning "
            "görs av läraren."
        ),
        goal="Mer och snabbare återkoppling till eleverna och mer tid för lärarens samtal.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI, textbedömning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Elevernas texter och lärarens bedömningsstöd.",
        legal_basis="Skollagen; utbildningens uppdrag.",
        organisations=_SCHOOL,
        suppliers=(_PROCURED, "Leverantören av lärplattformen"),
        benefits=(Benefit.PERSONALISED, Benefit.PUBLIC_SERVICE),
        human_oversight=(
            "Läraren väljer kriterierna, läser ett urval av återkopplingen och sätter betygen."
        ),
        appeal="Betyg sätts av läraren och kan inte överklagas, men eleven kan begära omprövning.",
        risks=(
            "Högrisk: återkopplingen kan vara felaktig eller ojämlik mellan elever. Åtgärder: "
            "konsekvensbedömning för grundläggande rättigheter, uppföljning per elevgrupp, "
            "information till elever och vårdnadshavare och ingen lagring för träning."
        ),
        aiact_yes=frozenset({"utbildning_bedomning", _GENERATES}),
        effect_time="Lärarna sparar en till två timmar per skrivuppgift och klass.",
        effect_cost="Licens per elev.",
        effect_quality="Eleverna reviderar sina texter oftare.",
        effect_method="Enkät till lärare och elever och jämförelse av antal revideringar.",
        keywords=("skola", "återkoppling", "bedömning", "elevtexter", "generativ AI"),
        weight=0.8,
        earliest_year=2023,
    ),
    Archetype(
        key="skolplacering",
        area=Area.PRESCHOOL_AND_SCHOOL,
        titles=(
            "Algoritm för placering i grundskolan",
            "Optimerad placering i förskola och skola",
        ),
        summary=(
            "En algoritm placerar barn i förskola och elever i grundskola utifrån "
            "vårdnadshavarnas val, syskonförtur och avstånd, enligt de regler nämnden beslutat. "
            "Användningen är högrisk enligt AI-förordningen."
        ),
        description=(
            "Placeringen görs en gång om året för tusentals barn. Algoritmen tillämpar nämndens "
            "urvalsregler lika för alla och räknar avstånd på gångvägar. Handläggare går igenom "
            "resultatet innan besluten skickas."
        ),
        goal="Likvärdiga och förutsebara placeringar och kortare handläggning.",
        technique=Technique.OPTIMISATION,
        ai_subdomain="Optimering och regeltillämpning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Skolval, folkbokföringsadresser, syskonuppgifter och skolornas platser.",
        legal_basis="Skollagen; nämndens urvalsregler.",
        organisations=_SCHOOL,
        suppliers=(_IN_HOUSE, _PROCURED),
        benefits=(Benefit.FAIRNESS, Benefit.TRANSPARENCY, Benefit.RESPONSIVENESS),
        human_oversight=(
            "Handläggare granskar resultatet och särskilt alla placeringar mot vårdnadshavarnas "
            "val innan beslut fattas."
        ),
        appeal=(
            "Beslutet kan överklagas enligt skollagen. Urvalsreglerna och hur algoritmen "
            "tillämpar dem är publicerade."
        ),
        risks=(
            "Högrisk: fel i regler eller adresser påverkar barns skolgång. Åtgärder: "
            "publicerade regler, testfall före varje körning, konsekvensbedömning för "
            "grundläggande rättigheter och registrering i EU:s databas."
        ),
        aiact_yes=frozenset({"utbildning_antagning"}),
        effect_time="Placeringen tar dagar i stället för veckor.",
        effect_cost="Mindre handläggartid under placeringsperioden.",
        effect_quality="Färre överklaganden som bifallits.",
        effect_method="Antal överklaganden och deras utfall före och efter.",
        keywords=("skolplacering", "skolval", "förskola", "grundskola", "urvalsregler"),
        weight=0.5,
    ),
    Archetype(
        key="generativ-ai-larare",
        area=Area.PRESCHOOL_AND_SCHOOL,
        titles=(
            "Generativ AI som planeringsstöd för lärare",
            "AI-assistent för lärares planering och anpassningar",
        ),
        summary=(
            "Lärare använder en AI-assistent för att planera lektioner, göra anpassat material "
            "och formulera texter till vårdnadshavare. Inga elevuppgifter får matas in."
        ),
        description=(
            "En säker AI-assistent från förvaltningen ersätter lärarnas privata konton. Med "
            "verktyget följer utbildning i AI-kunnighet och riktlinjer för vad assistenten får "
            "användas till."
        ),
        goal="Minskad administrativ börda och bättre anpassat material för elever.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI",
        personal_data=PersonalData.NONE,
        data_sources="Lärarnas egna instruktioner och läromedel; inga elevuppgifter.",
        legal_basis="Ingen behandling av personuppgifter om elever är tillåten.",
        organisations=_SCHOOL,
        suppliers=(_CLOUD_EU, _PROCURED),
        benefits=(Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.PERSONALISED),
        human_oversight="Läraren ansvarar för allt material som används i undervisningen.",
        appeal="Assistenten fattar inga beslut.",
        risks=(
            "Faktafel och att elevuppgifter matas in. Åtgärder: riktlinjer, utbildning och "
            "tekniskt skydd mot personnummer."
        ),
        aiact_yes=frozenset({_CHAT, _GENERATES}),
        effect_time="Lärarna uppger att de sparar en till tre timmar i veckan.",
        effect_cost="Licenskostnad per lärare.",
        effect_quality="Mer anpassat material för elever i behov av stöd.",
        effect_method="Enkät till lärarna efter en termin.",
        keywords=("lärare", "generativ AI", "planering", "AI-assistent", "anpassningar"),
        weight=1.5,
        earliest_year=2023,
    ),
    Archetype(
        key="lasstod-elever",
        area=Area.PRESCHOOL_AND_SCHOOL,
        titles=(
            "Talsyntes och taligenkänning för elever med läs- och skrivsvårigheter",
            "Kompensatoriska AI-verktyg i skolan",
        ),
        summary=(
            "Elever med läs- och skrivsvårigheter får texter upplästa med talsyntes och kan "
            "skriva med rösten. Verktygen finns i elevernas datorer."
        ),
        description=(
            "Kompensatoriska verktyg är ett etablerat stöd. Nyare talsyntes och taligenkänning "
            "med AI har gjort dem så bra att fler elever använder dem, även i nationella prov "
            "där det är tillåtet."
        ),
        goal="Likvärdig tillgång till undervisningen för elever med läs- och skrivsvårigheter.",
        technique=Technique.SPEECH_TO_TEXT,
        ai_subdomain="Talsyntes och taligenkänning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Elevens röst vid diktering; texter som läses upp.",
        legal_basis="Skollagens bestämmelser om extra anpassningar.",
        organisations=_SCHOOL,
        suppliers=(_PROCURED, "Leverantören av lärplattformen"),
        benefits=(Benefit.PERSONALISED, Benefit.FAIRNESS),
        human_oversight="Lärare och specialpedagog beslutar om anpassningar.",
        appeal="Verktygen fattar inga beslut.",
        risks="Röstdata hos leverantören. Åtgärd: behandling inom EU och ingen lagring.",
        aiact_yes=frozenset(),
        effect_time="Eleverna blir mer självständiga i skolarbetet.",
        effect_cost="Licens per skola.",
        effect_quality="Fler elever klarar kunskapskraven med anpassningar.",
        effect_method="Uppföljning av elevhälsans ärenden och elevenkät.",
        keywords=("talsyntes", "läs- och skrivsvårigheter", "extra anpassningar", "skola"),
        weight=1.0,
    ),
    # Funktionsstöd
    Archetype(
        key="lattlasta-genomforandeplaner",
        area=Area.DISABILITY_SUPPORT,
        titles=(
            "Lättlästa genomförandeplaner med AI-stöd",
            "Språkstöd för genomförandeplaner i LSS-verksamheten",
        ),
        summary=(
            "Personal i gruppbostäder och daglig verksamhet tar fram lättlästa versioner av "
            "genomförandeplaner med bildstöd med hjälp av generativ AI, så att brukarna kan "
            "vara delaktiga."
        ),
        description=(
            "Genomförandeplaner är ofta skrivna för personalen. Med AI-stöd görs en lättläst "
            "version med bilder som brukaren och personalen går igenom tillsammans. Personalen "
            "granskar varje text."
        ),
        goal="Större delaktighet och självbestämmande för brukarna.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI, lättläst svenska",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Genomförandeplanen, utan namn och personnummer.",
        legal_basis="Lagen om stöd och service till vissa funktionshindrade (LSS).",
        organisations=_DISABILITY,
        suppliers=(_CLOUD_EU, _SYSTEM_VENDOR),
        benefits=(Benefit.PARTICIPATION, Benefit.PERSONALISED),
        human_oversight="Personalen granskar och godkänner varje lättläst version med brukaren.",
        appeal="Verktyget fattar inga beslut.",
        risks=(
            "Förenklingen kan ändra innehållet. Åtgärder: granskning, inga direkta "
            "personuppgifter i underlaget och behandling inom EU."
        ),
        aiact_yes=frozenset({_GENERATES}),
        effect_time="En lättläst plan tar en kvart i stället för en timme.",
        effect_cost="Liten licenskostnad.",
        effect_quality="Fler brukare har en plan de själva kan läsa.",
        effect_method="Andel brukare med lättläst plan och samtal med brukarråd.",
        keywords=("LSS", "lättläst", "genomförandeplan", "delaktighet", "bildstöd"),
        weight=0.5,
        earliest_year=2023,
    ),
    Archetype(
        key="anfallslarm-lss",
        area=Area.DISABILITY_SUPPORT,
        titles=(
            "Sensorlarm vid epileptiska anfall i LSS-boende",
            "Nattlig anfallsdetektion med sensorer och AI",
        ),
        summary=(
            "Sensorer i sängen eller på armen känner igen mönster som tyder på ett epileptiskt "
            "anfall under natten och larmar personalen."
        ),
        description=(
            "Boende med svår epilepsi behöver snabb hjälp vid anfall. Sensorerna tolkar rörelse "
            "och puls med en tränad modell och larmar personalen, som annars skulle behöva "
            "titta till den boende flera gånger per natt."
        ),
        goal="Trygghet och ostörd sömn för de boende och snabb hjälp vid anfall.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Signalanalys",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Rörelse- och pulsdata från sensorer; larmhändelser.",
        legal_basis=(
            "Insatser enligt LSS efter samtycke från den boende eller företrädare; "
            "produkten är CE-märkt som medicinteknisk produkt."
        ),
        organisations=_DISABILITY,
        suppliers=("Leverantör av CE-märkt medicinteknisk produkt", _PROCURED),
        benefits=(Benefit.PERSONALISED, Benefit.PUBLIC_SERVICE),
        human_oversight="Personalen bedömer varje larm och kontrollerar funktionen varje vecka.",
        appeal="Larmet fattar inga beslut; användningen bygger på samtycke.",
        risks=(
            "Missade eller falska larm. Åtgärder: regelbunden kontroll och rutin för "
            "avvikelser. Produkten kan vara högrisk som medicinteknisk produkt (bilaga I), "
            "vilket leverantören ska ange."
        ),
        aiact_yes=frozenset(),
        effect_time="Färre nattliga tillsynsbesök.",
        effect_cost="Oförändrad bemanning men bättre använd tid.",
        effect_quality="Anfall upptäcks snabbare; de boende sover bättre.",
        effect_method="Larmloggar och avvikelserapporter under ett år.",
        keywords=("LSS", "epilepsi", "larm", "sensorer", "välfärdsteknik"),
        weight=0.4,
    ),
    # Hälso- och sjukvård
    Archetype(
        key="sarbildsanalys",
        area=Area.HEALTH_CARE,
        titles=(
            "Bildanalys av sår i den kommunala hälso- och sjukvården",
            "AI-stöd för sårbedömning med mobilkamera",
        ),
        summary=(
            "Sjuksköterskor fotograferar sår med en app som mäter storlek och vävnadstyper. "
            "Läkningen följs över tid och kan delas med regionens vård."
        ),
        description=(
            "Bedömningen av sår varierar mellan medarbetare. Appen mäter såret på samma sätt "
            "varje gång och visar förändringen över tid, vilket underlättar konsultation med "
            "läkare och specialistsjuksköterskor."
        ),
        goal="Snabbare läkning genom mer enhetlig bedömning och uppföljning.",
        technique=Technique.IMAGE_ANALYSIS,
        ai_subdomain="Bildsegmentering",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Bilder av sår och journaluppgifter.",
        legal_basis="Hälso- och sjukvårdslagen och patientdatalagen.",
        organisations=_HEALTH,
        suppliers=("Leverantör av CE-märkt medicinteknisk produkt", _JOINT),
        benefits=(Benefit.PUBLIC_SERVICE, Benefit.INFORMATION_QUALITY, Benefit.COLLABORATION),
        human_oversight="Sjuksköterskan gör bedömningen; appen ger mätvärden.",
        appeal="Appen fattar inga beslut om vård. Klagomål hanteras enligt patientlagstiftningen.",
        risks=(
            "Felaktiga mätningar och känsliga bilder. Åtgärder: CE-märkt produkt, lagring i "
            "journalsystemet och behörighetsstyrning. Produkten kan vara högrisk som "
            "medicinteknisk produkt (bilaga I), vilket leverantören ska ange."
        ),
        aiact_yes=frozenset(),
        effect_time="Kortare tid för sårdokumentation.",
        effect_cost="Färre förbandsbyten när läkningen följs bättre.",
        effect_quality="Mer enhetliga bedömningar och snabbare konsultation.",
        effect_method="Läkningstid för svårläkta sår före och efter, med regionen.",
        keywords=("sårvård", "bildanalys", "hälso- och sjukvård", "sjuksköterska"),
        weight=0.5,
        earliest_year=2020,
    ),
    Archetype(
        key="riskbedomning-forebyggande",
        area=Area.HEALTH_CARE,
        titles=(
            "Beslutsstöd för förebyggande riskbedömningar",
            "Tidig upptäckt av risk för fall, trycksår och undernäring",
        ),
        summary=(
            "Ett beslutsstöd uppmärksammar sjuksköterskor på brukare vars dokumentation tyder "
            "på ökad risk för fall, trycksår eller undernäring, så att en riskbedömning görs i "
            "tid."
        ),
        description=(
            "Riskbedömningar ska göras regelbundet men blir ibland liggande. Beslutsstödet "
            "läser strukturerade uppgifter i journalen och påminner när mönstret tyder på "
            "ökad risk. Sjuksköterskan gör bedömningen."
        ),
        goal="Färre fall, trycksår och fall av undernäring.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Prediktiv modell",
        personal_data=PersonalData.SENSITIVE,
        data_sources="Strukturerade journaluppgifter och tidigare riskbedömningar.",
        legal_basis="Hälso- och sjukvårdslagen och patientdatalagen.",
        organisations=_HEALTH,
        suppliers=(_SYSTEM_VENDOR, _PROCURED),
        benefits=(Benefit.PUBLIC_SERVICE, Benefit.PERSONALISED),
        human_oversight="Sjuksköterskan bedömer varje påminnelse och gör riskbedömningen.",
        appeal="Beslutsstödet fattar inga beslut om vård.",
        risks=(
            "Falska larm som leder till larmtrötthet, och missade risker. Åtgärder: "
            "uppföljning av träffsäkerhet och rutin för avvikelser."
        ),
        aiact_yes=frozenset(),
        effect_time="Mindre tid att leta i journalen.",
        effect_cost="Färre vårddagar efter fall.",
        effect_quality="Fler riskbedömningar görs i tid.",
        effect_method="Kvalitetsregister för riskbedömningar före och efter.",
        keywords=("riskbedömning", "fallprevention", "trycksår", "undernäring", "beslutsstöd"),
        weight=0.4,
        earliest_year=2020,
    ),
    # Medborgarservice och kommunikation
    Archetype(
        key="chattbot-kontaktcenter",
        area=Area.CITIZEN_SERVICE,
        titles=(
            "AI-chattbot i kontaktcenter",
            "Digital assistent på kommunens webbplats",
            "Chattbot för invånarfrågor dygnet runt",
        ),
        summary=(
            "En chattbot på kommunens webbplats svarar på vanliga frågor om till exempel "
            "avfall, bygglov och förskola, med svar ur kommunens egna texter. Svåra frågor "
            "lämnas över till kontaktcenter."
        ),
        description=(
            "Kontaktcenter får många likartade frågor. Chattboten hämtar svar ur webbplatsens "
            "texter och visar länkar till källan. Den säger att den är en AI och lämnar över "
            "till en handläggare under öppettiderna."
        ),
        goal="Svar dygnet runt och mer tid i kontaktcenter för ärenden som kräver en människa.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI med sökning i egna texter",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Kommunens webbplats och kunskapsbank; chattloggar.",
        legal_basis="Allmän service enligt förvaltningslagen; chattloggar gallras efter 30 dagar.",
        organisations=_CONTACT_CENTRE,
        suppliers=(_PROCURED, _CLOUD_EU, _JOINT),
        benefits=(Benefit.NEW_CHANNELS, Benefit.EFFICIENT_SERVICE, Benefit.CITIZEN_CENTRED),
        human_oversight=(
            "Kontaktcenter följer upp ett urval av samtalen varje vecka och rättar kunskapsbanken."
        ),
        appeal="Chattboten fattar inga beslut.",
        risks=(
            "Felaktiga eller påhittade svar. Åtgärder: svar bara ur godkända texter, "
            "källänkar, tydlig information om att det är en AI och maskning av personnummer."
        ),
        aiact_yes=frozenset({_CHAT}),
        effect_time="En femtedel färre samtal om enkla frågor till kontaktcenter.",
        effect_cost="Kontaktcenter klarar fler ärenden utan fler anställda.",
        effect_quality="Invånarna får svar även kvällar och helger.",
        effect_method="Samtalsstatistik och betyg på svaren i chatten.",
        keywords=("chattbot", "kontaktcenter", "digital assistent", "invånarservice"),
        weight=3.0,
        earliest_year=2023,
    ),
    Archetype(
        key="rostassistent-vaxel",
        area=Area.CITIZEN_SERVICE,
        titles=(
            "Röststyrd växel som kopplar samtal rätt",
            "Talstyrd samtalsdirigering i kommunens växel",
        ),
        summary=(
            "Den som ringer kommunen säger vem eller vad samtalet gäller, och en röstassistent "
            "kopplar vidare. Samtal som inte förstås går till en telefonist."
        ),
        description=(
            "Växeln tar emot många samtal som bara ska kopplas vidare. Röstassistenten "
            "förstår namn, verksamheter och vanliga ärenden och berättar att den är automatisk."
        ),
        goal="Kortare väntetid och telefonister som kan ägna sig åt svårare samtal.",
        technique=Technique.SPEECH_TO_TEXT,
        ai_subdomain="Taligenkänning och språkförståelse",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Uppringarens tal; personalkatalogen.",
        legal_basis="Allmän service; ljud sparas inte.",
        organisations=_CONTACT_CENTRE,
        suppliers=("Leverantören av telefoniplattformen", _PROCURED),
        benefits=(Benefit.EFFICIENT_SERVICE, Benefit.RESOURCE_MANAGEMENT),
        human_oversight="Telefonisterna tar över samtal som assistenten inte förstår.",
        appeal="Assistenten fattar inga beslut.",
        risks=(
            "Svårare för den som talar med brytning eller har talsvårigheter. Åtgärd: "
            "knappval och direkt väg till telefonist."
        ),
        aiact_yes=frozenset({_CHAT}),
        effect_time="Omkring hälften av samtalen kopplas utan telefonist.",
        effect_cost="Telefonisttid har flyttats till kontaktcenter.",
        effect_quality="Kortare väntetid i växeln.",
        effect_method="Statistik från telefoniplattformen.",
        keywords=("växel", "röstassistent", "telefoni", "taligenkänning"),
        weight=1.0,
        earliest_year=2020,
    ),
    Archetype(
        key="oversattning-klarsprak",
        area=Area.CITIZEN_SERVICE,
        titles=(
            "Översättning och klarspråk med generativ AI",
            "AI-stöd för klarspråk och översättning av webbtexter",
        ),
        summary=(
            "Kommunikatörer och handläggare använder generativ AI för att skriva om texter på "
            "klarspråk och översätta information till de vanligaste språken i kommunen."
        ),
        description=(
            "Invånare som inte läser svenska behöver information på andra språk, och många "
            "texter är svåra att förstå. Verktyget ger utkast som granskas innan de publiceras, "
            "och texter som inte granskats märks som maskinöversatta."
        ),
        goal="Information som fler förstår, på fler språk, till lägre kostnad.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Maskinöversättning och generativ AI",
        personal_data=PersonalData.NONE,
        data_sources="Kommunens egna texter; inga personuppgifter.",
        legal_basis="Språklagen och kommunens riktlinjer för kommunikation.",
        organisations=(*_CONTACT_CENTRE, *_CENTRAL),
        suppliers=(_CLOUD_EU, _PROCURED),
        benefits=(Benefit.INFORMATION_QUALITY, Benefit.CITIZEN_CENTRED, Benefit.FAIRNESS),
        human_oversight="Texter granskas före publicering eller märks som maskinöversatta.",
        appeal="Verktyget fattar inga beslut.",
        risks=(
            "Felöversättningar i viktig information. Åtgärder: granskning av modersmålstalare "
            "för viktiga texter och märkning av ogranskade översättningar."
        ),
        aiact_yes=frozenset({_GENERATES}),
        effect_time="Översättningar på timmar i stället för veckor.",
        effect_cost="Lägre kostnad för översättningsbyrå.",
        effect_quality="Fler texter finns på lätt svenska och andra språk.",
        effect_method="Antal publicerade översättningar och läsbarhetsmått.",
        keywords=("översättning", "klarspråk", "kommunikation", "flerspråkig information"),
        weight=2.0,
        earliest_year=2023,
    ),
    # Ärendehantering och dokument
    Archetype(
        key="diarieforing",
        area=Area.CASE_MANAGEMENT,
        titles=(
            "Automatisk diarieföring och fördelning av inkommande post",
            "AI-stöd för registrering av allmänna handlingar",
        ),
        summary=(
            "Inkommande e-post och handlingar klassificeras efter ärendetyp och förslag på "
            "diarieföring och mottagare tas fram. Registratorn godkänner."
        ),
        description=(
            "Registraturen tar emot tusentals handlingar i månaden. En modell tränad på "
            "tidigare registreringar föreslår ärendetyp, diarieplan och handläggare. Allt som "
            "modellen är osäker på hanteras manuellt."
        ),
        goal="Snabbare registrering och att handlingar hamnar rätt direkt.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Textklassificering",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Inkommande handlingar och tidigare registreringar i ärendesystemet.",
        legal_basis="Offentlighets- och sekretesslagens krav på registrering.",
        organisations=_CENTRAL,
        suppliers=(_SYSTEM_VENDOR, _IN_HOUSE),
        benefits=(Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.OPEN_GOVERNMENT),
        human_oversight="Registratorn godkänner varje förslag.",
        appeal="Verktyget fattar inga beslut.",
        risks=(
            "Felklassade handlingar kan hamna hos fel handläggare. Åtgärd: registratorn "
            "godkänner och osäkra förslag markeras."
        ),
        aiact_yes=frozenset(),
        effect_time="Registreringen går omkring en tredjedel fortare.",
        effect_cost="Registraturen klarar ökade volymer utan nyanställning.",
        effect_quality="Färre handlingar skickas vidare flera gånger.",
        effect_method="Tid per registrering och antal omfördelningar.",
        keywords=("diarieföring", "registratur", "allmänna handlingar", "klassificering"),
        weight=1.5,
    ),
    Archetype(
        key="protokoll-sammanfattning",
        area=Area.CASE_MANAGEMENT,
        titles=(
            "Sammanfattning av protokoll och utkast till tjänsteskrivelser",
            "Generativ AI för mötesanteckningar och protokoll",
        ),
        summary=(
            "En språkmodell sammanfattar inspelade möten, föreslår protokollsutkast och hjälper "
            "handläggare med första utkast till tjänsteskrivelser. Sekreteraren ansvarar för "
            "den slutliga texten."
        ),
        description=(
            "Nämndsekreterare och handläggare lägger mycket tid på protokoll och skrivelser. "
            "Verktyget ger utkast som granskas och ändras. Protokoll justeras som vanligt."
        ),
        goal="Kortare tid från möte till justerat protokoll.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI, sammanfattning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Mötesinspelningar, kallelser och tidigare protokoll.",
        legal_basis="Kommunallagens bestämmelser om protokoll.",
        organisations=_CENTRAL,
        suppliers=(_CLOUD_EU, _SYSTEM_VENDOR),
        benefits=(Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.TRANSPARENCY),
        human_oversight="Sekreteraren granskar utkastet; protokollet justeras av ledamöter.",
        appeal="Verktyget fattar inga beslut.",
        risks=(
            "Felaktiga sammanfattningar och sekretessuppgifter i inspelningar. Åtgärder: "
            "granskning, inga inspelningar vid sekretessärenden och behandling inom EU."
        ),
        aiact_yes=frozenset({_GENERATES}),
        effect_time="Omkring två timmar mindre per protokoll.",
        effect_cost="Frigjord tid för sekreterarna.",
        effect_quality="Protokollen blir klara snabbare och är mer enhetliga.",
        effect_method="Tid från möte till justering före och efter.",
        keywords=("protokoll", "sammanfattning", "tjänsteskrivelse", "nämnd", "generativ AI"),
        weight=2.0,
        earliest_year=2023,
    ),
    Archetype(
        key="sekretessmaskning",
        area=Area.CASE_MANAGEMENT,
        titles=(
            "AI-stöd för maskning vid utlämnande av allmänna handlingar",
            "Automatisk markering av personuppgifter inför utlämnande",
        ),
        summary=(
            "Vid begäran om allmänna handlingar markerar verktyget namn, personnummer och "
            "andra uppgifter som kan omfattas av sekretess. Handläggaren gör sekretessprövningen."
        ),
        description=(
            "Begäran om att ta del av handlingar ska hanteras skyndsamt och kan gälla hundratals "
            "sidor. Verktyget hittar uppgifter som brukar maskas och föreslår maskning; "
            "handläggaren prövar varje uppgift."
        ),
        goal="Snabbare utlämnande och färre missade uppgifter.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Igenkänning av namngivna entiteter",
        personal_data=PersonalData.SENSITIVE,
        data_sources="De begärda handlingarna.",
        legal_basis="Tryckfrihetsförordningen och offentlighets- och sekretesslagen.",
        organisations=(*_CENTRAL, *_SOCIAL[:1]),
        suppliers=(_PROCURED, _IN_HOUSE),
        benefits=(Benefit.OPEN_GOVERNMENT, Benefit.RESPONSIVENESS),
        human_oversight="Handläggaren prövar sekretessen för varje markerad uppgift.",
        appeal="Beslut att inte lämna ut handlingar kan överklagas till kammarrätten.",
        risks=(
            "Missade uppgifter kan röja sekretess. Åtgärder: handläggarens prövning och "
            "dubbelkontroll i känsliga ärenden."
        ),
        aiact_yes=frozenset(),
        effect_time="Maskningen går omkring dubbelt så fort.",
        effect_cost="Mindre övertid vid stora begäranden.",
        effect_quality="Färre missade uppgifter enligt stickprov.",
        effect_method="Tid per sida och stickprovsgranskning.",
        keywords=("maskning", "sekretess", "allmänna handlingar", "utlämnande"),
        weight=1.0,
        earliest_year=2021,
    ),
    Archetype(
        key="intern-ai-assistent",
        area=Area.CASE_MANAGEMENT,
        titles=(
            "Intern AI-assistent för medarbetare",
            "Säker generativ AI-assistent för kommunens medarbetare",
            "AI-assistent för skrivstöd och frågor om styrdokument",
        ),
        summary=(
            "Medarbetarna får en AI-assistent för att skriva, sammanfatta och söka i kommunens "
            "styrdokument. Den körs i en miljö där inga uppgifter används för träning."
        ),
        description=(
            "Många medarbetare använder redan generativ AI på egen hand. En gemensam assistent "
            "ger ett säkert alternativ, med riktlinjer om vilka uppgifter som får användas och "
            "en utbildning i AI-kunnighet för alla användare."
        ),
        goal="Effektivare administration och ett säkert alternativ till privata AI-tjänster.",
        technique=Technique.LANGUAGE_MODEL,
        ai_subdomain="Generativ AI",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Medarbetarnas egna frågor och kommunens styrdokument.",
        legal_basis="Riktlinjer för användning; personuppgiftsbiträdesavtal med leverantören.",
        organisations=(*_CENTRAL, *_IT[:2]),
        suppliers=(_CLOUD_EU, _PROCURED, _JOINT),
        benefits=(Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.COLLABORATION),
        human_oversight="Medarbetaren ansvarar för allt som används i arbetet.",
        appeal="Assistenten fattar inga beslut.",
        risks=(
            "Faktafel, att känsliga uppgifter matas in och beroende av en leverantör. "
            "Åtgärder: riktlinjer, utbildning, loggning och behandling inom EU."
        ),
        aiact_yes=frozenset({_CHAT, _GENERATES}),
        effect_time="Användarna uppger en till två timmar i veckan.",
        effect_cost="Licenskostnad per användare; följs upp mot användningen.",
        effect_quality="Bättre språk och struktur i texter enligt användarna.",
        effect_method="Enkät till användare och användningsstatistik.",
        keywords=("AI-assistent", "generativ AI", "skrivstöd", "styrdokument", "AI-kunnighet"),
        weight=3.0,
        earliest_year=2023,
    ),
    # HR och ekonomi
    Archetype(
        key="fakturakontroll",
        area=Area.HR_AND_FINANCE,
        titles=(
            "Automatisk fakturakontroll",
            "Upptäckt av felaktiga leverantörsfakturor med maskininlärning",
        ),
        summary=(
            "Leverantörsfakturor granskas automatiskt mot avtal, tidigare fakturor och "
            "beställningar. Avvikelser som dubbelfakturering och fel pris markeras för "
            "ekonomihandläggare."
        ),
        description=(
            "Kommunen tar emot tiotusentals fakturor om året. Modellen lär sig vad som är "
            "normalt per leverantör och markerar avvikande fakturor. Den föreslår också "
            "kontering."
        ),
        goal="Färre felaktiga utbetalningar och mindre manuell granskning.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Avvikelsedetektion",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Leverantörsfakturor, avtal och beställningar i ekonomisystemet.",
        legal_basis="Kommunallagens krav på god ekonomisk hushållning och intern kontroll.",
        organisations=_FINANCE,
        suppliers=(_SYSTEM_VENDOR, _PROCURED),
        benefits=(Benefit.COST_REDUCTION, Benefit.ANTI_CORRUPTION, Benefit.PROCESS_QUALITY),
        human_oversight="Ekonomihandläggare utreder varje markerad faktura.",
        appeal="Verktyget fattar inga beslut om betalning.",
        risks=(
            "Missade fel eller många falska larm. Åtgärd: uppföljning av träffsäkerheten "
            "varje kvartal."
        ),
        aiact_yes=frozenset(),
        effect_time="Granskningen tar halva tiden.",
        effect_cost="Felaktiga fakturor för flera hundra tusen kronor stoppas varje år.",
        effect_quality="Bättre intern kontroll enligt revisionen.",
        effect_method="Stoppade belopp och granskningstid.",
        keywords=("fakturakontroll", "leverantörsfakturor", "intern kontroll", "kontering"),
        weight=2.0,
    ),
    Archetype(
        key="rekrytering-urval",
        area=Area.HR_AND_FINANCE,
        titles=(
            "AI-stöd vid urval av ansökningar i rekrytering",
            "Maskininlärning för sortering av jobbansökningar",
        ),
        summary=(
            "Ett rekryteringsverktyg sorterar ansökningar efter hur väl de motsvarar "
            "kravprofilen. Användningen är högrisk enligt AI-förordningen."
        ),
        description=(
            "Vissa tjänster får hundratals ansökningar. Förvaltningen prövar att låta ett "
            "verktyg rangordna dem mot kravprofilen, men rekryterande chef läser alla "
            "ansökningar som uppfyller grundkraven."
        ),
        goal="Snabbare rekrytering och mer enhetliga urval.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Rangordning av text",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Ansökningar och kravprofiler i rekryteringssystemet.",
        legal_basis="Anställningsförfarandet enligt lagen om offentlig anställning.",
        organisations=_HR,
        suppliers=("Leverantören av rekryteringssystemet", _PROCURED),
        benefits=(Benefit.ADMINISTRATIVE_EFFICIENCY, Benefit.FAIRNESS),
        human_oversight="Rekryterande chef läser alla ansökningar som uppfyller grundkraven.",
        appeal=(
            "Sökande kan begära en förklaring (art. 86); anställningsbeslut kan överklagas "
            "enligt kommunallagen i vissa fall."
        ),
        risks=(
            "Högrisk: risk för diskriminering. Åtgärder: information till fackliga "
            "företrädare och sökande, prövning av utfallet mellan grupper och "
            "konsekvensbedömning för grundläggande rättigheter."
        ),
        aiact_yes=frozenset({"rekrytering"}),
        effect_time="Kortare tid till intervju.",
        effect_cost="Mindre tid för chefer och HR.",
        effect_quality="Ska utvärderas mot likabehandling.",
        effect_method="Tid till tillsättning och prövning av urvalet mellan grupper.",
        keywords=("rekrytering", "urval", "ansökningar", "HR", "likabehandling"),
        weight=0.5,
        earliest_year=2021,
        stages=_NO_PRODUCTION,
    ),
    Archetype(
        key="vikarieprognos",
        area=Area.HR_AND_FINANCE,
        titles=(
            "Prognos för vikariebehov i förskola och äldreomsorg",
            "Prognosmodell för korttidsfrånvaro och bemanning",
        ),
        summary=(
            "En prognosmodell förutser korttidsfrånvaron per enhet och vecka, så att "
            "bemanningsenheten kan boka vikarier i tid."
        ),
        description=(
            "Vikarier bokas ofta samma morgon. Modellen använder frånvarohistorik på "
            "enhetsnivå, säsong och helgdagar. Den gör inga prognoser för enskilda anställda."
        ),
        goal="Färre obemannade pass och lägre kostnader för sena bokningar.",
        technique=Technique.FORECASTING,
        ai_subdomain="Tidsserieprognos",
        personal_data=PersonalData.PSEUDONYMISED,
        data_sources="Aggregerad frånvarostatistik per enhet.",
        legal_basis="Arbetsgivarens planering; inga uppgifter om enskilda i modellen.",
        organisations=(*_HR, "Bemanningsenheten"),
        suppliers=(_IN_HOUSE, _PROCURED),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.COST_REDUCTION),
        human_oversight="Bemanningsenheten använder prognosen som stöd vid bokning.",
        appeal="Prognosen gäller inga enskilda.",
        risks="Risk att uppgifter om enskilda kan härledas i små enheter; åtgärd: sammanslagning.",
        aiact_yes=frozenset(),
        effect_time="Färre akuta bokningar på morgonen.",
        effect_cost="Lägre kostnader för övertid och sena bokningar.",
        effect_quality="Fler pass bemannas med ordinarie vikarier.",
        effect_method="Andel obemannade pass och övertidskostnad.",
        keywords=("bemanning", "vikarier", "frånvaro", "prognos", "schemaläggning"),
        weight=0.6,
        earliest_year=2020,
    ),
    # Samhällsbyggnad och miljö
    Archetype(
        key="bygglov-granskning",
        area=Area.PLANNING_AND_ENVIRONMENT,
        titles=(
            "AI-stöd vid granskning av bygglovsansökningar",
            "Automatisk kontroll av att bygglovsansökningar är kompletta",
        ),
        summary=(
            "När en bygglovsansökan kommer in kontrollerar verktyget att ritningar och "
            "handlingar finns och uppfyller grundläggande krav, och jämför förslaget med "
            "detaljplanen. Handläggaren bedömer och beslutar."
        ),
        description=(
            "Många ansökningar är ofullständiga, och kompletteringar förlänger "
            "handläggningen. Verktyget läser ritningar och handlingar och ger en lista över "
            "vad som saknas och vilka planbestämmelser som berörs."
        ),
        goal="Färre kompletteringar och kortare handläggningstider.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Dokument- och ritningstolkning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Ansökningshandlingar, ritningar och digitala detaljplaner.",
        legal_basis="Plan- och bygglagen.",
        organisations=_PLANNING,
        suppliers=(_SYSTEM_VENDOR, _PROCURED, _JOINT),
        benefits=(Benefit.RESPONSIVENESS, Benefit.CITIZEN_CENTRED),
        human_oversight="Handläggaren granskar listan och fattar alla beslut.",
        appeal="Beslut om bygglov överklagas till länsstyrelsen.",
        risks=(
            "Felaktiga eller missade brister. Åtgärd: listan är ett stöd; handläggaren gör "
            "den fullständiga granskningen."
        ),
        aiact_yes=frozenset(),
        effect_time="Kompletteringsbegäran skickas samma dag i stället för efter en vecka.",
        effect_cost="Mindre handläggartid per ärende.",
        effect_quality="Fler ansökningar är kompletta från början.",
        effect_method="Andel kompletta ansökningar och handläggningstid.",
        keywords=("bygglov", "granskning", "ritningar", "detaljplan", "handläggning"),
        weight=1.5,
        earliest_year=2021,
    ),
    Archetype(
        key="flygbildsanalys",
        area=Area.PLANNING_AND_ENVIRONMENT,
        titles=(
            "Bildanalys av flygbilder för att hitta förändringar i bebyggelsen",
            "AI-analys av ortofoton för kartuppdatering",
        ),
        summary=(
            "Bildanalys jämför nya och gamla flygbilder och hittar nya byggnader, rivningar "
            "och förändrade ytor. Resultatet används för att hålla kartan aktuell."
        ),
        description=(
            "Kartan ska vara aktuell för planering och bygglov. Modellen jämför flygbilder "
            "och föreslår ändringar som en kartingenjör godkänner. Fynd som kan kräva lov "
            "kontrolleras av en handläggare innan något ärende öppnas."
        ),
        goal="En aktuell karta och bättre underlag för planering och tillsyn.",
        technique=Technique.IMAGE_ANALYSIS,
        ai_subdomain="Förändringsdetektion i bilder",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Ortofoton och kommunens baskarta.",
        legal_basis="Kommunens uppdrag enligt plan- och bygglagen.",
        organisations=_PLANNING,
        suppliers=(_PROCURED, _IN_HOUSE),
        benefits=(Benefit.PROCESS_QUALITY, Benefit.RESOURCE_MANAGEMENT),
        human_oversight="Kartingenjör och handläggare granskar alla fynd.",
        appeal="Verktyget fattar inga beslut; eventuella tillsynsärenden handläggs som vanligt.",
        risks=(
            "Fel fynd kan leda till onödiga tillsynsärenden. Åtgärd: granskning innan någon "
            "kontaktas."
        ),
        aiact_yes=frozenset(),
        effect_time="Kartuppdateringen går mycket snabbare.",
        effect_cost="Mindre fältarbete.",
        effect_quality="Kartan är aktuell inom några veckor efter flygfotografering.",
        effect_method="Antal ändringar och tid per uppdatering.",
        keywords=("flygbilder", "ortofoto", "kartuppdatering", "bildanalys", "tillsyn"),
        weight=0.8,
    ),
    Archetype(
        key="detaljplaner-digitalisering",
        area=Area.PLANNING_AND_ENVIRONMENT,
        titles=(
            "Digitalisering av äldre detaljplaner med AI-tolkning",
            "AI-stöd för att göra gällande planer digitala",
        ),
        summary=(
            "Äldre detaljplaner som bara finns som skannade dokument tolkas med AI så att "
            "planbestämmelser och gränser blir digitala. Planarkitekter granskar resultatet."
        ),
        description=(
            "Kommunen ska kunna tillhandahålla gällande planer digitalt. Manuell digitalisering "
            "av hundratals äldre planer tar år. Verktyget läser text och plankartor och föreslår "
            "strukturerade bestämmelser."
        ),
        goal="Digitala planer snabbare och till lägre kostnad.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Dokumenttolkning och bildanalys",
        personal_data=PersonalData.NONE,
        data_sources="Skannade detaljplaner och plankartor.",
        legal_basis="Plan- och bygglagen.",
        organisations=_PLANNING,
        suppliers=(_PROCURED, _JOINT),
        benefits=(Benefit.OPEN_GOVERNMENT, Benefit.PROCESS_QUALITY),
        human_oversight="Planarkitekter granskar varje digitaliserad plan.",
        appeal="Verktyget fattar inga beslut.",
        risks="Feltolkade bestämmelser. Åtgärd: granskning innan planen publiceras.",
        aiact_yes=frozenset(),
        effect_time="En plan digitaliseras på en dag i stället för en vecka.",
        effect_cost="Lägre kostnad än manuell digitalisering.",
        effect_quality="Fler planer sökbara för invånare och handläggare.",
        effect_method="Tid och kostnad per plan.",
        keywords=("detaljplan", "digitalisering", "planbestämmelser", "samhällsbyggnad"),
        weight=0.6,
        earliest_year=2021,
    ),
    # Teknik och infrastruktur
    Archetype(
        key="lacksokning-va",
        area=Area.INFRASTRUCTURE,
        titles=(
            "Läcksökning i VA-nätet med sensordata och maskininlärning",
            "AI-analys av flöden och tryck för att hitta vattenläckor",
        ),
        summary=(
            "Flödes-, tryck- och ljudsensorer i dricksvattennätet analyseras med "
            "maskininlärning för att hitta läckor tidigt. VA-personal prioriterar och åtgärdar."
        ),
        description=(
            "En stor del av det producerade dricksvattnet försvinner i läckor. Modellen lär "
            "sig normala flöden i varje område och larmar vid avvikelser, så att läckor kan "
            "lagas innan de blir stora."
        ),
        goal="Mindre vattenförlust, färre avbrott och lägre energiförbrukning.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Avvikelsedetektion i sensordata",
        personal_data=PersonalData.NONE,
        data_sources="Flödes-, tryck- och ljudsensorer i ledningsnätet.",
        legal_basis="Lagen om allmänna vattentjänster.",
        organisations=_WATER,
        suppliers=(_PROCURED, "Leverantören av driftövervakningssystemet", _JOINT),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.COST_REDUCTION),
        human_oversight="Driftpersonal bedömer varje larm innan grävning.",
        appeal="Systemet fattar inga beslut om enskilda.",
        risks="Falska larm och missade läckor. Åtgärd: uppföljning av träffsäkerheten.",
        aiact_yes=frozenset(),
        effect_time="Läckor hittas veckor tidigare.",
        effect_cost="Lägre kostnad för vattenproduktion och akuta reparationer.",
        effect_quality="Andelen ej debiterat vatten har minskat.",
        effect_method="Vattenbalans och antal läckor före och efter.",
        keywords=("läcksökning", "VA", "dricksvatten", "sensorer", "ledningsnät"),
        weight=1.5,
    ),
    Archetype(
        key="dricksvatten-overvakning",
        area=Area.INFRASTRUCTURE,
        titles=(
            "AI-övervakning av dricksvattenkvalitet med automatisk avstängning",
            "Onlineövervakning av råvatten som styr vattenverkets intag",
        ),
        summary=(
            "Mätare i råvattnet och vattenverket analyseras löpande av en modell som larmar "
            "och stänger intaget vid avvikelser. Som säkerhetskomponent i kritisk "
            "infrastruktur är den högrisk."
        ),
        description=(
            "Föroreningar i råvattnet måste upptäckas innan de når nätet. Modellen jämför "
            "många mätvärden samtidigt och reagerar snabbare än fasta gränsvärden. Den kan "
            "stänga intaget automatiskt; driftpersonal bekräftar och återstartar."
        ),
        goal="Säkert dricksvatten och snabbare åtgärd vid föroreningar.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Avvikelsedetektion och styrning",
        personal_data=PersonalData.NONE,
        data_sources="Mätvärden för grumlighet, konduktivitet, pH och mikrobiologi.",
        legal_basis="Dricksvattenföreskrifterna och lagen om allmänna vattentjänster.",
        organisations=_WATER,
        suppliers=("Leverantören av driftövervakningssystemet", _PROCURED),
        benefits=(Benefit.PUBLIC_SERVICE, Benefit.PROCESS_QUALITY),
        human_oversight=(
            "Driftpersonal har jour dygnet runt, bekräftar varje avstängning och kan gå in "
            "manuellt."
        ),
        appeal="Systemet fattar inga beslut om enskilda.",
        risks=(
            "Högrisk: felaktig avstängning kan ge vattenbrist, missad avvikelse kan ge "
            "förorenat vatten. Åtgärder: fasta gränsvärden som reserv, loggning, rapportering "
            "av allvarliga incidenter och användning enligt bruksanvisningen."
        ),
        aiact_yes=frozenset({"kritisk_infrastruktur"}),
        effect_time="Avvikelser upptäcks inom minuter.",
        effect_cost="Undvikna kostnader för kokningsrekommendationer.",
        effect_quality="Inga föroreningar har nått nätet sedan införandet.",
        effect_method="Larm- och händelselogg, genomgång med livsmedelsinspektionen.",
        keywords=("dricksvatten", "vattenverk", "kritisk infrastruktur", "övervakning"),
        weight=0.5,
    ),
    Archetype(
        key="vagskador-bildanalys",
        area=Area.INFRASTRUCTURE,
        titles=(
            "Inventering av vägskador med kamera och bildanalys",
            "AI-analys av gatornas skick med fordonsmonterad kamera",
        ),
        summary=(
            "Kameror på kommunens fordon filmar gatorna under ordinarie körningar, och "
            "bildanalys hittar sprickor och potthål. Ansikten och registreringsskyltar "
            "maskeras automatiskt."
        ),
        description=(
            "Gatornas skick inventeras ofta manuellt vart tredje år. Med kameror på fordon som "
            "ändå kör gatorna kan skadorna följas löpande, som underlag för underhållsplanen."
        ),
        goal="Rätt underhåll i tid och lägre kostnader för akuta lagningar.",
        technique=Technique.IMAGE_ANALYSIS,
        ai_subdomain="Objektdetektion i bild",
        personal_data=PersonalData.PSEUDONYMISED,
        data_sources="Film från fordonsmonterade kameror, maskerad direkt.",
        legal_basis="Kommunens ansvar som väghållare; kameraövervakningslagen har prövats.",
        organisations=_TECHNICAL,
        suppliers=(_PROCURED, _JOINT),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.COST_REDUCTION),
        human_oversight="Gatuingenjörer prioriterar åtgärderna.",
        appeal="Systemet fattar inga beslut om enskilda.",
        risks="Filmning av människor. Åtgärder: maskering i fordonet och kort lagringstid.",
        aiact_yes=frozenset(),
        effect_time="Inventeringen kräver ingen egen fältpersonal.",
        effect_cost="Lägre kostnad för akuta lagningar.",
        effect_quality="Underhållsplanen bygger på aktuella data.",
        effect_method="Kostnad för lagningar och antal skadeanmälningar.",
        keywords=("vägunderhåll", "potthål", "bildanalys", "gator", "underhållsplan"),
        weight=1.0,
        earliest_year=2020,
        cofog=Cofog.ECONOMIC_AFFAIRS,
    ),
    Archetype(
        key="ruttoptimering-avfall",
        area=Area.INFRASTRUCTURE,
        titles=(
            "Ruttoptimering för avfallshämtning med fyllnadsgradssensorer",
            "Behovsstyrd tömning av kärl och återvinningsstationer",
        ),
        summary=(
            "Sensorer mäter fyllnadsgraden i kärl och containrar, och ett optimeringsverktyg "
            "planerar hämtningsrutterna efter behov i stället för efter fast schema."
        ),
        description=(
            "Många kärl töms halvfulla medan andra svämmar över. Med sensorer och "
            "ruttoptimering körs rätt sträckor vid rätt tid."
        ),
        goal="Färre körda kilometer, lägre utsläpp och färre överfulla kärl.",
        technique=Technique.OPTIMISATION,
        ai_subdomain="Ruttoptimering",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Sensordata, abonnentregister och vägnät.",
        legal_basis="Miljöbalkens bestämmelser om kommunalt avfallsansvar.",
        organisations=(*_TECHNICAL, "Kommunens avfallsbolag"),
        suppliers=(_PROCURED, _JOINT),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.COST_REDUCTION),
        human_oversight="Trafikledare godkänner och justerar rutterna.",
        appeal="Systemet fattar inga beslut om enskilda; avgifter beslutas som vanligt.",
        risks="Missade tömningar vid sensorfel. Åtgärd: larm vid uteblivna mätvärden.",
        aiact_yes=frozenset(),
        effect_time="Färre körtimmar per vecka.",
        effect_cost="Lägre drivmedels- och fordonskostnader.",
        effect_quality="Färre klagomål på överfulla kärl.",
        effect_method="Körda kilometer och klagomål före och efter.",
        keywords=("avfall", "ruttoptimering", "sensorer", "renhållning", "återvinning"),
        weight=0.8,
        cofog=Cofog.ENVIRONMENT,
    ),
    Archetype(
        key="energi-fastigheter",
        area=Area.INFRASTRUCTURE,
        titles=(
            "Prognosstyrd värme och ventilation i kommunens fastigheter",
            "AI-optimering av energianvändningen i skolor och förskolor",
        ),
        summary=(
            "Värme och ventilation i kommunens skolor, förskolor och äldreboenden styrs efter "
            "väderprognoser och hur lokalerna används, med hjälp av maskininlärning."
        ),
        description=(
            "Byggnader värms ofta efter utetemperaturen just nu. Modellen lär sig hur varje "
            "byggnad reagerar och styr mot väderprognos och bokningar, utan att inomhusklimatet "
            "blir sämre."
        ),
        goal="Lägre energianvändning och kostnader och bättre inomhusklimat.",
        technique=Technique.FORECASTING,
        ai_subdomain="Prognos och reglering",
        personal_data=PersonalData.NONE,
        data_sources="Fastigheternas styrsystem, väderprognoser och lokalbokningar.",
        legal_basis="Ingen behandling av personuppgifter.",
        organisations=(*_TECHNICAL, "Kommunens fastighetsbolag"),
        suppliers=(_PROCURED, "Leverantören av fastighetsautomation"),
        benefits=(Benefit.RESOURCE_MANAGEMENT, Benefit.COST_REDUCTION),
        human_oversight="Driftteknikerna följer klimatet och kan gå in manuellt.",
        appeal="Systemet fattar inga beslut om enskilda.",
        risks="Sämre inomhusklimat vid fel. Åtgärd: gränsvärden för temperatur och luftkvalitet.",
        aiact_yes=frozenset(),
        effect_time="Färre felanmälningar om inomhusklimat att hantera.",
        effect_cost="Omkring en tiondel lägre kostnad för värme i de anslutna byggnaderna.",
        effect_quality="Jämnare inomhustemperatur.",
        effect_method="Normalårskorrigerad energistatistik före och efter.",
        keywords=("energi", "fastigheter", "värme", "ventilation", "energieffektivisering"),
        weight=1.5,
    ),
    # Kultur och fritid
    Archetype(
        key="bibliotek-rekommendationer",
        area=Area.CULTURE_AND_LEISURE,
        titles=(
            "Boktips och rekommendationer i bibliotekets katalog",
            "AI-baserade lästips på bibliotekets webbplats",
        ),
        summary=(
            "Bibliotekets webbkatalog ger lästips utifrån vad andra lånat och vad som liknar "
            "boken man tittar på. Personliga tips bygger bara på egna lån om låntagaren valt det."
        ),
        description=(
            "Låntagare efterfrågar fler tips än bibliotekarierna hinner ge. Rekommendationerna "
            "blandas med bibliotekariernas egna tips, och personlig anpassning är frivillig."
        ),
        goal="Fler lån och fler som hittar nya författare.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Rekommendationssystem",
        personal_data=PersonalData.PSEUDONYMISED,
        data_sources="Pseudonymiserad lånestatistik och katalogdata.",
        legal_basis="Bibliotekslagen; samtycke för personliga tips.",
        organisations=_CULTURE,
        suppliers=("Leverantören av bibliotekssystemet", _JOINT),
        benefits=(Benefit.PERSONALISED, Benefit.NEW_CHANNELS),
        human_oversight="Bibliotekarier väljer ut tips och kan ta bort rekommendationer.",
        appeal="Systemet fattar inga beslut.",
        risks="Filterbubblor och lånehistorik. Åtgärder: blandade tips och frivillighet.",
        aiact_yes=frozenset(),
        effect_time="Bibliotekarierna lägger mindre tid på listor.",
        effect_cost="Ingår i bibliotekssystemet.",
        effect_quality="Fler lån av titlar utanför topplistan.",
        effect_method="Lånestatistik och klickfrekvens på tips.",
        keywords=("bibliotek", "rekommendationer", "lästips", "katalog"),
        weight=0.8,
    ),
    Archetype(
        key="arkiv-handskrift",
        area=Area.CULTURE_AND_LEISURE,
        titles=(
            "Transkribering av handskrivna arkivhandlingar med AI",
            "Sökbara protokoll ur kommunarkivet med handskriftsigenkänning",
        ),
        summary=(
            "Handskrivna protokoll och handlingar i kommunarkivet skrivs ut med "
            "handskriftsigenkänning så att de blir sökbara för forskare och allmänhet."
        ),
        description=(
            "Kommunarkivet har hyllmeter av handskrivna protokoll från 1800- och 1900-talen. "
            "En modell tränad på äldre svensk handskrift skriver ut texterna, och "
            "arkivarier och frivilliga rättar dem."
        ),
        goal="Ett tillgängligt kulturarv och snabbare svar på förfrågningar.",
        technique=Technique.IMAGE_ANALYSIS,
        ai_subdomain="Handskriftsigenkänning",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Skannade arkivhandlingar.",
        legal_basis="Arkivlagen; handlingar med sekretess publiceras inte.",
        organisations=_ARCHIVE,
        suppliers=(_JOINT, _PROCURED),
        benefits=(Benefit.OPEN_GOVERNMENT, Benefit.TRANSPARENCY),
        human_oversight="Arkivarier granskar texterna innan de publiceras.",
        appeal="Systemet fattar inga beslut.",
        risks=(
            "Felläsningar och publicering av uppgifter om enskilda. Åtgärd: "
            "sekretessprövning före publicering."
        ),
        aiact_yes=frozenset(),
        effect_time="Förfrågningar besvaras på minuter i stället för dagar.",
        effect_cost="Lägre kostnad än manuell avskrift.",
        effect_quality="Tusentals sidor är sökbara.",
        effect_method="Antal transkriberade sidor och teckenfel i stickprov.",
        keywords=("arkiv", "handskrift", "transkribering", "kulturarv", "protokoll"),
        weight=0.5,
        earliest_year=2021,
    ),
    # IT och säkerhet
    Archetype(
        key="natfiske-detektion",
        area=Area.IT_AND_SECURITY,
        titles=(
            "AI-baserad upptäckt av nätfiske i e-posten",
            "Phishing-detektion med maskininlärning",
        ),
        summary=(
            "Inkommande e-post analyseras med maskininlärning för att stoppa nätfiske och "
            "bedrägeriförsök, till exempel falska fakturor och förfalskade avsändare."
        ),
        description=(
            "Kommuner är ett vanligt mål för nätfiske och fakturabedrägerier. Utöver "
            "traditionella filter bedömer modellen språk, länkar och avsändarmönster och "
            "sätter misstänkta meddelanden i karantän."
        ),
        goal="Färre lyckade intrång och bedrägerier.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Klassificering och avvikelsedetektion",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Inkommande e-post och metadata.",
        legal_basis="Informationssäkerhetsarbete; behandlingen begränsas till säkerhetssyfte.",
        organisations=_IT,
        suppliers=("Leverantören av e-posttjänsten", _PROCURED),
        benefits=(Benefit.PROCESS_QUALITY, Benefit.ANTI_CORRUPTION),
        human_oversight="IT-säkerhetsfunktionen granskar karantänen och släpper felbedömd post.",
        appeal="Den som saknar ett meddelande kan be IT-supporten att granska karantänen.",
        risks="Legitim post kan stoppas. Åtgärd: daglig granskning av karantänen.",
        aiact_yes=frozenset(),
        effect_time="Färre incidenter att hantera.",
        effect_cost="Undvikna bedrägerier och incidenter.",
        effect_quality="Färre klick på nätfiskelänkar vid övningar.",
        effect_method="Incidentstatistik och nätfiskeövningar.",
        keywords=("nätfiske", "phishing", "informationssäkerhet", "e-post", "cybersäkerhet"),
        weight=1.5,
    ),
    Archetype(
        key="sakerhetsovervakning",
        area=Area.IT_AND_SECURITY,
        titles=(
            "Avvikelsedetektion i IT-miljön",
            "AI-stödd säkerhetsövervakning av nätverk och inloggningar",
        ),
        summary=(
            "Loggar från nätverk, servrar och inloggningar analyseras med maskininlärning för "
            "att upptäcka intrång och ovanliga mönster dygnet runt."
        ),
        description=(
            "En liten IT-avdelning kan inte följa alla loggar. Modellen lär sig normala mönster "
            "och larmar säkerhetsfunktionen vid avvikelser, till exempel inloggningar från "
            "ovanliga platser."
        ),
        goal="Snabbare upptäckt av intrång och bättre skydd av verksamhetens information.",
        technique=Technique.MACHINE_LEARNING,
        ai_subdomain="Avvikelsedetektion",
        personal_data=PersonalData.IDENTIFIABLE,
        data_sources="Loggar från nätverk, servrar och inloggningar.",
        legal_basis=(
            "Informationssäkerhetsarbete; loggarna används inte för att följa upp enskildas arbete."
        ),
        organisations=_IT,
        suppliers=(_PROCURED, _JOINT, "Kommunalförbundets IT-enhet"),
        benefits=(Benefit.PROCESS_QUALITY, Benefit.RESOURCE_MANAGEMENT),
        human_oversight="Säkerhetsanalytiker bedömer varje larm.",
        appeal="Systemet fattar inga beslut om enskilda.",
        risks=(
            "Loggarna kan användas för att övervaka anställda. Åtgärder: ändamålsbegränsning, "
            "behörighetsstyrning och information till de anställda."
        ),
        aiact_yes=frozenset(),
        effect_time="Incidenter upptäcks inom timmar i stället för dagar.",
        effect_cost="Billigare än egen bemanning dygnet runt.",
        effect_quality="Bättre efterlevnad av krav på informationssäkerhet.",
        effect_method="Tid till upptäckt vid incidenter och övningar.",
        keywords=("säkerhetsövervakning", "loggar", "intrång", "cybersäkerhet", "IT-drift"),
        weight=1.0,
    ),
)

ARCHETYPES_BY_KEY: Mapping[str, Archetype] = MappingProxyType({a.key: a for a in ARCHETYPES})
# For matching text elsewhere (needs against use cases): what each archetype is about.
ARCHETYPE_AREAS: Mapping[str, Area] = MappingProxyType({a.key: a.area for a in ARCHETYPES})
ARCHETYPE_KEYWORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {a.key: a.keywords for a in ARCHETYPES}
)


def simulate(
    municipalities: Sequence[MunicipalityFacts],
    rng: np.random.Generator,
    until: date,
    count: int = DEFAULT_COUNT,
) -> list[SimulatedUseCase]:
    """Example use cases of ``count`` municipalities, drawn with a weight rising with size.

    All of them are drawn when there are no more than ``count``. A municipality without a
    known population is treated as one of median size. No date is later than ``until``,
    except the planned end of a pilot. The result is ordered by municipality code, then by
    the archetypes' order in the catalogue, and is the same for the same generator state.

    Raises
    ------
    ValueError
        If ``municipalities`` is empty, ``count`` is not positive, ``until`` is before 2019,
        or a population is not positive.
    """
    if not municipalities:
        raise ValueError("municipalities: must not be empty")
    if count < 1:
        raise ValueError(f"count: expected at least 1, got {count}")
    if until < EARLIEST_START:
        raise ValueError(f"until: expected {EARLIEST_START} or later, got {until}")
    ordered = sorted(municipalities, key=lambda m: m.code)
    size = np.array([_standardised_size(m) for m in ordered])
    weights = np.exp(_SELECTION_SIZE_EFFECT * size)
    drawn = rng.choice(
        len(ordered), size=min(count, len(ordered)), replace=False, p=weights / weights.sum()
    )
    popularity = np.array([a.weight for a in ARCHETYPES])
    simulated: list[SimulatedUseCase] = []
    for index in sorted(int(i) for i in drawn):
        municipality = ordered[index]
        cases = 1 + int(rng.poisson(np.exp(_CASES_BASE + _CASES_SIZE_EFFECT * size[index])))
        cases = min(cases, MAX_CASES, len(ARCHETYPES))
        chosen = rng.choice(
            len(ARCHETYPES), size=cases, replace=False, p=popularity / popularity.sum()
        )
        mailbox = _CONTACT_MAILBOXES[int(rng.integers(len(_CONTACT_MAILBOXES)))]
        email = f"{mailbox}@{_domain_label(municipality.name)}.example"
        simulated.extend(
            _case(ARCHETYPES[i], municipality.code, email, size[index], until, rng)
            for i in sorted(int(i) for i in chosen)
        )
    return simulated


def _case(
    archetype: Archetype,
    code: str,
    email: str,
    size: float,
    until: date,
    rng: np.random.Generator,
) -> SimulatedUseCase:
    stage = _stage(archetype, size, rng)
    earliest = min(max(EARLIEST_START, date(archetype.earliest_year, 1, 1)), until)
    start, end = _dates(stage, earliest, until, rng)
    answers = archetype.aiact_answers()
    started = stage in (Stage.PILOT, Stage.IN_PRODUCTION, Stage.RETIRED)
    dpia_done = (
        start is not None
        and started
        and archetype.personal_data in (PersonalData.IDENTIFIABLE, PersonalData.SENSITIVE)
        and bool(rng.random() < 0.75)
    )
    dpia_date = (
        _day_between(rng, max(start - timedelta(days=120), EARLIEST_START), start)
        if dpia_done and start
        else None
    )
    # A fundamental-rights assessment is only asked of high-risk uses; fewer have done it
    # than the data-protection one, since the duty only applies from August 2026.
    high_risk = aiact.classify(answers).risk_class == aiact.RiskClass.HIGH
    fria_done = high_risk and started and bool(rng.random() < 0.5)
    fria_date = (
        _day_between(rng, max(start, date(2025, 1, 1)), until)
        if fria_done and start and max(start, date(2025, 1, 1)) <= until
        else None
    )
    if fria_date is None:
        fria_done = False
    evaluated_share = {Stage.PILOT: 0.3, Stage.IN_PRODUCTION: 0.5, Stage.RETIRED: 0.6}
    effect_evaluated = started and bool(rng.random() < evaluated_share.get(stage, 0.0))
    title = archetype.titles[int(rng.integers(len(archetype.titles)))]
    organisation = archetype.organisations[int(rng.integers(len(archetype.organisations)))]
    supplier = archetype.suppliers[int(rng.integers(len(archetype.suppliers)))]
    reviewed_from = max(start or EARLIEST_START, until - timedelta(days=365))
    return SimulatedUseCase(
        code=code,
        archetype=archetype.key,
        title=title,
        summary=archetype.summary,
        description=f"{archetype.description}\n\n{_stage_note(stage, start, end, rng)}",
        goal=archetype.goal,
        area=archetype.area,
        cofog=archetype.cofog or _COFOG_OF_AREA[archetype.area],
        technique=archetype.technique,
        ai_subdomain=archetype.ai_subdomain,
        keywords=", ".join(archetype.keywords),
        supplier=supplier,
        organisation_name=organisation,
        contact_email=email,
        stage=stage,
        start_date=start,
        end_date=end,
        data_sources=archetype.data_sources,
        personal_data=archetype.personal_data,
        legal_basis=archetype.legal_basis,
        human_oversight=archetype.human_oversight,
        appeal=archetype.appeal,
        risks=archetype.risks,
        dpia_done=dpia_done,
        dpia_date=dpia_date,
        fria_done=fria_done,
        fria_date=fria_date,
        aiact_yes=archetype.aiact_yes,
        benefits=tuple(str(benefit) for benefit in archetype.benefits),
        # Ideas and pre-studies have no effect to report yet.
        effect_time=archetype.effect_time if started else "",
        effect_cost=archetype.effect_cost if started else "",
        effect_quality=archetype.effect_quality if started else "",
        effect_method=archetype.effect_method if started else "",
        effect_evaluated=effect_evaluated,
        last_reviewed=_day_between(rng, min(reviewed_from, until), until),
    )


def _stage(archetype: Archetype, size: float, rng: np.random.Generator) -> Stage:
    logits = _STAGE_BASE + _STAGE_SIZE_EFFECT * size
    if archetype.earliest_year >= _RECENT_YEAR:
        logits = logits + _RECENT_IN_PRODUCTION_SHIFT * (np.array(STAGES) == Stage.IN_PRODUCTION)
    allowed = np.array([stage in archetype.stages for stage in STAGES])
    weights = np.where(allowed, np.exp(logits), 0.0)
    return STAGES[int(rng.choice(len(STAGES), p=weights / weights.sum()))]


def _dates(
    stage: Stage, earliest: date, until: date, rng: np.random.Generator
) -> tuple[date | None, date | None]:
    """Start and end consistent with the stage; every start within ``earliest``..``until``."""
    if stage == Stage.IDEA:
        return None, None
    if stage == Stage.PRESTUDY:
        return _day_between(rng, max(earliest, until - timedelta(days=540)), until), None
    if stage == Stage.PILOT:
        first = max(earliest, until - timedelta(days=3 * 365))
        start = _day_between(rng, first, until - timedelta(days=30))
        if rng.random() < 0.4:
            # A pilot's end may be planned, so it may lie after ``until``.
            return start, start + timedelta(days=int(rng.integers(180, 541)))
        return start, None
    if stage == Stage.IN_PRODUCTION:
        return _day_between(rng, earliest, until - timedelta(days=60)), None
    start = _day_between(rng, earliest, until - timedelta(days=365))
    end = _day_between(
        rng, min(start + timedelta(days=180), until), min(start + timedelta(days=3 * 365), until)
    )
    return start, end


def _day_between(rng: np.random.Generator, first: date, last: date) -> date:
    """A day from ``first`` to ``last``, both included; ``first`` when the range is empty."""
    if last <= first:
        return first
    return first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))


def _stage_note(
    stage: Stage, start: date | None, end: date | None, rng: np.random.Generator
) -> str:
    if stage == Stage.IDEA:
        return (
            "Idén kommer från verksamheten och ska bedömas i kommunens process för "
            "digitaliseringsinitiativ."
        )
    assert start is not None
    if stage == Stage.PRESTUDY:
        return (
            f"En förstudie pågår sedan {_month(start)} för att utreda behov, juridik och kostnader."
        )
    if stage == Stage.PILOT:
        note = f"En pilot i en del av verksamheten pågår sedan {_month(start)}."
        return f"{note} Piloten planeras pågå till {_month(end)}." if end else note
    if stage == Stage.IN_PRODUCTION:
        return f"Lösningen är i drift sedan {_month(start)}."
    assert end is not None
    reason = _RETIREMENT_REASONS[int(rng.integers(len(_RETIREMENT_REASONS)))]
    return f"Lösningen användes från {_month(start)} till {_month(end)}. {reason}"


def _month(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _domain_label(name: str) -> str:
    """The municipality's name as a domain label: "Upplands Väsby" becomes "upplands-vasby"."""
    return slugify(name) or "kommun"


def _standardised_size(municipality: MunicipalityFacts) -> float:
    population = municipality.population
    if population is None:
        return 0.0
    if not population > 0:
        raise ValueError(
            f"population of {municipality.code}: expected a positive number, got {population!r}"
        )
    return (float(np.log10(population)) - _LOG_POPULATION_CENTRE) / _LOG_POPULATION_SCALE
