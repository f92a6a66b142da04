"""Checking a collection in several processes gives exactly what one process gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SENTENCES = [
    "De bijstandsklanten krijgen een brief van hun klantmanager.",
    "De productie van melk stijgt; de producent is tevreden.",
    "De gemeente koopt de jeugdhulp bij drie aanbieders in.",
    "Het woord 'klant' gebruiken wij niet meer.",
    "De klanten van de supermarkt staan in de rij bij de kassa.",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taalwacht", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    for i in range(40):
        lines = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(i % 7 + 1)]
        (tmp_path / f"doc{i:02}.txt").write_text("\n".join(lines), encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_two_processes_report_exactly_what_one_reports(collection: Path) -> None:
    one = run("check", "--format", "json", "--jobs", "1", str(collection))
    two = run("check", "--format", "json", "--jobs", "2", str(collection))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    findings = json.loads(two.stdout)["findings"]
    assert [f["path"] for f in findings] == sorted(f["path"] for f in findings)
    assert {f["text"] for f in findings} == {"bijstandsklanten", "klantmanager", "koopt"}


@pytest.mark.slow
def test_an_unreadable_file_in_a_worker_is_one_line_naming_it(collection: Path) -> None:
    bad = collection / "doc05.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8")  # a UTF-16 BOM, then a lone surrogate: not text
    named = [str(p) for p in sorted(collection.glob("*.txt"))]  # named files must be text
    result = run("check", "--jobs", "2", *named)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "doc05.txt" in result.stderr.strip().splitlines()[-1]
