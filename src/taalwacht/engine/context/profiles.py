"""The sense of a word that is neither quoted, a name, nor in a fixed phrase, by its term's
context profile (person, staff, service, organisation, procurement, case): is it used for
the public service, or is this commerce? What a purchase buys is ``purchases.py``'s."""

from __future__ import annotations

import re
from functools import cache

from taalwacht.dutch.wordlists import entries
from taalwacht.engine.context.cues import cues
from taalwacht.engine.context.purchases import complement, procurement
from taalwacht.engine.context.surface import in_speech
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.engine.context.window import Rare, Window
from taalwacht.model.finding import Decision
from taalwacht.packs.schema import PROFILES

ENGLISH = frozenset(
    "the and to for with about on that this by at from it are were our your their has have "
    "not more most main any which what may can will would should shall be been such these "
    "those its into upon within between all who whom whose there".split()
)
PASSAGE_EVIDENCE = 2  # public-service cues a passage needs to vouch for "product" on its own


# "onze klanten" without any public cue is a business talking; "uw" is how a municipality
# addresses residents too, so it proves nothing.
CLIENTS = frozenset(
    {
        "bedrijf",
        "bedrijven",
        "ondernemer",
        "ondernemers",
        "onderneming",
        "ondernemingen",
        "zakelijke",
        "bedrijfsleven",
    }
)
# The benefit agency's clients are served by the companies it contracts: "het bedrijf stelt
# de klant op de hoogte", "de door het bedrijf uit te voeren werkzaamheden" in UWV's rules
# for re-integration firms. Where UWV or re-integration is named in the passage, those
# companies' words do not make the klant a market's (labelled such klanten: flag 445,
# commercial 6; 9 flags were lost to the trade cues, and the regulation corpus's judges
# flagged the same in UWV's purchasing frameworks).
PUBLIC_WORK = Rare(
    re.compile(r"\b(?:uwv|re-?integratie\w*|reïntegratie\w*|jobcoach\w*)\b"),
    ("uwv", "ntegratie", "jobcoach"),  # "ntegratie": reïntegratie has no "integratie"
)
# "je klanten", "uw klanten": the reader has customers, so the reader is a business (a
# municipality's resident has none); compounds are the reader's own (uw klantnummer)
READERS = frozenset({"je", "jouw", "uw"})
POSSESSIVES = frozenset({"onze", "ons", "zijn", "haar", "hun", "jullie", "mijn"})


# A municipality calls itself "het concern" or "ons concern", never "een concern": the
# indefinite article speaks of some group of companies (labelled commerce 26 times out of
# 26); "als een concern" and "is een concern" liken the organisation to one, and stay.
INDEFINITE = frozenset({"een", "één"})
LIKENED = frozenset({"als", "is", "zijn", "wordt", "worden", "werd", "werden"})


def _any_organisation(w: Window) -> bool:
    """'een concern' on its own: a group of companies in general, not the writer's own."""
    before = w.words_before(2)
    if not before or before[-1] not in INDEFINITE:
        return False
    return len(before) < 2 or before[0] not in LIKENED


def _governed(found: list[str]) -> bool:
    """Whether public cues ``found`` name a public body's own organisation and government
    (gemeente, ambtelijk, college, provincie, begroting): only then is "het concern" that
    body. An application, a permit or a benefit agency is public service a company meets
    too: "een nieuwe aanvraag voor steun" keeps the shipyard's concern a company."""
    return any(cue in governance() for cue in found)


def governance() -> frozenset[str]:
    """The public cues of ``dutch/data/governance.txt``, as the cue index names them."""
    return _cue_names("governance.txt")


def generic_service() -> frozenset[str]:
    """The public and care cues of ``dutch/data/generic_service.txt`` (words of service any
    organisation writes), as the cue index names them."""
    return _cue_names("generic_service.txt")


@cache
def _cue_names(path: str) -> frozenset[str]:
    """A subset of the cue lists (written as they are, with "*"), as the cue index names
    its cues: lower case, without the stars."""
    return frozenset(line.strip("*").lower() for line in entries(path))


def _trade(w: Window, *, leaning: bool) -> Verdict:
    """Commerce: its cue near the word, else (``leaning``) the passage's that tipped the
    balance, else only "onze" with no cue either way."""
    cue = w.first("commerce", near=True)
    if cue:
        return verdict("commercial.trade", cue=cue)
    if leaning:
        cue = w.first_passage("commerce")
        if cue:
            return verdict("commercial.trade-passage", cue=cue, weak=True)
    return verdict("commercial.possessive", weak=True)


def english(w: Window) -> bool:
    """A watched word in an English phrase: 'concern about', 'Gross Domestic Product'."""
    around = w.words_before(3) + w.words_after(3)
    return len([x for x in around if x in ENGLISH]) >= 2  # no generator: asked per word


OF_WHOM = re.compile(r"\s+(?:van|bij)\s")


def _of_whom(w: Window) -> tuple[str, str]:
    """Whose the word is by its complement: the list ("commerce" or "public") of the cue
    that comes first in it, and that cue ("klanten van de voedselbank": public,
    voedselbank; "klanten van de supermarkt", "accountmanager van het reclamebureau":
    commerce), or ("", "")."""
    if not OF_WHOM.match(w.lower, w.end):  # most words have no complement: look no further
        return "", ""
    lo, hi = complement(w)
    skip = (w.start, w.end)
    best: tuple[int, str, str] | None = None
    for name in ("commerce", "public"):
        hit = w.index.first(name, lo, hi, skip)
        if hit and (best is None or hit[0] < best[0]):
            best = (hit[0], name, hit[1])
    return (best[1], best[2]) if best else ("", "")


