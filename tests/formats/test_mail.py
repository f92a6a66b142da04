"""Reading e-mail (``taalwacht.formats.mail``): a MIME message (.eml) built with the
standard library and an Outlook message (.msg) written as a real compound file
(``msgfile``), each read into one Document: subject, body and forwarded messages with
their places, attached documents as documents of their own, and notes (never errors) for
attachments that cannot be read."""

from __future__ import annotations

import io
import random
import re
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest
from msgfile import make_msg, message_tree, unicode, write_cfb
from pdffile import make_pdf

from conftest import said
from taalwacht.api import default_service
from taalwacht.errors import InputError
from taalwacht.formats import mail
from taalwacht.formats.decode import looks_like_mail
from taalwacht.formats.mail import is_msg, read_bytes
from taalwacht.model.document import Document, place_of

PDF = make_pdf(["De klant krijgt een brief."])


def message(subject: str = "Uw aanvraag", body: str | None = "Beste inwoner,\n") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Gemeente Voorbeeld <info@voorbeeld.nl>"
    msg["To"] = "inwoner@example.org"
    msg["Date"] = "Mon, 02 Jun 2025 10:00:00 +0200"
    msg["Subject"] = subject
    if body is not None:
        msg.set_content(body)
    return msg


def klant_places(document: Document) -> list[str]:
    """Where the service finds 'klant' in ``document``, as the reports label it."""
    labels = []
    for finding in default_service().check(document):
        if finding.term == "klant":
            place = place_of(document.places, finding.start)
            assert place is not None
            labels.append(place.label())
    return labels


# ------------------------------------------------------------------ .eml: the text


def test_subject_and_body_paragraphs_with_their_places() -> None:
    body = (
        "Beste inwoner,\n\nDe klant belt ons.\nWij bellen terug.\n\n"
        "> Eerder schreef de klant:\n> Hallo\n"
    )
    document = read_bytes(message("Brief aan de klant", body).as_bytes(), "bericht.eml")
    assert document.kind == "mail"
    assert document.extracted
    assert document.text == (
        "Brief aan de klant\n\nBeste inwoner,\n\nDe klant belt ons.\nWij bellen terug.\n\n"
        "> Eerder schreef de klant:\n> Hallo\n"
    )
    assert [(p.part, p.number) for p in document.places] == [
        ("onderwerp", 1),
        ("bericht", 1),
        ("bericht", 2),
        ("bericht", 3),
    ]
    for place, start in zip(
        document.places, ("Brief", "Beste", "De klant", "> Eerder"), strict=True
    ):
        assert document.text[place.start :].startswith(start)
    # quoted earlier messages are still text someone sent
    assert klant_places(document) == [
        "onderwerp",
        "bericht, alinea 2",
        "bericht, alinea 3",
    ]
    assert document.attachments == () and document.notes == ()


def test_an_encoded_subject_is_decoded_and_kept_on_one_line() -> None:
    msg = message("Een héél lange onderwerpregel over de klant " + "en nog meer " * 8)
    raw = msg.as_bytes()
    assert b"=?utf-8?" in raw
    document = read_bytes(raw, "bericht.eml")
    subject = document.text.split("\n")[0]
    assert subject.startswith("Een héél lange onderwerpregel over de klant en nog meer")
    assert "  " not in subject


def test_an_html_only_mail_is_read_as_a_visitor_reads_it() -> None:
    msg = message(body=None)
    msg.set_content(
        "<html><head><style>p { color: red }</style></head><body>"
        "<p>Beste inwoner,</p><p>De <b>klant</b> belt.</p><script>var klant;</script>"
        "</body></html>",
        subtype="html",
    )
    document = read_bytes(msg.as_bytes(), "html.eml")
    assert "<p>" not in document.text and "color" not in document.text
    assert "var klant" not in document.text
    assert "Beste inwoner,\n\nDe klant belt." in document.text
    assert klant_places(document) == ["bericht, alinea 2"]


def test_multipart_alternative_reads_the_plain_part() -> None:
    msg = message(body="De klant (platte tekst).\n")
    msg.add_alternative("<p>De klant (html).</p>", subtype="html")
    document = read_bytes(msg.as_bytes(), "alt.eml")
    assert "platte tekst" in document.text
    assert "(html)" not in document.text


