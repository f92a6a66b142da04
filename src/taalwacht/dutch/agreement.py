"""Dutch agreement inside a noun phrase: the words that follow a noun's gender and number.

When ``fix`` swaps a noun for one of another gender (het product -> de voorziening), the
words that agree with the noun have to follow it. In Dutch these are:

- determiners: de/het, deze/dit, die/dat, welke/welk, elke/elk, iedere/ieder, zulke/zulk,
  onze/ons, menige/menig, dezelfde/hetzelfde. The first form serves de-words and every
  plural, the second het-words in the singular. Een, geen, mijn, uw, zo'n ... never change;
- attributive adjectives: they take -e, except in a singular het-phrase without a definite
  determiner (een nieuw product, but een nieuwe voorziening and het nieuwe product). The -e
  brings the spelling rules of open and closed syllables (groot/grote, wit/witte) and of
  voiced consonants (lief/lieve, grijs/grijze); some adjectives never inflect (gratis,
  houten, extra);
- relative pronouns: die for de-words and plurals, dat for het-words in the singular.

Each linguistic test is a small named function, so a rule can be read, tested and
corrected on its own. The tables here are closed word classes (determiners, frequent verbs,
prepositions); they change when the language does, not per organisation, so they live with
the code. Word forms are checked against the OpenTaal lexicon where a rule can misfire:
a form the lexicon does not know is never written, the caller leaves the finding to a person.

Sources: Algemene Nederlandse Spraakkunst (ANS) 3.2 (gender), 5.2 (determiners), 6.3
(adjective inflection) and 5.8 (relative pronouns); Woordenlijst spelling rules for open
and closed syllables.
"""

from __future__ import annotations

from dataclasses import dataclass

from taalwacht.dutch.lexicon import is_word

DE, HET = "de", "het"

# ------------------------------------------------------------------ determiners

# class -> (form for de-words and plurals, form for het-words in the singular)
DETERMINER_FORMS: dict[str, tuple[str, str]] = {
    "definite": ("de", "het"),
    "near": ("deze", "dit"),
    "far": ("die", "dat"),
    "which": ("welke", "welk"),
    "each": ("elke", "elk"),
    "every": ("iedere", "ieder"),
    "such": ("zulke", "zulk"),
    "our": ("onze", "ons"),
    "many_a": ("menige", "menig"),
    "same": ("dezelfde", "hetzelfde"),
    "that_same": ("diezelfde", "datzelfde"),
}
# Classes after which an adjective always takes -e: they make the phrase definite (ANS 6.3).
DEFINITE_CLASSES = frozenset({"definite", "near", "far", "our", "same", "that_same", "possessive"})
# Determiners with one form for every gender and number. Possessives make a phrase definite.
INVARIABLE_DETERMINERS: dict[str, str] = {
    "een": "indefinite",
    "één": "indefinite",
    "geen": "indefinite",
    "zo'n": "indefinite",
    "zo’n": "indefinite",
    "veel": "indefinite",
    "weinig": "indefinite",
    "genoeg": "indefinite",
    "wat": "indefinite",
    "mijn": "possessive",
    "uw": "possessive",
    "zijn": "possessive",
    "haar": "possessive",
    "hun": "possessive",
    "jouw": "possessive",
    "je": "possessive",
    "jullie": "possessive",
    "m'n": "possessive",
    "z'n": "possessive",
    "d'r": "possessive",
}
_BY_FORM: dict[str, tuple[str, str | None]] = {}
for _cls, (_de, _het) in DETERMINER_FORMS.items():
    _BY_FORM[_de] = (_cls, DE)
    _BY_FORM[_het] = (_cls, HET)


@dataclass(frozen=True)
class Determiner:
    """A determiner as written: its class and what its form says about the noun.

    ``gender`` is "het" for a form only a singular het-word takes (het, dit, ons ...), "de"
    for a form that serves de-words and plurals (de, deze, onze ...), and None for a form
    that says nothing (een, geen, mijn ...).
    """

    word: str
    cls: str
    gender: str | None

    @property
    def definite(self) -> bool:
        """After a definite determiner every attributive adjective takes -e."""
        return self.cls in DEFINITE_CLASSES

    @property
    def variable(self) -> bool:
        return self.cls in DETERMINER_FORMS


