"""Read an HTML file into a Document whose view is the text a visitor reads.

The tokenizer is the standard library's ``html.parser.HTMLParser``: a real HTML tokenizer
(raw text in ``<script>`` and ``<style>``, comments, declarations) that, unlike lxml and
selectolax, reports where each token starts (``getpos``, ``get_starttag_text``). Fixes are
written back into the file, so every character of the view must be traced to the file.

Two workarounds for the tokenizer of Python 3.11: ``&`` is hidden from it (a private-use
character of the same length stands in) and references are decoded here, because it reads
the rest of the file as text after an ``&#`` without digits; and it is fed once and never
closed, because closing re-scans every broken construct to the end of the file (quadratic):
a construct still open where it stopped is left out as browsers do and tokenizing goes on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.entities import html5
from html.parser import HTMLParser
from typing import NamedTuple, Protocol

from taalwacht.formats.dates import iso_day
from taalwacht.model.document import Document, OffsetMap, Region, RegionKind

BLOCK_TAGS = frozenset(
    "address article aside blockquote body button caption center col colgroup dd details "
    "dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header "
    "hgroup hr html label legend li main menu nav ol optgroup option p pre search section "
    "select summary table tbody td textarea tfoot th thead title tr ul".split()
)
"""Elements a browser sets apart from the text around them: a word never runs across them."""

HIDDEN_TAGS = frozenset("script style template noscript svg math iframe object".split())
"""Elements whose content is not prose a visitor reads."""

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements without content or end tag: never left open."""

ROLES: dict[str, tuple[RegionKind, str]] = {
    **{name: ("code", f"<{name}>") for name in ("code", "pre", "kbd", "samp", "var", "tt")},
    **{name: ("emphasis", f"<{name}>") for name in ("em", "i", "cite", "dfn")},
    "q": ("quote", "<q>"),
}
"""Elements whose content is a mention rather than a use, with the note a writer recognises."""

FIELD_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder"})
"""Attributes whose value people read (or hear) outside the body text."""

_WANTED = FIELD_ATTRIBUTES | {"lang", "xml:lang", "content"}
_DESCRIPTIONS = frozenset({"description", "og:description", "twitter:description"})

_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span "
    "strike strong sub sup time tt u var".split()
)
_P_CLOSERS = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre search "
    "section summary table ul".split()
)
_IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    **{name: (frozenset({"p"}), _INLINE_TAGS) for name in _P_CLOSERS},
    "li": (frozenset({"li"}), _INLINE_TAGS | {"p"}),
    "dt": (frozenset({"dt", "dd"}), _INLINE_TAGS | {"p"}),
    "dd": (frozenset({"dt", "dd"}), _INLINE_TAGS | {"p"}),
    "option": (frozenset({"option"}), _INLINE_TAGS),
    "optgroup": (frozenset({"option", "optgroup"}), _INLINE_TAGS),
    "tr": (frozenset({"tr"}), _INLINE_TAGS | {"td", "th"}),
    "td": (frozenset({"td", "th"}), _INLINE_TAGS),
    "th": (frozenset({"td", "th"}), _INLINE_TAGS),
}
"""Start tags that end an open element (``<p>één<p>twee``), with the elements that may sit
between; the look down the stack is short so a deep document stays linear."""
_IMPLIED_REACH = 16

_COMMENT_END = re.compile(r"--!?>|--\s*>")
_ABRUPT_COMMENT = re.compile(r"<!---?>")
_MASK = "\ue000"  # stands in for "&" while tokenizing; same length, not special to HTML

_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;?)")
_LEGACY_LONGEST = max(len(name) for name in html5 if not name.endswith(";"))
_LONGEST_NUMBER = 8  # digits after leading zeros; anything longer is beyond U+10FFFF

# The tokenizer's own grammar for start tags (tagfind_tolerant, attrfind_tolerant), with groups
# that give where each value sits in the file.
_TAG_OPEN = re.compile(r"<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)")
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)


class Reference(NamedTuple):
    """A character reference at ``[start, end)`` of the file and the text it stands for."""

    start: int
    end: int
    value: str


class Attribute(NamedTuple):
    """An attribute of a start tag; ``value`` is where its value sits in the file, without
    quotes (None for a bare ``hidden``)."""

    name: str
    value: tuple[int, int] | None


class TagInfo(NamedTuple):
    """What one tag means to a reader that keeps its own view (Markdown)."""

    name: str
    closing: bool
    empty: bool  # void or self-closing: nothing to close later
    hidden: bool  # its content is not read: script, style, another language ...
    role: tuple[RegionKind, str] | None


