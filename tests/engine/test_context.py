"""The context modules' decisions (``taalwacht.engine.context``): each returns a ``Verdict``
with a rule id, and the rule id reaches the finding.

- ``surface``: what the characters show (quotation marks, URLs, file names, code, company
  names), whatever the sentence means;
- ``frames``: writing about the word ('het woord klant', 'ze zijn geen klant', 'Klant: ...');
- ``profiles``: the term's context profile decides use or commerce ('de klanten van de
  supermarkt', 'het concern maakte winst', 'wij kopen laptops in').

The tables run real Dutch sentences through ``taalwacht.check(text, explain=True)`` and pin
every occurrence's decision and rule; the direct tests call each module's functions.
"""

from __future__ import annotations

import pytest

import taalwacht
from taalwacht import messages
from taalwacht.dutch.tokens import lower_same_length
from taalwacht.engine.context import frames, profiles, surface
from taalwacht.engine.context.cues import CueIndex
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.engine.context.window import Window
from taalwacht.model.finding import Decision

Row = tuple[str, list[tuple[str, str]]]  # text, [(word, rule)] for every occurrence in order


def decided(text: str, **options: object) -> list[tuple[str, str, str]]:
    """(word, decision, rule) of every occurrence in ``text``."""
    found = taalwacht.check(text, explain=True, **options)  # type: ignore[arg-type]
    return [(f.text, f.decision.value, f.rule) for f in found]


def expected(rules: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(word, rule.partition(".")[0], rule) for word, rule in rules]


# --------------------------------------------------------------------- surface

SURFACE: list[Row] = [
    ("Het woord 'klant' gebruiken wij niet meer.", [("klant", "mention.quoted")]),
    ("Wij zeggen liever \u201cklant\u201d dan inwoner.", [("klant", "mention.quoted")]),
    ("Kijk op https://www.gemeente.nl/klant voor meer.", [("klant", "other.url")]),
    ("Mail naar klant@gemeente.nl voor meer.", [("klant", "other.url")]),
    ("Open het bestand klantgegevens.xlsx in Excel.", [("klantgegevens", "other.filename")]),
    ("Roep klant.naam aan.", [("klant", "other.filename")]),
    ("Roep klant(id) aan.", [("klant", "other.code")]),
    ("Zet product.naam in het formulier.", [("product", "other.filename")]),
    # a sentence whose space the text lost (PDF and OCR text) is prose, not a member of code
    (
        "De gemeente helpt elke klant.Om te beginnen plannen we een gesprek.",
        [("klant", "use.person")],
    ),
    # an optional ending in brackets is Dutch, no function call, and part of the word
    (
        "De vertegenwoordiger handelt namens een of meer klant(en) in contact met de gemeente.",
        [("klant(en)", "use.person")],
    ),
    # a link's text is prose; only its target is a file name
    (
        "Lees [Een medewerker van de gemeente belt de klant](./artefacten/2984.md) eerst.",
        [("klant", "use.person")],
    ),
    ("Roep getKlant() aan.", [("getKlant", "other.code")]),
    # an abbreviation in brackets with the space left out is no call
    (
        "Vakafdeling Klant Contact Centrum(KCC) en Burgerzaken",
        [("Klant Contact Centrum", "use.person"), ("KCC", "use.person")],
    ),
    ("Ga naar /diensten/klant/ voor info.", [("klant", "other.path")]),
    ("Open diensten/klant/zoeken-en-vinden voor info.", [("klant", "other.path")]),
    # words joined by slashes for "or" are a list, not a path
    (
        "Medewerkers en inwoners/klanten/bezoekers van de gemeente Bergen op Zoom.",
        [("klanten", "use.person")],
    ),
    ("De wethouder van Burgerzaken/KCC/Dienstverlening.", [("KCC", "use.person")]),
    ("Klantenbinder B.V. levert software.", [("Klantenbinder", "other.company-name")]),
    # plain text marks code and italics as regions of the document
    ("Gebruik `klant` niet.", [("klant", "mention.code")]),
    ("Het woord *klant* is oud.", [("klant", "mention.emphasis")]),
]

# ---------------------------------------------------------------------- frames

