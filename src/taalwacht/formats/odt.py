"""OpenDocument text (.odt, and the template .ott), read and written like Word (``docx``).

Reading: the body (``content.xml``), then the headers and footers of the page styles
(``styles.xml``), one paragraph a line, as one text. OpenDocument mixes text and elements,
so a piece of editable text is an element's ``text`` or a child's ``tail`` (``xmltext``).

- ``<text:s/>`` (spaces), tabs and line breaks are read as their characters, not edited;
- footnotes and endnotes, comments (``office:annotation``) and text boxes are their own
  paragraphs, with their own places, never part of the paragraph that anchors them;
- the record of tracked changes (``text:tracked-changes``: deleted text) is not read;
- fields (a database field, a user field, a date, a page number) become ``template``
  regions: checked and reported, never rewritten;
- text in an italic character style becomes an ``emphasis`` region; text in a hidden one
  (``text:display="none"``) and hidden-text fields are not read.

Writing: plain edits in the text nodes, or (``mode="track"``) tracked changes by
"taalwacht" in the body: ``<text:change-start/>``…``<text:change-end/>`` around new words and
``<text:change/>`` where old words were, with the old words kept in
``text:tracked-changes``, so the writer accepts or rejects each change in LibreOffice.
Headers and footers cannot hold tracked changes in OpenDocument; there the edits are plain.
``annotate`` adds a comment (``office:annotation``) per finding in the body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.formats.package import Package, package_day, rewrite
from taalwacht.formats.xmltext import (
    Extraction,
    Note,
    NotEditable,
    Segment,
    SegmentIndex,
    apply_in_place,
    set_slot,
    slot_text,
    touches_field,
)
from taalwacht.model.document import Document
from taalwacht.model.edit import Edit

if TYPE_CHECKING:
    from lxml import etree

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DC = "http://purl.org/dc/elements/1.1/"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
AUTHOR = "taalwacht"
TEXT_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)

Mode = Literal["plain", "track"]


def t(name: str) -> str:
    return f"{{{TEXT}}}{name}"


_PARAGRAPHS = (t("p"), t("h"))
_INLINE = {t("span"), t("a"), t("meta"), t("ruby-base"), f"{{{OFFICE}}}annotation-end"}
_OWN_PARAGRAPHS = {  # hold paragraphs of their own: never part of the anchoring paragraph
    t("note"),
    f"{{{DRAW}}}frame",
    f"{{{DRAW}}}a",
    f"{{{OFFICE}}}annotation",
    t("tracked-changes"),
    t("ruby-text"),
}
_MARKERS = {  # no text of their own, or none that is shown (hidden text and paragraphs)
    t("hidden-text"),
    t("hidden-paragraph"),
    t("change"),
    t("change-start"),
    t("change-end"),
    t("bookmark"),
    t("bookmark-start"),
    t("bookmark-end"),
    t("reference-mark"),
    t("reference-mark-start"),
    t("reference-mark-end"),
    t("soft-page-break"),
    t("alphabetical-index-mark"),
    t("toc-mark"),
}


# ------------------------------------------------------------------ reading


@dataclass
class _Parts:
    package: Package
    roots: dict[str, etree._Element]


def _open(data: bytes, path: str) -> _Parts:
    package = Package(data, path)
    kind = ""
    if package.has("mimetype"):
        kind = package.read("mimetype").decode("ascii", "replace").strip()
    if kind and kind not in TEXT_TYPES:
        what = kind.rsplit(".", 1)[-1]
        raise InputError(path, messages.text("package.not-text-document", kind=what))
    roots = {"content.xml": package.xml("content.xml")}
    if package.has("styles.xml"):
        roots["styles.xml"] = package.xml("styles.xml")
    return _Parts(package, roots)


# when the document was last saved, else made (meta.xml)
META_DATES = (
    "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}meta/{http://purl.org/dc/elements/1.1/}date",
    "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}meta"
    "/{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date",
)


def read_bytes(data: bytes, path: str) -> Document:
    """The OpenDocument text in ``data`` as a ``Document`` (offsets into the extracted
    text)."""
    parts = _open(data, path)
    day = package_day(parts.package, "meta.xml", META_DATES)
    return replace(_extract(parts).document(path, "odt", len(data)), date=day)


def _extract(parts: _Parts) -> Extraction:
    out = Extraction()
    italic: set[str] = set()
    hidden: set[str] = set()
    for root in parts.roots.values():
        styled = _styles(root)
        italic |= styled[0]
        hidden |= styled[1]
    numbers: dict[str, int] = {}
    for name, root in parts.roots.items():
        for paragraph in root.iter(*_PARAGRAPHS):
            label, within = _where(paragraph)
            if label is None:
                continue
            numbers[label] = numbers.get(label, 0) + 1
            out.paragraph(label, numbers[label], within)
            _Reader(out, name, italic, hidden).inline(paragraph, italic=False)
    out.typed_fields()
    return out


def _where(paragraph: etree._Element) -> tuple[str | None, str]:
    """The part label and holder of a paragraph; None for one not shown as text (the
    record of tracked changes, a style definition) or one taalwacht wrote itself."""
    label, within = "hoofdtekst", ""
    for ancestor in paragraph.iterancestors():
        tag = ancestor.tag
        if tag == t("tracked-changes"):
            return None, ""
        if tag == t("note") and label == "hoofdtekst":
            label = "eindnoot" if ancestor.get(t("note-class")) == "endnote" else "voetnoot"
        elif tag == f"{{{OFFICE}}}annotation":
            if ancestor.findtext(f"{{{DC}}}creator") == AUTHOR:
                return None, ""  # our own remark (--annotate) is not the writer's text
            label = "opmerking"
        elif tag in (f"{{{STYLE}}}header", f"{{{STYLE}}}header-left", f"{{{STYLE}}}header-first"):
            label = "koptekst"
        elif tag in (f"{{{STYLE}}}footer", f"{{{STYLE}}}footer-left", f"{{{STYLE}}}footer-first"):
            label = "voettekst"
        elif tag == f"{{{DRAW}}}text-box" and not within:
            within = "tekstvak"
        elif tag == f"{{{TABLE}}}table-cell" and not within:
            within = "tabelcel"
        elif tag == f"{{{OFFICE}}}styles":
            return None, ""
    return label, within


def _styles(root: etree._Element) -> tuple[set[str], set[str]]:
    """The names of the italic and of the hidden (``text:display="none"``) styles."""
    italic, hidden = set(), set()
    for style in root.iter(f"{{{STYLE}}}style"):
        props = style.find(f"{{{STYLE}}}text-properties")
        if props is None:
            continue
        name = style.get(f"{{{STYLE}}}name", "")
        if props.get(f"{{{FO}}}font-style") == "italic":
            italic.add(name)
        if props.get(t("display")) == "none":
            hidden.add(name)
    return italic, hidden


class _Reader:
    def __init__(self, out: Extraction, part: str, italic: set[str], hidden: set[str]) -> None:
        self.out, self.part, self.italic, self.hidden = out, part, italic, hidden

    def inline(self, element: etree._Element, *, italic: bool) -> None:
        self.piece(element.text, element, "text", italic)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):  # a comment or processing instruction
                pass
            elif tag in _INLINE:
                style = child.get(t("style-name"), "")
                if style not in self.hidden:  # hidden text is not read
                    self.inline(child, italic=italic or style in self.italic)
            elif tag == t("s"):
                self.out.fixed(" " * _count(child))
            elif tag == t("tab"):
                self.out.fixed("\t")
            elif tag == t("line-break"):
                self.out.fixed("\n")
            elif tag in _OWN_PARAGRAPHS or tag in _MARKERS:
                pass
            elif tag.startswith(f"{{{TEXT}}}"):  # a field: what it shows, never rewritten
                shown = "".join(str(s) for s in child.itertext())
                start = self.out.length
                self.out.fixed(shown)
                self.out.region(start, self.out.length, "template", "veld")
            self.piece(child.tail, child, "tail", italic)

    def piece(
        self, value: str | None, node: etree._Element, slot: Literal["text", "tail"], italic: bool
    ) -> None:
        if not value:
            return
        start = self.out.length
        self.out.editable(value, node, slot, self.part)
        if italic:
            self.out.region(start, self.out.length, "emphasis", "cursief")


def _count(space: etree._Element) -> int:
    value = space.get(t("c"), "1")
    return int(value) if value.isdigit() and int(value) < 10_000 else 1


# ------------------------------------------------------------------ writing


def write(data: bytes, path: str, edits: Sequence[Edit], mode: Mode = "plain") -> bytes:
    """The package ``data`` with ``edits`` made in its text nodes: plainly, or as tracked
    changes in the body (``mode="track"``)."""
    parts = _open(data, path)
    extraction = _extract(parts)
    if touches_field(extraction.regions, edits):
        raise InputError(path, messages.text("package.template-left"))
    try:
        if mode == "track":
            changed = _track(parts, extraction.segments, edits)
        else:
            changed = apply_in_place(extraction.segments, edits)
    except NotEditable as err:
        raise InputError(path, messages.text("package.no-edit-here")) from err
    return rewrite(parts.package, parts.roots, changed)


class _Changes:
    """The body's ``text:tracked-changes``, and fresh ids for new changed regions."""

    def __init__(self, content: etree._Element) -> None:
        from lxml import etree

        body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
        if body is None:
            raise NotEditable(0)
        record = body.find(t("tracked-changes"))
        if record is None:
            record = etree.Element(t("tracked-changes"))
            forms = body.find(f"{{{OFFICE}}}forms")
            body.insert(0 if forms is None else body.index(forms) + 1, record)
        self.record = record
        used = {e.get(t("id")) for e in content.iter(t("changed-region"))}
        used |= {e.get(XML_ID) for e in content.iter(t("changed-region"))}
        self.used = used
        self.number = 0
        self.date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")

    def region(self, kind: str, deleted: str = "") -> str:
        from lxml import etree

        while True:
            self.number += 1
            name = f"taalwacht{self.number}"
            if name not in self.used:
                break
        region = etree.SubElement(self.record, t("changed-region"))
        region.set(t("id"), name)
        change = etree.SubElement(region, t(kind))
        info = etree.SubElement(change, f"{{{OFFICE}}}change-info")
        etree.SubElement(info, f"{{{DC}}}creator").text = AUTHOR
        etree.SubElement(info, f"{{{DC}}}date").text = self.date
        if kind == "deletion":
            etree.SubElement(change, t("p")).text = deleted
        return name


