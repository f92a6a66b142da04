"""Writing a fixed document back so that no fault loses or half-writes the user's file.

- The new bytes go to a temporary file in the same folder (``.NAME.taalwacht-PID-XXXX.tmp``),
  are flushed and fsynced, and ``os.replace`` puts them over the original in one step; the
  folder is fsynced after. A reader sees the old file or the new one, never half of it.
- No temporary file survives an error; one left by a killed run is recognised by its name
  and removed by ``clean_stale`` in a later run.
- A file that changed since it was read (``Stamp``), a read-only file, a file with more
  than one hard link, or one whose owner cannot be kept is left as it is: ``WriteError``
  says why, in Dutch, naming the file.
- The same encoding and byte-order mark as the original (``encode_like``).
"""

from __future__ import annotations

import codecs
import html
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Literal, Protocol

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.formats.decode import STDIN, Stamp, stamp_of
from taalwacht.model.document import Document

STALE_AFTER = 6 * 3600  # seconds: a temporary file this old is stale even if its PID lives
_NAME_ROOM = 100  # characters of the file's name kept in a temporary name (NAME_MAX is 255)
_TEMP = re.compile(r"\..*\.taalwacht-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp", re.DOTALL)

_BOM_BYTES = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}

WriteReason = Literal[
    "changed", "read-only", "linked", "owner", "not-a-file", "encoding", "backup", "failed"
]


class WriteError(InputError):
    """A file was not written; the file on disk is as it was.

    ``reason`` lets a front end tell a refusal it can note and go on from (``read-only``,
    ``linked``, ``changed`` ...) from a failure (``failed``, ``backup``).
    """

    def __init__(self, path: str, reason: WriteReason, problem: str) -> None:
        super().__init__(path, problem)
        self.reason: WriteReason = reason


class BackupSink(Protocol):
    """Where ``write_atomic`` keeps the original before replacing it (``BackupRun``)."""

    def save(self, path: str, original: bytes, written: bytes) -> str:
        """Keep ``original`` (complete, fsynced) before ``path`` becomes ``written``;
        return the backup's path. Raises ``WriteError`` when it cannot."""
        ...


# ------------------------------------------------------------------ encoding


def encode_like(text: str, original: Document) -> bytes:
    """``text`` in the original's encoding, with its byte-order mark when it had one.

    Mixed text (UTF-8 with stray bytes) is refused: no single encoding writes it back
    without changing bytes nobody edited.
    """
    if original.mixed_encoding:
        raise WriteError(original.path, "encoding", messages.text("write.mixed"))
    try:
        data = text.encode(original.encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start : exc.end]
        problem = messages.text("write.cannot-encode", char=char, encoding=original.encoding)
        raise WriteError(original.path, "encoding", problem) from exc
    return (_BOM_BYTES.get(original.encoding, b"") if original.bom else b"") + data


def escape_for(kind: str) -> Callable[[str], str]:
    """How new words are written into a document of ``kind``: HTML escapes ``&``, ``<`` and
    quotes (a fix may land in an attribute); text and Markdown take them as they are."""
    return _html_escape if kind == "html" else _as_is


def _html_escape(text: str) -> str:
    return html.escape(text, quote=True)


def _as_is(text: str) -> str:
    return text


# ------------------------------------------------------------------ writing


def write_document(
    document: Document, text: str, *, backups: BackupSink | None = None
) -> str | None:
    """Write ``text`` over the file ``document`` was read from, if it is still what was
    read; return the backup's path (``None`` without ``backups`` or when nothing changed)."""
    return write_bytes(document, encode_like(text, document), backups=backups)


def write_bytes(
    document: Document, data: bytes, *, backups: BackupSink | None = None
) -> str | None:
    """Write a document's new bytes (an encoded text, a Word or OpenDocument package) over
    its file, with the same guarantees as ``write_document``."""
    if document.path == STDIN:
        raise WriteError(document.path, "not-a-file", messages.text("write.stdin"))
    return write_atomic(document.path, data, expected=document.stamp, backups=backups)


