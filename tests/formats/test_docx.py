"""Word documents, built for real with python-docx (and raw WordprocessingML where it cannot):
what is read and where each finding sits, a plain fix that touches only the words it
changes, tracked changes Word can accept or reject, comments with ``--annotate``, content
sniffing, and LibreOffice opening what taalwacht wrote."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from office import convert
from wordfile import (
    MC,
    OTHER,
    OTHER_DATE,
    accept_all,
    members,
    paragraphs,
    part,
    reject_all,
    resolved,
    rich_docx,
    run_props,
    run_text,
    runs_holding,
    shown_text,
    simple_docx,
    w,
    with_main_type,
    xml,
)

from conftest import findings, run, said, write
from taalwacht.api import default_service
from taalwacht.errors import InputError
from taalwacht.formats import Document, read
from taalwacht.formats.docx import read_bytes
from taalwacht.formats.docx import write as write_docx
from taalwacht.formats.walk import Source
from taalwacht.model.document import place_of
from taalwacht.model.edit import Edit, apply
from taalwacht.model.finding import Decision
from taalwacht.model.fix import Result
from taalwacht.service import Service

AUTHOR = "taalwacht"
FIXED_PARTS = {  # a colleague's comment is reported, never rewritten
    "word/document.xml",
    "word/header1.xml",
    "word/footer1.xml",
    "word/footnotes.xml",
}


@pytest.fixture(scope="module")
def service() -> Service:
    return default_service()


@pytest.fixture(scope="module")
def rich() -> bytes:
    return rich_docx()


@pytest.fixture(scope="module")
def plain(rich: bytes, service: Service) -> tuple[Document, Result, bytes]:
    """The rich document, the result of ``fix`` and the package written plainly."""
    document = read_bytes(rich, "brief.docx")
    result = service.fix(document)
    return document, result, write_docx(rich, "brief.docx", result.edits)


@pytest.fixture(scope="module")
def tracked(rich: bytes, plain: tuple[Document, Result, bytes]) -> bytes:
    return write_docx(rich, "brief.docx", plain[1].edits, mode="track")


def reported(service: Service, document: Document) -> list[tuple[str, str]]:
    """Each reported finding's word and place, as the report shows them."""
    out = []
    for finding in service.check(document):
        if finding.reported:
            place = place_of(document.places, finding.start)
            assert place is not None
            out.append((finding.text, place.label()))
    return out


# ------------------------------------------------------------------------ reading


def test_every_finding_has_its_place(rich: bytes, service: Service) -> None:
    document = read_bytes(rich, "brief.docx")
    assert document.kind == "docx"
    assert reported(service, document) == [
        ("klant", "hoofdtekst, alinea 1"),
        ("product", "hoofdtekst, alinea 2"),
        ("klantmanager", "hoofdtekst, alinea 3"),
        ("product", "hoofdtekst, alinea 5"),  # inserted by a tracked change
        ("klantnummer", "hoofdtekst, alinea 7"),  # what a merge field shows
        ("klantnaam", "hoofdtekst, alinea 8"),
        ("product", "hoofdtekst, alinea 9"),  # in a hyperlink
        ("klant", "hoofdtekst, alinea 11 (tekstvak)"),
        ("klant", "hoofdtekst, alinea 13 (tabelcel)"),
        ("klant", "koptekst, alinea 1"),
        ("product", "voettekst, alinea 1"),
        ("product", "voetnoot, alinea 1"),  # the separator lines are no paragraphs
        ("klant", "opmerking, alinea 1"),
    ]


def test_the_reader_shows_what_word_shows(rich: bytes) -> None:
    text = read_bytes(rich, "brief.docx").text
    lines = text.split("\n")
    assert text.count("leest dit") == 1  # a text box is stored twice, read once
    assert "De aanvrager koopt het product." in lines  # inserted text, without the deleted
    assert "De klant ziet dit niet" not in text  # hidden
    assert "Dit is zichtbaar." in lines
    assert "MERGEFIELD" not in text and "MERGEFORMAT" not in text  # field codes
    assert "Uw nummer: «klantnummer»." in lines  # what the fields show
    assert "Beste «klantnaam»," in lines
    assert "Lees meer over het product op de website." in lines