# Products a body buys are goods and services of businesses, however public the buyer: "de
# ondernemers die ons de beste diensten en producten leveren", "De gemeente koopt jaarlijks
# voor een miljard euro aan producten en diensten in" (in the labelled data 13 commerce, 1
# flag). Care and help bought in stay market-speak (jeugdhulpproducten: a care member).
SUPPLIERS = Rare(
    re.compile(r"\b(?:bedrijven|ondernemers|leveranciers?|marktpartij(?:en)?|opdrachtnemers?)\b"),
    ("bedrijven", "ondernemers", "leverancier", "marktpartij", "opdrachtnemer"),
)
DELIVERS = re.compile(r"\b(?:lever(?:en|t|de|den)|geleverd)\b")
BUYS_IN = Rare(re.compile(r"\b(?:koopt|kopen|kocht|kochten)\b"), ("koopt", "kopen", "kocht"))
# the buying after the word, or its noun before it: "duurzame producten en diensten in te
# kopen", "die producten worden ingekocht", "de inkoop van producten"
BOUGHT_AFTER = Rare(
    re.compile(r"\b(?:in te kopen|inkopen|inkoopt|ingekocht|inkocht|inkochten)\b"),
    ("kopen", "koopt", "kocht"),
)
BOUGHT_BEFORE = Rare(re.compile(r"\binko(?:op|pen) van\b"), ("inkoop van", "inkopen van"))
PARTICLE_IN = re.compile(r"\bin\b")
# "producten, diensten en werken": procurement law's three kinds of what a body buys
# (labelled 6 times, commercial each time)
PROCUREMENT_TRIAD = re.compile(r",?\s*(?:en\s+|of\s+)?diensten,?\s+(?:en|of|en/of)\s+werken\b")


RECIPIENT = ("aan ", "aan de ", "aan het ")


def _supplied(w: Window) -> str:
    """The word is what businesses deliver (a supplier before it, "leveren" after it in its
    clause), or what is bought in ("koopt ... producten ... in", "producten ... in te
    kopen", "de inkoop van producten"), and no care is: its supplier or verb (training and
    rounds 53-64: 7 such products labelled commerce were reported, one flag was lost).
    A public body or its residents between them is who delivers or is served ("die de
    gemeente levert", "burgers, bedrijven en instellingen"), unless it receives ("aan de
    gemeente")."""
    lo, hi = w.clause
    found = ""
    supplier = SUPPLIERS.search(w.lower, (lo, w.start))
    delivered = DELIVERS.search(w.lower, w.end, hi) if supplier else None
    if supplier and delivered:
        around = (max(lo, supplier.start() - 20), delivered.start())
        public = w.index.starts("public", *around, (w.start, w.end))
        if all(w.lower.endswith(RECIPIENT, 0, p) for p in public):
            found = supplier.group()
    if not found:
        buys = BUYS_IN.search(w.lower, (lo, w.start))
        if buys and PARTICLE_IN.search(w.lower, w.end, hi):
            found = buys.group()
    if not found:
        triad = PROCUREMENT_TRIAD.match(w.lower, w.end)
        found = "diensten en werken" if triad else ""
    if not found:
        bought = BOUGHT_AFTER.search(w.lower, (w.end, hi)) or BOUGHT_BEFORE.search(
            w.lower, (lo, w.start)
        )
        found = bought.group() if bought else ""
    if found and w.index.find("care", lo, hi, (w.start, w.end)):
        return ""  # "koopt de jeugdhulp per product in": care is bought
    return found


# "het product van 12 en 7", "bepaald als het produkt van de capaciteit en het aantal m2",
# "het product van actieve samenwerking en ...": a product of two factors, or what something
# yields (in the labelled data 7 other, 1 unsure, no flag)
PRODUCT_OF = re.compile(r"\s+(?:is\s+)?van\s+[^.;:\n]{1,80}?\s(?:en|maal)\s")
PRODUCT_OF_BEFORE = ("het ", "als ")


def _product_of(w: Window) -> bool:
    """The product of two things: 'het product van A en B'."""
    return w.lower.endswith(PRODUCT_OF_BEFORE, 0, w.start) and bool(
        PRODUCT_OF.match(w.lower, w.end, w.sent[1])
    )


# "Deze handreiking is een (gezamenlijk) product van ...": the subject right before the verb
WORK_OF_BEFORE = re.compile(
    r"([^\W\d_]+)\s+(?:is|was|zijn|waren)\s+(?:een|het)\s+(?:[^\W\d_]+\s+)?$"
)


def _work_of(w: Window) -> bool:
    """A published work said to be the product of its makers: "Dit onderzoeksrapport is een
    product van het lectoraat". The product is the work itself (``cues/works.txt``)."""
    if not w.lower.startswith(" van ", w.end):
        return False
    subject = WORK_OF_BEFORE.search(w.lower, max(w.sent[0], w.start - 60), w.start)
    return subject is not None and bool(cues("works").in_word(subject.group(1)))


GOODS_REACH = 40  # characters either side: the members of a list the word stands in