def write_new(path: str, data: bytes) -> None:
    """Write a file taalwacht makes next to a document (``brief.taalwacht.docx``): complete
    or not at all, through a temporary file and one rename."""
    target = os.path.realpath(path)
    tmp: str | None = None
    try:
        tmp = write_temp(target, data, mode=0o644)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise WriteError(path, "failed", messages.text("write.failed", error=_why(exc))) from exc
    finally:
        if tmp is not None:
            _remove(tmp)
    fsync_dir(os.path.dirname(target))


def write_atomic(
    path: str,
    data: bytes,
    *,
    expected: Stamp | tuple[int, int, int, int, str] | None = None,
    backups: BackupSink | None = None,
) -> str | None:
    """Replace the file at ``path`` (a symlink's target) by ``data`` in one step.

    ``expected`` is the file's ``Stamp`` when it was read: if the file is not that any more
    it is left. With ``backups`` the original is kept there first, and its path returned.
    When the file already holds ``data`` nothing is written and ``None`` returned. On any
    failure the original is untouched, no temporary file is left, and ``WriteError`` says
    why.

    The order makes the checks as late as they can be: the new bytes are on disk first,
    then the file is read and compared with ``expected``, those very bytes are backed up,
    and a last ``stat`` right before the rename catches a change made meanwhile.
    """
    target = os.path.realpath(path)
    before = _replaceable(path, target)
    tmp: str | None = None
    try:
        tmp = write_temp(target, data, prepare=_keep_owner_and_mode(path, before))
        status, current = _current(path, target, expected)
        _same_file(path, before, status)
        if current == data:
            return None
        saved = backups.save(target, current, data) if backups is not None else None
        _same_file(path, status, _stat(path, target))
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise WriteError(path, "failed", messages.text("write.failed", error=_why(exc))) from exc
    finally:
        if tmp is not None:
            _remove(tmp)
    fsync_dir(os.path.dirname(target))
    return saved


def _replaceable(path: str, target: str) -> os.stat_result:
    """The file's status, after refusing a file replacing would harm: not a regular file,
    hard-linked (the other names would keep the old text), or read-only.

    The write bits are checked as well as ``os.access``: root may write a 0444 file, but
    its owner made it read-only on purpose.
    """
    status = _stat(path, target)
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(path, "not-a-file", messages.text("write.not-a-file"))
    if status.st_nlink > 1:
        raise WriteError(path, "linked", messages.text("write.linked"))
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError(path, "read-only", messages.text("write.read-only"))
    if not os.access(target, os.W_OK):
        raise WriteError(path, "read-only", messages.text("write.no-permission"))
    return status


def _stat(path: str, target: str) -> os.stat_result:
    """``os.stat``; a file that is gone has changed since it was read."""
    try:
        return os.stat(target)
    except FileNotFoundError as exc:
        raise WriteError(path, "changed", messages.text("write.changed")) from exc
    except OSError as exc:
        raise WriteError(path, "failed", messages.text("write.failed", error=_why(exc))) from exc


def _current(
    path: str, target: str, expected: Stamp | tuple[int, int, int, int, str] | None
) -> tuple[os.stat_result, bytes]:
    """The file's status and bytes now; refused when they are not what was read."""
    try:
        with open(target, "rb") as handle:
            status = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError as exc:
        raise WriteError(path, "changed", messages.text("write.changed")) from exc
    if expected is not None and stamp_of(status, data) != Stamp(*expected):
        raise WriteError(path, "changed", messages.text("write.changed"))
    return status, data


def _same_file(path: str, before: os.stat_result, now: os.stat_result) -> None:
    """Refuse when the file was replaced, written, or had its owner, mode or links changed
    (``ctime``) between two looks at it."""
    if _identity(before) != _identity(now):
        raise WriteError(path, "changed", messages.text("write.changed"))


