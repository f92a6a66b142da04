"""Writing a fixed file back never loses or half-writes it: real files, real faults.

Atomic replace with a byte-identical original and no temporary file after any failure;
stale temporary files of dead runs removed; a file changed since it was read, hard-linked,
read-only or whose owner cannot be kept is left with a Dutch reason; mode and owner kept.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import write
from taalwacht.formats import Document, read
from taalwacht.formats.decode import read_stamped
from taalwacht.formats.walk import Source
from taalwacht.formats.write import (
    STALE_AFTER,
    WriteError,
    clean_stale,
    encode_like,
    temp_name,
    temp_pid,
    write_atomic,
    write_document,
)

OLD = "De klant krijgt een brief.\n"
NEW = "De inwoner krijgt een brief.\n"
unix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners, modes and links")


def document(path: Path) -> Document:
    found = read(Source(str(path), explicit=True))
    assert isinstance(found, Document)
    return found


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def dead_pid() -> int:
    """The PID of a process that has ended (and been reaped)."""
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout)


# ------------------------------------------------------------------ the happy path


def test_write_document_replaces_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    assert write_document(document(path), NEW) is None  # no backups asked for
    assert path.read_text("utf-8") == NEW
    assert names(tmp_path) == ["brief.txt"]


def test_same_bytes_are_not_written(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert write_atomic(str(path), OLD.encode()) is None
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert names(tmp_path) == ["brief.txt"]


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = write(tmp_path / "echt.txt", OLD)
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    write_document(document(link), NEW)
    assert link.is_symlink()
    assert target.read_text("utf-8") == NEW


def test_a_very_long_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    path = write(tmp_path / ("b" * 250 + ".txt"), OLD)
    write_atomic(str(path), NEW.encode())
    assert path.read_text("utf-8") == NEW
    assert names(tmp_path) == [path.name]


def test_temporary_names_are_recognisable(tmp_path: Path) -> None:
    name = os.path.basename(temp_name(str(tmp_path / "brief.txt")))
    assert name.startswith(".brief.txt.taalwacht-") and name.endswith(".tmp")
    assert temp_pid(name) == os.getpid()
    assert temp_pid(".brief.txt.swp") is None
    assert temp_pid("brief.txt") is None


# ------------------------------------------------------------------ faults


def broken(*args: Any, **kwargs: Any) -> Any:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("call", ["replace", "fsync", "write", "fchmod", "open"])
def test_a_failing_call_keeps_the_original_byte_identical_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    data = "  Titel\r\n\r\nDe klant\tkrijgt één brief.\r\n".encode()
    path = write(tmp_path / "brief.txt", data)
    doc = document(path)
    monkeypatch.setattr(os, call, broken)
    with pytest.raises(WriteError) as info:
        write_document(doc, NEW)
    monkeypatch.undo()
    assert info.value.reason == "failed"
    assert str(info.value) == (
        f"{path}: kan het herschreven bestand niet opslaan (de schijf is vol); "
        "het origineel is ongewijzigd"
    )
    assert path.read_bytes() == data
    assert names(tmp_path) == ["brief.txt"]


def test_a_write_that_stops_halfway_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "brief.txt", OLD * 1000)
    real_write = os.write
    calls = {"n": 0}

    def short_then_fail(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(5, "Input/output error")
        return real_write(fd, bytes(data[:100]))  # a short write, as on a full pipe or disk

    monkeypatch.setattr(os, "write", short_then_fail)
    with pytest.raises(WriteError):
        write_atomic(str(path), (NEW * 1000).encode())
    monkeypatch.undo()
    assert path.read_text("utf-8") == OLD * 1000
    assert names(tmp_path) == ["brief.txt"]


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    write_atomic(str(path), (NEW * 50).encode())
    monkeypatch.undo()
    assert path.read_text("utf-8") == NEW * 50


def test_an_interrupt_midway_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "brief.txt", OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(path), NEW.encode())
    monkeypatch.undo()
    assert path.read_text("utf-8") == OLD
    assert names(tmp_path) == ["brief.txt"]


def test_a_failing_backup_means_no_write(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)

    class FullDisk:
        def save(self, path: str, original: bytes, written: bytes) -> str:
            raise WriteError(path, "backup", "kan geen reservekopie maken")

    with pytest.raises(WriteError) as info:
        write_atomic(str(path), NEW.encode(), backups=FullDisk())
    assert info.value.reason == "backup"
    assert path.read_text("utf-8") == OLD
    assert names(tmp_path) == ["brief.txt"]


# ------------------------------------------------------------------ stale temporary files


def test_clean_stale_removes_dead_and_old_temp_files_and_keeps_live_ones(
    tmp_path: Path,
) -> None:
    dead = write(tmp_path / f".brief.txt.taalwacht-{dead_pid()}-0123abcd.tmp", "half")
    live = write(tmp_path / f".nota.md.taalwacht-{os.getpid()}-89abcdef.tmp", "bezig")
    old = write(tmp_path / f".oud.txt.taalwacht-{os.getpid()}-00000000.tmp", "oud")
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(old, (long_ago, long_ago))
    others = [write(tmp_path / ".brief.txt.swp", "vim"), write(tmp_path / "brief.txt", OLD)]
    nested = write(tmp_path / "sub" / f".a.txt.taalwacht-{dead_pid()}-11111111.tmp", "x")

    removed = clean_stale(str(tmp_path))

    assert sorted(removed) == sorted([str(dead), str(old)])
    assert live.exists() and all(p.exists() for p in others)
    assert nested.exists()  # not recursive unless asked
    assert clean_stale(str(tmp_path), recursive=True) == [str(nested)]
    assert clean_stale(str(tmp_path / "weg")) == []


# ------------------------------------------------------------------ changed since read


def test_a_line_appended_after_reading_is_not_lost(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    doc = document(path)
    with open(path, "a", encoding="utf-8") as editor:
        editor.write("Een regel van de redacteur.\n")
    with pytest.raises(WriteError) as info:
        write_document(doc, NEW)
    assert info.value.reason == "changed"
    assert str(info.value) == (
        f"{path}: niet geschreven: het bestand is gewijzigd sinds het gelezen werd "
        "(draai fix opnieuw)"
    )
    assert path.read_text("utf-8") == OLD + "Een regel van de redacteur.\n"
    assert names(tmp_path) == ["brief.txt"]


def test_a_change_keeping_size_and_time_is_caught_by_the_hash(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    doc = document(path)
    status = path.stat()
    path.write_text(OLD.upper(), "utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    with pytest.raises(WriteError, match="gewijzigd"):
        write_document(doc, NEW)
    assert path.read_text("utf-8") == OLD.upper()


def test_a_file_replaced_or_removed_since_reading_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    doc = document(path)
    write(tmp_path / "nieuw.txt", OLD).replace(path)  # same bytes, another inode
    with pytest.raises(WriteError, match="gewijzigd"):
        write_document(doc, NEW)
    path.unlink()
    with pytest.raises(WriteError, match="gewijzigd"):
        write_document(doc, NEW)
    assert names(tmp_path) == []


def test_a_change_during_the_write_is_caught_before_the_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saving while the new bytes go to disk: the last look refuses."""
    path = write(tmp_path / "brief.txt", OLD)
    _, stamp = read_stamped(str(path))
    real_fsync = os.fsync

    def editor_saves_meanwhile(fd: int) -> None:
        real_fsync(fd)
        if not path.read_text("utf-8").endswith("redacteur\n"):
            with open(path, "a", encoding="utf-8") as editor:
                editor.write("redacteur\n")

    monkeypatch.setattr(os, "fsync", editor_saves_meanwhile)
    with pytest.raises(WriteError, match="gewijzigd"):
        write_atomic(str(path), NEW.encode(), expected=stamp)
    monkeypatch.undo()
    assert path.read_text("utf-8") == OLD + "redacteur\n"
    assert names(tmp_path) == ["brief.txt"]


