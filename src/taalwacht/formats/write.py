"""Writing a fixed document back: the same encoding and byte-order mark, atomically, with a
backup of the original."""

from __future__ import annotations

import codecs
import html
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from contextlib import suppress

from taalwacht.errors import InputError
from taalwacht.model.document import Document

_BOM_BYTES = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def encode_like(text: str, original: Document) -> bytes:
    """``text`` in the original's encoding, with its byte-order mark when it had one."""
    try:
        data = text.encode(original.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(
            original.path,
            f"the fixed text has '{exc.object[exc.start : exc.end]}', which {original.encoding} "
            "cannot store; the file is unchanged (save it as UTF-8 and run fix again)",
        ) from exc
    return (_BOM_BYTES.get(original.encoding, b"") if original.bom else b"") + data


def backup_name(path: str) -> str:
    """``NAME.orig``, or ``NAME.orig.1``, ``.2`` ... when an older backup is there."""
    candidate = f"{path}.orig"
    n = 0
    while os.path.lexists(candidate):
        n += 1
        candidate = f"{path}.orig.{n}"
    return candidate


def write_atomic(path: str, data: bytes, *, backup: bool) -> str | None:
    """Replace the file at ``path`` by ``data`` in one step; return the backup's name.

    The new bytes go to a temporary file in the same folder, are flushed to disk and
    renamed over the original (``os.replace``), so a reader sees the old file or the new
    one, never half of it. The backup is a copy of the original made before the rename.
    When anything fails the original is untouched, the temporary file and a fresh backup
    are removed, and ``InputError`` says so.
    """
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    saved: str | None = None
    tmp: str | None = None
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        prefix = f".{os.path.basename(target)}."
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if backup:
            saved = backup_name(path)
            shutil.copy2(target, saved)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        for leftover in (tmp, saved):
            if leftover is not None:
                with suppress(OSError):
                    os.unlink(leftover)
        raise InputError(
            path, f"cannot write the fixed file ({exc.strerror or exc}); the original is unchanged"
        ) from exc
    return saved


def escape_for(kind: str) -> Callable[[str], str]:
    """How new words are written into a document of ``kind``: HTML escapes ``&``, ``<`` and
    quotes (a fix may land in an attribute); text and Markdown take them as they are."""
    return _html_escape if kind == "html" else _as_is


def _html_escape(text: str) -> str:
    return html.escape(text, quote=True)


def _as_is(text: str) -> str:
    return text
