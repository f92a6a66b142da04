"""Bytes to text, the way a writer's file was meant to be read.

- a file that is something else by its content (a PDF, an image, an archive or office
  container, a program) is refused with the kind named, whatever its extension;
- a byte-order mark picks the encoding (UTF-8, UTF-16 or UTF-32) and is removed;
- otherwise strict UTF-8; then *mixed* text (valid UTF-8 with a few stray bytes, usually
  Windows-1252 pasted into UTF-8), read as UTF-8 with the stray bytes as Windows-1252 and
  flagged, because writing it back in any one encoding would change bytes nobody edited;
  then genuine Windows-1252;
- NUL bytes in the first 8 KB, or bytes no encoding explains, mean a binary file.

Line ends are kept exactly (CRLF stays two characters), so offsets into the text are
offsets into the file's characters after the BOM.

``read_stamped`` also remembers what the file was when it was read (``Stamp``), so a
writer can refuse to replace a file someone changed in the meantime.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from typing import NamedTuple

from taalwacht import messages
from taalwacht.errors import InputError

STDIN = "-"
SNIFF_BYTES = 8192
ZIP_SNIFF_BYTES = 65536  # office containers name their parts in the first local headers

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers long enough that no text starts with them; each maps to a catalogue key.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x7fELF", "elf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_PATTERNS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"), "bzip2"),  # a block or the empty stream
    (re.compile(rb"RIFF.{4}WEBP", re.DOTALL), "webp"),
)
_ODF = b"mimetypeapplication/vnd.oasis.opendocument."
_OOXML: tuple[tuple[bytes, str], ...] = (
    (b"word/", "docx"),
    (b"xl/", "xlsx"),
    (b"ppt/", "pptx"),
)
# Short magics ("BM", "MZ") also start Dutch words; their headers always hold NUL bytes.
_NUL_HEADER_MAGIC: tuple[tuple[bytes, str], ...] = ((b"BM", "bmp"), (b"MZ", "exe"))

# A character UTF-8 decoded (not ASCII, not a byte ``surrogateescape`` kept).
_MULTIBYTE = "[\u0080-\ud7ff\ue000-\U0010ffff]"  # compiled on first use: 4 ms at start-up
# Control characters no text file has (tab, line ends, form feed, SUB and ESC allowed).
_CONTROL = re.compile("[\x01-\x08\x0e-\x19\x1c-\x1f\x7f]")
_STRAY = "taalwacht-stray-cp1252"


class BinaryInputError(InputError):
    """The bytes are not text: a known binary kind, NUL bytes near the start, or no encoding
    decodes them. ``kind`` is the Dutch name of a recognised kind ("PDF-bestand"), or ""."""

    def __init__(self, path: str, problem: str, *, kind: str = "") -> None:
        super().__init__(path, problem)
        self.kind = kind


@dataclass(frozen=True)
class Decoded:
    """Decoded document bytes.

    ``encoding`` is the codec to write the text back with (``cp1252`` only for genuine
    Windows-1252). ``mixed`` means the bytes were UTF-8 with a few stray bytes in another
    encoding: the text is readable (stray bytes read as Windows-1252), but no single
    encoding gives the file back, so it must not be rewritten.
    """

    text: str
    encoding: str
    bom: bool
    mixed: bool = False


class Stamp(NamedTuple):
    """What a file was when it was read: enough to notice any change before replacing it."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str  # of the bytes read, hex


