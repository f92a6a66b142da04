"""The command line under real faults, with real processes: ``kill -9`` and Ctrl-C at random
moments, two runs at once, a file that grows while it is fixed, files and folders another
user owns or nobody may read, absurd ``--jobs``, a folder 1,200 levels deep, and file names
with control characters or bytes that are not UTF-8.

What every test holds to: no byte of the user is lost or half-written, no traceback, one
Dutch line naming the file, exit 2 at the end when a file was left, 130 after Ctrl-C.

Tests that need a second user run the command line as ``nobody`` (uid 65534): the
interpreter starts as root, imports and reads everything it needs, then drops to nobody for
good (``setgroups``/``setgid``/``setuid``) before the command runs. ``runuser`` or a
``preexec_fn`` would not do: the interpreter may live under a folder only root may enter.
"""

from __future__ import annotations

import json
import os
import random
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

import jsonschema
import pytest

import taalwacht
from conftest import REPO, SRC, cli, findings, run, said, write
from taalwacht.model.contract import schema
from taalwacht.scan.pool import CHUNK, jobs_for
from taalwacht.service import Service, Source

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals, owners and /proc: POSIX")

SENTENCES = (
    "Het nieuwe product van de gemeente is gratis.\n",
    "De klant krijgt een brief van de gemeente.\n",
    "De gemeente koopt de zorg bij drie aanbieders in.\n",
    "Een nieuw product van de gemeente is gratis voor elke klant.\n",
    "De klantmanager belt de klant over het nieuwe product.\n",
)
FIXABLE = SENTENCES[0]
TEMP = re.compile(r"\..*\.taalwacht-[0-9]+-[0-9a-f]{8}\.tmp", re.DOTALL)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    for name in ("FORCE_COLOR", "TAALWACHT_DEBUG"):
        env.pop(name, None)
    return env


