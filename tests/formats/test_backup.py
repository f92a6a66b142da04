"""Backups of one run kept together, complete or absent, never overwritten, and undone only
where a file still holds what the run wrote; a run killed at any moment (``kill -9``)
loses no original, leaves no truncated backup, and can be undone."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SRC, write
from taalwacht.formats.backup import (
    BACKUPS,
    FILES,
    MANIFEST,
    OUTSIDE,
    BackupRun,
    Entry,
    FixNotes,
    fix_notes,
    runs,
    undo,
)
from taalwacht.formats.decode import read_stamped
from taalwacht.formats.write import WriteError, clean_stale, temp_pid, write_atomic

OLD = "De klant krijgt een brief.\n"
NEW = "De inwoner krijgt een brief.\n"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fix(path: Path, run: BackupRun, old: str = "klant", new: str = "inwoner") -> str | None:
    """What ``taalwacht fix`` does with one file, through the library."""
    data, stamp = read_stamped(str(path))
    return write_atomic(
        str(path), data.replace(old.encode(), new.encode()), expected=stamp, backups=run
    )


def manifest(run: BackupRun) -> list[dict[str, str]]:
    text = (Path(run.folder) / MANIFEST).read_text("ascii")
    return [json.loads(line) for line in text.splitlines()]


# ------------------------------------------------------------------ saving


def test_what_a_run_did_is_noted_per_file_and_digest(tmp_path: Path) -> None:
    doc = write(tmp_path / "brief.txt", OLD)
    first = BackupRun.start(str(tmp_path))
    fix(doc, first)
    first.note(str(doc), NEW.encode(), FixNotes(((3, 10),)))
    with open(os.path.join(first.folder, "notes.jsonl"), "ab") as handle:
        handle.write(b'{"path": "/x", "sha2')  # a note a killed run left half-written
    second = BackupRun.start(str(tmp_path))
    fix(doc, second, "inwoner", "burger")
    later = b"De burger krijgt een brief.\n"
    second.note(str(doc), later, FixNotes(((3, 9),), ((20, 25),)))
    notes = fix_notes(str(tmp_path))
    assert notes == {
        (os.path.realpath(doc), sha(NEW.encode())): FixNotes(((3, 10),)),
        (os.path.realpath(doc), sha(later)): FixNotes(((3, 9),), ((20, 25),)),
    }
    assert fix_notes(str(tmp_path / "elders")) == {}


def test_a_run_keeps_complete_backups_and_a_manifest(tmp_path: Path) -> None:
    a = write(tmp_path / "brief.txt", OLD)
    b = write(tmp_path / "sub" / "nota.md", OLD * 2)
    run = BackupRun.start(str(tmp_path))
    assert not Path(run.folder).exists()  # made on the first backup only

    saved = [fix(a, run), fix(b, run)]

    folder = Path(run.folder)
    assert folder.parent == tmp_path / BACKUPS
    files = folder / FILES
    assert saved == [str(files / "brief.txt"), str(files / "sub" / "nota.md")]
    assert (files / "brief.txt").read_text("utf-8") == OLD
    assert (files / "sub" / "nota.md").read_text("utf-8") == OLD * 2
    assert a.read_text("utf-8") == NEW and b.read_text("utf-8") == NEW * 2
    lines = manifest(run)
    assert [line["path"] for line in lines] == [str(a), str(b)]
    assert [line["backup"] for line in lines] == saved
    assert lines[0]["sha256_original"] == sha(OLD.encode())
    assert lines[0]["sha256_written"] == sha(NEW.encode())
    assert lines[1]["sha256_written"] == sha((NEW * 2).encode())
    assert all(line["time"].endswith("Z") for line in lines)
    assert sorted(p.name for p in folder.iterdir()) == sorted([MANIFEST, FILES])


def test_a_second_run_gets_its_own_folder_and_overwrites_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", "De klant en de klant.\n")
    first = BackupRun.start(str(tmp_path))
    fix(path, first)
    path.write_text("De klant.\n", "utf-8")
    second = BackupRun.start(str(tmp_path))
    fix(path, second)
    assert first.folder != second.folder
    assert (Path(first.folder) / FILES / "brief.txt").read_text("utf-8") == (
        "De klant en de klant.\n"
    )
    assert (Path(second.folder) / FILES / "brief.txt").read_text("utf-8") == "De klant.\n"
    assert [run.folder for run in runs(str(tmp_path))] == [first.folder, second.folder]


def test_a_file_written_twice_in_one_run_keeps_both_originals(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", "klant product\n")
    run = BackupRun.start(str(tmp_path))
    first = fix(path, run, "klant", "inwoner")
    second = fix(path, run, "product", "voorziening")
    assert first is not None and second == first + ".2"
    assert Path(first).read_text("utf-8") == "klant product\n"
    assert Path(second).read_text("utf-8") == "inwoner product\n"
    assert [r.status for r in undo(str(tmp_path))] == ["restored", "restored"]
    assert path.read_text("utf-8") == "klant product\n"


def test_files_outside_the_root_and_through_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "werk"
    outside = write(tmp_path / "elders" / "brief.txt", OLD)
    link = root / "link.txt"
    root.mkdir()
    link.symlink_to(outside)
    run = BackupRun.start(str(root))
    saved = fix(link, run)
    assert saved is not None
    rel = Path(saved).relative_to(Path(run.folder) / FILES)
    assert rel.parts[0] == OUTSIDE and rel.parts[-1] == "brief.txt"
    assert manifest(run)[0]["path"] == str(outside)  # the target that was written
    assert link.is_symlink() and outside.read_text("utf-8") == NEW


def test_a_document_named_like_the_manifest_is_backed_up_apart(tmp_path: Path) -> None:
    path = write(tmp_path / MANIFEST, "De klant.\n")
    run = BackupRun.start(str(tmp_path))
    saved = fix(path, run)
    assert saved == str(Path(run.folder) / FILES / MANIFEST)
    assert len(run.entries()) == 1


def test_a_backup_that_cannot_be_made_stops_the_write(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    write(tmp_path / ".taalwacht", "een bestand waar een map hoort\n")
    run = BackupRun.start(str(tmp_path))
    with pytest.raises(WriteError) as info:
        fix(path, run)
    assert info.value.reason == "backup"
    assert "kan geen reservekopie maken" in str(info.value)
    assert path.read_text("utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [".taalwacht", "brief.txt"]


# ------------------------------------------------------------------ undo


def test_undo_restores_the_originals_and_marks_the_run(tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{i}.txt", OLD * (i + 1)) for i in range(3)]
    paths[0].chmod(0o640)
    run = BackupRun.start(str(tmp_path))
    for path in paths:
        fix(path, run)
    outcomes = undo(str(tmp_path))
    assert [o.status for o in outcomes] == ["restored"] * 3
    assert str(outcomes[0]).startswith(f"{paths[2]}: teruggezet uit ")
    assert [p.read_text("utf-8") for p in paths] == [OLD * (i + 1) for i in range(3)]
    assert paths[0].stat().st_mode & 0o777 == 0o640
    assert run.undone
    again = undo(str(tmp_path))
    assert [o.status for o in again] == ["nothing"]
    assert again[0].message == (
        f"niets terug te zetten: elke run is al teruggezet (de laatste: {run.name})"
    )


def test_each_undo_takes_one_run_back(tmp_path: Path) -> None:
    """A fix stopped halfway, then a second fix that finished the job: the first undo
    restores the second run and says an older run is left, the next the stopped one."""
    first, second = write(tmp_path / "a.txt", OLD), write(tmp_path / "b.txt", OLD)
    stopped = BackupRun.start(str(tmp_path))
    fix(first, stopped)  # the run was killed before it reached b.txt
    time.sleep(0.002)
    finished = BackupRun.start(str(tmp_path))
    fix(second, finished)
    assert stopped.name != finished.name
    outcomes = undo(str(tmp_path))
    assert [o.status for o in outcomes] == ["restored", "older"]
    assert str(outcomes[-1]) == (
        f"{finished.folder}: teruggezet; de run daarvoor ({stopped.name}) nog niet: "
        "nog eens 'taalwacht undo' zet ook die terug"
    )
    assert (first.read_text("utf-8"), second.read_text("utf-8")) == (NEW, OLD)
    assert [o.status for o in undo(str(tmp_path))] == ["restored"]
    assert (first.read_text("utf-8"), second.read_text("utf-8")) == (OLD, OLD)
    assert stopped.undone and finished.undone
    assert [o.status for o in undo(str(tmp_path))] == ["nothing"]


def test_a_run_with_a_refused_file_keeps_older_runs_waiting(tmp_path: Path) -> None:
    """No step back is skipped: while a file of the newest run cannot be restored, undo
    keeps to that run and leaves the older one as it is."""
    older_file, edited = write(tmp_path / "a.txt", OLD), write(tmp_path / "b.txt", OLD)
    older = BackupRun.start(str(tmp_path))
    fix(older_file, older)
    time.sleep(0.002)
    newest = BackupRun.start(str(tmp_path))
    fix(edited, newest)
    with open(edited, "a", encoding="utf-8") as editor:
        editor.write("Nieuwe alinea.\n")
    for _ in range(2):
        assert [o.status for o in undo(str(tmp_path))] == ["refused"]
    assert older_file.read_text("utf-8") == NEW
    assert not older.undone and not newest.undone


def test_undo_refuses_a_file_changed_since_and_leaves_it(tmp_path: Path) -> None:
    kept = write(tmp_path / "brief.txt", OLD)
    edited = write(tmp_path / "nota.txt", OLD)
    run = BackupRun.start(str(tmp_path))
    fix(kept, run)
    fix(edited, run)
    with open(edited, "a", encoding="utf-8") as editor:
        editor.write("Nieuwe alinea.\n")
    outcomes = {o.path: o for o in undo(str(tmp_path))}
    assert outcomes[str(kept)].status == "restored"
    assert outcomes[str(edited)].status == "refused"
    assert str(outcomes[str(edited)]) == (
        f"{edited}: niet teruggezet: het bestand is gewijzigd sinds fix het schreef"
    )
    assert kept.read_text("utf-8") == OLD
    assert edited.read_text("utf-8") == NEW + "Nieuwe alinea.\n"
    assert not run.undone  # not everything came back: a second undo may try again
    second = {o.path: o.status for o in undo(str(tmp_path))}
    assert second == {str(kept): "unchanged", str(edited): "refused"}


def test_undo_refuses_a_removed_file_and_a_damaged_backup(tmp_path: Path) -> None:
    gone = write(tmp_path / "weg.txt", OLD)
    damaged = write(tmp_path / "kapot.txt", OLD)
    run = BackupRun.start(str(tmp_path))
    fix(gone, run)
    backup = fix(damaged, run)
    gone.unlink()
    assert backup is not None
    Path(backup).write_text(OLD[:5], "utf-8")  # truncated behind our back
    outcomes = {o.path: o.message for o in undo(str(tmp_path))}
    assert outcomes[str(gone)] == "niet teruggezet: het bestand bestaat niet meer"
    assert outcomes[str(damaged)] == (
        f"niet teruggezet: de reservekopie {backup} ontbreekt of is onvolledig"
    )
    assert damaged.read_text("utf-8") == NEW and not gone.exists()


def test_undo_keeps_refusing_what_fix_refuses(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", OLD)
    run = BackupRun.start(str(tmp_path))
    fix(path, run)
    path.chmod(0o444)
    [outcome] = undo(str(tmp_path))
    assert outcome.status == "refused"
    assert outcome.message == "niet teruggezet: alleen-lezen bestand; niet herschreven"
    assert path.read_text("utf-8") == NEW


def test_undo_without_backups_says_so(tmp_path: Path) -> None:
    [outcome] = undo(str(tmp_path))
    assert outcome.status == "nothing"
    assert outcome.message.startswith("niets terug te zetten: geen reservekopieën in ")
    BackupRun.start(str(tmp_path))  # a run that wrote nothing leaves nothing to undo
    assert runs(str(tmp_path)) == []


def test_a_run_killed_midway_is_undone_from_its_manifest(tmp_path: Path) -> None:
    """Simulated: two files written; the third backed up and listed but not yet replaced;
    the fourth's manifest line torn by the kill; a backup temporary file left behind."""
    paths = [write(tmp_path / f"{i}.txt", OLD) for i in range(4)]
    run = BackupRun.start(str(tmp_path))
    fix(paths[0], run)
    fix(paths[1], run)
    run.save(str(paths[2]), OLD.encode(), NEW.encode())  # killed before the replace
    torn = Entry(str(paths[3]), "x", sha(OLD.encode()), sha(NEW.encode()), "t").line()
    with open(Path(run.folder) / MANIFEST, "ab") as handle:
        handle.write(torn[: len(torn) // 2])
    dead = Path(run.folder) / FILES / f".3.txt.taalwacht-{dead_pid()}-0badf00d.tmp"
    dead.write_text(OLD[:4], "utf-8")

    assert len(run.entries()) == 3
    outcomes = {o.path: o.status for o in undo(str(tmp_path))}
    assert outcomes == {
        str(paths[0]): "restored",
        str(paths[1]): "restored",
        str(paths[2]): "unchanged",
    }
    assert all(p.read_text("utf-8") == OLD for p in paths)
    assert not dead.exists()  # undo cleans stale temporary files among the backups
    assert run.undone


def dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout)


# ------------------------------------------------------------------ kill -9

WORKER = """
import os, sys
from taalwacht.formats.backup import BackupRun
from taalwacht.formats.decode import read_stamped
from taalwacht.formats.write import write_atomic

root, names = sys.argv[1], sys.argv[2:]
run = BackupRun.start(root)
print("klaar", flush=True)
for name in names:
    path = os.path.join(root, "docs", name)
    data, stamp = read_stamped(path)
    write_atomic(path, data.replace(b"klant", b"inwoner"), expected=stamp, backups=run)
    print("geschreven", name, flush=True)
"""


def original(i: int) -> bytes:
    """A document of some 100 KB, so a write takes long enough to be interrupted."""
    line = f"Document {i}: de klant krijgt een brief over regel {{}}.\n"
    return "".join(line.format(n) for n in range(2000)).encode()


def rewritten(i: int) -> bytes:
    return original(i).replace(b"klant", b"inwoner")


def start_worker(root: Path, count: int) -> subprocess.Popen[str]:
    for i in range(count):
        write(root / "docs" / f"{i:02}.txt", original(i))
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    names = [f"{i:02}.txt" for i in range(count)]
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(root), *names],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.stdout is not None
    proc.stdout.close()


