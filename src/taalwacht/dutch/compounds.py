"""Compound splitting: is a watched form a member of this word, or only a look-alike?

Dutch writes compounds as one word (bijstandsklanten, klantcontactcentrum), so a watched
form can sit anywhere in a word. It counts as a member only when the rest of the word
splits into real lexicon words, joined by the Dutch linking morphemes -s-, -en-, -e-, -er-.
That keeps productie, producent and reproductie out: "ie" and "re" are not members.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from taalwacht.dutch.lexicon import is_word

LINKS = ("s", "en", "e", "er")  # linking morphemes between compound members
MIN_PART = 3  # shorter lexicon entries (ie, re, en) are too often accidents inside words
MAX_WORD = 60  # longer "words" are not Dutch text; they are not split


# Vowel pairs that read as one sound. Where a compound's first member ends in the first
# letter and the next one opens with the second, Dutch spelling writes a hyphen between
# them (klinkerbotsing: situatie-eigenaar, auto-ongeluk, politie-inzet), but not where the
# pair does not merge (gemeenteambtenaar).
MERGING_VOWELS = frozenset("aa ae ai au ee ei eu ie ij oe oi oo ou ui uu".split())


def collide(first: str, second: str) -> bool:
    """Whether the vowels where two members meet would merge into one sound (situatie|eigenaar)."""
    return (first[-1:] + second[:1]).lower() in MERGING_VOWELS


def join(first: str, second: str) -> str:
    """Two compound members written as one word, with the hyphen of a vowel collision:
    situatie + eigenaar -> situatie-eigenaar, inwoner + onderzoek -> inwoneronderzoek."""
    return f"{first}-{second}" if collide(first, second) else first + second


@dataclass(frozen=True)
class Member:
    """A watched form found as a member of a word: ``word[start:end]`` is the form."""

    start: int
    end: int
    form: str  # the watched form, lower case, e.g. "klanten"
    key: object  # what the caller attached to the form (term and slot)

    def left(self, word: str) -> str:
        return word[: self.start]

    def right(self, word: str) -> str:
        return word[self.end :]


WORD_PARTS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
HYPHENATED = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")  # situatie-eigenaar, Wmo-inwoners


def coined_word(old: str, new: str, *, free: bool) -> str:
    """The first word of ``new``, written for ``old``, that Dutch does not have, or "".

    A compound made by swapping one member (Klantnummer -> Inwonernummer, klantgegevens ->
    werkzoekendegegevens) must be a word of the lexicon; a replacement that compounds
    ``free``ly may make compounds of lexicon words (contracteringsbeleid), and so may the
    writer's own compound without its first member (klantcontactkanalen -> contactkanalen:
    Dutch compounds are right-headed, so what is left is the head the writer wrote); the
    parts a hyphen keeps apart (Wmo-inwoners) and the words ``old`` had are taken as they are.
    """
    kept = {m.group().lower() for m in WORD_PARTS.finditer(old)}
    text, written = new, {}
    if "-" not in old:
        # a hyphen the replacement got at a vowel collision makes no second word: the
        # compound is judged whole (situatie-eigenaar as situatieeigenaar), unless the
        # lexicon has it with its hyphen
        for m in HYPHENATED.finditer(new):
            if collide(m.group(1), m.group(2)) and not is_word(m.group().lower()):
                written[m.group(1) + m.group(2)] = m.group()
        for whole, hyphenated in written.items():
            text = text.replace(hyphenated, whole)
    for m in WORD_PARTS.finditer(text):
        word = m.group().lower()
        if word in kept or len(word) <= 2 or is_word(word):
            continue
        own_head = any(k.endswith(word) for k in kept)
        # a member before a hyphen is a first member, whose head follows the hyphen
        # (tevredenheids-onderzoek) or the next word gives ("contracterings- en
        # uitvoeringskader"): it ends in its linking s, as it does inside the compound
        first_member = text[m.end() : m.end() + 1] == "-"
        if (free or own_head) and segments(word, trailing_link=first_member) < NO_SPLIT:
            continue  # contracterings|beleid; contact|kanalen of (klant)contactkanalen
        return written.get(m.group(), m.group())
    return ""


def is_modifier_part(part: str, lookup: Callable[[str], bool] = is_word) -> bool:
    """True when ``part`` can stand before a compound member: words, optionally + link.

    ``bijstands`` (bijstand + s) and ``jeugdhulp`` (jeugd + hulp) can; ``re`` cannot.
    """
    return _splits(part, trailing_link=True, lookup=lookup)


S_SUFFIXES = ("heid", "ing", "teit", "schap", "dom", "tie", "sel")  # take a linking -s-


def head_link(part: str, lookup: Callable[[str], bool] = is_word, after: str = "") -> str | None:
    """The linking morpheme ``part`` opens with ("" for none), or None if it is no head.

    After -heid, -ing, -teit, -schap, -dom, -tie and -sel Dutch writes a linking s
    (tevredenheid-s-onderzoek), so there an opening s is read as the link first.
    """
    order = ("s", "", "en") if after.endswith(S_SUFFIXES) else ("", "s", "en")
    for link in order:
        if part.startswith(link) and _splits(part[len(link) :], trailing_link=False, lookup=lookup):
            return link
    return None


def _splits(part: str, *, trailing_link: bool, lookup: Callable[[str], bool]) -> bool:
    return _splits_cached(part, trailing_link, lookup)


@lru_cache(maxsize=65536)
def _splits_cached(part: str, trailing_link: bool, lookup: Callable[[str], bool]) -> bool:
    return _segment(part, trailing_link, lookup)


def segments(part: str, *, trailing_link: bool, lookup: Callable[[str], bool] = is_word) -> int:
    """The fewest lexicon words ``part`` splits into (0 for an empty part, a large number
    when it does not split): ``structuur`` is 1, ``truc|tuur`` 2."""
    if not part:
        return 0
    return _segments_cached(part, trailing_link, lookup)


NO_SPLIT = 99
DERIVATIONS = ("ie", "io", "iv")  # productie, productioneel, productiviteit


@lru_cache(maxsize=65536)
def _segments_cached(part: str, trailing_link: bool, lookup: Callable[[str], bool]) -> int:
    """Dynamic programme like ``_segment``, counting words instead of only reaching the end."""
    n = len(part)
    if n < MIN_PART or n > MAX_WORD:
        return NO_SPLIT
    words = [NO_SPLIT] * (n + 1)  # fewest words ending exactly here
    linked = [NO_SPLIT] * (n + 1)  # fewest words, then a linking morpheme, ending here
    words[0] = 0
    for i in range(n + 1):
        best = min(words[i], linked[i])
        if best >= NO_SPLIT:
            continue
        if i > 0 and words[i] < NO_SPLIT:
            for link in LINKS:
                j = i + len(link)
                if j <= n and part.startswith(link, i):
                    linked[j] = min(linked[j], words[i])
        for j in range(i + MIN_PART, n + 1):
            if lookup(part[i:j]):
                words[j] = min(words[j], best + 1)
    return min(words[n], linked[n]) if trailing_link else words[n]


def _segment(part: str, trailing_link: bool, lookup: Callable[[str], bool]) -> bool:
    """Dynamic programme over positions: words of MIN_PART+ letters, links between them."""
    n = len(part)
    if n < MIN_PART or n > MAX_WORD:
        return False
    word_end = [False] * (n + 1)  # a word ends here
    link_end = [False] * (n + 1)  # a word and a linking morpheme end here
    word_end[0] = True  # a virtual start; a link may not open the part
    for i in range(n + 1):
        if i > 0 and not (word_end[i] or link_end[i]):
            continue
        if i > 0 and word_end[i]:
            for link in LINKS:
                j = i + len(link)
                if j <= n and part.startswith(link, i):
                    link_end[j] = True
        if i == n:
            break
        for j in range(i + MIN_PART, n + 1):
            if lookup(part[i:j]):
                word_end[j] = True
    if trailing_link:
        return word_end[n] or link_end[n]
    return word_end[n]


def find_members(
    word: str,
    hits: Iterable[tuple[int, int, str, object]],
    *,
    allows: Callable[[object, bool, bool], bool],
    lookup: Callable[[str], bool] = is_word,
) -> Member | None:
    """The best watched member of ``word`` (lower case), or None for a look-alike.

    ``hits`` are (start, end, form, key) occurrences of watched forms inside the word;
    ``allows(key, has_left, has_right)`` says whether the form may stand there (a linking
    form such as "klanten" of klantenservice needs a right part, a term marked
    ``compound: none`` neither). Of the valid splits the most balanced wins (the largest
    product of part lengths, as in Koehn & Knight's splitter): klantcontact|centrum beats
    klant|contactcentrum, and concern|staf beats concerns|taf.
    """
    found = list(hits)
    forms = {(start, form) for start, _, form, _ in found}
    best: Member | None = None
    best_score = (-NO_SPLIT * 2, 0, 0)
    for start, end, form, key in found:
        left, right = word[:start], word[end:]
        if not allows(key, bool(left), bool(right)):
            continue
        if left and not is_modifier_part(left, lookup):
            continue
        link = head_link(right, lookup, after=form) if right else ""
        if link is None:
            continue
        if _longer_word(word, start, end, forms, lookup):
            continue
        if right.startswith(DERIVATIONS) and not lookup(right):
            continue  # product|ioneel, product|iviteit: a Latin derivation, no compound
        parts = segments(left, trailing_link=True, lookup=lookup) + segments(
            right[len(link) :], trailing_link=False, lookup=lookup
        )
        # a link belongs to the member before it: producten|raming, not product|enraming
        balance = max(len(left), 1) * (end - start) * max(len(right) - len(link), 1) - len(link)
        # fewest parts first (concern|structuur, not concerns|truc|tuur), then the most
        # balanced split, then the longer, more specific member
        score = (-parts, balance, end - start)
        if score > best_score:
            best, best_score = Member(start, end, form, key), score
    return best


def _longer_word(
    word: str, start: int, end: int, forms: set[tuple[int, str]], lookup: Callable[[str], bool]
) -> bool:
    """Whether the letters from the member on are better read as a longer word that is not
    a compound with it: productie|registratiesysteem holds no product, Productie|keten none.

    The longer word must not be another watched form (klanten of klant) and must not itself
    continue the member with a head (inkoop|beleid is a compound of inkoop), and the rest of
    the word after it must be a head of its own.
    """
    for k in range(len(word), end, -1):
        longer = word[start:k]
        if (start, longer) in forms or not lookup(longer):
            continue
        if head_link(longer[end - start :], lookup) is not None:
            continue  # the longer word is itself a compound with the member
        rest = word[k:]
        if not rest or head_link(rest, lookup) is not None:
            return True
    return False
