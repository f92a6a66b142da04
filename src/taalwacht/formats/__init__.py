"""Bytes <-> Document: one module per format, folder walks, atomic writing.

``read`` turns a source into a ``Document`` (or ``Skipped`` for a binary file met in a
folder walk); ``parse`` does the same for text already in memory. Text formats are chosen by
extension and have ``parse(text, path) -> Document``; documents (Word, OpenDocument, PDF,
e-mail) are recognised by their content whatever their name (a .docx renamed .txt is still
Word) and have ``read_bytes(data, path) -> Document``. Their modules, and lxml and pypdf
with them, are imported only when such a file comes along, so a .txt run starts as fast.
"""

from __future__ import annotations

import dataclasses
import importlib
import os

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.formats.decode import (
    MAIL_SNIFF_BYTES,
    STDIN,
    BinaryInputError,
    binary_kind,
    decode_text,
    looks_like_mail,
    read_stamped,
)
from taalwacht.formats.suppress import suppressed
from taalwacht.formats.walk import Skipped, Source
from taalwacht.model.document import Document, DocumentKind

KINDS: dict[str, DocumentKind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def kind_for(path: str | os.PathLike[str]) -> DocumentKind:
    """The format of a file by its extension: ``markdown``, ``html`` or ``text``."""
    return KINDS.get(os.path.splitext(os.fspath(path))[1].lower(), "text")


def parse(text: str, kind: DocumentKind = "text", path: str = STDIN) -> Document:
    """A document from decoded text: the format's view and regions, plus inline switches."""
    module = importlib.import_module(f"taalwacht.formats.{kind}")
    document: Document = module.parse(text, path)
    off = suppressed(text, document.offsets)
    if off:
        regions = tuple(sorted((*document.regions, *off)))
        document = dataclasses.replace(document, regions=regions)
    return document


# Stream names in an OLE directory are UTF-16: an encrypted Office package, a Word 97 file.
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_WORD_97 = "WordDocument".encode("utf-16-le")
MAX_DOCUMENT_MB = 200


def document_module(data: bytes, path: str) -> str | None:
    """The module that reads ``data`` as a document (``docx``, ``odt``, ``pdf``, ``mail``),
    by content first; None for text. An old binary Office file or an encrypted one raises
    ``InputError`` with what to do about it."""
    kind = binary_kind(data)
    if kind in ("docx", "pdf"):
        return kind
    if kind == "odf":
        return "odt"
    if kind == "ole":
        return _ole_module(data, path)
    if os.path.splitext(path)[1].lower() == ".eml":
        return "mail"
    if path != STDIN and looks_like_mail(data[:MAIL_SNIFF_BYTES]):
        return "mail"
    return None


def _ole_module(data: bytes, path: str) -> str | None:
    """An OLE compound file: an Outlook message, a password-protected Office file (stored
    encrypted inside OLE), an old .doc, or another old Office file (not a document here)."""
    from taalwacht.formats.mail import is_msg

    if is_msg(data):
        return "mail"
    if _ENCRYPTED in data:
        raise InputError(path, messages.text("package.encrypted"))
    if _WORD_97 in data:
        raise InputError(path, messages.text("package.old-doc"))
    return None


def read(source: Source, max_mb: int = MAX_DOCUMENT_MB) -> Document | Skipped:
    """Read and parse one source.

    A binary file found in a folder walk becomes ``Skipped``; any other problem, and a
    binary file named explicitly, raises ``InputError`` naming the file. The document
    carries the file's ``stamp`` (so ``fix`` refuses a file changed since) and whether its
    encoding is mixed (checked with a note, never rewritten). A file over ``max_mb``
    megabytes is refused before it is read.
    """
    _refuse_huge(source.path, max_mb)
    data, stamp = read_stamped(source.path)
    module = document_module(data, source.path)
    if module is not None:
        reader = importlib.import_module(f"taalwacht.formats.{module}")
        document: Document = reader.read_bytes(data, source.path)
        return dataclasses.replace(document, size=len(data), stamp=stamp)
    try:
        decoded = decode_text(data, source.path)
    except BinaryInputError:
        if source.explicit:
            raise
        return Skipped(source.path, messages.text("errors.skipped-binary"))
    kind: DocumentKind = "text" if source.path == STDIN else kind_for(source.path)
    document = parse(decoded.text, kind, source.path)
    notes = document.notes
    if decoded.mixed:
        notes += (messages.text("write.mixed-note", path=source.path),)
    return dataclasses.replace(
        document,
        encoding=decoded.encoding,
        bom=decoded.bom,
        size=len(data),
        stamp=stamp,
        mixed_encoding=decoded.mixed,
        notes=notes,
    )


def _refuse_huge(path: str, max_mb: int) -> None:
    if path == STDIN:
        return
    try:
        size = os.stat(path).st_size
    except OSError:
        return  # reading says what is wrong
    if size > max_mb * 1_000_000:
        problem = messages.text("package.file-too-large", mb=size // 1_000_000, limit=max_mb)
        raise InputError(path, problem)


__all__ = ["Document", "Skipped", "Source", "document_module", "kind_for", "parse", "read"]