def assert_nothing_lost(root: Path, count: int) -> tuple[int, int]:
    """Every document is its original or its rewrite; every listed backup is the complete
    original (or absent while its document is untouched); no other backup has a final
    name; after ``clean_stale`` no temporary file is left; ``undo`` brings all back.
    Returns how many documents had been replaced and how many temporary files were left."""
    docs = root / "docs"
    state = {}
    for i in range(count):
        data = (docs / f"{i:02}.txt").read_bytes()
        assert data in (original(i), rewritten(i)), f"{i:02}.txt is half-written"
        state[str(docs / f"{i:02}.txt")] = data == rewritten(i)
    found = runs(str(root))
    listed = {e.backup: e for e in found[-1].entries()} if found else {}
    for backup, entry in listed.items():
        if os.path.exists(backup):
            assert Path(backup).read_bytes() == original(int(Path(entry.path).stem))
        else:
            assert not state[entry.path], "a replaced document has no backup"
    replaced = {p for p, done in state.items() if done}
    assert replaced <= {e.path for e in listed.values()}
    for folder, _, files in os.walk(root / BACKUPS):
        for name in files:
            path = os.path.join(folder, name)
            assert name == MANIFEST or path in listed or temp_pid(name) is not None, path
    stale = clean_stale(str(docs)) + clean_stale(str(root / BACKUPS), recursive=True)
    leftovers = [n for _, _, files in os.walk(root) for n in files if temp_pid(n) is not None]
    assert leftovers == []
    outcomes = undo(str(root))
    assert {o.status for o in outcomes} <= {"restored", "unchanged", "nothing"}
    for i in range(count):
        assert (docs / f"{i:02}.txt").read_bytes() == original(i)
    return len(replaced), len(stale)


