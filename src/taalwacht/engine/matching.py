"""Where a set of strings occurs in a text: every occurrence, overlapping ones too, in one
Aho-Corasick pass.

The engine walks every text it checks once for the watched forms and the text around
each watched word once more for the cue words (``context/cues.py``). Those walks are most
of what a check costs beyond its decisions, so they are the Rust aho-corasick crate's
(``ahocorasick_rs``), as a DFA: over the lower-cased shared corpus (54 MB, its UTF-8 bytes)
the watched forms take 0.12 s where pyahocorasick took 0.24 s, even with the forms cut to
anchors that start with a rarer letter, and the cue blocks (5.2 MB) 0.035 s instead of
0.071 s. The decisions are the same: a standard Aho-Corasick walk reports the same hits
in the same order whichever library makes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import Generic, TypeVar

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation

V = TypeVar("V")

# UTF-8, which the crate reads, cannot hold a lone surrogate (a file decoded with
# surrogateescape); a placeholder of one character keeps every index, and no string looked
# for holds one
SURROGATE = re.compile("[\ud800-\udfff]")


class Matcher(Generic[V]):
    """Strings to look for, each with a value that a hit carries.

    ``dfa``: a DFA reads long texts fastest, but costs more to build. A matcher that reads
    single words (a compound's members among a cue list's entries; a check of one letter
    builds a dozen) is an NFA, built in a fifth of the time, and so is one of many long
    strings, whose DFA would take gigabytes. Each automaton, of the strings or of their
    UTF-8 bytes, is built when first used."""

    def __init__(self, strings: Mapping[str, V], *, dfa: bool = True) -> None:
        self._keys = [key for key in strings if key]
        self._values = [strings[key] for key in self._keys]
        self._kind = Implementation.DFA if dfa else Implementation.NoncontiguousNFA

    @cached_property
    def _text(self) -> AhoCorasick | None:
        return AhoCorasick(self._keys, implementation=self._kind) if self._keys else None

    @cached_property
    def _bytes(self) -> BytesAhoCorasick | None:
        keys = [key.encode() for key in self._keys]
        return BytesAhoCorasick(keys, implementation=self._kind) if keys else None

    def hits(self, text: str) -> list[tuple[int, V]]:
        """Every occurrence of every string in ``text`` as (index of its last character, its
        value): by that index, and the longer string first where two end at one place, as a
        standard Aho-Corasick walk reports them (pyahocorasick's ``iter`` did too)."""
        automaton = self._text
        if automaton is None or not text:
            return []
        try:
            found = automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            found = automaton.find_matches_as_indexes(
                SURROGATE.sub("\ufffd", text), overlapping=True
            )
        values = self._values
        return [(end - 1, values[index]) for index, _, end in found]

    def hits_in_utf8(self, raw: bytes) -> list[tuple[int, V]]:
        """``hits`` in the text whose UTF-8 bytes are ``raw`` (a lone surrogate passed),
        with indices in characters. For a whole text whose bytes are at hand, as they are
        when its lower case is made (``tokens.lower_utf8``): the matcher then needs no
        encoding of its own, and a hit's index is counted by decoding the bytes up to it,
        which for the shared corpus takes 0.12 s where ``hits`` of the decoded text took
        0.19 s."""
        automaton = self._bytes
        if automaton is None:
            return []
        found = automaton.find_matches_as_indexes(raw, overlapping=True)
        values = self._values
        if raw.isascii():  # a byte is a character
            return [(end - 1, values[index]) for index, _, end in found]
        out: list[tuple[int, V]] = []
        byte_at = char_at = 0
        for index, _, end in found:  # by end; UTF-8 lets a string match only whole characters
            char_at += len(raw[byte_at:end].decode("utf-8", "surrogatepass"))
            byte_at = end
            out.append((char_at - 1, values[index]))
        return out