# Competition law speaks of markets: "de partijen bij het kartel en de betrokken producten",
# "het marktaandeel van de producten" are companies' goods and services, whatever public
# body (the ACM) applies the law (product within 200 characters of these in the labelled
# data: commercial 10, flag never).
# A product whose legal basis is a law or regulation is a public body's statutory service:
# "Tarieven van producten die hun grondslag vinden in de Wet Milieubeheer" (the CBR's fee
# rules, 52 such clauses in the shared corpus; the judges flagged them each time), whatever
# the fees around it say.
LEGAL_BASIS = re.compile(r"\s+die (?:hun|zijn|haar) grondslag vind\w* in\b")
# A product allocated or granted to someone is a body's service: "het toegewezen product"
# of the care-allocation messages, "verleende producten en diensten" of a portal (rounds
# 2-90, product right after toegewezen, toegekende or verleende: flag 27, unsure 2,
# commercial 1)
GRANTED = re.compile(r"\b(?:toegewezen|toegekende?|verleende?)\s+$")
# The body's own adjective right before the bare word says whose product it is, whatever
# else the sentence compares it with ("Bij een pak melk is dat eenvoudig, een gemeentelijke
# product is veel complexer"; rounds 2-91, a bare product right after gemeentelijk(e): flag 3,
# other 1, the bruto gemeentelijk product, which its own phrase decides first)
PUBLIC_OWNER = re.compile(r"\b(?:gemeentelijke?|provinciale?)\s+$")


def public_owner(lower: str, start: int) -> bool:
    """Whether the body's own adjective stands right before ``start`` (``PUBLIC_OWNER``):
    asked by the profile and by the paragraph model alike."""
    return PUBLIC_OWNER.search(lower, max(0, start - 20), start) is not None


# A product named right after the word is an entry of a body's own product list or budget:
# "het product Kostendelersnorm", "op het product Onderwijshuisvesting", "PRODUCT 2 Inkomen",
# "Product 1: Jeugdhulp" (rounds 2-100, such a singular product: flag 17, unsure 4, other 1,
# commercial none; a shop's products named so are plural, "de producten Postpaid en Prepaid").
# Not where commerce stands in the sentence; goods the rules before it decide.
# A name is a capital and small letters: an acronym after it is a tariff's code ("het product
# AIV" of the care tariffs), not a body's own entry.
NAMED_AFTER = re.compile(r" (?P<name>[A-Z][^\W\d_A-Z]{2,})")
NUMBERED_AFTER = re.compile(r" \d{1,2}(?:\.\d{1,2})?:?\s+(?P<name>[A-Z][^\W\d_A-Z]{2,})")
NAMING_BEFORE = frozenset("het dit dat van op voor bij".split())
PUBLIC_OWNER_RULE = "use.public-owner"  # whose customers: no paragraph reading turns it
FOOD_AID_RULE = "use.food-aid"  # a food bank's clients: no paragraph reading turns it
# Food aid: a food bank's or social grocery's customers are the people it helps, whatever its
# own shop says around them (zelf winkelen, een winkelwagentje, de kassa); a supermarket or
# chain named beside them makes them shoppers asked to give (rounds 2-104: the trade rules
# kept 15 flags and 14 unsure quiet here for 2 commercial)
FOOD_AID = Rare(
    re.compile(
        r"voedselbank|kledingbank|voedselhulp|voedselpakket|voedselbon|sociale kruidenier"
        r"|sociale supermarkt|sociaal huis"
    ),
    ("voedsel", "kledingbank", "sociale kruidenier", "sociale supermarkt", "sociaal huis"),
)
SHOP_BESIDE = Rare(
    re.compile(
        r"(?<!sociale )(?<!mini-)supermarkt|albert heijn|jumbo|hoogvliet|lidl|aldi|vomar"
        r"|\bspar\b|\bplus\b|\bcoop\b|winkels\b|buurtwinkel|kringloop"
    ),
    (
        "albert heijn",
        *"supermarkt jumbo hoogvliet lidl aldi vomar spar plus coop winkels".split(),
        "buurtwinkel",
        "kringloop",
    ),
)
NAMED_PRODUCT = "use.named-product"  # the name says whose it is: no paragraph reading turns it
# the decisions that say whose the word is, which no paragraph reading turns
WHOSE = frozenset({NAMED_PRODUCT, PUBLIC_OWNER_RULE, FOOD_AID_RULE})
# What a product is made from or where it comes from makes it goods: "producten van dierlijke
# oorsprong", "producten van Nederlandse herkomst"; a service has no origin.
ORIGIN_AFTER = re.compile(r"\s+van\s+(?:[\w-]+\s+){1,2}(?:oorsprong|herkomst)\b")


def _named_product(w: Window) -> str:
    """The name after a singular product that names an entry of a list or budget
    (``NAMED_AFTER``, ``NUMBERED_AFTER``), or ""."""
    word = w.text[w.start : w.end]
    if word.islower():
        before = w.words_before(1)
        found = NAMED_AFTER.match(w.text, w.end) if before and before[0] in NAMING_BEFORE else None
    elif word.isupper() or word.istitle():  # a heading: "PRODUCT 2", "Product 1:"
        found = NUMBERED_AFTER.match(w.text, w.end)
    else:
        found = None
    return found.group("name") if found and not w.count("commerce") else ""


COMPETITION = Rare(
    re.compile(r"\b(?:kartel\w*|mededinging\w*|marktaande\w*|acm)\b"),
    ("kartel", "mededinging", "marktaande", "acm"),
)


