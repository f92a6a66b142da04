"""Read a Markdown file into a Document: the file itself is the view, regions say what is not
prose (code, link targets, front matter, HTML) and what is a mention (emphasis, code).

markdown-it-py parses (CommonMark with tables, and YAML front matter). It gives block tokens a
line map but inline tokens no offsets, so inline constructs are placed by walking a cursor
forward through each inline block's source in token order. Nothing is searched for from the
start again, which keeps the reader linear in the size of the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from html import unescape
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from taalwacht.formats import html
from taalwacht.model.document import Document, Region, RegionKind

CODE_BLOCK = "codeblok"
CODE_SPAN = "`…`"
EMPHASIS = "*…*"
FRONT_MATTER = "front matter"
LINK = "link"
DEFINITION = "linkdefinitie"
HTML = "HTML"

_LEAF_BLOCKS = frozenset(
    "paragraph_open heading_open fence code_block html_block hr table_open front_matter".split()
)
_LINE_BREAK = re.compile(r"\r\n?|\n")
_SOFT_BREAK = re.compile(r"[ \t]*\\?\n[ \t]*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLOSING_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})[ \t]*")
_SPACE = " \t\n"
_SLACK = 16  # how far a marker may sit past the cursor before it counts as lost
_LABEL_LONGEST = 1000  # CommonMark: a link label has at most 999 characters


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def parse(text: str, path: str = "-") -> Document:
    """The Document of a Markdown file: ``text`` as the view, with its regions."""
    reader = _Reader(text)
    reader.read(_markdown().parse(text))
    return Document(path=path, text=text, kind="markdown", regions=reader.regions())


class _Lines:
    """Line starts and ends, counted as markdown-it counts lines (CRLF, CR and LF)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.ends: list[int] = []
        for match in _LINE_BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """From the start of line ``first`` to the end of line ``last`` (without its break)."""
        last = min(last, len(self.starts) - 1)
        return self.starts[first], self.ends[last]


class _Placement:
    """Maps offsets in an inline token's content to file offsets, piece by piece: content
    drops line prefixes (``> ``, list indentation) and turns CRLF into LF."""

    def __init__(self) -> None:
        self._content: list[int] = []
        self._file: list[int] = []

    def add(self, content: int, file: int) -> None:
        self._content.append(content)
        self._file.append(file)

    def __call__(self, offset: int) -> int:
        i = max(0, bisect_right(self._content, offset) - 1)
        return self._file[i] + offset - self._content[i]


