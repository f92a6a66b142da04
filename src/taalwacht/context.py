"""Use, mention, commerce or another sense: the decision on one occurrence, with its reason.

A watched word is only market-speak when it is *used* for residents, their help, the public
service or its staff. This module looks at the words around an occurrence and returns a
`Verdict` whose ``why`` a writer can read (``--explain``), so a skipped word is never a
mystery. The cue words live in ``dutch/data/cues/*.txt``; each term names a context
profile in its pack (person, staff, service, organisation, procurement, case).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import ahocorasick

from taalwacht.finding import Decision

PROFILES = ("person", "staff", "service", "organisation", "procurement", "case", "always")
OPEN_QUOTES = "'\"‘’“”„«‹‚`"
CLOSE_QUOTES = "'\"’”“»›‘`"
MAX_QUOTED_WORDS = 5  # 'klant van de sociale dienst' is a label; a quoted sentence uses it
SENTENCE_REACH = 400  # characters looked at on either side, so huge lines stay linear
ENGLISH = frozenset(
    "the and to for with about on that this by at from it are were our your their has have "
    "not more most main any which what may can will would should shall be been such these "
    "those its into upon within between all who whom whose there".split()
)
COMPANY_SUFFIXES = re.compile(r"\s*(?:B\.?V\.?|N\.?V\.?|Holding|Inc\.?|Ltd\.?|GmbH|Group)\b")
URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.])@\w+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    why: str
    weak: bool = False  # a default for want of evidence; the passage may overrule it


WORD = re.compile(r"\w+(?:-\w+)*")
CUE_LISTS = ("commerce", "public", "care", "goods", "other_sense")
WORDS = re.compile(r"[\w'-]+")
# "Klant: iemand die ..." defines the word; "Product: Parkeerkaart" names a value
HEADWORD_DEFINITION = re.compile(r"\s?:\s+[a-zà-ÿ]")
PARENTHESIS = re.compile(r"^\s*\([^)]{0,30}\)")  # Klantdossier (DKD) is de term
NAME_FRAME = re.compile(
    r"(?:[Dd]e term|[Hh]et woord|[Hh]et begrip|[Dd]e naam)\s+(?:[A-Z][\w-]*\s+){1,2}$"
)
BLOCK = 2048  # the cue index reads a document in blocks, each at most once
FENCE = re.compile(r"^(?:```|~~~)", re.MULTILINE)


class CueList:
    """Cue words and phrases of one list, matched on whole words.

    ``winkel*`` also matches longer words that start with it (winkels, winkelcentrum);
    ``*winkel*`` matches inside compounds too (fietsenwinkel); ``*zorg`` only at the end
    (jeugdzorg, not bezorging).
    """

    def __init__(self, name: str, entries: list[str]) -> None:
        self.name = name
        self.entries: list[tuple[str, bool, bool]] = []  # (text, whole at left, whole at right)
        self.names: set[str] = set()  # cues written with a capital: brand names such as Colruyt
        for e in entries:
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
        for text, whole_left, whole_right in self.entries:
            if " " in text:
                continue
            if (
                word == text
                or (not whole_right and word.startswith(text))
                or (not whole_left and word.endswith(text))
            ):
                return text
            if len(text) >= 5 and text in word:
                return text
        return ""


@cache
def _cue_in_word(name: str, word: str) -> str:
    return cues(name)._in_word(word)


@cache
def _cue_automaton() -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over every cue of every list: cues are found in one pass."""
    automaton = ahocorasick.Automaton()
    entries: dict[str, list[tuple[str, bool, bool]]] = {}
    for name in CUE_LISTS:
        for text, whole_left, whole_right in cues(name).entries:
            entries.setdefault(text, []).append((name, whole_left, whole_right))
    for key, value in entries.items():
        need_left = all(whole_left for _, whole_left, _ in value)
        automaton.add_word(key, (key, len(key), need_left, tuple(value)))
    automaton.make_automaton()
    return automaton


TITLES = ("mevrouw", "meneer", "heer", "mw", "mw.", "dhr", "dhr.", "familie", "fam.", "mr.", "dr.")


def _after_title(lower: str, i: int) -> bool:
    """True when a title comes right before position ``i``: mevrouw Bakker, familie Winkel."""
    return lower[max(0, i - 9) : i].rstrip().endswith(TITLES)