def _goods_beside(w: Window) -> str:
    """A goods word right beside the word in its clause: what is listed with products is of
    their kind ("luchtvaartuigen, aanverwante produkten en onderdelen", "stoffen of
    producten"), however public the regulation around it (in the labelled data, product with
    goods words this close: 314 commercial, 73 other, 5 flag)."""
    span = w.beside(GOODS_REACH, w.clause)
    found = w.index.find("goods", *span, (w.start, w.end))
    return next((cue for cue in found if cue not in COSTS), "")


# goods words that name a cost, not a thing: "programma- / productkosten, maar onder het
# programma Overhead" is a municipal budget
COSTS = frozenset({"overhead"})


def _cared(w: Window) -> bool:
    """Care words ("ondersteuning", "cliënt") speak for the public service only where the
    passage is not more about business: a provider's technical support or a bank's clients
    use them too."""
    market = w.count_passage("commerce") + w.count_passage("goods")
    return market < w.count_passage("public") + w.count_passage("care")


def member_cue(name: str, left: str, right: str) -> str:
    """A cue of list ``name`` among the members around the watched one: Wmo in Wmo-klanten."""
    if not left and not right:  # most words are no compound
        return ""
    return next((c for c in (cues(name).in_word(m) for m in (left, right) if m) if c), "")


# customers listed by name, two or more: "klanten zoals DNB, Carrefour en SVB"
NAME = r"[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*"
NAMED_CUSTOMERS = re.compile(
    rf"\s*,?\s+(?:zoals|als|waaronder)\s+(?:de\s+|het\s+)?({NAME}(?:,\s+{NAME})*\s*(?:,|en)\s+{NAME})"
)


# A supplier names the public body it worked for in a field of its own report or reference
# ("Klant: Gemeente Gooise Meren", "KLANT | Ministerie van Volksgezondheid, Welzijn en
# Sport"): the body is the supplier's client, and the text the supplier's (rounds 2-112: 6
# such fields, all labelled commercial; "Klant: De persoon die ..." defines the word, and
# "Klant: J. Jansen" names a resident, so only a public body's name counts)
CLIENT_FIELD = re.compile(
    r"[ \t]*[:|][ \t]*(?:Gemeente|Ministerie|Provincie|Waterschap|Rijkswaterstaat|Regionale"
    r"|Omgevingsdienst|Uitvoeringsdienst)\b"
)
CLIENT_FIELD_CAPS = re.compile(r"[ \t]+(?:GEMEENTE|Gemeente|MINISTERIE|Ministerie)\b")
FIELD_START = re.compile(r"(?:^|[\n|])[ \t*#>-]*$")


def _client_field(w: Window, word: str) -> bool:
    """Whether the word is a field's label naming a public body as a supplier's client: at
    a line's start, or in capitals as a report's cover writes its fields (a PDF's text
    runs them together: "KNELPUNTEN KLANT Ministerie van ... AUTEUR(S)")."""
    if word != "klant":
        return False
    if w.text[w.start : w.end] == "KLANT" and CLIENT_FIELD_CAPS.match(w.text, w.end):
        return True
    at_start = FIELD_START.search(w.text, max(0, w.start - 40), w.start) is not None
    return at_start and CLIENT_FIELD.match(w.text, w.end) is not None


# A customer in arrears owes a supplier: water and energy companies, banks and landlords
# report "klanten met een betaalachterstand" to the municipality for early debt help
# (vroegsignalering), and the klant stays theirs, however public the sentence around it.
# Labelled so (rounds 2-78): commercial 35, unsure 3, flag never. Only a public body's own
# claims (taxes, levies) make it the public body's.
ARREARS = Rare(
    re.compile(r"\b(?:betaal|betalings)(?:achterstand|problem)\w*|\bwanbetal\w*"),
    ("achterstand", "problem", "wanbetal"),
)
PUBLIC_CREDITOR = Rare(
    re.compile(r"\b(?:\w*belasting\w*|\w*heffing\w*|aanslag\w*)"),
    ("belasting", "heffing", "aanslag"),
)


JOINED = frozenset({"en", "of", "én"})
HELP_GIVEN = frozenset(
    {"bij", "aan", "van", "voor", "in", "om", "met", "nodig", "krijgen", "geven"}
)
PAIR_FILLERS = frozenset(
    {"de", "een", "het", "haar", "zijn", "hun", "jouw", "uw", "huishoudelijke"}
)


@cache
def _household_workers() -> frozenset[str]:
    return frozenset(entries("household_workers.txt"))


def _household_worker(w: Window) -> str:
    """The worker a household hires, joined to the word by "en" or "of" on either side
    ("klanten en hulpen", "de klant en de huishoudelijke hulp", "hulp of klant"), or "".
    A Wmo text's "klant en hulpverlener" joins no such worker: that help is the service."""
    workers = _household_workers()
    after = w.words_after(5)
    if after and after[0] in JOINED:
        rest = after[1:]
        while rest and rest[0] in PAIR_FILLERS:
            rest = rest[1:]
        # "klanten en hulp bij schulden" is help given, not a worker
        if (
            rest
            and rest[0] in workers
            and not (rest[0] == "hulp" and rest[1:2] and rest[1] in HELP_GIVEN)
        ):
            return rest[0]
    before = w.words_before(4)
    while before and before[-1] in PAIR_FILLERS:
        before = before[:-1]
    if len(before) >= 2 and before[-1] in JOINED and before[-2] in workers:
        return before[-2]
    return ""


