"""The Python API on documents: the same service as the command line, on any format."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

import taalwacht
from conftest import cli, said
from taalwacht.errors import InputError


def brief(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Klantcontactcentrum"
    paragraph = document.add_paragraph("Beste ")
    paragraph.add_run("klant").bold = True
    paragraph.add_run(", de gemeente heeft het nieuwe product voor u klaar.")
    document.save(str(path))
    return path


def test_check_document_reads_word_by_content_with_places(tmp_path: Path) -> None:
    path = brief(tmp_path / "brief.txt")  # a Word file with the wrong extension
    found = taalwacht.check_document(str(path))
    assert [f.text for f in found] == ["klant", "product", "Klantcontactcentrum"]
    document = taalwacht.read_document(str(path))
    assert document.kind == "docx"
    header = next(p for p in document.places if p.part == "koptekst")
    assert found[2].start >= header.start


def test_fix_document_keeps_a_backup_and_tracks_changes(tmp_path: Path) -> None:
    path = brief(tmp_path / "brief.docx")
    original = path.read_bytes()
    result = taalwacht.fix_document(str(path), track_changes=True)
    assert len(result.done) == 3
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'w:author="taalwacht"' in xml and "<w:delText>klant</w:delText>" in xml
    backups = [b for b in (tmp_path / ".taalwacht" / "backups").rglob("*") if b.is_file()]
    assert any(b.read_bytes() == original for b in backups)


def test_fix_document_refuses_a_file_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "oud.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    with pytest.raises(InputError) as info:
        taalwacht.fix_document(str(path))
    assert said("package.old-doc") in str(info.value)


def test_word_on_standard_input_is_checked_but_not_fixed(tmp_path: Path) -> None:
    data = brief(tmp_path / "brief.docx").read_bytes()
    checked = cli(
        "check", "--isolated", "--no-progress", "-", cwd=tmp_path, input=data, binary=True
    )
    assert checked.returncode == 1
    assert b"hoofdtekst, alinea 1" in checked.stdout
    fixed = cli("fix", "--isolated", "-", cwd=tmp_path, input=data, binary=True)
    assert fixed.returncode == 2
    assert fixed.stdout == b""
    assert fixed.stderr.decode().splitlines()[0] == said("package.stdin")


def test_pdf_and_mail_are_checked_but_never_fixed(tmp_path: Path) -> None:
    from formats.pdffile import make_pdf

    pdf = tmp_path / "nota.pdf"
    pdf.write_bytes(make_pdf(["De gemeente helpt de klant."]))
    original = pdf.read_bytes()
    named = cli("fix", "--isolated", "nota.pdf", cwd=tmp_path)
    assert named.returncode == 2
    assert said("package.check-only", kind="PDF-bestand") in named.stderr
    walked = cli("fix", "--isolated", ".", cwd=tmp_path)
    assert walked.returncode == 0
    assert said("notes.check-only") in walked.stderr
    assert pdf.read_bytes() == original
    checked = cli("check", "--isolated", "--no-progress", "nota.pdf", cwd=tmp_path)
    assert checked.returncode == 1 and "nota.pdf: pagina 1:" in checked.stdout
