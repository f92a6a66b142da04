"""Reading a source into a Document (``taalwacht.formats.read``): the BOM left out of the
offsets, the format from the extension, standard input, and bad input (a missing file, a
folder, no permission, a binary file named or met in a walk) as one clear error."""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from pathlib import Path

import pytest

from conftest import said, write
from taalwacht.errors import InputError
from taalwacht.formats import Document, kind_for, parse, read
from taalwacht.formats.decode import BinaryInputError
from taalwacht.formats.walk import Skipped, Source

SENTENCE = "De klant krijgt een brief.\n"


def read_text(path: str | Path) -> Document:
    """A path the user named, read as a Document (what ``sources.read_text`` did)."""
    document = read(Source(str(path), explicit=True))
    assert isinstance(document, Document)
    return document


# ---------------------------------------------------------------- a named file


def test_read_text_keeps_offsets_after_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", codecs.BOM_UTF8 + "Dé klant\r\nkomt.".encode())
    text = read_text(path)
    assert text.text == "Dé klant\r\nkomt."
    assert text.text[3:8] == "klant"
    assert text.bom is True
    assert text.kind == "markdown"
    assert text.path == str(path)
    assert text.size == len(path.read_bytes())


def test_read_text_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=re.escape(said("errors.file-not-found"))) as info:
        read_text(missing)
    assert str(missing) in str(info.value)


def test_read_text_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=re.escape(said("errors.is-directory"))):
        read_text(tmp_path)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_read_text_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", SENTENCE)
    path.chmod(0)
    try:
        with pytest.raises(InputError, match=re.escape(said("errors.permission"))):
            read_text(path)
    finally:
        path.chmod(0o644)


def test_read_text_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Dé klant.".encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", stdin)
    text = read_text("-")
    assert text.text == "Dé klant."
    assert text.encoding == "cp1252"
    assert text.path == "-"
    assert text.kind == "text"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.md", "markdown"),
        ("a.MARKDOWN", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
        ("a.txt", "text"),
        ("README", "text"),
        ("a.md.txt", "text"),
    ],
)
def test_kind_for(name: str, kind: str) -> None:
    assert kind_for(name) == kind


# -------------------------------------------------------- walked or named: binary


def test_binary_in_walk_is_skipped_but_explicit_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    skipped = read(Source(str(path), explicit=False))
    assert skipped == Skipped(str(path), "overgeslagen: binair bestand")
    with pytest.raises(BinaryInputError) as info:
        read(Source(str(path), explicit=True))
    assert str(path) in str(info.value)


def test_read_walked_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", SENTENCE)
    text = read(Source(str(path), explicit=False))
    assert not isinstance(text, Skipped)
    assert text.text == SENTENCE


# ------------------------------------------------------------------ text in memory


def test_parse_plain_text_marks_code_emphasis_and_switches() -> None:
    text = "Typ `klant` of *klant*. De klant wacht. <!-- taalwacht-disable-line -->\nZo."
    document = parse(text, "text", "brief.txt")
    assert (document.path, document.kind, document.readable) == ("brief.txt", "text", text)
    kinds = {r.kind: text[r.start : r.end] for r in document.regions}
    assert kinds["code"] == "`klant`"
    assert kinds["emphasis"] == "klant"
    assert "De klant wacht." in kinds["suppress"]
    assert "Zo." not in kinds["suppress"]
