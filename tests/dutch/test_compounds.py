"""Morphology as minimal pairs: which words are forms or compounds of a watched term.

Each row goes through ``default_service().engine.analyse(word)``, the same analysis the
scan uses for one word: the word is split against the lexicon, so a compound member counts
(bijstands|klanten) and a look-alike does not (product|ie). Context (mention, commerce) is
not part of this; see tests/engine (test_engine.py, test_context.py) and the sentence corpus.
"""

from __future__ import annotations

import pytest

from taalwacht.api import default_service
from taalwacht.dutch.compounds import join


def analyse(word: str) -> tuple[str, str] | None:
    a = default_service().engine.analyse(word)
    return None if a is None else (a.watch.term.id, a.watch.slot)


# (word, term id, slot)
FORMS = [
    # klant: inflection, diminutive, genitive, capitals
    ("klant", "klant", "sg"),
    ("klanten", "klant", "pl"),
    ("klantje", "klant", "dim"),
    ("klantjes", "klant", "dim_pl"),
    ("klants", "klant", "gen"),
    ("Klant", "klant", "sg"),
    ("KLANT", "klant", "sg"),
    # klant as the head of a compound
    ("bijstandsklant", "klant", "sg"),
    ("bijstandsklanten", "klant", "pl"),
    ("jeugdhulpklantje", "klant", "dim"),
    ("reclasseringsklant", "klant", "sg"),
    # ... after a hyphen
    ("Wmo-klanten", "klant", "pl"),
    # klant as the first member
    ("klantdossier", "klant", "sg"),
    ("klantenbestand", "klant", "pl"),
    # klantmanager, accountmanager
    ("klantmanager", "klantmanager", "sg"),
    ("klantmanagers", "klantmanager", "pl"),
    ("Klantmanager", "klantmanager", "sg"),
    ("KLANTMANAGERS", "klantmanager", "pl"),
    ("klant-manager", "klantmanager", "sg"),
    ("klant-\nmanager", "klantmanager", "sg"),
    ("klant\u00admanager", "klantmanager", "sg"),
    ("accountmanager", "accountmanager", "sg"),
    ("accountmanagers", "accountmanager", "pl"),
    # klantcontact, KCC, klantenservice
    ("klantcontact", "klantcontact", "sg"),
    ("klantcontactcentrum", "klantcontact", "sg"),
    ("klantcontact-centrum", "klantcontact", "sg"),
    ("KCC", "klantcontact", "sg"),
    ("kcc-medewerker", "klantcontact", "sg"),
    ("klantenservice", "klantenservice", "sg"),
    ("klantenservices", "klantenservice", "pl"),
    # adjectives
    ("klantgericht", "klantgericht", "base"),
    ("klantgerichte", "klantgericht", "e"),
    ("klantgerichtheid", "klantgericht", "heid"),
    ("klantvriendelijk", "klantvriendelijk", "base"),
    ("klantvriendelijkheid", "klantvriendelijk", "heid"),
    ("vraaggericht", "vraaggericht", "base"),
    ("vraaggerichte", "vraaggericht", "e"),
    ("vraaggerichtheid", "vraaggericht", "heid"),
    ("klanttevredenheid", "klanttevredenheid", "sg"),
    # product: old spelling, compounds
    ("product", "product", "sg"),
    ("producten", "product", "pl"),
    ("produkt", "product", "sg"),
    ("produkten", "product", "pl"),
    ("productcatalogus", "product", "sg"),
    ("productencatalogus", "product", "pl"),
    ("productenraming", "product", "pl"),
    ("zorgproduct", "product", "sg"),
    # concern
    ("concern", "concern", "sg"),
    ("concerns", "concern", "pl"),
    ("concernstaf", "concern", "sg"),
    ("concerncontroller", "concern", "sg"),
    ("concernbreed", "concern", "sg"),
    # inkopen: noun, verb forms, compounds
    ("inkoop", "inkopen", "noun"),
    ("inkoopbeleid", "inkopen", "noun"),
    ("zorginkoop", "inkopen", "noun"),
    ("inkopen", "inkopen", "inf"),
    ("inkoopt", "inkopen", "sg3"),
    ("ingekocht", "inkopen", "pp"),
    ("ingekochte", "inkopen", "pp_e"),
    ("inkopers", "inkopen", "agent_pl"),
    # casus
    ("casus", "casus", "sg"),
    ("casussen", "casus", "pl"),
    ("casusje", "casus", "dim"),
    ("casusoverleg", "casus", "sg"),
    ("casusregisseur", "casus", "sg"),
]


@pytest.mark.parametrize(("word", "term", "slot"), FORMS, ids=[w for w, _, _ in FORMS])
def test_forms_and_compounds_of_a_term(word: str, term: str, slot: str) -> None:
    assert analyse(word) == (term, slot)


