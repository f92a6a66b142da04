"""Cue words: where the words that point to commerce, public service, care, goods or another
sense stand in a document, read once per block (``dutch/data/cues/*.txt``)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache
from operator import itemgetter

from taalwacht.dutch.tokens import HYPHENS
from taalwacht.dutch.wordlists import entries
from taalwacht.engine.matching import Matcher
from taalwacht.model.finding import Decision

CUE_LISTS = ("commerce", "public", "care", "goods", "other_sense", "food")
# Lists whose cues still name the topic when denied: "geen uitkering", "zonder indicatie"
# speak of benefits and care all the same, where "geen winstoogmerk" points away from a firm
TOPICAL = frozenset({"care", "public"})
EXCEPT = "!"  # before a list's name: the hit is an exception to that list's cues

BLOCK = 1024  # the cue index reads a document in blocks, each at most once
OVERLAP = 40  # longer than any cue: a cue that starts in a block is found whole
DOC_REACH = 1500  # the wider text consulted when the sentence and its neighbours are neutral


class CueList:
    """Cue words and phrases of one list, matched on whole words.

    ``winkel*`` also matches longer words that start with it (winkels, winkelcentrum);
    ``*winkel*`` matches inside compounds too (fietsenwinkel); ``*zorg`` only at the end
    (jeugdzorg, not bezorging); ``=waarde`` is a compound member only when it is the whole
    member (klantwaarde, not klantwaardering); ``!burgerlijk wetboek`` holds no cue of the
    list although one stands in it (burger*): civil law is not the public service, nor are
    the businesses of "burgers en bedrijven" a market.
    """

    def __init__(self, name: str, entries: list[str]) -> None:
        self.name = name
        self.entries: list[tuple[str, bool, bool]] = []  # (text, whole at left, whole at right)
        self.names: set[str] = set()  # cues written with a capital: brand names such as Colruyt
        self.whole: set[str] = set()  # "=waarde": only a whole member (klantwaarde)
        self.exceptions: list[str] = []  # "!burgerlijk wetboek": a phrase that is no cue
        for e in entries:
            if e.startswith("!"):
                self.exceptions.append(e[1:].lower())
                continue
            if e.startswith("="):
                e = e[1:]
                self.whole.add(e.lower())
            left_free, right_free = e.startswith("*"), e.endswith("*")
            text = e.strip("*")
            if text != text.lower():
                self.names.add(text.lower())
            self.entries.append((text.lower(), not left_free, not right_free))

    def in_word(self, word: str) -> str:
        """A cue among the members of a compound: jeugdhulp in jeugdhulpinkoop, wmo in
        Wmo-klanten. Short cues must be a whole member; longer ones may sit anywhere."""
        return _cue_in_word(self.name, word)

    def _in_word(self, word: str) -> str:
        """The first entry of the list that the word holds as a member: each entry found
        inside the word (one pass of ``members``) is tested, the earliest in the list wins."""
        best = len(self.entries)
        for end, found in self.members.hits(word):
            for index, text, whole_left, whole_right in found:
                if index < best and (
                    word == text
                    or (not whole_right and end == len(text) - 1)
                    or (not whole_left and end == len(word) - 1)
                    or (len(text) >= 5 and text not in self.whole)
                ):
                    best = index
        return self.entries[best][0] if best < len(self.entries) else ""

    @cached_property
    def members(self) -> Matcher[list[tuple[int, str, bool, bool]]]:
        """The list's one-word entries, each with its place in the list."""
        by_text: dict[str, list[tuple[int, str, bool, bool]]] = {}
        for index, (text, whole_left, whole_right) in enumerate(self.entries):
            if " " not in text:
                by_text.setdefault(text, []).append((index, text, whole_left, whole_right))
        return Matcher(by_text, dfa=False)


@lru_cache(maxsize=65_536)  # bounded: a long-running server meets endless words
def _cue_in_word(name: str, word: str) -> str:
    return cues(name)._in_word(word)


# what a cue's hit carries: the cue, its length, whether it must start and end a word,
# whether a capital there can make it a name, and the lists it stands in with how whole
Cue = tuple[str, int, bool, bool, bool, tuple[tuple[str, bool, bool], ...]]


@cache
def _cue_matcher() -> Matcher[Cue]:
    """Every cue of every list in one matcher: cues are found in one pass."""
    keys: dict[str, Cue] = {}
    entries: dict[str, list[tuple[str, bool, bool]]] = {}
    for name in CUE_LISTS:
        for text, whole_left, whole_right in cues(name).entries:
            entries.setdefault(text, []).append((name, whole_left, whole_right))
        for text in cues(name).exceptions:  # found like a cue, then it cancels the cues
            entries.setdefault(text, []).append((EXCEPT + name, True, True))
    for key, value in entries.items():
        need_left = all(whole_left for _, whole_left, _ in value)
        need_right = all(whole_right for _, _, whole_right in value)
        # a capital after a title is a name (mevrouw Bakker), except for names on the list
        names_here = any(n == "commerce" and key not in cues(n).names for n, _, _ in value)
        found = (key, len(key), need_left, need_right, names_here, tuple(value))
        for hyphen in HYPHENS if "-" in key else "-":  # re-integratie, re‑integratie (PDF)
            keys[key.replace("-", hyphen)] = found
    return Matcher(keys)