FRAMES: list[Row] = [
    ("Het woord klant is verouderd.", [("klant", "mention.frame")]),
    # a role compared ("is de burger wel klant?") is about the word; an adjective after
    # people and a copula only says how they are helped
    ("Is de burger wel klant?", [("klant", "mention.as-role")]),
    (
        "Zij legt uit waarom burgers geen klanten zijn van de overheid.",
        [("klanten", "mention.as-role")],
    ),
    # a role that is real: a verb's agent, or the word as the subject of its copula
    (
        "Betreft: de gemeente als inkoper binnen het sociaal domein.",
        [("inkoper", "use.procurement")],
    ),
    (
        "Hoe groot is het aantal cliënten, hoeveel casussen zijn risicovol en om welke zorg "
        "gaat het?",
        [("casussen", "use.case")],
    ),
    (
        "Doel van het werkplein is mensen zo klantvriendelijk mogelijk te helpen.",
        [("klantvriendelijk", "use.person")],
    ),
    ("B5717 - Naamgeving Klantcontact", [("Klantcontact", "mention.frame")]),
    ("De term klantmanager verdwijnt.", [("klantmanager", "mention.frame")]),
    ("Het begrip Klantreis ken ik niet.", [("Klantreis", "mention.frame")]),
    (
        "De woorden klant en product gebruiken we niet.",
        [("klant", "mention.frame"), ("product", "mention.frame-coordinated")],
    ),
    (
        "Het woord klanten en het woord product.",
        [("klanten", "mention.frame"), ("product", "mention.frame")],
    ),
    ("We spreken liever over inwoners dan over klanten.", [("klanten", "mention.frame")]),
    ("Inwoners zijn geen klant.", [("klant", "mention.denial")]),
    ("Noem ze geen klanten meer.", [("klanten", "mention.denial")]),
    ("Klant is een woord uit de markt.", [("Klant", "mention.is-term")]),
    ("Klanten noemen we voortaan inwoners.", [("Klanten", "mention.naming-verb")]),
    ("Klant of inwoner, dat is de vraag.", [("Klant", "mention.comparison")]),
    # staff and the people they serve are the two sides of a talk, not two names weighed
    (
        "De sociale dienst wil beeldbellen in de contacten tussen klantmanagers en cliënten.",
        [("klantmanagers", "use.staff")],
    ),
    ("Wij willen inwoners niet als klant benaderen.", [("klant", "mention.as-naming")]),
    ("Klant: iemand die iets koopt.", [("Klant", "mention.headword")]),
    # a glossary's headword in bold, whatever its definition opens with
    (
        "* **Product**: Gecodeerde omschrijving van een dienst of resultaat.",
        [("Product", "mention.headword")],
    ),
    ("Het concernbegrip in de belastingwet", [("concernbegrip", "mention.concept")]),
    ("Wat is een klantreis?", [("klantreis", "mention.definition")]),
    # the word defined: "onder ... verstaan", "met ... bedoeld"
    ("Onder een klant wordt verstaan: de persoon die.", [("klant", "mention.definition")]),
    # a definition names the kinds of party the word covers, in the plural too; a pair of
    # people says who they are
    (
        "Klanten in deze context zijn personen of organisaties die een verzoek indienen.",
        [("Klanten", "mention.definition")],
    ),
    (
        "De klant is een inwoner of ondernemer die contact heeft met de gemeente.",
        [("klant", "mention.definition")],
    ),
    (
        "De klanten zijn mannen en vrouwen die in de bijstand zitten.",
        [("klanten", "use.person")],
    ),
    ("Onder producten verstaan we de verkopen.", [("producten", "mention.definition")]),
    (
        "Met het klantenperspectief wordt hier bedoeld de visie van de zorgvrager.",
        [("klantenperspectief", "mention.definition")],
    ),
    (
        "Wat is klantcontact? Elk contact met een organisatie.",
        [("klantcontact", "mention.definition")],
    ),
    ("Wat is uw klantnummer?", [("klantnummer", "use.person")]),  # a question to the reader
    ("Wat is de klant verschuldigd?", [("klant", "use.person")]),
    ("Dat noemen we klantdenken.", [("klantdenken", "mention.naming-verb")]),
    (
        "KCC staat voor Klant Contact Centrum.",
        [("KCC", "mention.is-term"), ("Klant Contact Centrum", "mention.frame")],
    ),
    ("Het KCC staat voor u klaar.", [("KCC", "use.person")]),
    (
        "K.C.C. is de afkorting voor Klanten Contact Centrum.",
        [("Klanten Contact Centrum", "mention.frame")],
    ),
    (
        "In het openbaar vervoer wordt de klant ook wel aangeduid met de term reiziger.",
        [("klant", "mention.naming-verb")],
    ),
    (
        "De klant wordt aangeduid als aanvrager in het formulier.",
        [("klant", "mention.naming-verb")],
    ),
    # identified by a number: residents, not a name for them (whose: the social service's)
    (
        "Klanten van de sociale dienst worden aangeduid met een nummer.",
        [("Klanten", "use.public-owner")],
    ),
]

# -------------------------------------------------------------------- profiles

