"""A document as every stage sees it: the file's characters, the text the engine reads, and
the regions that say which parts are code, quoted, emphasised, skipped or switched off.

Offsets are half-open ``[start, end)`` indices into a Python ``str``. Two strings matter:

- ``Document.text`` is the file's characters, decoded (a BOM removed, CRLF kept as two
  characters). Findings, edits and reports use offsets into this string, so
  ``text[start:end]`` is exactly what the file holds (``klant&shy;managers`` in HTML).
- ``Document.view`` is what the engine reads: the readable text with markup left out and
  character references decoded (``klant\\u00admanagers``). For plain text and Markdown it is
  ``text`` itself. ``OffsetMap`` turns view offsets into text offsets and back.

Regions are in view offsets: the engine reads them and never a markup name.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

RegionKind = Literal[
    "code", "emphasis", "quote", "skip", "field", "suppress", "template", "written", "doubted"
]
DocumentKind = Literal["text", "markdown", "html", "docx", "odt", "pdf", "mail"]
# Formats whose text is extracted from a package (offsets point into that extracted text,
# not into the file's bytes) and the ones of those that taalwacht can write back.
EXTRACTED: frozenset[str] = frozenset({"docx", "odt", "pdf", "mail"})
WRITABLE_EXTRACTED: frozenset[str] = frozenset({"docx", "odt"})


@dataclass(frozen=True, order=True)
class Region:
    """A stretch of the view with a role.

    - ``code``: inline code, code blocks, ``<pre>``; a watched word there is shown, not used;
    - ``emphasis``: italics (``*klant*``, ``<em>``); a word that fills it is a mention;
    - ``quote``: a quotation (``<q>``); a word that fills it is a mention;
    - ``skip``: not prose at all (front matter, link targets, tags); never checked;
    - ``field``: text people read outside the body (``alt``, ``title``, a meta description);
    - ``suppress``: switched off by a ``taalwacht-disable`` comment;
    - ``template``: a Word or OpenDocument field (a merge field such as ``«klantnummer»``):
      checked and reported, never rewritten, since the template or its data source says it;
    - ``written``: words an earlier ``fix`` wrote in the file as it still stands (its backups
      record them): checked, but no evidence of what the text is about, since the writer did
      not choose them. Without this a second run would read its own *inwoner* as the
      writer's and report words the first run left alone.
    - ``doubted``: a word an earlier ``fix`` left to a person because it doubted the word's
      sense (from the same notes): a later ``fix`` leaves it too, while the file is as it was.

    ``note`` says where the region comes from in words a writer knows (``<code>``,
    ``codeblok``), for the reason ``--explain`` shows.
    """

    start: int
    end: int
    kind: RegionKind
    note: str = ""

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside this region."""
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class OffsetMap:
    """Monotone map from view offsets to text offsets, as a list of pieces.

    The pieces cover the view without gaps: piece ``i`` maps
    ``view[view_starts[i] : view_starts[i] + view_lens[i]]`` to
    ``text[text_starts[i] : text_starts[i] + text_lens[i]]``. Where both lengths are equal
    the characters correspond one to one (a run of plain text); otherwise the piece is one
    unit: a character reference (``&eacute;`` read as ``é``) or a separator the reader put
    between blocks (a line break for ``</p>``, with no text of its own). Text that no piece
    covers (tags, comments, scripts) is not read. No pieces means the identity map.
    """

    view_starts: tuple[int, ...] = ()
    text_starts: tuple[int, ...] = ()
    view_lens: tuple[int, ...] = ()
    text_lens: tuple[int, ...] = ()

    @property
    def identity(self) -> bool:
        return not self.view_starts

    def _piece(self, offset: int) -> int:
        return max(0, bisect_right(self.view_starts, offset) - 1)

    def start(self, offset: int) -> int:
        """The text offset where a span starting at view ``offset`` starts."""
        if self.identity:
            return offset
        i = self._piece(offset)
        delta = offset - self.view_starts[i]
        if self.view_lens[i] == self.text_lens[i] or delta == 0:
            return self.text_starts[i] + min(delta, self.text_lens[i])
        return self.text_starts[i] + self.text_lens[i]

    def end(self, offset: int) -> int:
        """The text offset where a span ending at view ``offset`` ends (a character
        reference is taken whole)."""
        if self.identity or offset == 0:
            return self.start(offset)
        i = self._piece(offset - 1)
        delta = offset - self.view_starts[i]
        if self.view_lens[i] == self.text_lens[i]:
            return self.text_starts[i] + min(delta, self.text_lens[i])
        return self.text_starts[i] + self.text_lens[i]

    def to_view(self, offset: int) -> int:
        """The view offset of text ``offset``; text no piece covers maps to where the view
        goes on after it."""
        if self.identity:
            return offset
        i = bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return 0
        delta = offset - self.text_starts[i]
        vlen, tlen = self.view_lens[i], self.text_lens[i]
        if delta >= tlen:
            return self.view_starts[i] + vlen
        return self.view_starts[i] + (delta if vlen == tlen else 0)