def _track(parts: _Parts, segments: Sequence[Segment], edits: Sequence[Edit]) -> set[str]:
    """Tracked changes in the body; plain edits in headers and footers."""
    from lxml import etree

    body_segments = [s for s in segments if s.part == "content.xml"]
    other = [s for s in segments if s.part != "content.xml"]
    index = SegmentIndex(body_segments)
    changes = _Changes(parts.roots["content.xml"])
    changed: set[str] = set()
    plain: list[Edit] = []
    full = SegmentIndex(segments)
    for edit in sorted(edits, reverse=True):
        first = full.covering(edit.start, edit.end)[0]
        if first.part != "content.xml":
            plain.append(edit)
            continue
        covered = index.covering(edit.start, edit.end)
        old = "".join(
            slot_text(s)[max(edit.start, s.start) - s.start : min(edit.end, s.end) - s.start]
            for s in covered
        )
        for n, segment in enumerate(covered):  # the old words out of the text nodes
            value = slot_text(segment)
            lo = max(edit.start - segment.start, 0)
            hi = min(edit.end, segment.end) - segment.start
            set_slot(segment, value[:lo] + value[hi:])
            if n == 0:
                at = (segment, lo)
        marks: list[etree._Element] = []
        if edit.text:
            name = changes.region("insertion")
            start = etree.Element(t("change-start"))
            start.set(t("change-id"), name)
            start.tail = edit.text
            end = etree.Element(t("change-end"))
            end.set(t("change-id"), name)
            marks += [start, end]
        if old:
            change = etree.Element(t("change"))
            change.set(t("change-id"), changes.region("deletion", old))
            marks.append(change)
        _insert(at[0], at[1], marks)
        changed.add("content.xml")
    if plain:
        changed |= apply_in_place(other, plain)
    return changed