# Words whose slot depends on whether the full form or a linking form (klanttevredenheids,
# klanten) is taken as the member: only the term is pinned.
TERM_ONLY = [
    ("klanttevredenheidsonderzoek", "klanttevredenheid"),
    ("klanttevredenheidsonderzoeken", "klanttevredenheid"),
    ("klantendienst", "klantenservice"),
    ("klantencontactcentrum", "klantcontact"),  # named in the pack under klantcontact
    ("klantgedreven", "klantgericht"),
]


@pytest.mark.parametrize(("word", "term"), TERM_ONLY)
def test_term_of_a_compound(word: str, term: str) -> None:
    found = analyse(word)
    assert found is not None
    assert found[0] == term


LOOKALIKES = [
    # product | productie: "ie", "ief", "iviteit" are no compound members
    "productie",
    "Productie",
    "PRODUCTIE",
    "productief",
    "productieve",
    "productiviteit",
    "productiekosten",
    "productiecapaciteit",
    "producent",
    "reproductie",
    # concern | concert, concentratie
    "concert",
    "concerten",
    "concertzaal",
    "concertgebouw",
    "concerto",
    "concentratie",
    # casus | casino, casual
    "casino",
    "casual",
    # accountmanager | accountant
    "accountant",
    "accountants",
    "accountantsverklaring",
    # inkoop | inkomen, bruinkool and other buying
    "inkomen",
    "inkomsten",
    "inkomstenbelasting",
    "bruinkool",
    "verkoop",
    "aankoop",
    "verkopen",
    "aankopen",
    "opkopen",
    "koopkracht",
    "koper",
    # klant | words that only share letters
    "consument",
]


@pytest.mark.parametrize("word", LOOKALIKES)
def test_lookalikes_are_not_terms(word: str) -> None:
    assert analyse(word) is None


# Minimal pairs side by side: the same letters, one a member, one not.
PAIRS = [
    ("product", "productie"),
    ("producten", "producent"),
    ("productcatalogus", "productiecapaciteit"),
    ("concern", "concert"),
    ("concerns", "concerten"),
    ("inkoop", "inkomen"),
    ("zorginkoop", "bruinkool"),
    ("casus", "casino"),
    ("accountmanager", "accountant"),
]


@pytest.mark.parametrize(("term_word", "lookalike"), PAIRS)
def test_minimal_pairs(term_word: str, lookalike: str) -> None:
    assert analyse(term_word) is not None
    assert analyse(lookalike) is None


# (word, left member(s), right member(s)) as the splitter cuts them, lower case
SPLITS = [
    ("bijstandsklanten", "bijstands", ""),
    ("Wmo-klanten", "wmo", ""),
    ("jeugdhulpklantje", "jeugdhulp", ""),
    ("klantcontactcentrum", "", "centrum"),
    ("concernstaf", "", "staf"),
    ("concerncontrol", "", "control"),  # a loan word OpenTaal lacks: data/lexicon-extra.txt
    ("productenraming", "", "raming"),
    # a linking morpheme belongs to the member before it
    ("klanttevredenheidsonderzoek", "", "onderzoek"),
    ("klantenkring", "", "kring"),  # not klant|enkring, though "enk" and "ring" are words
    ("zorginkoop", "zorg", ""),
    ("inkoopbeleid", "", "beleid"),
    ("casusoverleg", "", "overleg"),
]


@pytest.mark.parametrize(("word", "left", "right"), SPLITS)
def test_split_points(word: str, left: str, right: str) -> None:
    a = default_service().engine.analyse(word)
    assert a is not None
    assert (a.left, a.right) == (left, right)


@pytest.mark.parametrize("word", ["", "-", "klant klant", "klant.", " klant", "klant-"])
def test_not_one_word(word: str) -> None:
    """analyse takes exactly one word; anything else has no analysis."""
    assert default_service().engine.analyse(word) is None


@pytest.mark.parametrize(
    ("first", "second", "word"),
    [
        ("situatie", "eigenaar", "situatie-eigenaar"),  # ee would merge
        ("politie", "inzet", "politie-inzet"),  # ei
        ("auto", "ongeluk", "auto-ongeluk"),  # oo
        ("data", "uitwisseling", "data-uitwisseling"),  # au
        ("gemeente", "ambtenaar", "gemeenteambtenaar"),  # ea reads as two sounds
        ("inwoner", "onderzoek", "inwoneronderzoek"),
        ("Wmo-", "inwoners", "Wmo-inwoners"),
        ("situatie", "", "situatie"),
    ],
)
def test_join_writes_the_hyphen_of_a_vowel_collision(first: str, second: str, word: str) -> None:
    assert join(first, second) == word