def _public_passage(w: Window) -> bool:
    """The passage is the public service's: more public-service cues than commerce cues, and
    at least PASSAGE_EVIDENCE of them. A jobcoach company's clients in UWV's protocol are
    commercial in their own sentence; UWV's "Klant" after them stays UWV's."""
    public = w.count_passage("public")
    return public >= PASSAGE_EVIDENCE and public > w.count_passage("commerce")


def same_sense(profile: str, w: Window, *, left: str, right: str, curated: bool, term: str) -> bool:
    """The passage used this word for a business's customers or goods before, and nothing
    public stands near it now: it keeps that sense. Asked before the frames that read the
    sentence, since a passage about a business goes on about it far more often than it
    turns to the word itself."""
    return (
        profile not in ("procurement", "always")
        and not curated
        and w.index.earlier(w.start, Decision.COMMERCIAL, term)
        and not w.count("public")
        and not member_cue("public", left, right)
        and not _public_passage(w)
    )


def judge_profile(
    profile: str,
    w: Window,
    *,
    word: str,
    left: str,
    right: str,
    curated: bool,
    noun: bool = True,
    particle: int | None = None,
    final: bool = False,
    singular: bool = False,
    acronym: bool = False,
) -> Verdict:
    """The decision for a word that is neither quoted, a name, in a fixed phrase, nor kept
    in a business's sense by its passage (``same_sense``).

    ``word`` is the whole word in lower case, ``left`` and ``right`` the compound members
    around the watched one: a compound can carry its own context (Wmo-klanten,
    jeugdhulpinkoop, mediaconcern). ``particle``: where the particle of a separated verb
    stands ("koopt ... in"), so that what stands between is its object. ``final``: the
    word is a verb at its clause's end (inkopen, ingekocht, "in te kopen", a subordinate
    clause's inkoopt), whose object stands before it. ``singular``: the
    word is a singular noun, which a name can follow ("het product Kostendelersnorm").
    ``acronym``: the word is one of the pack's acronyms (KCC).
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown context profile {profile!r}")
    use = verdict(f"use.{profile}")
    if profile == "always":
        return use
    own_public = member_cue("public", left, right)
    whose, complement = _of_whom(w) if profile != "procurement" else ("", "")
    if whose == "commerce":
        return verdict("commercial.shop", cue=complement)
    if profile == "staff":
        # accountmanagers of a municipality serve companies, so "bedrijven" proves nothing;
        # a bank or an advertising agency around them, and no public service, does
        trade = [c for c in w.index.find("commerce", *w.near, (w.start, w.end)) if c not in CLIENTS]
        if len(trade) > w.count("public", near=True):
            return verdict("commercial.business-staff", cue=trade[0])
        return use
    if profile == "person":
        if own_public:
            return use
        if whose == "public" and noun:
            # "klanten van de voedselbank", "klanten bij het UWV": whose they are is said, and
            # no shopping or selling around them makes them a shop's
            return verdict(PUBLIC_OWNER_RULE, owner=complement)
        aid = FOOD_AID.search(w.lower, w.passage) if noun else None
        if aid and not SHOP_BESIDE.search(w.lower, w.near):
            return verdict(FOOD_AID_RULE, aid=aid.group())
        # the trade's own words, or a business named in the word (Ziggo-klanten,
        # hypotheekklanten, bankklant): no labelled compound of those was a resident
        own_trade = member_cue("trade_members", left, right) or member_cue("commerce", left, "")
        if own_trade:  # klantenwerving, klantenbinding, supermarktklant: the trade's own words
            return verdict("commercial.trade-compound", member=own_trade)
        if noun and _client_field(w, word):
            return verdict("commercial.client-field")
        named = NAMED_CUSTOMERS.match(w.text, w.end)
        if named and not w.count("public"):  # "klanten als Volvo, BMW en Volkswagen": firms
            return verdict("commercial.named-customers", names=named.group(1))
        worker = _household_worker(w) if noun and not left and not right else ""
        if worker and not w.count("public"):  # "klanten en hulpen": who hires the help
            return verdict("commercial.household-employer", worker=worker)
        # the person in arrears: klant(en), bijstandsklant, not a desk (KCC, klantcontact)
        person = noun and not right and not w.text[w.start : w.end].isupper()
        arrears = ARREARS.search(w.lower, w.clause) if person else None
        if arrears and not PUBLIC_CREDITOR.search(w.lower, w.sent):
            # "klanten met een betaalachterstand": a supplier's, whoever it tells about them
            return verdict("commercial.creditor-customer", cue=arrears.group())
        if acronym:
            # KCC, KCM: the pack's acronyms are public bodies' own shorthand, whatever the
            # call-centre trade's words around them (the labelled data: flag 417, commercial 2);
            # firms write klantenservice or contactcenter
            return use
        # commerce against the public service; goods say nothing about a person: "Bij
        # klanten die geen tablet of laptop hadden", "per personenvoertuig één klant", the
        # public buildings a resident visits (in the training split, persons decided
        # commerce by goods words: 17 flags, 3 commercial)
        lean = w.leaning("commerce", "public")
        if lean > 0 and PUBLIC_WORK.search(w.lower, w.passage):
            lean = 0  # the re-integration firm's "klant" is the benefit agency's client
        owner = w.words_before(1)
        plain = noun and not left and not right  # "wij zijn klantgericht": a verb, not "his"
        if plain and owner and owner[0] in READERS and not w.count("public", near=True):
            return verdict("commercial.reader-customers", owner=owner[0])
        if lean > 0 or (
            lean == 0
            and plain
            and owner
            and owner[0] in POSSESSIVES
            and not w.count_passage("public")
        ):
            return _trade(w, leaning=lean > 0)
        if (
            plain
            and not w.count_passage("public")
            and not w.count_passage("care")
            and in_speech(w.text, w.start, w.end, *w.passage)
        ):  # a shopkeeper quoted in the news: "Opeens komen er nog heel veel klanten."
            return verdict("commercial.quoted-speech")
        return use
    if profile == "service":
        if english(w):
            return verdict("other.english")
        if noun and not (left or right) and _product_of(w):
            return verdict("other.product-of")
        if noun and not (left or right) and _work_of(w):
            return verdict("other.work-of")
        own_care = member_cue("care", left, right)
        supplied = _supplied(w) if not own_care else ""
        if supplied:  # "bedrijven die aan de gemeente producten leveren": the body buys
            return verdict("commercial.supplied", cue=supplied)
        industry = member_cue("industry_members", "", right)
        if industry and not own_public and not w.count("public"):
            # productontwikkeling, product- en procesinnovatie; "bij de gemeente" keeps it
            return verdict("commercial.industry-compound", member=industry)
        if curated or own_public or own_care:
            return use  # Wmo-producten, ondersteuningsproducten, jeugdzorg-producten
        if LEGAL_BASIS.match(w.lower, w.end, w.clause[1]):
            return use
        if noun and GRANTED.search(w.lower, max(w.clause[0], w.start - 20), w.start):
            return use
        if noun and not left and public_owner(w.lower, w.start):
            return use
        food = w.first("food", near=True)
        if food:  # a food bank's products are food, not its help
            return verdict("commercial.goods", cue=food)
        beside = _goods_beside(w)
        if beside:  # "het gewas, de teelt of de producten", "producten en software"
            return verdict("commercial.goods", cue=beside)
        kind = w.words_before(1)
        if noun and not left and kind and kind[0] in GOODS_KINDS and not _with_services(w):
            return verdict("commercial.goods", cue=kind[0])  # dierlijke producten
        origin = ORIGIN_AFTER.match(w.lower, w.end) if noun and not right else None
        if origin:  # producten van dierlijke oorsprong
            return verdict("commercial.goods", cue=origin.group().strip())
        if left and not member_cue("neutral_members", left, ""):
            return verdict("commercial.goods-compound", member=left)
        budget = BUDGET.search(w.lower, w.passage) is not None
        if w.count("goods") and not w.count("public") and not budget:
            return verdict("commercial.goods", cue=w.first("goods"))
        competition = COMPETITION.search(w.lower, w.near)
        if competition:
            return verdict("commercial.competition", cue=competition.group())
        entry = _named_product(w) if noun and not left and not right and singular else ""
        public = (
            entry
            or w.leaning("public", "commerce", passage=False) > 0
            or budget
            or (w.count("care") and _cared(w))
            or (
                w.count_passage("public") >= PASSAGE_EVIDENCE
                and not w.count_passage("commerce")
                and not w.count_passage("goods")
            )
        )
        if not public and not _services_pair(w):
            return verdict("commercial.no-public-service", weak=True)
        tariff = tariff_cue(w)
        if tariff:
            return verdict("other.tariff", cue=tariff)
        return verdict(NAMED_PRODUCT, name=entry) if entry else use
    if profile == "organisation":
        if english(w):
            return verdict("other.english")
        if noun and not (left or right):  # the bare word: what stands around it decides
            if not curated and _any_organisation(w):
                return verdict("commercial.any-organisation")
            if employs := EMPLOYMENT.search(w.lower, w.near):
                # "herplaatsing binnen het concern", "de werknemers van het concern": the
                # group of firms an employee works for (labelled commercial 24 of 24, no flag)
                return verdict("commercial.employer-group", cue=employs.group())
            if entity := LEGAL_ENTITIES.search(w.lower, w.near):
                # "lichamen die deel uitmaken van een concern", "opgenomen in een juridische
                # entiteit (concern)": company and tax law's group of legal persons
                # (labelled commercial 38 times, mention 3, flag never)
                return verdict("commercial.legal-entities", cue=entity.group())
        if left and not own_public:
            return verdict("commercial.company-compound", member=left)
        if right in COMPANY_LAW:
            # concernvrijstelling, concernverklaring: a group of firms, also where a public
            # body asks a firm for it (UWV's jobcoach regulations)
            return verdict("commercial.company-compound", member=right)
        if w.count("commerce") > w.count("public"):
            return verdict("commercial.business", cue=w.first("commerce"))
        if (
            curated
            or own_public
            or w.index.earlier(w.start, Decision.USE)
            or _governed(w.found("public", near=True))
            or _governed(w.found_passage("public"))
            or (right and not w.count("commerce", near=True))
        ):
            return use
        return verdict("commercial.no-government", weak=True)
    if profile == "procurement":
        return procurement(w, word, (left, right), particle, final=final)
    if profile == "case":
        if english(w):
            return verdict("other.english")
        found = w.found("other_sense", near=True)
        lesson = next((c for c in found if not (noun and c in ECONOMICS)), "")
        if lesson:
            return verdict("other.sense", cue=lesson)
        teaching_member = member_cue("case_members", left, right)
        if teaching_member:  # casusanalyse, oefencasus: a case to learn or test from
            return verdict("other.sense", cue=teaching_member)
        if (
            noun
            and NAMED_CASE.match(w.text, w.end)
            and not (left or right)
            and not SERVED_PERSON.search(w.lower, w.end, w.end + SERVED_REACH)
        ):
            return verdict("other.named-case")  # Casus A, casus 3:, de casus Korhoen
        if noun and not (left or right) and REPORT_CHAPTER.search(w.lower, w.sent):
            # "de casussen ... in het voorgaande hoofdstuk", "Hoofdstuk 1: ... als Casus van
            # Institutioneel Falen": the cases a report studies
            return verdict("other.sense", cue="hoofdstuk")
        described = w.words_before(1)
        if described and described[0] in DESCRIBED_CASE:
            # "Bespreek de bovenstaande casus met je coach": a case as a text to work on
            return verdict("other.sense", cue=described[0])
        teaching = w.count_passage("other_sense")
        if teaching >= PASSAGE_EVIDENCE and teaching > w.count_passage("public"):
            return verdict("other.sense", cue=w.first_passage("other_sense"))
        if w.count("commerce") > w.count("public"):
            return verdict("commercial.business", cue=w.first("commerce"))
        return use
    raise AssertionError(f"profile {profile!r} has no branch here")  # a new PROFILES entry


# A public budget's own bookkeeping: its "producten" are the body's tasks, priced for the
# council ("Toerekening overhead aan product", "Beleidsproduct: Markten", "onttrekkingen ten
# laste van dit product"). Read as public service where the rules found none (and above a
# goods cue: a body's "overhead" is bought as goods, but priced as its product's cost), they
# gained 11 flags and 2 unsure on the training split (rounds 2-109), no word labelled
# commercial or another sense, and the regulation corpus none. "toerekening" and
# "exploitatie" are not among them: tax law's toerekening van betalingen and a business
# plan's exploitatie made the corpus's tangible goods a public service. A budget's lasten and
# baten beside a product price it too ("Totaal lasten product"; rounds 2-111: near them 19
# flags, 4 commercial): +2 flags in rounds 106 and 109, nothing else, corpus -1 (an
# annual report the healthcare authority asks for). So do a budget's adjustments, task
# fields (the BBV's taakvelden), amendments and interest costs ("Bijstellingen Product
# Inkomen", "rentelasten"): +6 flags and 1 unsure in rounds 2-120 (all six in round 120,
# after it was scored), nothing else, corpus -1 (a care tariff's productstructuur).
BUDGET = Rare(
    re.compile(
        r"\b(?:overhead|beleidsproduct\w*|kostenplaats\w*|onttrekking\w*|(?:rente|kapitaal)?lasten"
        r"|(?:rente)?baten|bijstelling(?:en)?|taakveld\w*|begrotingswijziging\w*)\b"
    ),
    (
        "overhead",
        "beleidsproduct",
        "kostenplaats",
        "onttrekking",
        "lasten",
        "baten",
        "bijstelling",
        "taakveld",
        "begrotingswijziging",
    ),
)


# What makes a product goods when it stands right before it: what it is made of or where it
# comes from ("dierlijke producten", "verse producten", "lokale producten", "regionaal geteelde
# producten"), how it was made or packed, or that shops sell its like ("soortgelijke
# producten", Wmo's test of what is "algemeen gebruikelijk"). Labelled with these right
# before them: commercial 106, flag never; followed by "en diensten": unsure 6, commercial 2,
# flag 1, a Flemish local government's "lokale producten en diensten". "Regionale",
# "financiële" and "fysieke" producten were flags too, so they are not here.
GOODS_KINDS = frozenset(
    "dierlijke dierlijk plantaardige plantaardig agrarische agrarisch biologische biologisch "
    "verse vers lokale lokaal duurzame duurzaam medische medisch chemische chemisch "
    "farmaceutische farmaceutisch huishoudelijke huishoudelijk seizoensgebonden ambachtelijke "
    "ambachtelijk circulaire circulair tweedehands streekgebonden toeristische toeristisch "
    "geteelde gekweekte gemaakte geproduceerde verpakte ingevoerde geïmporteerde "
    "soortgelijke soortgelijk gelijksoortige gelijksoortig".split()
)


SERVICES_AFTER = re.compile(r"-?\s+(?:en|of|en/of|&)\s+dienst")
SERVICES_BEFORE = re.compile(r"\bdiensten?\s+(?:en|of|en/of|&)\s+$")


def _services_pair(w: Window) -> bool:
    """ "Producten en diensten" in a passage without a market word is what a public body
    offers, though no public-service word stands near: "de eigen producten en diensten" of
    a catalogue's start screen, a service's annual report (in the training split, 31 flags
    gained for 5 commercial). Not where the sentence already defined or denied a word: "Een
    klant is de afnemer van een product of dienst" defines the market's sense."""
    if not _with_services(w) or w.count_passage("commerce") or w.count_passage("goods"):
        return False
    return not any(
        w.sent[0] <= pos < w.start and decision is not Decision.USE
        for pos, _, decision in w.index.decided
    )


