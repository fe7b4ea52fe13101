"""How Public Sector Tech Watch's vocabulary maps onto the register's.

Every table is keyed by PSTW's wording, lower-cased with spacing and trailing full stops
removed, since the catalogue writes the same value in several ways ("Pilot" and "Pilot ",
"Economic affairs" and "Economic Affairs").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from radslag.core.areas import Area
from radslag.register.choices import Benefit, Cofog, Level, Stage, Technique


def normalise(value: str) -> str:
    return " ".join(value.replace("\xa0", " ").split()).lower().rstrip(".").strip()


# PSTW's "In development" is work before a pilot; the nearest of our stages is the study.
STAGES = {
    "planned": Stage.IDEA,
    "in development": Stage.PRESTUDY,
    "pilot": Stage.PILOT,
    "implemented": Stage.IN_PRODUCTION,
    "not in use": Stage.RETIRED,
}

LEVELS = {
    "local": Level.LOCAL,
    "regional": Level.REGIONAL,
    "national": Level.NATIONAL,
    "across countries": Level.CROSS_BORDER,
}

COFOG_DIVISIONS = {
    "general public services": Cofog.GENERAL_PUBLIC_SERVICES,
    "defence": Cofog.DEFENCE,
    "public order and safety": Cofog.PUBLIC_ORDER,
    "economic affairs": Cofog.ECONOMIC_AFFAIRS,
    "environmental protection": Cofog.ENVIRONMENT,
    "housing and community amenities": Cofog.HOUSING,
    "health": Cofog.HEALTH,
    "recreation, culture and religion": Cofog.RECREATION,
    "education": Cofog.EDUCATION,
    "social protection": Cofog.SOCIAL_PROTECTION,
}

# COFOG groups (level II) to municipal areas. None says "known, but no municipal area": a
# university (tertiary education) or a police service is not the municipality's.
AREAS_BY_GROUP: dict[str, Area | None] = {
    "pre-primary and primary education": Area.PRESCHOOL_AND_SCHOOL,
    "secondary education": Area.PRESCHOOL_AND_SCHOOL,
    "post-secondary non-tertiary education": Area.PRESCHOOL_AND_SCHOOL,
    "education not definable by level": Area.PRESCHOOL_AND_SCHOOL,
    "subsidiary services to education": Area.PRESCHOOL_AND_SCHOOL,
    "education n.e.c": Area.PRESCHOOL_AND_SCHOOL,
    "r&d education": Area.PRESCHOOL_AND_SCHOOL,
    "tertiary education": None,
    "old age": Area.ELDERLY_CARE,
    "sickness and disability": Area.DISABILITY_SUPPORT,
    "family and children": Area.SOCIAL_SERVICES,
    # COFOG 10.7 holds social assistance, which is ekonomiskt bistånd in a municipality.
    "social exclusion n.e.c": Area.FINANCIAL_ASSISTANCE,
    "unemployment": Area.LABOUR_AND_INTEGRATION,
    "housing development": Area.PLANNING_AND_ENVIRONMENT,
    "community development": Area.PLANNING_AND_ENVIRONMENT,
    "housing and community amenities n.e.c": Area.PLANNING_AND_ENVIRONMENT,
    "r&d housing and community amenities": Area.PLANNING_AND_ENVIRONMENT,
    "pollution abatement": Area.PLANNING_AND_ENVIRONMENT,
    "protection of biodiversity and landscape": Area.PLANNING_AND_ENVIRONMENT,
    "environmental protection n.e.c": Area.PLANNING_AND_ENVIRONMENT,
    "r&d environmental protection": Area.PLANNING_AND_ENVIRONMENT,
    "water supply": Area.INFRASTRUCTURE,
    "street lighting": Area.INFRASTRUCTURE,
    "waste management": Area.INFRASTRUCTURE,
    "waste water management": Area.INFRASTRUCTURE,
    "transport": Area.INFRASTRUCTURE,
    "fuel and energy": Area.INFRASTRUCTURE,
    "communication": Area.INFRASTRUCTURE,
    "cultural services": Area.CULTURE_AND_LEISURE,
    "recreational and sporting services": Area.CULTURE_AND_LEISURE,
    "broadcasting and publishing services": Area.CULTURE_AND_LEISURE,
    "religious and other community services": Area.CULTURE_AND_LEISURE,
    "recreation, culture and religion n.e.c": Area.CULTURE_AND_LEISURE,
    "r&d recreation, culture and religion": Area.CULTURE_AND_LEISURE,
}

# Divisions whose every group is one municipal area.
AREAS_BY_DIVISION: dict[str, Area] = {
    Cofog.HEALTH: Area.HEALTH_CARE,
    Cofog.RECREATION: Area.CULTURE_AND_LEISURE,
    Cofog.EDUCATION: Area.PRESCHOOL_AND_SCHOOL,
}

# "General public services" says little; PSTW's application type tells which office it is.
AREAS_BY_APPLICATION: dict[str, Area] = {
    "service personalisation (various)": Area.CITIZEN_SERVICE,
    "service integration (various)": Area.CITIZEN_SERVICE,
    "engagement management": Area.CITIZEN_SERVICE,
    "internal support processes": Area.HR_AND_FINANCE,
    "internal management processes": Area.HR_AND_FINANCE,
    "financial management and support": Area.HR_AND_FINANCE,
    "procurement management": Area.HR_AND_FINANCE,
    "payments and international transactions": Area.HR_AND_FINANCE,
    "improving cybersecurity": Area.IT_AND_SECURITY,
    "management of auditing and logging": Area.IT_AND_SECURITY,
    "internal primary processes": Area.CASE_MANAGEMENT,
    "registration and data notarisation processes": Area.CASE_MANAGEMENT,
    "certification and validation processes": Area.CASE_MANAGEMENT,
}

_CONVERSATIONAL = ("chatbot", "virtual assistant", "q&a", "question answering", "generative")


def area_of(division: str, group: str, application_type: str, keywords: str) -> Area | None:
    group_key = normalise(group)
    if group_key in AREAS_BY_GROUP:
        return AREAS_BY_GROUP[group_key]
    if division in AREAS_BY_DIVISION:
        return AREAS_BY_DIVISION[division]
    if division == Cofog.GENERAL_PUBLIC_SERVICES:
        if any(word in keywords.lower() for word in _CONVERSATIONAL):
            return Area.CITIZEN_SERVICE
        return AREAS_BY_APPLICATION.get(normalise(application_type))
    return None


TECHNIQUES_BY_SUBDOMAIN = {
    "machine learning": Technique.MACHINE_LEARNING,
    "deep learning": Technique.MACHINE_LEARNING,
    "natural language processing": Technique.LANGUAGE_MODEL,
    "audio processing": Technique.SPEECH_TO_TEXT,
    "computer vision": Technique.IMAGE_ANALYSIS,
    "planning and scheduling": Technique.OPTIMISATION,
    "optimisation": Technique.OPTIMISATION,
    "searching": Technique.OPTIMISATION,
    "multi-agent systems": Technique.OPTIMISATION,
    "robotics and automation": Technique.RULE_BASED,
    "robotics and automation and robotic process automation (rpa)": Technique.RULE_BASED,
    "automated reasoning": Technique.RULE_BASED,
    "automated reasoning and automated decision making (adm)": Technique.RULE_BASED,
    "knowledge representation": Technique.RULE_BASED,
}

_FORECAST_SUBDOMAINS = {"machine learning", "deep learning", "planning and scheduling", ""}


def technique_of(
    primary_technology: str, subdomain: str, application_type: str, keywords: str
) -> Technique:
    """The register's technique; keywords name it more precisely than the subdomain."""
    if normalise(primary_technology) != "artificial intelligence":
        return Technique.OTHER
    words = keywords.lower()
    if "speech" in words or "voice" in words:
        return Technique.SPEECH_TO_TEXT
    if any(word in words for word in _CONVERSATIONAL):
        return Technique.LANGUAGE_MODEL
    sub = normalise(subdomain)
    if normalise(application_type) == "prediction and planning" and sub in _FORECAST_SUBDOMAINS:
        return Technique.FORECASTING
    if sub in TECHNIQUES_BY_SUBDOMAIN:
        return TECHNIQUES_BY_SUBDOMAIN[sub]
    if "image" in words or "recognition" in words:
        return Technique.IMAGE_ANALYSIS
    return Technique.OTHER