def test_a_change_while_the_backup_is_made_is_caught_by_the_last_look(tmp_path: Path) -> None:
    """The hash check has passed; the editor saves while the backup is written; the
    ``stat`` right before the rename refuses."""
    path = write(tmp_path / "brief.txt", OLD)
    data, stamp = read_stamped(str(path))

    class SlowBackup:
        def save(self, target: str, original: bytes, written: bytes) -> str:
            with open(target, "a", encoding="utf-8") as editor:
                editor.write("redacteur\n")
            return "ergens"

    with pytest.raises(WriteError, match="gewijzigd"):
        write_atomic(str(path), NEW.encode(), expected=stamp, backups=SlowBackup())
    assert path.read_text("utf-8") == OLD + "redacteur\n"
    assert names(tmp_path) == ["brief.txt"]
    assert data == OLD.encode()


# ------------------------------------------------------------------ links, modes, owners


@unix_only
def test_a_hard_linked_file_is_refused_and_both_links_are_unchanged(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    other = tmp_path / "kopie.txt"
    os.link(path, other)
    with pytest.raises(WriteError) as info:
        write_document(document(path), NEW)
    assert info.value.reason == "linked"
    assert str(info.value) == (
        f"{path}: heeft meerdere harde koppelingen; niet herschreven om de koppeling te bewaren"
    )
    assert path.read_text("utf-8") == OLD and other.read_text("utf-8") == OLD
    assert path.stat().st_ino == other.stat().st_ino
    assert names(tmp_path) == ["brief.txt", "kopie.txt"]


@unix_only
def test_a_0444_file_is_refused_even_as_root(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    path.chmod(0o444)
    with pytest.raises(WriteError) as info:
        write_document(document(path), NEW)
    assert info.value.reason == "read-only"
    assert str(info.value) == f"{path}: alleen-lezen bestand; niet herschreven"
    assert path.read_text("utf-8") == OLD
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert names(tmp_path) == ["brief.txt"]


def test_a_file_we_may_not_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    doc = document(path)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with pytest.raises(WriteError) as info:
        write_document(doc, NEW)
    assert info.value.reason == "read-only"
    assert "geen schrijfrechten" in str(info.value)
    assert path.read_text("utf-8") == OLD


@unix_only
def test_a_fifo_is_not_a_file_to_rewrite(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    with pytest.raises(WriteError) as info:
        write_atomic(str(fifo), NEW.encode())
    assert info.value.reason == "not-a-file"
    assert names(tmp_path) == ["pijp"]


@unix_only
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o600, 0o2664])
def test_mode_is_kept(tmp_path: Path, mode: int) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    path.chmod(mode)
    write_document(document(path), NEW)
    assert path.read_text("utf-8") == NEW
    assert stat.S_IMODE(path.stat().st_mode) == mode


needs_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="only root can give a file away"
)