def determiner(word: str) -> Determiner | None:
    """The determiner ``word`` is (any capitals), or None when it is not one."""
    low = word.lower()
    if low in _BY_FORM:
        cls, gender = _BY_FORM[low]
        return Determiner(low, cls, gender)
    if low in INVARIABLE_DETERMINERS:
        return Determiner(low, INVARIABLE_DETERMINERS[low], None)
    return None


def determiner_form(cls: str, gender: str, plural: bool) -> str:
    """The form of a determiner class for a noun: "het" for (definite, het, singular).

    Plurals take the de-form whatever the gender: het product, de producten.
    """
    de_form, het_form = DETERMINER_FORMS[cls]
    return het_form if gender == HET and not plural else de_form


def form_gender(gender: str, plural: bool) -> str:
    """The gender a form has to show: every plural behaves like a de-word."""
    return DE if plural else gender


# ------------------------------------------------------------------ adjectives

# Adjectives that never take -e: materials in -en, loans ending in a vowel, and a few
# others (ANS 6.3.2). Strong participles in -en are recognised by shape, see is_invariable.
INVARIABLE_ADJECTIVES = frozenset(
    "gratis extra prima plastic oranje roze rose beige lila sexy cool top ultra retro "
    "houten gouden zilveren stenen koperen wollen linnen leren glazen ijzeren papieren "
    "open eigen tevreden volwassen rechter linker".split()
)
# Forms that end in -e in every phrase: ordinals, and superlatives and a few words used
# like them. They never lose the -e, so they neither change nor tell the gender.
ALWAYS_E = frozenset(
    "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde "
    "twaalfde laatste zelfde".split()
)
# Degree adverbs inside a noun phrase: een zeer nieuw product. They never change.
DEGREE_ADVERBS = frozenset(
    "zeer erg echt nog best vrij uiterst enorm ontzettend te zo iets minder meer meest "
    "minst helemaal volledig geheel redelijk behoorlijk tamelijk ietwat ook al wel niet "
    "heel hartstikke bijna compleet steeds almaar".split()
)
_PARTICIPLE_PREFIXES = ("ge", "be", "ver", "ont", "her", "er")
_VOWELS = "aeiouy"
_LONG_DOUBLES = ("aa", "ee", "oo", "uu")
_SCHWA_ENDINGS = ("ig", "er", "el", "en", "em", "es", "erd")
# Irregular inflections: the rules would give grofe/heuze/kuize.
IRREGULAR_E = {"grof": "grove", "heus": "heuse", "kuis": "kuise", "sociaal": "sociale"}


def is_invariable(adjective: str) -> bool:
    """True for an adjective that is written the same with and without -e.

    Materials and loans (houten, gratis, extra) by list; strong participles in -en by shape
    (gesloten, verboden, ontvangen); words ending in a vowel other than the i of -ooi/-aai
    (oranje, prima, retro). Ordinals and superlatives (eerste, belangrijkste) count too:
    they have their -e in every phrase.
    """
    low = adjective.lower()
    if low in INVARIABLE_ADJECTIVES or low in ALWAYS_E:
        return True
    if low.endswith("ste") and len(low) > 5 and is_word(low[:-1]):
        return True  # superlative: het belangrijkste, een belangrijkste ... never without -e
    if _is_strong_participle(low):
        return True
    if low.endswith(("e", "ë")):
        return False  # an inflected form (nieuwe); oranje and roze are in the list
    return low[-1:] in "aouyé" or (low.endswith("i") and not _ends_long_i(low))


def _is_strong_participle(low: str) -> bool:
    """gesloten, verboden, ontvangen: a prefix, a stem and -en after a consonant; also as a
    compound's last member (klantgedreven, toegewezen), which decides its inflection."""
    if not (low.endswith("en") and len(low) > 5 and low[-3] not in _VOWELS):
        return False
    if low.startswith(_PARTICIPLE_PREFIXES):
        return True
    return any(
        low.startswith(_PARTICIPLE_PREFIXES, i) and is_word(low[:i]) for i in range(3, len(low) - 5)
    )