def test_field_results_are_template_regions(rich: bytes) -> None:
    document = read_bytes(rich, "brief.docx")
    shown = [document.text[r.start : r.end] for r in document.regions if r.kind == "template"]
    assert shown == ["«klantnummer»", "«klantnaam»"]


def test_an_italic_word_alone_is_a_mention(rich: bytes, service: Service) -> None:
    document = read_bytes(rich, "brief.docx")
    fourth = next(p for p in document.places if p.number == 4 and p.part == "hoofdtekst")
    found = [f for f in service.check(document) if place_of(document.places, f.start) == fourth]
    assert [(f.text, f.decision, f.reported) for f in found] == [("klant", Decision.MENTION, False)]


def test_a_word_over_three_runs_is_found_once(rich: bytes, service: Service) -> None:
    document = read_bytes(rich, "brief.docx")
    found = [f for f in service.check(document) if "klantm" in f.text or f.text == "kl"]
    assert [(f.text, f.reported) for f in found] == [("klantmanager", True)]


def _field_docx(kind: str) -> bytes:
    """``De <field: klant> krijgt een brief.`` and ``De klant belt.``: a field showing a
    word taalwacht reports (a document property, as a simple or a complex field)."""
    import docx

    document = docx.Document()
    p = document.add_paragraph("De ")
    if kind == "simple":
        p._p.append(
            xml(
                '<w:fldSimple w:instr=" DOCPROPERTY Ontvanger "><w:r><w:t>klant</w:t></w:r>'
                "</w:fldSimple>"
            )
        )
    else:
        for fragment in (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Ontvanger </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            "<w:r><w:t>klant</w:t></w:r>",
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ):
            p._p.append(xml(fragment))
    p._p.append(xml('<w:r><w:t xml:space="preserve"> krijgt een brief.</w:t></w:r>'))
    document.add_paragraph("De klant belt.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["simple", "complex"])
def test_a_field_is_reported_and_left_for_a_person(workdir: Path, kind: str) -> None:
    path = write(workdir / "brief.docx", _field_docx(kind))
    original = path.read_bytes()
    checked = run("check", "--format", "json", "brief.docx")
    assert checked.exit_code == 1, checked.output
    assert [(f["text"], f["quote"]) for f in findings(checked.stdout)] == [
        ("klant", "De klant krijgt een brief."),
        ("klant", "De klant belt."),
    ]
    fixed = run("fix", "brief.docx")
    assert fixed.exit_code == 1, fixed.output  # one left for a person
    assert said("package.template-left") in fixed.stderr
    assert "hoofdtekst, alinea 1" in fixed.stderr
    text = read_bytes(path.read_bytes(), "brief.docx").text
    assert text == "De klant krijgt een brief.\nDe inwoner belt."
    tag = w("fldSimple") if kind == "simple" else w("instrText")
    assert len(list(part(path.read_bytes()).iter(tag))) == 1  # the field is still there
    assert members(path.read_bytes())["word/styles.xml"] == members(original)["word/styles.xml"]


def test_the_writer_never_rewrites_a_field(service: Service) -> None:
    data = _field_docx("simple")
    document = read_bytes(data, "brief.docx")
    start = document.text.index("klant")
    with pytest.raises(InputError, match=re.escape(said("package.template-left"))):
        write_docx(data, "brief.docx", [Edit(start, start + 5, "inwoner")])


def test_merge_fields_and_comments_are_reported_and_left(rich: bytes, service: Service) -> None:
    document = read_bytes(rich, "brief.docx")
    result = service.fix(document)
    assert [(left.finding.text, left.reason) for left in result.left] == [
        ("klantnummer", said("package.template-left")),
        ("klantnaam", said("package.template-left")),
        ("klant", said("package.comment-left")),
    ]


# --------------------------------------------------------------------- plain fix


def test_a_plain_fix_changes_only_the_parts_with_edits(
    rich: bytes, plain: tuple[Document, Result, bytes]
) -> None:
    before, after = members(rich), members(plain[2])
    assert list(after) == list(before)  # the same members in the same order
    changed = {name for name in before if before[name] != after[name]}
    assert changed == FIXED_PARTS


def _own(paragraph: etree._Element) -> bytes:
    """A paragraph's bytes without the paragraphs of a text box it holds."""
    import copy

    mine = copy.deepcopy(paragraph)
    for box in mine.iter(w("txbxContent")):
        box[:] = []
    return etree.tostring(mine)


def test_paragraphs_without_an_edit_stay_byte_for_byte(
    rich: bytes, plain: tuple[Document, Result, bytes]
) -> None:
    edited = 0
    for name in sorted(FIXED_PARTS):
        old, new = paragraphs(part(rich, name)), paragraphs(part(plain[2], name))
        assert len(old) == len(new)
        for a, b in zip(old, new, strict=True):
            if shown_text(a) == shown_text(b):
                assert _own(a) == _own(b), shown_text(a)
            else:
                edited += 1
    # the ten rewritten words, each in a paragraph of its own, and the text box twice
    assert edited == 11


def test_the_text_changes_exactly_by_the_edits(plain: tuple[Document, Result, bytes]) -> None:
    document, result, data = plain
    assert read_bytes(data, "brief.docx").text == apply(document.text, result.edits)
    assert result.text == apply(document.text, result.edits)
    lines = result.text.split("\n")
    assert "Wij bieden de nieuwe voorziening aan." in lines
    assert "Elke consulent belt terug." in lines
    assert "De aanvrager koopt de voorziening." in lines
    assert "Het woord klant staat in het woordenboek." in lines  # a mention stays


def test_new_words_keep_the_formatting_of_the_old_ones(
    rich: bytes, plain: tuple[Document, Result, bytes]
) -> None:
    old, new = part(rich), part(plain[2])
    old_second, new_second = paragraphs(old)[1], paragraphs(new)[1]
    assert [run_text(r) for r in old_second.iter(w("r"))] == [
        "Wij bieden ",
        "het",
        " nieuwe ",
        "product",
        " aan.",
    ]
    assert [run_text(r) for r in new_second.iter(w("r"))] == [
        "Wij bieden ",
        "de",
        " nieuwe ",
        "voorziening",
        " aan.",
    ]
    assert [run_props(r) for r in new_second.iter(w("r"))] == [
        run_props(r) for r in old_second.iter(w("r"))
    ]
    runs = list(new_second.iter(w("r")))
    assert b"<w:u " in run_props(runs[1])  # "de" underlined, as "het" was
    assert b"<w:b/>" in run_props(runs[3])  # "voorziening" bold, as "product" was
    # klantmanager over three runs: the new word takes the first run's bold
    (consulent,) = runs_holding(new, "consulent")
    (first,) = [r for r in old.iter(w("r")) if run_text(r) == "kl"]
    assert run_props(consulent) == run_props(first)
    assert b"<w:b/>" in run_props(consulent)
    # the italic mention keeps its italics
    (mention,) = [r for r in runs_holding(new, "klant") if run_text(r) == "klant"]
    assert b"<w:i/>" in run_props(mention)


def test_fixes_land_in_headers_footers_notes_tables_and_text_boxes(
    plain: tuple[Document, Result, bytes],
) -> None:
    data = plain[2]

    def texts(name: str) -> list[str]:
        return [shown_text(p) for p in paragraphs(part(data, name))]

    assert "Voor elke inwoner" in texts("word/header1.xml")
    assert "De voorziening van de gemeente" in texts("word/footer1.xml")
    assert " Zie de voorziening van de gemeente." in texts("word/footnotes.xml")
    cell = next(part(data).iter(w("tc")))
    assert "De inwoner betaalt niets." in [shown_text(p) for p in cell.getparent().iter(w("p"))]
    # the text box in both of Word's copies: the drawing and the fallback
    boxes = list(part(data).iter(w("txbxContent")))
    assert len(boxes) == 2
    assert [shown_text(next(b.iter(w("p")))) for b in boxes] == ["De inwoner leest dit."] * 2
    assert next(iter(boxes[1].iterancestors(f"{{{MC}}}Fallback")), None) is not None


def test_fix_on_the_command_line_then_nothing_left(workdir: Path, rich: bytes) -> None:
    path = write(workdir / "brief.docx", rich)
    fixed = run("fix", "brief.docx")
    assert fixed.exit_code == 1, fixed.output  # fields and a comment left for a person
    assert "10 woorden herschreven in 1 bestand; 3 meldingen voor een mens" in fixed.stderr
    again = run("check", "--format", "json", "brief.docx")
    assert [f["text"] for f in findings(again.stdout)] == ["klantnummer", "klantnaam", "klant"]
    import docx

    opened = docx.Document(str(path))
    assert opened.paragraphs[0].text == "De inwoner krijgt een brief."


def test_a_second_fix_of_a_word_document_changes_nothing(workdir: Path) -> None:
    # the first run's "gegevens van inwoners" is no evidence for the products a second time
    path = write(
        workdir / "brief.docx",
        simple_docx("De klantgegevens staan in het dossier.", "Onze producten zijn gratis."),
    )
    assert run("fix", "brief.docx").exit_code == 0
    once = path.read_bytes()
    assert read_bytes(once, "brief.docx").text.startswith("De gegevens van inwoners")
    again = run("fix", "brief.docx")
    assert again.exit_code == 0, again.output
    assert path.read_bytes() == once


# -------------------------------------------------------------- tracked changes


def _accepted(data: bytes) -> str:
    return read_bytes(resolved(data, accept_all, AUTHOR), "brief.docx").text


def _rejected(data: bytes) -> str:
    return read_bytes(resolved(data, reject_all, AUTHOR), "brief.docx").text


def test_tracked_changes_accepted_are_the_fix_rejected_the_original(
    workdir: Path, rich: bytes, plain: tuple[Document, Result, bytes]
) -> None:
    path = write(workdir / "brief.docx", rich)
    fixed = run("fix", "--track-changes", "brief.docx")
    assert fixed.exit_code == 1, fixed.output  # fields and a comment left for a person
    data = path.read_bytes()
    assert _accepted(data) == read_bytes(plain[2], "brief.docx").text
    assert _rejected(data) == plain[0].text
    # independently of taalwacht's reader: paragraph by paragraph, as Word shows them
    for name in FIXED_PARTS:
        accepted = part(resolved(data, accept_all, AUTHOR), name)
        rejected = part(resolved(data, reject_all, AUTHOR), name)
        assert [shown_text(p) for p in paragraphs(accepted)] == [
            shown_text(p) for p in paragraphs(part(plain[2], name))
        ]
        assert [shown_text(p) for p in paragraphs(rejected)] == [
            shown_text(p) for p in paragraphs(part(rich, name))
        ]


def test_tracked_changes_say_who_and_when_with_unique_ids(tracked: bytes) -> None:
    ours = 0
    ids: list[str] = []
    for name, data in members(tracked).items():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = etree.fromstring(data)
        for change in root.iter(w("ins"), w("del"), w("moveFrom"), w("moveTo"), w("comment")):
            ids.append(change.get(w("id")) or "")
            if change.get(w("author")) == AUTHOR:
                ours += 1
                date = change.get(w("date")) or ""
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date), date
            else:
                assert change.get(w("author")) == OTHER
    # per edit an insertion and a deletion per run it covers (klantmanager: three), and
    # the text box's two again in its fallback (the comment is left): 15 * 2 + 2 + 2
    assert ours == 34
    assert len(ids) == len(set(ids)), ids