def parse(text: str, path: str = "-") -> Document:
    """The Document of an HTML file: the readable text as the view, mapped back to ``text``."""
    reader = _Reader(text)
    _tokenize(text, reader)
    view, offsets, regions = reader.finish()
    return Document(
        path=path,
        text=text,
        kind="html",
        view=view,
        offsets=offsets,
        regions=regions,
        date=meta_day(text),
    )


# <meta name="dcterms.modified" content="2024-03-05">, article:modified_time, DC.date ...
_META_DATE = re.compile(
    r"""<meta\s[^>]{0,300}?(?:name|property)\s*=\s*["']?(?:dcterms\.modified|"""
    r"""article:modified_time|dcterms\.date|dc\.date|date|dcterms\.issued|"""
    r"""article:published_time|dcterms\.created)["'\s][^>]{0,300}?>""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']{1,60})""", re.IGNORECASE)
HEAD_REACH = 65_536  # the head of a page; a date further on is no metadata


def meta_day(text: str) -> str | None:
    """The page's date from its first dated ``<meta>`` (modified, published, DC date)."""
    for tag in _META_DATE.finditer(text, 0, min(len(text), HEAD_REACH)):
        content = _CONTENT.search(tag.group(0))
        if content and (day := iso_day(content.group(1))):
            return day
    return None


def text_regions(fragment: str) -> list[Region]:
    """Regions in ``fragment``'s own offsets, for a reader whose view is the file itself
    (HTML blocks in Markdown): ``skip`` over everything the HTML reader leaves out (tags,
    comments, scripts, other languages) and its code, emphasis, quote and field regions."""
    document = parse(fragment)
    offsets = document.offsets
    mapped = [
        Region(offsets.start(r.start), offsets.end(r.end), r.kind, r.note) for r in document.regions
    ]
    return _unread(offsets, len(fragment)) + mapped


def describe_tag(tag: str) -> TagInfo | None:
    """What a single tag (``<em>``, ``</q>``, ``<span lang="en">``) means; None for a comment,
    declaration or anything else that is not a tag."""
    match = _TAG_OPEN.match(tag)
    if match is None:
        return None
    name = match.group(2).lower()
    if match.group(1):
        return TagInfo(name, closing=True, empty=False, hidden=False, role=ROLES.get(name))
    language = _language(tag, attributes(tag, 0, len(tag)))
    foreign = language is not None and not language.startswith("nl")
    empty = name in VOID_TAGS or tag.rstrip().endswith("/>")
    return TagInfo(name, False, empty, name in HIDDEN_TAGS or foreign, ROLES.get(name))


def attributes(text: str, start: int, end: int) -> list[Attribute]:
    """The attributes of the start tag at ``text[start:end]``, as the tokenizer reads them."""
    name = _TAG_NAME.match(text, start, end)
    if name is None:
        return []
    found: list[Attribute] = []
    pos = name.end()
    while pos < end:
        match = _ATTRIBUTE.match(text, pos, end)
        if match is None or match.end() == pos:
            break
        found.append(Attribute(match.group(1).lower(), _value_span(text, match)))
        pos = match.end()
    return found


def references(text: str, start: int, end: int, in_attribute: bool = False) -> Iterator[Reference]:
    """The character references in ``text[start:end]`` as HTML decodes them, in order."""
    for match in _REFERENCE.finditer(text, start, end):
        reference = _decode(text, match.start(), match.end(), end, in_attribute)
        if reference is not None:
            yield reference


