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
            "På de engelska sidorna är kommunernas egna texter på svenska och märkta som svenska, "
            "så att skärmläsare läser dem rätt, med tre undantag: texterna i diagrammen (samma "
            "uppgifter finns i tabellen under varje diagram, där de är märkta), förslagen på sidan "
            "om en kommuns nästa steg och formulärens fält, deras namn och texten som skrivs i dem."
        ),
        _(
            "Diagrammen ritas som bilder med en gemensam språkmarkering, och förslagen sätts "
            "samman av flera delar; båda ska märkas del för del."
        ),
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