def _identity(status: os.stat_result) -> tuple[int, ...]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _keep_owner_and_mode(path: str, status: os.stat_result) -> Callable[[int], None]:
    """Give an open temporary file the original's owner, group and mode.

    Owner first: changing it clears set-user-id and set-group-id bits, the mode puts them
    back. A failing change of owner refuses the write (the file would change hands).
    """

    def prepare(fd: int) -> None:
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (status.st_uid, status.st_gid):
            try:
                os.fchown(fd, status.st_uid, status.st_gid)
            except OSError as exc:
                problem = messages.text("write.owner", error=_why(exc))
                raise WriteError(path, "owner", problem) from exc
        if hasattr(os, "fchmod"):  # not on Windows, where the mode is only read-only
            os.fchmod(fd, stat.S_IMODE(status.st_mode))

    return prepare


def _why(exc: OSError) -> str:
    return messages.os_reason(exc)


# ------------------------------------------------------------------ temporary files


def temp_name(target: str) -> str:
    """A fresh temporary name next to ``target``: ``.NAME.taalwacht-PID-XXXXXXXX.tmp``."""
    folder, name = os.path.split(target)
    token = secrets.token_hex(4)
    return os.path.join(folder, f".{name[:_NAME_ROOM]}.taalwacht-{os.getpid()}-{token}.tmp")


def temp_pid(name: str) -> int | None:
    """The PID in a temporary file's name, or ``None`` for any other name."""
    match = _TEMP.fullmatch(name)
    return int(match["pid"]) if match else None


def write_temp(
    near: str, data: bytes, *, prepare: Callable[[int], None] | None = None, mode: int = 0o600
) -> str:
    """Write ``data`` to a new temporary file next to ``near``, fsynced; return its path.

    ``prepare`` may set owner and mode on the open file before the data goes in. On any
    failure (also an interrupt) the temporary file is removed before the error goes on.
    """
    tmp, fd = _create_temp(near, mode)
    try:
        try:
            if prepare is not None:
                prepare(fd)
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


_O_BINARY: int = getattr(os, "O_BINARY", 0)


def _create_temp(near: str, mode: int) -> tuple[str, int]:
    """A new temporary file next to ``near``, opened for writing; a name taken is retried."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY
    while True:
        tmp = temp_name(near)
        with suppress(FileExistsError):
            return tmp, os.open(tmp, flags, mode)


def write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is written (a write may take fewer)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def publish(tmp: str, final: str) -> None:
    """Give the complete temporary file ``tmp`` the name ``final``, never replacing a file
    there (``FileExistsError``). A hard link is the one way to do that in one step; where
    links are not supported, a rename after checking the name is free."""
    try:
        os.link(tmp, final)
    except FileExistsError:
        _remove(tmp)
        raise
    except OSError:
        if os.path.lexists(final):
            _remove(tmp)
            raise FileExistsError(final) from None
        os.rename(tmp, final)
    else:
        _remove(tmp)
    fsync_dir(os.path.dirname(final))


def fsync_dir(folder: str) -> None:
    """Make a rename in ``folder`` durable, where the OS allows fsyncing a folder.

    A failure is not an error: the rename itself has happened, and some file systems (and
    Windows) cannot sync a folder at all.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(folder or ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_stale(folder: str, *, recursive: bool = False, max_age: float = STALE_AFTER) -> list[str]:
    """Remove the temporary files a killed run left in ``folder``; return their paths.

    A temporary file is stale when the process named in it is gone, or when it is older
    than ``max_age`` seconds (a PID can be reused). A live run's file is kept: it may be
    just about to be renamed.
    """
    removed: list[str] = []
    folders = [folder]  # a stack, not recursion: backups can be 1,200 folders deep
    while folders:
        try:
            with os.scandir(folders.pop()) as scan:
                entries = list(scan)
        except OSError:
            continue
        for entry in entries:
            if recursive and entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif _is_stale(entry, max_age):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(entry.path)
    return removed


def _is_stale(entry: os.DirEntry[str], max_age: float) -> bool:
    pid = temp_pid(entry.name)
    if pid is None or not entry.is_file(follow_symlinks=False):
        return False
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except FileNotFoundError:
        return False
    return age > max_age or not _alive(pid)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs. On Windows signal 0 would interrupt the process, so
    there every PID counts as alive and only age makes a file stale."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but is not ours (EPERM)
    return True


def _remove(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)
