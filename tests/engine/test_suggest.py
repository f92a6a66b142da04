"""Suggestions in the form the word has in the text (``taalwacht.engine.suggest``): number,
diminutive, compound members, capitals, ALL CAPS, a hyphenated first member, the compounds a
pack names, and the organisation's ``prefer`` first.

Every row goes through ``taalwacht.check``: the suggestions a writer sees.
"""

from __future__ import annotations

import pytest

import taalwacht
from taalwacht.dutch.compounds import coined_word, join
from taalwacht.model.finding import Finding
from taalwacht.rewrite import plan


@pytest.fixture(autouse=True)
def sure(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows here are single sentences, most of which say nothing of whose the word is,
    so `fix` would leave them for a person (``FIX_SURE``; tests/rewrite/test_rewrite.py).
    What they test is the form a replacement takes where it is written: here `fix` writes
    every reported word it can write safely."""
    monkeypatch.setattr(plan, "FIX_SURE", 0.0)


def one(text: str, **options: object) -> Finding:
    [found] = taalwacht.check(text, **options)  # type: ignore[arg-type]
    return found


# ----------------------------------------------------------------- suggestions

# (text, the finding's text, its first suggestion)
SUGGESTIONS = [
    ("De klanten wachten.", "klanten", "inwoners"),
    ("Klanten wachten.", "Klanten", "Inwoners"),
    ("DE KLANTEN WACHTEN.", "KLANTEN", "INWONERS"),
    ("De klant wacht.", "klant", "inwoner"),
    ("De ingekochte zorg is goed.", "ingekochte", "gecontracteerde"),
    ("De gemeente koopt de zorg bij drie aanbieders in.", "koopt", "contracteert"),
    ("De bijstandsklanten krijgen een brief.", "bijstandsklanten", "bijstandsgerechtigden"),
    (
        "Wij werken aan klantgerichtheid in het sociaal domein.",
        "klantgerichtheid",
        "inwonergerichtheid",
    ),
    (
        "Het klanttevredenheidsonderzoek van de gemeente.",
        "klanttevredenheidsonderzoek",
        "tevredenheidsonderzoek",
    ),
    ("De Wmo-klanten krijgen een brief.", "Wmo-klanten", "Wmo-cliënten"),
    ("Bel het klantcontactcentrum van de gemeente.", "klantcontactcentrum", "contactcentrum"),
    ("Bel het klantencontactcentrum van de gemeente.", "klantencontactcentrum", "contactcentrum"),
    ("De klantenkring van de gemeente is groot.", "klantenkring", "kring van inwoners"),
    ("Uw klantmanager belt u.", "klantmanager", "consulent"),
    ("Uw klantmanagers bellen u.", "klantmanagers", "consulenten"),
    ("De concernstaf adviseert het college.", "concernstaf", "staf"),
    ("Alle klantcontacten worden vastgelegd.", "klantcontacten", "contacten met inwoners"),
    ("Bij de WIA-keuring ziet de verzekeringsarts de klant.", "klant", "cliënt"),
    # a plural ending in brackets is the word's, and the replacement takes its own
    ("Geef de klant(en) de folder van de gemeente.", "klant(en)", "inwoner(s)"),
    ("Uw klantmanager(s) bellen u.", "klantmanager(s)", "consulent(en)"),
]


def test_a_plural_only_named_replacement_is_plural() -> None:
    """'contacten met inwoners' for klantcontacten is a plural: the fixer makes the words
    around it agree with a plural, and writes it where the first choice stands."""
    [f] = taalwacht.check("De klantcontacten worden vastgelegd in het zaaksysteem.")
    assert f.choices[0].plural
    fixed = taalwacht.fix("De klantcontacten worden vastgelegd in het zaaksysteem.")
    assert fixed.text == "De contacten met inwoners worden vastgelegd in het zaaksysteem."


@pytest.mark.parametrize(("text", "word", "first"), SUGGESTIONS, ids=[w for _, w, _ in SUGGESTIONS])
def test_first_suggestion_takes_the_form_of_the_word(text: str, word: str, first: str) -> None:
    [f] = taalwacht.check(text)
    assert f.text == word
    assert f.suggestions[0] == first
    assert f.choices[0].text == first
    assert word.lower() not in [s.lower() for s in f.suggestions]


# A reported finding always offers a replacement in the right form.
EVERY_FINDING_HAS_A_SUGGESTION = [
    "De klant wacht.",
    "De klantjes wachten.",
    "Des klants wens.",
    "Het klantdossier wordt bewaard.",
    "Bel het KCC.",
    "De balie moet klantvriendelijker worden.",
    "De inkoop van jeugdhulp loopt.",
    "De ingekochte begeleiding is goed.",
    "De casussen komen in het wijkteam.",
    "Het casusoverleg van het wijkteam is dinsdag.",
    "De producten van de gemeente staan op de website.",
    "De gemeente regelt de Wmo-inkoop.",
    "Het klantgerichtheidsbeleid van de gemeente.",
    "De Accountmanager Bedrijven van de gemeente belt.",
]


@pytest.mark.parametrize("text", EVERY_FINDING_HAS_A_SUGGESTION)
def test_every_reported_finding_has_a_suggestion(text: str) -> None:
    found = taalwacht.check(text)
    assert found
    for f in found:
        assert f.suggestions, f.text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("De klant wacht.", "burger"),
        ("De klanten wachten.", "burgers"),
        ("Klanten wachten.", "Burgers"),
    ],
)
def test_prefer_puts_the_organisations_choice_first(text: str, first: str) -> None:
    [default] = taalwacht.check(text)
    [f] = taalwacht.check(text, prefer={"klant": "burger"})
    assert f.suggestions[0] == first
    assert sorted(f.suggestions) == sorted(default.suggestions)


# ------------------------------------------------------------- the setting


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # re-integration and work: the pack's cues for "uitkeringsgerechtigde"
        (
            "De klanten volgen een re-integratietraject en solliciteren met hulp.",
            "uitkeringsgerechtigden",
        ),
        # the text's own word for the people wins: werkzoekende, cliënt
        ("Wie werkzoekend is, meldt zich. De klant krijgt een gesprek.", "werkzoekende"),
        ("De cliëntenraad sprak met klanten over de dagbesteding.", "cliënten"),
        # ... lener, huurder, inburgeraar: a library's, a landlord's, an integration text's
        ("Leners van de bibliotheek krijgen post. De klant betaalt geen boete.", "lener"),
        ("De huurders van de gemeente krijgen post: klanten kunnen bellen.", "huurders"),
        ("Inburgeraars krijgen een taalcursus. De klant kiest zelf een school.", "inburgeraar"),
        # one cue each (UWV for cliënt, baan for uitkeringsgerechtigde): the pack's order
        ("Het UWV en de gemeente helpen de klant naar een baan.", "cliënt"),
        # the national government writes about burgers, a municipality about inwoners
        ("De rijksoverheid en de ministeries willen klantgericht werken.", "burgergericht"),
        ("De overheid moet klantgerichter worden.", "burgergerichter"),
        ("De gemeente wil klantgericht werken.", "inwonergericht"),
        # an accountmanager is a contact person for the people the text names
        (
            "De accountmanagers van de gemeente bezoeken ondernemers op het bedrijventerrein.",
            "contactpersonen voor ondernemers",
        ),
        (
            "Werkgevers kunnen bellen met de accountmanager van het werkgeversservicepunt.",
            "contactpersoon voor werkgevers",
        ),
        ("Neem contact op met de accountmanager.", "contactpersoon"),
        # who asks legal aid for help is a rechtzoekende
        ("Het Juridisch Loket helpt klanten met vragen over huur.", "rechtzoekenden"),
        # the Flemish employment service's klanten look for work
        ("De VDAB nodigt de klant uit voor een gesprek.", "werkzoekende"),
        # who buys care with a personal budget arranges it; the municipality contracts it
        ("Met haar pgb kan zij de zorg zelf inkopen bij een zorgverlener.", "regelen"),
        ("De gemeente gaat de zorg opnieuw inkopen bij drie aanbieders.", "contracteren"),
        # a budget's products are its parts
        ("In de begroting staan de kosten per product van de gemeente.", "onderdeel"),
        # ... and so are those its bookkeeping prices, under their own name too
        ("Toerekening overhead aan product", "onderdeel"),
        # ... and its adjustments and interest costs, as they decide the sense
        ("Bijstellingen Product Zorg Jeugd", "Onderdeel"),
        ("De raad stelt per beleidsproduct het budget vast.", "beleidsonderdeel"),
        # a province is no gemeente: its concern is its organisation
        ("De provincie werkt aan de concernplanning.", "organisatieplanning"),
        # ... and a municipality's concern words are gemeentebreed (labellers: 24 of 74 such
        # compounds in 17 sources; a compound with gemeente- never)
        ("De gemeente werkt aan de concernplanning.", "gemeentebrede planning"),
        # an adjective before the writer's head takes no hyphen
        ("De concern-ICT van de gemeente wordt vernieuwd.", "gemeentebrede ICT"),
        # the government's products are its services
        ("Zoek vindbare overheidsproducten op de website van de gemeente.", "overheidsdiensten"),
        # an adjective member takes no adjective before it: not "gemeentebrede brede"
        ("De kosten komen uit de concernbrede reserve van de gemeente.", "gemeentebrede"),
        # the English spelling of the municipal contact centre is the same desk
        ("Bel het klantcontactcenter van de gemeente voor een afspraak.", "contactcentrum"),
        # the word's own first member tells the setting too
        ("De burgerzakenproducten van de gemeente staan online.", "burgerzakendiensten"),
        # the Flemish spelling keeps its own word, and an insurer's purchasing policy its own
        ("Bel de klantendienst van de stad voor uw bewonerskaart.", "publieksdienst"),
        ("Het zorginkoopbeleid van het zorgkantoor staat online.", "contracteerbeleid"),
        # the products of the Uniforme Productnamenlijst are services (frozen test 67)
        ("Volgens de UPL is een parkeervergunning een product van de gemeente.", "dienst"),
        ("Voedselbankklanten halen hun pakket op.", "Voedselbankcliënten"),
        # a cue word must stand as a word, or start one when the cue ends in "*"
        ("De klanten wachten bij de balie van de gemeente.", "inwoners"),
        ("De klant vond het een baanbrekend plan van de gemeente.", "inwoner"),  # not "baan"
        ("De klanten wachten.", "inwoners"),
    ],
)
def test_words_near_the_word_choose_the_first_suggestion(text: str, first: str) -> None:
    assert one(text).suggestions[0] == first


def test_a_spelling_named_for_its_word_is_still_a_shops_word_in_a_shop() -> None:
    # naming klantendienst's replacement does not make it the organisation's own compound
    assert not taalwacht.check("Uw abonnement opzeggen? Neem contact op met onze klantendienst.")


def test_cues_are_read_near_the_word_and_prefer_still_wins() -> None:
    far = "Wij helpen met solliciteren. " + "Dit is een lange zin over iets anders. " * 30
    assert one(far + "De klanten wachten.").suggestions[0] == "inwoners"
    near = "De klanten volgen een re-integratietraject."
    assert one(near, prefer={"klant": "burger"}).suggestions[0] == "burgers"
    fixed = taalwacht.fix("De klanten volgen een re-integratietraject en solliciteren.")
    assert fixed.text.startswith("De uitkeringsgerechtigden volgen")


def test_a_first_member_before_its_hyphen_keeps_its_own_members_and_names_nothing_twice() -> None:
    # "Zorginkoop- en contractering" (the care offices' regulations in the shared corpus)
    # became "contracterings- en contractering": the member before "inkoop" was lost, and
    # the replacement named its partner again. Such a word is reported and left as it is
    text = "Prestatieveld 2: Zorginkoop- en contractering door de zorgkantoren."
    found = one(text)
    assert (found.text, found.reported, found.suggestions) == ("Zorginkoop-", True, ())
    assert taalwacht.fix(text).text == text
    proces = "De zorginkoop- en contracteringsprocessen voor de Wmo liggen vast."
    assert taalwacht.fix(proces).text == proces
    # without the partner repeated, the writer's own first member stays
    regio = "Het jeugdzorginkoop- en verantwoordingsproces van de regio."
    assert one(regio).suggestions[0] == "jeugdzorgcontracterings-"
    assert taalwacht.fix(regio).text == (
        "Het jeugdzorgcontracterings- en verantwoordingsproces van de regio."
    )
    # nor "dienst- en dienstenportfolio"
    portfolio = one("De product- en dienstenportfolio van de gemeente groeit.")
    assert not any(s.startswith("dienst") for s in portfolio.suggestions)


# ------------------------------------------------------------- form by form

# (text, the finding's text, the first suggestions in order, first choice plural?)
FORMS = [
    # number: singular and plural, the choice knows it
    ("De klant wacht.", "klant", ["inwoner", "u", "aanvrager"], False),
    ("De klanten wachten.", "klanten", ["inwoners", "u", "aanvragers"], True),
    (
        "De producten van de gemeente staan online.",
        "producten",
        ["voorzieningen", "diensten"],
        True,
    ),
    ("De casussen komen in het wijkteam.", "casussen", ["situaties", "hulpvragen"], True),
    # a diminutive takes the alternative's base form, in its number
    ("Het klantje wacht.", "klantje", ["inwoner", "u"], False),
    ("De klantjes wachten.", "klantjes", ["inwoners", "u"], True),
    # a compound keeps its other members; the member takes the alternative's modifier
    (
        "Het klantdossier wordt bewaard.",
        "klantdossier",
        ["dossier", "dossier van de inwoner"],
        False,
    ),
    (
        "De klantdossiers liggen klaar.",
        "klantdossiers",
        ["dossiers", "dossiers van inwoners"],
        True,
    ),
    (
        "De productcatalogus van de gemeente.",
        "productcatalogus",
        ["dienstencatalogus"],
        False,
    ),
    # the first member takes the writer's number: product+teksten, producten+lijst
    ("De productteksten van de gemeente zijn klaar.", "productteksten", ["dienstteksten"], False),
    ("De productenlijst van de gemeente is klaar.", "productenlijst", ["dienstenlijst"], False),
    # no "diensten- en dienstencatalogus": the other member already says it
    (
        "De producten- en dienstencatalogus van de gemeente is klaar.",
        "producten- en dienstencatalogus",
        ["dienstencatalogus", "regelingen- en dienstencatalogus"],
        False,
    ),
    # the same coordination written as one word: its "en" is no linking morpheme
    # (frozen test 67: "producten-en-dienstencatalogus" became "dienst-en-dienstencatalogus")
    (
        "De producten-en-dienstencatalogus van de gemeente is klaar.",
        "producten-en-dienstencatalogus",
        ["dienstencatalogus", "regelingen-en-dienstencatalogus"],
        False,
    ),
    (
        "De product-en-dienstencatalogus van de gemeente is klaar.",
        "product-en-dienstencatalogus",
        ["dienstencatalogus", "regelingen-en-dienstencatalogus"],
        False,
    ),
    (
        "De klant-en-contactgegevens worden bewaard.",
        "klant-en-contactgegevens",
        ["inwoner-en-contactgegevens", "aanvrager-en-contactgegevens"],
        False,
    ),
    (
        "Het klantgerichte beleid.",
        "klantgerichte",
        ["inwonergerichte", "op inwoners gerichte"],
        False,
    ),
    (
        "De klantvriendelijke balie.",
        "klantvriendelijke",
        ["vriendelijke"],
        False,
    ),
    # capitals follow the word: a capital first letter, or all capitals
    ("Klanten wachten.", "Klanten", ["Inwoners", "U", "Aanvragers"], True),
    (
        "Klantgericht werken is de norm.",
        "Klantgericht",
        ["Inwonergericht", "Gericht op inwoners"],
        False,
    ),
    ("DE KLANTEN WACHTEN.", "KLANTEN", ["INWONERS", "U", "AANVRAGERS"], True),
    (
        "Het KLANTDOSSIER wordt bewaard.",
        "KLANTDOSSIER",
        ["DOSSIER", "DOSSIER VAN DE INWONER"],
        False,
    ),
    # a hyphenated first member stays as written
    ("De Wmo-klant belt.", "Wmo-klant", ["Wmo-cliënt", "Wmo-inwoner"], False),
    ("De Wmo-klanten krijgen een brief.", "Wmo-klanten", ["Wmo-cliënten", "Wmo-inwoners"], True),
    ("De WMO-KLANTEN bellen.", "WMO-KLANTEN", ["WMO-CLIËNTEN", "WMO-INWONERS"], True),
    ("Het Wmo-klantcontact.", "Wmo-klantcontact", ["Wmo-publiekscontact", "Wmo-contact"], False),
    # a phrase takes the preposition of its head: onderzoek onder, interactie met
    (
        "Het klantbelevingsonderzoek loopt.",
        "klantbelevingsonderzoek",
        ["belevingsonderzoek onder inwoners"],
        False,
    ),
    ("De klantinteractie verbetert.", "klantinteractie", ["interactie met inwoners"], False),
    # klantcontact names no people, so no "... van inwoners"; the pack names its staff
    (
        "De klantcontactmedewerker belt.",
        "klantcontactmedewerker",
        ["medewerker publiekscontact", "medewerker van het contactcentrum", "publieksmedewerker"],
        False,
    ),
    # compounds the pack names get the pack's own replacement first, before any phrase
    (
        "Met de klantreis brengen we dit in beeld.",
        "klantreis",
        ["reis van de inwoner", "inwonersreis", "reis van inwoners"],
        False,
    ),
    (
        "De bijstandsklant krijgt een brief.",
        "bijstandsklant",
        ["bijstandsgerechtigde"],
        False,
    ),
    (
        "De gemeente helpt uitkeringsklanten aan werk.",
        "uitkeringsklanten",
        ["uitkeringsgerechtigden"],
        True,
    ),
    # a body or scheme as the word's own first member: its clients, not its inhabitants
    ("De OCMW-klanten krijgen een brief.", "OCMW-klanten", ["OCMW-cliënten"], True),
    # the same body near the word, not in it, says nothing of the setting ("=ocmw*")
    ("De klanten van het OCMW krijgen een brief.", "klanten", ["inwoners"], True),
    (
        "De bijstandsklanten krijgen een brief.",
        "bijstandsklanten",
        ["bijstandsgerechtigden", "bijstandscliënten"],
        True,
    ),
    # verbs and their participles
    ("De gemeente heeft de zorg ingekocht.", "ingekocht", ["gecontracteerd", "geregeld"], False),
]


@pytest.mark.parametrize(
    ("text", "word", "first", "plural"),
    FORMS,
    ids=[f"{w}-{i}" for i, (_, w, _, _) in enumerate(FORMS)],
)
def test_suggestions_take_the_form_of_the_word(
    text: str, word: str, first: list[str], plural: bool
) -> None:
    f = one(text)
    assert f.text == word
    assert list(f.suggestions[: len(first)]) == first
    assert [c.text for c in f.choices] == list(f.suggestions)
    assert f.choices[0].plural is plural


def test_a_suggestion_that_heads_the_phrase_carries_its_gender() -> None:
    assert one("De klant wacht.").choices[0].gender == "de"
    assert one("Het klantdossier wordt bewaard.").choices[0].gender == "het"
    assert one("Bel het KCC.").choices[0].gender == "het"


def test_a_named_compound_keeps_its_alternative() -> None:
    f = one("De bijstandsklanten krijgen een brief.")
    assert f.choices[0].alternative == "bijstandsgerechtigde"
    assert f.choices[1].alternative == "cliënt"


# ------------------------------------------------------------------- prefer

# (text, prefer, suggestions in order)
PREFER = [
    ("De klant wacht.", "aanvrager", ["aanvrager", "inwoner", "u", "deelnemer"]),
    ("Klanten wachten.", "cliënt", ["Cliënten", "Inwoners", "U", "Aanvragers"]),
    ("KLANTEN WACHTEN.", "burger", ["BURGERS", "INWONERS", "U", "AANVRAGERS"]),
    (
        "Het klantdossier.",
        "burger",
        ["dossier van de burger", "dossier van burgers", "dossier"],
    ),
    ("De bijstandsklanten wachten.", "burger", ["bijstandsburgers", "bijstandsgerechtigden"]),
]


@pytest.mark.parametrize(("text", "prefer", "expected"), PREFER)
def test_prefer_moves_the_chosen_alternative_to_the_front_in_form(
    text: str, prefer: str, expected: list[str]
) -> None:
    default = one(text)
    f = one(text, prefer={"klant": prefer})
    assert list(f.suggestions[: len(expected)]) == expected
    assert f.choices[0].alternative == prefer
    # the preferred word leads even where the lexicon lacks it (bijstandsburgers); the
    # rest are the default's words in another order
    assert set(f.suggestions[1:]) <= set(default.suggestions)


def test_prefer_for_another_term_changes_nothing() -> None:
    assert one("De klant wacht.", prefer={"product": "dienst"}) == one("De klant wacht.")


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("De klantervaringen zijn goed.", "De ervaringen van inwoners zijn goed."),
        ("Het klantbeeld is scherp.", "Het beeld van de inwoner is scherp."),
        ("De klantgegevens zijn bewaard.", "De gegevens van inwoners zijn bewaard."),
        ("Klantervaringen delen we.", "Ervaringen van inwoners delen we."),
        ("Het klantonderzoek loopt.", "Het onderzoek onder inwoners loopt."),
        ("De klantsituatie is zwaar.", "De situatie van de inwoner is zwaar."),
    ],
)
def test_a_phrase_instead_of_a_swapped_compound(text: str, fixed: str) -> None:
    """inwonerervaringen is no Dutch word, and where a swap makes one (cliëntsituatie) it
    names other people: the head leads a phrase and agreement stays."""
    (finding,) = taalwacht.check(text)
    assert finding.suggestions[0].split()[1] in ("van", "onder")
    assert taalwacht.fix(text).text == fixed


def test_a_phrase_in_capitals_is_in_capitals() -> None:
    assert one("HET KLANTONDERZOEK").suggestions[0] == "ONDERZOEK ONDER INWONERS"


def test_no_phrase_when_the_watched_word_heads_the_compound() -> None:
    (finding,) = taalwacht.check("De bijstandsklanten krijgen een brief.")
    assert all(" van " not in s for s in finding.suggestions)


def test_an_acronyms_replacement_takes_a_capital_only_where_a_sentence_starts() -> None:
    # KCC is in capitals wherever it stands; MEDEWERKERS VAN HET CONTACTCENTRUM would shout
    assert one("De KCC-medewerkers helpen inwoners van de gemeente.").suggestions[:2] == (
        "medewerkers van het contactcentrum",
        "contactcentrummedewerkers",
    )
    assert one("KCC-medewerkers helpen inwoners van de gemeente.").suggestions[:2] == (
        "Medewerkers van het contactcentrum",
        "Contactcentrummedewerkers",
    )
    fixed = taalwacht.fix("Het KCC is open. KCC helpt inwoners van de gemeente.")
    assert (
        fixed.text == "Het contactcentrum is open. Contactcentrum helpt inwoners van de gemeente."
    )


def test_a_replacement_joins_the_next_member_as_dutch_spelling_does() -> None:
    # situatieeigenaar would be read with a long ee: Dutch writes a hyphen there
    assert one("De casuseigenaar belt u terug.").suggestions[0] == "situatie-eigenaar"
    assert join("inwoner", "onderzoek") == "inwoneronderzoek"  # e|o do not merge


@pytest.mark.parametrize(
    ("text", "coined"),
    [
        ("Wij bewaren uw klantgegevens.", "werkzoekendegegevens"),
        ("De productcodes van de gemeente.", "regelingencodes"),
        ("We volgen de klantreis van de inwoner.", "uitkeringsgerechtigdereis"),
    ],
)
def test_no_coined_compound_after_the_first_suggestion(text: str, coined: str) -> None:
    """A swap of one member makes a compound for every alternative; the list offers the
    words Dutch has (and phrases), not coinages such as werkzoekendegegevens."""
    suggestions = one(text).suggestions
    assert coined not in {s.lower() for s in suggestions}
    assert all(not coined_word(text, s, free=False) for s in suggestions[1:])


def test_a_collision_hyphen_does_not_make_a_made_up_compound_two_words() -> None:
    # situatie-eigenaar is no lexicon word, so fix leaves it for a person, as it did
    # situatieeigenaar; the writer's own hyphen (Wmo-klanten -> Wmo-cliënten) still splits
    text = "De casuseigenaar belt u terug."
    assert taalwacht.fix(text).text == text
    assert taalwacht.fix("De Wmo-klanten krijgen een brief.").text == (
        "De Wmo-cliënten krijgen een brief."
    )


def test_an_acronym_as_first_member_becomes_what_it_stands_for() -> None:
    # KCC-medewerkers work at the contact centre (labellers: "medewerkers van het
    # contactcentrum" in 14 of 14 sources); a thing keeps the compound, without the hyphen
    # the acronym needed
    assert taalwacht.fix("De KCC-medewerkers helpen u.").text == (
        "De medewerkers van het contactcentrum helpen u."
    )
    assert one("De KCC-supervisor belt.").suggestions[0] == "supervisor van het contactcentrum"
    assert one("Het KCC-team is open.").suggestions[0] == "contactcentrumteam"
    assert one("De KCC-Noord is dicht.").suggestions[0] == "contactcentrum-Noord"


# The reader is the resident: "uw" already says whose, so the writer's own head leads and
# phrases that name the residents again go last; a pack's one-word replacement stays first.
FOR_THE_READER = [
    ("Uw klantgegevens worden bewaard.", "Uw gegevens worden bewaard."),
    ("Wij vragen naar uw klantbeleving.", "Wij vragen naar uw beleving."),
    ("De gemeente wil je klantervaringen horen.", "De gemeente wil je ervaringen horen."),
    (
        "Uw klantcontacten met de gemeente worden vastgelegd.",
        "Uw contacten met de gemeente worden vastgelegd.",
    ),
    ("Uw klantnummer staat boven deze brief.", "Uw dossiernummer staat boven deze brief."),
    ("De klantgegevens worden bewaard.", "De gegevens van inwoners worden bewaard."),
    # a phrase whose preposition follows anyway goes last; "van" may follow "van"
    (
        "Alle klantcontacten met de gemeente worden vastgelegd.",
        "Alle contacten met de gemeente worden vastgelegd.",
    ),
    (
        "De klantgegevens van de gemeente zijn veilig.",
        "De gegevens van inwoners van de gemeente zijn veilig.",
    ),
    # people after "van" are whose the thing is, as "uw" says (a place is not: above)
    (
        "We meten de klanttevredenheid van de gebruikers van de sporthal.",
        "We meten de tevredenheid van de gebruikers van de sporthal.",
    ),
    (
        "Volg de klantreis van een jong gezin met schulden.",
        "Volg de reis van een jong gezin met schulden.",
    ),
    (
        "Een toelichting die de klantinteractie van de cliënt beschrijft.",
        "Een toelichting die de interactie van de cliënt beschrijft.",
    ),
    ("Bekijk uw klantreis in het portaal.", "Bekijk uw reis in het portaal."),
    (
        "De klanttevredenheid van de provincie stijgt.",
        "De tevredenheid van inwoners van de provincie stijgt.",
    ),
]


@pytest.mark.parametrize(("text", "fixed"), FOR_THE_READER)
def test_the_replacement_fits_the_words_around_it(text: str, fixed: str) -> None:
    assert taalwacht.fix(text).text == fixed
    [f] = taalwacht.check(text)
    assert fixed.startswith(text[: f.start] + f.suggestions[0])


def test_a_dash_before_a_preposition_leaves_out_no_member() -> None:
    # "De Klant- of namens hem de jobcoach": a dash, not "klant- of namensklant"; a noun
    # after the conjunction still completes the compound it shortens
    dash = taalwacht.check("De Klant- of namens hem de jobcoach meldt het einde aan UWV.")
    assert [f.text for f in dash] == ["Klant"]
    elided = taalwacht.check("Wij bewaren klant- en inwonergegevens van de gemeente.")
    assert [f.text for f in elided] == ["klant-"]  # the member alone, its replacement too
    assert elided[0].suggestions[0] == "aanvrager-"  # not inwoner- en inwonergegevens


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("De klantadviseur belt u terug.", "De adviseur belt u terug."),
        ("Onze klantregisseurs helpen u verder.", "Onze regisseurs helpen u verder."),
        ("De concerncontroller adviseert het college.", "De controller adviseert het college."),
        ("De concernstaf bereidt de begroting voor.", "De staf bereidt de begroting voor."),
        ("KLANTADVISEURS", "ADVISEURS"),
        # a desk where the public is received, named by whose it is
        ("Het nieuwe klantenloket is open.", "Het nieuwe loket is open."),
        ("Meld u bij de klantenbalies in het stadhuis.", "Meld u bij de balies in het stadhuis."),
    ],
)
def test_a_staff_role_named_after_residents_or_the_organisation_keeps_the_role(
    text: str, fixed: str
) -> None:
    """A klantadviseur is an adviseur: the role alone leads, not "adviseur van de inwoner"
    or a made-up gemeentecontroller."""
    assert taalwacht.fix(text).text == fixed


def test_a_role_that_says_what_it_is_about_keeps_its_first_member() -> None:
    # an inkoopadviseur advises on purchasing; the head alone would drop what (of care: an
    # adviser on the body's general purchasing is commerce)
    (finding,) = taalwacht.check(
        "De inkoopadviseur van de gemeente stelt het contract voor de jeugdhulp op."
    )
    assert finding.suggestions[0] != "adviseur"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "De klantgedrevenheid van de organisatie groeit.",
            "De inwonergerichtheid van de organisatie groeit.",
        ),
        (
            "Wij werken aan klantgedreven dienstverlening.",
            "Wij werken aan inwonergerichte dienstverlening.",
        ),
        ("Een klantgedreven organisatie luistert.", "Een inwonergerichte organisatie luistert."),
        ("Het klantgedreven werken staat centraal.", "Het inwonergerichte werken staat centraal."),
        ("Een klantgedreven beleid is nodig.", "Een inwonergericht beleid is nodig."),
        ("Wij werken klantgedreven.", "Wij werken inwonergericht."),
        ("Wij willen klantgedreven werken.", "Wij willen inwonergericht werken."),
    ],
)
def test_a_word_written_another_way_takes_the_form_its_place_asks_for(
    text: str, fixed: str
) -> None:
    """klantgedreven shows no -e, so its place says which form the replacement takes; its
    noun klantgedrevenheid becomes a noun, not the adjective."""
    assert taalwacht.fix(text).text == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "De gemeente kiest een klantgestuurde aanpak.",
            "De gemeente kiest een door inwoners gestuurde aanpak.",
        ),
        (
            "De klantgerelateerde vragen van de sociale dienst.",
            "De aan inwoners gerelateerde vragen van de sociale dienst.",
        ),
    ],
)
def test_a_participle_head_takes_the_people_before_it(text: str, fixed: str) -> None:
    """A participle says how the head relates to the people: "gestuurde van de inwoner" is
    no Dutch, "door inwoners gestuurde" is, and the noun after it keeps its article."""
    assert taalwacht.fix(text).text == fixed


def test_an_adjective_head_without_a_phrase_is_left_for_a_person() -> None:
    """klantbewuste has no phrase that keeps its sense: fix leaves it, and rewrites no word
    into "bewuste van de inwoner"."""
    text = "Een klantbewuste houding van de consulent van de gemeente."
    (finding,) = taalwacht.check(text)
    assert not any(" van " in s for s in finding.suggestions)
    assert taalwacht.fix(text).text == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Het klantportaal is vernieuwd.", "Het portaal voor inwoners is vernieuwd."),
        ("De klantenraad vergadert.", "De cliëntenraad vergadert."),
        ("De klantenraden adviseren.", "De cliëntenraden adviseren."),
    ],
)
def test_what_serves_the_people_is_for_them(text: str, fixed: str) -> None:
    """A portal is made for residents, not theirs ("portaal van de inwoner"); a council of
    those a service is for is the cliëntenraad the law names."""
    assert taalwacht.fix(text).text == fixed


def test_the_first_part_of_a_word_is_not_replaced_by_its_other_part() -> None:
    """ "product-of-dienst" does not become "dienst-of-dienst": the rest of the word already
    names the service."""
    (finding,) = taalwacht.check("Zie de pagina product-of-dienst van de gemeente.")
    assert finding.suggestions and not finding.suggestions[0].lower().startswith("dienst")


def test_a_pgb_arranges_care_but_the_purchase_is_still_contracting() -> None:
    """Near a pgb the buyer is a person who arranges care (regelt), but the noun "inkoop" is
    the contracting of it, never a "regeling" (a scheme)."""
    text = "De gemeente stuurt op de inkoop van Wmo-maatwerkvoorzieningen, in natura en met pgb."
    (finding,) = taalwacht.check(text)
    assert finding.suggestions[0] == "contractering"
    assert "regeling" not in finding.suggestions
    verb = "Met een pgb koopt u zelf uw hulp in bij een zorgverlener."
    (finding,) = taalwacht.check(verb)
    assert finding.suggestions[0] == "regelt"


def test_a_compound_of_a_replacement_marked_as_compounding_is_written() -> None:
    """publieksservice compounds as it stands (labellers wrote publieksservicemedewerker),
    so fix writes it where the writer's word had that head."""
    text = "De klantenservicemedewerker van de gemeente belt u terug."
    assert taalwacht.fix(text).text == text.replace("klanten", "publieks")


def test_two_nouns_joined_in_one_word_stay_nouns() -> None:
    """In "product-of-dienst" the first part is a noun of its own, not the first member of a
    compound: a noun takes its place ("voorziening-of-dienst"), not a first-member form
    ("regelingen-of-dienst"), and no replacement names the service twice."""
    text = "Zie de pagina product-of-dienst van de gemeente."
    (finding,) = taalwacht.check(text)
    assert finding.suggestions[0] == "voorziening-"
    assert not any(s.startswith("dienst") for s in finding.suggestions)
    assert taalwacht.fix(text).text == text.replace("product-of-dienst", "voorziening-of-dienst")


def test_a_spelling_of_a_named_compound_takes_its_replacement() -> None:
    """klantencontacten is klantcontacten spelled with the linking -en-: the pack's named
    replacement for klantcontacten (contacten met inwoners) leads for it too."""
    (finding,) = taalwacht.check("Het aantal klantencontacten steeg vorig jaar.")
    assert finding.suggestions[0] == "contacten met inwoners"


def test_a_plural_with_a_linking_en_stays_plural() -> None:
    """klantencontacten is the plural of klantencontact: "publiekscontacten" and
    "contacten", not "publiekscontact" or "contact"."""
    (finding,) = taalwacht.check("De gemeente telde honderd klantencontacten met inwoners.")
    assert finding.suggestions[:2] == ("publiekscontacten", "contacten")


def test_a_reduplicated_word_is_replaced_in_both_places() -> None:
    """ "casus-voor-casus" names one thing twice: both parts change."""
    text = "Pluryn zocht in een casus-voor-casus aanpak naar een plek voor jongeren."
    assert taalwacht.fix(text).text == text.replace("casus-voor-casus", "situatie-voor-situatie")
    # each part keeps its own capitals: only the sentence's first letter is a capital
    opening = "Casus-voor-casus zoeken we een plek voor jongeren."
    assert taalwacht.fix(opening).text.startswith("Situatie-voor-situatie zoeken")


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Bij burgerzaken vraagt u producten en diensten van de gemeente aan.",
            "Bij burgerzaken vraagt u voorzieningen en diensten van de gemeente aan.",
        ),
        (
            "Bij burgerzaken vraagt u diensten of producten van de gemeente aan.",
            "Bij burgerzaken vraagt u diensten of voorzieningen van de gemeente aan.",
        ),
        (
            "Bij burgerzaken vraagt u diensten, producten en regelingen van de gemeente aan.",
            "Bij burgerzaken vraagt u diensten, voorzieningen en regelingen van de gemeente aan.",
        ),
    ],
)
def test_things_coordinated_are_not_named_twice(text: str, fixed: str) -> None:
    """Near burgerzaken a product is a dienst, but not beside the diensten the writer names
    already: "producten en diensten" are two things, "diensten en diensten" one."""
    assert taalwacht.fix(text).text == fixed


