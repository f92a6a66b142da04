"""OpenDocument text: real .odt files made with odfpy, checked, fixed, tracked and annotated.

What a writer relies on: every finding is found where LibreOffice shows it (body, header,
footer, footnote, table cell, text box), fields and the record of deleted text are left
alone, a fix changes the words and nothing else of the package, tracked changes accept to
the plain fix and reject to the original, and LibreOffice opens what was written.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from odf.draw import Frame, TextBox
from odf.opendocument import OpenDocumentText
from odf.style import Footer, Header, MasterPage, PageLayout, Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import (
    Note,
    NoteBody,
    NoteCitation,
    P,
    Span,
    UserFieldDecl,
    UserFieldDecls,
    UserFieldGet,
)
from office import convert

from conftest import run, said
from taalwacht.formats import Source, read
from taalwacht.formats.odt import DC, OFFICE, TEXT, read_bytes
from taalwacht.model.document import Document
from taalwacht.model.edit import apply
from taalwacht.service import Service

T = f"{{{TEXT}}}"


def letter(path: Path, *, field: bool = False, frame: bool = False) -> Path:
    """A municipal letter as LibreOffice users write it: bold inside a word, an italic
    mention, a footnote, a table, header and footer, optionally a user field and a text
    box."""
    doc = OpenDocumentText()
    italic = Style(name="Cursief", family="text")
    italic.addElement(TextProperties(fontstyle="italic"))
    bold = Style(name="Vet", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(italic)
    doc.automaticstyles.addElement(bold)
    layout = PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(text="Gemeente Voorbeeld - Klantcontactcentrum"))
    master.addElement(header)
    footer = Footer()
    footer.addElement(P(text="Bel de klantenservice"))
    master.addElement(footer)
    doc.masterstyles.addElement(master)
    if field:
        decls = UserFieldDecls()
        decls.addElement(UserFieldDecl(name="klantnummer", valuetype="string", stringvalue="K-1"))
        doc.text.addElement(decls)
    first = P(text="Beste ")
    first.addElement(Span(stylename=bold, text="kl"))
    first.addText("ant, wij hebben het nieuwe product voor u klaar.")
    doc.text.addElement(first)
    second = P(text="Het woord ")
    second.addElement(Span(stylename=italic, text="klant"))
    second.addText(" gebruiken we niet meer.")
    doc.text.addElement(second)
    third = P(text="De gemeente koopt de zorg in bij aanbieders.")
    note = Note(id="ftn1", noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Vraag het uw klantmanager."))
    note.addElement(body)
    third.addElement(note)
    doc.text.addElement(third)
    table = Table()
    table.addElement(TableColumn())
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text="Uw klantmanager"))
    row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    if field:
        with_field = P(text="Uw nummer: ")
        with_field.addElement(UserFieldGet(name="klantnummer", text="klantnummer"))
        doc.text.addElement(with_field)
    if frame:
        holder = P(text="")
        box_frame = Frame(width="5cm", height="2cm", anchortype="paragraph")
        box = TextBox()
        box.addElement(P(text="Elke klant telt."))
        box_frame.addElement(box)
        holder.addElement(box_frame)
        doc.text.addElement(holder)
    out = io.BytesIO()
    doc.write(out)
    path.write_bytes(out.getvalue())
    return path


def document(path: Path) -> Document:
    found = read(Source(str(path), explicit=True))
    assert isinstance(found, Document)
    return found


def reported(service: Service, path: Path) -> list[tuple[str, str, int, str]]:
    doc = document(path)
    out = []
    for finding in service.check(doc):
        if finding.reported:
            place = next(p for p in reversed(doc.places) if p.start <= finding.start)
            out.append((finding.text, place.part, place.number, place.within))
    return out


@pytest.fixture
def service() -> Service:
    return Service.load(isolated=True)[0]


def test_every_part_is_read_with_its_place(tmp_path: Path, service: Service) -> None:
    found = reported(service, letter(tmp_path / "brief.odt", frame=True))
    assert ("klant", "hoofdtekst", 1, "") in found  # "kl" bold + "ant": one word
    assert ("product", "hoofdtekst", 1, "") in found
    assert ("koopt", "hoofdtekst", 3, "") in found
    assert ("klantmanager", "voetnoot", 1, "") in found
    assert ("klantmanager", "hoofdtekst", 4, "tabelcel") in found
    assert ("Klantcontactcentrum", "koptekst", 1, "") in found
    assert ("klantenservice", "voettekst", 1, "") in found
    assert ("klant", "hoofdtekst", 6, "tekstvak") in found
    # the italic "klant" in "Het woord klant" is a mention
    assert not any(number == 2 for _, part, number, _ in found if part == "hoofdtekst")
    # the footnote's text is not part of the paragraph that anchors it
    text = document(tmp_path / "brief.odt").text
    assert "aanbieders.\n" in text or "aanbieders.1" not in text


def test_a_field_is_reported_and_never_rewritten(tmp_path: Path, service: Service) -> None:
    path = letter(tmp_path / "brief.odt", field=True)
    doc = document(path)
    fields = [r for r in doc.regions if r.kind == "template"]
    assert [doc.text[r.start : r.end] for r in fields] == ["klantnummer"]
    result = service.fix(doc)
    assert any(left.finding.text == "klantnummer" for left in result.left)
    assert all(
        left.reason == said("package.template-left")
        for left in result.left
        if left.finding.text == "klantnummer"
    )
    service.write(doc, result, backup=False)
    assert "klantnummer" in document(path).text


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_fix_changes_only_the_words(tmp_path: Path, service: Service) -> None:
    path = letter(tmp_path / "brief.odt")
    before = parts(path)
    doc = document(path)
    result = service.fix(doc)
    service.write(doc, result, backup=False)
    after = parts(path)
    assert list(after) == list(before)  # same members, same order (mimetype first)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"content.xml", "styles.xml"}
    assert zipfile.ZipFile(path).infolist()[0].compress_type == zipfile.ZIP_STORED
    new = document(path)
    assert new.text == apply(doc.text, result.edits) == result.text
    assert "Beste inwoner, wij hebben de nieuwe voorziening voor u klaar." in new.text
    assert "Gemeente Voorbeeld - Contactcentrum" in new.text
    # the bold span that held "kl" now holds the new word's start, still bold
    content = etree.fromstring(after["content.xml"])
    spans = [s for s in content.iter(f"{T}span") if s.get(f"{T}style-name") == "Vet"]
    assert spans and spans[0].text == "inwoner"


def test_a_second_fix_changes_nothing(tmp_path: Path, service: Service) -> None:
    path = letter(tmp_path / "brief.odt")
    doc = document(path)
    service.write(doc, service.fix(doc), backup=False)
    once = path.read_bytes()
    again = document(path)
    result = service.fix(again)
    assert result.edits == ()
    assert path.read_bytes() == once


def _accept(content: etree._Element) -> None:
    for change in list(content.iter(f"{T}change")):
        _drop(change)
    for mark in list(content.iter(f"{T}change-start", f"{T}change-end")):
        _drop(mark)
    for record in list(content.iter(f"{T}tracked-changes")):
        record.getparent().remove(record)


def _reject(content: etree._Element) -> None:
    deleted = {
        region.get(f"{T}id"): "".join(region.find(f"{T}deletion/{T}p").itertext())
        for region in content.iter(f"{T}changed-region")
        if region.find(f"{T}deletion") is not None
    }
    for start in list(content.iter(f"{T}change-start")):
        start.tail = ""  # our insertions are the text between start and end
        _drop(start)
    for end in list(content.iter(f"{T}change-end")):
        _drop(end)
    for change in list(content.iter(f"{T}change")):
        change.tail = deleted[change.get(f"{T}change-id")] + (change.tail or "")
        _drop(change)
    for record in list(content.iter(f"{T}tracked-changes")):
        record.getparent().remove(record)


def _drop(element: etree._Element) -> None:
    """Remove ``element`` and keep its tail text in place."""
    parent = element.getparent()
    previous = element.getprevious()
    tail = element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _with_content(path: Path, change: object) -> str:
    """The extracted text of ``path`` after ``change`` edits its content.xml."""
    members = parts(path)
    content = etree.fromstring(members["content.xml"])
    change(content)  # type: ignore[operator]
    members["content.xml"] = etree.tostring(content, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return read_bytes(out.getvalue(), str(path)).text


def test_tracked_changes_accept_to_the_fix_and_reject_to_the_original(
    tmp_path: Path, service: Service
) -> None:
    plain = letter(tmp_path / "plain.odt")
    tracked = letter(tmp_path / "tracked.odt")
    original = document(plain).text
    doc = document(plain)
    service.write(doc, service.fix(doc), backup=False)
    assert run("fix", "--isolated", "--no-backup", "--track-changes", str(tracked)).exit_code == 0
    content = etree.fromstring(parts(tracked)["content.xml"])
    creators = {c.text for c in content.iter(f"{{{DC}}}creator")}
    assert creators == {"taalwacht"}
    assert len(list(content.iter(f"{T}changed-region"))) >= 8  # 4 words: insert + delete
    # headers cannot hold tracked changes: there the fix is plain
    styles_text = "".join(etree.fromstring(parts(tracked)["styles.xml"]).itertext())
    assert "Contactcentrum" in styles_text and "Klantcontactcentrum" not in styles_text
    fixed = document(plain).text
    assert _with_content(tracked, _accept) == fixed
    rejected = _with_content(tracked, _reject)
    body = original.split("Gemeente Voorbeeld")[0]  # the body, before header and footer
    assert rejected.startswith(body)


def test_annotate_writes_a_copy_with_comments(tmp_path: Path) -> None:
    path = letter(tmp_path / "brief.odt")
    original = path.read_bytes()
    result = run("check", "--isolated", "--annotate", "--no-progress", str(path))
    assert result.exit_code == 1
    copy = tmp_path / "brief.taalwacht.odt"
    assert path.read_bytes() == original
    content = etree.fromstring(parts(copy)["content.xml"])
    annotations = list(content.iter(f"{{{OFFICE}}}annotation"))
    ends = list(content.iter(f"{{{OFFICE}}}annotation-end"))
    assert len(annotations) == len(ends) == 4  # the body's findings; not header or footnote
    said_text = ["".join(a.itertext()) for a in annotations]
    assert any("inwoner" in s for s in said_text)
    assert said("package.annotated", path=str(path), n=4) in result.stderr
    # the annotated copy still reads as the same text
    assert document(copy).text == document(path).text


def test_a_spreadsheet_is_not_a_text_document(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    path = tmp_path / "cijfers.ods"
    path.write_bytes(out.getvalue())
    result = run("check", "--isolated", str(path))
    assert result.exit_code == 2
    assert "spreadsheet" in result.stderr and str(path) in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is absent")
def test_libreoffice_opens_the_fixed_and_tracked_files(tmp_path: Path, service: Service) -> None:
    from pypdf import PdfReader

    plain = letter(tmp_path / "plain.odt")
    tracked = letter(tmp_path / "tracked.odt")
    doc = document(plain)
    service.write(doc, service.fix(doc), backup=False)
    assert run("fix", "--isolated", "--no-backup", "--track-changes", str(tracked)).exit_code == 0
    convert(plain, tracked, to="pdf", outdir=tmp_path / "pdf", profile=tmp_path / "profile")
    for name in ("plain", "tracked"):
        pdf = PdfReader(tmp_path / "pdf" / f"{name}.pdf")
        text = " ".join(page.extract_text() for page in pdf.pages)
        assert "inwoner" in text and "voorziening" in text and "consulent" in text


def test_hidden_text_is_not_read_and_a_template_reads_like_a_document(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    hidden = Style(name="Verborgen", family="text")
    hidden.addElement(TextProperties(display="none"))
    doc.automaticstyles.addElement(hidden)
    paragraph = P(text="De inwoner belt.")
    paragraph.addElement(Span(stylename=hidden, text=" De klant ziet dit niet."))
    paragraph.addText(" Dit is zichtbaar.")
    doc.text.addElement(paragraph)
    out = io.BytesIO()
    doc.write(out)
    members = {}
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["mimetype"] = b"application/vnd.oasis.opendocument.text-template"
    path = tmp_path / "sjabloon.ott"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():  # mimetype first and stored, as ODF requires
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)
    assert b"text-template" in parts(path)["mimetype"]
    assert document(path).text == "De inwoner belt. Dit is zichtbaar."