def _with_services(w: Window) -> bool:
    """Whether services stand beside it: "de lokale producten en diensten" of a Flemish
    local government are its services (labelled flag), whatever the adjective says; so are
    "onze diensten en producten" and "diensten en/of producten" of a portal."""
    return (
        SERVICES_AFTER.match(w.lower, w.end) is not None
        or SERVICES_BEFORE.search(w.lower, max(0, w.start - 20), w.start) is not None
    )


# the economics words of other_sense.txt give a policy its economic sense (vraaggericht
# economisch beleid: demand-side) and product its own (bruto product), never a case, a noun:
# near casus, economisch stood by flags only ("samen met de collega's die betrokken zijn bij
# de casus ... vanuit het juridisch, sociaal en financieel economisch perspectief")
ECONOMICS = frozenset({"economisch", "conjunctuur", "bestedingen", "keynes"})


# a named or numbered case whose description opens with the service's own people is that
# person's situation, not a lesson: "Voorbeeld casus: Klant heeft knieproblemen", "Casus 3:
# voorbeeld van een inwoner die ..." (labelled flag 5 times, other once)
SERVED_PERSON = re.compile(
    r"\b(?:klant|klanten|inwoners?|cliënten|cliënt|clienten|client|aanvrager|aanvragers|"
    r"betrokkene|werkzoekenden?|uitkeringsgerechtigden?)\b"
)
SERVED_REACH = 80  # characters after the case's name
# "Casus A", "casus 3: Rijke ouders", "Casus: De ballonvaart", "de casus Korhoen": a case
# with a label or a name is a case study, a teaching case or a court case; a person's
# situation in a letter goes without one ("de casus van mevrouw" has "van", not a name)
NAMED_CASE = re.compile(r"[ \t]*(?::|[0-9]|[A-Z](?![a-zà-ÿ])|[A-Z][a-zà-ÿ]+)")