@pytest.mark.parametrize("cte", ["quoted-printable", "base64"])
def test_transfer_encodings_are_undone(cte: str) -> None:
    msg = message(body=None)
    msg.set_content("Eén klant, één brief: €5.\n", cte=cte)
    raw = msg.as_bytes()
    assert f"Content-Transfer-Encoding: {cte}".encode() in raw
    assert "Eén".encode() not in raw
    document = read_bytes(raw, "enc.eml")
    assert document.text.endswith("Eén klant, één brief: €5.\n")


def _raw_mail(charset: str, body: bytes) -> bytes:
    return (
        b"From: info@voorbeeld.nl\r\nTo: inwoner@example.org\r\nSubject: Koffie\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=" + charset.encode() + b"\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body
    )


@pytest.mark.parametrize(
    ("charset", "body"),
    [
        ("windows-1252", "De klant wil een café; dat kost €2.\r\n".encode("cp1252")),
        ("x-onbekend", "De klant wil een café; dat kost €2.\r\n".encode()),  # unknown name
        ("utf-8", "De klant wil een café; dat kost €2.\r\n".encode("cp1252")),  # wrong name
        ("us-ascii", "De klant wil een café; dat kost €2.\r\n".encode("cp1252")),
        ('"base64"', "De klant wil een café; dat kost €2.\r\n".encode()),  # not a text codec
    ],
    ids=["cp1252", "unknown", "utf8-but-cp1252", "ascii-but-cp1252", "not-a-text-codec"],
)
def test_charsets_declared_right_wrong_or_unknown(charset: str, body: bytes) -> None:
    document = read_bytes(_raw_mail(charset, body), "koffie.eml")
    assert document.text == "Koffie\n\nDe klant wil een café; dat kost €2.\n"


# -------------------------------------------------------------- .eml: attachments


def test_an_attached_pdf_is_a_document_of_its_own() -> None:
    msg = message(body="Zie de bijlage.\n")
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="brief.pdf")
    document = read_bytes(msg.as_bytes(), "bericht.eml")
    assert "De klant" not in document.text  # the attachment is not the mail's text
    (attached,) = document.attachments
    assert attached.path == "bericht.eml » brief.pdf"
    assert attached.kind == "pdf"
    assert attached.text == "De klant krijgt een brief.\n"
    assert klant_places(attached) == ["pagina 1"]
    assert document.notes == ()


def test_attachments_are_recognised_by_content_and_named_when_unnamed() -> None:
    msg = message()
    msg.add_attachment(PDF, maintype="application", subtype="octet-stream", filename="scan0001")
    unnamed = EmailMessage()
    unnamed.set_content(PDF, maintype="application", subtype="octet-stream")
    msg.add_attachment(unnamed)  # type: ignore[call-overload]
    document = read_bytes(msg.as_bytes(), "bericht.eml")
    paths = [a.path for a in document.attachments]
    assert paths == ["bericht.eml » scan0001", "bericht.eml » " + said("mail.unnamed", n=2)]


def test_other_attachments_are_left_alone() -> None:
    msg = message()
    msg.add_attachment(
        b"\x89PNG\r\n\x1a\n" + b"\0" * 64, maintype="image", subtype="png", filename="foto.png"
    )
    msg.add_attachment("De klant in een tekstbestand.\n", filename="notitie.txt")
    msg.add_attachment(
        b"PK\x03\x04" + b"\0" * 64, maintype="application", subtype="zip", filename="archief.zip"
    )
    document = read_bytes(msg.as_bytes(), "bericht.eml")
    assert document.attachments == () and document.notes == ()
    assert "klant" not in document.text


def test_a_damaged_attachment_becomes_a_note_not_an_error() -> None:
    msg = message(body="De klant stuurt een bijlage.\n")
    msg.add_attachment(
        b"%PDF-1.4 kapot", maintype="application", subtype="pdf", filename="kapot.pdf"
    )
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="heel.pdf")
    document = read_bytes(msg.as_bytes(), "bericht.eml")
    assert [a.path for a in document.attachments] == ["bericht.eml » heel.pdf"]
    (note,) = document.notes
    assert note == said(
        "mail.attachment-failed", path="bericht.eml", name="kapot.pdf", problem=said("pdf.corrupt")
    )
    assert klant_places(document) == ["bericht, alinea 1"]