def decode(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as an attribute value, references decoded."""
    parts: list[str] = []
    pos = start
    for reference in references(text, start, end, in_attribute=True):
        parts += (text[pos : reference.start], reference.value)
        pos = reference.end
    parts.append(text[pos:end])
    return "".join(parts)


def _value_span(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    if match.group(2) is None:
        return None
    start, end = match.span(3)
    if end > start and text[start] in "\"'":
        return start + 1, end - 1
    return start, end


def _decode(text: str, start: int, end: int, limit: int, in_attribute: bool) -> Reference | None:
    if text[start + 1] == "#":
        return _numeric(text, start, end)
    name = text[start + 1 : end]
    if name.endswith(";") and name in html5:
        return Reference(start, end, html5[name])
    return _legacy(text, start, name.rstrip(";"), limit, in_attribute)


def _numeric(text: str, start: int, end: int) -> Reference | None:
    """HTML reads a number past U+10FFFF as U+FFFD; ``html.unescape`` would raise on one with
    more than 4300 digits, so long numbers never reach it."""
    digits = text[start + 2 : end].rstrip(";")
    hexadecimal = digits[0] in "xX"
    number = (digits[1:] if hexadecimal else digits).lstrip("0") or "0"
    if len(number) > _LONGEST_NUMBER:
        return Reference(start, end, "\ufffd")
    value = unescape(f"&#{'x' if hexadecimal else ''}{number};")
    return Reference(start, end, value) if value else None


def _legacy(text: str, start: int, name: str, limit: int, in_attribute: bool) -> Reference | None:
    """A named reference without ``;`` that HTML still decodes (``&copy`` in ``&copy2024``):
    the longest known prefix, except in an attribute when a letter, digit or ``=`` follows
    (``?a=1&copy=2`` in a URL stays as it is)."""
    for size in range(min(len(name), _LEGACY_LONGEST), 1, -1):
        prefix = name[:size]
        if prefix not in html5:
            continue
        after = start + 1 + size
        follower = text[after] if after < limit else ""
        if in_attribute and (follower == "=" or (follower.isascii() and follower.isalnum())):
            return None
        return Reference(start, after, html5[prefix])
    return None


def _language(text: str, found: list[Attribute]) -> str | None:
    for attribute in found:
        if attribute.name in ("lang", "xml:lang") and attribute.value is not None:
            value = decode(text, *attribute.value).strip().lower()
            if value:
                return value
    return None


def _unread(offsets: OffsetMap, size: int) -> list[Region]:
    """``skip`` regions over the parts of the file no piece of the view comes from."""
    if offsets.identity:
        return [Region(0, size, "skip", "HTML")] if size else []
    gaps: list[Region] = []
    covered = 0
    for start, length in zip(offsets.text_starts, offsets.text_lens, strict=True):
        if length and start > covered:
            gaps.append(Region(covered, start, "skip", "HTML"))
        covered = max(covered, start + length)
    if covered < size:
        gaps.append(Region(covered, size, "skip", "HTML"))
    return gaps


class _Sink(Protocol):
    """Receives the tokens of a file in order, as offsets into the file."""

    def data(self, start: int, end: int) -> None: ...

    def start_tag(self, name: str, start: int, end: int, named: list[str]) -> None:
        """``named``: the attribute names, lowercased."""

    def end_tag(self, name: str, start: int, end: int) -> None: ...

    def markup(self, start: int, end: int) -> None: ...


def _line_starts(text: str) -> list[int]:
    """Where each line starts, to turn the tokenizer's (line, column) into an offset."""
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    return starts


class _Tokenizer(HTMLParser):
    """Reports tokens to a sink with file offsets; fed once from ``base`` to the end."""

    def __init__(self, sink: _Sink, line_starts: list[int], base: int) -> None:
        super().__init__(convert_charrefs=False)
        self._sink = sink
        self._line_starts = line_starts
        self._base = base
        self._base_line = bisect_right(line_starts, base) - 1  # where line 1 is
        self._pending: tuple[str, int] | None = None  # an end tag or markup; ends at the next

    def here(self) -> int:
        """The file offset of the token being handled (``getpos`` as an offset)."""
        line, column = self.lineno, self.offset  # what getpos() returns, without the call
        if line == 1:
            return self._base + column
        return self._line_starts[self._base_line + line - 1] + column

    def flush(self, end: int) -> None:
        """Report the pending token, which ends where the next one starts."""
        if self._pending is None:
            return
        name, start = self._pending
        self._pending = None
        if name:
            self._sink.end_tag(name, start, end)
        else:
            self._sink.markup(start, end)

    def _begin(self) -> int:
        start = self.here()
        if self._pending is not None:
            self.flush(start)
        return start

    def handle_data(self, data: str) -> None:
        start = self.here()
        if self._pending is not None:
            self.flush(start)
        self._sink.data(start, start + len(data))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._begin()
        end = start + len(self.get_starttag_text() or "")
        self._sink.start_tag(tag, start, end, [name for name, _ in attrs])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        end = self.here() + len(self.get_starttag_text() or "")
        self._sink.end_tag(tag, end, end)

    def handle_endtag(self, tag: str) -> None:
        self._pending = (tag, self._begin())

    def handle_comment(self, data: str) -> None:
        self._pending = ("", self._begin())

    def handle_decl(self, decl: str) -> None:
        self._pending = ("", self._begin())

    def handle_pi(self, data: str) -> None:
        self._pending = ("", self._begin())

    def unknown_decl(self, data: str) -> None:
        self._pending = ("", self._begin())

    def parse_comment(self, i: int, report: bool = True) -> int:
        """A comment ends at ``-->`` or ``--!>`` and ``<!-->`` is an empty one, as in HTML;
        Python 3.11 knows only ``-->``, so one ``--!>`` would hide the rest of the file."""
        rawdata = self.rawdata
        abrupt = _ABRUPT_COMMENT.match(rawdata, i)
        close = abrupt or _COMMENT_END.search(rawdata, i + 4)
        if close is None:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4 : max(i + 4, close.start())])
        return close.end()

    def parse_html_declaration(self, i: int) -> int:
        """A declaration the base class rejects (``<![foo[``) is a bogus comment, as in HTML;
        the base class raises AssertionError and has already moved its position."""
        saved = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = saved
            return self.parse_bogus_comment(i)


