"""Sentences: where the sentence around a word begins and ends, in bounded reach so that
huge lines stay linear."""

from __future__ import annotations

import re

SENTENCE_REACH = 400  # characters looked at on either side, so huge lines stay linear
SENTENCE_END = re.compile(r"[.!?](?=[ \t])|\n")
LAST_SENTENCE_END = re.compile(r".*(?:[.!?][ \t]|\n)", re.DOTALL)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, for headings and list items) around ``text[start:end]``."""
    lo = max(0, start - SENTENCE_REACH)
    last = LAST_SENTENCE_END.match(text, lo, start)  # greedy: the last end before the word
    s = last.end() if last else lo
    hi = min(len(text), end + SENTENCE_REACH)
    found = SENTENCE_END.search(text, end, hi)
    e = hi if found is None else found.start() + (1 if found.group() != "\n" else 0)
    return min(s, start), max(e, end)