def _insert(segment: Segment, at: int, elements: Sequence[etree._Element]) -> None:
    """Put ``elements`` into the text at character ``at`` of ``segment``'s slot."""
    if not elements:
        return
    value = slot_text(segment)
    set_slot(segment, value[:at])
    rest = value[at:]
    last = elements[-1]
    last.tail = (last.tail or "") + rest if rest else last.tail
    node = segment.node
    if segment.slot == "text":
        for i, element in enumerate(elements):
            node.insert(i, element)
    else:
        anchor = node
        for element in elements:
            anchor.addnext(element)
            anchor = element


# ------------------------------------------------------------------- comments


def annotate(data: bytes, path: str, notes: Sequence[Note]) -> tuple[bytes, int]:
    """The package with a comment by "taalwacht" on each note in the body; with how many
    were placed (notes in headers, footers, notes or fields are left out)."""
    from lxml import etree

    parts = _open(data, path)
    extraction = _extract(parts)
    body = [
        s
        for s, place in _with_places(extraction)
        if s.part == "content.xml" and place == "hoofdtekst"
    ]
    index = SegmentIndex(body)
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    placed = 0
    for number, note in enumerate(sorted(notes, key=lambda n: (n.start, n.end), reverse=True)):
        try:
            covered = index.covering(note.start, note.end)
        except NotEditable:
            continue
        name = f"taalwacht-opmerking-{number + 1}"
        end = etree.Element(f"{{{OFFICE}}}annotation-end")
        end.set(f"{{{OFFICE}}}name", name)
        last = covered[-1]
        _insert(last, note.end - last.start, [end])
        annotation = etree.Element(f"{{{OFFICE}}}annotation")
        annotation.set(f"{{{OFFICE}}}name", name)
        etree.SubElement(annotation, f"{{{DC}}}creator").text = AUTHOR
        etree.SubElement(annotation, f"{{{DC}}}date").text = date
        for line in note.text.splitlines() or [""]:
            etree.SubElement(annotation, t("p")).text = line
        first = covered[0]
        _insert(first, note.start - first.start, [annotation])
        placed += 1
    if not placed:
        return data, 0
    return rewrite(parts.package, parts.roots, {"content.xml"}), placed


def _with_places(extraction: Extraction) -> list[tuple[Segment, str]]:
    """Each segment with the part label of its paragraph."""
    from bisect import bisect_right

    starts = [p.start for p in extraction.places]
    out = []
    for segment in extraction.segments:
        i = bisect_right(starts, segment.start) - 1
        out.append((segment, extraction.places[i].part if i >= 0 else ""))
    return out


__all__ = ["Mode", "Note", "annotate", "read_bytes", "write"]
