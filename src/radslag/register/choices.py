"""The closed vocabularies of a use case, with the Swedish labels the register shows.

The values are stable machine keys (they travel into exports and the API); the labels are
gettext msgids and may change.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    IDEA = "ide", _("Idé")
    PRESTUDY = "forstudie", _("Förstudie")
    PILOT = "pilot", _("Pilot")
    IN_PRODUCTION = "i-drift", _("I drift")
    RETIRED = "avvecklad", _("Avvecklad")


class Technique(models.TextChoices):
    MACHINE_LEARNING = "maskininlarning", _("Maskininlärning")
    LANGUAGE_MODEL = "sprakmodell", _("Språkmodell/generativ AI")
    SPEECH_TO_TEXT = "tal-till-text", _("Tal till text")
    IMAGE_ANALYSIS = "bildanalys", _("Bildanalys")
    OPTIMISATION = "optimering", _("Optimering/schemaläggning")
    RULE_BASED = "regelbaserad", _("Regelbaserad automatisering/RPA")
    FORECASTING = "prognos", _("Prognoser")
    OTHER = "annan", _("Annan teknik")


class PersonalData(models.TextChoices):
    NONE = "inga", _("Inga personuppgifter")
    PSEUDONYMISED = "pseudonymiserade", _("Pseudonymiserade personuppgifter")
    IDENTIFIABLE = "identifierbara", _("Identifierbara personuppgifter")
    SENSITIVE = "kansliga", _("Känsliga personuppgifter")


class Level(models.TextChoices):
    LOCAL = "lokal", _("Lokal")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "nationell", _("Nationell")
    CROSS_BORDER = "gransoverskridande", _("Gränsöverskridande")


class Publication(models.TextChoices):
    DRAFT = "utkast", _("Utkast")
    PUBLISHED = "publicerad", _("Publicerad")


class Source(models.TextChoices):
    OWN = "egen", _("Egen registrering")
    PSTW = "pstw", _("Public Sector Tech Watch")
    # Simulated cases for demonstration (``radslag demo-use-cases``); every page that shows
    # one says so.
    EXAMPLE = "exempel", _("Exempeldata")


class Cofog(models.TextChoices):
    """The ten divisions of the UN/Eurostat classification of the functions of government."""

    GENERAL_PUBLIC_SERVICES = "01", _("Allmän offentlig förvaltning")
    DEFENCE = "02", _("Försvar")
    PUBLIC_ORDER = "03", _("Samhällsskydd och rättsskipning")
    ECONOMIC_AFFAIRS = "04", _("Näringslivsfrågor")
    ENVIRONMENT = "05", _("Miljöskydd")
    HOUSING = "06", _("Bostadsförsörjning och samhällsutveckling")
    HEALTH = "07", _("Hälso- och sjukvård")
    RECREATION = "08", _("Fritid, kultur och religion")
    EDUCATION = "09", _("Utbildning")
    SOCIAL_PROTECTION = "10", _("Socialt skydd")


class Benefit(models.TextChoices):
    """The expected benefits of Public Sector Tech Watch: three headings and their parts."""

    PUBLIC_SERVICE = "battre-service", _("Bättre offentlig service")
    PERSONALISED = "personanpassad", _("Personanpassade tjänster")
    CITIZEN_CENTRED = "medborgarcentrerad", _("Tjänster utformade kring invånaren")
    INFORMATION_QUALITY = "informationskvalitet", _("Bättre offentlig information och service")
    EFFICIENT_SERVICE = "effektiv-service", _("Snabbare, effektivare och billigare service")
    NEW_CHANNELS = "nya-kanaler", _("Nya tjänster eller kanaler")
    ADMINISTRATIVE_EFFICIENCY = "effektiv-forvaltning", _("Effektivare förvaltning")
    COST_REDUCTION = "lagre-kostnader", _("Lägre kostnader")
    RESPONSIVENESS = "snabbare-handlaggning", _("Snabbare handläggning")
    RESOURCE_MANAGEMENT = "resurshushallning", _("Bättre hushållning med offentliga resurser")
    PROCESS_QUALITY = "processkvalitet", _("Bättre processer och system")
    COLLABORATION = "samarbete", _("Bättre samarbete och kommunikation")
    OPEN_GOVERNMENT = "oppen-forvaltning", _("Öppen förvaltning")
    ANTI_CORRUPTION = "mindre-korruption", _("Mindre risk för korruption och maktmissbruk")
    FAIRNESS = "likabehandling", _("Mer rättvisa och likabehandling")
    TRANSPARENCY = "insyn", _("Större insyn i offentlig verksamhet")
    PARTICIPATION = "delaktighet", _("Större delaktighet i beslut och politik")
    PUBLIC_CONTROL = "medborgarinflytande", _("Större medborgerlig kontroll och inflytande")
