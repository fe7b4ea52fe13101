"""A labelled synthetic set of Swedish municipal needs: the example data and the text benchmark.

``radslag demo-data`` stores these texts as example needs (labelled "exempeldata"), and
``bench/text_bench.py`` measures themes and near-duplicates against their planted truth.

Each need is a sentence frame filled with four content slots of one theme: a task ("införa
taligenkänning i"), an object ("dokumentationen"), a place ("i hemtjänsten") and a goal
("frigöra mer tid till brukarna"). Every slot option has one or more synonymous phrasings, and
``|`` marks the joint of a compound word, which people write joined ("äldreomsorgen"), apart
("äldre omsorgen") or hyphenated ("äldre-omsorgen").

Truth: a text's theme, and its need (theme plus the four content slots). Texts of the same need
are near-duplicates: paraphrases that re-pick synonyms, switch word order or sentence frame,
split compounds, add typos or drop the optional closing sentence. Texts of different needs
differ in at least one content slot. The themes span the application areas of
``radslag.register.areas.Area`` (named here by their codes; this file stays free of Django).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

Phrasings = tuple[str, ...]

# (task, object, place, goal) options of each theme; each option is a tuple of synonyms.
THEMES: dict[str, dict[str, tuple[Phrasings, ...]]] = {
    "aldreomsorg: taligenkänning i dokumentationen": {
        "task": (
            (
                "använda tal|igenkänning i",
                "införa tal|igenkänning i",
                "börja med tal|igenkänning i",
            ),
            ("låta AI omvandla tal till text i", "låta AI göra text av tal i"),
            ("diktera", "tala in"),
            ("låta AI sammanfatta", "automatiskt sammanfatta"),
        ),
        "object": (
            ("dokumentationen", "journalföringen"),
            ("den sociala dokumentationen",),
            ("genomförande|planerna",),
            ("dagsanteckningarna", "journal|anteckningarna"),
            ("avvikelse|rapporterna", "avvikelse|rapporteringen"),
        ),
        "place": (
            ("inom äldre|omsorgen", "i äldre|omsorgen"),
            ("i hem|tjänsten",),
            ("på särskilda boenden", "på äldre|boendena"),
            ("inom vård och omsorg",),
        ),
        "goal": (
            ("frigöra mer tid till brukarna", "ge personalen mer tid med brukarna"),
            ("minska tiden vid datorn", "minska tiden framför datorn"),
            ("göra dokumentationen mer fullständig",),
            ("underlätta för medarbetare med annat modersmål",),
        ),
    },
    "medborgarservice: AI-assistent för invånarnas frågor": {
        "task": (
            ("införa en chatt|bot för", "ta fram en chatt|bot för", "bygga en AI-chatt för"),
            ("automatiskt besvara", "låta AI besvara"),
            ("använda en AI-assistent för", "ta hjälp av en AI-assistent för"),
            ("sortera och fördela", "automatiskt sortera"),
        ),
        "object": (
            ("vanliga frågor från invånarna", "invånarnas vanligaste frågor"),
            ("frågor om bygg|lov och tillstånd",),
            ("e-posten till kontakt|center", "mejlen till kontakt|center"),
            ("frågor om skol|skjuts och skol|val",),
            ("fel|anmälningarna", "fel|anmälningar från invånare"),
        ),
        "place": (
            ("i kontakt|centret", "i kund|tjänsten"),
            ("på kommunens webb|plats", "på webben"),
            ("dygnet runt", "även på kvällar och helger"),
            ("på flera språk",),
        ),
        "goal": (
            ("korta svars|tiderna", "minska vänte|tiderna"),
            ("avlasta hand|läggarna", "avlasta medarbetarna"),
            ("öka tillgängligheten för invånarna",),
            ("ge invånarna snabbare svar",),
        ),
    },
    "ekonomiskt-bistand: automatiserad handläggning": {
        "task": (
            ("automatisera", "robotisera"),
            ("använda AI för att förhands|granska", "låta AI förhands|granska"),
            ("effektivisera handläggningen av", "förenkla handläggningen av"),
            ("upptäcka fel i", "hitta felaktigheter i"),
        ),
        "object": (
            ("ansökningarna om ekonomiskt bistånd", "ansökningar om försörjnings|stöd"),
            ("månads|ansökningarna",),
            ("underlagen från sökande", "bifogade kvitton och underlag"),
            ("beräkningen av riks|normen",),
            ("kontrollerna mot andra myndigheter",),
        ),
        "place": (
            ("inom ekonomiskt bistånd", "på försörjnings|stöds|enheten"),
            ("i social|tjänsten", "inom social|tjänsten"),
            ("på vuxen|enheten",),
            ("i e-tjänsten för försörjnings|stöd",),
        ),
        "goal": (
            ("frigöra tid till motiverande samtal", "få mer tid för samtal med klienterna"),
            ("minska risken för felaktiga utbetalningar", "undvika felaktiga utbetalningar"),
            ("ge sökande snabbare beslut",),
            ("behandla sökande mer likvärdigt",),
        ),
    },
    "hr-och-ekonomi: schemaläggning och bemanning": {
        "task": (
            ("optimera", "effektivisera"),
            ("automatisera", "låta AI sköta"),
            ("förutse behovet av", "göra prognoser för"),
            ("förbättra", "utveckla"),
        ),
        "object": (
            ("schema|läggningen", "schema|planeringen"),
            ("bemanningen",),
            ("vikarie|bokningen", "bokningen av vikarier"),
            ("personal|planeringen",),
            ("semester|planeringen",),
        ),
        "place": (
            ("inom vård och omsorg",),
            ("i förskolan", "på förskolorna"),
            ("i kommunens kök", "i måltids|verksamheten"),
            ("i hela kommunen",),
        ),
        "goal": (
            ("minska kostnaderna för tim|vikarier", "sänka kostnaderna för vikarier"),
            ("skapa hållbara scheman för medarbetarna", "ge medarbetarna bättre scheman"),
            ("minska över|tiden",),
            ("matcha bemanningen mot behovet",),
        ),
    },
    "skola: AI-stöd i undervisningen": {
        "task": (
            ("använda AI för att anpassa", "anpassa med hjälp av AI"),
            ("ge eleverna AI-stöd i", "erbjuda AI-stöd i"),
            ("använda språk|modeller i", "använda generativ AI i"),
            ("låta AI ge återkoppling på", "ge automatisk återkoppling på"),
        ),
        "object": (
            ("läs- och skriv|undervisningen", "läs|undervisningen"),
            ("matematik|undervisningen",),
            ("elevernas texter", "elev|texterna"),
            ("undervisningen i svenska som andra|språk",),
            ("läxorna", "läx|hjälpen"),
        ),
        "place": (
            ("i grund|skolan", "på grund|skolorna"),
            ("på gymnasiet", "i gymnasie|skolan"),
            ("på låg|stadiet",),
            ("i anpassad grund|skola",),
        ),
        "goal": (
            ("stötta elever med läs- och skriv|svårigheter", "hjälpa elever med dyslexi"),
            ("minska lärarnas administration", "minska administrationen för lärarna"),
            ("ge varje elev rätt utmaning",),
            ("öka mål|uppfyllelsen",),
        ),
    },
    "samhallsbyggnad: granskning av bygglov": {
        "task": (
            ("använda AI för att granska", "låta AI granska"),
            ("automatiskt kontrollera", "automatisera kontrollen av"),
            ("tolka med hjälp av AI", "digitalisera och tolka"),
            ("kvalitets|säkra",),
        ),
        "object": (
            ("bygg|lovs|ansökningarna", "ansökningarna om bygg|lov"),
            ("ritningarna i bygg|lovs|ärenden", "bygg|ritningarna"),
            ("detalj|planerna",),
            ("inkomna handlingar", "inkomna dokument"),
            ("ansökningarna om strand|skydds|dispens",),
        ),
        "place": (
            ("på bygg|lovs|enheten", "på bygg|nämndens kansli"),
            ("i samhälls|byggnads|förvaltningen",),
            ("i plan|processen",),
            ("redan vid ansökan", "vid första granskningen"),
        ),
        "goal": (
            ("korta handläggnings|tiderna", "minska handläggnings|tiden"),
            ("undvika onödiga kompletteringar", "minska antalet kompletteringar"),
            ("ge sökande snabbare besked",),
            ("klara lag|kravet på tio veckor",),
        ),
    },
    "teknik: läckor och underhåll i VA-nätet": {
        "task": (
            ("upptäcka läckor i", "hitta läckage i"),
            ("förutse fel i", "förutsäga haverier i"),
            ("använda sensorer och AI för att övervaka", "övervaka med AI"),
            ("prioritera underhållet av", "planera förnyelsen av"),
        ),
        "object": (
            ("vatten|lednings|nätet", "dricks|vatten|nätet"),
            ("avlopps|pump|stationerna", "pump|stationerna"),
            ("spill|vatten|nätet", "avlopps|nätet"),
            ("renings|verket", "avlopps|renings|verket"),
            ("dag|vatten|systemet",),
        ),
        "place": (
            ("i VA-verksamheten", "inom vatten och avlopp"),
            ("på teknik|förvaltningen", "i kommunens tekniska förvaltning"),
            ("på lands|bygden", "i gles|bygden"),
            ("i det kommunala bolaget",),
        ),
        "goal": (
            ("minska vatten|förlusterna", "minska läckaget av dricks|vatten"),
            ("undvika akuta haverier", "förebygga akuta avbrott"),
            ("använda underhålls|budgeten klokare",),
            ("säkra dricks|vatten|försörjningen",),
        ),
    },
    "hr-och-ekonomi: fakturor och inköp": {
        "task": (
            ("automatisera", "robotisera"),
            ("använda AI i", "ta hjälp av AI i"),
            ("upptäcka fel och fusk i", "hitta felaktigheter i"),
            ("effektivisera", "förenkla"),
        ),
        "object": (
            ("hanteringen av leverantörs|fakturor", "faktura|hanteringen"),
            ("konteringen av fakturor", "faktura|konteringen"),
            ("avstämningen mot avtal", "avtals|uppföljningen"),
            ("bokslutsarbetet", "bokslutet"),
            ("inköps|processen", "inköpen"),
        ),
        "place": (
            ("på ekonomi|avdelningen", "på ekonomi|enheten"),
            ("i det gemensamma service|centret", "på service|centret"),
            ("i ekonomi|systemet",),
            ("i hela kommun|koncernen",),
        ),
        "goal": (
            ("minska den manuella hanteringen", "slippa manuellt arbete"),
            ("upptäcka dubbel|betalningar", "undvika dubbla betalningar"),
            ("förbättra avtals|troheten", "följa upp avtals|troheten"),
            ("få ett snabbare bokslut",),
        ),
    },
    "arendehantering: diarieföring och protokoll": {
        "task": (
            ("automatiskt diarie|föra", "låta AI diarie|föra"),
            ("sammanfatta", "låta AI sammanfatta"),
            ("använda AI för att klassificera", "klassificera med hjälp av AI"),
            ("göra det lättare att söka i", "förbättra sökningen i"),
        ),
        "object": (
            ("inkommande handlingar", "inkomna skrivelser"),
            ("protokollen från nämnderna", "nämnd|protokollen"),
            ("tjänste|skrivelserna",),
            ("ärende|akterna",),
            ("e-posten till registraturen", "mejlen till registraturen"),
        ),
        "place": (
            ("i registraturen", "hos registratorerna"),
            ("i ärende|hanterings|systemet", "i dokument- och ärende|hanterings|systemet"),
            ("på kommun|lednings|kontoret", "på kommun|kansliet"),
            ("i nämnd|administrationen",),
        ),
        "goal": (
            ("hitta rätt handling snabbare", "snabbare hitta rätt dokument"),
            ("lämna ut allmänna handlingar i tid",),
            ("minska rutin|arbetet för registratorerna", "minska registratorernas rutin|arbete"),
            ("göra besluten lättare att förstå",),
        ),
    },
    "it-och-sakerhet: cybersäkerhet": {
        "task": (
            ("upptäcka", "automatiskt upptäcka"),
            ("använda AI för att analysera", "analysera med hjälp av AI"),
            ("stoppa", "blockera"),
            ("övervaka", "bevaka"),
        ),
        "object": (
            ("nät|fiske|mejl", "phishing|mejl"),
            ("intrångs|försök", "försök till intrång"),
            ("loggarna från brand|väggarna", "brand|väggs|loggarna"),
            ("avvikande inloggningar", "misstänkta inloggningar"),
            ("skad|lig kod", "skade|kod"),
        ),
        "place": (
            ("i kommunens nätverk", "i kommun|nätet"),
            ("i e-post|systemet", "i mejl|systemet"),
            ("i skolans IT-miljö", "i skolornas nätverk"),
            ("på IT-avdelningen",),
        ),
        "goal": (
            ("skydda invånarnas person|uppgifter",),
            ("minska risken för utpressnings|virus", "undvika ransomware|attacker"),
            ("klara kraven i cyber|säkerhets|lagen", "uppfylla kraven i NIS2"),
            ("avlasta IT-supporten",),
        ),
    },
    "arbetsmarknad: matchning och vägledning": {
        "task": (
            ("matcha", "automatiskt matcha"),
            ("använda AI för att vägleda", "vägleda med hjälp av AI"),
            ("kartlägga kompetensen hos", "kartlägga kunskaperna hos"),
            ("följa upp", "bättre följa upp"),
        ),
        "object": (
            ("arbets|sökande", "arbetslösa invånare"),
            ("nyanlända", "nyanlända invånare"),
            ("deltagare i arbets|marknads|insatser", "deltagare i arbets|marknads|projekt"),
            ("unga som varken arbetar eller studerar", "unga utanför arbete och studier"),
            ("personer med försörjnings|stöd",),
        ),
        "place": (
            ("på arbets|marknads|enheten", "i arbets|marknads|förvaltningen"),
            ("mot lokala lediga jobb", "mot lokala arbets|givare"),
            ("i samarbete med Arbets|förmedlingen",),
            ("inom vuxen|utbildningen", "på komvux"),
        ),
        "goal": (
            ("hjälpa fler till egen försörjning", "korta vägen till egen försörjning"),
            ("minska långtids|arbetslösheten",),
            ("hitta rätt insats snabbare",),
            ("möta arbets|givarnas kompetens|behov",),
        ),
    },
    "ifo: tidig upptäckt i barn- och ungdomsvården": {
        "task": (
            ("använda AI för att prioritera", "prioritera med hjälp av AI"),
            ("tidigt upptäcka risker i", "upptäcka risker tidigt i"),
            ("sammanställa", "automatiskt sammanställa"),
            ("analysera mönster i", "hitta mönster i"),
        ),
        "object": (
            ("oros|anmälningarna", "oros|anmälningar om barn"),
            ("utredningarna om barn och unga", "barn|utredningarna"),
            ("placeringarna", "placeringar av barn"),
            ("ärende|historiken",),
            ("besluten om bistånds|insatser",),
        ),
        "place": (
            ("inom barn- och ungdoms|vården", "på barn- och ungdoms|enheten"),
            ("på mottagnings|enheten", "på mottagningen"),
            ("inom individ- och familje|omsorgen", "inom IFO"),
            ("i social|jouren",),
        ),
        "goal": (
            ("ge barn rätt stöd i tid", "ge barn stöd tidigare"),
            ("minska antalet placeringar",),
            ("göra bedömningarna mer likvärdiga", "skapa likvärdiga bedömningar"),
            ("avlasta social|sekreterarna", "minska arbets|belastningen för social|sekreterarna"),
        ),
    },
    "kultur-och-fritid: bibliotek och lokaler": {
        "task": (
            ("använda AI för att rekommendera", "rekommendera med hjälp av AI"),
            ("automatisera bokningen av", "förenkla bokningen av"),
            ("göra det lättare att hitta", "förbättra sökningen efter"),
            ("analysera besöken i", "följa upp besöken i"),
        ),
        "object": (
            ("bibliotekets medier", "böcker och e-böcker"),
            ("idrotts|hallarna", "idrotts|anläggningarna"),
            ("förenings|lokalerna", "lokaler för föreningar"),
            ("kommunens konst|samling", "den offentliga konsten"),
            ("det lokal|historiska arkivet", "hembygds|arkivet"),
        ),
        "place": (
            ("på biblioteket", "på folk|biblioteken"),
            ("i kultur- och fritids|förvaltningen",),
            ("för förenings|livet", "för föreningarna"),
            ("på fritids|gårdarna", "på fritids|gården"),
        ),
        "goal": (
            ("nå fler invånare", "locka fler besökare"),
            ("utnyttja lokalerna bättre", "öka nyttjande|graden"),
            ("göra kultur|arvet tillgängligt",),
            ("få fler unga att läsa",),
        ),
    },
    "funktionsstod: kommunikation och självständighet": {
        "task": (
            ("använda AI-stöd för", "ta hjälp av AI för"),
            ("utveckla", "förbättra"),
            ("individ|anpassa", "anpassa"),
            ("planera", "strukturera"),
        ),
        "object": (
            ("kommunikationen med brukarna", "alternativ och kompletterande kommunikation"),
            ("den dagliga verksamheten", "daglig verksamhet"),
            ("bild|stödet", "bild|schemana"),
            ("insatserna enligt LSS", "LSS-insatserna"),
            ("boende|stödet",),
        ),
        "place": (
            ("inom funktions|stöd", "inom LSS"),
            ("på grupp|bostäderna", "i grupp|bostad"),
            ("i personlig assistans",),
            ("inom social|psykiatrin",),
        ),
        "goal": (
            ("öka brukarnas själv|ständighet", "göra brukarna mer själv|ständiga"),
            ("göra det lättare för brukare att uttrycka sig",),
            ("ge stöd på brukarens egna villkor",),
            ("minska oro och utmanande beteenden",),
        ),
    },
    "halso-och-sjukvard: förebyggande vård med sensorer": {
        "task": (
            ("förebygga", "förhindra"),
            ("upptäcka", "larma vid"),
            ("använda sensorer och AI för att förutse", "förutse med hjälp av AI"),
            ("följa upp", "analysera"),
        ),
        "object": (
            ("fall|olyckor bland äldre", "fall hos äldre"),
            ("tryck|sår", "tryck|sår hos patienter"),
            ("under|näring", "under|näring hos äldre"),
            ("läkemedels|fel", "fel i läkemedels|hanteringen"),
            ("försämrat hälso|tillstånd", "tidiga tecken på försämring"),
        ),
        "place": (
            ("i den kommunala hälso- och sjuk|vården", "inom kommunal hälso- och sjuk|vård"),
            ("i hem|sjuk|vården",),
            ("på korttids|boendet", "på korttids|boenden"),
            ("i ordinärt boende", "hemma hos patienterna"),
        ),
        "goal": (
            ("minska antalet sjukhus|inläggningar", "undvika inläggningar på sjukhus"),
            ("öka patient|säkerheten",),
            ("låta äldre bo kvar hemma längre", "ge äldre möjlighet att bo hemma längre"),
            ("använda sjuk|sköterskornas tid bättre",),
        ),
    },
}

# Goals that fit any theme, drawn as often as a theme's own.
GENERIC_GOALS: tuple[Phrasings, ...] = (
    ("spara tid", "vinna tid"),
    ("frigöra tid till kärn|uppdraget",),
    ("minska kostnaderna", "sänka kostnaderna"),
    ("höja kvaliteten", "förbättra kvaliteten"),
    ("öka rätts|säkerheten",),
    ("minska sårbarheten vid personal|brist",),
    ("klara kompetens|försörjningen",),
    ("ge invånarna bättre service",),
)

# Frames in two word orders; a paraphrase may switch order or frame.
FRAMES: tuple[tuple[str, str], ...] = (
    (
        "Vi behöver stöd för att {task} {object} {place}. Syftet är att {goal}.",
        "Syftet är att {goal}. Därför behöver vi stöd för att {task} {object} {place}.",
    ),
    (
        "Hur kan vi {task} {object} {place} för att {goal}?",
        "För att {goal} undrar vi hur vi kan {task} {object} {place}.",
    ),
    (
        "Kommunen vill {task} {object} {place} för att {goal}.",
        "För att {goal} vill kommunen {task} {object} {place}.",
    ),
    (
        "Finns det erfarenhet av att {task} {object} {place}? Vi vill {goal}.",
        "Vi vill {goal}. Finns det erfarenhet av att {task} {object} {place}?",
    ),
    (
        "Vi önskar en gemensam lösning för att {task} {object} {place} och {goal}.",
        "Vi önskar en gemensam lösning för att {goal} och {task} {object} {place}.",
    ),
    (
        "Behov: att {task} {object} {place}. Nytta: att {goal}.",
        "Nytta: att {goal}. Behov: att {task} {object} {place}.",
    ),
    (
        "Vi skulle vilja {task} {object} {place} för att {goal}, men vet inte hur vi ska börja.",
        "Vi vet inte hur vi ska börja, men vi skulle vilja {task} {object} {place} för att {goal}.",
    ),
    (
        "Kan AI hjälpa oss att {task} {object} {place}? Målet är att {goal}.",
        "Målet är att {goal}. Kan AI hjälpa oss att {task} {object} {place}?",
    ),
    (
        "Vi vill {task} {object} {place} för att {goal}, men {obstacle}.",
        "För att {goal} vill vi {task} {object} {place}, men {obstacle}.",
    ),
    (
        "Det som hindrar oss från att {task} {object} {place} är att {obstacle}. Vi vill {goal}.",
        "Vi vill {goal}, men det som hindrar oss från att {task} {object} {place} "
        "är att {obstacle}.",
    ),
)

#: The kind of submission each frame writes: a need, a strategic question or an obstacle
#: (the values of ``radslag.needs.models.Need.Kind``).
FRAME_KINDS: tuple[str, ...] = (
    "behov",
    "strategisk-fraga",
    "behov",
    "strategisk-fraga",
    "behov",
    "behov",
    "hinder",
    "strategisk-fraga",
    "hinder",
    "hinder",
)

# What stands in the way, in the obstacle frames; part of how a text is written, not of the
# need, so a paraphrase may keep or drop it.
OBSTACLES: tuple[str, ...] = (
    "det är oklart hur data|skydds|förordningen ska tillämpas",
    "vi saknar kompetens för att upphandla AI",
    "verksamhets|systemet saknar öppna gränssnitt",
    "licens|kostnaderna är för höga för en kommun av vår storlek",
    "vi saknar data av tillräcklig kvalitet",
    "det är oklart vad AI-förordningen kräver av oss",
)

_TITLES: dict[str, str] = {
    "behov": "{task} {object}",
    "strategisk-fraga": "Hur kan vi {task} {object}?",
    "hinder": "Hinder för att {task} {object}",
}

CLOSINGS: tuple[str, ...] = (
    "Vi är en liten kommun med begränsade resurser.",
    "Vi saknar egen AI-kompetens.",
    "Lösningen måste fungera med vårt befintliga verksamhets|system.",
    "Vi samarbetar gärna med andra kommuner.",
    "Person|uppgifterna måste hanteras enligt data|skydds|förordningen.",
    "Frågan har lyfts av flera förvaltningar.",
)

SLOTS = ("task", "object", "place", "goal")
# In a collection too small to raise every need, this share of its texts are first texts.
_DISTINCT_SHARE = 0.8


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    theme: np.ndarray  # (n,) theme index of each text
    need: np.ndarray  # (n,) need index; equal needs are near-duplicates
    theme_names: list[str]
    titles: list[str] = field(default_factory=list)  # one short title per text
    kinds: list[str] = field(default_factory=list)  # one of FRAME_KINDS' values per text

    def area(self, index: int) -> str:
        """The application area code of text ``index`` (its theme's, before the colon)."""
        return self.theme_names[int(self.theme[index])].split(":", 1)[0]


@dataclass(frozen=True)
class _Need:
    theme: int
    slots: tuple[int, int, int, int]  # option of task, object, place, goal


def generate(n_texts: int, seed: int) -> Corpus:
    """``n_texts`` texts of needs; a need's later texts are paraphrases of its first.

    Needs differ in popularity as real ones do (a few raised by many municipalities, most by
    one or two), so most needs have one text and a few have many.
    """
    rng = np.random.default_rng(seed)
    names = list(THEMES)
    needs = _distinct_needs(rng)
    # A small collection raises a share of the needs, most of them once.
    distinct = min(len(needs), max(1, int(np.ceil(_DISTINCT_SHARE * n_texts))))
    if distinct < len(needs):
        needs = [needs[i] for i in np.sort(rng.choice(len(needs), size=distinct, replace=False))]
    popularity = 1.0 / np.arange(1, len(needs) + 1) ** 0.6
    popularity = rng.permutation(popularity / popularity.sum())
    # Every need is raised at least once, the rest by popularity.
    need_of_text = np.concatenate(
        [np.arange(len(needs)), rng.choice(len(needs), size=n_texts - len(needs), p=popularity)]
    )
    rng.shuffle(need_of_text)
    first_seen: dict[int, int] = {}
    rendered = []
    for need_index in need_of_text.tolist():
        need = needs[need_index]
        if need_index in first_seen:
            rendered.append(_render(need, first_seen[need_index], rng, perturb=True))
        else:
            variant = int(rng.integers(1 << 30))
            first_seen[need_index] = variant
            rendered.append(_render(need, variant, rng, perturb=False))
    theme = np.array([needs[i].theme for i in need_of_text], dtype=np.int64)
    return Corpus(
        texts=[text for text, _, _ in rendered],
        theme=theme,
        need=need_of_text.astype(np.int64),
        theme_names=names,
        titles=[title for _, title, _ in rendered],
        kinds=[kind for _, _, kind in rendered],
    )


def duplicate_pairs(need: np.ndarray) -> set[tuple[int, int]]:
    """All pairs i < j of texts of the same need."""
    order = np.argsort(need, kind="stable")
    pairs: set[tuple[int, int]] = set()
    boundaries = np.flatnonzero(np.diff(need[order])) + 1
    for group in np.split(order, boundaries):
        members = np.sort(group)
        for a in range(members.size):
            for b in range(a + 1, members.size):
                pairs.add((int(members[a]), int(members[b])))
    return pairs


def _options(theme: str, slot: str) -> tuple[Phrasings, ...]:
    own = THEMES[theme][slot]
    return own + GENERIC_GOALS if slot == "goal" else own


def _distinct_needs(rng: np.random.Generator) -> list[_Need]:
    """Needs of each theme that differ from one another in at least two content slots.

    Two needs that differ in one slot only ("... för att spara tid" against "... för att
    minska kostnaderna") are the same need in other words, so the set keeps only one of them.
    """
    needs: list[_Need] = []
    for theme, name in enumerate(THEMES):
        sizes = [len(_options(name, slot)) for slot in SLOTS]
        candidates = np.array(np.meshgrid(*[np.arange(size) for size in sizes])).reshape(4, -1).T
        kept: list[np.ndarray] = []
        for candidate in rng.permutation(candidates):
            if all(np.sum(candidate != other) >= 2 for other in kept):
                kept.append(candidate)
        for slots in kept:
            task, obj, place, goal = (int(v) for v in slots)
            needs.append(_Need(theme, (task, obj, place, goal)))
    return needs


def _render(
    need: _Need, variant: int, rng: np.random.Generator, perturb: bool
) -> tuple[str, str, str]:
    """The need's text, title and kind; ``variant`` fixes the original's phrasing and frame."""
    base = np.random.default_rng(variant)
    theme = list(THEMES)[need.theme]
    picks = {
        slot: int(base.integers(len(_options(theme, slot)[option])))
        for slot, option in zip(SLOTS, need.slots, strict=True)
    }
    frame, order = int(base.integers(len(FRAMES))), int(base.integers(2))
    closing = int(base.integers(len(CLOSINGS))) if base.random() < 0.4 else -1
    obstacle = OBSTACLES[int(base.integers(len(OBSTACLES)))]
    if perturb:
        for slot, option in zip(SLOTS, need.slots, strict=True):
            phrasings = _options(theme, slot)[option]
            if len(phrasings) > 1 and rng.random() < 0.4:
                picks[slot] = int(rng.integers(len(phrasings)))
        if rng.random() < 0.5:
            order = 1 - order
        if rng.random() < 0.1:
            frame = int(rng.integers(len(FRAMES)))
        if rng.random() < 0.15:
            closing = -1
    words = {
        slot: _options(theme, slot)[option][picks[slot]]
        for slot, option in zip(SLOTS, need.slots, strict=True)
    }
    text = FRAMES[frame][order].format(obstacle=obstacle, **words)
    if closing >= 0:
        text = f"{text} {CLOSINGS[closing]}"
    text = text[0].upper() + text[1:]
    kind = FRAME_KINDS[frame]
    title = _TITLES[kind].format(**words).replace("|", "")
    if perturb:
        text = _split_compounds(text, rng)
        text = _typos(text, rng, int(rng.integers(0, 3)))
    return text.replace("|", ""), title[0].upper() + title[1:], kind


def _split_compounds(text: str, rng: np.random.Generator) -> str:
    """Write some compounds apart or hyphenated, as people do."""
    parts = text.split("|")
    out = [parts[0]]
    for part in parts[1:]:
        roll = rng.random()
        out.append((" " if roll < 0.25 else "-" if roll < 0.35 else "") + part)
    return "".join(out)


_DROPPED_DIACRITICS = str.maketrans("åäöÅÄÖ", "aaoAAO")


def _typos(text: str, rng: np.random.Generator, count: int) -> str:
    words = text.split(" ")
    long_words = [i for i, word in enumerate(words) if len(word) >= 6 and word.isalpha()]
    for index in rng.permutation(long_words)[:count]:
        word = words[index]
        at = int(rng.integers(1, len(word) - 2))
        kind = rng.integers(4)
        if kind == 0:
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif kind == 1:
            word = word[:at] + word[at + 1 :]
        elif kind == 2:
            word = word[:at] + word[at] + word[at:]
        else:
            word = word.translate(_DROPPED_DIACRITICS)
        words[index] = word
    return " ".join(words)
