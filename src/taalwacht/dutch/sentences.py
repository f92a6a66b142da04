"""Sentences: where the sentence around a word begins and ends, in bounded reach so that
huge lines stay linear."""

from __future__ import annotations

import re

SENTENCE_REACH = 400  # characters looked at on either side, so huge lines stay linear
SENTENCE_END = re.compile(r"[.!?](?=[ \t])|\n")
SENTENCE_MARKS = (". ", "\n", "? ", "! ", ".\t", "?\t", "!\t")  # the most common first


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, for headings and list items) around ``text[start:end]``."""
    lo = max(0, start - SENTENCE_REACH)
    s = lo
    for mark in SENTENCE_MARKS:  # the last sentence end before the word, found from the back
        i = text.rfind(mark, s, start)  # only a later end than found so far matters
        if i >= 0:
            s = i + len(mark)
    hi = min(len(text), end + SENTENCE_REACH)
    found = SENTENCE_END.search(text, end, hi)
    e = hi if found is None else found.start() + (1 if found.group() != "\n" else 0)
    return min(s, start), max(e, end)
