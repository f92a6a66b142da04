"""Use, mention, commerce or another sense: the decision on one occurrence, with its reason.

A watched word is only market-speak when it is *used* for residents, their help, the public
service or its staff. This module looks at the words around an occurrence and returns a
`Verdict` whose ``why`` a writer can read (``--explain``), so a skipped word is never a
mystery. The cue words live in ``dutch/data/cues/*.txt``; each term names a context
profile in its pack (person, staff, service, organisation, procurement, case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick

from taalwacht.finding import Decision

PROFILES = ("person", "staff", "service", "organisation", "procurement", "case", "always")
OPEN_QUOTES = "'\"‘’“”„«‹‚`"
CLOSE_QUOTES = "'\"’”“»›‘`"
MAX_QUOTED_WORDS = 3  # 'hoezo klant?' is about the word; a quoted sentence uses it
SENTENCE_REACH = 400  # characters looked at on either side, so huge lines stay linear
ENGLISH = frozenset(
    "the and to for with about on that this by at from it are were our your their has have "
    "not more most main any which what".split()
)
COMPANY_SUFFIXES = re.compile(r"\s*(?:B\.?V\.?|N\.?V\.?|Holding|Inc\.?|Ltd\.?|GmbH|Group)\b")
URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    why: str


WORD = re.compile(r"\w+(?:-\w+)*")
CUE_LISTS = ("commerce", "public", "care", "goods", "other_sense")
BLOCK = 2048  # the cue index reads a document in blocks, each at most once


class CueList:
    """A list of cue words, prefixes (``winkel*``) and phrases, matched on whole words."""

    def __init__(self, name: str, entries: list[str]) -> None:
        self.name = name
        self.words = frozenset(e for e in entries if not e.endswith("*") and " " not in e)
        self.prefixes = tuple(e[:-1] for e in entries if e.endswith("*"))
        self.phrases = tuple(e for e in entries if " " in e)

    def has_word(self, word: str) -> bool:
        return word in self.words or bool(self.prefixes and word.startswith(self.prefixes))


@cache
def _cue_automaton() -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over every cue of every list: cues are found in one pass."""
    automaton = ahocorasick.Automaton()
    entries: dict[str, list[tuple[str, bool]]] = {}
    for name in CUE_LISTS:
        c = cues(name)
        for word in (*c.words, *c.phrases):
            entries.setdefault(word, []).append((name, True))
        for prefix in c.prefixes:
            entries.setdefault(prefix, []).append((name, False))
    for key, value in entries.items():
        automaton.add_word(key, (key, tuple(value)))
    automaton.make_automaton()
    return automaton


