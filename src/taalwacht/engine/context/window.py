"""The text around one occurrence: its clause, sentence, neighbours and passage, and the
cue words in each, every question answered once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from taalwacht.dutch.sentences import sentence_bounds, sentence_end, sentence_start
from taalwacht.engine.context.cues import DOC_REACH, CueIndex

WORD = re.compile(r"\w+(?:-\w+)*")
WORDS = re.compile(r"[\w'-]+")
PARENTHESIS = re.compile(r"^\s*\([^)]{0,30}\)")  # Klantdossier (DKD) is de term


@dataclass(frozen=True)
class Rare:
    """A pattern looked for only where one of its words stands: a substring test costs a
    tenth of a regular expression's walk over a long legal sentence, and most have none."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]  # every match holds one of these
    # every match starts where the word (a run of ``\w``) that holds one of ``words``
    # starts: then no match starts before the first of them, and the walk starts there
    in_word: bool = False

    def search(self, lower: str, span: tuple[int, int]) -> re.Match[str] | None:
        lo, hi = span
        if self.in_word:
            return self._search_from_word(lower, lo, hi)
        for word in self.words:  # a loop, not any(): no generator for each of many calls
            if lower.find(word, lo, hi) >= 0:
                return self.pattern.search(lower, lo, hi)
        return None

    def _search_from_word(self, lower: str, lo: int, hi: int) -> re.Match[str] | None:
        """``search`` from the start of the word that holds the first of ``words``: a
        passage-long walk of a pattern that tries a word at each word start costs ten times
        the substring tests (the tariff law's words in 3,000 characters around each word)."""
        first = -1
        for word in self.words:
            # once one is found, the others need only be looked for where they would start
            # before it
            at = lower.find(word, lo, hi if first < 0 else first + len(word) - 1)
            if at >= 0:
                first = at
        if first < 0:
            return None
        while first > lo and (lower[first - 1].isalnum() or lower[first - 1] == "_"):
            first -= 1  # back to the start of its word: \w is alphanumeric or "_"
        return self.pattern.search(lower, first, hi)


class Window:
    """The text around one occurrence: its sentence, the sentences next to it, the passage.

    A plain class with slots, not a dataclass: one is made for nearly every occurrence, and
    the words and spans around it are read when first asked."""

    __slots__ = (
        "_after",
        "_before",
        "_clause",
        "_found",
        "_near",
        "end",
        "index",
        "lower",
        "passage",
        "sent",
        "start",
        "text",
    )

    def __init__(
        self,
        lower: str,
        start: int,
        end: int,
        sent: tuple[int, int],
        text: str,
        index: CueIndex,
    ) -> None:
        self.lower = lower
        self.start = start
        self.end = end
        self.sent = sent
        self.text = text
        self.index = index
        self.passage = (max(0, start - DOC_REACH), min(len(lower), end + DOC_REACH))
        self._found: dict[tuple[str, int, int], list[str]] = {}
        # The words either side, each side read once when first asked: the frames read
        # both, but a word its passage already decides (``same_sense``, a tariff) never gets
        # there. None: not read yet (a plain attribute: cached_property locks on first read)
        self._before: list[str] | None = None
        self._after: list[str] | None = None
        # the spans around the sentence, found when first asked (plain attributes, not
        # cached_property, for the same reason)
        self._near: tuple[int, int] | None = None
        self._clause: tuple[int, int] | None = None

    @classmethod
    def around(cls, text: str, index: CueIndex, start: int, end: int) -> Window:
        return cls(index.lower, start, end, sentence_bounds(text, start, end), text, index)

    @property
    def near(self) -> tuple[int, int]:
        """The sentence with the one before and the one after it (found when first asked)."""
        near = self._near
        if near is None:
            s, e = self.sent
            before = sentence_start(self.text, s - 2) if s > 1 else s
            after = sentence_end(self.text, e + 1) if e + 1 < len(self.text) else e
            near = self._near = (min(before, s), max(after, e))
        return near

    def _matches(self, name: str, span: tuple[int, int]) -> list[str]:
        """Cues of list ``name`` in ``span``; each question is answered once per window."""
        key = (name, *span)
        found = self._found.get(key)
        if found is None:
            found = self.index.find(name, span[0], span[1], (self.start, self.end))
            self._found[key] = found
        return found

    def found(self, name: str, *, near: bool = False) -> list[str]:
        """The cues of list ``name`` in the sentence (or with its neighbours), in order."""
        return self._matches(name, self.near if near else self.sent)

    def count(self, name: str, *, near: bool = False) -> int:
        return len(self.found(name, near=near))

    def first(self, name: str, *, near: bool = False) -> str:
        found = self.found(name, near=near)
        return found[0] if found else ""

    def found_passage(self, name: str) -> list[str]:
        """The cues of list ``name`` in the passage, in order."""
        return self._matches(name, self.passage)

    def first_passage(self, name: str) -> str:
        found = self.found_passage(name)
        return found[0] if found else ""

    def count_passage(self, name: str) -> int:
        """Cues in the passage around the sentence (DOC_REACH characters either side)."""
        return len(self.found_passage(name))

    def leaning(self, a: str | tuple[str, ...], b: str, *, passage: bool = True) -> int:
        """Positive when cue list ``a`` outweighs ``b`` here: sentence first, then
        neighbours, then (unless ``passage`` is False) the passage; 0 when all are neutral."""
        spans = (self.clause, self.sent, self.near)
        names = (a,) if isinstance(a, str) else a
        for span in (*spans, self.passage) if passage else spans:
            diff = sum(len(self._matches(n, span)) for n in names) - len(self._matches(b, span))
            if diff:
                return diff
        return 0

    @property
    def clause(self) -> tuple[int, int]:
        """The part of the sentence between semicolons: 'een supermarkt wil dat de klant
        terugkomt; een sociale dienst hoopt ...' sets the two halves apart."""
        clause = self._clause
        if clause is None:
            s, e = self.sent
            left = self.lower.rfind(";", s, self.start)
            right = self.lower.find(";", self.end, e)
            clause = self._clause = (left + 1 if left >= 0 else s, right if right >= 0 else e)
        return clause

    def beside(self, reach: int, within: tuple[int, int]) -> tuple[int, int]:
        """The few words either side of the word (``reach`` characters), inside ``within``."""
        return max(within[0], self.start - reach), min(within[1], self.end + reach)

    def words_before(self, n: int) -> list[str]:
        before = self._before
        if before is None:
            lead = max(self.sent[0], self.start - 60)
            before = self._before = WORDS.findall(self.lower, lead, self.start)
        return before[-n:]

    def words_after(self, n: int) -> list[str]:
        """The next ``n`` words of the sentence, skipping a parenthesis: 'Klantdossier (DKD) is'."""
        after = self._after
        if after is None:
            rest = self.lower[self.end : min(self.sent[1], self.end + 60)]
            if "(" in rest:
                rest = PARENTHESIS.sub("", rest)
            after = self._after = WORDS.findall(rest)
        return after[:n]
