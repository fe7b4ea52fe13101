"""The application areas (verksamhetsområden) of municipal activity.

One fixed taxonomy shared by the use-case register, the needs and the value model, so that a
need in "äldreomsorg" meets the use cases and the costs of the same area.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    PRESCHOOL_AND_SCHOOL = "skola", _("Förskola och skola")
    ELDERLY_CARE = "aldreomsorg", _("Äldreomsorg")
    DISABILITY_SUPPORT = "funktionsstod", _("Funktionsstöd/LSS")
    SOCIAL_SERVICES = "ifo", _("Individ- och familjeomsorg")
    FINANCIAL_ASSISTANCE = "ekonomiskt-bistand", _("Ekonomiskt bistånd")
    HEALTH_CARE = "halso-och-sjukvard", _("Hälso- och sjukvård")
    PLANNING_AND_ENVIRONMENT = "samhallsbyggnad", _("Samhällsbyggnad och miljö")
    INFRASTRUCTURE = "teknik", _("Teknik och infrastruktur/VA/avfall")
    CULTURE_AND_LEISURE = "kultur-och-fritid", _("Kultur och fritid")
    CITIZEN_SERVICE = "medborgarservice", _("Medborgarservice och kommunikation")
    HR_AND_FINANCE = "hr-och-ekonomi", _("HR och ekonomi")
    CASE_MANAGEMENT = "arendehantering", _("Ärendehantering och dokument")
    IT_AND_SECURITY = "it-och-sakerhet", _("IT och säkerhet")
    LABOUR_AND_INTEGRATION = "arbetsmarknad", _("Arbetsmarknad och integration")