def _ends_long_i(low: str) -> bool:
    """mooi, fraai, moei: a vowel before the final i makes it a diphthong that inflects."""
    return len(low) > 2 and low[-2] in _VOWELS


def _last_syllable(low: str) -> tuple[str, str, str]:
    """Split into (before, last vowel group, final consonants): groot -> (gr, oo, t)."""
    i = len(low)
    while i > 0 and low[i - 1] not in _VOWELS:
        i -= 1
    if low[i : i + 1] == "j" and low[i - 1 : i] == "i":
        i += 1  # ij is a vowel: grijs -> (gr, ij, s)
    consonants = low[i:]
    j = i - 1 if low[i - 1 : i] == "j" else i
    while j > 0 and low[j - 1] in _VOWELS:
        j -= 1
    return low[:j], low[j:i], consonants


def _voiced(consonant: str) -> str:
    """f and s become v and z between vowels: lief/lieve, grijs/grijze (ANS 6.3, spelling)."""
    return {"f": "v", "s": "z"}.get(consonant, consonant)


def _is_polysyllabic(before: str) -> bool:
    return any(c in _VOWELS for c in before)


def inflect(adjective: str) -> str:
    """The attributive form with -e, spelled as Dutch spells it; invariable ones unchanged.

    - a double vowel in a closed syllable becomes single in the open one: groot/grote,
      klaar/klare, officieel/officiële (a trema where the vowels would merge);
    - a short vowel keeps its sound by doubling the consonant: wit/witte, snel/snelle, but
      not in an unstressed ending: vorig/vorige, ander/andere, simpel/simpele;
    - f and s become v and z after a long vowel or a consonant: lief/lieve, half/halve,
      grijs/grijze (but los/losse: the vowel is short).
    """
    low = adjective.lower()
    if is_invariable(low):
        return low
    if low in IRREGULAR_E:
        return IRREGULAR_E[low]
    if low.endswith(("w", "ij", "i")):
        return low + "e"  # nieuw, vrij, mooi
    before, vowels, consonants = _last_syllable(low)
    if not vowels or len(consonants) != 1:
        if len(consonants) >= 2 and consonants[-1] == "f" and consonants[-2] in "lr":
            return low[:-1] + "ve"  # half/halve
        return low + "e"  # gemeentelijk, aangevraagd, technisch
    c = consonants
    if vowels[-2:] in _LONG_DOUBLES:
        before, vowels = before + vowels[:-2], vowels[-2:]
        single = vowels[0]
        if single == "e" and before.endswith("i"):
            single = "ë"  # officieel -> officiële, not officiele
        return before + single + _voiced(c) + "e"
    if len(vowels) >= 2:
        return before + vowels + _voiced(c) + "e"  # lief, grijs, goed
    if _is_polysyllabic(before) and low.endswith(_SCHWA_ENDINGS):
        return low + "e"  # vorig, ander, simpel
    if c in "xwj":
        return low + "e"
    return low + c + "e"  # wit, snel, los, laf


def _bases(stem: str) -> set[str]:
    """What a stem left by an ending (-e, -en) may be a spelling of, undoing the rules that
    added the ending: a doubled consonant (witt-e: wit), f/s voiced (liev-e: lief), a long
    vowel written single in an open syllable (grot-e: groot). The caller keeps the candidates
    its own test confirms."""
    stems = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stems.add(stem[:-1])
    for s in list(stems):
        if s.endswith("v"):
            stems.add(s[:-1] + "f")
        if s.endswith("z"):
            stems.add(s[:-1] + "s")
    for s in list(stems):
        plain = s.replace("ë", "e")
        before, vowels, consonants = _last_syllable(plain)
        if vowels and vowels[-1] in "aeou" and len(consonants) == 1:
            stems.add(before + vowels + vowels[-1] + consonants)
    # Dutch words do not end in a doubled consonant (wit, not witt), so such stems go.
    return {s for s in stems if not (len(s) > 2 and s[-1] == s[-2] and s[-1] not in _VOWELS)}