def decode_text(data: bytes, path: str = "") -> Decoded:
    """Decode document bytes; see the module docstring for the order of the attempts.

    Raises ``BinaryInputError`` for binary or undecodable data. Never quadratic: one
    decode of the whole buffer (two for mixed text), sniffing looks at the first 64 KB.
    """
    _refuse_known_binary(data, path)
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return Decoded(_decode_after_bom(data[len(mark) :], encoding, path), encoding, True)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise BinaryInputError(path, messages.text("write.binary-nul"))
    try:
        return Decoded(str(data, "utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    if is_mixed(data):
        return Decoded(str(data, "utf-8", _STRAY), "utf-8", False, mixed=True)
    try:
        return Decoded(str(data, "cp1252"), "cp1252", False)
    except UnicodeDecodeError as exc:
        raise BinaryInputError(path, messages.text("write.undecodable")) from exc


def decode(data: bytes, path: str = "") -> tuple[str, str, bool]:
    """``(text, encoding, bom)`` of ``decode_text``, for callers that need no more.

    Mixed text comes back as ``utf-8``; use ``decode_text`` to know it is mixed.
    """
    decoded = decode_text(data, path)
    return decoded.text, decoded.encoding, decoded.bom


def is_mixed(data: bytes) -> bool:
    """Whether invalid UTF-8 ``data`` is UTF-8 text with a few stray bytes.

    It is when it holds at least one valid multi-byte UTF-8 sequence, at least one invalid
    byte, and no control characters (random binary data has plenty of those).
    """
    loose = str(data, "utf-8", "surrogateescape")
    if loose.isascii() or re.search(_MULTIBYTE, loose) is None:
        return False
    return _CONTROL.search(loose) is None and not _valid_utf8(data)


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: the stray bytes as Windows-1252 (Latin-1 where it has none)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    stray = exc.object[exc.start : exc.end]
    return "".join(_cp1252_char(byte) for byte in stray), exc.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error(_STRAY, _stray_as_cp1252)


def _decode_after_bom(data: bytes, encoding: str, path: str) -> str:
    try:
        text = str(data, encoding)
    except UnicodeDecodeError as exc:
        problem = messages.text("write.bad-bom", encoding=encoding.upper())
        raise BinaryInputError(path, problem) from exc
    if "\x00" in text[:SNIFF_BYTES]:
        raise BinaryInputError(path, messages.text("write.binary-nul"))
    return text


# ------------------------------------------------------------------ binary kinds


def binary_kind(data: bytes) -> str:
    """The catalogue key (``pdf``, ``docx`` ...) of what ``data`` is by its content, or ""."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data[:ZIP_SNIFF_BYTES])
    for pattern, kind in _PATTERNS:
        if pattern.match(data):
            return kind
    for magic, kind in _NUL_HEADER_MAGIC:
        if data.startswith(magic) and b"\x00" in data[:64]:
            return kind
    return ""


def _zip_kind(head: bytes) -> str:
    """A ZIP file's kind: OpenDocument, Word, Excel or PowerPoint by the parts it names."""
    if head[30:].startswith(_ODF):
        return "odf"
    for part, kind in _OOXML:
        if part in head:
            return kind
    return "zip"


def _refuse_known_binary(data: bytes, path: str) -> None:
    key = binary_kind(data)
    if key:
        kind = messages.text(f"write.kind-{key}")
        raise BinaryInputError(path, messages.text("write.binary-kind", kind=kind), kind=kind)


# ------------------------------------------------------------------ e-mail

# Headers a message starts with, and headers only a MIME message has.
FIRST_HEADERS = frozenset(
    "from received return-path date subject mime-version message-id delivered-to to".split()
)
MIME_HEADERS = frozenset({"mime-version", "content-type"})
TRANSPORT_HEADERS = frozenset(
    "received return-path delivered-to message-id dkim-signature arc-seal".split()
)
MAIL_SNIFF_BYTES = 65536
_MAIL_HEADER = re.compile(rb"([!-9;-~]+)[ \t]*:")


def looks_like_mail(head: bytes) -> bool:
    """Whether ``head`` (the first few KB of a file) starts as an RFC 822 message: a block of
    header lines opening with one a mail starts with (``From:``, ``Received:``, ``Date:``
    ...) and holding ``MIME-Version:`` or ``Content-Type:``. A block the head cuts off
    (servers add kilobytes of ``Received:`` and signatures before ``MIME-Version:``) may
    instead hold a header only mail transport adds (``Received:``, ``Message-ID:`` ...)."""
    first = _MAIL_HEADER.match(head)
    if first is None or first.group(1).lower().decode("ascii") not in FIRST_HEADERS:
        return False  # most text files: decided by their first word, without a split
    lines = head[:MAIL_SNIFF_BYTES].split(b"\n")
    complete = any(not line.rstrip(b"\r") for line in lines)
    if not complete:
        lines = lines[:-1]  # the last line may be cut off by the head's length
    names: list[bytes] = []
    for raw in lines:
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header goes on
        match = _MAIL_HEADER.match(line)
        if match is None:
            return False
        names.append(match.group(1).lower())
    if not names or names[0].decode("ascii") not in FIRST_HEADERS:
        return False
    wanted = MIME_HEADERS if complete else MIME_HEADERS | TRANSPORT_HEADERS
    return any(name.decode("ascii") in wanted for name in names)


# ------------------------------------------------------------------ reading


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of standard input for ``"-"``; ``InputError`` names the file."""
    return read_stamped(path)[0]


def read_stamped(path: str) -> tuple[bytes, Stamp | None]:
    """The bytes of a file and its ``Stamp`` (``None`` for standard input).

    The file's status is taken from the open file before reading, so a file that grows
    while it is read gets a stamp that no longer matches, and a writer refuses it.
    """
    if path == STDIN:
        return sys.stdin.buffer.read(), None
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError as exc:
        raise InputError(path, messages.text("errors.file-not-found")) from exc
    except IsADirectoryError as exc:
        raise InputError(path, messages.text("errors.is-directory")) from exc
    except PermissionError as exc:
        raise InputError(path, messages.text("errors.permission")) from exc
    except OSError as exc:
        problem = messages.text("errors.cannot-read", problem=messages.os_reason(exc))
        raise InputError(path, problem) from exc
    return data, stamp_of(status, data)


def stamp_of(status: os.stat_result, data: bytes) -> Stamp:
    """The stamp of a file with ``status`` whose bytes are ``data``."""
    digest = hashlib.sha256(data).hexdigest()
    return Stamp(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, digest)