def test_changes_and_comments_of_another_author_survive(rich: bytes, tracked: bytes) -> None:
    def by_id(data: bytes, name: str, tag: str) -> dict[str, bytes]:
        root = part(data, name)
        return {e.get(w("id")) or "": etree.tostring(e) for e in root.iter(w(tag))}

    main = "word/document.xml"
    assert by_id(tracked, main, "del")["901"] == by_id(rich, main, "del")["901"]
    new_ins = by_id(tracked, main, "ins")
    assert new_ins["902"] == by_id(rich, main, "ins")["902"]
    jans = etree.fromstring(new_ins["903"])  # the product fixed inside Jan's insertion
    assert (jans.get(w("author")), jans.get(w("date"))) == (OTHER, OTHER_DATE)
    root = part(tracked)
    (comment,) = part(tracked, "word/comments.xml").iter(w("comment"))
    assert (comment.get(w("author")), comment.get(w("initials"))) == (OTHER, "JV")
    number = comment.get(w("id"))
    for anchor in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert [e.get(w("id")) for e in root.iter(w(anchor))] == [number]
    # rejecting taalwacht's changes gives Jan's comment back word for word
    back = part(resolved(tracked, reject_all, AUTHOR), "word/comments.xml")
    assert [shown_text(p) for p in paragraphs(back)] == ["Is dit voor elke klant?"]


