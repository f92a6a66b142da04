"""Words around a position, with exact offsets into the original text.

The engine finds candidates with one linear scan and asks this module for the word each
candidate sits in. A word is a run of letters and digits, joined by single hyphens or
apostrophes (Wmo-klanten, KCC's) and by a hyphen at a line break (klant-\\nmanager).
Spans are half-open ``[start, end)`` indices into the text, never into a normalised copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
HYPHEN = f"[{HYPHENS}]"  # any one of them, in a pattern
APOSTROPHES = "'\u2019"
SOFT_HYPHEN = "\u00ad"
MAX_TOKEN = 80  # a "word" longer than this is not Dutch text (base64, hashes): skip it
JOINER = re.compile(f"[{HYPHENS}{APOSTROPHES}]")
ALNUM_RUN = re.compile(r"[^\W_]+")  # what str.isalnum accepts, for a whole run at once


# ASCII characters that end a word wherever they stand: every one but letters, digits,
# joiners and, before a word, the white space a line-break hyphen may stand behind
ENDS_WORD_AFTER = frozenset(chr(i) for i in range(128) if not chr(i).isalnum()) - {"-", "'"}
ENDS_WORD_BEFORE = ENDS_WORD_AFTER - {" ", "\t", "\n"}


def is_word_char(c: str) -> bool:
    """Letters, digits, combining marks and the soft hyphen belong inside a word."""
    if c.isalnum():
        return True
    # ASCII punctuation and spaces are the common case: no Unicode lookup for them
    return c > "\x7f" and (c == SOFT_HYPHEN or unicodedata.category(c).startswith("M"))


@dataclass(frozen=True)
class Token:
    """A word in the text: its span and its parts between hyphens, lower-cased."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]  # spans of the hyphen-separated parts

    def part_texts(self, lower: str) -> list[str]:
        return [lower[s:e].replace(SOFT_HYPHEN, "") for s, e in self.parts]

    def joined(self, lower: str) -> str:
        """The word without hyphens, line breaks or soft hyphens: klantmanager."""
        return "".join(self.part_texts(lower))