# a report's chapter in the sentence of a plain casus: the cases the report studies (in the
# training split, rounds 2-114: other 4 times, from 4 sources, unsure once, never a flag;
# compounds such as casusregie stay out: a report on youth care describes its case meetings)
REPORT_CHAPTER = Rare(re.compile(r"\bhoofdstuk(?:ken)?\b"), ("hoofdstuk",))


# a case that stands as a text in the document, or was made up: an exercise or a case
# study ("Maak het ERD dat hoort bij onderstaande casus"; 3 labelled other, no flag)
DESCRIBED_CASE = frozenset(
    {"onderstaande", "bovenstaande", "fictieve", "uitgewerkte", "beschreven"}
)


# members of concern in company and tax law: the concern of firms, not the municipality;
# also company law itself (concernrecht, concernrechtelijke), a group's liability
# (concernaansprakelijkheid: commercial twice, never flag) and its financings; not
# concernvorming, which a municipality does to itself too ("Concernvorming" as a heading
# of its organisation plan)
COMPANY_LAW = frozenset(
    "vrijstelling regeling regelingen regime regimes financiering financieringen maatschappij "
    "maatschappijen verhouding verhoudingen verband interne intern verklaring ratio vennootschap "
    "vennootschappen relatie relaties recht rechtelijk rechtelijke aansprakelijkheid".split()
)