def test_a_separable_verb_over_runs_and_a_tab_plain_and_tracked(service: Service) -> None:
    """``kopen ... in`` becomes ``contracteren``: a word replaced, and ``in`` (in a bold run
    of its own) deleted; a tab in the same run as the next words stays a tab."""
    import docx

    word = docx.Document()
    p = word.add_paragraph("Wij kopen de jeugdhulp ")
    p.add_run("in").bold = True
    p.add_run(" bij de aanbieder.\tDe gemeente gaat zorg inkopen.")
    out = io.BytesIO()
    word.save(out)
    data = out.getvalue()
    document = read_bytes(data, "brief.docx")
    result = service.fix(document)
    expected = (
        "Wij contracteren de jeugdhulp bij de aanbieder.\tDe gemeente gaat zorg contracteren."
    )
    assert result.text == expected
    assert read_bytes(write_docx(data, "brief.docx", result.edits), "brief.docx").text == expected
    tracked = write_docx(data, "brief.docx", result.edits, mode="track")
    assert _accepted(tracked) == expected
    assert _rejected(tracked) == document.text
    (deleted,) = [d for d in part(tracked).iter(w("del")) if run_text_deleted(d) == "in"]
    assert b"<w:b/>" in etree.tostring(deleted)  # deleted in its own formatting
    assert len(list(part(tracked).iter(w("tab")))) == 1


