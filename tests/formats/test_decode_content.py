"""Non-text recognised by content, not extension, and named in Dutch; mixed UTF-8 flagged
(checked with a note, never rewritten); genuine Windows-1252 still decoded; the read stamp."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import lzma
import os
import random
import zipfile
from pathlib import Path

import pytest

from conftest import write
from taalwacht.errors import InputError
from taalwacht.formats import Document, read
from taalwacht.formats.decode import (
    BinaryInputError,
    decode,
    decode_text,
    is_mixed,
    read_stamped,
)
from taalwacht.formats.walk import Skipped, Source
from taalwacht.formats.write import WriteError, encode_like


def _zip(*parts: tuple[str, str], stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (name, text) in enumerate(parts):
            kind = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, text, compress_type=kind)
    return buffer.getvalue()


DOCX = _zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))
XLSX = _zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"))
PPTX = _zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>"))
ODT = _zip(
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml", "<office:document-content/>"),
    stored_first=True,
)
BMP = (
    b"BM"
    + (70).to_bytes(4, "little")
    + b"\x00" * 4
    + (54).to_bytes(4, "little")
    + (40).to_bytes(4, "little")
    + b"\x01\x00\x00\x00" * 2
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("logo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG-afbeelding"),
        ("foto.md", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG-afbeelding"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00", "GIF-afbeelding"),
        ("oud.txt", b"GIF87a\x01\x00\x01\x00", "GIF-afbeelding"),
        ("plaatje.txt", b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP-afbeelding"),
        ("scan.txt", b"II*\x00\x08\x00\x00\x00", "TIFF-afbeelding"),
        ("scan2.txt", b"MM\x00*\x00\x00\x00\x08", "TIFF-afbeelding"),
        ("tekening.txt", BMP, "BMP-afbeelding"),
        ("archief.txt", _zip(("a.txt", "De klant.")), "ZIP-archief"),
        ("cijfers.txt", XLSX, "Excel-werkmap (xlsx)"),
        ("dia.txt", PPTX, "PowerPoint-presentatie (pptx)"),
        ("a.txt", gzip.compress(b"De klant."), "gzip-archief"),
        ("b.txt", b"7z\xbc\xaf\x27\x1c\x00\x04", "7-Zip-archief"),
        ("c.txt", b"Rar!\x1a\x07\x01\x00", "RAR-archief"),
        ("d.txt", bz2.compress(b"De klant."), "bzip2-archief"),
        ("e.txt", bz2.compress(b""), "bzip2-archief"),
        ("f.txt", lzma.compress(b"De klant."), "xz-archief"),
        ("g.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8, "programma (ELF)"),
        ("h.txt", EXE, "Windows-programma"),
    ],
)
def test_binary_kinds_are_refused_by_content_with_their_dutch_name(
    tmp_path: Path, name: str, data: bytes, kind: str
) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(BinaryInputError) as info:
        read(Source(str(path), explicit=True))
    assert str(info.value).startswith(f"{path}: {kind}")
    assert str(info.value).endswith(", geen tekst")
    assert info.value.kind.startswith(kind)
    assert isinstance(read(Source(str(path), explicit=False)), Skipped)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "PDF-bestand"),
        (DOCX, "Word-document (docx)"),
        (ODT, "OpenDocument-bestand (odt, ods of odp)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, "oud Office-document"),
    ],
)
def test_documents_are_not_text_to_the_decoder(data: bytes, kind: str) -> None:
    """Word, OpenDocument and PDF files are read by their own readers (tests/formats/
    test_docx.py ...); the text decoder never takes their bytes for text."""
    with pytest.raises(BinaryInputError) as info:
        decode_text(data, "x.txt")
    assert info.value.kind.startswith(kind)


@pytest.mark.parametrize(
    "text",
    ["BMW-rijders en MZ-motoren.\n", "GIF-bestanden zijn plaatjes.\n", "PK-wedstrijd\n", "BZh?"],
)
def test_text_that_starts_like_a_short_magic_is_text(text: str) -> None:
    assert decode(text.encode()) == (text, "utf-8", False)


# ------------------------------------------------------------------ mixed UTF-8

UTF8_PART = "De cliënt krijgt één brief.\n"
CP1252_PART = "Café – “oud”.\n"


def test_mixed_utf8_is_flagged_and_read_as_utf8_with_stray_bytes_as_cp1252() -> None:
    data = UTF8_PART.encode() + CP1252_PART.encode("cp1252")
    decoded = decode_text(data, "gemengd.txt")
    assert decoded.mixed is True
    assert decoded.encoding == "utf-8"  # never cp1252: that is only for genuine Windows-1252
    assert decoded.text == UTF8_PART + CP1252_PART
    assert decode(data) == (UTF8_PART + CP1252_PART, "utf-8", False)


def test_mixed_stray_bytes_windows_1252_lacks_are_kept_as_latin1() -> None:
    data = "Één ".encode() + b"\x81\x8d"  # 0x81 and 0x8D have no Windows-1252 character
    decoded = decode_text(data)
    assert decoded.mixed
    assert decoded.text == "Één \x81\x8d"


def test_genuine_cp1252_still_decodes_and_is_not_mixed() -> None:
    text = "De klant betaalt €5 voor café – “ja”, zeiden ze in Ürmond.\r\n"
    decoded = decode_text(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding, decoded.mixed) == (text, "cp1252", False)


def test_random_bytes_are_not_mixed_but_binary() -> None:
    data = bytes(b or 0x81 for b in random.Random(2).randbytes(4096))
    assert not is_mixed(data)
    with pytest.raises(BinaryInputError):
        decode_text(data)


def test_valid_utf8_and_plain_ascii_are_not_mixed() -> None:
    assert not is_mixed("één".encode())
    assert not is_mixed(b"caf\xe9")  # only invalid bytes: Windows-1252, not mixed


def test_read_flags_mixed_documents_with_a_dutch_note(tmp_path: Path) -> None:
    path = write(tmp_path / "gemengd.txt", UTF8_PART.encode() + CP1252_PART.encode("cp1252"))
    document = read(Source(str(path), explicit=True))
    assert isinstance(document, Document)
    assert document.mixed_encoding
    assert document.text == UTF8_PART + CP1252_PART
    assert any(n.startswith(f"{path}: gemengde codering") for n in document.notes)
    with pytest.raises(WriteError) as info:
        encode_like(document.text, document)
    assert info.value.reason == "encoding"
    assert "gemengde codering" in str(info.value)


def test_read_of_clean_text_has_no_note_and_is_not_mixed(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", UTF8_PART)
    document = read(Source(str(path), explicit=True))
    assert isinstance(document, Document)
    assert not document.mixed_encoding and document.notes == ()


# ------------------------------------------------------------------ the read stamp


def test_read_remembers_what_the_file_was(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", UTF8_PART)
    document = read(Source(str(path), explicit=True))
    assert isinstance(document, Document)
    status = os.stat(path)
    expected = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    assert document.stamp is not None
    assert document.stamp[:4] == expected
    assert document.stamp[4] == hashlib.sha256(UTF8_PART.encode()).hexdigest()


def test_read_stamped_of_a_missing_file_is_a_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_stamped(str(tmp_path / "weg.txt"))
    assert "bestand niet gevonden" in str(info.value)