PROFILES: list[Row] = [
    # person
    ("De klant krijgt een brief van de gemeente.", [("klant", "use.person")]),
    (
        "De klanten van de supermarkt staan in de rij bij de kassa.",
        [("klanten", "commercial.shop")],
    ),
    ("De klant is koning, zegt de winkelier.", [("klant", "other.phrase")]),
    ("Onze klanten kopen graag bij ons.", [("klanten", "commercial.possessive")]),
    # a public library's borrowers pay a subscription, yet use a public service; a gym's
    # subscribers are its customers
    (
        "Als de bibliotheek online inschrijven toelaat, kunnen klanten hun abonnement online "
        "hernieuwen.",
        [("klanten", "use.person")],
    ),
    (
        "Als de sportschool online inschrijven toelaat, kunnen klanten hun abonnement online "
        "hernieuwen.",
        [("klanten", "commercial.trade")],
    ),
    # commerce only further out in the passage: the reason names it, not a possessive
    (
        "De webwinkel verkoopt schoenen en tassen. Alle bestellingen worden dezelfde dag "
        "verzonden. Het weer was mooi. De zon scheen de hele dag. De klant kiest zelf wanneer "
        "hij komt.",
        [("klant", "commercial.trade-passage")],
    ),
    (
        "De klanten van de gemeente en de klanten van de bakker.",
        [("klanten", "use.public-owner"), ("klanten", "commercial.shop")],
    ),
    # the reader's customers make the reader a business, unless the public service stands
    # in the sentences around: a municipality writing to financial administrators
    (
        "Schrijf je klanten een persoonlijke mail na hun aankoop.",
        [("klanten", "commercial.reader-customers")],
    ),
    (
        "De gemeente betaalt de kosten van bewindvoering uit de bijzondere bijstand. "
        "Stuur daarvoor het identiteitsbewijs van uw klant mee.",
        [("klant", "use.person")],
    ),
    # energy and water companies by name, Flemish ones too
    (
        "Bij een betalingsachterstand neemt u contact op met de klantendienst van Fluvius.",
        [("klantendienst", "commercial.shop")],
    ),
    ("De klanten van Luminus krijgen een nieuwe factuur.", [("klanten", "commercial.shop")]),
    # a shopkeeper quoted in the news; a consulent quoted about the municipality's residents
    (
        '"Opeens komen er nog heel veel klanten," zegt de eigenaar over de laatste week.',
        [("klanten", "commercial.quoted-speech")],
    ),
    (
        '"Wij bellen al onze klanten zelf terug," zegt de consulent van de gemeente.',
        [("klanten", "use.person")],
    ),
    (
        '"Elke werkervaringsklant krijgt een vaste begeleider," vertelt Murley.',
        [("werkervaringsklant", "use.person")],
    ),
    # staff
    ("Uw klantmanager belt u.", [("klantmanager", "use.staff")]),
    ("De accountmanager van het reclamebureau belt.", [("accountmanager", "commercial.shop")]),
    # service
    ("Het product van de gemeente is gratis.", [("product", "use.service")]),
    ("Het nieuwe product is uitverkocht.", [("product", "commercial.no-public-service")]),
    # a member for care makes the compound the public service's; one for goods, a company's
    (
        "De jeugdzorg-producten met de grootste stijging staan in bijlage 2.",
        [("jeugdzorg-producten", "use.service")],
    ),
    # a member after it that belongs to making goods: the industrial sense
    (
        "De sector product- en procesinnovatie van Deltares groeit.",
        [("product- en procesinnovatie", "commercial.industry-compound")],
    ),
    (
        "Het bedrijf investeert in productontwikkeling.",
        [("productontwikkeling", "commercial.industry-compound")],
    ),
    # a public word in the sentence keeps the public sense (a municipality's services)
    (
        "De gemeente werkt aan de productontwikkeling.",
        [("productontwikkeling", "use.service")],
    ),
    (
        "De landbouwproducten gaan naar de veiling.",
        [("landbouwproducten", "commercial.goods-compound")],
    ),
    # goods listed beside the word say what kind of products these are, however public the
    # regulation around them (an applicant, a permit); a cost category says nothing
    (
        "De aanvrager zal het gewas, de teelt of de producten niet oogsten voordat de "
        "vergunning is verleend.",
        [("producten", "commercial.goods")],
    ),
    (
        "Voor de vergunning van luchtvaartuigen, aanverwante produkten en onderdelen geldt "
        "deze procedure op verzoek van de aanvrager.",
        [("produkten", "commercial.goods")],
    ),
    (
        "De gemeente toont de productkosten voortaan onder het programma Overhead.",
        [("productkosten", "use.service")],
    ),
    # a member that says what kind of product (plus-, maatwerk-), not that it is goods
    (
        "De GGD levert de gemeenten naast het basispakket ook plusproducten, zoals extra "
        "inloopspreekuren.",
        [("plusproducten", "use.service")],
    ),
    (
        "De DBC-zorgproductcode bestaat uit negen posities.",
        [("DBC-zorgproductcode", "other.tariff")],
    ),
    ("The Gross Domestic Product grows.", [("Product", "other.phrase")]),
    ("Het bruto binnenlands product groeit.", [("product", "other.phrase")]),
    ("De product owner plant de sprint.", [("product", "other.phrase")]),
    # organisation
    ("De concernstaf adviseert het college.", [("concernstaf", "use.organisation")]),
    ("We have a concern about the budget.", [("concern", "other.english")]),
    ("Het Shell-concern maakte winst.", [("Shell-concern", "commercial.company-compound")]),
    ("Het mediaconcern maakte winst.", [("mediaconcern", "commercial.company-compound")]),
    ("Het concern maakte winst.", [("concern", "commercial.business")]),
    (
        "De subsidie is voor aanvragers die deel uitmaken van een concern.",
        [("concern", "commercial.any-organisation")],
    ),
    ("Wij besturen de gemeente als een concern.", [("concern", "use.organisation")]),
    (
        "Het concern Brinkhorst. Het concern maakte winst. Het concern groeit.",
        [
            ("concern", "commercial.no-government"),
            ("concern", "commercial.business"),
            ("concern", "commercial.same-sense"),
        ],
    ),
    # the reader's customers later in the passage were the reader's before that too
    (
        "Een bedankje na een levering, een compliment als de klant begrip toont of een "
        "felicitatie als je klant jarig is.",
        [("klant", "commercial.same-sense"), ("klant", "commercial.reader-customers")],
    ),
    # what businesses deliver to a public body, or what it buys in, is theirs
    (
        "Bedrijven die aan de gemeente producten of diensten leveren, voldoen aan criteria.",
        [("producten", "commercial.supplied")],
    ),
    (
        "De gemeente koopt jaarlijks voor een miljard euro aan producten en diensten in.",
        [("koopt", "commercial.general-purchasing"), ("producten", "commercial.supplied")],
    ),
    # ... but not what the public body delivers to its residents and businesses
    (
        "Wij hebben aan onze burgers en bedrijven onze diensten en producten geleverd.",
        [("producten", "use.service")],
    ),
    (
        "Ondernemers hebben belang bij de producten die de gemeente levert.",
        [("producten", "use.service")],
    ),
    # residents and businesses together are the public body's clientele
    (
        "Wij leveren onze burgers en bedrijven onze diensten en producten.",
        [("producten", "use.service")],
    ),
    # the public service's own log-in and channels point to it
    (
        "Na inloggen met DigiD ziet u een overzicht van uw producten.",
        [("producten", "use.service")],
    ),
    (
        "Na inloggen ziet u een overzicht van uw producten.",
        [("producten", "commercial.no-public-service")],
    ),
    # civil law is no public service: the company-law member decides
    (
        "De 403-verklaring staat in het Burgerlijk Wetboek en houdt een concernvrijstelling in.",
        [("concernvrijstelling", "commercial.company-compound")],
    ),
    # an employee's group of firms, in labour law and company news
    (
        "De werkgever heeft niet gekeken naar herplaatsing binnen de rest van het concern.",
        [("concern", "commercial.employer-group")],
    ),
    # a tradesman's customer, in a tax rule on travel to work
    (
        "Een onderhoudsmonteur die naar het adres van een klant reist, gaat niet naar zijn werk.",
        [("klant", "commercial.trade")],
    ),
    # legal persons and their group, in tax and education law, also where a public body
    # writes the rule; the same body's own organisation stays a use
    (
        "De rechtspersoon wordt in zijn geheel opgenomen in een juridische entiteit (concern).",
        [("concern", "commercial.legal-entities")],
    ),
    (
        "Ook lichamen die deel uitmaken van het concern bepalen hun winst zelf.",
        [("concern", "commercial.legal-entities")],
    ),
    ("De gemeente functioneert als één concern.", [("concern", "use.organisation")]),
    # a public body asking a firm for its group statement: still the firm's group
    (
        "De Aanvrager voegt de concernverklaring volgens het model van UWV bij.",
        [("concernverklaring", "commercial.company-compound")],
    ),
    # procurement
    # a hospital or a fire brigade buys for its own work; a care office buys care
    (
        "De afgelopen tien jaar is de inkoop van Nederlandse ziekenhuizen bijna verdubbeld.",
        [("inkoop", "commercial.own-purchasing")],
    ),
    (
        "Daarnaast kijken we naar de inkooporganisatie van de brandweer.",
        [("inkooporganisatie", "commercial.own-purchasing")],
    ),
    (
        "Zorgkantoren hebben hun eigen regionale inkoopbeleid gepubliceerd.",
        [("inkoopbeleid", "use.procurement")],
    ),
    ("De gemeente koopt de jeugdhulp bij drie aanbieders in.", [("koopt", "use.procurement")]),
    ("Wij kopen laptops in.", [("kopen", "commercial.goods-purchase")]),
    (
        "De aanbieder legitimeert zich bij de handelaar bij inkoop van koper en koperlegeringen.",
        [("inkoop", "commercial.goods-purchase")],
    ),
    ("De gemeente koopt kantoorartikelen in.", [("koopt", "commercial.goods-purchase")]),
    # the purchasing department among the organisation's own support functions buys for
    # the organisation; next to care it is care that is bought
    (
        "De vier gemeenten werken samen op het gebied van HRM, financiën en inkoop.",
        [("inkoop", "commercial.support-function")],
    ),
    # the support function in the sentence before counts too
    (
        "De doelen voor inkoop volgen uit de doelen van de bedrijfsvoering van de dienst. Met "
        "het inkoopbeleid wil de dienst die doelen halen.",
        [
            ("inkoop", "commercial.support-function"),
            ("inkoopbeleid", "commercial.support-function"),
        ],
    ),
    # goods and services together: what any organisation buys for itself
    (
        "Bij het inkopen van producten en diensten letten we op het energieverbruik.",
        [
            ("inkopen", "commercial.general-purchasing"),
            ("producten", "commercial.supplied"),
        ],
    ),
    # the body's purchasing in general: tenders, deliveries and works, social return
    (
        "Het inkoopbeleid van de gemeente geldt voor leveringen, diensten en werken.",
        [("inkoopbeleid", "commercial.general-purchasing")],
    ),
    (
        "De inkoop van jeugdhulp en de aanbesteding van de Wmo-begeleiding lopen.",
        [("inkoop", "use.procurement")],
    ),
    (
        "De regio regelt de inkoop van jeugdhulp, de gemeente de financiën.",
        [("inkoop", "use.procurement")],
    ),
    ("Wij doen inkopen bij de supermarkt.", [("inkopen", "commercial.shopping")]),
    # an employee's clause that keeps the firm's clients
    (
        "Zij mag door het relatiebeding twee jaar geen werk doen voor klanten van de werkgever.",
        [("klanten", "commercial.trade")],
    ),
    ("Wij kopen hout in voor de bouw.", [("kopen", "commercial.plain-purchase")]),
    # case
    ("De casus wordt besproken in het wijkteam.", [("casus", "use.case")]),
    ("De nominatief is de eerste casus in het Latijn.", [("casus", "other.sense")]),
    ("De casus belli was duidelijk.", [("casus", "other.phrase")]),
    ("De casusstudie is klaar.", [("casusstudie", "other.phrase")]),
    ("In de oefencasus voert u een slechtnieuwsgesprek.", [("oefencasus", "other.sense")]),
    ("Hoofdstuk 3: onderzoeksopzet en casusanalyse.", [("casusanalyse", "other.sense")]),
    ("Het casusoverleg is op dinsdag.", [("casusoverleg", "use.case")]),
    # a case that stands in the document as a text to work on
    ("Bespreek de bovenstaande casus samen met je coach.", [("casus", "other.sense")]),
    # a college's assignment, a tax inspector's case
    ("De studenten van de hogeschool werken de casus uit.", [("casus", "other.sense")]),
    (
        "Een concrete casus kan aan de inspecteur worden voorgelegd voor zekerheid vooraf.",
        [("casus", "other.sense")],
    ),
    # a case before the civil court of employment disputes
    ("Casus kantonrechter Roermond", [("Casus", "other.sense")]),
    # "in casu" is Latin, not a form of casus: no occurrence at all
    ("In casu is dat anders.", []),
    ("Dat geldt in casu voor de aanvrager.", []),
]