def _tokenize(text: str, sink: _Sink) -> None:
    masked = text.replace("&", _MASK)
    lines = _line_starts(text)
    start = 0
    while start < len(text):
        start = _tokenize_from(text, masked, start, sink, lines)


def _tokenize_from(text: str, masked: str, start: int, sink: _Sink, lines: list[int]) -> int:
    """Tokenize from ``start`` until the tokenizer stops; returns where to go on."""
    tokenizer = _Tokenizer(sink, lines, start)
    try:
        tokenizer.feed(masked[start:] if start else masked)
        stop = len(text) - len(tokenizer.rawdata)
    except AssertionError:  # the base class's last resort on input it cannot place
        stop = max(tokenizer.here(), start + 1)
    tokenizer.flush(stop)
    if stop >= len(text):
        return len(text)
    if tokenizer.cdata_elem is not None:  # <script> or <style> never closed
        sink.markup(stop, len(text))
        return len(text)
    return _skip_broken(text, stop, sink)


def _skip_broken(text: str, start: int, sink: _Sink) -> int:
    """Leave out the construct the tokenizer stopped in; returns where to go on."""
    size = len(text)
    if text[start] != "<":
        after = text.find("<", start + 1)
        end = size if after < 0 else after
        sink.data(start, end)
        return end
    if start + 1 == size:
        sink.data(start, size)
        return size
    if text.startswith("<!--", start):
        end = size
    else:
        close = text.find(">", start + 1)
        end = size if close < 0 else close + 1
    sink.markup(start, end)
    return end