def _docx_bytes(text: str) -> bytes:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_an_attached_word_file_is_read_by_the_word_reader() -> None:
    pytest.importorskip("taalwacht.formats.docx", reason="the Word reader is not there yet")
    msg = message()
    msg.add_attachment(
        _docx_bytes("De klant krijgt een brief."),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="brief.docx",
    )
    document = read_bytes(msg.as_bytes(), "bericht.eml")
    (attached,) = document.attachments
    assert attached.path == "bericht.eml » brief.docx"
    assert attached.kind == "docx"
    assert "De klant krijgt een brief." in attached.text
    assert document.notes == ()


def test_an_attachment_without_a_reader_yet_becomes_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "taalwacht.formats.docx", None)  # import fails
    msg = message()
    msg.add_attachment(
        _docx_bytes("De klant."),
        maintype="application",
        subtype="octet-stream",
        filename="brief.docx",
    )
    document = read_bytes(msg.as_bytes(), "bericht.eml")
    assert document.attachments == ()
    assert document.notes == (
        said("mail.attachment-unsupported", path="bericht.eml", name="brief.docx"),
    )


# --------------------------------------------------------- .eml: forwarded messages


def test_a_forwarded_message_is_read_into_the_same_document() -> None:
    inner = message("Vraag van een klant", "Het product is kapot.\n\nGroet, Piet\n")
    inner.add_attachment(PDF, maintype="application", subtype="pdf", filename="bon.pdf")
    outer = message("Fw: vraag", "Zie hieronder.\n")
    outer.add_attachment(inner)  # type: ignore[call-overload]
    raw = outer.as_bytes()
    assert b"message/rfc822" in raw
    document = read_bytes(raw, "fw.eml")
    assert document.text == (
        "Fw: vraag\n\nZie hieronder.\n\nVraag van een klant\n\nHet product is kapot.\n\n"
        "Groet, Piet\n"
    )
    assert [(p.part, p.number) for p in document.places] == [
        ("onderwerp", 1),
        ("bericht", 1),
        ("doorgestuurd bericht", 1),
        ("doorgestuurd bericht", 2),
        ("doorgestuurd bericht", 3),
    ]
    assert klant_places(document) == ["doorgestuurd bericht, alinea 1"]
    assert [a.path for a in document.attachments] == ["fw.eml » bon.pdf"]


def test_forwarded_messages_are_read_a_few_levels_deep() -> None:
    msg = message("Niveau 5", "Tekst 5\n")
    for level in range(4, -1, -1):
        outer = message(f"Niveau {level}", f"Tekst {level}\n")
        outer.add_attachment(msg)  # type: ignore[call-overload]
        msg = outer
    document = read_bytes(msg.as_bytes(), "diep.eml")
    for level in range(mail.MAX_DEPTH + 1):
        assert f"Tekst {level}" in document.text
    assert f"Tekst {mail.MAX_DEPTH + 1}" not in document.text
    assert document.notes == (said("mail.too-deep", path="diep.eml", depth=mail.MAX_DEPTH),)


def test_an_attached_eml_file_is_a_forwarded_message() -> None:
    inner = message("Oud bericht", "De klant schreef dit.\n")
    outer = message("Fw", "Zie bijlage.\n")
    outer.add_attachment(
        inner.as_bytes(), maintype="application", subtype="octet-stream", filename="oud.eml"
    )
    document = read_bytes(outer.as_bytes(), "fw.eml")
    assert klant_places(document) == ["doorgestuurd bericht, alinea 2"]


# --------------------------------------------------------------- .eml: not a mail


@pytest.mark.parametrize(
    "data",
    [b"", b"Gewoon een tekst zonder kopregels.\n", bytes(range(256)) * 4],
    ids=["empty", "text", "binary"],
)
def test_what_is_no_mail_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=re.escape(said("mail.not-mail"))) as info:
        read_bytes(data, "geen.eml")
    assert str(info.value).startswith("geen.eml: ")