class _Reader:
    """Collects the regions of one file from markdown-it's tokens."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._source = text.replace("\x00", "\ufffd")  # as markdown-it reads it, same offsets
        self._lines = _Lines(text)
        self._covered = bytearray(len(self._lines))
        self._regions: list[Region] = []
        self._row = (-1, 0)  # table row line, and where the next cell may start

    def regions(self) -> tuple[Region, ...]:
        return tuple(sorted(r for r in self._regions if r.end > r.start))

    def read(self, tokens: list[Token]) -> None:
        cell = False
        for token in tokens:
            if token.map is not None and token.type in _LEAF_BLOCKS:
                first, end = token.map[0], min(token.map[1], len(self._covered))
                self._covered[first:end] = b"\x01" * max(0, end - first)
            self._block(token, cell)
            cell = token.type in ("th_open", "td_open")
        self._definitions()

    def _block(self, token: Token, cell: bool) -> None:
        if token.map is None:
            return
        first, end = token.map
        if token.type == "front_matter":
            self._add(*self._lines.span(first, end - 1), "skip", FRONT_MATTER)
        elif token.type == "fence":
            self._fence(first, end, token.markup)
        elif token.type == "code_block":
            self._add(*self._lines.span(first, end - 1), "code", CODE_BLOCK)
        elif token.type == "html_block":
            self._html_block(*self._lines.span(first, end - 1))
        elif token.type == "inline":
            self._inline(token, first, cell)

    def _add(self, start: int, end: int, kind: RegionKind, note: str) -> None:
        self._regions.append(Region(start, end, kind, note))

    def _fence(self, first: int, end: int, markup: str) -> None:
        """The content lines of a fenced block: without the fences, so the info string
        (```` ```python ````) and the fences stay out of the code region."""
        last = end - 1
        if last > first and _closes_fence(self._line(last), markup):
            last -= 1
        if last > first:
            self._add(*self._lines.span(first + 1, last), "code", CODE_BLOCK)

    def _html_block(self, start: int, end: int) -> None:
        for region in html.text_regions(self._text[start:end]):
            self._add(start + region.start, start + region.end, region.kind, region.note)

    def _inline(self, token: Token, first: int, cell: bool) -> None:
        placement = self._place(token.content, first, cell)
        if placement is None:
            return  # cannot tell where it is: no regions rather than wrong ones
        walker = _Walker(token.content, placement, self._regions)
        walker.walk(token.children or [])

    def _line(self, number: int) -> str:
        return self._source[self._lines.starts[number] : self._lines.ends[number]]

    def _place(self, content: str, first: int, cell: bool) -> _Placement | None:
        """Where each line of an inline token's content sits in the file."""
        placement = _Placement()
        parts = content.split("\n")
        offset = 0
        for k, part in enumerate(parts):
            line = first + k
            if line >= len(self._lines):
                return None
            if cell:
                found = self._place_cell(part, line, placement, offset)
            else:
                found = self._place_line(part, line, k == len(parts) - 1, placement, offset)
            if not found:
                return None
            offset += len(part) + 1
        return placement

    def _place_line(
        self, part: str, line: int, last: bool, placement: _Placement, offset: int
    ) -> bool:
        """A paragraph or heading line ends the file's line, after any prefix; the last one
        may be followed by spaces or a heading's closing ``#``."""
        source = self._source
        low, high = self._lines.starts[line], self._lines.ends[line]
        end = high
        if last:
            while end > low and source[end - 1] in " \t":
                end -= 1
        at = end - len(part)
        if at < low or not source.startswith(part, at):
            stripped = part.lstrip(" \t")  # indentation markdown-it rebuilt from a tab
            at = source.rfind(stripped, low, high)
            if at < 0:
                return False
            offset += len(part) - len(stripped)
        placement.add(offset, at)
        return True

    def _place_cell(self, part: str, line: int, placement: _Placement, offset: int) -> bool:
        """Table cells share a line: each is found after the one before; ``\\|`` in the file
        is ``|`` in the cell's content."""
        row, cursor = self._row
        low, high = self._lines.starts[line], self._lines.ends[line]
        if row != line:
            cursor = low
        at = self._source.find(part, cursor, high)
        if at >= 0:
            placement.add(offset, at)
            self._row = (line, at + len(part))
            return True
        at = self._source.find(part.replace("|", "\\|"), cursor, high)
        if at < 0:
            return False
        placement.add(offset, at)
        shift = 0
        for index, char in enumerate(part):
            if char == "|":
                shift += 1
                placement.add(offset + index, at + index + shift)
        self._row = (line, at + len(part) + shift)
        return True

    def _definitions(self) -> None:
        """Lines no leaf block covers hold no prose: reference definitions
        (``[ref]: https://… "titel"``), or bare list and quote markers."""
        starts, ends, source = self._lines.starts, self._lines.ends, self._source
        run: tuple[int, int] | None = None
        for number, covered in enumerate(self._covered):
            start, end = starts[number], ends[number]
            line = "" if covered else source[start:end]
            content = line.lstrip()
            if not content and run is not None:
                self._add(*run, "skip", DEFINITION)
                run = None
            elif content:
                begin = end - len(content)
                run = (begin, end) if run is None else (run[0], end)
        if run is not None:
            self._add(*run, "skip", DEFINITION)


def _closes_fence(line: str, markup: str) -> bool:
    match = _CLOSING_FENCE.fullmatch(line)
    return (
        match is not None and match.group(1)[0] == markup[0] and len(match.group(1)) >= len(markup)
    )


class _OpenTag(NamedTuple):
    info: html.TagInfo
    start: int  # content offset of the tag
    end: int  # content offset after the tag


class _Walker:
    """Walks the children of one inline token with a cursor through its content."""

    def __init__(self, src: str, placement: _Placement, regions: list[Region]) -> None:
        self._src = src
        self._place = placement
        self._regions = regions
        self._pos = 0
        self._emphasis: list[int] = []  # content offsets where open emphasis starts
        self._strong: list[int] = []  # same for strong emphasis opened right inside one (or -1)
        self._hug: tuple[int, int] | None = None  # inner span of the strong just closed
        self._last = ""  # the type of the token handled last
        self._tags: list[_OpenTag] = []  # inline HTML elements still open

    def walk(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            following = self._step(tokens, index)
            last = tokens[following - 1]
            if last.type != "text" or last.content:  # delimiters leave empty text tokens
                self._last = last.type
            index = following

    def _step(self, tokens: Sequence[Token], index: int) -> int:
        """Handle ``tokens[index]``; returns the index of the next token to handle."""
        token = tokens[index]
        kind = token.type
        if kind in ("text", "text_special"):
            self._align(token.content)
        elif kind in ("softbreak", "hardbreak"):
            self._line_break()
        elif kind == "code_inline":
            self._code(token.markup)
        elif kind == "em_open":
            self._open_emphasis(token.markup)
        elif kind == "em_close":
            self._close_emphasis(token.markup)
        elif kind == "strong_open":
            self._open_strong(token.markup)
        elif kind == "strong_close":
            self._close_strong(token.markup)
        elif kind == "link_open" and token.markup == "autolink":
            return self._autolink(tokens, index)
        elif kind == "link_open":
            self._expect("[")
        elif kind == "link_close":
            self._link_tail()
        elif kind == "image":
            self._image(token)
        elif kind == "html_inline":
            self._html(token.content)
        elif token.content and self._src.startswith(token.content, self._pos):
            self._pos += len(token.content)
        return index + 1

    def _region(self, start: int, end: int, kind: RegionKind, note: str) -> None:
        if end > start:
            self._regions.append(Region(self._place(start), self._place(end), kind, note))

    def _expect(self, marker: str) -> int:
        """Where ``marker`` starts at (or just after) the cursor, which moves past it;
        -1 when it is not there."""
        src, pos = self._src, self._pos
        if src.startswith(marker, pos):
            at = pos
        else:
            at = src.find(marker, pos, pos + _SLACK + len(marker))
        if at >= 0:
            self._pos = at + len(marker)
        return at

    def _align(self, text: str) -> None:
        """Move the cursor past ``text``, which the source may spell with backslash escapes
        (``\\*``) and entities (``&amp;``)."""
        src = self._src
        if src.startswith(text, self._pos):
            self._pos += len(text)
            return
        pos, k = self._pos, 0
        while k < len(text) and pos < len(src):
            char = src[pos]
            if char == text[k]:
                pos, k = pos + 1, k + 1
            elif char == "\\" and src.startswith(text[k], pos + 1):
                pos, k = pos + 2, k + 1
            elif (
                char == "&"
                and (entity := _ENTITY.match(src, pos)) is not None
                and (text.startswith(decoded := unescape(entity.group()), k) and decoded)
            ):
                pos, k = entity.end(), k + len(decoded)
            else:
                pos += 1  # a source character the text does not show
        self._pos = pos

    def _line_break(self) -> None:
        match = _SOFT_BREAK.match(self._src, self._pos)
        if match is not None:
            self._pos = match.end()

    def _code(self, fence: str) -> None:
        """An inline code span, backticks included."""
        start = self._expect(fence)
        if start < 0:
            return
        close = _closing_run(self._src, fence, self._pos)
        if close >= 0:
            self._pos = close + len(fence)
            self._region(start, self._pos, "code", CODE_SPAN)

    def _open_emphasis(self, marker: str) -> None:
        at = self._expect(marker)
        self._emphasis.append(self._pos if at >= 0 else -1)

    def _close_emphasis(self, marker: str) -> None:
        """The region holds the emphasised words, without the markers of a strong emphasis
        that fills it (``***klant***``), so ``klant`` still fills the region."""
        start = self._emphasis.pop() if self._emphasis else -1
        hug = self._hug if self._last == "strong_close" else None
        end = self._expect(marker)
        if hug is not None and start >= 0:
            start, end = hug
        if start >= 0 and end >= start:
            self._region(start, end, "emphasis", EMPHASIS)

    def _open_strong(self, marker: str) -> None:
        self._expect(marker)
        self._strong.append(self._pos if self._last == "em_open" else -1)

    def _close_strong(self, marker: str) -> None:
        start = self._strong.pop() if self._strong else -1
        end = self._expect(marker)
        self._hug = (start, end) if start >= 0 and end >= start else None

    def _autolink(self, tokens: Sequence[Token], index: int) -> int:
        """``<https://…>`` is skipped whole; its text token repeats the address."""
        start = self._expect("<")
        close = self._src.find(">", self._pos) if start >= 0 else -1
        if close >= 0:
            self._pos = close + 1
            self._region(start, self._pos, "skip", LINK)
        index += 1
        while index < len(tokens) and tokens[index].type != "link_close":
            index += 1
        return index + 1

    def _image(self, token: Token) -> None:
        """``![alt](src "title")``: the alt text is read, the rest skipped."""
        if self._expect("![") >= 0:
            self.walk(token.children or [])
            self._link_tail()

    def _link_tail(self) -> None:
        """Skip ``](target "title")`` or ``][label]`` after a link's text."""
        start = self._expect("]")
        if start < 0:
            return
        end = _link_end(self._src, self._pos)
        if end > self._pos:
            self._pos = end
            self._region(start, end, "skip", LINK)

    def _html(self, tag: str) -> None:
        """An inline HTML tag or comment: skipped; ``<em>…</em>``, ``<code>``, ``<q>`` mark
        what they enclose as HTML does, a script or another language is skipped whole."""
        start = self._expect(tag)
        if start < 0:
            return
        self._region(start, self._pos, "skip", HTML)
        info = html.describe_tag(tag)
        if info is None or info.empty:
            return
        if not info.closing:
            self._tags.append(_OpenTag(info, start, self._pos))
            return
        if all(open_tag.info.name != info.name for open_tag in self._tags):
            return
        while (open_tag := self._tags.pop()).info.name != info.name:
            pass
        if open_tag.info.hidden:
            self._region(open_tag.start, self._pos, "skip", HTML)
        elif open_tag.info.role is not None:
            self._region(open_tag.end, start, *open_tag.info.role)


def _closing_run(src: str, fence: str, start: int) -> int:
    """Where the backtick run that closes a code span opened with ``fence`` starts: the
    first run of exactly the same length."""
    pos = start
    while (at := src.find(fence, pos)) >= 0:
        end = at + len(fence)
        while end < len(src) and src[end] == "`":
            end += 1
        if end - at == len(fence):
            return at
        pos = end
    return -1


def _link_end(src: str, pos: int) -> int:
    """Where a link ends after its text's ``]`` at ``pos - 1``: past ``(target "title")``
    or ``[label]``, following markdown-it's own link rule; ``pos`` for a shortcut link."""
    if src.startswith("(", pos):
        end = _inline_target_end(src, pos + 1)
        return pos if end < 0 else end
    if src.startswith("[", pos):
        end = _label_end(src, pos)
        return pos if end < 0 else end + 1
    return pos


def _inline_target_end(src: str, pos: int) -> int:
    """Past the ``)`` of ``(target "title")``, with ``pos`` after the ``(``; -1 if invalid."""
    size = len(src)
    pos = _skip_space(src, pos)
    if pos >= size:
        return -1
    target = parseLinkDestination(src, pos, size)
    if target.ok:
        md = _markdown()
        if md.validateLink(md.normalizeLink(target.str)):
            pos = target.pos
        before_title = pos
        pos = _skip_space(src, pos)
        title = parseLinkTitle(src, pos, size)
        if pos < size and before_title != pos and title.ok:
            pos = _skip_space(src, title.pos)
    return pos + 1 if src.startswith(")", pos) else -1


def _skip_space(src: str, pos: int) -> int:
    while pos < len(src) and src[pos] in _SPACE:
        pos += 1
    return pos


def _label_end(src: str, start: int) -> int:
    """The ``]`` that closes the label opened at ``start``; -1 if none nearby."""
    depth = 0
    pos = start
    limit = min(len(src), start + _LABEL_LONGEST)
    while pos < limit:
        char = src[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    return -1