# ------------------------------------------------------- before any context

PHRASES: list[Row] = [
    ("Het Digitaal Klantdossier is een landelijke voorziening.", [("Klantdossier", "fixed.name")]),
    ("Open Klant is de nieuwe standaard.", [("Klant", "other.name")]),
    ("Open Producten is de nieuwe catalogus.", [("Producten", "other.name")]),
    (
        "Het document Zorginkoop langdurige zorg van ZN noemt de thema's.",
        [("Zorginkoop", "other.name")],
    ),
    # the name, then a member of its own
    ("Wij draaien een eigen Open Klant-installatie.", [("Klant-installatie", "other.name")]),
    ("De klant wacht. <!-- taalwacht-disable-line -->", [("klant", "suppressed.comment")]),
]


def _params(rows: list[Row]) -> list[object]:
    return [pytest.param(text, rules, id=text[:50]) for text, rules in rows]


@pytest.mark.parametrize(("text", "rules"), _params(SURFACE))
def test_surface(text: str, rules: list[tuple[str, str]]) -> None:
    assert decided(text) == expected(rules)


@pytest.mark.parametrize(("text", "rules"), _params(FRAMES))
def test_frames(text: str, rules: list[tuple[str, str]]) -> None:
    assert decided(text) == expected(rules)


@pytest.mark.parametrize(("text", "rules"), _params(PROFILES))
def test_profiles(text: str, rules: list[tuple[str, str]]) -> None:
    assert decided(text) == expected(rules)


