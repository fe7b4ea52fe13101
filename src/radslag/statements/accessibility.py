"""What the accessibility statement says: status, known gaps and how Rådslag was evaluated.

Kept as data beside the code so that a change that closes a gap updates the statement in the
same commit. Lag (2018:1937) om tillgänglighet till digital offentlig service requires the
statement; EN 301 549 (WCAG 2.1 level AA) is the standard it points to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Gap:
    what: str | Promise
    why: str | Promise


@dataclass(frozen=True)
class Evaluation:
    reviewed: date
    method: str | Promise


STATUS = _(
    "Rådslag är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på "
    "grund av de brister som beskrivs nedan."
)

KNOWN_GAPS = (
    Gap(
        _(
            "Beskrivningarna av de europeiska referensfallen från Public Sector Tech Watch är på "
            "originalspråket, oftast engelska. De är märkta med sitt språk så att skärmläsare "
            "läser dem rätt, men de är inte översatta."
        ),
        _("Texterna kommer från Europeiska kommissionens katalog och publiceras som de är."),
    ),
    Gap(
        _(
            "På de engelska sidorna är kommunernas egna texter på svenska. De är märkta som svenska"
            " i listorna och på sidorna för behov, teman, användningsfall och initiativ, i rådets "
            "rekommendationer och i omgångarnas alternativ och resultattabeller, men ännu inte "
            "överallt: valen i filter och formulär, diagrammens texter, kriteriernas namn, "
            "påståendena i rådets omgångar, nyckeltalens namn från Kolada och namn som citeras i en"
            " mening saknar märkningen, så en skärmläsare kan läsa dem med engelskt uttal."
        ),
        _("Märkningen läggs till sida för sida; de sidor som har den testas automatiskt."),
    ),
    Gap(
        _(
            "Filerna som går att ladda ner (Excel, CSV, JSON och RDF) är data för program och "
            "kalkylblad och har inte granskats som dokument."
        ),
        _(
            "Samma uppgifter finns som tabeller på webbsidorna, som är det tillgängliga "
            "alternativet."
        ),
    ),
)

EVALUATION = Evaluation(
    reviewed=date(2026, 12, 5),
    method=_(
        "Rådslag har granskat sig självt. Vid varje ändring av koden körs automatiska tester med "
        "axe-core (WCAG 2.1 nivå A och AA) i webbläsaren Chromium mot en riktig server: varje "
        "sida, för en besökare utan konto och för var och en av rollerna samordnare, "
        "rådsledamot, kommunrepresentant och medarbetare, och kartan och tabellerna också i 375 "
        "pixlars bredd. Automatiska tester hittar inte alla brister; hör av dig om du stöter på "
        "något de missat."
    ),
)
