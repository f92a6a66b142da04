"""The noun phrase around a noun: the determiner and adjectives before it that agree with
it, a relative pronoun right after it, and words later in the sentence that may refer back.

The fixer asks this when it swaps a noun (het nieuwe product dat -> de nieuwe voorziening
die); spans are half-open offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from taalwacht.dutch import agreement as nl

TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
SENTENCE_END = frozenset(".!?;:")
NUMERALS = frozenset(
    "één twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig "
    "vijftig honderd duizend".split()
)
LOOK_BACK = 160  # characters before a noun searched for its determiner
LOOK_AHEAD = 240  # characters after it searched for pronouns that may refer back


class Tok(NamedTuple):
    """A token and where it stands (a tuple: the fixer makes many of them per word)."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def paragraph_break(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return gap.count("\n") >= 2


@dataclass
class Phrase:
    """The words left of a noun that agree with it, and the relative pronoun after it."""

    determiner: tuple[Tok, nl.Determiner] | None = None
    adjectives: list[Tok] = field(default_factory=list)
    relative: Tok | None = None
    problem: str = ""  # a reason the phrase could not be read with certainty


def scan_left(text: str, start: int) -> Phrase:
    """Walk left from the noun over adjectives, degree adverbs and numerals to a determiner.

    Stops at anything else. Adjectives without a determiner make the phrase uncertain
    (the walk may have taken a verb or noun for an adjective), so ``problem`` is set.
    """
    phrase = Phrase()
    toks = tokens(text, max(0, start - LOOK_BACK), start)
    at = TOKEN.search(text, start, min(len(text), start + 80))
    noun = at.group() if at else ""
    right = start
    i = len(toks) - 1
    stopped_by_word = False
    while i >= 0:
        t = toks[i]
        if paragraph_break(text, t.end, right):
            break
        low = t.low
        if low in ("en", "of", ",") and phrase.adjectives:
            if i > 0 and nl.is_adjective(toks[i - 1].text) and toks[i - 1].text[:1].islower():
                right, i = t.start, i - 1
                continue
            break
        det = nl.determiner(t.text)
        if det is not None and low != "wat":
            if low == "het" and phrase.adjectives:
                first = phrase.adjectives[-1].text
                after = phrase.adjectives[-2].text if len(phrase.adjectives) > 1 else noun
                if nl.is_pronoun_het(first, after):
                    break
            phrase.determiner = (t, det)
            break
        if phrase.adjectives and low in nl.DEGREE_ADVERBS:
            right, i = t.start, i - 1
            continue
        if low in NUMERALS or t.text.isdigit():
            right, i = t.start, i - 1
            continue
        if nl.is_adjective(t.text) and (
            t.text[:1].islower() or t.text.isupper() or _sentence_start(toks, i)
        ):
            phrase.adjectives.append(t)
            right, i = t.start, i - 1
            continue
        if _unknown_adjective(toks, i):
            phrase.adjectives.append(t)  # "het wmo-klantvriendelijke product": its form
            right, i = t.start, i - 1  # is read like any adjective's; a fix that would
            continue  # have to inflect it is left for a person
        stopped_by_word = t.is_word
        break
    if phrase.determiner is None and phrase.adjectives:
        phrase.problem = "bijvoeglijk naamwoord zonder lidwoord: de woordgroep is niet zeker"
        if not stopped_by_word:
            phrase.problem = ""  # at the start of a sentence or after punctuation: clear enough
    return phrase


# between an article and its noun also -ief, -zaam and -gericht ("het vraaggerichte"); as a
# compound's head they are nouns too often (klantperspectief, klantmotief)
BEFORE_NOUN_ENDINGS = (*nl.ADJECTIVE_ENDINGS, "ief", "ieve", "zaam", "zame", "gericht", "gerichte")


def _unknown_adjective(toks: list[Tok], i: int) -> bool:
    """A word the lexicon does not know, right after a determiner, that ends as adjectives
    do: "het wmo-klantvriendelijke product" (not "het zaaktype", "het inhoudstype")."""
    t = toks[i]
    if i == 0 or not t.is_word or not t.text[:1].islower():
        return False
    return nl.determiner(toks[i - 1].text) is not None and t.low.endswith(BEFORE_NOUN_ENDINGS)


def _sentence_start(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i - 1].text in SENTENCE_END


def relative_after(text: str, end: int) -> Tok | None:
    """A relative "dat"/"die" right after the noun, optionally after a comma."""
    toks = tokens(text, end, min(len(text), end + 20))
    if toks and toks[0].text == ",":
        toks = toks[1:]
    if toks and toks[0].low in nl.RELATIVE_FORMS and not paragraph_break(text, end, toks[0].start):
        return toks[0]
    return None