BENEFIT_COLUMNS = {
    "Improved Public Service": Benefit.PUBLIC_SERVICE,
    "Personalized Services": Benefit.PERSONALISED,
    "Public (citizen)-centered services": Benefit.CITIZEN_CENTRED,
    "Increase quality of PSI and services": Benefit.INFORMATION_QUALITY,
    "More responsive, efficient, and cost-effective public services": Benefit.EFFICIENT_SERVICE,
    "New services or channels": Benefit.NEW_CHANNELS,
    "Improved Administrative Efficiency": Benefit.ADMINISTRATIVE_EFFICIENCY,
    "Cost-reduction": Benefit.COST_REDUCTION,
    "Responsiveness of government operation": Benefit.RESPONSIVENESS,
    "Improved management of public resources": Benefit.RESOURCE_MANAGEMENT,
    "Increased quality of processes and systems": Benefit.PROCESS_QUALITY,
    "Better collaboration and better communication": Benefit.COLLABORATION,
    "Reduced or eliminated the risk of corruption and abuse of the law by public servants": (
        Benefit.ANTI_CORRUPTION
    ),
    "Enabled greater fairness, honesty, equality": Benefit.FAIRNESS,
    "Open government capabilities": Benefit.OPEN_GOVERNMENT,
    "Increased transparency of public sector operations": Benefit.TRANSPARENCY,
    "Increased public participation in government actions and policy making": (
        Benefit.PARTICIPATION
    ),
    "Improved public control and influence on government actions and policies": (
        Benefit.PUBLIC_CONTROL
    ),
}