def test_people_coordinated_may_be_named_alike() -> None:
    """ "consulenten/klantmanagers" names one role twice: the consulent stays the first
    suggestion beside it, as labellers wrote it."""
    (finding,) = taalwacht.check("De consulenten/klantmanagers van de gemeente helpen u.")
    assert finding.suggestions[0] == "consulenten"


def test_a_registered_contact_is_a_contact() -> None:
    """The word alone is publiekscontact, as labellers most often wrote it; where contacts
    are registered as records it is a contact, and as a first member contact keeps the
    writer's head."""
    assert one("Het klantcontact van de gemeente verloopt via de balie.").suggestions[0] == (
        "publiekscontact"
    )
    registered = "Elk klantcontact wordt vastgelegd in het zaaksysteem van de gemeente."
    assert one(registered).suggestions[0] == "contact"
    assert one("Het klantcontactmoment van de gemeente duurt kort.").suggestions[0] == (
        "contactmoment"
    )


def test_who_rides_the_transport_a_municipality_arranges_is_a_reiziger() -> None:
    """Near the regiotaxi, Valys and the like a klant is a reiziger, as labellers wrote it;
    elsewhere an inwoner."""
    text = "De klanten van de regiotaxi zijn tevreden over de chauffeurs."
    assert one(text).suggestions[0] == "reizigers"
    assert one("De klanten van de gemeente zijn tevreden.").suggestions[0] == "inwoners"