@pytest.mark.parametrize(("text", "rules"), _params(PHRASES))
def test_phrases_and_switches(text: str, rules: list[tuple[str, str]]) -> None:
    assert decided(text) == expected(rules)


def test_allowed_phrase() -> None:
    text = "Het project Klantreis Jeugd start in mei voor de klant."
    assert decided(text, allow=["Klantreis Jeugd"]) == expected(
        [("Klantreis", "allowed.phrase"), ("klant", "use.person")]
    )


def test_every_rule_in_the_tables_is_in_the_catalogue() -> None:
    known = set(messages.rule_ids())
    used = {rule for rows in (SURFACE, FRAMES, PROFILES, PHRASES) for _, r in rows for _, rule in r}
    assert used <= known, sorted(used - known)


# (text, word, the reason --explain shows)
WHY = [
    ("We have a concern about the budget.", "concern", "Engelse woordgroep"),
    ("Het woord *klant* is oud.", "klant", "cursief (*…*): het woord zelf wordt besproken"),
    ("Gebruik `klant` niet.", "klant", "in code-opmaak (`…`)"),
    (
        "Het woord 'klant' is oud.",
        "klant",
        "tussen aanhalingstekens: het woord zelf wordt besproken",
    ),
    ("Het woord klant is oud.", "klant", "'het woord …': het woord zelf wordt besproken"),
    ("De klanten van de supermarkt wachten.", "klanten", "'… van supermarkt': van een bedrijf"),
    ("Kijk op www.example.nl/klant voor meer.", "klant", "in een webadres of e-mailadres"),
]