def benefits_of(row: Mapping[str, str]) -> list[str]:
    """The benefits flagged with an x, in the catalogue's order."""
    return [
        str(benefit)
        for column, benefit in BENEFIT_COLUMNS.items()
        if normalise(row.get(column, "")) == "x"
    ]


# Municipality names as the catalogue writes them in English.
EXONYMS = {"gothenburg": "goteborg", "gotenburg": "goteborg", "gothenborg": "goteborg"}
_NOISE = {
    "municipality",
    "municipal",
    "kommun",
    "kommune",
    "city",
    "stad",
    "town",
    "council",
    "of",
    "the",
}
_SEPARATORS = re.compile(r"\s*(?:,|/|&|;|\band\b|\boch\b)\s*", re.IGNORECASE)


def fold(name: str) -> str:
    """Lower-case, without diacritics or punctuation: "Upplands-Bro" → "upplands bro"."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


def municipality_index(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Folded name → code, leaving out names that fold to the same form."""
    index: dict[str, str] = {}
    clashes: set[str] = set()
    for code, name in names:
        key = fold(name)
        if key in index and index[key] != code:
            clashes.add(key)
        index[key] = code
    return {key: code for key, code in index.items() if key not in clashes}


def municipalities_named(organisation: str, index: Mapping[str, str]) -> list[str]:
    """Codes of the municipalities an organisation text names, in the order named.

    "Kungsbacka municipality, Tjörn municipality, Gothenburg city, Region Skåne" names
    Kungsbacka, Tjörn and Göteborg; a region or a university names none.
    """
    codes: list[str] = []
    for part in _SEPARATORS.split(organisation):
        words = [word for word in fold(part).split() if word not in _NOISE]
        key = EXONYMS.get(" ".join(words), " ".join(words))
        code = index.get(key)
        if code and code not in codes:
            codes.append(code)
    return codes
