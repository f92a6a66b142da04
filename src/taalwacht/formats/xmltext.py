"""Text extracted from XML documents, with a map back to the nodes that hold each character.

Word and OpenDocument keep a paragraph's words in many small pieces: Word splits a word over
several runs after an edit or a spelling check (``<w:t>klant</w:t><w:t>managers</w:t>``),
OpenDocument mixes text with elements. The reader builds one plain text for the engine and
records, per piece of editable text, the node and slot (``text`` or ``tail``) it came from
(``Segment``). Writing back is then one small operation per edit: the new words go into the
first piece the edit touches, in that piece's formatting, and the characters the edit
covers in later pieces are removed from them. Everything else in the part stays as it was.

Characters a writer cannot edit as text (a tab, a line break, a run of spaces written as
``<text:s/>``) are in the text but in no segment; an edit that covers one is refused.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from taalwacht.model.document import Document, DocumentKind, Place, Region, RegionKind
from taalwacht.model.edit import Edit

if TYPE_CHECKING:
    from lxml import etree

Slot = Literal["text", "tail"]
_CHEVRONS = re.compile(r"«[^«»\n]{1,80}»")


@dataclass(slots=True)
class Segment:
    """``text[start:end]`` is the whole of ``node.text`` (or ``node.tail``) as read."""

    start: int
    end: int
    node: etree._Element
    slot: Slot
    part: str  # the package member the node belongs to


@dataclass(frozen=True)
class Note:
    """A comment ``--annotate`` anchors on ``[start, end)`` of the extracted text."""

    start: int
    end: int
    text: str


def touches_field(regions: Sequence[Region], edits: Sequence[Edit]) -> bool:
    """Whether an edit reaches into a field (a ``template`` region): never written."""
    fields = [r for r in regions if r.kind == "template"]
    return any(e.start < r.end and r.start < max(e.end, e.start + 1) for r in fields for e in edits)


class NotEditable(Exception):
    """An edit covers characters no segment holds (a tab, a field, a line break)."""


@dataclass
class Extraction:
    """A growing extracted text with its segments, places and regions."""

    chunks: list[str] = field(default_factory=list)
    length: int = 0
    segments: list[Segment] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)

    def editable(self, text: str, node: etree._Element, slot: Slot, part: str) -> None:
        """Text the writer can change in place."""
        if not text:
            return
        start = self.length
        self.length = end = start + len(text)
        self.segments.append(Segment(start, end, node, slot, part))
        self.chunks.append(text)

    def fixed(self, text: str) -> None:
        """Text that is read but not written back as such (a tab, a line break)."""
        self._add(text)

    def _add(self, text: str) -> None:
        self.chunks.append(text)
        self.length += len(text)

    def paragraph(self, part: str, number: int, within: str = "") -> None:
        """A new paragraph begins here (the previous one ends with a line break)."""
        chunks = self.chunks
        if chunks and not chunks[-1].endswith("\n"):
            chunks.append("\n")
            self.length += 1
        self.places.append(Place(self.length, part, number, within))

    def region(self, start: int, end: int, kind: RegionKind, note: str) -> None:
        if end <= start:
            return
        last = self.regions[-1] if self.regions else None
        if last is not None and last.kind == kind and last.end == start and last.note == note:
            self.regions[-1] = Region(last.start, end, kind, note)  # one word over two runs
        else:
            self.regions.append(Region(start, end, kind, note))

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def document(self, path: str, kind: DocumentKind, size: int) -> Document:
        """The extracted text as a ``Document``: regions sorted, places as read."""
        regions, places = tuple(sorted(self.regions)), tuple(self.places)
        return Document(path, self.text, kind, regions=regions, size=size, places=places)

    def typed_fields(self) -> None:
        """Placeholders typed between chevrons (``«klant.naam»``), as templates write a
        merge field that is not a real field: ``template`` regions like real fields. The
        last step of a reader: the text is joined here, once."""
        text = self.text
        self.chunks = [text]
        if "«" not in text:
            return
        fields = [(r.start, r.end) for r in self.regions if r.kind == "template"]
        for match in _CHEVRONS.finditer(text):
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in fields):  # a real field already
                self.regions.append(Region(start, end, "template", "veld"))
        self.regions.sort()


def slot_text(segment: Segment) -> str:
    value = segment.node.text if segment.slot == "text" else segment.node.tail
    return value or ""


def set_slot(segment: Segment, value: str) -> None:
    if segment.slot == "text":
        segment.node.text = value
    else:
        segment.node.tail = value


class SegmentIndex:
    """Segments sorted by start, looked up by bisection."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = list(segments)
        self.starts = [s.start for s in self.segments]

    def covering(self, start: int, end: int) -> list[Segment]:
        """The segments that hold ``[start, end)``, in order; ``NotEditable`` when a
        character in it is in none of them (or the edit reaches past a paragraph)."""
        if end == start:
            return [self.at(start)]
        i = max(bisect_right(self.starts, start) - 1, 0)
        found: list[Segment] = []
        at = start
        while i < len(self.segments) and at < end:
            segment = self.segments[i]
            if segment.end <= at:
                i += 1
                continue
            if segment.start > at:
                raise NotEditable(start)
            found.append(segment)
            at = segment.end
            i += 1
        if at < end:
            raise NotEditable(start)
        return found

    def at(self, position: int) -> Segment:
        """The segment an insertion at ``position`` goes into: the one holding the
        character there, or the one ending right before it."""
        i = bisect_right(self.starts, position) - 1
        if i >= 0 and self.segments[i].start <= position <= self.segments[i].end:
            if position == self.segments[i].end and i + 1 < len(self.segments):
                after = self.segments[i + 1]
                if after.start == position:
                    return self.segments[i] if position > self.segments[i].start else after
            return self.segments[i]
        if i + 1 < len(self.segments) and self.segments[i + 1].start == position:
            return self.segments[i + 1]
        raise NotEditable(position)


def apply_in_place(
    segments: Sequence[Segment],
    edits: Iterable[Edit],
    touched: Callable[[Segment], None] | None = None,
) -> set[str]:
    """Write ``edits`` (offsets into the extracted text, not overlapping) into the nodes;
    return the parts changed. The new words take the formatting of the first piece an edit
    touches; later pieces lose the characters it covers. Edits go from the last to the
    first, so the offsets of earlier pieces inside their nodes stay valid."""
    index = SegmentIndex(segments)
    changed: set[str] = set()
    for edit in sorted(edits, reverse=True):
        covered = index.covering(edit.start, edit.end)
        for n, segment in enumerate(covered):
            value = slot_text(segment)
            lo = max(edit.start - segment.start, 0)
            hi = min(edit.end, segment.end) - segment.start
            new = edit.text if n == 0 else ""
            set_slot(segment, value[:lo] + new + value[hi:])
            if touched is not None:
                touched(segment)
            changed.add(segment.part)
    return changed