def run_text_deleted(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(w("delText")))


# -------------------------------------------------------------------- --annotate


def test_annotate_writes_a_copy_with_a_comment_per_finding(workdir: Path) -> None:
    import docx

    data = simple_docx(
        "De klant krijgt een brief.", "Een mooie dag.", "De klantmanager belt u terug."
    )
    with_header = io.BytesIO()
    document = docx.Document(io.BytesIO(data))
    document.sections[0].header.paragraphs[0].text = "Voor elke klant"
    document.save(with_header)
    path = write(workdir / "brief.docx", with_header.getvalue())
    original = path.read_bytes()

    checked = run("check", "--format", "json", "--annotate", "brief.docx")
    assert checked.exit_code == 1, checked.output
    body = [f for f in findings(checked.stdout) if f["place"]["part"] == "hoofdtekst"]
    assert len(body) == 2
    assert said("package.annotated", path="brief.docx", n=2) in checked.stderr
    assert path.read_bytes() == original
    copy = workdir / "brief.taalwacht.docx"
    package = members(copy.read_bytes())
    assert "word/comments.xml" in package
    rels = etree.fromstring(package["word/_rels/document.xml.rels"])
    targets = [r.get("Target") for r in rels if r.get("Type", "").endswith("/comments")]
    assert targets == ["comments.xml"]
    types = etree.fromstring(package["[Content_Types].xml"])
    assert [o.get("ContentType") for o in types if o.get("PartName") == "/word/comments.xml"] == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    ]
    comments = list(etree.fromstring(package["word/comments.xml"]).iter(w("comment")))
    assert [c.get(w("author")) for c in comments] == [AUTHOR, AUTHOR]
    texts = sorted("\n".join(shown_text(p) for p in c.iter(w("p"))) for c in comments)
    for finding, text in zip(sorted(body, key=lambda f: f["text"]), texts, strict=True):
        assert finding["message"] in text
        assert finding["reason"] in text
        assert finding["suggestions"][0] in text
    # each comment is anchored on its word
    root = etree.fromstring(package["word/document.xml"])
    anchored = []
    for start in root.iter(w("commentRangeStart")):
        words = []
        for sibling in start.itersiblings():
            if sibling.tag == w("commentRangeEnd"):
                break
            words.append(run_text(sibling))
        anchored.append("".join(words))
    assert anchored == ["klant", "klantmanager"]
    opened = docx.Document(str(copy))
    assert len(list(opened.comments)) == 2
    assert [p.text for p in opened.paragraphs] == [
        "De klant krijgt een brief.",
        "Een mooie dag.",
        "De klantmanager belt u terug.",
    ]