class CueIndex:
    """Where the cue words of one document are, read lazily block by block.

    Occurrences cluster, so neighbouring windows share blocks and each part of the text
    is scanned at most once, however many watched words it holds.
    """

    def __init__(self, lower: str) -> None:
        self.lower = lower
        self.blocks: dict[int, list[tuple[int, str, str]]] = {}  # block -> (pos, list, cue)

    def _block(self, b: int) -> list[tuple[int, str, str]]:
        hits = self.blocks.get(b)
        if hits is None:
            lower = self.lower
            lo, hi = b * BLOCK, min(len(lower), (b + 1) * BLOCK)
            hits = []
            for end_index, (key, lists) in _cue_automaton().iter(lower, lo, min(len(lower), hi + 40)):
                start = end_index - len(key) + 1
                if start >= hi or (start > 0 and lower[start - 1].isalnum()):
                    continue
                whole = end_index + 1 >= len(lower) or not lower[end_index + 1].isalnum()
                for name, exact in lists:
                    if whole or not exact:
                        hits.append((start, name, key))
            self.blocks[b] = hits
        return hits

    def find(self, name: str, lo: int, hi: int, skip: tuple[int, int]) -> list[str]:
        """Cues of list ``name`` that start in ``[lo, hi)`` and lie outside ``skip``."""
        out = []
        for b in range(lo // BLOCK, (max(lo, hi - 1)) // BLOCK + 1):
            for pos, list_name, cue in self._block(b):
                if list_name == name and lo <= pos < hi and not skip[0] <= pos < skip[1]:
                    out.append(cue)
        return out


@cache
def cues(name: str) -> CueList:
    """The cue list ``dutch/data/cues/<name>.txt``."""
    raw = (resources.files("taalwacht.dutch") / "data" / "cues" / f"{name}.txt").read_text("utf-8")
    entries = [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return CueList(name, entries)


SENTENCE_ENDS = (". ", "? ", "! ", ".\t", "\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, for headings and list items) around ``text[start:end]``."""
    lo = max(0, start - SENTENCE_REACH)
    s = max([text.rfind(mark, lo, start) + (len(mark) if mark != "\n" else 1) for mark in SENTENCE_ENDS if text.rfind(mark, lo, start) >= 0] or [lo])
    hi = min(len(text), end + SENTENCE_REACH)
    ends = [i for i in (text.find(mark, end, hi) for mark in SENTENCE_ENDS) if i >= 0]
    e = min(ends) if ends else hi
    if e < len(text) and text[e] in ".!?":
        e += 1
    elif hi == len(text) and not ends and text[e - 1 : e] in (".", "!", "?"):
        pass
    return s, e


DOC_REACH = 1500  # the wider text consulted when the sentence and its neighbours are neutral


@dataclass
class Window:
    """The text around one occurrence: its sentence, the sentences next to it, the passage."""

    lower: str
    start: int
    end: int
    sent: tuple[int, int]
    near: tuple[int, int]

    @classmethod
    def around(cls, text: str, index: CueIndex, start: int, end: int) -> Window:
        sent = sentence_bounds(text, start, end)
        before = sentence_bounds(text, max(0, sent[0] - 2), max(0, sent[0] - 2))[0] if sent[0] > 1 else sent[0]
        after = sentence_bounds(text, min(len(text), sent[1] + 1), min(len(text), sent[1] + 1))[1]
        return cls(index.lower, start, end, sent, (min(before, sent[0]), max(after, sent[1])), index)

    index: CueIndex

    def __post_init__(self) -> None:
        self.passage = (max(0, self.start - DOC_REACH), min(len(self.lower), self.end + DOC_REACH))

    def _matches(self, name: str, span: tuple[int, int]) -> list[str]:
        return self.index.find(name, span[0], span[1], (self.start, self.end))

    def count(self, name: str, *, near: bool = False) -> int:
        return len(self._matches(name, self.near if near else self.sent))

    def first(self, name: str, *, near: bool = False) -> str:
        found = self._matches(name, self.near if near else self.sent)
        return found[0] if found else ""

    def count_passage(self, name: str) -> int:
        """Cues in the passage around the sentence (DOC_REACH characters either side)."""
        return len(self._matches(name, self.passage))

    def leaning(self, a: str, b: str) -> int:
        """Positive when cue list ``a`` outweighs ``b`` here: sentence first, then
        neighbours, then the passage; 0 when all three are neutral."""
        for span in (self.sent, self.near, self.passage):
            diff = len(self._matches(a, span)) - len(self._matches(b, span))
            if diff:
                return diff
        return 0

    def words_before(self, n: int) -> list[str]:
        return re.findall(r"[\w'-]+", self.lower[max(self.sent[0], self.start - 60) : self.start])[-n:]

    def words_after(self, n: int) -> list[str]:
        """The next ``n`` words of the sentence, skipping a parenthesis: 'Klantdossier (DKD) is'."""
        after = re.sub(r"^\s*\([^)]{0,30}\)", "", self.lower[self.end : min(self.sent[1], self.end + 60)])
        return re.findall(r"[\w'-]+", after)[:n]


def in_url_or_code(text: str, start: int, end: int, markup: str) -> Verdict | None:
    """URLs, e-mail addresses and code are never findings."""
    chunk_start, chunk_end = start, end
    while chunk_start > max(0, start - 300) and not text[chunk_start - 1].isspace():
        chunk_start -= 1
    while chunk_end < min(len(text), end + 300) and not text[chunk_end].isspace():
        chunk_end += 1
    chunk = text[chunk_start:chunk_end]
    if "@" in chunk or "://" in chunk or "www." in chunk.lower():
        for m in URL_OR_EMAIL.finditer(chunk):
            if m.start() < end - chunk_start and start - chunk_start < m.end():
                return Verdict(Decision.OTHER, "in een webadres of e-mailadres")
    line_start = text.rfind("\n", max(0, start - 2000), start) + 1
    line_end = text.find("\n", end, end + 2000)
    line_end = min(len(text), end + 2000) if line_end < 0 else line_end
    if text.count("`", line_start, start) % 2 == 1 and "`" in text[end:line_end]:
        return Verdict(Decision.MENTION, "in code-opmaak (`...`)")
    if markup in ("markdown", "html"):
        before = text[max(0, start - 2000) : start].lower()
        if markup == "html" and before.rfind("<code") > before.rfind("</code"):
            return Verdict(Decision.MENTION, "in code-opmaak (<code>)")
        if before.rfind("<pre") > before.rfind("</pre"):
            return Verdict(Decision.MENTION, "in code-opmaak (<pre>)")
        if markup == "markdown" and _in_fenced_block(text, start):
            return Verdict(Decision.MENTION, "in een codeblok")
    return None


def _in_fenced_block(text: str, start: int) -> bool:
    fences = 0
    for m in re.finditer(r"^(?:```|~~~)", text[: start], re.MULTILINE):
        fences += 1 if m else 0
    return fences % 2 == 1


def quoted_or_marked(text: str, start: int, end: int, markup: str) -> Verdict | None:
    """A word in quotation marks or italics is shown, not used: 'klant', *klant*, <em>klant</em>."""
    nearby = text[max(0, start - 40) : end + 40]
    spans = _short_phrase_spans(text, start, end) if any(q in nearby for q in OPEN_QUOTES) else []
    for s, e in ((start, end), *spans):
        if s > 0 and e < len(text) and text[s - 1] in OPEN_QUOTES:
            close = e
            while close < len(text) and text[close] in "?!.,":
                close += 1
            if close < len(text) and text[close] in CLOSE_QUOTES and (s < 2 or not text[s - 2].isalnum()):
                return Verdict(Decision.MENTION, "tussen aanhalingstekens: het woord zelf wordt besproken")
    if markup in ("markdown", "text"):
        for mark in ("*", "_"):
            if text[start - 1 : start] == mark and text[end : end + 1] == mark and text[start - 2 : start] != mark * 2:
                return Verdict(Decision.MENTION, "cursief: het woord zelf wordt besproken")
    if markup in ("html", "markdown"):
        before = text[max(0, start - 12) : start].lower()
        after = text[end : end + 12].lower()
        for tag in ("em", "i", "q", "cite"):
            if before.endswith(f"<{tag}>") and after.startswith(f"</{tag}>"):
                return Verdict(Decision.MENTION, f"in <{tag}>: het woord zelf wordt besproken")
    return None


def _short_phrase_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of up to MAX_QUOTED_WORDS words that contain the occurrence, for 'hoezo klant?'."""
    spans = []
    s = start
    for _ in range(MAX_QUOTED_WORDS - 1):
        m = re.search(r"[\w-]+\s+$", text[max(0, s - 40) : s])
        if not m:
            break
        s = max(0, s - 40) + m.start()
        spans.append((s, end))
    e = end
    for _ in range(MAX_QUOTED_WORDS - 1):
        m = re.match(r"\s+[\w-]+", text[e : e + 40])
        if not m:
            break
        e += m.end()
        spans.append((start, e))
    return spans


def metalinguistic(w: Window, text: str) -> Verdict | None:
    """Frames that talk about the word: 'het woord klant', 'klanten noemen', 'als klant benaderen'."""
    before = " ".join(w.words_before(4))
    frames = cues("mention")
    for frame in (*frames.phrases, *frames.words):
        if before == frame or before.endswith(" " + frame):
            return Verdict(Decision.MENTION, f"'{frame} …': het woord zelf wordt besproken")
    name = re.search(r"(?:[Dd]e term|[Hh]et woord|[Hh]et begrip|[Dd]e naam)\s+(?:[A-Z][\w-]*\s+){1,2}$", text[max(w.sent[0], w.start - 60) : w.start])
    if name:
        return Verdict(Decision.MENTION, f"'{name.group().strip()} …': de naam zelf wordt besproken")
    after = w.words_after(3)
    if " ".join(after[:3]) in ("is de term", "is een term", "is het woord", "is een woord", "is de benaming"):
        return Verdict(Decision.MENTION, f"'… {' '.join(after[:3])}': het woord zelf wordt besproken")
    if after and after[0] in ("noemen", "noemt", "noemde", "genoemd", "heten", "heet"):
        return Verdict(Decision.MENTION, f"'… {after[0]}': het gaat om de benaming")
    if after[:2] in (["of", "burger"], ["of", "cliënt"], ["of", "inwoner"], ["en", "cliënten"], ["of", "cliënten"]):
        return Verdict(Decision.MENTION, "twee benamingen worden vergeleken")
    prev = w.words_before(1)
    if prev == ["als"] and after and after[0] in ("benaderen", "benaderd", "zien", "gezien", "behandelen", "behandeld", "beschouwen", "beschouwd", "aanspreken", "aangesproken", "bestempelen", "bestempeld", "aanduiden", "aangeduid"):
        return Verdict(Decision.MENTION, f"'als … {after[0]}': het gaat om de benaming")
    return None


def company_name(text: str, start: int, end: int) -> Verdict | None:
    """'Klantenbinder B.V.': names of companies are not market-speak about residents."""
    m = COMPANY_SUFFIXES.match(text, end)
    if m and text[start].isupper():
        return Verdict(Decision.OTHER, "naam van een bedrijf")
    return None


POSSESSIVES = frozenset({"onze", "ons", "uw", "zijn", "haar", "hun", "jullie", "mijn", "je", "jouw"})


def _cue_note(w: Window, name: str) -> str:
    cue = w.first(name, near=True)
    return f"'{cue}' in de buurt" if cue else "klanten van een bedrijf (bezittelijk voornaamwoord, geen overheid in de buurt)"


def english(w: Window) -> bool:
    """A watched word in an English phrase: 'concern about', 'Gross Domestic Product'."""
    around = w.words_before(3) + w.words_after(3)
    return sum(x in ENGLISH for x in around) >= 2


def judge_profile(profile: str, w: Window, *, left: str, right: str, curated: bool) -> Verdict:
    """The decision for a word that is neither quoted, a name, nor in a fixed phrase."""
    use = Verdict(Decision.USE, "")
    if profile == "always":
        return use
    com_s, pub_s = w.count("commerce"), w.count("public")
    com_n, pub_n = w.count("commerce", near=True), w.count("public", near=True)
    if profile == "person":
        lean = w.leaning("commerce", "public")
        owner = w.words_before(1)
        if lean > 0 or (lean == 0 and owner and owner[0] in POSSESSIVES and not w.count_passage("public")):
            return Verdict(Decision.COMMERCIAL, f"handel: {_cue_note(w, 'commerce')}")
        return use
    if profile == "staff":
        if com_s > 0 and pub_s == 0 and pub_n == 0:
            return Verdict(Decision.COMMERCIAL, f"bedrijfsleven: '{w.first('commerce')}' in de zin")
        return use
    if profile == "service":
        if english(w):
            return Verdict(Decision.OTHER, "Engelse woordgroep")
        if curated:
            return use
        if left:
            return Verdict(Decision.COMMERCIAL, f"'{left}…': goederen of producten van bedrijven")
        if w.leaning("public", "commerce") > 0:
            return use
        return Verdict(Decision.COMMERCIAL, "geen overheidsdienst in de buurt: producten van bedrijven")
    if profile == "organisation":
        if english(w):
            return Verdict(Decision.OTHER, "Engels woord 'concern'")
        if left:
            return Verdict(Decision.COMMERCIAL, f"'{left}…': een bedrijf")
        if com_s > pub_s:
            return Verdict(Decision.COMMERCIAL, f"bedrijfsleven: '{w.first('commerce')}' in de zin")
        if right or curated or pub_s + pub_n > 0:
            return use
        return Verdict(Decision.COMMERCIAL, "geen overheid in de buurt: een bedrijf")
    if profile == "procurement":
        if w.leaning("care", "goods") > 0:
            return use
        if w.count("goods", near=True):
            return Verdict(Decision.COMMERCIAL, f"inkoop van '{w.first('goods', near=True)}', geen zorg of hulp")
        return Verdict(Decision.COMMERCIAL, "geen zorg of hulp in de buurt: gewone inkoop")
    if profile == "case":
        if english(w):
            return Verdict(Decision.OTHER, "Engelse woordgroep")
        if w.count("other_sense", near=True):
            return Verdict(Decision.OTHER, f"andere betekenis: '{w.first('other_sense', near=True)}'")
        return use
    raise ValueError(f"unknown context profile {profile!r}")