def test_a_public_library_serves_its_bezoekers() -> None:
    """Near a public library a klant is a bezoeker, as labellers wrote it; elsewhere an
    inwoner."""
    text = "De klanten van de bibliotheek lenen vooral romans en strips."
    assert one(text).suggestions[0] == "bezoekers"
    assert one("De klanten van de gemeente lenen vooral romans.").suggestions[0] == "inwoners"


def test_a_public_archive_serves_its_bezoekers() -> None:
    text = "De klanten van het streekarchief zoeken vooral naar hun voorouders."
    assert one(text).suggestions[0] == "bezoekers"


def test_care_names_the_people_it_serves_clients_and_patients() -> None:
    """Long-term care and care providers serve cliënten, a hospital its patiënten, as
    labellers wrote it; a municipality's desk its inwoners."""
    wlz = "De klant heeft een indicatie voor de Wlz en verblijft in een instelling."
    assert one(wlz).suggestions[0] == "cliënt"
    hospital = "Het ziekenhuis wil weten hoe de klant de zorg op de afdeling ervaart."
    assert one(hospital).suggestions[0] == "patiënt"
    assert one("De gemeente wil weten hoe de klant de balie ervaart.").suggestions[0] == "inwoner"


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("Alle klanten-inwoners krijgen een brief van de gemeente.", "inwoner", "inwoners"),
        ("De product-dienstencatalogus is vernieuwd.", "dienst", "dienstencatalogus"),
        ("De inwoner-klant van de gemeente krijgt een brief.", "inwoner", "inwoner"),
    ],
)
def test_a_word_hyphenated_to_a_replacement_is_that_word_alone(
    text: str, word: str, first: str
) -> None:
    """Two words for one thing: the part beside the watched member is a replacement already,
    so it stands alone first, and no suggestion writes it a second time."""
    (finding,) = taalwacht.check(text)
    assert finding.suggestions[0] == first
    assert not any(s.lower().count(word) > 1 for s in finding.suggestions)