def test_annotate_keeps_the_comments_already_there(workdir: Path, rich: bytes) -> None:
    import docx

    write(workdir / "brief.docx", rich)
    checked = run("check", "--annotate", "brief.docx")
    assert checked.exit_code == 1, checked.output
    package = members((workdir / "brief.taalwacht.docx").read_bytes())
    comments = list(etree.fromstring(package["word/comments.xml"]).iter(w("comment")))
    assert [c.get(w("author")) for c in comments].count(OTHER) == 1
    assert [c.get(w("author")) for c in comments].count(AUTHOR) == 9  # the body's findings
    rels = etree.fromstring(package["word/_rels/document.xml.rels"])
    assert [r.get("Type", "").endswith("/comments") for r in rels].count(True) == 1
    opened = docx.Document(str(workdir / "brief.taalwacht.docx"))
    assert {c.author for c in opened.comments} == {OTHER, AUTHOR}


# -------------------------------------------------------------- content sniffing


def test_a_word_file_named_txt_is_read_as_word(workdir: Path, rich: bytes) -> None:
    write(workdir / "brief.txt", rich)
    document = read(Source(str(workdir / "brief.txt"), explicit=True))
    assert isinstance(document, Document)
    assert document.kind == "docx"
    checked = run("check", "--format", "json", "brief.txt")
    assert checked.exit_code == 1
    assert findings(checked.stdout)[0]["place"] == {"part": "hoofdtekst", "number": 1}


VARIANTS = {
    ".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ".docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    ".dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


@pytest.mark.parametrize("extension", sorted(VARIANTS))
def test_templates_and_macro_documents_are_read_and_fixed_like_docx(
    workdir: Path, rich: bytes, extension: str
) -> None:
    path = write(workdir / f"brief{extension}", with_main_type(rich, VARIANTS[extension]))
    expected = read_bytes(rich, "brief.docx").text
    assert read_bytes(path.read_bytes(), path.name).text == expected
    fixed = run("fix", path.name)
    assert fixed.exit_code == 1, fixed.output  # fields and a comment left for a person
    after = members(path.read_bytes())
    assert VARIANTS[extension].encode() in after["[Content_Types].xml"]
    assert "De inwoner krijgt een brief." in read_bytes(path.read_bytes(), path.name).text


def test_a_macro_document_with_its_own_main_part_name(rich: bytes) -> None:
    """Word names the main part word/document.xml; other programs may not. The content
    type says which part it is, for a macro document as for any other."""
    content = VARIANTS[".docm"]
    renamed = members(rich)
    body = renamed.pop("word/document.xml")
    relations = renamed.pop("word/_rels/document.xml.rels")
    renamed["word/hoofd.xml"] = body
    renamed["word/_rels/hoofd.xml.rels"] = relations
    renamed["[Content_Types].xml"] = renamed["[Content_Types].xml"].replace(
        b"/word/document.xml", b"/word/hoofd.xml"
    )
    renamed["_rels/.rels"] = renamed["_rels/.rels"].replace(b"word/document.xml", b"word/hoofd.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in renamed.items():
            package.writestr(name, data)
    macro = with_main_type(out.getvalue(), content)
    document = read_bytes(macro, "brief.docm")
    assert document.text.startswith("De klant krijgt een brief.\n")


# ------------------------------------------------------------------- LibreOffice


def _pdf_text(tmp_path: Path, source: Path) -> str:
    import pypdf

    outdir = tmp_path / f"pdf-{source.stem}"
    convert(source, to="pdf", outdir=outdir, profile=tmp_path / f"profiel-{source.stem}")
    reader = pypdf.PdfReader(str(outdir / f"{source.stem}.pdf"))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("mode", ["plain", "track"])
def test_libreoffice_opens_what_taalwacht_wrote(
    tmp_path: Path, plain: tuple[Document, Result, bytes], tracked: bytes, mode: str
) -> None:
    data = plain[2] if mode == "plain" else tracked
    source = write(tmp_path / f"brief-{mode}.docx", data)
    text = _pdf_text(tmp_path, source)
    # body, table, text box, header, footer, footnote: LibreOffice shows a tracked
    # insertion beside the deletion, so the new words are there in both modes
    assert text.count("inwoner") >= 4, text
    assert text.count("voorziening") >= 4, text
    assert "consulent" in text
    if mode == "plain":
        for sentence in (
            "De inwoner krijgt een brief.",
            "Voor elke inwoner",
            "De voorziening van de gemeente",
            "De inwoner betaalt niets.",
            "De inwoner leest dit.",
            "Zie de voorziening van de gemeente.",
        ):
            assert sentence in text, sentence
        assert "klantmanager" not in text
        assert "De klant krijgt" not in text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_comments_of_annotate(workdir: Path, rich: bytes) -> None:
    """LibreOffice converts the annotated copy to OpenDocument with taalwacht's comments as
    its own annotations: the comments part, relationship and anchors are right."""
    write(workdir / "brief.docx", rich)
    assert run("check", "--annotate", "brief.docx").exit_code == 1
    annotated = workdir / "brief.taalwacht.docx"
    convert(annotated, to="odt", outdir=workdir / "odt", profile=workdir / "profiel")
    with zipfile.ZipFile(workdir / "odt" / "brief.taalwacht.odt") as archive:
        content = etree.fromstring(archive.read("content.xml"))
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    creators = [
        a.findtext("{http://purl.org/dc/elements/1.1/}creator")
        for a in content.iter(f"{{{office}}}annotation")
    ]
    assert creators.count(AUTHOR) == 9 and creators.count(OTHER) == 1, creators


# ------------------------------------------------------- parts in other encodings


@pytest.mark.parametrize("encoding", ["UTF-16", "ISO-8859-1"])
def test_a_part_in_another_encoding_is_written_back_in_it(encoding: str) -> None:
    """Word writes UTF-8; other programs may write a part in UTF-16 or Latin-1. A fix keeps
    the part readable in its own encoding, the é of café included."""
    parts = members(simple_docx("De klant drinkt koffie in het café."))
    xml_text = parts["word/document.xml"].decode("utf-8")
    body = xml_text.split("?>", 1)[1]
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>{body}'.encode(encoding)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    document = read_bytes(out.getvalue(), "brief.docx")
    assert document.text == "De klant drinkt koffie in het café."
    fixed = write_docx(out.getvalue(), "brief.docx", [Edit(3, 8, "inwoner")])
    assert read_bytes(fixed, "brief.docx").text == "De inwoner drinkt koffie in het café."
    written = members(fixed)["word/document.xml"]
    assert etree.fromstring(written).getroottree().docinfo.encoding.upper() == encoding


def test_placeholders_typed_between_chevrons_are_fields(workdir: Path) -> None:
    """Templates often type a merge field as text: «klant.naam» is reported (its dotted name
    is no code and its chevrons are no quotation marks) and left for the template."""
    import docx

    document = docx.Document()
    document.add_paragraph("Beste «klant.naam»,")
    document.add_paragraph("De klant belt.")
    document.save(str(workdir / "sjabloon.docx"))
    checked = run("check", "--format", "json", "sjabloon.docx")
    assert [f["text"] for f in findings(checked.stdout)] == ["klant", "klant"]
    assert said("package.template-note", path="sjabloon.docx", n=1) in checked.stderr
    fixed = run("fix", "sjabloon.docx")
    assert fixed.exit_code == 1
    text = read_bytes((workdir / "sjabloon.docx").read_bytes(), "sjabloon.docx").text
    assert text == "Beste «klant.naam»,\nDe inwoner belt."


def test_an_abbreviation_in_its_own_bold_run_goes_with_its_brackets(workdir: Path) -> None:
    """The abbreviation of "het klantcontactcentrum (KCC)" goes with its brackets, also
    when Word keeps it in a run of its own; the runs around it stay."""
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Bel het klantcontactcentrum (")
    paragraph.add_run("KCC").bold = True
    paragraph.add_run(") op 14 0123.")
    document.save(str(workdir / "brief.docx"))
    assert run("fix", "brief.docx").exit_code == 0
    [written] = docx.Document(str(workdir / "brief.docx")).paragraphs
    assert written.text == "Bel het contactcentrum op 14 0123."
    assert written.runs[-1].text == " op 14 0123."