@posix_only
def test_a_run_killed_with_sigkill_while_writing_loses_nothing(tmp_path: Path) -> None:
    count = 60
    proc = start_worker(tmp_path, count)
    assert proc.stdout is not None
    written = 0
    for line in proc.stdout:
        written += line.startswith("geschreven")
        if written == 10:
            break
    kill(proc)
    replaced, _ = assert_nothing_lost(tmp_path, count)
    assert 10 <= replaced < count  # killed midway, and what it wrote was undone


@posix_only
@pytest.mark.slow
def test_fifty_kills_at_random_moments_lose_nothing(tmp_path: Path) -> None:
    count, rounds = 20, 50
    rng = random.Random(20260101)
    proc = start_worker(tmp_path / "ijk", count)  # one full run measures how long it takes
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "klaar"
    begin = time.monotonic()
    assert proc.wait(timeout=60) == 0
    span = time.monotonic() - begin
    proc.stdout.close()
    seen: list[tuple[int, int]] = []
    for n in range(rounds):
        root = tmp_path / f"ronde-{n}"
        proc = start_worker(root, count)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "klaar"
        time.sleep(rng.uniform(0, span * 0.7))
        kill(proc)
        seen.append(assert_nothing_lost(root, count))
    assert {replaced for replaced, _ in seen} != {0}  # the kills did land amid the writes