TITLES = ("mevrouw", "meneer", "heer", "mw", "mw.", "dhr", "dhr.", "familie", "fam.", "mr.", "dr.")


def _after_title(lower: str, i: int) -> bool:
    """True when a title comes right before position ``i``: mevrouw Bakker, familie Winkel."""
    return lower[max(0, i - 9) : i].rstrip().endswith(TITLES)


# a cue denied points away from what it names ("een stichting zonder winstoogmerk", "wij zijn
# geen bedrijf"): the cue scan tests what stands right before each cue
DENIALS = ("geen ", "zonder ")


class CueIndex:
    """Where the cue words of one document are, read lazily block by block.

    Occurrences cluster, so neighbouring windows share blocks and each part of the text
    is scanned at most once, however many watched words it holds.
    """

    def __init__(self, text: str, lower: str) -> None:
        self.text = text
        self.lower = lower
        # block -> list -> (positions, cues), sorted by position
        self.blocks: dict[int, dict[str, tuple[list[int], list[str]]]] = {}
        # list -> (positions, cues) over every block read so far, sorted by position: a
        # lookup bisects one list instead of walking the blocks of a passage one by one
        self.lists: dict[str, tuple[list[int], list[str]]] = {}
        # a run of text whose blocks have all been read: most lookups fall inside it
        self.read_from = self.read_to = 0
        self.decided: list[tuple[int, str, Decision]] = []  # (start, term, decision) so far

    def remember(self, start: int, term: str, decision: Decision) -> None:
        """Record a decision: later words in the same passage lean on it."""
        self.decided.append((start, term, decision))

    def earlier(self, start: int, decision: Decision, term: str = "") -> bool:
        """Whether a word before ``start`` in the passage got ``decision`` (for ``term``).

        One sense per passage: a text about a food concern's leadership is about the
        company in its next sentence too, and a text that uses one watched word for the
        municipality (productenraming) is about the municipality around it.
        """
        for pos, t, d in reversed(self.decided):
            if pos < start - DOC_REACH:
                return False
            if d is decision and (not term or t == term):
                return True
        return False

    def _block(self, b: int) -> dict[str, tuple[list[int], list[str]]]:
        """The cues of each list that start in block ``b``, by position (found once)."""
        block = self.blocks.get(b)
        if block is None:
            block = {}
            lists = self.lists
            for name, found in self._scan_block(b).items():
                found.sort(key=itemgetter(0))  # overlapping keys end in another order
                positions, cues = [pos for pos, _ in found], [cue for _, cue in found]
                block[name] = (positions, cues)
                if positions:  # a block's cues all lie after earlier blocks', before later
                    merged = lists.setdefault(name, ([], []))
                    at = bisect_left(merged[0], positions[0])
                    merged[0][at:at] = positions
                    merged[1][at:at] = cues
            self.blocks[b] = block
        return block

    def _read(self, lo: int, hi: int) -> None:
        """Make sure every block that holds a position in ``[lo, hi)`` has been read."""
        if self.read_from <= lo and hi <= self.read_to:
            return  # as for most lookups: the passages of neighbouring words overlap
        blocks = self.blocks
        first, last = lo // BLOCK, (max(lo, hi - 1)) // BLOCK + 1
        for b in range(first, last):
            if b not in blocks:
                self._block(b)
        first, last = first * BLOCK, last * BLOCK
        if first <= self.read_to and self.read_from <= last:  # the runs touch: join them
            self.read_from, self.read_to = min(first, self.read_from), max(last, self.read_to)
        else:
            self.read_from, self.read_to = first, last

    def _scan_block(self, b: int) -> dict[str, list[tuple[int, str]]]:
        """One pass of the cue matcher over block ``b``: hits per list."""
        lower = self.lower
        lo, hi = b * BLOCK, min(len(lower), (b + 1) * BLOCK)
        hits: dict[str, list[tuple[int, str]]] = {}
        cancelled: list[tuple[str, int, int]] = []
        # a slice, not the whole text: the matcher reads all it is given; it starts before
        # the block, so that an exception begun in the block before ("burgerlijk |
        # wetboek") still cancels the cues it holds here
        n = len(lower)
        begin = max(0, lo - OVERLAP)
        for end_in_slice, (
            key,
            size,
            need_left,
            need_right,
            names_here,
            lists,
        ) in _cue_matcher().hits(lower[begin : hi + OVERLAP]):
            start = begin + end_in_slice - size + 1
            if start >= hi:
                continue
            early = start < lo  # only an exception's: its cues here are the block before's
            at_left = start == 0 or not lower[start - 1].isalnum()
            if need_left and not at_left:
                continue  # inside a longer word: most hits end here
            after = begin + end_in_slice + 1
            at_right = after >= n or not lower[after].isalnum()
            if need_right and not at_right:
                continue  # the start of a longer word (indien for IND)
            denied = at_left and lower.endswith(DENIALS, 0, start)  # no slice: for every cue
            proper = (
                names_here and at_left and self.text[start].isupper() and _after_title(lower, start)
            )
            for name, whole_left, whole_right in lists:
                if early and name[0] != EXCEPT:
                    continue
                if denied and name not in TOPICAL:
                    continue  # "geen winstoogmerk", "de gemeente is geen bedrijf": not that
                if name[0] == EXCEPT:
                    if at_left and at_right:
                        cancelled.append((name[1:], start, start + size))
                    continue
                if proper and name == "commerce":  # names_here: the key is no listed name
                    continue  # mevrouw Bakker is no bakery (but Noordkust Verzekeringen is)
                if (at_left or not whole_left) and (at_right or not whole_right):
                    found = hits.setdefault(name, [])
                    if found and found[-1][0] == start:  # gemeente* and gemeentelijk*
                        if len(key) > len(found[-1][1]):  # in one word count once
                            found[-1] = (start, key)
                    else:
                        found.append((start, key))
        for name, start, end in cancelled:  # "burger" in "burgerlijk wetboek": no cue after all
            if name in hits:
                hits[name] = [hit for hit in hits[name] if not start <= hit[0] < end]
        return hits

    def counts(
        self, spans: Sequence[tuple[int, int]], skip: tuple[int, int]
    ) -> list[dict[str, int]]:
        """How many cues of each list start in each span outside ``skip`` (spans may
        overlap in any way; each is counted on its own)."""
        out: list[dict[str, int]] = [{} for _ in spans]
        lo = min(a for a, _ in spans)
        hi = max(b for _, b in spans)
        self._read(lo, hi)
        # the lists in the order the blocks name them, as the counts have always come
        blocks = self.blocks
        names = dict.fromkeys(
            name for b in range(lo // BLOCK, (max(lo, hi - 1)) // BLOCK + 1) for name in blocks[b]
        )
        s0, s1 = skip
        for name in names:
            positions = self.lists.get(name, _NONE)[0]
            for (a, z), counted in zip(spans, out, strict=True):
                n = bisect_left(positions, z) - bisect_left(positions, a)
                if n and s0 < z and a < s1:
                    n -= bisect_left(positions, min(z, s1)) - bisect_left(positions, max(a, s0))
                if n:
                    counted[name] = n
        return out

    def starts(self, name: str, lo: int, hi: int, skip: tuple[int, int]) -> list[int]:
        """Where the cues of list ``name`` in ``[lo, hi)`` outside ``skip`` start."""
        self._read(lo, hi)
        positions, _ = self.lists.get(name, _NONE)
        i, j = bisect_left(positions, lo), bisect_left(positions, hi)
        return [p for p in positions[i:j] if not skip[0] <= p < skip[1]]

    def find(self, name: str, lo: int, hi: int, skip: tuple[int, int]) -> list[str]:
        """Cues of list ``name`` that start in ``[lo, hi)`` and lie outside ``skip``."""
        self._read(lo, hi)
        positions, found = self.lists.get(name, _NONE)
        if not positions:
            return []
        i, j = bisect_left(positions, lo), bisect_left(positions, hi)
        if i == j:
            return []
        k, m = bisect_left(positions, skip[0], i, j), bisect_left(positions, skip[1], i, j)
        return found[i:k] + found[m:j] if k < m else found[i:j]

    def first(self, name: str, lo: int, hi: int, skip: tuple[int, int]) -> tuple[int, str] | None:
        """Where the first cue of list ``name`` in ``[lo, hi)`` outside ``skip`` starts, and
        the cue (``find``'s first, with its place), or None."""
        self._read(lo, hi)
        positions, found = self.lists.get(name, _NONE)
        i, j = bisect_left(positions, lo), bisect_left(positions, hi)
        k, m = bisect_left(positions, skip[0], i, j), bisect_left(positions, skip[1], i, j)
        at = i if i < k or k >= m else m  # the first before ``skip``, else the first after it
        return (positions[at], found[at]) if at < j else None


_NONE: tuple[list[int], list[str]] = ([], [])


@cache
def cues(name: str) -> CueList:
    """The cue list ``dutch/data/cues/<name>.txt``."""
    return CueList(name, entries(f"cues/{name}.txt"))