def deinflect(form: str) -> str | None:
    """The base of an inflected adjective (grote -> groot), or None when it is not sure.

    Candidates undo the spelling rules (single consonant, f/s, long vowel); one is kept only
    when the lexicon knows it and ``inflect`` gives the form back. Two survivors or none
    mean we do not know, and the caller must not guess.
    """
    low = form.lower()
    if not low.endswith(("e", "ë")) or len(low) < 3 or is_invariable(low):
        return None  # not inflected, or invariable (oranje, eerste)
    found = [s for s in _bases(low[:-1]) if inflect(s) == low and is_word(s) and s != low]
    for base, inflected in IRREGULAR_E.items():
        if inflected == low:
            found = [base]
    return found[0] if len(found) == 1 else None


def needs_e(*, definite: bool, gender: str, plural: bool) -> bool:
    """Whether an attributive adjective takes -e: only (indefinite, het, singular) has none."""
    return plural or definite or gender != HET


# endings that make an adjective (ANS 15.3), inflected or not: zorgvragend(e),
# klantvriendelijk(e); for words the lexicon does not know
ADJECTIVE_ENDINGS = ("end", "ende", "lijk", "lijke", "ig", "ige", "isch", "ische", "baar", "bare")


def is_adjective(word: str) -> bool:
    """Whether ``word`` can be an attributive adjective between a determiner and a noun.

    A test of form, not of meaning: invariable adjectives by list, inflected forms whose
    base the lexicon knows, and bases whose inflected form it knows. Closed-class words
    (verbs such as "is" and "kost", pronouns, prepositions) are never adjectives.
    """
    low = word.lower()
    if not low.isalpha() or low in NOT_ADJECTIVES or determiner(low) is not None:
        return False
    if low in INVARIABLE_ADJECTIVES or low in ALWAYS_E:
        return True
    if _is_strong_participle(low) and is_word(low):
        return True
    if is_invariable(low):
        return low in ALWAYS_E or low.endswith("ste") or low[-1:] in "ei"  # not regio, auto
    if low.endswith(("e", "ë")):
        return deinflect(low) is not None
    inflected = inflect(low)
    return inflected != low and is_word(low) and is_word(inflected)


def adjective_form(adjective: str, *, e: bool) -> str | None:
    """``adjective`` (either form) with or without -e; None when the base is unknown."""
    low = adjective.lower()
    if is_invariable(low):
        return low
    inflected = low.endswith(("e", "ë"))
    if e:
        return low if inflected else inflect(low)
    if not inflected:
        return low
    return deinflect(low)


def adjective_has_e(adjective: str) -> bool | None:
    """Whether the written adjective carries the -e; None when it cannot tell (invariable)."""
    low = adjective.lower()
    if is_invariable(low):
        return None
    return low.endswith(("e", "ë"))


# ------------------------------------------------------------------ pronouns

RELATIVE_FORMS = ("die", "dat")  # de-words and plurals, het-words in the singular


def relative_form(gender: str, plural: bool) -> str:
    """The relative pronoun for a noun: het product dat, de voorziening die."""
    return "dat" if gender == HET and not plural else "die"


def relative_gender(word: str) -> str | None:
    """What a relative pronoun tells about its noun: dat -> het, die -> de (or plural)."""
    low = word.lower()
    return HET if low == "dat" else DE if low == "die" else None


# Frequent finite verbs and other words that cannot follow an article: after "het" they show
# that "het" is a pronoun ("Het is een product", "Het kost niets").
FINITE_VERBS = frozenset(
    "is was zijn waren wordt werd worden werden heeft had hebben hadden kan kon kunnen "
    "konden moet moest moeten moesten mag mocht mogen zal zou zullen zouden wil wilde "
    "willen gaat ging gaan komt kwam komen staat stond blijft bleef lijkt leek blijkt "
    "bleek betekent kost kostte geldt gold duurt duurde gebeurt gebeurde helpt hielp "
    "maakt maakte geeft gaf krijgt kreeg ligt lag regelt regelde heet heette past paste "
    "valt viel loopt liep vraagt vroeg zit zat weet wist vindt vond hoort hoorde werkt "
    "werkte laat liet zegt zei".split()
)
FUNCTION_WORDS = frozenset(
    "niet ook al nog wel dus toch even eens zelf mee op aan uit in af toe terug door voor "
    "over bij met van naar om tot zonder tegen onder na per via en of maar want omdat als "
    "dan dat die wat wie waar hoe hier daar er u ik jij je hij zij ze wij we men hem hen "
    "hun ons mij me zich elkaar iets niets alles iemand niemand te wanneer waarom toen "
    "nu soms vaak altijd nooit graag snel zo".split()
)
NOT_ADJECTIVES = (FINITE_VERBS | FUNCTION_WORDS) - DEGREE_ADVERBS - {"snel"}


