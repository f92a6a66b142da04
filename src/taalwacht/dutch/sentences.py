"""Sentences: where the sentence around a word begins and ends, in bounded reach so that
huge lines stay linear."""

from __future__ import annotations

import re

SENTENCE_REACH = 400  # characters looked at on either side, so huge lines stay linear
SENTENCE_END = re.compile(r"[.!?](?=[ \t])|\n")
LAST_SENTENCE_END = re.compile(r".*(?:[.!?][ \t]|\n)", re.DOTALL)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, for headings and list items) around ``text[start:end]``."""
    return sentence_start(text, start), sentence_end(text, end)


def sentence_start(text: str, start: int) -> int:
    """Where the sentence that holds ``start`` begins (``sentence_bounds``'s first half:
    the sentences either side of a word need one end each)."""
    lo = max(0, start - SENTENCE_REACH)
    last = LAST_SENTENCE_END.match(text, lo, start)  # greedy: the last end before the word
    s = last.end() if last else lo
    return min(s, start)


def sentence_end(text: str, end: int) -> int:
    """Where the sentence that holds ``end`` ends (``sentence_bounds``'s second half)."""
    hi = min(len(text), end + SENTENCE_REACH)
    found = SENTENCE_END.search(text, end, hi)
    e = hi if found is None else found.start() + (1 if found.group() != "\n" else 0)
    return max(e, end)
