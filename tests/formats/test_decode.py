"""Bytes to text: a BOM picks the encoding and is removed, strict UTF-8 else Windows-1252,
line ends kept, binary input refused, and all of it in linear time."""

from __future__ import annotations

import codecs
import io
import sys
import time

import pytest

from taalwacht.errors import InputError
from taalwacht.formats.decode import STDIN, BinaryInputError, decode, read_bytes

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


def test_binary_input_is_an_input_error_naming_the_file() -> None:
    with pytest.raises(InputError) as info:
        decode(b"\x00\x01", "x.bin")
    assert isinstance(info.value, BinaryInputError)
    assert "x.bin" in str(info.value)


def test_read_bytes_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfDe klant.")))
    assert read_bytes(STDIN) == b"\xef\xbb\xbfDe klant."
