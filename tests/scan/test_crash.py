"""A scan killed with kill -9 in the middle resumes on the next run without losing or
duplicating a document: the store afterwards equals one from an uninterrupted scan."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SRC, cli, write

TEXT = (
    "Beste klant,\n\nUw klantmanager heeft uw aanvraag bekeken. De gemeente koopt de "
    "begeleiding in bij een aanbieder. Onze producten vindt u op de website.\n"
) * 3


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as raw:
        docs = raw.execute("select count(*) from documents where status = 'ok'").fetchone()[0]
        found = raw.execute("select count(*) from findings").fetchone()[0]
        dupes = raw.execute(
            "select count(*) from "
            "(select source from documents group by source having count(*) > 1)"
        ).fetchone()[0]
    return docs, found, dupes


@pytest.mark.slow
def test_a_killed_scan_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    n = 1200
    for i in range(n):
        write(docs / f"map{i % 12}" / f"brief{i:04}.txt", TEXT + f"Kenmerk {i}.\n")
    env = dict(os.environ, PYTHONPATH=SRC, CI="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "taalwacht", "scan", "docs", "--jobs", "1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    db = tmp_path / "taalwacht.db"
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = _counts(db)[0]
            except sqlite3.Error:
                stored = 0
        if stored >= 150:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the scan ended before it could be killed: make it bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    docs_then, _, dupes = _counts(db)
    assert 0 < docs_then < n and dupes == 0
    resumed = cli("scan", "docs", cwd=tmp_path, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{docs_then:,}".replace(",", ".") + " ongewijzigd" in resumed.stderr
    clean = cli("scan", "docs", "--db", str(tmp_path / "schoon.db"), cwd=tmp_path, timeout=300)
    assert clean.returncode == 0, clean.stderr
    assert _counts(db) == _counts(tmp_path / "schoon.db")
    assert _counts(db)[0] == n