def _line_break_hyphen_before(text: str, i: int) -> int | None:
    """If ``text[:i]`` ends with letter + hyphen + line break (and the next line's indent),
    return the hyphen's index: the mirror of ``_line_break_after_hyphen``, so a word split
    over an indented line is the same word from either half."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j > 0 and text[j - 1] == "\n":
        j -= 1
        if j > 0 and text[j - 1] == "\r":
            j -= 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j > 1 and text[j - 1] in HYPHENS and is_word_char(text[j - 2]):
            return j - 1
    return None


def _line_break_after_hyphen(text: str, i: int) -> int | None:
    """If ``text[i]`` is a hyphen that ends a line and a lower-case word goes on, return where."""
    n = len(text)
    if i >= n or text[i] not in HYPHENS:
        return None
    j = i + 1
    while j < n and text[j] in " \t":
        j += 1
    if j < n and text[j] == "\r":
        j += 1
    if j < n and text[j] == "\n":
        j += 1
        while j < n and text[j] in " \t":
            j += 1
        if j < n and text[j].islower():
            return j
    return None


def word_at(text: str, start: int, end: int) -> Token | None:
    """The word that contains ``text[start:end]``, or None when it is not part of a word."""
    n = len(text)
    if not ALNUM_RUN.search(text, start, end) and not any(is_word_char(c) for c in text[start:end]):
        return None
    s, e = start, end
    while s > 0:
        c = text[s - 1]
        if c.isalnum():  # the common case, without the calls below
            s -= 1
            if e - s > MAX_TOKEN:
                return None
            continue
        if c in ENDS_WORD_BEFORE:  # the other common case: a space or a full stop
            break
        joiner = c in HYPHENS or c in APOSTROPHES
        if is_word_char(c) or (joiner and s > 1 and is_word_char(text[s - 2])):
            s -= 1
        elif (h := _line_break_hyphen_before(text, s)) is not None and text[s].islower():
            s = h
        else:
            break
        if e - s > MAX_TOKEN:
            return None
    while e < n:
        run = ALNUM_RUN.match(text, e, min(n, s + MAX_TOKEN + 1))
        if run:  # letters and digits in one step; joiners and marks below
            e = run.end()
            if e - s > MAX_TOKEN:
                return None
            if e >= n:
                break
        c = text[e]
        if c in ENDS_WORD_AFTER:
            break
        joiner = c in HYPHENS or c in APOSTROPHES
        if is_word_char(c) or (joiner and e + 1 < n and is_word_char(text[e + 1])):
            e += 1
        elif (nxt := _line_break_after_hyphen(text, e)) is not None:
            e = nxt
        else:
            break
        if e - s > MAX_TOKEN:
            return None
    return Token(s, e, _parts(text, s, e))


def _parts(text: str, s: int, e: int) -> tuple[tuple[int, int], ...]:
    """The spans between the joiners of a word: hyphens, apostrophes, line-break hyphens."""
    if not JOINER.search(text, s, e):
        return ((s, e),)  # most words are one part
    parts: list[tuple[int, int]] = []
    pos = i = s
    while i < e:
        c = text[i]
        if c in HYPHENS or c in APOSTROPHES:
            j = i + 1
            while j < e and not is_word_char(text[j]):
                j += 1  # a line break (and spaces) after a hyphen belong to the joiner
            parts.append((pos, i))
            pos = i = j
        else:
            i += 1
    parts.append((pos, e))
    return tuple(p for p in parts if p[1] > p[0])


def next_word(text: str, i: int, *, max_gap: int = 1) -> Token | None:
    """The word that starts after ``i`` past at most ``max_gap`` spaces, or None."""
    j = i
    while j < len(text) and text[j] == " " and j - i < max_gap:
        j += 1
    if j == i or j >= len(text) or not is_word_char(text[j]):
        return None
    return word_at(text, j, j + 1)


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping every character in place so offsets stay valid.

    A few characters lower-case to two (İ becomes i + combining dot); those keep their
    original form, so index ``i`` of the result always corresponds to index ``i`` of text.
    """
    return lower_utf8(text)[0]


def lower_utf8(text: str) -> tuple[str, bytes]:
    """``lower_same_length(text)`` and its UTF-8 bytes (a lone surrogate passed as it is).
    The engine's first pass reads the bytes (``Matcher.hits_in_utf8``); where the lower
    case is made from the text's bytes, as for most Dutch text, they come with it."""
    if text.isascii():
        low = text.lower()  # CPython's own fast path
        return low, low.encode("ascii")
    lowered = _lowered_utf8(text)
    if lowered is not None:
        return lowered.decode(), lowered
    low = _lower_each(text)
    return low, low.encode("utf-8", "surrogatepass")


def _lower_each(text: str) -> str:
    """``text.lower()`` for a text with a capital outside ASCII; where that changes the
    length, each character lowered alone and one that would become two kept as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


ASCII = bytes(range(128))
ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def _lowered_utf8(text: str) -> bytes | None:
    """The UTF-8 bytes of ``text.lower()`` for a text whose only capitals are ASCII ones,
    as in most Dutch text that is not pure ASCII (curly quotes, dashes and é are no
    capitals), else None.

    ``str.lower`` maps every character of such a text through the full Unicode tables
    (0.18 s for the 54 MB shared corpus); translating the UTF-8 bytes of its ASCII capitals
    takes 0.11 s, the check that no other character changes included.
    """
    try:
        raw = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return None
    others = raw.translate(None, ASCII).decode()  # every character that is not ASCII
    if others.lower() != others:
        return None  # a capital É, a Greek Σ (whose lower case depends on its place), İ
    return raw.translate(ASCII_LOWER)
