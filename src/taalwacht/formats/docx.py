"""Word documents (.docx, and the template and macro variants .dotx, .docm, .dotm).

Reading: the main document, then headers, footers, footnotes, endnotes and comments, one
paragraph a line, as one text: the whole document is one passage for the sense decision.
What Word shows is what is read:

- text in runs (``w:t``); a tab, a line break and a non-breaking hyphen as their characters;
- deleted text of tracked changes (``w:del``, ``w:moveFrom``) and hidden text (``w:vanish``)
  is left out; inserted text counts as the text it now is;
- field codes (``MERGEFIELD klantnummer``) are left out, and what a field shows
  (``«klantnummer»``, a date, a page number) becomes a ``template`` region: checked and
  reported, never rewritten, since Word computes it from the template or its data source;
- italic runs become ``emphasis`` regions, so a word in italics on its own is a mention;
- a text box is read once (Word stores it twice: as a drawing and as a fallback);
- the separator lines above footnotes and endnotes are no text, so no paragraph.

Writing (``write``): the edits go into the runs that hold the words (``xmltext``), as plain
changes or, with ``mode="track"``, as tracked changes by "taalwacht" that the writer accepts
or rejects in Word. ``annotate`` adds a Word comment per finding. Only the parts with edits
are serialised again; every other member of the package is copied as it was. A text box
whose drawing got edits gets the same paragraphs in its fallback copy, so a program that
shows the fallback (an older Word, a converter) shows the new words too.
"""

from __future__ import annotations

import copy
import datetime as dt
import posixpath
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
    touches_field,
)
from taalwacht.formats.xmltext import apply_in_place as _apply_in_place
from taalwacht.model.document import Document
from taalwacht.model.edit import Edit

if TYPE_CHECKING:
    from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "taalwacht"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# Part kinds in reading order, with how the reports name them.
PART_KINDS: tuple[tuple[str, str], ...] = (
    ("main", "hoofdtekst"),
    ("header", "koptekst"),
    ("footer", "voettekst"),
    ("footnotes", "voetnoot"),
    ("endnotes", "eindnoot"),
    ("comments", "opmerking"),
)
_MAIN_TYPES = (
    "document.main+xml",
    "template.main+xml",
    "document.macroEnabled.main+xml",
    "template.macroEnabledTemplate.main+xml",
)
_SKIPPED = {w("del"), w("moveFrom"), w("instrText"), w("delText"), w("delInstrText")}
_DESCEND = {
    w("hyperlink"),
    w("smartTag"),
    w("sdt"),
    w("sdtContent"),
    w("ins"),
    w("moveTo"),
    w("customXml"),
    w("fldSimple"),
    w("bdo"),
    w("dir"),
}
_FALSE = {"0", "false", "off"}
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_CHANGE_MARKS = {w("ins"), w("del"), w("moveFrom"), w("moveTo")}

Mode = Literal["plain", "track"]


# ------------------------------------------------------------------ reading


@dataclass
class _Parts:
    """The package's text parts: name, kind and parsed root, in reading order."""

    package: Package
    parts: list[tuple[str, str, etree._Element]]


def _open(data: bytes, path: str) -> _Parts:
    package = Package(data, path)
    main = _main_part(package)
    names = [(main, "main")]
    for name in sorted(package.names()):
        base = posixpath.basename(name)
        if posixpath.dirname(name) != posixpath.dirname(main) or not base.endswith(".xml"):
            continue
        for kind, _ in PART_KINDS[1:]:
            if base.startswith(kind) and (base[len(kind) : -4].isdigit() or base == f"{kind}.xml"):
                names.append((name, kind))
    order = {kind: i for i, (kind, _) in enumerate(PART_KINDS)}
    names.sort(key=lambda item: (order[item[1]], _number(item[0])))
    return _Parts(package, [(name, kind, package.xml(name)) for name, kind in names])


def _number(name: str) -> int:
    digits = "".join(c for c in posixpath.basename(name) if c.isdigit())
    return int(digits) if digits else 0


