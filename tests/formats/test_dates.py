"""A document's own date, for the month an organisation scan counts it in: Word and
OpenDocument core properties, an e-mail's Date header, a web page's <meta> date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from msgfile import make_msg, message_tree, unicode, write_cfb
from odf import dc
from odf.opendocument import OpenDocumentText
from odf.text import P

from taalwacht.api import read_document
from taalwacht.formats.dates import iso_day, mail_day
from taalwacht.formats.html import meta_day


def test_word_gives_its_last_saved_date(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("De klant krijgt een brief.")
    document.core_properties.created = dt.datetime(2021, 1, 4, 9, 0)
    document.core_properties.modified = dt.datetime(2024, 3, 5, 10, 30)
    path = tmp_path / "brief.docx"
    document.save(str(path))
    assert read_document(str(path)).date == "2024-03-05"


def test_opendocument_gives_its_date(tmp_path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(P(text="De klant krijgt een brief."))
    document.meta.addElement(dc.Date(text="2023-11-02T09:15:00"))
    path = tmp_path / "brief.odt"
    document.save(str(path))
    assert read_document(str(path)).date == "2023-11-02"


def test_email_gives_its_date_header(tmp_path: Path) -> None:
    path = tmp_path / "bericht.eml"
    path.write_text(
        "From: a@example.org\nTo: b@example.org\nSubject: Uw aanvraag\n"
        "Date: Tue, 05 Mar 2024 23:30:00 +0100\nContent-Type: text/plain; charset=utf-8\n\n"
        "Beste klant,\n",
        encoding="utf-8",
    )
    assert read_document(str(path)).date == "2024-03-05"  # the writer's own day


def test_outlook_message_gives_the_date_of_its_transport_headers(tmp_path: Path) -> None:
    tree = message_tree("Uw aanvraag", "Beste klant,")
    tree["__substg1.0_007D001F"] = unicode(
        "Received: from mail\r\nDate: Mon, 12 Feb 2024 08:00:00 +0100\r\nSubject: x\r\n"
    )
    path = tmp_path / "bericht.msg"
    path.write_bytes(write_cfb(tree))
    assert read_document(str(path)).date == "2024-02-12"
    plain = tmp_path / "zonder.msg"
    plain.write_bytes(make_msg("Uw aanvraag", "Beste klant,"))
    assert read_document(str(plain)).date is None


def test_web_page_gives_its_meta_date(tmp_path: Path) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(
        '<html><head><meta property="article:published_time" content="2020-01-01">'
        '<meta name="DCTERMS.modified" content="2022-07-01T12:00:00+02:00"></head>'
        "<body><p>De klant.</p></body></html>",
        encoding="utf-8",
    )
    assert read_document(str(path)).date == "2020-01-01"  # the first dated meta counts
    assert meta_day('<meta content="2019-05-06" name="date">') == "2019-05-06"
    assert meta_day("<p>Geplaatst 2019-05-06</p>") is None  # text is no metadata


def test_a_text_file_has_no_date_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("De klant.", encoding="utf-8")
    assert read_document(str(path)).date is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-03-05T10:00:00Z", "2024-03-05"),
        ("2024-02-30", None),  # no such day
        ("1601-01-01T00:00:00Z", None),  # a template's placeholder
        ("gisteren", None),
        ("", None),
    ],
)
def test_iso_days(value: str, day: str | None) -> None:
    assert iso_day(value) == day


def test_a_broken_date_header_costs_the_date_not_the_mail() -> None:
    assert mail_day("Tue, 45 Foo 2024") is None
    assert mail_day(None) is None