def is_pronoun_het(next_word: str | None, word_after: str | None = None) -> bool:
    """Whether "het" before ``next_word`` is the pronoun, not the article.

    The article is followed by its noun phrase; the pronoun by a verb, an adverb, a
    preposition or the end of the clause: "Het is een product", "u kunt het ook
    aanvragen". An adjective or infinitive followed by a verb or the end shows the pronoun
    too: "als u het nodig heeft", "u kunt het aanvragen." ``next_word`` and ``word_after``
    are None at a punctuation mark or the end of the text.
    """
    if next_word is None:
        return True
    low = next_word.lower()
    if low in FINITE_VERBS or low in FUNCTION_WORDS:
        return True
    clause_goes_on = word_after is not None and word_after.lower() not in (
        FINITE_VERBS | FUNCTION_WORDS
    )
    if clause_goes_on:
        return False
    return is_adjective(low) or (low.endswith("en") and len(low) > 4)


# ------------------------------------------------------------------ gender of alternatives

# Endings whose gender has (almost) no exceptions (ANS 3.2.3): -ing, -heid, -teit, -tie are
# de-words; diminutives, -isme and -ment are het-words.
DE_ENDINGS = ("ing", "heid", "teit", "tie", "sie")
HET_ENDINGS = ("je", "isme", "ment", "sel")
# prepositions that open the phrase after a head noun: "raming per taakveld", "onderzoek onder
# inwoners"
PREPOSITIONS = frozenset("van voor met per op in bij over uit aan naar tot door onder".split())


def reads_plural(head: str) -> bool:
    """A head that reads as plural: reizen, menu's, and gegevens (gegeven + s), not reis."""
    if head.endswith(("en", "'s")):
        return True
    return head.endswith("s") and is_word(head[:-1])


def reads_infinitive(word: str) -> bool:
    """Whether ``word`` reads as an infinitive: it ends in -en and its third person is Dutch
    (werken: werkt, lopen: loopt, zetten: zet, leven: leeft). An uninflected adjective
    before it is an adverb ("vraaggericht werken": "op maat werken"); a plural noun after
    an adjective would have made it inflect ("vraaggerichte werken")."""
    low = word.lower()
    if len(low) < 5 or not low.endswith("en") or not low[-3].isalpha() or low[-3] in _VOWELS:
        return False
    # zitten: zit, lopen: loopt, leven: leeft
    return any(is_word(s if s.endswith("t") else s + "t") for s in _bases(low[:-2]))


def guess_gender(noun_phrase: str) -> str | None:
    """The gender of a noun phrase's head by its ending, or None when the ending is silent.

    The head is the word before the first preposition ("beleving van inwoners" -> beleving),
    else the last word ("gemeentelijke staf" -> staf). Only exception-free endings count.
    """
    words = noun_phrase.lower().split()
    if not words:
        return None
    head = words[-1]
    for i, w in enumerate(words):
        if i and w in PREPOSITIONS:
            head = words[i - 1]
            break
    if head.endswith(DE_ENDINGS):
        return DE
    if head.endswith(HET_ENDINGS):
        return HET
    return None


# ------------------------------------------------------------------ capitals


def case_like(new: str, old: str) -> str:
    """Give ``new`` the capitals of ``old``: HET -> DE, Het -> De, het -> de."""
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and letters[0].isupper():
        return new[:1].upper() + new[1:]
    return new
