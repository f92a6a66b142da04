"""Dutch agreement, one small function at a time: determiners, adjective spelling, pronouns.

Minimal pairs pin each spelling rule (STYLE.md rule 15): a rule that breaks shows up as
one named pair, not as a wrong sentence somewhere in the fix tests.
"""

from __future__ import annotations

import pytest

from taalwacht.dutch import agreement as nl

# ------------------------------------------------------------------ determiners


@pytest.mark.parametrize(
    ("word", "cls", "gender"),
    [
        ("het", "definite", "het"),
        ("de", "definite", "de"),
        ("Dit", "near", "het"),
        ("deze", "near", "de"),
        ("dat", "far", "het"),
        ("die", "far", "de"),
        ("welk", "which", "het"),
        ("welke", "which", "de"),
        ("elk", "each", "het"),
        ("elke", "each", "de"),
        ("ieder", "every", "het"),
        ("iedere", "every", "de"),
        ("ons", "our", "het"),
        ("onze", "our", "de"),
        ("zulk", "such", "het"),
        ("hetzelfde", "same", "het"),
        ("dezelfde", "same", "de"),
        ("een", "indefinite", None),
        ("geen", "indefinite", None),
        ("uw", "possessive", None),
        ("zo'n", "indefinite", None),
    ],
)
def test_determiner_classes(word: str, cls: str, gender: str | None) -> None:
    det = nl.determiner(word)
    assert det is not None
    assert (det.cls, det.gender) == (cls, gender)


@pytest.mark.parametrize("word", ["product", "en", "is", "nieuw", "klant"])
def test_not_determiners(word: str) -> None:
    assert nl.determiner(word) is None


@pytest.mark.parametrize(
    ("cls", "gender", "plural", "form"),
    [
        ("definite", "het", False, "het"),
        ("definite", "de", False, "de"),
        ("definite", "het", True, "de"),  # het product, de producten
        ("near", "het", False, "dit"),
        ("near", "de", False, "deze"),
        ("far", "de", False, "die"),
        ("far", "het", True, "die"),
        ("which", "de", False, "welke"),
        ("each", "het", False, "elk"),
        ("every", "de", False, "iedere"),
        ("our", "de", False, "onze"),
        ("our", "het", False, "ons"),
        ("same", "de", False, "dezelfde"),
        ("such", "de", True, "zulke"),
    ],
)
def test_determiner_form(cls: str, gender: str, plural: bool, form: str) -> None:
    assert nl.determiner_form(cls, gender, plural) == form


def test_definiteness_decides_adjective_e() -> None:
    assert nl.determiner("het") is not None and nl.determiner("het").definite  # type: ignore[union-attr]
    assert nl.determiner("ons").definite  # type: ignore[union-attr]
    assert nl.determiner("mijn").definite  # type: ignore[union-attr]
    assert not nl.determiner("een").definite  # type: ignore[union-attr]
    assert not nl.determiner("elk").definite  # type: ignore[union-attr]
    assert not nl.determiner("geen").definite  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("definite", "gender", "plural", "e"),
    [
        (False, "het", False, False),  # een nieuw product
        (False, "de", False, True),  # een nieuwe voorziening
        (True, "het", False, True),  # het nieuwe product
        (True, "de", False, True),  # de nieuwe voorziening
        (False, "het", True, True),  # nieuwe producten
    ],
)
def test_needs_e(definite: bool, gender: str, plural: bool, e: bool) -> None:
    assert nl.needs_e(definite=definite, gender=gender, plural=plural) is e


# ------------------------------------------------------------------ adjective spelling

PAIRS = [
    # plain -e
    ("nieuw", "nieuwe"),
    ("klein", "kleine"),
    ("gemeentelijk", "gemeentelijke"),
    ("technisch", "technische"),
    ("aangevraagd", "aangevraagde"),
    ("mooi", "mooie"),
    ("vrij", "vrije"),
    # double vowel becomes single in the open syllable
    ("groot", "grote"),
    ("klaar", "klare"),
    ("duur", "dure"),
    ("geel", "gele"),
    ("digitaal", "digitale"),
    ("sociaal", "sociale"),
    ("financieel", "financiële"),
    ("concreet", "concrete"),
    # short vowel: consonant doubles
    ("wit", "witte"),
    ("snel", "snelle"),
    ("kapot", "kapotte"),
    ("laf", "laffe"),
    # ... but not in an unstressed ending
    ("vorig", "vorige"),
    ("ander", "andere"),
    ("simpel", "simpele"),
    # f/v and s/z
    ("lief", "lieve"),
    ("actief", "actieve"),
    ("half", "halve"),
    ("grijs", "grijze"),
    ("boos", "boze"),
    ("vies", "vieze"),
    ("los", "losse"),
    ("fris", "frisse"),
    # irregular
    ("grof", "grove"),
    ("heus", "heuse"),
]


