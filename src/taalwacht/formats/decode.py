"""Bytes to text, the way a writer's file was meant to be read.

- a byte-order mark picks the encoding (UTF-8, UTF-16 or UTF-32) and is removed;
- otherwise strict UTF-8, and if that fails Windows-1252 (the document says so);
- NUL bytes in the first 8 KB, or bytes no encoding explains, mean a binary file.

Line ends are kept exactly (CRLF stays two characters), so offsets into the text are
offsets into the file's characters after the BOM.
"""

from __future__ import annotations

import codecs
import sys

from taalwacht.errors import InputError

STDIN = "-"
SNIFF_BYTES = 8192

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

class BinaryInputError(InputError):
    """The bytes are not text: NUL bytes near the start, or no encoding decodes them."""


def decode(data: bytes, path: str = "") -> tuple[str, str, bool]:
    """Decode document bytes; return ``(text, encoding, bom)``.

    Raises ``BinaryInputError`` for binary or undecodable data. Never quadratic: one
    decode of the whole buffer, and NUL sniffing looks at the first 8 KB only.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                text = str(data[len(mark) :], encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInputError(
                    path, f"not valid {encoding.upper()} text despite its byte-order mark"
                ) from exc
            if "\x00" in text[:SNIFF_BYTES]:
                raise BinaryInputError(path, "binary file (NUL characters)")
            return text, encoding, True
    if b"\x00" in data[:SNIFF_BYTES]:
        raise BinaryInputError(path, "binary file (NUL bytes)")
    try:
        return str(data, "utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return str(data, "cp1252"), "cp1252", False
    except UnicodeDecodeError as exc:
        raise BinaryInputError(path, "binary file (not UTF-8 or Windows-1252 text)") from exc


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of standard input for ``"-"``; ``InputError`` names the file."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise InputError(path, "file not found") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc
