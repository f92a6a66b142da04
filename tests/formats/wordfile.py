"""Real Word documents for the Word tests, built with python-docx and, where python-docx
cannot make something, a few lines of raw WordprocessingML put in with lxml: a footnotes
part, a text box stored twice (``mc:Choice`` and ``mc:Fallback``), merge fields (simple and
complex), tracked changes and a comment by another author, hidden text and a hyperlink.

Also what Word does with such a file that the tests need to do themselves: list the
package's members, read the paragraphs of a part, and accept or reject every tracked change
of one author."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
FOOTNOTES_TYPE = R + "/footnotes"
FOOTNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
MAIN_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

NAMESPACES = {
    "w": W,
    "mc": MC,
    "r": R,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_DECLARED = " ".join(f'xmlns:{p}="{u}"' for p, u in NAMESPACES.items())

OTHER = "Jan de Vries"  # the author of the tracked changes and the comment already there
OTHER_DATE = "2024-03-01T10:00:00Z"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def xml(fragment: str) -> etree._Element:
    """One element from WordprocessingML written with the usual prefixes."""
    wrapped = f"<wrapper {_DECLARED}>{fragment}</wrapper>"
    return etree.fromstring(wrapped)[0]


# ------------------------------------------------------------------- building


def simple_docx(*paragraphs: str) -> bytes:
    """A plain document with one paragraph per argument."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rich_docx() -> bytes:
    """The document most Word tests read: every place a word can be in a real letter.

    Body paragraphs, in order (the number is the paragraph's in the main part):

    1. ``De klant krijgt een brief.``
    2. ``Wij bieden het nieuwe product aan.`` in five runs: ``het`` underlined, ``product``
       bold;
    3. ``Elke klantmanager belt terug.`` with ``klantmanager`` over three runs: ``kl`` bold,
       ``antma`` underlined, ``nager`` plain;
    4. ``Het woord klant staat in het woordenboek.`` with ``klant`` alone in italics;
    5. tracked changes by another author: ``De klant`` deleted, ``De aanvrager`` inserted,
       and ``het product`` inserted: ``De aanvrager koopt het product.``;
    6. ``Dit is zichtbaar.`` and hidden text ``De klant ziet dit niet.``;
    7. ``Uw nummer: «klantnummer».`` with a ``w:fldSimple`` MERGEFIELD;
    8. ``Beste «klantnaam»,`` with a complex field (``fldChar``, ``instrText``);
    9. ``Lees meer over het product op de website.`` with ``het product`` in a hyperlink, and
       a footnote reference;
    10. a paragraph holding a text box (nothing of its own), whose paragraph is 11:
        ``De klant leest dit.``, stored as ``mc:Choice`` and again as ``mc:Fallback``;
    12. a table: a cell holding ``De klant betaalt niets.``;
    13. ``Wij helpen iedereen graag.`` with a comment by another author on it
        (``Is dit voor elke klant?``).

    Header: ``Voor elke klant``; footer: ``Het product van de gemeente``; footnote 1:
    ``Zie het product van de gemeente.``.
    """
    import docx
    from docx.enum.text import WD_UNDERLINE

    document = docx.Document()
    document.add_paragraph("De klant krijgt een brief.")

    p = document.add_paragraph("Wij bieden ")
    p.add_run("het").underline = WD_UNDERLINE.SINGLE
    p.add_run(" nieuwe ")
    p.add_run("product").bold = True
    p.add_run(" aan.")

    p = document.add_paragraph("Elke ")
    p.add_run("kl").bold = True
    p.add_run("antma").underline = True
    p.add_run("nager")
    p.add_run(" belt terug.")

    p = document.add_paragraph("Het woord ")
    p.add_run("klant").italic = True
    p.add_run(" staat in het woordenboek.")

    p = document.add_paragraph()
    p._p.append(
        xml(
            f'<w:del w:id="901" w:author="{OTHER}" w:date="{OTHER_DATE}">'
            "<w:r><w:delText>De klant</w:delText></w:r></w:del>"
        )
    )
    p._p.append(
        xml(
            f'<w:ins w:id="902" w:author="{OTHER}" w:date="{OTHER_DATE}">'
            "<w:r><w:t>De aanvrager</w:t></w:r></w:ins>"
        )
    )
    p._p.append(xml('<w:r><w:t xml:space="preserve"> koopt </w:t></w:r>'))
    p._p.append(
        xml(
            f'<w:ins w:id="903" w:author="{OTHER}" w:date="{OTHER_DATE}">'
            "<w:r><w:t>het product</w:t></w:r></w:ins>"
        )
    )
    p._p.append(xml("<w:r><w:t>.</w:t></w:r>"))

    p = document.add_paragraph("Dit is zichtbaar.")
    p._p.append(
        xml(
            "<w:r><w:rPr><w:vanish/></w:rPr>"
            '<w:t xml:space="preserve"> De klant ziet dit niet.</w:t></w:r>'
        )
    )

    p = document.add_paragraph("Uw nummer: ")
    p._p.append(
        xml(
            '<w:fldSimple w:instr=" MERGEFIELD klantnummer \\* MERGEFORMAT ">'
            "<w:r><w:t>«klantnummer»</w:t></w:r></w:fldSimple>"
        )
    )
    p._p.append(xml("<w:r><w:t>.</w:t></w:r>"))

    p = document.add_paragraph("Beste ")
    for fragment in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> MERGEFIELD klantnaam </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>«klantnaam»</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "<w:r><w:t>,</w:t></w:r>",
    ):
        p._p.append(xml(fragment))

    p = document.add_paragraph("Lees meer over ")
    link = document.part.relate_to("https://www.example.org/", R + "/hyperlink", is_external=True)
    p._p.append(
        xml(
            f'<w:hyperlink r:id="{link}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
            "<w:t>het product</w:t></w:r></w:hyperlink>"
        )
    )
    p._p.append(xml('<w:r><w:t xml:space="preserve"> op de website.</w:t></w:r>'))
    p._p.append(
        xml(
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )

    p = document.add_paragraph()
    p._p.append(xml(_TEXT_BOX.format(text="De klant leest dit.")))

    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = ""
    table.cell(0, 1).text = "De klant betaalt niets."

    p = document.add_paragraph("Wij helpen iedereen graag.")
    document.add_comment(p.runs[0], text="Is dit voor elke klant?", author=OTHER, initials="JV")

    section = document.sections[0]
    section.header.paragraphs[0].text = "Voor elke klant"
    section.footer.paragraphs[0].text = "Het product van de gemeente"

    out = io.BytesIO()
    document.save(out)
    return with_footnote(out.getvalue(), "Zie het product van de gemeente.")


_TEXT_BOX = """<w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
 relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="2743200" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="100" name="Tekstvak 1"/>
<wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="914400"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720"
 anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="Tekstvak1" type="#_x0000_t202"
 style="position:absolute;margin-left:0;margin-top:0;width:216pt;height:72pt;z-index:251659264">
<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>
</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def with_footnote(data: bytes, text: str) -> bytes:
    """``data`` with a footnotes part (the separators Word writes and footnote 1 holding
    ``text``), its relationship and its content type."""
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_DECLARED}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        f"{text}</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()

    def rels(root: etree._Element) -> None:
        relation = etree.SubElement(root, f"{{{REL}}}Relationship")
        relation.set("Id", "rIdFootnotes")
        relation.set("Type", FOOTNOTES_TYPE)
        relation.set("Target", "footnotes.xml")

    def types(root: etree._Element) -> None:
        override = etree.SubElement(root, f"{{{CT}}}Override")
        override.set("PartName", "/word/footnotes.xml")
        override.set("ContentType", FOOTNOTES_CONTENT)

    return change_parts(
        data,
        {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types},
        {"word/footnotes.xml": footnotes},
    )


def change_parts(
    data: bytes,
    edit: dict[str, Callable[[etree._Element], None]],
    added: dict[str, bytes] | None = None,
) -> bytes:
    """The package with each part in ``edit`` parsed, changed in place by its function and
    written again, and the members in ``added`` put in."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename in edit:
                root = etree.fromstring(member)
                edit[info.filename](root)
                member = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            target.writestr(info.filename, member)
        for name, member in (added or {}).items():
            target.writestr(name, member)
    return out.getvalue()


def with_main_type(data: bytes, content_type: str) -> bytes:
    """``data`` with the main part's content type changed (a template, a macro document)."""

    def types(root: etree._Element) -> None:
        for override in root.iter(f"{{{CT}}}Override"):
            if override.get("ContentType") == MAIN_CONTENT:
                override.set("ContentType", content_type)

    return change_parts(data, {"[Content_Types].xml": types})


# -------------------------------------------------------------------- reading


def members(data: bytes) -> dict[str, bytes]:
    """Every member of the package, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def part(data: bytes, name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(members(data)[name])


def paragraphs(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(w("p")))


def shown_text(paragraph: etree._Element) -> str:
    """What Word shows of a paragraph, found independently of taalwacht's reader: its
    ``w:t`` text outside deleted changes and hidden runs (field codes are ``w:instrText``;
    the paragraphs of a text box it holds are left to their own turn)."""
    out = []
    for text in paragraph.iter(w("t")):
        owner = next(a for a in text.iterancestors(w("p")))
        if owner is not paragraph:
            continue
        if any(a.tag in (w("del"), w("moveFrom")) for a in text.iterancestors()):
            continue
        run = text.getparent()
        props = run.find(w("rPr")) if run is not None else None
        if props is not None and props.find(w("vanish")) is not None:
            continue
        out.append(text.text or "")
    return "".join(out)


def run_text(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(w("t")))


def run_props(run: etree._Element) -> bytes:
    """A run's properties as bytes (``b""`` for none), to compare formatting."""
    props = run.find(w("rPr"))
    return b"" if props is None else etree.tostring(props)


def runs_holding(root: etree._Element, word: str) -> list[etree._Element]:
    """The runs whose ``w:t`` holds ``word``."""
    return [t.getparent() for t in root.iter(w("t")) if word in (t.text or "")]


# ------------------------------------------------------------ tracked changes


def _by(element: etree._Element, author: str | None) -> bool:
    return author is None or element.get(w("author")) == author


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    index = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(index, child)
    parent.remove(element)


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    parent.remove(element)


def accept_all(root: etree._Element, author: str | None = None) -> etree._Element:
    """A copy of a part with every tracked change (of ``author``) accepted, as Word's
    "Alle wijzigingen accepteren" does: deletions dropped, insertions kept as plain runs."""
    root = copy.deepcopy(root)
    for deleted in [e for e in root.iter(w("del"), w("moveFrom")) if _by(e, author)]:
        _drop(deleted)
    for inserted in [e for e in root.iter(w("ins"), w("moveTo")) if _by(e, author)]:
        _unwrap(inserted)
    return root


def reject_all(root: etree._Element, author: str | None = None) -> etree._Element:
    """A copy of a part with every tracked change (of ``author``) rejected: insertions
    dropped, deleted runs back as plain text."""
    root = copy.deepcopy(root)
    for inserted in [e for e in root.iter(w("ins"), w("moveTo")) if _by(e, author)]:
        _drop(inserted)
    for deleted in [e for e in root.iter(w("del"), w("moveFrom")) if _by(e, author)]:
        for text in deleted.iter(w("delText")):
            text.tag = w("t")
        _unwrap(deleted)
    return root


def resolved(data: bytes, how: Callable[..., etree._Element], author: str | None) -> bytes:
    """The package with every XML part's tracked changes (of ``author``) resolved by
    ``how`` (``accept_all`` or ``reject_all``)."""
    edit = {
        name: _resolver(how, author)
        for name in members(data)
        if name.startswith("word/") and name.endswith(".xml")
    }
    return change_parts(data, edit)


def _resolver(
    how: Callable[..., etree._Element], author: str | None
) -> Callable[[etree._Element], None]:
    def resolve(root: etree._Element) -> None:
        done = how(root, author)
        root[:] = list(done)

    return resolve