# The healthcare tariff system (the NZa's tariff decisions, DBC's, the Wmg): its "overige
# producten", "ondersteunende producten" and "add-on producten" are categories the law
# names, which a writer cannot rename (labelled unsure or mention near dbc or nza 21 times,
# flag once). Inside such text they and the pack's fixed terms (DBC-zorgproduct) are that
# law's vocabulary and not reported: judged samples of the regulation corpus found no flag
# among them, but their glossary headwords and the regulations' titles that cite them
# (mention and other) were a third of the false positives. Elsewhere zorgproduct stays a
# fixed term (labellers flag a municipality's "zorgproducten" in Wmo text).
HEALTH_TARIFF = Rare(
    re.compile(
        r"\b(?:nza|dbc\w*|wmg|\w*zorgprestatie\w*|deelprestatie\w*|declarabel\w*|"
        r"zorgactiviteit\w*|tariefbeschikking\w*)\b"
    ),
    (
        "nza",
        "dbc",
        "wmg",
        "zorgprestatie",
        "deelprestatie",
        "declarabel",
        "zorgactiviteit",
        "tariefbeschikking",
    ),
    in_word=True,
)


def tariff_cue(w: Window) -> str:
    """The word of the healthcare tariff law in the passage (nza, dbc, ...), or ""."""
    found = HEALTH_TARIFF.search(w.lower, w.passage)
    return found.group() if found else ""


# an employment relation around the bare word concern: labour law and company news
EMPLOYMENT = Rare(
    re.compile(
        r"\b(?:werknemers?|werkgevers?|ontslag\w*|herplaats\w*|arbeidsovereenkomst\w*|"
        r"dienstverband)\b"
    ),
    ("werknem", "werkgever", "ontslag", "herplaats", "arbeidsovereenkomst", "dienstverband"),
)
# legal persons and their groups around the bare word concern: company and tax law
LEGAL_ENTITIES = Rare(
    re.compile(
        r"\b(?:rechtspersonen|rechtspersoon|juridische entiteit(?:en)?|lichaam|lichamen|"
        r"\w*vennootschap\w*|dochter\w*|moeder(?:maatschappij|vennootschap)\w*|"
        r"groepsmaatschappij\w*|holding\w*|aandeelhouder\w*|deelneming\w*|zeggenschap|"
        r"concernrecht\w*)\b"
    ),
    (
        "rechtsperso",
        "juridische entiteit",
        "lichaam",
        "lichamen",
        "vennootschap",
        "dochter",
        "moeder",
        "groepsmaatschappij",
        "holding",
        "aandeelhouder",
        "deelneming",
        "zeggenschap",
        "concernrecht",
    ),
)
