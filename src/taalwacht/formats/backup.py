"""The originals of one ``fix`` run, kept together so the run can be undone.

A run keeps its backups in ``<root>/.taalwacht/backups/<UTC time>-<pid>/``: each original
under ``bestanden/`` and its path relative to ``root`` (files outside ``root`` under
``bestanden/_elders/``), and a manifest, ``manifest.jsonl``, with one JSON line per file
written::

    {"path": "/abs/brief.txt", "backup": "/abs/.taalwacht/backups/.../bestanden/brief.txt",
     "sha256_original": "...", "sha256_written": "...", "time": "2026-01-01T12:00:00Z"}

Why it is safe under any fault, also ``kill -9``:

- a backup is written to a temporary file and fsynced, its manifest line is appended and
  fsynced, and only then does it get its name (a hard link, never over another file);
  the document is replaced after all that. So a document fix replaced always has a
  complete backup listed in the manifest; a listed backup that does not exist belongs to
  a document that was never replaced; and a backup is complete or absent.
- ``undo`` restores a file only when it holds exactly what the run wrote, atomically and
  with the same checks as ``fix``; a file changed since is left, with the reason.

The folder is created on the first backup, so a run that wrote nothing leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import threading
from contextlib import suppress
from dataclasses import asdict, dataclass
from typing import Literal, NamedTuple

from taalwacht import messages
from taalwacht.errors import InputError
from taalwacht.formats.decode import read_stamped
from taalwacht.formats.write import (
    WriteError,
    clean_stale,
    fsync_dir,
    publish,
    write_all,
    write_atomic,
    write_temp,
)

BACKUPS = os.path.join(".taalwacht", "backups")
MANIFEST = "manifest.jsonl"
FILES = "bestanden"  # the originals, apart from the manifest whatever their names
UNDONE = "undone.json"
# what a run did to each file's text (``BackupRun.note``): the words it wrote, and those it
# doubted and left to a person
NOTES = "notes.jsonl"
OUTSIDE = "_elders"  # backups of files outside the root, under their absolute path
_RUN = re.compile(r"[0-9]{8}T[0-9]{12}Z-[0-9]+(?:-[0-9]+)?")

OutcomeStatus = Literal["restored", "unchanged", "refused", "nothing", "older"]


@dataclass(frozen=True)
class Entry:
    """One manifest line: a file ``fix`` replaced (or was about to), and its backup."""

    path: str  # the file written, absolute (a symlink's target)
    backup: str  # absolute
    sha256_original: str
    sha256_written: str
    time: str  # UTC, ISO 8601

    def line(self) -> bytes:
        """The manifest line; ASCII JSON, so any file name survives."""
        return (json.dumps(asdict(self), sort_keys=True) + "\n").encode("ascii")

    @classmethod
    def parse(cls, line: bytes) -> Entry | None:
        """The entry on ``line``, or ``None`` for a line a killed run left half-written."""
        try:
            raw = json.loads(line)
            return cls(**{k: str(raw[k]) for k in cls.__dataclass_fields__})
        except (ValueError, TypeError, KeyError):
            return None


class FixNotes(NamedTuple):
    """What a run did to one file's text, in offsets into the text it wrote: where the
    words it wrote stand, and the words whose sense it doubted and left to a person."""

    written: tuple[tuple[int, int], ...] = ()
    doubted: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What ``undo`` did with one file (or, with ``nothing``, with the whole request;
    ``older`` names a run before it that is still to be undone)."""

    path: str
    status: OutcomeStatus
    message: str  # Dutch, without the path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def backups_folder(root: str | None = None) -> str:
    """``<root>/.taalwacht/backups``, absolute; ``root`` defaults to the working folder."""
    return os.path.join(os.path.abspath(root or os.getcwd()), BACKUPS)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BackupRun:
    """The backups of one run. ``BackupRun.start(root)``, then ``write_atomic(path, data,
    backups=run)`` (or ``run.save`` before your own replace) for each file.

    Safe to share between threads; a process that writes files needs its own run.
    """

    def __init__(self, root: str, folder: str) -> None:
        self.root = os.path.realpath(root)
        self.folder = folder
        self._lock = threading.Lock()
        self._taken: set[str] = set()
        self._created = False

    @classmethod
    def start(cls, root: str | None = None) -> BackupRun:
        """A new run under ``root`` (default: the working folder), named by the UTC time and
        this process; temporary files killed runs left among the backups are removed."""
        root = os.path.abspath(root or os.getcwd())
        clean_stale(backups_folder(root), recursive=True)
        now = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return cls(root, os.path.join(backups_folder(root), f"{now}-{os.getpid()}"))

    @property
    def name(self) -> str:
        return os.path.basename(self.folder)

    @property
    def undone(self) -> bool:
        """Whether ``undo`` restored every file of this run."""
        return os.path.exists(os.path.join(self.folder, UNDONE))

    # -------------------------------------------------------------- saving

    def save(self, path: str, original: bytes, written: bytes) -> str:
        """Keep ``original``, the bytes of ``path`` now, before ``path`` becomes
        ``written``; return the backup's path. See the module docstring for the order.

        Raises ``WriteError`` (reason ``backup``) when the backup cannot be made; then the
        caller must not replace the file.
        """
        target = os.path.realpath(path)
        tmp: str | None = None
        try:
            with self._lock:
                final = self._reserve(target)
                _makedirs(os.path.dirname(final))
                tmp = write_temp(final, original)
                entry = Entry(target, final, sha256(original), sha256(written), _now())
                self._append(entry)
                publish(tmp, final)
                tmp = None
        except OSError as exc:
            problem = messages.text("backup.save-failed", error=messages.os_reason(exc))
            raise WriteError(path, "backup", problem) from exc
        finally:
            if tmp is not None:
                with suppress(OSError):
                    os.unlink(tmp)
        return final

    def _reserve(self, target: str) -> str:
        """A backup name no file and no earlier entry of this run has: the file's path under
        the run folder, with ``.2``, ``.3`` ... for a file written twice in one run."""
        self._create_folder()
        base = os.path.join(self.folder, FILES, _relative(self.root, target))
        final, n = base, 1
        while final in self._taken or os.path.lexists(final):
            n += 1
            final = f"{base}.{n}"
        self._taken.add(final)
        return final

    def _create_folder(self) -> None:
        """Create the run folder on the first backup, never reusing another run's."""
        if self._created:
            return
        _makedirs(os.path.dirname(self.folder))
        base, n = self.folder, 1
        while True:
            try:
                os.mkdir(self.folder, 0o700)
                break
            except FileExistsError:
                n += 1
                self.folder = f"{base}-{n}"
        fsync_dir(os.path.dirname(self.folder))
        self._created = True

    def _append(self, entry: Entry) -> None:
        """Append one manifest line and fsync it (a new manifest's folder too)."""
        manifest = os.path.join(self.folder, MANIFEST)
        new = not os.path.exists(manifest)
        fd = os.open(manifest, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            write_all(fd, entry.line())
            os.fsync(fd)
        finally:
            os.close(fd)
        if new:
            fsync_dir(self.folder)

    def note(self, path: str, data: bytes, notes: FixNotes) -> tuple[str, str]:
        """Note what this run did to ``path``'s text, now ``data`` (offsets into its text
        as taalwacht reads it): where the words it wrote stand, so that a later run does not
        read them as the writer's evidence, and which words it doubted and left to a
        person, so that a later run leaves them too. Kept apart from the manifest, which
        ``undo`` relies on; a note lost to a fault only makes a later run read the file as
        any other. Returns the note's key in ``fix_notes``: the file's real path and the
        digest of ``data``."""
        key = (os.path.realpath(path), sha256(data))
        line = {
            "path": key[0],
            "sha256": key[1],
            "spans": list(notes.written),
            "doubted": list(notes.doubted),
        }
        with self._lock, suppress(OSError):
            fd = os.open(
                os.path.join(self.folder, NOTES), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600
            )
            try:
                write_all(fd, (json.dumps(line) + "\n").encode("ascii"))
            finally:
                os.close(fd)
        return key

    # -------------------------------------------------------------- reading

    def entries(self) -> list[Entry]:
        """The manifest's entries in the order they were written; a torn last line (a run
        killed while appending) is left out: its file was not replaced."""
        try:
            with open(os.path.join(self.folder, MANIFEST), "rb") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError:
            return []
        return [e for e in map(Entry.parse, lines) if e is not None]

    def mark_undone(self) -> None:
        """Note that every file of this run was restored (a new, complete file)."""
        data = json.dumps({"time": _now(), "pid": os.getpid()}).encode("ascii")
        final = os.path.join(self.folder, UNDONE)
        with suppress(FileExistsError):  # undone already: the first mark stands
            publish(write_temp(final, data), final)


def runs(root: str | None = None) -> list[BackupRun]:
    """Every run under ``root`` that backed up at least one file, oldest first."""
    base = os.path.abspath(root or os.getcwd())
    folder = backups_folder(base)
    try:
        names = sorted(n for n in os.listdir(folder) if _RUN.fullmatch(n))
    except OSError:
        return []
    found = [BackupRun(base, os.path.join(folder, name)) for name in names]
    return [run for run in found if run.entries()]


def fix_notes(root: str | None = None) -> dict[tuple[str, str], FixNotes]:
    """Per file a run under ``root`` wrote and the SHA-256 of what it wrote, that run's
    notes (``BackupRun.note``); the newest run's note counts. A file changed since
    has another digest, and nothing here applies to it."""
    found: dict[tuple[str, str], FixNotes] = {}
    for run in runs(root):
        try:
            with open(os.path.join(run.folder, NOTES), "rb") as handle:
                lines = handle.read().splitlines()
        except OSError:
            continue
        for line in lines:
            try:
                raw = json.loads(line)
                notes = FixNotes(_spans(raw["spans"]), _spans(raw.get("doubted", [])))
                found[(str(raw["path"]), str(raw["sha256"]))] = notes
            except (ValueError, TypeError, KeyError, AttributeError):
                continue  # a line a killed run left half-written
    return found


def _spans(raw: object) -> tuple[tuple[int, int], ...]:
    if not isinstance(raw, list):
        raise ValueError("spans are a list")
    return tuple((int(a), int(b)) for a, b in raw)


# ------------------------------------------------------------------ undo


def undo(root: str | None = None) -> list[Outcome]:
    """Restore the files of the newest run under ``root`` not undone yet; one ``Outcome``
    per entry, and one ``older`` when a run before it is still to be undone.

    Each ``undo`` takes one step back, as an editor's does: after a ``fix`` that was
    stopped halfway and a second ``fix`` that finished the job, the first ``undo`` restores
    the second run and the next one the stopped run. A run is left only when every file is
    back (then marked undone), so a run with a refused file stands in the way of older
    runs until it is resolved: no step is skipped. Entries are undone last first, so a file
    written twice in the run gets its first original back. A file is restored only when it
    holds what the run wrote; one that already holds the original is left (``unchanged``);
    any other is refused and left.
    """
    clean_stale(backups_folder(root), recursive=True)
    found = runs(root)
    if not found:
        message = messages.text("backup.nothing", folder=backups_folder(root))
        return [Outcome(backups_folder(root), "nothing", message)]
    pending = [run for run in found if not run.undone]
    if not pending:
        message = messages.text("backup.already-undone", run=found[-1].name)
        return [Outcome(found[-1].folder, "nothing", message)]
    run = pending[-1]
    outcomes = [restore(entry) for entry in reversed(run.entries())]
    if all(o.status in ("restored", "unchanged") for o in outcomes):
        run.mark_undone()
        if len(pending) > 1:
            message = messages.text("backup.older", older=pending[-2].name)
            outcomes.append(Outcome(run.folder, "older", message))
    return outcomes


def restore(entry: Entry) -> Outcome:
    """Put ``entry``'s original back, if the file still holds what the run wrote."""
    try:
        current, stamp = read_stamped(entry.path)
    except InputError:
        return Outcome(entry.path, "refused", messages.text("backup.missing"))
    digest = sha256(current)
    if digest == entry.sha256_original:
        return Outcome(entry.path, "unchanged", messages.text("backup.unchanged"))
    if digest != entry.sha256_written:
        return Outcome(entry.path, "refused", messages.text("backup.changed"))
    original = _backup_bytes(entry)
    if original is None:
        return Outcome(entry.path, "refused", messages.text("backup.damaged", backup=entry.backup))
    try:
        write_atomic(entry.path, original, expected=stamp)
    except WriteError as err:
        return Outcome(entry.path, "refused", messages.text("backup.refused", problem=err.problem))
    return Outcome(entry.path, "restored", messages.text("backup.restored", backup=entry.backup))


def _backup_bytes(entry: Entry) -> bytes | None:
    """The backup's bytes, or ``None`` when it is missing or not the original."""
    try:
        with open(entry.backup, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return data if sha256(data) == entry.sha256_original else None


# ------------------------------------------------------------------ helpers


def _relative(root: str, target: str) -> str:
    """Where a file's backup goes inside the run folder: its path relative to ``root``, or
    under ``_elders/`` with its absolute path for a file outside ``root``."""
    try:
        inside = os.path.commonpath([root, target]) == root
    except ValueError:  # another drive on Windows
        inside = False
    if inside:
        return os.path.relpath(target, root)
    drive, rest = os.path.splitdrive(target)
    return os.path.join(OUTSIDE, drive.replace(":", ""), rest.lstrip("\\/"))


def _makedirs(folder: str) -> None:
    """``os.makedirs`` (owner only), with each new folder's entry fsynced in its parent so
    a backup does not vanish with the folder it was put in after a power cut. A loop, not
    recursion: a document 1,200 folders deep has a backup as deep."""
    missing = []
    while not os.path.isdir(folder):
        missing.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for new in reversed(missing):
        with suppress(FileExistsError):
            os.mkdir(new, 0o700)
        fsync_dir(os.path.dirname(new))


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