def test_looks_like_mail() -> None:
    assert looks_like_mail(message().as_bytes()[:4096])
    assert looks_like_mail(
        b"Received: from mx.voorbeeld.nl\r\n\tby mail.example.org; Mon, 2 Jun 2025\r\n"
        b"Return-Path: <info@voorbeeld.nl>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain\r\n\r\nDe klant.\r\n"
    )
    # a header block cut off by the head's length still counts
    assert looks_like_mail(b"From: a@b.nl\nContent-Type: text/plain\nX-Lang: " + b"x" * 100)
    # kilobytes of transport headers before MIME-Version: the head is cut off in them
    received = b"".join(
        b"Received: from mx%d.voorbeeld.nl by mx.example.org\r\n" % i for i in range(200)
    )
    assert looks_like_mail((b"Delivered-To: inwoner@example.org\r\n" + received)[:4096])
    assert not looks_like_mail((b"From: a@b.nl\nSubject: hoi\nX-Extra: " + b"x" * 5000)[:4096])
    assert not looks_like_mail(b"From: a@b.nl\nSubject: hoi\n\nGeen MIME-kopregel.\n")
    assert not looks_like_mail(b"Titel: Beleid\nContent-Type: text/plain\n\nTekst\n")
    assert not looks_like_mail(b"De klant belt.\nFrom: iemand\nMIME-Version: 1.0\n\n")
    assert not looks_like_mail(b"---\ntitle: x\n---\n# Kop\n")
    assert not looks_like_mail(b"")


# ------------------------------------------------------------------- .msg: the file


def test_the_compound_file_writer_gives_what_olefile_reads_strictly() -> None:
    olefile = pytest.importorskip("olefile")
    large = bytes(range(256)) * 40  # 10 KB: regular sectors; the rest: the mini stream
    data = write_cfb({"klein": b"De klant", "Map": {"groot": large, "leeg": b""}})
    assert len(data) % 512 == 0
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    assert sorted(ole.listdir(streams=True, storages=True)) == [
        ["Map"],
        ["Map", "groot"],
        ["Map", "leeg"],
        ["klein"],
    ]
    assert ole.openstream("klein").read() == b"De klant"
    assert ole.openstream("Map/groot").read() == large
    assert ole.openstream("Map/leeg").read() == b""
    msg = make_msg(
        "Onderwerp",
        "Tekst",
        attachments=[("groot.pdf", large)],
        forwarded=message_tree("Binnen", "Tekst", embedded=True),
    )
    strict = olefile.OleFileIO(io.BytesIO(msg), raise_defects=olefile.DEFECT_INCORRECT)
    assert strict.exists("__attach_version1.0_#00000001/__substg1.0_3701000D/__substg1.0_0037001F")


def test_is_msg() -> None:
    assert is_msg(make_msg("Onderwerp", "Tekst"))
    assert not is_msg(write_cfb({"WordDocument": b"\0" * 600}))  # an old Word file
    assert not is_msg(message().as_bytes())
    assert not is_msg(mail.OLE_MAGIC + b"\0" * 100)


# ------------------------------------------------------------------- .msg: reading


def test_an_outlook_message_subject_and_body() -> None:
    data = make_msg("Brief aan de klant", "Beste inwoner,\r\n\r\nDe klant belt.\r\n")
    document = read_bytes(data, "bericht.msg")
    assert document.kind == "mail"
    assert document.size == len(data)
    assert document.text == "Brief aan de klant\n\nBeste inwoner,\n\nDe klant belt.\n"
    assert klant_places(document) == ["onderwerp", "bericht, alinea 2"]


def test_an_outlook_message_with_an_8_bit_body() -> None:
    document = read_bytes(make_msg("Koffie", "De klant wil café.".encode("cp1252")), "a.msg")
    assert document.text == "Koffie\n\nDe klant wil café.\n"


def test_an_outlook_message_with_only_an_html_body() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "</head><body><p>Beste inwoner,</p><p>De klant wil caf\xe9.</p></body></html>"
    ).encode("cp1252")
    document = read_bytes(make_msg("Koffie", html=html), "html.msg")
    assert document.text == "Koffie\n\nBeste inwoner,\n\nDe klant wil café.\n"


def test_outlook_attachments_and_an_attached_message() -> None:
    big_pdf = make_pdf(["De klant krijgt een brief.", "Regel " * 800])  # over 4 KB
    assert len(big_pdf) > 4096 > len(PDF)
    forwarded = message_tree(
        "Vraag van een klant",
        "Het product is kapot.",
        embedded=True,
        attachments=[("bon.pdf", PDF)],
    )
    data = make_msg(
        "Fw: vraag",
        "Zie bijlagen.",
        attachments=[
            ("brief.pdf", big_pdf),
            ("foto.jpg", b"\xff\xd8\xff" + b"\0" * 50),
            ("kapot.pdf", b"%PDF-1.4 kapot"),
        ],
        forwarded=forwarded,
    )
    document = read_bytes(data, "fw.msg")
    assert document.text == (
        "Fw: vraag\n\nZie bijlagen.\n\nVraag van een klant\n\nHet product is kapot.\n"
    )
    assert klant_places(document) == ["doorgestuurd bericht, alinea 1"]
    assert [a.path for a in document.attachments] == ["fw.msg » brief.pdf", "fw.msg » bon.pdf"]
    assert document.attachments[0].text.startswith("De klant krijgt een brief.\n")
    assert document.notes == (
        said(
            "mail.attachment-failed", path="fw.msg", name="kapot.pdf", problem=said("pdf.corrupt")
        ),
    )