FILLER = " ".join(["De regeling geldt voor iedereen die in de gemeente woont."] * 20)


def test_one_word_gets_one_replacement_throughout_a_text() -> None:
    """Most of a text's uses of "klant" are about re-integration, so the one near UWV and
    illness is the same person: one replacement throughout, not a cliënt in one place."""
    text = (
        "De jobcoach begeleidt de klant op de werkplek. De klant krijgt hulp bij re-integratie"
        " en bij het zoeken naar een baan bij een werkgever.\n\nEen vacature wordt besproken"
        " met de klant. De klant solliciteert naar werk bij een werkgever.\n\n"
        + FILLER
        + "\n\nUWV beoordeelt of de klant recht heeft op een voorziening bij ziekte."
    )
    firsts = [f.suggestions[0] for f in taalwacht.check(text)]
    assert firsts == ["uitkeringsgerechtigde"] * 5


def test_a_text_about_two_groups_keeps_a_word_for_each() -> None:
    """Without a clear majority (two of three is none) each use keeps the replacement its own
    words ask for."""
    text = (
        "De jobcoach helpt de klant bij re-integratie en bij het zoeken naar een baan.\n\n"
        + FILLER
        + "\n\nBij de voedselbank haalt de klant elke week een voedselpakket.\n\n"
        + FILLER
        + "\n\nDe klant van de voedselbank krijgt ook hulp bij schulden."
    )
    firsts = [f.suggestions[0] for f in taalwacht.check(text)]
    assert firsts == ["uitkeringsgerechtigde", "cliënt", "cliënt"]


def test_two_people_joined_by_a_hyphen_stay_a_pair() -> None:
    """ "de relatie klant-werknemer" is between two people: not "werknemer van de inwoner"."""
    text = "Bij de sociale dienst is de relatie klant-werknemer belangrijk voor de bijstand."
    (finding,) = taalwacht.check(text)
    assert finding.suggestions[0] == "inwoner-werknemer"
    assert not any(" van " in s for s in finding.suggestions)
