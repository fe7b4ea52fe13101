"""The AI maturity model as data: dimensions, levels and what a municipality at each has done.

Each version is a :class:`ModelDefinition` here and is loaded into the database by a data
migration; a version once loaded never changes, so an assessment always shows the
descriptors it was answered against. A new version is a new definition and a new migration.

The texts are Swedish and marked for translation (``gettext_noop``): the database keeps the
Swedish, the pages translate it when a translation exists.
"""

from __future__ import annotations

from dataclasses import dataclass

# Marked for translation only: the Swedish goes into the database, pages translate it.
from django.utils.translation import gettext_noop as _

LEVELS = 5


@dataclass(frozen=True)
class DimensionDefinition:
    key: str
    name: str
    description: str
    descriptors: tuple[str, str, str, str, str]  # what a municipality at level 1..5 has done


@dataclass(frozen=True)
class ModelDefinition:
    version: str
    title: str
    level_names: tuple[str, str, str, str, str]
    dimensions: tuple[DimensionDefinition, ...]


MODEL_2025 = ModelDefinition(
    version="2025",
    title=_("AI-mognad i kommuner, version 2025"),
    level_names=(
        _("Inte påbörjad"),
        _("Utforskande"),
        _("Etablerad"),
        _("Integrerad"),
        _("Ledande"),
    ),
    dimensions=(
        DimensionDefinition(
            key="strategi",
            name=_("Strategi och ledning"),
            description=_(
                "Hur kommunens ledning har beslutat om, styr och prioriterar arbetet med AI."
            ),
            descriptors=(
                _(
                    "Kommunen har inget beslut om AI. Frågan har inte behandlats av "
                    "kommunstyrelsen eller kommunledningen."
                ),
                _(
                    "Kommunledningen har diskuterat AI och gett en tjänsteperson eller en "
                    "grupp i uppdrag att utreda möjligheter och risker."
                ),
                _(
                    "Kommunstyrelsen har antagit en AI-strategi, eller ett avsnitt om AI i "
                    "digitaliseringsstrategin, med mål, prioriteringar och utpekat ansvar."
                ),
                _(
                    "AI-strategin följs upp varje år i kommunens ordinarie styrning, med mål i "
                    "verksamhetsplanerna och en avsatt budget för AI-arbetet."
                ),
                _(
                    "Kommunfullmäktige har fastställt långsiktiga mål för AI som följs upp med "
                    "mätbara nyttor, och strategin revideras utifrån resultaten minst vartannat "
                    "år."
                ),
            ),
        ),
        DimensionDefinition(
            key="styrning",
            name=_("Styrning, juridik och etik"),
            description=_(
                "Riktlinjer, rättsliga bedömningar och etiska ställningstaganden för hur AI "
                "får användas."
            ),
            descriptors=(
                _(
                    "Det finns inga riktlinjer för AI. Medarbetare använder AI-tjänster utan "
                    "stöd eller regler."
                ),
                _(
                    "Kommunen har gett ut tillfälliga råd om generativ AI till medarbetarna, "
                    "till exempel att inte skriva in personuppgifter."
                ),
                _(
                    "Kommunen har antagit riktlinjer för AI som omfattar dataskydd, "
                    "informationssäkerhet och ansvar, och varje AI-tjänst bedöms juridiskt "
                    "innan den tas i bruk."
                ),
                _(
                    "Alla AI-tjänster i drift finns i ett register med ansvarig, syfte och "
                    "riskklass enligt EU:s AI-förordning, och konsekvensbedömningar "
                    "dokumenteras före varje införande."
                ),
                _(
                    "Internkontrollen eller revisionen granskar AI-användningen regelbundet, "
                    "registret är öppet för invånarna och etiska frågor behandlas i ett fast "
                    "forum med extern insyn."
                ),
            ),
        ),
        DimensionDefinition(
            key="data",
            name=_("Data"),
            description=_(
                "Tillgång till data av god kvalitet och förutsättningar att använda den."
            ),
            descriptors=(
                _(
                    "Kommunen har ingen överblick över vilka data som finns. Data ligger "
                    "inlåsta i verksamhetssystemen utan dokumentation."
                ),
                _(
                    "Några förvaltningar har kartlagt sina viktigaste datamängder och vem som "
                    "ansvarar för dem."
                ),
                _(
                    "Kommunen har en förteckning över sina datamängder med utsedda dataägare, "
                    "och kvaliteten på de viktigaste följs upp."
                ),
                _(
                    "Data från flera verksamhetssystem samlas på en gemensam plattform med "
                    "fastställda begrepp och behörighetsstyrning, och kommunen publicerar öppna "
                    "data på dataportal.se."
                ),
                _(
                    "Kommunen delar data löpande med andra kommuner och myndigheter enligt "
                    "gemensamma standarder, och datakvaliteten mäts och förbättras som en del "
                    "av det vanliga arbetet."
                ),
            ),
        ),
        DimensionDefinition(
            key="teknik",
            name=_("Teknik och infrastruktur"),
            description=_(
                "Plattformar, verktyg och säkerhet för att utveckla och driva AI-tjänster."
            ),
            descriptors=(
                _(
                    "Kommunen saknar tekniska förutsättningar för AI. Det finns inga godkända "
                    "AI-verktyg för medarbetarna."
                ),
                _(
                    "Enstaka AI-verktyg prövas i en eller ett par verksamheter, utan gemensam "
                    "plattform eller gemensamma avtal."
                ),
                _(
                    "Medarbetarna har tillgång till ett godkänt AI-verktyg med avtal som "
                    "skyddar informationen, och IT har en rutin för att pröva nya AI-tjänster."
                ),
                _(
                    "Det finns en gemensam plattform för att utveckla, driva och övervaka "
                    "AI-tjänster, med loggning, säkerhetsklassning och kopplingar till "
                    "verksamhetssystemen."
                ),
                _(
                    "Kommunen driver AI-tjänster i stor skala med automatisk uppföljning av "
                    "kvalitet och kostnad, och kan byta leverantör utan att bli inlåst."
                ),
            ),
        ),
        DimensionDefinition(
            key="kompetens",
            name=_("Kompetens och organisation"),
            description=_(
                "Kunskap om AI hos medarbetare och chefer, och hur arbetet med AI är organiserat."
            ),
            descriptors=(
                _(
                    "Kommunen har inte erbjudit någon utbildning om AI och ingen har i uppdrag "
                    "att arbeta med AI."
                ),
                _(
                    "Enskilda eldsjälar driver AI-frågor vid sidan av sina ordinarie uppdrag, "
                    "och några medarbetare har gått kortare kurser."
                ),
                _(
                    "Alla chefer har erbjudits en grundutbildning i AI, och en utsedd funktion "
                    "eller grupp har avsatt tid för AI-arbetet."
                ),
                _(
                    "Det finns en kompetensplan för AI för olika roller, minst hälften av "
                    "medarbetarna har gått en grundutbildning och kommunen har egna "
                    "specialister inom data och AI."
                ),
                _(
                    "AI-kompetens ingår i rekryteringsprofiler och ledarprogram, och ett "
                    "kompetenscenter stöttar alla förvaltningar i AI-frågor."
                ),
            ),
        ),
        DimensionDefinition(
            key="samverkan",
            name=_("Samverkan"),
            description=_(
                "Samarbete om AI med andra kommuner, regioner, myndigheter, akademi och näringsliv."
            ),
            descriptors=(
                _("Kommunen samverkar inte med andra om AI."),
                _(
                    "Kommunen deltar i nätverk och erfarenhetsutbyten om AI, till exempel "
                    "genom SKR eller AI Sweden."
                ),
                _(
                    "Kommunen driver minst ett AI-projekt tillsammans med andra kommuner, en "
                    "region, ett lärosäte eller företag."
                ),
                _(
                    "Kommunen delar AI-lösningar, upphandlingar eller kompetens med andra "
                    "kommuner genom avtal, till exempel i en gemensam nämnd eller ett "
                    "kommunalförbund."
                ),
                _(
                    "Kommunen leder gemensam utveckling av AI-tjänster som flera organisationer "
                    "använder, och delar resultaten öppet."
                ),
            ),
        ),
        DimensionDefinition(
            key="anvandning",
            name=_("Användning och nyttorealisering"),
            description=_("Hur AI används i verksamheten och vilken nytta det ger."),
            descriptors=(
                _("Kommunen använder inte AI i verksamheten."),
                _(
                    "Kommunen har gjort enstaka försök eller piloter med AI, men ingen "
                    "AI-tjänst är i ordinarie drift."
                ),
                _(
                    "Minst en AI-tjänst är i ordinarie drift, och den förväntade nyttan "
                    "beskrevs innan tjänsten infördes."
                ),
                _(
                    "Flera AI-tjänster är i drift i olika verksamheter, och nyttan mäts mot en "
                    "nollmätning och följs upp."
                ),
                _(
                    "Tjänster skalas upp eller avvecklas utifrån uppmätt nytta, och de nyttor "
                    "AI har gett redovisas i årsredovisningen."
                ),
            ),
        ),
    ),
)

#: The version new assessments are answered under.
CURRENT = MODEL_2025
