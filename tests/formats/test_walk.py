"""From paths to decoded texts: encodings, BOMs, binary files, folder walks and globs."""

from __future__ import annotations

import codecs
import io
import os
import sys
import time
from pathlib import Path

import pytest

from taalwacht.errors import InputError
from taalwacht.sources import (
    BinaryInputError,
    Skipped,
    Source,
    decode,
    iter_sources,
    load_source,
    markup_for,
    read_text,
)

SENTENCE = "De klant krijgt een brief.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------- decode


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "één klant".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "één klant".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "één klant".encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + "één klant".encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + "één klant".encode("utf-32-be"), "utf-32-be"),
    ],
)
def test_bom_picks_the_encoding_and_is_removed(data: bytes, encoding: str) -> None:
    text, used, bom = decode(data)
    assert text == "één klant"
    assert used == encoding
    assert bom is True


def test_plain_utf8() -> None:
    assert decode("café € 😀".encode()) == ("café € 😀", "utf-8", False)


def test_cp1252_fallback() -> None:
    data = "De klant betaalt €5 voor café – “ja”.".encode("cp1252")
    text, encoding, bom = decode(data)
    assert text == "De klant betaalt €5 voor café – “ja”."
    assert encoding == "cp1252"
    assert bom is False


def test_crlf_is_kept() -> None:
    text, _, _ = decode(b"een\r\ntwee\r\n")
    assert text == "een\r\ntwee\r\n"


def test_empty_input_is_text() -> None:
    assert decode(b"") == ("", "utf-8", False)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"text" * 100 + b"\x00" + b"more",
        b"\x81\x8d\x8f\x90\x9d",  # undefined in cp1252 and invalid UTF-8
        codecs.BOM_UTF8 + b"\xff\xfe\xfa",  # a UTF-8 BOM followed by non-UTF-8
    ],
)
def test_binary_or_undecodable(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode(data, "x.bin")


def test_nul_after_the_sniff_window_is_still_text() -> None:
    data = b"a" * 9000 + b"\x00"
    text, _, _ = decode(data)
    assert len(text) == 9001


def test_large_single_line_is_linear() -> None:
    data = b"De klant krijgt een brief. " * 400_000  # about 11 MB on one line
    started = time.perf_counter()
    text, encoding, _ = decode(data)
    assert len(text) == len(data)
    assert encoding == "utf-8"
    assert time.perf_counter() - started < 5


# ---------------------------------------------------------------------- read_text


def test_read_text_keeps_offsets_after_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", codecs.BOM_UTF8 + "Dé klant\r\nkomt.".encode())
    text = read_text(path)
    assert text.text == "Dé klant\r\nkomt."
    assert text.text[3:8] == "klant"
    assert text.bom is True
    assert text.markup == "markdown"
    assert text.path == str(path)
    assert text.size == len(path.read_bytes())


def test_read_text_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="file not found") as info:
        read_text(missing)
    assert str(missing) in str(info.value)


def test_read_text_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file"
)
def test_read_text_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", SENTENCE)
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
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
    assert text.markup == "text"


@pytest.mark.parametrize(
    ("name", "markup"),
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
def test_markup_for(name: str, markup: str) -> None:
    assert markup_for(name) == markup


# ------------------------------------------------------------------ iter_sources


def tree(root: Path) -> None:
    write(root / "b.txt", SENTENCE)
    write(root / "a.md", SENTENCE)
    write(root / "sub" / "c.html", SENTENCE)
    write(root / "sub" / "deep" / "d.txt", SENTENCE)
    write(root / "archief" / "old.txt", SENTENCE)
    write(root / ".git" / "config", SENTENCE)
    write(root / ".hidden.txt", SENTENCE)


def rel(root: Path, items: list[Source | Skipped]) -> list[str]:
    return [Path(s.path).relative_to(root).as_posix() for s in items]


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    tree(tmp_path)
    found = list(iter_sources([str(tmp_path)]))
    assert all(isinstance(s, Source) and not s.explicit for s in found)
    assert rel(tmp_path, found) == [
        "a.md",
        "archief/old.txt",
        "b.txt",
        "sub/c.html",
        "sub/deep/d.txt",
    ]


def test_include_matches_basename_and_relative_path(tmp_path: Path) -> None:
    tree(tmp_path)
    assert rel(tmp_path, list(iter_sources([str(tmp_path)], include=["*.txt"]))) == [
        "archief/old.txt",
        "b.txt",
        "sub/deep/d.txt",
    ]
    assert rel(tmp_path, list(iter_sources([str(tmp_path)], include=["sub/*"]))) == [
        "sub/c.html",
        "sub/deep/d.txt",
    ]


def test_exclude_prunes_folders_and_files(tmp_path: Path) -> None:
    tree(tmp_path)
    found = iter_sources([str(tmp_path)], exclude=["archief", "*.html"])
    assert rel(tmp_path, list(found)) == ["a.md", "b.txt", "sub/deep/d.txt"]
    found = iter_sources([str(tmp_path)], exclude=["sub/deep/**"])
    assert "sub/deep/d.txt" not in rel(tmp_path, list(found))


def test_ignore_is_relative_to_the_config_directory(tmp_path: Path) -> None:
    tree(tmp_path)
    # Walking "sub" but the glob is written from the config's directory (tmp_path).
    found = iter_sources([str(tmp_path / "sub")], ignore=["sub/deep/*"], ignore_root=tmp_path)
    assert rel(tmp_path, list(found)) == ["sub/c.html"]


def test_explicit_files_bypass_globs(tmp_path: Path) -> None:
    tree(tmp_path)
    path = str(tmp_path / "b.txt")
    found = list(iter_sources([path], exclude=["*.txt"], ignore=["b.txt"]))
    assert found == [Source(path, explicit=True)]


def test_each_file_once_and_in_given_order(tmp_path: Path) -> None:
    tree(tmp_path)
    b = str(tmp_path / "b.txt")
    found = list(iter_sources([b, str(tmp_path), b]))
    paths = rel(tmp_path, found)
    assert paths[0] == "b.txt"
    assert paths.count("b.txt") == 1
    assert len(paths) == 5


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: file not found"):
        list(iter_sources([str(tmp_path / "nope.txt")]))


def test_stdin_dash() -> None:
    assert list(iter_sources(["-"])) == [Source("-", explicit=True)]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_broken_link_in_folder_is_skipped_with_note(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", SENTENCE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = list(iter_sources([str(tmp_path)]))
    assert isinstance(found[0], Source)
    assert isinstance(found[1], Skipped)
    assert "overgeslagen" in found[1].note


# -------------------------------------------------------------------- load_source


def test_binary_in_walk_is_skipped_but_explicit_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    skipped = load_source(Source(str(path), explicit=False))
    assert skipped == Skipped(str(path), "overgeslagen: binair bestand")
    with pytest.raises(BinaryInputError) as info:
        load_source(Source(str(path), explicit=True))
    assert str(path) in str(info.value)


def test_load_source_reads_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", SENTENCE)
    text = load_source(Source(str(path), explicit=False))
    assert not isinstance(text, Skipped)
    assert text.text == SENTENCE