@pytest.mark.parametrize(("text", "word", "why"), WHY, ids=[w for _, _, w in WHY])
def test_why_is_worded_by_the_catalogue(text: str, word: str, why: str) -> None:
    [f] = [f for f in taalwacht.check(text, explain=True) if f.text == word]
    assert f.why == why
    assert f.why == verdict(f.rule, **_params_of(f.rule, why)).why


def _params_of(rule: str, why: str) -> dict[str, str]:
    """The one parameter a rule's template may have, read back from a finished reason."""
    template = messages.catalogue()[f"rules.{rule}"]
    if "{" not in template:
        return {}
    prefix, _, rest = template.partition("{")
    name, _, suffix = rest.partition("}")
    return {name: why[len(prefix) : len(why) - len(suffix)]}


# --------------------------------------------------------- the modules directly


def _window(text: str, word: str) -> Window:
    start = text.index(word)
    return Window.around(text, CueIndex(text, lower_same_length(text)), start, start + len(word))


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word", "rule"),
    [
        ("Het woord 'klant' is oud.", "klant", "mention.quoted"),
        ("Zij vroeg: \u201choezo klant?\u201d", "klant", "mention.quoted"),
        ("De klant wacht.", "klant", None),
        ("Het label 'klant van de sociale dienst' verdwijnt.", "klant", "mention.quoted"),
        ("Zij zei: 'de klant wacht al een hele week op zijn geld'.", "klant", None),
    ],
)
def test_surface_quoted(text: str, word: str, rule: str | None) -> None:
    found = surface.quoted(text, *_span(text, word))
    assert (found.rule if found else None) == rule


@pytest.mark.parametrize(
    ("text", "word", "rule"),
    [
        ("Zie https://x.nl/klant nu.", "klant", "other.url"),
        ("Mail klant@x.nl nu.", "klant", "other.url"),
        ("Het bestand klant_lijst.csv staat klaar.", "klant", "other.filename"),
        ("Roep klant() aan.", "klant", "other.code"),
        ("Ga naar /diensten/klant/ nu.", "klant", "other.path"),
        ("De klant wacht.", "klant", None),
        ("Hij/zij is klant.", "klant", None),
        # a markup tag's text is prose: a letter template's field, a heading in a page
        ("<begin:0_voorschot_01:1:0_voorschot_05>klant krijgt", "klant", None),
        ('<h1 class="titel_groot">Klanten</h1>', "Klanten", None),
        # but a code tag's text is code, and an identifier outside a tag stays one
        ("Het veld <code>klant_id</code> is leeg.", "klant", "other.filename"),
        ("Zet <b>klant_id</b> in het formulier.", "klant", "other.filename"),
    ],
)
def test_surface_url_or_code(text: str, word: str, rule: str | None) -> None:
    found = surface.in_url_or_code(text, *_span(text, word))
    assert (found.rule if found else None) == rule


def test_surface_company_name() -> None:
    text = "Klantenbinder B.V. en de klant NV."
    found = surface.company_name(text, *_span(text, "Klantenbinder"))
    assert found is not None and found.rule == "other.company-name"
    assert surface.company_name(text, *_span(text, "klant")) is None  # no capital: no name