def _main_part(package: Package) -> str:
    """The main document part, as ``[Content_Types].xml`` names it."""
    if package.has("[Content_Types].xml"):
        types = package.xml("[Content_Types].xml")
        for override in types.iter(f"{{{CT}}}Override"):
            content = override.get("ContentType", "")
            word = "wordprocessingml" in content or "ms-word" in content  # .docm, .dotm
            if content.endswith(_MAIN_TYPES) and word:
                return override.get("PartName", "").lstrip("/")
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise InputError(package.path, messages.text("package.missing-part", name="word/document.xml"))


# when the document was last saved, else made (docProps/core.xml, Dublin Core terms)
CORE_DATES = ("{http://purl.org/dc/terms/}modified", "{http://purl.org/dc/terms/}created")


def read_bytes(data: bytes, path: str) -> Document:
    """The Word document in ``data`` as a ``Document`` (offsets into the extracted text)."""
    parts = _open(data, path)
    extraction, _ = _extract(parts)
    day = package_day(parts.package, "docProps/core.xml", CORE_DATES)
    return replace(extraction.document(path, "docx", len(data)), date=day)


def _extract(parts: _Parts) -> tuple[Extraction, dict[str, etree._Element]]:
    out = Extraction()
    roots: dict[str, etree._Element] = {}
    labels = dict(PART_KINDS)
    for name, kind, root in parts.parts:
        roots[name] = root
        _Reader(out, name, labels[kind]).part(root)
    out.typed_fields()
    return out, roots


W_P, W_R, W_T, W_RPR = w("p"), w("r"), w("t"), w("rPr")
W_FLDCHAR, W_FLDCHARTYPE, W_FLDSIMPLE = w("fldChar"), w("fldCharType"), w("fldSimple")
W_VAL = w("val")
W_VANISH, W_I, W_ICS = w("vanish"), w("i"), w("iCs")
_CHARACTERS = {  # run content read as a character, not edited
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "\u2011",
    w("softHyphen"): "\u00ad",
}