class _ViewBuilder:
    """Builds the view piece by piece, with the OffsetMap that maps it back to the file."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._parts: list[str] = []
        self._pieces: list[int] = []  # view start, text start, view len, text len; flat
        self.length = 0
        self._text_end = 0
        self._copying = False  # the last piece copies the file up to _text_end
        self._blank_at = 0  # a view this long is known to end in a blank line

    def read(self, start: int, end: int, in_attribute: bool = False) -> None:
        """Add ``text[start:end]``, character references decoded."""
        if self._text.find("&", start, end) < 0:
            self._copy(start, end)
            return
        pos = start
        for reference in references(self._text, start, end, in_attribute):
            self._copy(pos, reference.start)
            self._unit(reference.start, reference.end - reference.start, reference.value)
            pos = reference.end
        self._copy(pos, end)

    def block_break(self, at: int) -> None:
        """Separate what follows by a blank line, unless the view already ends in one."""
        if self._blank_at != self.length and not self._ends_blank():
            self._unit(at, 0, "\n\n")
        self._blank_at = self.length

    def line_break(self, at: int) -> None:
        if self.length:
            self._unit(at, 0, "\n")

    def build(self) -> tuple[str, OffsetMap]:
        p = self._pieces
        offsets = OffsetMap(tuple(p[0::4]), tuple(p[1::4]), tuple(p[2::4]), tuple(p[3::4]))
        return "".join(self._parts), offsets

    def _copy(self, start: int, end: int) -> None:
        """A run of the file read as it is: one view character per file character."""
        if start >= end:
            return
        size = end - start
        if self._copying and self._text_end == start:
            self._pieces[-2] += size
            self._pieces[-1] += size
        else:
            self._pieces += (self.length, start, size, size)
            self._copying = True
        self._parts.append(self._text[start:end])
        self.length += size
        self._text_end = end

    def _unit(self, at: int, size: int, value: str) -> None:
        """A piece read as a whole: a reference, or a separator with no file text."""
        pieces = self._pieces
        at = max(at, self._text_end)  # pieces never go back in the file
        if not size and pieces and not pieces[-1] and pieces[-3] == at:
            pieces[-2] += len(value)  # separators in one place make one piece
        else:
            pieces += (self.length, at, len(value), size)
        self._parts.append(value)
        self.length += len(value)
        self._text_end = at + size
        self._copying = False

    def _ends_blank(self) -> bool:
        """Whether the view ends in a blank line (an empty view counts: nothing to separate).
        Looks back only over trailing whitespace, which the next separator closes off."""
        newlines = 0
        for part in reversed(self._parts):
            if not part[-1:].isspace():
                return False
            content = part.rstrip()
            newlines += part.count("\n", len(content))
            if newlines >= 2:
                return True
            if content:
                return False
        return True


@dataclass(frozen=True)
class _Frame:
    """An open element."""

    name: str
    hidden: bool  # inside script, style, svg ...: never read, whatever its language
    foreign: bool  # in another language than Dutch
    role: tuple[RegionKind, str] | None
    start: int  # view offset where its content starts
    skipped: bool  # hidden or foreign


class _Reader:
    """Turns tokens into the view, its regions and the elements still open."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._view = _ViewBuilder(text)
        self._stack = [_Frame("", False, False, None, 0, False)]  # the document; never closed
        self._open: Counter[str] = Counter()
        self._regions: list[Region] = []

    def finish(self) -> tuple[str, OffsetMap, tuple[Region, ...]]:
        while len(self._stack) > 1:
            self._pop()
        view, offsets = self._view.build()
        return view, offsets, tuple(sorted(self._regions))

    def data(self, start: int, end: int) -> None:
        if not self._stack[-1].skipped:
            self._view.read(start, end)

    def markup(self, start: int, end: int) -> None:
        pass  # comments, declarations, broken tags: never read

    def start_tag(self, name: str, start: int, end: int, named: list[str]) -> None:
        if name in _IMPLIED_ENDS:
            self._close_implied(name)
        parent = self._stack[-1]
        if not parent.skipped and name in BLOCK_TAGS:
            self._view.block_break(start)
        elif not parent.skipped and name == "br":
            self._view.line_break(start)
        found = [] if _WANTED.isdisjoint(named) else attributes(self._text, start, end)
        hidden = parent.hidden or name in HIDDEN_TAGS
        foreign = self._foreign(parent, found)
        if found and not (parent.skipped or hidden or foreign):
            self._read_fields(name, found)
        if name not in VOID_TAGS:
            skipped = hidden or foreign
            role = ROLES.get(name)
            self._stack.append(_Frame(name, hidden, foreign, role, self._view.length, skipped))
            self._open[name] += 1

    def end_tag(self, name: str, start: int, end: int) -> None:
        if not self._open[name]:
            return  # nothing to close: ignored, as browsers do
        while self._pop().name != name:
            pass
        if name in BLOCK_TAGS and not self._stack[-1].skipped:
            self._view.block_break(start)

    def _foreign(self, parent: _Frame, found: list[Attribute]) -> bool:
        """Whether an element is in another language than Dutch: ``lang="nl"`` inside
        ``lang="en"`` is Dutch again (content of a script stays hidden regardless)."""
        language = _language(self._text, found) if found else None
        if language is None:
            return parent.foreign
        return not language.startswith("nl")

    def _read_fields(self, name: str, found: list[Attribute]) -> None:
        for attribute, start, end in _fields(self._text, name, found):
            self._view.block_break(start)
            begin = self._view.length
            self._view.read(start, end, in_attribute=True)
            self._regions.append(Region(begin, self._view.length, "field", attribute))
            self._view.block_break(end)

    def _close_implied(self, name: str) -> None:
        rule = _IMPLIED_ENDS.get(name)
        if rule is None:
            return
        targets, between = rule
        for depth in range(1, min(len(self._stack) - 1, _IMPLIED_REACH) + 1):
            current = self._stack[-depth].name
            if current in targets:
                for _ in range(depth):
                    self._pop()
                return
            if current not in between:
                return

    def _pop(self) -> _Frame:
        frame = self._stack.pop()
        self._open[frame.name] -= 1
        end = self._view.length
        if frame.role is not None and not frame.skipped and end > frame.start:
            kind, note = frame.role
            self._regions.append(Region(frame.start, end, kind, note))
        return frame


def _fields(text: str, name: str, found: list[Attribute]) -> Iterator[tuple[str, int, int]]:
    """The attributes of a tag whose values people read and are not blank: name and span."""
    describes = name == "meta" and any(
        a.name in ("name", "property")
        and a.value is not None
        and decode(text, *a.value).strip().lower() in _DESCRIPTIONS
        for a in found
    )
    for attribute in found:
        readable = attribute.name in FIELD_ATTRIBUTES or (describes and attribute.name == "content")
        if readable and attribute.value is not None:
            start, end = attribute.value
            if text[start:end].strip():
                yield attribute.name, start, end