@pytest.mark.parametrize(
    ("text", "word", "rule"),
    [
        ("Het woord klant is oud.", "klant", "mention.frame"),
        ("Inwoners zijn geen klant.", "klant", "mention.denial"),
        ("Klant: iemand die iets koopt.", "Klant", "mention.headword"),
        # a definition list with a synonym before a slash
        ("g. de cliënt/klant: een inwoner die hulp krijgt;", "klant", "mention.headword"),
        ("De cliënt/klant krijgt een brief.", "klant", None),
        # a definition list with dashes, as regulations print them
        (
            "In dit besluit wordt verstaan onder:\n–  Dienstbetrekking: een dienstbetrekking "
            "in de zin van de ZW.\n–  Klant: een natuurlijk persoon met structureel "
            "functionele beperkingen.",
            "Klant",
            "mention.headword",
        ),
        # a glossary flattened to one line starts its items after a semicolon
        (
            "In deze regeling wordt verstaan onder: a. aanvrager: degene die een aanvraag "
            "indient; b. college: het college van burgemeester en wethouders; c. klant: een "
            "inwoner die een uitkering ontvangt;",
            "klant",
            "mention.headword",
        ),
        # deep in a long line a colon after the word starts no definition
        (
            "Burgers zoeken steeds meer zelf hun weg naar de gemeente, via de website en via "
            "social media. De toename van het aantal innovatieve technologische toepassingen "
            "zorgt voor een andere manier van communiceren met een klant: snel en direct.",
            "klant",
            None,
        ),
        ("Klanten noemen we inwoners.", "Klanten", "mention.naming-verb"),
        ("De klant wacht op een brief.", "klant", None),
        ("Er is geen klant die wacht op een brief.", "klant", None),
        # a question or condition put to the reader denies no word
        ("Heeft u nog geen klantmanager, dan helpt het Werkplein u.", "klantmanager", None),
        ("Gemeenten hebben geen klanten.", "klanten", "mention.denial"),
        # a stressed negation, "nooit", and words that only say how much is denied
        ("Heeft een gemeente nu wél of géén klanten?", "klanten", "mention.denial"),
        ("Een inwoner is nooit een klant.", "klant", "mention.denial"),
        ("Dat een burger in geen enkel opzicht een klant is, blijkt.", "klant", "mention.denial"),
        # the role denied with the copula at the end of the clause
        ("Je kan geen klant van je eigen dienst zijn.", "klant", "mention.denial"),
        # one of the roles listed after "de burger als" (the municipal benchmark's six roles)
        ("De burger als kiezer, klant, onderdaan en partner.", "klant", "mention.as-role"),
        ("Wij helpen de inwoner als klant.", "klant", "mention.as-role"),
        ("De inwoner belt, de klant wacht.", "klant", None),
        # ... but not a relative clause, a missing thing, or a negated verb
        ("Wij hebben geen klanten gesproken die ontevreden waren.", "klanten", None),
        ("Indien geen product bij de aanbieder beschikbaar is, dan ...", "product", None),
        ("Therapie wordt niet meer ingekocht, maar zelf geregeld.", "ingekocht", None),
        ("We hebben niet echt een klantenbestand, maar voeren gesprekken.", "klantenbestand", None),
    ],
)
def test_frames_metalinguistic(text: str, word: str, rule: str | None) -> None:
    found = frames.metalinguistic(_window(text, word), text)
    assert (found.rule if found else None) == rule


def test_profiles_judge() -> None:
    text = "De klanten van de supermarkt wachten."
    w = _window(text, "klanten")
    shop = profiles.judge_profile("person", w, word="klanten", left="", right="", curated=False)
    assert (shop.decision, shop.rule) == (Decision.COMMERCIAL, "commercial.shop")
    always = profiles.judge_profile("always", w, word="klanten", left="", right="", curated=False)
    assert (always.decision, always.rule) == (Decision.USE, "use.always")


def test_profiles_english() -> None:
    text = "We have a concern about the budget."
    assert profiles.english(_window(text, "concern"))
    assert not profiles.english(_window("Het concern maakte winst.", "concern"))


def test_verdict_takes_its_decision_from_the_rule_id() -> None:
    found = verdict("mention.quoted")
    assert found == Verdict(
        Decision.MENTION, "mention.quoted", messages.text("rules.mention.quoted"), False
    )
    weak = verdict("commercial.no-government", weak=True)
    assert weak.decision is Decision.COMMERCIAL and weak.weak
    shop = verdict("commercial.shop", cue="bakker")
    assert shop.why == "'… van bakker': van een bedrijf"


