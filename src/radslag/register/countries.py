"""The countries of European use cases: ISO 3166 codes with Swedish names.

"EU" stands for cases run by the European Union's institutions, as Public Sector Tech Watch
lists them under "European Union".
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

SWEDEN = "SE"


class Country(models.TextChoices):
    SE = "SE", _("Sverige")
    AD = "AD", _("Andorra")
    AL = "AL", _("Albanien")
    AT = "AT", _("Österrike")
    BA = "BA", _("Bosnien och Hercegovina")
    BE = "BE", _("Belgien")
    BG = "BG", _("Bulgarien")
    CH = "CH", _("Schweiz")
    CY = "CY", _("Cypern")
    CZ = "CZ", _("Tjeckien")
    DE = "DE", _("Tyskland")
    DK = "DK", _("Danmark")
    EE = "EE", _("Estland")
    ES = "ES", _("Spanien")
    EU = "EU", _("Europeiska unionen")
    FI = "FI", _("Finland")
    FR = "FR", _("Frankrike")
    GB = "GB", _("Storbritannien")
    GE = "GE", _("Georgien")
    GR = "GR", _("Grekland")
    HR = "HR", _("Kroatien")
    HU = "HU", _("Ungern")
    IE = "IE", _("Irland")
    IS = "IS", _("Island")
    IT = "IT", _("Italien")
    LI = "LI", _("Liechtenstein")
    LT = "LT", _("Litauen")
    LU = "LU", _("Luxemburg")
    LV = "LV", _("Lettland")
    MC = "MC", _("Monaco")
    MD = "MD", _("Moldavien")
    ME = "ME", _("Montenegro")
    MK = "MK", _("Nordmakedonien")
    MT = "MT", _("Malta")
    NL = "NL", _("Nederländerna")
    NO = "NO", _("Norge")
    PL = "PL", _("Polen")
    PT = "PT", _("Portugal")
    RO = "RO", _("Rumänien")
    RS = "RS", _("Serbien")
    SI = "SI", _("Slovenien")
    SK = "SK", _("Slovakien")
    SM = "SM", _("San Marino")
    TR = "TR", _("Turkiet")
    UA = "UA", _("Ukraina")
    VA = "VA", _("Vatikanstaten")
    XK = "XK", _("Kosovo")


# The English names Public Sector Tech Watch writes, lower-cased.
ENGLISH_NAMES = {
    "albania": "AL",
    "andorra": "AD",
    "austria": "AT",
    "belgium": "BE",
    "bosnia and herzegovina": "BA",
    "bulgaria": "BG",
    "croatia": "HR",
    "cyprus": "CY",
    "czechia": "CZ",
    "czech republic": "CZ",
    "denmark": "DK",
    "estonia": "EE",
    "european union": "EU",
    "finland": "FI",
    "france": "FR",
    "georgia": "GE",
    "germany": "DE",
    "greece": "GR",
    "hungary": "HU",
    "iceland": "IS",
    "ireland": "IE",
    "italy": "IT",
    "kosovo": "XK",
    "latvia": "LV",
    "liechtenstein": "LI",
    "lithuania": "LT",
    "luxembourg": "LU",
    "malta": "MT",
    "moldova": "MD",
    "monaco": "MC",
    "montenegro": "ME",
    "netherlands": "NL",
    "north macedonia": "MK",
    "norway": "NO",
    "poland": "PL",
    "portugal": "PT",
    "romania": "RO",
    "san marino": "SM",
    "serbia": "RS",
    "slovakia": "SK",
    "slovenia": "SI",
    "spain": "ES",
    "sweden": "SE",
    "switzerland": "CH",
    "türkiye": "TR",
    "turkey": "TR",
    "ukraine": "UA",
    "united kingdom": "GB",
    "vatican city": "VA",
}


def country_from_english(name: str) -> str | None:
    return ENGLISH_NAMES.get(" ".join(name.split()).lower())