@pytest.mark.parametrize(("base", "inflected"), PAIRS)
def test_inflect(base: str, inflected: str) -> None:
    assert nl.inflect(base) == inflected


@pytest.mark.parametrize(("base", "inflected"), PAIRS)
def test_deinflect_round_trip(base: str, inflected: str) -> None:
    assert nl.deinflect(inflected) == base


@pytest.mark.parametrize(
    "word",
    [
        "gratis",
        "houten",
        "extra",
        "plastic",
        "oranje",
        "roze",
        "gesloten",
        "eerste",
        "belangrijkste",
    ],
)
def test_invariable(word: str) -> None:
    assert nl.is_invariable(word)
    assert nl.inflect(word) == word
    assert nl.adjective_has_e(word) is None


@pytest.mark.parametrize(
    "word", ["nieuw", "groot", "grote", "aangevraagde", "gratis", "houten", "wit"]
)
def test_is_adjective(word: str) -> None:
    assert nl.is_adjective(word)


@pytest.mark.parametrize("word", ["gemeente", "is", "kost", "regio", "u", "het", "en", "college"])
def test_is_not_adjective(word: str) -> None:
    assert not nl.is_adjective(word)


def test_adjective_form() -> None:
    assert nl.adjective_form("groot", e=True) == "grote"
    assert nl.adjective_form("grote", e=False) == "groot"
    assert nl.adjective_form("grote", e=True) == "grote"
    assert nl.adjective_form("houten", e=True) == "houten"


def test_deinflect_refuses_to_guess() -> None:
    assert nl.deinflect("gemeente") is None
    assert nl.deinflect("nieuw") is None  # not inflected


# ------------------------------------------------------------------ pronouns


@pytest.mark.parametrize(
    ("gender", "plural", "form"),
    [("het", False, "dat"), ("de", False, "die"), ("het", True, "die")],
)
def test_relative_form(gender: str, plural: bool, form: str) -> None:
    assert nl.relative_form(gender, plural) == form


@pytest.mark.parametrize(
    ("nxt", "after", "pronoun"),
    [
        ("is", None, True),  # Het is een product
        ("kost", "niets", True),
        ("ook", "aanvragen", True),
        (None, None, True),  # ... dat u het.
        ("nodig", "heeft", True),  # als u het nodig heeft
        ("aanvragen", None, True),  # u kunt het aanvragen.
        ("product", "is", False),  # het product is
        ("nieuwe", "product", False),
        ("formulier", None, False),
    ],
)
def test_pronoun_het(nxt: str | None, after: str | None, pronoun: bool) -> None:
    assert nl.is_pronoun_het(nxt, after) is pronoun


# ------------------------------------------------------------------ gender and capitals


@pytest.mark.parametrize(
    ("phrase", "gender"),
    [
        ("regeling", "de"),
        ("tevredenheid van inwoners", "de"),
        ("contractering", "de"),
        ("productje", "het"),
        ("management", "het"),
        ("gegevens van inwoners", None),
        ("consulent", None),
    ],
)
def test_guess_gender(phrase: str, gender: str | None) -> None:
    assert nl.guess_gender(phrase) == gender


@pytest.mark.parametrize(
    ("new", "old", "out"),
    [("de", "het", "de"), ("de", "Het", "De"), ("de", "HET", "DE"), ("deze", "Dit", "Deze")],
)
def test_case_like(new: str, old: str, out: str) -> None:
    assert nl.case_like(new, old) == out


def test_a_compound_ending_in_a_strong_participle_is_invariable() -> None:
    assert nl.is_invariable("klantgedreven") and nl.is_invariable("toegewezen")
    assert not nl.is_invariable("klantgericht")


# ------------------------------------------------------------------ infinitives


@pytest.mark.parametrize(
    "word",
    [
        "werken",
        "lopen",
        "zitten",
        "leven",
        "lezen",
        "organiseren",
        "aanbieden",
        "handelen",
        "accentueren",
    ],
)
def test_an_infinitive_reads_as_one(word: str) -> None:
    # after an uninflected adjective it makes the adjective an adverb: "vraaggericht werken"
    assert nl.reads_infinitive(word)


@pytest.mark.parametrize("word", ["aanbod", "examen", "teken", "wapen", "inwoners", "zee", "en"])
def test_a_noun_does_not_read_as_an_infinitive(word: str) -> None:
    # "een vraaggericht aanbod", "een vraaggericht examen": the adjective stands before a noun
    assert not nl.reads_infinitive(word)