@needs_root
def test_owner_and_group_are_kept_as_root(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    path = write(tmp_path / "brief.txt", OLD)
    path.chmod(0o664)
    os.chown(path, 65534, 65534)  # nobody:nogroup, a real unprivileged user
    write_document(document(path), NEW)
    status = path.stat()
    assert (status.st_uid, status.st_gid) == (65534, 65534)
    assert stat.S_IMODE(status.st_mode) == 0o664
    assert path.read_text("utf-8") == NEW


@unix_only
def test_an_owner_that_cannot_be_kept_means_no_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    doc = document(path)
    real_fstat = os.fstat

    def someone_else(fd: int) -> os.stat_result:
        """The new file looks like ours and the original like someone else's."""
        status = list(real_fstat(fd))
        status[stat.ST_UID] += 1
        return os.stat_result(status)

    def refuse(*args: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fstat", someone_else)
    monkeypatch.setattr(os, "fchown", refuse)
    with pytest.raises(WriteError) as info:
        write_atomic(str(path), NEW.encode())
    monkeypatch.undo()
    assert info.value.reason == "owner"
    assert str(info.value) == (
        f"{path}: eigenaar en groep blijven niet behouden (niet toegestaan); niet herschreven"
    )
    assert path.read_text("utf-8") == OLD
    assert names(tmp_path) == ["brief.txt"]
    assert doc.stamp is not None


# ------------------------------------------------------------------ encoding


def test_text_the_encoding_cannot_store_is_a_dutch_error(tmp_path: Path) -> None:
    path = write(tmp_path / "oud.txt", "Café\n".encode("cp1252"))
    doc = document(path)
    with pytest.raises(WriteError) as info:
        encode_like("Café 😀\n", doc)
    assert info.value.reason == "encoding"
    assert "'😀'" in str(info.value) and "cp1252" in str(info.value)


def test_standard_input_cannot_be_written() -> None:
    with pytest.raises(WriteError, match="standaardinvoer"):
        write_document(Document("-", OLD), NEW)


def test_cp1252_and_bom_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "oud.txt", "Café: de klant\r\n".encode("cp1252"))
    write_document(document(path), "Café: de inwoner\r\n")
    assert path.read_bytes() == "Café: de inwoner\r\n".encode("cp1252")
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + OLD.encode())
    write_document(document(bom), NEW)
    assert bom.read_bytes() == b"\xef\xbb\xbf" + NEW.encode()


def test_protocol_callers_can_pass_any_backup_sink(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    kept: list[tuple[str, bytes, bytes]] = []

    class Memory:
        def save(self, path: str, original: bytes, written: bytes) -> str:
            kept.append((path, original, written))
            return "geheugen"

    save: Callable[..., Any] = write_atomic
    assert save(str(path), NEW.encode(), backups=Memory()) == "geheugen"
    assert kept == [(str(path.resolve()), OLD.encode(), NEW.encode())]