class CueIndex:
    """Where the cue words of one document are, read lazily block by block.

    Occurrences cluster, so neighbouring windows share blocks and each part of the text
    is scanned at most once, however many watched words it holds.
    """

    def __init__(self, text: str, lower: str) -> None:
        self.text = text
        self.lower = lower
        self._fences: list[int] | None = None
        self.blocks: dict[int, dict[str, list[tuple[int, str]]]] = {}  # block -> list -> hits
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

    def in_fenced_block(self, i: int) -> bool:
        """Whether ``i`` lies inside a Markdown code block fenced by ``` or ~~~ lines."""
        if self._fences is None:
            self._fences = [m.start() for m in FENCE.finditer(self.text)]
        return bisect_right(self._fences, i) % 2 == 1

    def _block(self, b: int) -> dict[str, list[tuple[int, str]]]:
        hits = self.blocks.get(b)
        if hits is None:
            lower = self.lower
            lo, hi = b * BLOCK, min(len(lower), (b + 1) * BLOCK)
            hits = {}
            # a slice, not iter(lower, lo, hi): pyahocorasick copies the whole string per call
            n = len(lower)
            for end_in_block, (key, size, need_left, lists) in _cue_automaton().iter(
                lower[lo : hi + 40]
            ):
                start = lo + end_in_block - size + 1
                if start >= hi:
                    continue
                at_left = start == 0 or not lower[start - 1].isalnum()
                if need_left and not at_left:
                    continue  # inside a longer word: most hits end here
                after = lo + end_in_block + 1
                at_right = after >= n or not lower[after].isalnum()
                proper = at_left and self.text[start].isupper() and _after_title(lower, start)
                for name, whole_left, whole_right in lists:
                    if proper and name == "commerce" and key not in cues(name).names:
                        continue  # mevrouw Bakker is no bakery (but Noordkust Verzekeringen is)
                    if (at_left or not whole_left) and (at_right or not whole_right):
                        found = hits.setdefault(name, [])
                        if found and found[-1][0] == start:  # gemeente* and gemeentelijk*
                            if len(key) > len(found[-1][1]):  # in one word count once
                                found[-1] = (start, key)
                        else:
                            found.append((start, key))
            self.blocks[b] = hits
        return hits

    def find(self, name: str, lo: int, hi: int, skip: tuple[int, int]) -> list[str]:
        """Cues of list ``name`` that start in ``[lo, hi)`` and lie outside ``skip``."""
        out = []
        for b in range(lo // BLOCK, (max(lo, hi - 1)) // BLOCK + 1):
            for pos, cue in self._block(b).get(name, ()):
                if lo <= pos < hi and not skip[0] <= pos < skip[1]:
                    out.append(cue)
        return out


@cache
def cues(name: str) -> CueList:
    """The cue list ``dutch/data/cues/<name>.txt``."""
    raw = (resources.files("taalwacht.dutch") / "data" / "cues" / f"{name}.txt").read_text("utf-8")
    entries = [
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    ]
    return CueList(name, entries)


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


PASSAGE_EVIDENCE = 2  # public-service cues a passage needs to vouch for "product" on its own
DOC_REACH = 1500  # the wider text consulted when the sentence and its neighbours are neutral


@dataclass
class Window:
    """The text around one occurrence: its sentence, the sentences next to it, the passage."""

    lower: str
    start: int
    end: int
    sent: tuple[int, int]
    text: str

    @classmethod
    def around(cls, text: str, index: CueIndex, start: int, end: int) -> Window:
        return cls(index.lower, start, end, sentence_bounds(text, start, end), text, index)

    @cached_property
    def near(self) -> tuple[int, int]:
        """The sentence with the one before and the one after it."""
        s, e = self.sent
        before = sentence_bounds(self.text, s - 2, s - 2)[0] if s > 1 else s
        after = sentence_bounds(self.text, e + 1, e + 1)[1] if e + 1 < len(self.text) else e
        return min(before, s), max(after, e)

    index: CueIndex

    def __post_init__(self) -> None:
        self.passage = (max(0, self.start - DOC_REACH), min(len(self.lower), self.end + DOC_REACH))
        self._found: dict[tuple[str, int, int], list[str]] = {}

    def _matches(self, name: str, span: tuple[int, int]) -> list[str]:
        """Cues of list ``name`` in ``span``; each question is answered once per window."""
        key = (name, *span)
        found = self._found.get(key)
        if found is None:
            found = self.index.find(name, span[0], span[1], (self.start, self.end))
            self._found[key] = found
        return found

    def count(self, name: str, *, near: bool = False) -> int:
        return len(self._matches(name, self.near if near else self.sent))

    def first(self, name: str, *, near: bool = False) -> str:
        found = self._matches(name, self.near if near else self.sent)
        return found[0] if found else ""

    def count_passage(self, name: str) -> int:
        """Cues in the passage around the sentence (DOC_REACH characters either side)."""
        return len(self._matches(name, self.passage))

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

    @cached_property
    def clause(self) -> tuple[int, int]:
        """The part of the sentence between semicolons: 'een supermarkt wil dat de klant
        terugkomt; een sociale dienst hoopt ...' sets the two halves apart."""
        s, e = self.sent
        left = self.lower.rfind(";", s, self.start)
        right = self.lower.find(";", self.end, e)
        return (left + 1 if left >= 0 else s, right if right >= 0 else e)

    @cached_property
    def _before(self) -> list[str]:
        return WORDS.findall(self.lower, max(self.sent[0], self.start - 60), self.start)

    @cached_property
    def _after(self) -> list[str]:
        after = PARENTHESIS.sub("", self.lower[self.end : min(self.sent[1], self.end + 60)])
        return WORDS.findall(after)

    def words_before(self, n: int) -> list[str]:
        return self._before[-n:]

    def words_after(self, n: int) -> list[str]:
        """The next ``n`` words of the sentence, skipping a parenthesis: 'Klantdossier (DKD) is'."""
        return self._after[:n]


def in_url_or_code(
    text: str, start: int, end: int, markup: str, index: CueIndex | None = None
) -> Verdict | None:
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
    if re.search(r"\w_|_\w", chunk.strip("_*")) or (
        re.search(r"\.[a-z]{2,4}\b", chunk[end - chunk_start :]) and not chunk.endswith(".")
    ):
        return Verdict(Decision.OTHER, "in een bestandsnaam of code")
    if text[end : end + 1] == "(" or (
        text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha()
    ):
        return Verdict(Decision.OTHER, "in code")
    if (
        "/" in chunk
        and re.search(r"/[\w-]*$", chunk[: start - chunk_start])
        and chunk[end - chunk_start : end - chunk_start + 1] == "/"
    ):
        return Verdict(Decision.OTHER, "in een pad of webadres")
    if markup == "html":
        before_tag = text[max(0, start - 2000) : start]
        if before_tag.rfind("<") > before_tag.rfind(">"):
            return Verdict(Decision.OTHER, "in een HTML-tag of -attribuut")
    lo = max(0, start - 2000)  # a line longer than this is looked at from here: stays linear
    line_start = max(text.rfind("\n", lo, start) + 1, lo)
    if markup == "markdown" and text.startswith(("    ", "\t"), line_start):
        return Verdict(Decision.MENTION, "in een ingesprongen codeblok")
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
        if markup == "markdown" and index is not None and index.in_fenced_block(start):
            return Verdict(Decision.MENTION, "in een codeblok")
    return None


def quoted_or_marked(text: str, start: int, end: int, markup: str) -> Verdict | None:
    """A word in quotation marks or italics is shown, not used: 'klant', *klant*, <em>klant</em>."""
    nearby = text[max(0, start - 40) : end + 40]
    spans = _short_phrase_spans(text, start, end) if any(q in nearby for q in OPEN_QUOTES) else []
    for s, e in ((start, end), *spans):
        if s > 0 and e < len(text) and text[s - 1] in OPEN_QUOTES:
            close = e
            while close < len(text) and text[close] in "?!.,":
                close += 1
            if (
                close < len(text)
                and text[close] in CLOSE_QUOTES
                and (s < 2 or not text[s - 2].isalnum())
            ):
                return Verdict(
                    Decision.MENTION, "tussen aanhalingstekens: het woord zelf wordt besproken"
                )
    if markup in ("markdown", "text"):
        for mark in ("*", "_"):
            if (
                text[start - 1 : start] == mark
                and text[end : end + 1] == mark
                and text[start - 2 : start] != mark * 2
            ):
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


@cache
def _frames_by_last_word() -> dict[str, list[str]]:
    frames: dict[str, list[str]] = {}
    for frame, _, _ in cues("mention").entries:
        frames.setdefault(frame.rpartition(" ")[2], []).append(frame)
    return frames


def _frames_ending_in(word: str) -> list[str]:
    """The mention frames whose last word is ``word``: only those can end right here."""
    return _frames_by_last_word().get(word, [])


NAMING_VERBS = frozenset(
    "benaderen benaderd benadert zien gezien ziet behandelen behandeld behandelt beschouwen "
    "beschouwd beschouwt aanspreken aangesproken spreekt bestempelen bestempeld aanduiden "
    "aangeduid noemen genoemd noemt".split()
)


def _preceded_by(w: Window, word: str) -> bool:
    return w.words_before(1) == [word]


def _closes_clause(w: Window) -> bool:
    """The word ends its clause ('ze zijn geen klant.') or only 'meer' follows."""
    rest = w.lower[w.end : w.end + 12].lstrip()
    return not rest or rest[0] in ".,;:!?)" or re.match(r"meer\b", rest) is not None


# "liever spreken over inwoners dan over klanten", "beter te spreken van X, of digitaal Y"
NAMING_SENTENCE = re.compile(r"\b(?:beter|liever)\s+(?:te\s+)?(?:spreken|praten)\s+(?:van|over)\b")
def metalinguistic(w: Window, text: str) -> Verdict | None:
    """Frames that talk about the word: 'het woord klant', 'klanten noemen', 'als klant zien'."""
    newline = text.rfind("\n", max(0, w.start - 200), w.start)
    line_start = newline + 1 if newline >= 0 or w.start <= 200 else w.start - 1
    definition = HEADWORD_DEFINITION.match(text, w.end)
    if definition and not text[line_start : w.start].strip(" \t*#-•"):
        return Verdict(
            Decision.MENTION, "trefwoord met uitleg ('Klant: ...'): het woord wordt gedefinieerd"
        )
    prev = w.words_before(1)
    frames = _frames_ending_in(prev[0]) if prev else []
    if frames:
        before = " ".join(w.words_before(4))
        for frame in frames:
            if before == frame or before.endswith(" " + frame):
                return Verdict(Decision.MENTION, f"'{frame} …': het woord zelf wordt besproken")
    coordinated = w.words_before(6)
    if len(coordinated) >= 3 and coordinated[-1] in ("en", "of"):
        # "de woorden klant en product": the frame covers both words
        before = " ".join(coordinated[:-2])
        for frame in _frames_ending_in(coordinated[-3]) if len(coordinated) > 3 else []:
            if before == frame or before.endswith(" " + frame):
                return Verdict(Decision.MENTION, f"'{frame} … en …': de woorden zelf")
    name = NAME_FRAME.search(text[max(w.sent[0], w.start - 60) : w.start])
    if name:
        return Verdict(
            Decision.MENTION, f"'{name.group().strip()} …': de naam zelf wordt besproken"
        )
    naming = NAMING_SENTENCE.search(w.lower, w.sent[0], w.start)
    if naming:
        return Verdict(Decision.MENTION, f"'{naming.group()} …': de zin gaat over de benaming")
    after = w.words_after(3)
    if _preceded_by(w, "geen") and _closes_clause(w):
        return Verdict(Decision.MENTION, "'geen …' als benaming: 'ze zijn geen klant'")
    if " ".join(after[:3]) in (
        "is de term",
        "is een term",
        "is het woord",
        "is een woord",
        "is de benaming",
    ):
        return Verdict(
            Decision.MENTION, f"'… {' '.join(after[:3])}': het woord zelf wordt besproken"
        )
    if after and after[0] in ("noemen", "noemt", "noemde", "genoemd", "heten", "heet"):
        return Verdict(Decision.MENTION, f"'… {after[0]}': het gaat om de benaming")
    if after[:2] in (
        ["of", "burger"],
        ["of", "cliënt"],
        ["of", "inwoner"],
        ["en", "cliënten"],
        ["of", "cliënten"],
    ):
        return Verdict(Decision.MENTION, "twee benamingen worden vergeleken")
    two_before = w.words_before(2)
    if two_before[-1:] == ["als"]:
        verb = after[0] if after and after[0] in NAMING_VERBS else ""
        if not verb and len(two_before) == 2 and two_before[0] in NAMING_VERBS:
            verb = two_before[0]
        if verb:  # "als klant benaderen", "aangesproken als klant"
            return Verdict(Decision.MENTION, f"'{verb} als …': het gaat om de benaming")
    return None


def company_name(text: str, start: int, end: int) -> Verdict | None:
    """'Klantenbinder B.V.': names of companies are not market-speak about residents."""
    m = COMPANY_SUFFIXES.match(text, end)
    if m and text[start].isupper():
        return Verdict(Decision.OTHER, "naam van een bedrijf")
    return None


# "onze klanten" without any public cue is a business talking; "uw" is how a municipality
# addresses residents too, so it proves nothing.
CLIENTS = frozenset(
    {
        "bedrijf",
        "bedrijven",
        "ondernemer",
        "ondernemers",
        "onderneming",
        "ondernemingen",
        "zakelijke",
        "bedrijfsleven",
    }
)
POSSESSIVES = frozenset({"onze", "ons", "zijn", "haar", "hun", "jullie", "mijn"})


def _cue_note(w: Window, name: str) -> str:
    cue = w.first(name, near=True)
    return (
        f"'{cue}' in de buurt"
        if cue
        else "klanten van een bedrijf (bezittelijk voornaamwoord, geen overheid in de buurt)"
    )


def english(w: Window) -> bool:
    """A watched word in an English phrase: 'concern about', 'Gross Domestic Product'."""
    around = w.words_before(3) + w.words_after(3)
    return sum(x in ENGLISH for x in around) >= 2


OBJECT_END = re.compile(r"[.,;:!?()\n]| en | of | maar | want | omdat | zodat | terwijl ")


OBJECT_WORDS = 5


def _object(w: Window) -> tuple[int, int]:
    """The few words after an occurrence, up to the clause's next break: 'van jeugdhulp'
    in 'de inkoop van jeugdhulp vraagt ...'. The complement decides what is bought or
    whose customers these are."""
    hi = min(w.sent[1], w.end + 80)
    m = OBJECT_END.search(w.lower, w.end, hi)
    hi = m.start() if m else hi
    words = list(WORD.finditer(w.lower, w.end, hi))
    if len(words) > OBJECT_WORDS:
        hi = words[OBJECT_WORDS - 1].end()
    return w.end, hi


def _van_commerce(w: Window) -> str:
    """'klanten van de supermarkt', 'accountmanager van het reclamebureau'."""
    lo, hi = _object(w)
    phrase = w.lower[lo:hi]
    if re.match(r"\s+(?:van|bij)\s", phrase):
        found = w.index.find("commerce", lo, hi, (w.start, w.end))
        if found:
            return found[0]
    return ""


def judge_profile(
    profile: str,
    w: Window,
    *,
    word: str,
    left: str,
    right: str,
    curated: bool,
    noun: bool = True,
    term: str = "",
) -> Verdict:
    """The decision for a word that is neither quoted, a name, nor in a fixed phrase.

    ``word`` is the whole word in lower case, ``left`` and ``right`` the compound members
    around the watched one: a compound can carry its own context (Wmo-klanten,
    jeugdhulpinkoop, mediaconcern).
    """
    use = Verdict(Decision.USE, "")
    if profile == "always":
        return use
    own_public = next((c for c in (cues("public").in_word(p) for p in (left, right) if p) if c), "")
    shop = _van_commerce(w) if profile != "procurement" else ""
    if shop:
        return Verdict(Decision.COMMERCIAL, f"'… van {shop}': van een bedrijf")
    if (
        profile != "procurement"
        and not curated
        and w.index.earlier(w.start, Decision.COMMERCIAL, term)
        and not w.count("public")
        and not own_public
    ):
        return Verdict(Decision.COMMERCIAL, "zelfde betekenis als eerder in de tekst: handel")
    if profile == "staff":
        # accountmanagers of a municipality serve companies, so "bedrijven" proves nothing;
        # a bank or an advertising agency around them, and no public service, does
        trade = [c for c in w.index.find("commerce", *w.near, (w.start, w.end)) if c not in CLIENTS]
        if len(trade) > w.count("public", near=True):
            return Verdict(Decision.COMMERCIAL, f"bedrijfsleven: '{trade[0]}' in de buurt")
        return use
    if profile == "person":
        if own_public:
            return use
        lean = w.leaning(("commerce", "goods"), "public")  # a buyer of laptops is a customer
        owner = w.words_before(1)
        plain = noun and not left and not right  # "wij zijn klantgericht": a verb, not "his"
        if lean > 0 or (
            lean == 0
            and plain
            and owner
            and owner[0] in POSSESSIVES
            and not w.count_passage("public")
        ):
            return Verdict(Decision.COMMERCIAL, f"handel: {_cue_note(w, 'commerce')}")
        return use
    if profile == "service":
        if english(w):
            return Verdict(Decision.OTHER, "Engelse woordgroep")
        if curated or own_public:
            return use
        if left:
            return Verdict(Decision.COMMERCIAL, f"'{left}…': goederen of producten van bedrijven")
        if w.count("goods") and not w.count("public"):
            return Verdict(Decision.COMMERCIAL, f"goederen: '{w.first('goods')}' in de zin")
        if w.leaning("public", "commerce", passage=False) > 0 or w.count("care"):
            return use
        if (
            w.count_passage("public") >= PASSAGE_EVIDENCE
            and not w.count_passage("commerce")
            and not w.count_passage("goods")
        ):
            return use
        return Verdict(
            Decision.COMMERCIAL,
            "geen overheidsdienst in de buurt: producten van bedrijven",
            weak=True,
        )
    if profile == "organisation":
        if english(w):
            return Verdict(Decision.OTHER, "Engels woord 'concern'")
        if left and not own_public:
            return Verdict(Decision.COMMERCIAL, f"'{left}…': een bedrijf")
        if w.count("commerce") > w.count("public"):
            return Verdict(Decision.COMMERCIAL, f"bedrijfsleven: '{w.first('commerce')}' in de zin")
        if (
            curated
            or own_public
            or w.index.earlier(w.start, Decision.USE)
            or w.count("public", near=True)
            or w.count_passage("public")
            or (right and not w.count("commerce", near=True))
        ):
            return use
        return Verdict(Decision.COMMERCIAL, "geen overheid in de buurt: een bedrijf", weak=True)
    if profile == "procurement":
        return _procurement(w, word, (left, right))
    if profile == "case":
        if english(w):
            return Verdict(Decision.OTHER, "Engelse woordgroep")
        if w.count("other_sense", near=True):
            return Verdict(
                Decision.OTHER, f"andere betekenis: '{w.first('other_sense', near=True)}'"
            )
        if w.count("commerce") > w.count("public"):
            return Verdict(Decision.COMMERCIAL, f"bedrijfsleven: '{w.first('commerce')}' in de zin")
        return use
    raise ValueError(f"unknown context profile {profile!r}")


SHOPPING = re.compile(r"\b(?:doe|doet|doen|deed|deden|gedaan)\b")


def _procurement(w: Window, word: str, members: tuple[str, str]) -> Verdict:
    """Buying care or help for residents is market-speak; buying goods, works or buildings
    is plain procurement. The word itself (jeugdhulpinkoop, inkoopvoorwaarden), then what
    follows it (de inkoop van jeugdhulp), then the sentence and the passage decide."""
    use = Verdict(Decision.USE, "")
    if word == "inkopen" and SHOPPING.search(w.lower, *w.sent):
        return Verdict(Decision.COMMERCIAL, "'inkopen doen': boodschappen")
    if any(cues("care").in_word(member) for member in members if member):
        return use  # zorginkoop, jeugdhulpinkoop
    lo, hi = _object(w)
    care_obj = w.index.find("care", lo, hi, (w.start, w.end))
    goods_obj = w.index.find("goods", lo, hi, (w.start, w.end))
    if care_obj and not goods_obj:
        return use
    if goods_obj and not care_obj:
        return Verdict(Decision.COMMERCIAL, f"inkoop van '{goods_obj[0]}', geen zorg of hulp")
    goods = cues("goods").in_word(word)
    if goods:
        return Verdict(Decision.COMMERCIAL, f"'{word}': inkoop van goederen of diensten")
    if w.leaning("care", "goods") > 0:
        return use
    if w.count("goods", near=True):
        return Verdict(
            Decision.COMMERCIAL, f"inkoop van '{w.first('goods', near=True)}', geen zorg of hulp"
        )
    return Verdict(Decision.COMMERCIAL, "geen zorg of hulp in de buurt: gewone inkoop")