def _start(*args: str, cwd: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    """``python -m taalwacht *args`` started, not waited for; stdout and stderr piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "taalwacht", *args],
        cwd=cwd,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def _documents(n: int) -> dict[str, bytes]:
    """``n`` Dutch letters in three folders, every one with sentences fix rewrites."""
    files = {}
    for i in range(n):
        body = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(10)]
        files[f"map{i % 3}/brief-{i:02d}.txt"] = "".join([f"Brief {i}.\n", *body]).encode()
    return files


def _fixed(files: dict[str, bytes]) -> dict[str, bytes]:
    return {rel: taalwacht.fix(data.decode()).text.encode() for rel, data in files.items()}


def _lay(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        write(folder / rel, data)


def _state(folder: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    return {rel: (folder / rel).read_bytes() for rel in files}


def _temp_files(folder: Path) -> list[str]:
    """Every temporary file of taalwacht's anywhere under ``folder``, hidden folders too."""
    return [
        os.path.join(top, name)
        for top, _dirs, names in os.walk(folder)
        for name in names
        if TEMP.fullmatch(name)
    ]


def _manifest_entries(folder: Path) -> Iterator[dict[str, str]]:
    """The entries of every run's manifest; only a last line may be torn (``kill -9``)."""
    for manifest in sorted(folder.glob(".taalwacht/backups/*/manifest.jsonl")):
        lines = manifest.read_bytes().splitlines()
        for number, line in enumerate(lines, 1):
            try:
                entry = json.loads(line)
            except ValueError:
                assert number == len(lines), f"{manifest}: torn line {number}"
                continue
            yield entry


def _check_backups(folder: Path, originals: dict[str, bytes], *, missing: str) -> int:
    """Every backup a manifest lists holds the original bytes. A missing one is an error
    (``missing="error"``), allowed when its file is still the original (``"original"``,
    right after a kill: that file was never replaced), or allowed (``"allowed"``: a killed
    run's, after a later run). Returns how many backups were checked."""
    by_path = {os.path.realpath(folder / rel): data for rel, data in originals.items()}
    checked = 0
    for entry in _manifest_entries(folder):
        original = by_path[entry["path"]]
        if os.path.exists(entry["backup"]):
            assert Path(entry["backup"]).read_bytes() == original, entry["backup"]
            checked += 1
        else:
            assert missing != "error", f"backup missing: {entry['backup']}"
            if missing == "original":
                assert Path(entry["path"]).read_bytes() == original, entry["path"]
    return checked


def _children(pid: int) -> list[int]:
    """The child processes of ``pid``, from /proc (Linux)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def _gone(pids: set[int], timeout: float = 5) -> set[int]:
    """The processes of ``pids`` still there (not even a zombie) after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        alive = {p for p in pids if os.path.exists(f"/proc/{p}")}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def _interrupted_line(stderr: bytes) -> None:
    """Exactly one line, the catalogue's, and no trace of Python or multiprocessing."""
    text = stderr.decode("utf-8")
    assert "Traceback" not in text and "multiprocessing" not in text, text
    assert text.strip().splitlines() == [said("cli.interrupted")], text


# ------------------------------------------------------------------ 1. kill -9 and Ctrl-C


KILLS = 50


def _killed_round(
    folder: Path,
    originals: dict[str, bytes],
    fixed: dict[str, bytes],
    moment: tuple[bool, float, int],
) -> dict[str, Any]:
    """One fix run killed (``moment``: counted from its first backup or from its start,
    after how many seconds, with which signal), then checked, undone, and run to the end.
    Returns what happened: where the kill landed (``before`` any write, ``during`` or
    ``after`` the run), the exit code, files written, backups checked, temporary files
    the kill left."""
    from_first_write, delay, sig = moment
    _lay(folder, originals)
    proc = _start("fix", ".", cwd=folder)
    while from_first_write and not (folder / ".taalwacht").exists() and proc.poll() is None:
        time.sleep(0.001)
    time.sleep(delay)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 130:  # Ctrl-C seen by taalwacht: one line, no traceback
        assert err.decode().strip().splitlines()[-1] == said("cli.interrupted"), err
        assert b"Traceback" not in err, err
    # No original lost or half-written: each file is its original or its fixed version.
    state = _state(folder, originals)
    for rel, data in state.items():
        assert data in (originals[rel], fixed[rel]), f"{rel} after signal {sig}: {data!r}"
    written = sum(state[rel] == fixed[rel] for rel in state)
    started_writing = written > 0 or any(True for _ in _manifest_entries(folder))
    backups = _check_backups(folder, originals, missing="original")
    left = len(_temp_files(folder))
    # undo restores what the killed run wrote.
    undone = cli("undo", cwd=folder)
    assert undone.returncode == 0, undone.stderr
    assert _state(folder, originals) == originals
    # The next run fixes everything and leaves no temporary file anywhere.
    again = cli("fix", ".", cwd=folder)
    assert again.returncode == 0, again.stderr
    assert _state(folder, originals) == fixed
    assert _temp_files(folder) == []
    _check_backups(folder, originals, missing="allowed")
    where = "during" if started_writing else "before"
    where = "after" if proc.returncode in (0, 1) else where
    return {
        "where": where,
        "code": proc.returncode,
        "written": written,
        "backups": backups,
        "temp": left,
    }


def _time_run(folder: Path, originals: dict[str, bytes]) -> tuple[float, float]:
    """Seconds until a fix run keeps its first backup, and until it ends."""
    _lay(folder, originals)
    started = time.monotonic()
    proc = _start("fix", ".", cwd=folder)
    first = None
    while proc.poll() is None:
        if first is None and (folder / ".taalwacht").exists():
            first = time.monotonic() - started
        time.sleep(0.002)
    whole = time.monotonic() - started
    proc.communicate()
    assert proc.returncode == 0
    return first or 0.0, whole


@pytest.mark.slow
def test_fix_killed_at_random_moments_loses_no_byte(tmp_path: Path) -> None:
    originals = _documents(20)
    fixed = _fixed(originals)
    assert all(fixed[rel] != originals[rel] for rel in originals)
    # When a run, two at a time as below, starts writing and when it ends: a third of the
    # kills fall anywhere in the run, the others while it writes (after its first backup).
    with ThreadPoolExecutor(2) as pool:
        timed = list(pool.map(lambda i: _time_run(tmp_path / f"ijk-{i}", originals), range(2)))
    first, whole = (sum(t[k] for t in timed) / len(timed) for k in (0, 1))
    rng = random.Random(1402)
    plan = [
        (
            i % 3 != 0,
            rng.uniform(0, whole if i % 3 == 0 else whole - first),
            signal.SIGKILL if i % 2 else signal.SIGINT,
        )
        for i in range(KILLS)
    ]
    with ThreadPoolExecutor(2) as pool:
        rounds = list(
            pool.map(
                lambda i: _killed_round(tmp_path / f"r{i:02d}", originals, fixed, plan[i]),
                range(KILLS),
            )
        )
    landed = [r["where"] for r in rounds]
    counts = {where: landed.count(where) for where in ("before", "during", "after")}
    codes = dict(sorted(Counter(r["code"] for r in rounds).items()))
    print(
        f"\n{KILLS} kills in runs writing from {first:.2f} s to {whole:.2f} s: {counts}; "
        f"exit codes {codes}; "
        f"{sum(r['written'] for r in rounds)} files written before a kill, "
        f"{sum(r['backups'] for r in rounds)} backups checked, "
        f"{sum(r['temp'] for r in rounds)} temporary files left by kills (all removed)"
    )
    assert counts["during"] >= 5, counts  # enough kills landed while files were written


# ------------------------------------------------------------------ 2. Ctrl-C


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 8 MB of Dutch text: part of ../shared/corpus, or generated where it is absent."""
    folder = tmp_path_factory.mktemp("collection")
    corpus = REPO.parent / "shared" / "corpus"
    total = 0
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*.txt")):
            shutil.copyfile(path, folder / f"{len(list(folder.iterdir())):04d}-{path.name}")
            total += path.stat().st_size
            if total > 8_000_000:
                break
    if total < 8_000_000:
        text = "".join(SENTENCES) * 200
        for i in range((8_000_000 - total) // len(text) + 1):
            write(folder / f"gemaakt-{i:04d}.txt", text)
    return folder


def _interrupt_check(folder: Path, delay: float, group: bool) -> tuple[int, set[int]]:
    """``check --jobs 2`` interrupted ``delay`` s after its workers started; returns the
    exit code and every worker seen."""
    proc = _start("check", "--jobs", "2", "--no-progress", ".", cwd=folder, start_new_session=True)
    seen: set[int] = set()
    while not seen and proc.poll() is None:
        seen.update(_children(proc.pid))
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and proc.poll() is None:
        seen.update(_children(proc.pid))
    seen.update(_children(proc.pid))
    if group:
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    else:
        proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("check hung after Ctrl-C")
    assert seen, "no worker process was started"
    assert proc.returncode == 130, err.decode()
    _interrupted_line(err)
    return proc.returncode, seen


@pytest.mark.slow
@pytest.mark.parametrize("group", [True, False], ids=["process-group", "parent-only"])
def test_ctrl_c_stops_a_parallel_check(collection: Path, group: bool) -> None:
    for delay in (0.0, 0.05, 0.2):  # while the workers start, and while they work
        _, workers = _interrupt_check(collection, delay, group)
        assert _gone(workers) == set(), "a worker outlived Ctrl-C"


@pytest.mark.slow
def test_ctrl_c_during_fix(tmp_path: Path) -> None:
    originals = _documents(20)
    fixed = _fixed(originals)
    _lay(tmp_path, originals)
    proc = _start("fix", ".", cwd=tmp_path)
    assert proc.stderr is not None
    err = b""
    while b"herschreven" not in err:  # the first file is written
        assert proc.poll() is None, err
        err += os.read(proc.stderr.fileno(), 4096)
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=30)
    err += rest
    assert proc.returncode == 130, err.decode()
    assert err.decode().strip().splitlines()[-1] == said("cli.interrupted")
    assert b"Traceback" not in err
    state = _state(tmp_path, originals)
    assert all(state[rel] in (originals[rel], fixed[rel]) for rel in state)
    assert sum(state[rel] == fixed[rel] for rel in state) > 0
    assert _temp_files(tmp_path) == []  # Ctrl-C cleans up at once, no next run needed
    _check_backups(tmp_path, originals, missing="error")


# ------------------------------------------------------------------ 9. Ctrl-C at the prompt


def test_ctrl_c_at_the_interactive_prompt(tmp_path: Path) -> None:
    doc = write(tmp_path / "brief.txt", FIXABLE)
    proc = _start("fix", "--interactive", "brief.txt", cwd=tmp_path, stdin=subprocess.PIPE)
    assert proc.stderr is not None
    shown = b""
    deadline = time.monotonic() + 30
    while b"[q] stoppen: " not in shown:
        assert time.monotonic() < deadline and proc.poll() is None, shown
        ready, _, _ = select.select([proc.stderr], [], [], 0.1)
        if ready:
            shown += os.read(proc.stderr.fileno(), 4096)
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=30)
    assert proc.returncode == 130, shown + rest
    _interrupted_line(rest)
    assert doc.read_bytes() == FIXABLE.encode()
    assert not (tmp_path / ".taalwacht").exists()


# ------------------------------------------------------------------ 3, 6. another user

NOBODY = 65534
_AS_NOBODY = f"""
import importlib, os, pkgutil, sys
import taalwacht, typer
for package in (taalwacht, typer):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not module.name.endswith("__main__"):
            try:
                importlib.import_module(module.name)
            except Exception:  # a module for another platform
                pass
import difflib, encodings.cp1252, pathspec
from taalwacht.service import Service
Service.load(isolated=True)[0].warm_up()
taalwacht.fix("Het nieuwe product van de gemeente is gratis. De klant koopt in.")
os.setgroups([])
os.setgid({NOBODY})
os.setuid({NOBODY})
from taalwacht.cli import main
main(sys.argv[1:])
"""

needs_root = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="needs root to act as another user"
)


def as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``taalwacht *args`` as the user nobody (see the module docstring)."""
    proc = subprocess.run(
        [sys.executable, "-c", _AS_NOBODY, *args],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr and "interne fout" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside pytest's root-only temporary folder, owned by nobody (when root)."""
    folder = Path(tempfile.mkdtemp(prefix="taalwacht-faults-"))
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    try:
        yield folder
    finally:
        for top, dirs, _ in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(top, name), 0o700)
        shutil.rmtree(folder)


def _owned(path: Path, uid: int, mode: int) -> Path:
    os.chown(path, uid, uid)
    os.chmod(path, mode)
    return path


@needs_root
def test_as_nobody_files_of_another_user_are_left_with_a_dutch_line(shared_dir: Path) -> None:
    fixed = taalwacht.fix(FIXABLE).text
    mine = [_owned(write(shared_dir / f"eigen-{i}.txt", FIXABLE), NOBODY, 0o644) for i in (1, 2)]
    roots = _owned(write(shared_dir / "van-root.txt", FIXABLE), 0, 0o644)  # not writable
    open_to_all = _owned(write(shared_dir / "van-root-open.txt", FIXABLE), 0, 0o666)
    locked = shared_dir / "map-van-root"  # nobody's file in root's folder: no temporary file
    theirs = _owned(write(locked / "brief.txt", FIXABLE), NOBODY, 0o644)
    _owned(locked, 0, 0o755)
    proc = as_nobody("fix", ".", cwd=shared_dir)
    assert proc.returncode == 2, proc.stderr
    assert [p.read_text("utf-8") for p in mine] == [fixed, fixed]
    for left in (roots, open_to_all, theirs):
        assert left.read_text("utf-8") == FIXABLE
    lines = proc.stderr.splitlines()

    def line_of(path: Path) -> str:
        [line] = [x for x in lines if x.startswith(str(path.relative_to(shared_dir)) + ": ")]
        return line

    assert said("write.no-permission") in line_of(roots)
    assert said("write.owner") in line_of(open_to_all)  # it would change hands: refused
    assert said("write.failed") in line_of(theirs)
    assert (roots.stat().st_uid, open_to_all.stat().st_uid) == (0, 0)
    assert _temp_files(shared_dir) == []


@needs_root
def test_as_root_owner_links_and_read_only_files_are_kept(workdir: Path) -> None:
    fixed = taalwacht.fix(FIXABLE).text
    theirs = write(workdir / "van-nobody.txt", FIXABLE)
    os.chown(theirs, NOBODY, NOBODY)
    os.chmod(theirs, 0o640)
    linked = write(workdir / "gekoppeld.txt", FIXABLE)
    os.link(linked, workdir / "koppeling.txt")
    frozen = write(workdir / "alleen-lezen.txt", FIXABLE)
    os.chmod(frozen, 0o444)
    proc = cli("fix", ".", cwd=workdir)
    assert proc.returncode == 2, proc.stderr
    status = theirs.stat()
    assert theirs.read_text("utf-8") == fixed
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (NOBODY, NOBODY, 0o640)
    assert linked.read_text("utf-8") == FIXABLE
    assert (workdir / "koppeling.txt").read_text("utf-8") == FIXABLE
    assert os.path.samefile(linked, workdir / "koppeling.txt")
    assert frozen.read_text("utf-8") == FIXABLE and stat.S_IMODE(frozen.stat().st_mode) == 0o444
    assert f"gekoppeld.txt: {said('write.linked')}" in proc.stderr
    assert f"koppeling.txt: {said('write.linked')}" in proc.stderr
    assert f"alleen-lezen.txt: {said('write.read-only')}" in proc.stderr


def _unreadable_run(folder: Path, fmt: str) -> subprocess.CompletedProcess[str]:
    """``check --format fmt`` on three letters, one file nobody may read and one folder
    nobody may enter: as nobody when root, else as the current user."""
    for i in range(3):
        write(folder / f"brief-{i}.txt", FIXABLE)
    write(folder / "geheim.txt", FIXABLE).chmod(0)
    closed = folder / "dicht"
    write(closed / "binnen.txt", FIXABLE)
    closed.chmod(0)
    args = ("check", "--format", fmt, "--no-progress", ".")
    try:
        if os.geteuid() == 0:
            return as_nobody(*args, cwd=folder)
        return cli(*args, cwd=folder)
    finally:
        closed.chmod(0o700)


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
def test_unreadable_file_and_folder_are_reported_and_the_rest_is_checked(
    shared_dir: Path, fmt: str
) -> None:
    proc = _unreadable_run(shared_dir, fmt)
    assert proc.returncode == 2, proc.stderr
    assert f"geheim.txt: {said('errors.permission')}" in proc.stderr
    assert f"dicht: {said('errors.cannot-read-folder')}" in proc.stderr
    if fmt == "json":
        doc = json.loads(proc.stdout)
        jsonschema.validate(doc, schema())
        assert sorted(f["path"] for f in doc["findings"]) == [f"brief-{i}.txt" for i in range(3)]
        assert sorted(e["path"] for e in doc["errors"]) == ["dicht", "geheim.txt"]
    elif fmt == "sarif":
        run_ = json.loads(proc.stdout)["runs"][0]
        uris = sorted(a["location"]["uri"] for a in run_["artifacts"])
        assert uris == [f"brief-{i}.txt" for i in range(3)]
        notes = run_["invocations"][0]["toolExecutionNotifications"]
        assert len(notes) == 2 and not run_["invocations"][0]["executionSuccessful"]
    elif fmt == "text":
        assert proc.stdout.count("brief-") == 3
    else:
        assert proc.stdout.count("::warning file=brief-") == 3
        assert proc.stdout.count("::error file=") == 2


# ------------------------------------------------------------------ 4. appended meanwhile


def test_a_line_appended_while_fix_runs_survives(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    other = write(workdir / "ander.txt", FIXABLE)
    added = "Een regel die de schrijver net toevoegde.\n"
    real_fix = Service.fix

    def fix_then_append(self: Service, document: Any, choose: Any = None) -> Any:
        result = real_fix(self, document, choose)
        if document.path.endswith("brief.txt"):
            with open(document.path, "a", encoding="utf-8") as handle:
                handle.write(added)
        return result

    monkeypatch.setattr(Service, "fix", fix_then_append)
    result = run("fix", ".")
    assert result.exit_code == 2, result.output
    assert doc.read_text("utf-8") == FIXABLE + added
    assert other.read_text("utf-8") == taalwacht.fix(FIXABLE).text
    assert f"brief.txt: {said('write.changed')}" in result.stderr


# ------------------------------------------------------------------ 5. two runs at once


@pytest.mark.slow
def test_two_fix_runs_at_once_fix_each_file_once(tmp_path: Path) -> None:
    originals = _documents(30)
    fixed = _fixed(originals)
    assert _fixed(fixed) == fixed  # fixing these sentences again changes nothing
    for attempt in range(3):
        folder = tmp_path / f"poging-{attempt}"
        _lay(folder, originals)
        both = [_start("fix", ".", cwd=folder) for _ in range(2)]
        for proc in both:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode in (0, 2), err.decode()  # 2: a file the other run wrote
            assert b"Traceback" not in err
        assert _state(folder, originals) == fixed
        assert _check_backups(folder, originals, missing="error") >= len(originals)
        assert _temp_files(folder) == []


# ------------------------------------------------------------------ 7. --jobs and depth


def test_jobs_never_exceed_the_work() -> None:
    three = [Source(f"{i}.txt", explicit=False) for i in range(3)]
    assert jobs_for(three, [10] * 3, 1000) == 1
    many = [Source(f"{i}.txt", explicit=False) for i in range(10 * CHUNK)]
    assert jobs_for(many, [10] * len(many), 1000) == 10


def test_jobs_1000_on_three_files_starts_no_process(tmp_path: Path) -> None:
    for i in range(3):
        write(tmp_path / f"brief-{i}.txt", FIXABLE)
    proc = _start("check", "--jobs", "1000", "--no-progress", ".", cwd=tmp_path)
    seen: set[int] = set()
    while proc.poll() is None:
        seen.update(_children(proc.pid))
    out, err = proc.communicate()
    assert proc.returncode == 1, err.decode()
    assert out.decode().count("brief-") == 3
    assert seen == set()


def _deep(folder: Path, levels: int) -> Path:
    """A folder ``levels`` deep (``os.makedirs`` would recurse too far)."""
    path = folder
    for _ in range(levels):
        path = path / "d"
        path.mkdir()
    return path


@pytest.mark.slow
def test_a_folder_1200_levels_deep(tmp_path: Path) -> None:
    work = tmp_path / "diep"
    work.mkdir()
    try:
        bottom = write(_deep(work, 1200) / "brief.txt", FIXABLE)
        checked = cli("check", "--format", "json", ".", cwd=work)
        assert checked.returncode == 1, checked.stderr
        [found] = findings(checked.stdout)
        assert found["path"].endswith("/d/brief.txt") and found["path"].count("/") == 1200
        fixed = cli("fix", ".", cwd=work)
        assert fixed.returncode == 0, fixed.stderr
        assert bottom.read_text("utf-8") == taalwacht.fix(FIXABLE).text
        undone = cli("undo", cwd=work)
        assert undone.returncode == 0, undone.stderr
        assert bottom.read_text("utf-8") == FIXABLE
    finally:
        subprocess.run(["rm", "-rf", str(work)], check=True)  # shutil.rmtree recurses


# ------------------------------------------------------------------ 8. file names


CONTROL_NAMES = {
    "brief\nnieuw.txt": "brief\\nnieuw.txt",
    "tab\tnaam.txt": "tab\\tnaam.txt",
    "kleur\x1b[31mrood.txt": "kleur\\x1b[31mrood.txt",
    "terug\rnaam.txt": "terug\\rnaam.txt",
}


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_control_characters_in_file_names_are_escaped(tmp_path: Path, fmt: str) -> None:
    for name in CONTROL_NAMES:
        write(tmp_path / name, FIXABLE)
    proc = cli("check", "--format", fmt, "--no-progress", ".", cwd=tmp_path, binary=True)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "\x1b" not in out and "\r" not in out
    if fmt == "json":
        paths = sorted(f["path"] for f in findings(out))
        assert paths == sorted(CONTROL_NAMES)  # JSON carries the names exactly
        return
    lines = out.splitlines()
    assert len(lines) == len(CONTROL_NAMES)  # one line per finding, whatever the names
    for shown in CONTROL_NAMES.values():
        [line] = [x for x in lines if shown in x]
        prefix = "::warning file=" if fmt == "github" else ""
        assert line.startswith(prefix + shown)
    err = proc.stderr.decode("utf-8")
    assert "\x1b" not in err


def test_fix_with_control_characters_in_file_names(tmp_path: Path) -> None:
    for name in CONTROL_NAMES:
        write(tmp_path / name, FIXABLE + "Het product is gratis als u het op tijd aanvraagt.\n")
    for args in (("--diff",), ()):
        proc = cli("fix", *args, ".", cwd=tmp_path, binary=True)
        assert proc.returncode == 1, proc.stderr  # a finding is left for a person
        out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        assert "\x1b" not in out + err and "\r" not in out + err
        # stderr: one line per note (white space in a name shown as a space), ESC escaped
        assert "kleur\\x1b[31mrood.txt:2:5: 'product'" in err
        notes = 0 if args else len(CONTROL_NAMES) + 1  # "... herschreven", where the backups are
        assert len(err.splitlines()) == 1 + len(CONTROL_NAMES) + notes  # summary, left
        if args:  # diff headers quoted and escaped, as git writes them
            headers = [line for line in out.splitlines() if line.startswith("--- ")]
            assert sorted(headers) == sorted(f'--- "a/{n}"' for n in CONTROL_NAMES.values())
    for name in CONTROL_NAMES:
        assert (tmp_path / name).read_text("utf-8").startswith(taalwacht.fix(FIXABLE).text)


@pytest.mark.parametrize("fmt", ["sarif", "json", "text", "github"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    raw = os.fsencode(tmp_path) + b"/brief-\xff.txt"
    try:
        with open(raw, "wb") as handle:
            handle.write(FIXABLE.encode())
    except OSError as err:
        pytest.skip(f"the file system refuses names that are not UTF-8: {err}")
    proc = cli("check", "--format", fmt, "--no-progress", ".", cwd=tmp_path, binary=True)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")  # valid UTF-8 whatever the name
    if fmt == "sarif":
        [artifact] = json.loads(out)["runs"][0]["artifacts"]
        uri = artifact["location"]["uri"]
        assert re.fullmatch(r"[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+", uri), uri
        assert unquote_to_bytes(uri) == b"brief-\xff.txt"
    elif fmt == "json":
        [found] = findings(out)
        assert found["path"] == "brief-\\xff.txt"
    else:
        assert "brief-\\xff.txt" in out