class _Reader:
    """Reads the paragraphs of one part into an ``Extraction``.

    This loop runs for every run of every paragraph, so it reads each element once, in
    order, with the tag names computed once (a 100-page report has thousands of runs).
    """

    def __init__(self, out: Extraction, name: str, label: str) -> None:
        self.out, self.name, self.label = out, name, label
        self.number = 0
        self.field_depth = 0  # complex fields: inside begin..end
        self.field_result = 0  # how many of those are past "separate"

    def part(self, root: etree._Element) -> None:
        for paragraph in root.iter(W_P):
            within = _holder(paragraph)
            if within is None:
                continue
            self.number += 1
            self.out.paragraph(self.label, self.number, within)
            self.inline(paragraph, template=False)

    def inline(self, element: etree._Element, *, template: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self.run(child, template)
            elif tag in _DESCEND:
                self.inline(child, template=template or tag == W_FLDSIMPLE)

    def run(self, run: etree._Element, template: bool) -> None:
        out = self.out
        italic = False
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = child.text
                if not text or self.field_depth > self.field_result:
                    continue  # empty, or the field's code rather than what it shows
                start = out.length
                out.editable(text, child, "text", self.name)
                if template or self.field_result:
                    out.region(start, out.length, "template", "veld")
                elif italic:
                    out.region(start, out.length, "emphasis", "cursief")
            elif tag == W_RPR:
                for flag in child:
                    flag_tag = flag.tag
                    if flag_tag == W_VANISH and _on(flag):
                        return  # hidden text is not read
                    if flag_tag in (W_I, W_ICS) and _on(flag):
                        italic = True
            elif tag == W_FLDCHAR:
                self.field(child.get(W_FLDCHARTYPE, ""))
            elif tag in _CHARACTERS and self.field_depth <= self.field_result:
                out.fixed(_CHARACTERS[tag])

    def field(self, kind: str) -> None:
        if kind == "begin":
            self.field_depth += 1
        elif kind == "separate" and self.field_result < self.field_depth:
            self.field_result += 1
        elif kind == "end" and self.field_depth:
            self.field_depth -= 1
            self.field_result = min(self.field_result, self.field_depth)


def _on(flag: etree._Element | None) -> bool:
    return flag is not None and flag.get(W_VAL, "true").lower() not in _FALSE


def _holder(paragraph: etree._Element) -> str | None:
    """What holds a paragraph (``tekstvak``, ``tabelcel`` or ""), from one look at its
    ancestors; None for one that is not read: in the fallback copy of a text box (the
    drawing holds the first) or in the line Word draws above the notes."""
    parent = paragraph.getparent()
    if parent is not None and parent.tag in _PLAIN_HOLDERS:  # most paragraphs: no walk up
        return ""
    within = ""
    for ancestor in paragraph.iterancestors():
        tag = ancestor.tag
        if tag == _FALLBACK:
            return None
        if tag == _TEXT_BOX:
            within = within or "tekstvak"
        elif tag == _CELL:
            within = within or "tabelcel"
        elif tag in _NOTES and ancestor.get(w("type"), "normal") in _SEPARATORS:
            return None
    return within


_FALLBACK, _TEXT_BOX, _CELL = f"{{{MC}}}Fallback", w("txbxContent"), w("tc")
_NOTES = {w("footnote"), w("endnote")}
_PLAIN_HOLDERS = {w("body"), w("hdr"), w("ftr")}  # a paragraph right in these is plain


# ------------------------------------------------------------------ writing


def write(data: bytes, path: str, edits: Sequence[Edit], mode: Mode = "plain") -> bytes:
    """The package ``data`` with ``edits`` (offsets into ``read_bytes``'s text) made in its
    runs: plainly, or as tracked changes (``mode="track"``). ``InputError`` when an edit
    cannot be placed (it spans a tab or a field)."""
    parts = _open(data, path)
    extraction, roots = _extract(parts)
    if touches_field(extraction.regions, edits):
        raise InputError(path, messages.text("package.template-left"))
    boxes = _TextBoxes(roots)
    try:
        if mode == "track":
            changed = _track(extraction.segments, edits, roots)
        else:
            changed = _apply_in_place(extraction.segments, edits, touched=_preserve_space)
    except NotEditable as err:
        raise InputError(path, messages.text("package.no-edit-here")) from err
    changed |= boxes.mirror(roots)
    return rewrite(parts.package, roots, changed)


class _TextBoxes:
    """The text boxes Word stores twice (``mc:Choice`` with the drawing, ``mc:Fallback``
    with the same paragraphs for programs that do not know drawings), as they were before
    the edits: only the drawing's copy is read and edited, and ``mirror`` copies its
    paragraphs into the fallback afterwards."""

    def __init__(self, roots: dict[str, etree._Element]) -> None:
        from lxml import etree

        self.pairs: list[tuple[str, etree._Element, etree._Element, bytes]] = []
        for name, root in roots.items():
            for alternate in root.iter(f"{{{MC}}}AlternateContent"):
                choice = alternate.find(f"{{{MC}}}Choice")
                fallback = alternate.find(f"{{{MC}}}Fallback")
                if choice is None or fallback is None:
                    continue
                shown = list(choice.iter(w("txbxContent")))
                kept = list(fallback.iter(w("txbxContent")))
                if len(shown) == len(kept):
                    for box, copy_of_box in zip(shown, kept, strict=True):
                        self.pairs.append((name, box, copy_of_box, etree.tostring(box)))

    def mirror(self, roots: dict[str, etree._Element]) -> set[str]:
        """Give every fallback whose drawing changed the drawing's paragraphs (innermost
        first); tracked changes in the copy get ids of their own. The parts changed."""
        from lxml import etree

        changed: set[str] = set()
        ids: _Ids | None = None
        for name, box, kept, before in reversed(self.pairs):
            if etree.tostring(box) == before:
                continue
            ids = ids or _Ids(roots)
            kept[:] = [copy.deepcopy(child) for child in box]
            for element in kept.iter():
                if element.tag in _CHANGE_MARKS and element.get(w("id")) is not None:
                    element.set(w("id"), ids.take())
            changed.add(name)
        return changed


def _preserve_space(segment: Segment) -> None:
    """A ``w:t`` that now begins or ends with a space must say so, or Word drops it."""
    value = segment.node.text or ""
    if value != value.strip():
        segment.node.set(XML_SPACE, "preserve")


# ------------------------------------------------------------- tracked changes


class _Ids:
    """Fresh ``w:id`` values: above every id the document already uses."""

    def __init__(self, roots: dict[str, etree._Element]) -> None:
        used = [0]
        for root in roots.values():
            for element in root.iter():
                value = element.get(w("id"))
                if value is not None and value.lstrip("-").isdigit():
                    used.append(int(value))
        self.next = max(used) + 1
        self.date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def take(self) -> str:
        self.next += 1
        return str(self.next - 1)

    def mark(self, tag: str) -> etree._Element:
        from lxml import etree

        element = etree.Element(w(tag))
        element.set(w("id"), self.take())
        element.set(w("author"), AUTHOR)
        element.set(w("date"), self.date)
        return element


def _track(
    segments: Sequence[Segment], edits: Sequence[Edit], roots: dict[str, etree._Element]
) -> set[str]:
    """Each edit as ``<w:del>`` around the runs of the old words and ``<w:ins>`` with a run
    of the new ones, in the old words' formatting. Last edit first: splitting a run keeps
    the first half in the original nodes, so the segments before it stay valid."""
    ids = _Ids(roots)
    index = SegmentIndex(segments)
    changed: set[str] = set()
    for edit in sorted(edits, reverse=True):
        covered = index.covering(edit.start, edit.end)
        changed.add(covered[0].part)
        if edit.end == edit.start:
            _insert_at(covered[0], edit.start, edit.text, ids)
            continue
        runs = [_isolate(s, max(edit.start, s.start), min(edit.end, s.end)) for s in covered]
        first = runs[0]
        deleted = []
        for run in runs:
            mark = ids.mark("del")
            run.addprevious(mark)
            mark.append(run)
            for text in run.iter(w("t")):
                text.tag = w("delText")
            deleted.append(mark)
        if edit.text:
            inserted = _new_run(first, edit.text)
            wrapper = ids.mark("ins")
            wrapper.append(inserted)
            deleted[0].addprevious(wrapper)
    return changed


def _split(run: etree._Element, text: etree._Element, at: int) -> etree._Element | None:
    """Split ``run`` before character ``at`` of its ``w:t`` ``text``; return the run that
    now starts there, or None when nothing follows. The original run keeps what came
    before, in the same nodes, so the segments of earlier text stay valid."""
    value = text.text or ""
    following = list(text.itersiblings())
    if at <= 0:
        if next((c for c in run if c.tag != w("rPr")), None) is text:
            return run
        moved = [text, *following]
    elif at >= len(value):
        if not following:
            return None
        moved = following
    else:
        moved = [_element_like(text, value[at:]), *following]
        text.text = value[:at]
        _fix_space(text)
    right = _empty_like(run, run.find(w("rPr")))
    for element in moved:
        right.append(element)
    run.addnext(right)
    return right


def _empty_like(run: etree._Element, props: etree._Element | None) -> etree._Element:
    from lxml import etree

    right = etree.Element(run.tag)
    for key, value in run.attrib.items():
        right.set(key, value)
    if props is not None:
        right.append(copy.deepcopy(props))
    return right


def _element_like(text: etree._Element, value: str) -> etree._Element:
    from lxml import etree

    element = etree.Element(text.tag)
    element.text = value
    _fix_space(element)
    return element


def _fix_space(text: etree._Element) -> None:
    value = text.text or ""
    if value != value.strip():
        text.set(XML_SPACE, "preserve")


def _isolate(segment: Segment, start: int, end: int) -> etree._Element:
    """The run that holds exactly ``[start, end)`` of ``segment``'s ``w:t``, split off."""
    text = segment.node
    run = text.getparent()
    assert run is not None
    _split(run, text, end - segment.start)
    middle = _split(run, text, start - segment.start)
    assert middle is not None
    return middle


def _insert_at(segment: Segment, position: int, value: str, ids: _Ids) -> None:
    """A tracked insertion of ``value`` at ``position`` inside ``segment``'s run."""
    text = segment.node
    run = text.getparent()
    assert run is not None
    wrapper = ids.mark("ins")
    right = _split(run, text, position - segment.start)
    wrapper.append(_new_run(run, value))
    if right is None:
        _outside_deletion(run).addnext(wrapper)
    elif right is run:
        _outside_deletion(run).addprevious(wrapper)
    else:
        right.addprevious(wrapper)


def _outside_deletion(run: etree._Element) -> etree._Element:
    """Where to put an insertion next to ``run``: beside its ``w:del``, not inside it."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag == w("del") else run


def _new_run(model: etree._Element, value: str) -> etree._Element:
    """A run with ``value`` in the formatting of ``model``."""
    from lxml import etree

    run = etree.Element(w("r"))
    props = model.find(w("rPr"))
    if props is not None:
        run.append(copy.deepcopy(props))
    text = etree.SubElement(run, w("t"))
    text.text = value
    _fix_space(text)
    return run


# ------------------------------------------------------------------- comments


def annotate(data: bytes, path: str, notes: Sequence[Note]) -> tuple[bytes, int]:
    """The package with a Word comment by "taalwacht" on each note in the main document;
    with how many were placed (notes in headers, footers or fields are left out)."""
    from lxml import etree

    parts = _open(data, path)
    extraction, roots = _extract(parts)
    main = parts.parts[0][0]
    segments = [s for s in extraction.segments if s.part == main]
    index = SegmentIndex(segments)
    ids = _Ids(roots)
    comments_name = posixpath.join(posixpath.dirname(main), "comments.xml")
    existing = comments_name in roots
    comments = roots[comments_name] if existing else etree.Element(w("comments"), nsmap={"w": W})
    placed = 0
    for note in sorted(notes, key=lambda n: (n.start, n.end), reverse=True):
        try:
            covered = index.covering(note.start, note.end)
        except NotEditable:
            continue
        runs = [_isolate(s, max(note.start, s.start), min(note.end, s.end)) for s in covered]
        number = ids.take()
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), number)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), number)
        runs[0].addprevious(start)
        runs[-1].addnext(end)
        reference = etree.Element(w("r"))
        etree.SubElement(reference, w("commentReference")).set(w("id"), number)
        end.addnext(reference)
        comment = etree.SubElement(comments, w("comment"))
        comment.set(w("id"), number)
        comment.set(w("author"), AUTHOR)
        comment.set(w("date"), ids.date)
        comment.set(w("initials"), "tw")
        for line in note.text.splitlines() or [""]:
            paragraph = etree.SubElement(comment, w("p"))
            text = etree.SubElement(etree.SubElement(paragraph, w("r")), w("t"))
            text.text = line
            _fix_space(text)
        placed += 1
    if not placed:
        return data, 0
    changed = {main}
    added: dict[str, bytes] = {}
    if existing:
        changed.add(comments_name)
    else:
        added[comments_name] = etree.tostring(
            comments, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        _register_comments(parts, roots, main, changed)
    return rewrite(parts.package, roots, changed, added), placed


def _register_comments(
    parts: _Parts, roots: dict[str, etree._Element], main: str, changed: set[str]
) -> None:
    """A new comments part needs a relationship from the main part and a content type."""
    from lxml import etree

    package = parts.package
    rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    if package.has(rels_name):
        rels = package.xml(rels_name)
    else:
        rels = etree.fromstring(f'<Relationships xmlns="{REL}"/>'.encode())
    taken = {r.get("Id") for r in rels}
    number = 1
    while f"rIdTaalwacht{number}" in taken:
        number += 1
    relation = etree.SubElement(rels, f"{{{REL}}}Relationship")
    relation.set("Id", f"rIdTaalwacht{number}")
    relation.set("Type", COMMENTS_TYPE)
    relation.set("Target", "comments.xml")
    types = package.xml("[Content_Types].xml")
    override = etree.SubElement(types, f"{{{CT}}}Override")
    override.set("PartName", "/" + posixpath.join(posixpath.dirname(main), "comments.xml"))
    override.set("ContentType", COMMENTS_CONTENT)
    roots[rels_name] = rels
    roots["[Content_Types].xml"] = types
    changed.update({rels_name, "[Content_Types].xml"})


__all__ = ["Mode", "Note", "annotate", "read_bytes", "write"]