def test_cue_counts_agree_with_the_cues_found_across_blocks() -> None:
    """``counts`` answers four spans in one pass over sorted positions; ``find`` walks
    block by block. Both must see the same cues, the word itself left out, in every span."""
    filler = "Dit is een gewone zin zonder bijzondere woorden. "
    cue_sentences = [
        "De gemeente helpt inwoners met de Wmo. ",
        "De supermarkt verkoopt koffie en thee. ",
        "De docent geeft een toets. ",
    ]
    parts = []
    for i in range(120):  # about 6,000 characters: the passage spans several blocks
        parts.append(cue_sentences[i % 3] if i % 4 == 0 else filler)
    parts[len(parts) // 2] = "Zo krijgt de klant van de gemeente hulp bij de Wmo. "
    text = "".join(parts)
    w = _window(text, "klant")
    spans = (w.clause, w.sent, w.near, w.passage)
    skip = (w.start, w.end)
    names = ("public", "commerce", "care", "goods", "other_sense")
    found = [{n: k for n in names if (k := len(w.index.find(n, *span, skip)))} for span in spans]
    assert w.index.counts(spans, skip) == found
    assert found[3]["public"] > found[1]["public"] > 0  # the passage holds more than the sentence


@pytest.mark.parametrize(
    "skip",
    [(0, 0), (3, 12), (3, 40), (0, 2000)],  # nothing, the first cue, the first few, all
)
def test_the_first_cue_is_the_first_that_find_and_starts_give(skip: tuple[int, int]) -> None:
    """``first`` answers whose a word is with one lookup; it must be the first cue ``find``
    and ``starts`` give, with the word itself (``skip``) left out."""
    text = "De gemeente en de UWV-balie, de supermarkt en de gemeente weer. " * 3
    index = CueIndex(text, text.lower())
    for name in ("public", "commerce", "care"):
        found = index.find(name, 0, len(text), skip)
        starts = index.starts(name, 0, len(text), skip)
        expected = (starts[0], found[0]) if found else None
        assert index.first(name, 0, len(text), skip) == expected


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("De burger en de burgerlijke stand.", ["burger", "burgerlijke stand"]),
        # an exception in the list ("!burgerlijk wetboek") cancels the cue it starts with
        ("Zie het Burgerlijk Wetboek en het burgerlijk recht.", []),
        ("De burgers en het Burgerlijk Wetboek.", ["burger"]),
    ],
)
def test_public_cues_leave_out_their_exceptions(text: str, cues: list[str]) -> None:
    index = CueIndex(text, lower_same_length(text))
    assert index.find("public", 0, len(text), (0, 0)) == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Een bank met veel klanten.", ["bank"]),
        # a denied cue points away from what it names
        ("Een stichting zonder winstoogmerk helpt klanten.", []),
        ("De gemeente is geen bedrijf, maar zij heeft klanten.", []),
        ("Het bedrijf heeft geen klanten.", ["bedrijf"]),
        # the businesses a public body serves with its residents are no market
        ("Wij helpen burgers en bedrijven.", []),
        ("Wij helpen bedrijven.", ["bedrijven"]),
    ],
)
def test_commerce_cues_leave_out_denied_words(text: str, cues: list[str]) -> None:
    index = CueIndex(text, lower_same_length(text))
    assert index.find("commerce", 0, len(text), (0, 0)) == cues


@pytest.mark.parametrize(
    ("text", "name", "cues"),
    [
        # the municipality's case handling in every form (a manual's "zaakbehandeling")
        ("Tijdens de zaakbehandeling mailt de ZAC.", "public", ["zaakbehandel"]),
        ("Per zaaktype een zaakafhandelcomponent.", "public", ["zaaktype", "zaakafhandel"]),
        # trades by name; a policy broker is no estate agent, an Alzheimer café no trade
        ("Het hotel en de boekhandel.", "commerce", ["hotel", "boekhandel"]),
        ("De beleidsmakelaar in het Alzheimer Café.", "commerce", []),
        ("De makelaar en de wijkagent.", "commerce", ["makelaar"]),
        # the public's own words: road users, the statutory debt arrangement
        ("Weggebruikers in de schuldsanering.", "public", ["weggebruiker", "schuldsanering"]),
    ],
)
def test_cue_lists_name_their_words(text: str, name: str, cues: list[str]) -> None:
    index = CueIndex(text, lower_same_length(text))
    assert index.find(name, 0, len(text), (0, 0)) == cues


@pytest.mark.parametrize("before", [0, 1017, 1020, 2040])
def test_an_exception_across_a_block_border_still_cancels_its_cue(before: int) -> None:
    """ "draagt zorg" is no care cue wherever the document's blocks happen to part: the
    same words give the same cues at the start of a text and across a block border."""
    text = "x" * before + " Wij draagt zorg voor goede opvang. Wij bieden zorg aan iedereen."
    index = CueIndex(text, lower_same_length(text))
    care = [at - before for at in index.starts("care", 0, len(text), (0, 0))]
    assert care == [text.index("bieden zorg") + len("bieden ") - before]
