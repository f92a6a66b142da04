"""Bytes <-> Document: one module per format, folder walks, atomic writing.

``read`` turns a source into a ``Document`` (or ``Skipped`` for a binary file met in a
folder walk); ``parse`` does the same for text already in memory. The format comes from
the file's extension; each format module has ``parse(text, path) -> Document``.
"""

from __future__ import annotations

import dataclasses
import importlib
import os

from taalwacht import messages
from taalwacht.formats.decode import STDIN, BinaryInputError, decode_text, read_stamped
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


def read(source: Source) -> Document | Skipped:
    """Read and parse one source.

    A binary file found in a folder walk becomes ``Skipped``; any other problem, and a
    binary file named explicitly, raises ``InputError`` naming the file. The document
    carries the file's ``stamp`` (so ``fix`` refuses a file changed since) and whether its
    encoding is mixed (checked with a note, never rewritten).
    """
    data, stamp = read_stamped(source.path)
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


__all__ = ["Document", "Skipped", "Source", "kind_for", "parse", "read"]