def refers_back_later(text: str, end: int, gender: str, skip: Tok | None) -> str:
    """A reason when a word later in the sentence may refer back to a noun of ``gender``.

    Two cases: the pronoun "het" (als u het nodig heeft), and a "dat"/"die" of the noun's
    gender further on in the clause (een product aanvragen dat past; het product van de
    gemeente dat ...). A conjunction "dat" looks the same, so this errs on the safe side.
    """
    toks = tokens(text, end, min(len(text), end + LOOK_AHEAD))
    cut = next((k for k, t in enumerate(toks) if t.text in SENTENCE_END), len(toks))
    toks = toks[:cut]
    clause = next((k for k, t in enumerate(toks) if t.text == "," and k > 0), len(toks))
    for k, t in enumerate(toks):
        if skip is not None and t.start == skip.start:
            continue
        nxt = toks[k + 1].text if k + 1 < len(toks) and toks[k + 1].is_word else None
        after = toks[k + 2].text if k + 2 < len(toks) and toks[k + 2].is_word else None
        if gender == nl.HET and t.low == "het" and nl.is_pronoun_het(nxt, after):
            return f"'{t.text}' verderop in de zin kan naar dit woord verwijzen"
        if k <= min(clause, 8) and nl.relative_gender(t.low) == gender:
            return f"'{t.text}' verderop in de zin kan naar dit woord verwijzen"
    return ""


ECHO_REACH = 50  # characters on each side of a word where its replacement must not stand yet
ECHO_WORD = re.compile(r"[^\W\d_]+")
INFLECTED = ("", "e", "en", "n", "s")  # gecontracteerd(e), dienst(en), voorziening(en)


def echoes(replacement: str, text: str, start: int, end: int) -> bool:
    """Whether a word of ``replacement`` for ``text[start:end]`` stands near it already, in
    any inflection: "Diensten en diensten" for "Producten en diensten", "wordt
    gecontracteerd bij gecontracteerde aanbieders", "tevredenheid van inwoners onder onze
    inwoners". A word the original holds does not count (producten- en dienstencatalogus
    -> dienstencatalogus, klanttevredenheid -> tevredenheid van inwoners)."""
    own = text[start:end].lower()
    said = [w for w in ECHO_WORD.findall(replacement.lower()) if len(w) >= 4 and w not in own]
    if not said:
        return False
    around = text[max(0, start - ECHO_REACH) : start] + " " + text[end : end + ECHO_REACH]
    words = set(ECHO_WORD.findall(around.lower()))
    return any(
        any(w + ending in words for ending in INFLECTED)
        or any(n + ending == w for n in words for ending in INFLECTED[1:])
        for w in said
    )


# a coordination: "producten en diensten", "diensten, producten", "producten en/of diensten";
# COORDINATED_AFTER and _BEFORE find the word (``other``) a watched word stands beside
CONJUNCTION = r"\s*(?:,|&|/|\ben/of\b|\ben\b|\bof\b)\s*"
# after the word an article may open the other ("de inkoop en het contracteren"); before
# it, "of de" is as often "whether the" ("UWV beoordeelt of de klant ..."), so not there
ARTICLE = r"(?:(?:de|het|een)\s+)?"
COORDINATED_AFTER = re.compile(rf"{CONJUNCTION}{ARTICLE}(?P<other>[^\W\d_]+)")
COORDINATED_BEFORE = re.compile(rf"(?P<other>[^\W\d_]+){CONJUNCTION}$")


def doubles(replacement: str, text: str, start: int, end: int) -> str:
    """The word coordinated with ``text[start:end]`` that ``replacement`` would write a
    second time, in any inflection, or "": "inkoop en contractering" must not become
    "contractering en contractering", nor "klanten en werkzoekenden" "werkzoekenden en
    werkzoekenden". Stricter than ``echoes``: the two would stand side by side."""
    after = COORDINATED_AFTER.match(text, end)
    before = COORDINATED_BEFORE.search(text, max(0, start - 40), start)
    partners = [found.group("other") for found in (before, after) if found]
    said = [w for w in ECHO_WORD.findall(replacement.lower()) if len(w) >= 4]
    for partner in partners:
        low = partner.lower()
        for w in said:
            if _one_stem(low, w) or any(low == w + e or w == low + e for e in INFLECTED):
                return partner
    return ""


def _one_stem(a: str, b: str) -> bool:
    """Whether two words are forms of one stem that differ in an ending of at most three
    letters: contractering and contracteren (not inwoners and inwonersparticipatie)."""
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    return same >= 6 and len(a) - same <= 3 and len(b) - same <= 3
