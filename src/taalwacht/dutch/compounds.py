"""Compound splitting: is a watched form a member of this word, or only a look-alike?

Dutch writes compounds as one word (bijstandsklanten, klantcontactcentrum), so a watched
form can sit anywhere in a word. It counts as a member only when the rest of the word
splits into real lexicon words, joined by the Dutch linking morphemes -s-, -en-, -e-, -er-.
That keeps productie, producent and reproductie out: "ie" and "re" are not members.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from taalwacht.dutch.lexicon import is_word

LINKS = ("s", "en", "e", "er")  # linking morphemes between compound members
MIN_PART = 3  # shorter lexicon entries (ie, re, en) are too often accidents inside words
MAX_WORD = 60  # longer "words" are not Dutch text; they are not split


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
    best: Member | None = None
    best_score = (0, 0)
    for start, end, form, key in hits:
        left, right = word[:start], word[end:]
        if not allows(key, bool(left), bool(right)):
            continue
        if left and not is_modifier_part(left, lookup):
            continue
        link = head_link(right, lookup, after=form) if right else ""
        if link is None:
            continue
        # a link belongs to the member before it: producten|raming, not product|enraming
        balance = max(len(left), 1) * (end - start) * max(len(right) - len(link), 1) - len(link)
        score = (balance, end - start)  # on a tie the longer, more specific member wins
        if score > best_score:
            best, best_score = Member(start, end, form, key), score
    return best