def test_an_outlook_message_attached_to_a_mime_mail() -> None:
    outer = message("Fw", "Zie bijlage.\n")
    outer.add_attachment(
        make_msg("Oud", "De klant schreef dit."),
        maintype="application",
        subtype="vnd.ms-outlook",
        filename="oud.msg",
    )
    document = read_bytes(outer.as_bytes(), "fw.eml")
    assert klant_places(document) == ["doorgestuurd bericht, alinea 2"]


def test_a_damaged_attached_message_becomes_a_note() -> None:
    outer = message("Fw", "Zie bijlage.\n")
    outer.add_attachment(
        mail.OLE_MAGIC + b"\1" * 2000,
        maintype="application",
        subtype="vnd.ms-outlook",
        filename="oud.msg",
    )
    document = read_bytes(outer.as_bytes(), "fw.eml")
    assert document.notes == (said("mail.forward-failed", path="fw.eml", name="oud.msg"),)


@pytest.mark.parametrize(
    "data",
    [
        mail.OLE_MAGIC,
        mail.OLE_MAGIC + b"\1" * 4000,
        make_msg("Onderwerp", "Tekst " * 1000)[:1600],
    ],
    ids=["magic-only", "garbage", "truncated"],
)
def test_a_damaged_outlook_message_is_one_dutch_error(data: bytes) -> None:
    with pytest.raises(InputError, match=re.escape(said("mail.corrupt-msg"))):
        read_bytes(data, "kapot.msg")


def test_an_ole_file_without_message_fields_is_no_outlook_message() -> None:
    with pytest.raises(InputError, match=re.escape(said("mail.not-msg"))):
        read_bytes(write_cfb({"WordDocument": b"\0" * 600}), "oud.msg")


def test_an_outlook_string_without_terminator_and_with_odd_length(tmp_path: Path) -> None:
    tree = message_tree("Onderwerp", "x")
    tree["__substg1.0_1000001F"] = "De klant".encode("utf-16-le") + b"\0"  # odd byte count
    tree["__substg1.0_0037001F"] = unicode("Onderwerp")[:-2]
    document = read_bytes(write_cfb(tree), str(tmp_path / "vreemd.msg"))
    assert document.text.startswith("Onderwerp\n\nDe klant")


# --------------------------------------------------------------- hostile bytes


def _mutations(base: bytes, seed: int, count: int) -> list[bytes]:
    """``count`` copies of ``base`` with a few bytes changed, cut out or put in."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        data = bytearray(base)
        for _ in range(rng.randint(1, 12)):
            at, choice = rng.randrange(len(data)), rng.random()
            if choice < 0.6:
                data[at] = rng.randrange(256)
            elif choice < 0.8:
                del data[at : at + rng.randint(1, 40)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 16))
        out.append(bytes(data))
    return out


def test_damaged_mails_give_a_document_or_one_dutch_error() -> None:
    eml = message("Brief aan de klant", "De klant belt.\n\nTwee.\n")
    eml.add_alternative("<p>De klant</p>", subtype="html")
    eml.add_attachment(PDF, maintype="application", subtype="pdf", filename="brief.pdf")
    eml.add_attachment(message("Oud", "Binnen."))  # type: ignore[call-overload]
    msg = make_msg(
        "Onderwerp",
        "De klant belt.",
        attachments=[("brief.pdf", PDF)],
        forwarded=message_tree("Binnen", "Tekst", embedded=True),
    )
    for data in _mutations(eml.as_bytes(), 1, 150) + _mutations(msg, 2, 150):
        try:
            document = read_bytes(data, "kapot")
        except InputError as err:
            assert str(err).startswith("kapot: ")
        else:
            assert document.kind == "mail"