IDENTITY = OffsetMap()


@dataclass(frozen=True)
class Place:
    """Where a paragraph of extracted text sits in the document a writer opens: the part
    (``hoofdtekst``, ``koptekst``, ``voetnoot``, ``pagina`` ...), its number in that part
    (the paragraph, or the page of a PDF), and what holds it (``tabelcel``, ``tekstvak``).
    ``start`` is the paragraph's offset in ``Document.text``; places are sorted by it."""

    start: int
    part: str
    number: int
    within: str = ""

    def label(self) -> str:
        """``koptekst, alinea 2`` or ``pagina 3``, as the reports show it."""
        unit = "" if self.part in ("pagina", "onderwerp") else "alinea "
        if self.part == "onderwerp":
            return self.part
        where = f"{self.part} {self.number}" if not unit else f"{self.part}, {unit}{self.number}"
        return f"{where} ({self.within})" if self.within else where


def place_of(places: tuple[Place, ...], offset: int) -> Place | None:
    """The place holding ``offset``, or None for a document without places."""
    if not places:
        return None
    i = bisect_right([p.start for p in places], offset) - 1
    return places[max(i, 0)]


@dataclass(frozen=True)
class Document:
    """A decoded document ready to check; see the module docstring for the two strings.

    ``encoding`` is the codec of the bytes after the BOM (``utf-8``, ``cp1252``,
    ``utf-16-le`` ...) and ``bom`` whether the file had one, so a writer restores both.
    """

    path: str  # as shown to the user; "-" for standard input
    text: str
    kind: DocumentKind = "text"
    view: str | None = None  # None: the view is ``text``
    offsets: OffsetMap = IDENTITY  # view -> text; identity when ``view`` is None
    regions: tuple[Region, ...] = field(default=())
    encoding: str = "utf-8"
    bom: bool = False
    size: int = 0  # bytes read
    notes: tuple[str, ...] = field(default=())  # what the reader wants the user to know
    # What the file was when read: (device, inode, size, mtime_ns, sha256 hex), so a writer
    # refuses a file changed since; None for standard input and text parsed from memory.
    stamp: tuple[int, int, int, int, str] | None = None
    # UTF-8 with a few stray bytes in another encoding: checked, never rewritten.
    mixed_encoding: bool = False
    # Extracted formats (EXTRACTED): where each paragraph of ``text`` is in the document.
    places: tuple[Place, ...] = field(default=())
    # An e-mail's attached documents (.docx, .odt, .pdf), each checked as its own document;
    # their paths read ``bericht.eml » bijlage.docx``.
    attachments: tuple[Document, ...] = field(default=())
    date: str | None = None  # YYYY-MM-DD the document's metadata gives (the scan's month)

    @property
    def extracted(self) -> bool:
        """Whether offsets point into text extracted from a package (Word, PDF, e-mail)
        rather than into the file's own characters."""
        return self.kind in EXTRACTED

    @property
    def readable(self) -> str:
        """The text the engine reads."""
        return self.text if self.view is None else self.view
