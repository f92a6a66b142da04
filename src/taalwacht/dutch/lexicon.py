"""The shipped OpenTaal word list, loaded on first use.

Most checks never need it: a word that is exactly a watched form (klant, klanten) is
recognised without a lexicon. Only a candidate compound has to be split against it, so
the 409k words are read the first time one turns up, not at start-up.
"""

from __future__ import annotations

import lzma
from functools import cache
from importlib import resources


@cache
def words() -> frozenset[str]:
    """All lower-cased words of the OpenTaal list (BSD or CC-BY 3.0, data/LICENSE-OpenTaal.txt)."""
    raw = (resources.files("taalwacht.dutch") / "data" / "lexicon.txt.xz").read_bytes()
    return frozenset(lzma.decompress(raw).decode("utf-8").split("\n"))


def is_word(word: str) -> bool:
    """True when the lower-cased ``word`` is in the Dutch lexicon."""
    return word in words()
