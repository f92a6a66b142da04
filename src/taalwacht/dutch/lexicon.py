"""The shipped OpenTaal word list, loaded only when it is really needed.

Most checks never need it: a word that is exactly a watched form (klant, klanten) is
recognised without a lexicon, and a compound of the bundled pack that is itself in the
word list (klantcontactcentrum, bijstandsklanten) is split with the small *core* list:
every lexicon word that contains a watched form, plus every lexicon word inside those.
The 358k-word list is read the first time a word outside the core turns up (a new
compound, or a term from an organisation's own pack), so checking a letter stays quick.

Both lists come from the OpenTaal word list (BSD or CC-BY 3.0, data/LICENSE-OpenTaal.txt)
and are built by tools/build_lexicon.py; ``data/lexicon-extra.txt`` adds the few words the
list lacks: loan words and the compounds labellers wrote as replacements.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from taalwacht.dutch.wordlists import entries


@cache
def words() -> list[str]:
    """All common (lower-case) words of the OpenTaal list, sorted as the file is.

    A sorted list searched by bisection reads in a third of the time a set takes to
    build, which is what a short run notices; lookups are memoised by the splitter.
    """
    return _read("lexicon.txt.gz").split("\n")


def _in_words(word: str) -> bool:
    listed = words()
    i = bisect_left(listed, word)
    return i < len(listed) and listed[i] == word


@dataclass(frozen=True)
class Core:
    """Lexicon words holding an indexed stem, and the lexicon words inside them."""

    stems: tuple[str, ...]  # the watched forms the core was built for
    stem_words: frozenset[str]  # every lexicon word that contains one of the stems
    words: frozenset[str]  # stem_words plus every lexicon word that is part of one

    def covers(self, word: str) -> bool:
        """True when ``word`` holds an indexed stem: then it is a word iff it is in the core."""
        return any(stem in word for stem in self.stems)


@cache
def core() -> Core:
    """The small core list (tens of kilobytes), read on the first compound."""
    lines = _read("lexicon-core.txt.gz").split("\n")
    stems = tuple(lines[0].removeprefix("# stems: ").split())
    split = lines.index("# parts")
    stem_words = frozenset(lines[1:split])
    return Core(stems, stem_words, stem_words | frozenset(lines[split + 1 :]))


@cache
def extra() -> frozenset[str]:
    """Words the OpenTaal list lacks (``data/lexicon-extra.txt``): loan words, so that
    compounds with them split (concern|control), and compounds labellers wrote as
    replacements, so that ``fix`` may write them (dienstteksten)."""
    return frozenset(entries("lexicon-extra.txt"))


def is_word(word: str) -> bool:
    """True when the lower-case ``word`` is in the Dutch lexicon."""
    if word in extra():
        return True
    if words.cache_info().currsize:  # once the whole list is read, ask it directly
        return _in_words(word)
    c = core()
    if word in c.words:
        return True
    if c.covers(word):
        return False  # a lexicon word holding a stem would be in the core
    return _in_words(word)


def in_core(word: str) -> bool:
    """Lexicon membership for substrings of a core stem word (see ``lookup_for``)."""
    return word in core().words


def lookup_for(word: str) -> Callable[[str], bool]:
    """The cheapest exact lexicon lookup for ``word`` and every substring of it.

    A core stem word's lexicon substrings are all in the core, so for its parts the
    core alone gives the same answers as the whole lexicon.
    """
    return in_core if word in core().stem_words else is_word


def _read(name: str) -> str:
    raw = (resources.files("taalwacht.dutch") / "data" / name).read_bytes()
    return gzip.decompress(raw).decode("utf-8")
