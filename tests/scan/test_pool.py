"""Checking a collection (``taalwacht.scan.pool``): several processes give exactly what one
gives, a bad file in a worker is one line naming it, and the pool is only started for a
collection worth it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cli
from taalwacht.api import default_service
from taalwacht.formats.walk import Skipped, Source
from taalwacht.scan.pool import (
    MIN_BYTES,
    MIN_FILES,
    Asked,
    Scanned,
    check_all,
    check_guarded,
    jobs_for,
)

SENTENCES = [
    "De bijstandsklanten krijgen een brief van hun klantmanager.",
    "De productie van melk stijgt; de producent is tevreden.",
    "De gemeente koopt de jeugdhulp bij drie aanbieders in.",
    "Het woord 'klant' gebruiken wij niet meer.",
    "De klanten van de supermarkt staan in de rij bij de kassa.",
]


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    for i in range(40):
        lines = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(i % 7 + 1)]
        (tmp_path / f"doc{i:02}.txt").write_text("\n".join(lines), encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_two_processes_report_exactly_what_one_reports(collection: Path) -> None:
    one = cli("check", "--format", "json", "--jobs", "1", str(collection), cwd=collection)
    two = cli("check", "--format", "json", "--jobs", "2", str(collection), cwd=collection)
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
    result = cli("check", "--jobs", "2", *named, cwd=collection)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert [line for line in lines if "doc05.txt" in line] == [lines[0]]  # one line names it
    assert f"in {len(named) - 1} bestanden (1 niet te lezen)" in lines[-1]  # the rest is checked


# ------------------------------------------------------------------ in process


def test_jobs_for_a_few_small_files_is_one() -> None:
    sources = [Source(f"{i}.txt", explicit=True) for i in range(MIN_FILES)]
    assert jobs_for(sources[:3], [MIN_BYTES] * 3, None) == 1  # few files
    assert jobs_for(sources, [1] * MIN_FILES, None) == 1  # many, but small
    assert jobs_for(sources, [MIN_BYTES] * MIN_FILES, None) >= 1
    assert jobs_for(sources * 8, [1] * MIN_FILES * 8, 4) == 4  # --jobs wins
    assert jobs_for(sources[:3], [1] * 3, 1000) == 1  # but never more than the work
    assert jobs_for(sources[:1], [1], 0) == 1


def test_check_all_in_one_process_keeps_the_order(collection: Path) -> None:
    (collection / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    names = ("doc03.txt", "logo.png", "doc01.txt")
    sources = [Source(str(collection / name), explicit=False) for name in names]
    done = list(check_all(default_service(), sources, 1))
    assert [s for s, _ in done] == sources
    first, skipped, last = (outcome for _, outcome in done)
    assert isinstance(first, Scanned) and isinstance(last, Scanned)
    assert isinstance(skipped, Skipped)
    assert first.size == (collection / "doc03.txt").stat().st_size
    assert first.result.text == (collection / "doc03.txt").read_text("utf-8")


def test_only_a_scan_counts_words(collection: Path) -> None:
    """``scan`` needs each document's words for its figures per 1,000 words; ``check``
    does not, and skips the count, which costs an eighth of checking a text."""
    source = Source(str(collection / "doc04.txt"), explicit=True)
    text = (collection / "doc04.txt").read_text("utf-8")
    [(_, counted)] = list(check_all(default_service(), [source], 1))
    [(_, uncounted)] = list(check_all(default_service(), [source], 1, Asked(words=False)))
    assert isinstance(counted, Scanned) and isinstance(uncounted, Scanned)
    assert counted.words == (len(text.split()),)
    assert uncounted.words == ()
    assert uncounted.result.findings == counted.result.findings


def test_check_guarded_names_the_file_on_an_internal_error(
    collection: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taalwacht.engine import Engine
    from taalwacht.errors import TaalwachtError

    def boom(self: Engine, text: str, regions: object = ()) -> list[object]:
        raise RuntimeError("kapot")

    monkeypatch.setattr(Engine, "scan", boom)
    monkeypatch.delenv("TAALWACHT_DEBUG", raising=False)
    path = str(collection / "doc00.txt")
    with pytest.raises(TaalwachtError) as info:
        check_guarded(default_service(), Source(path, explicit=True))
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "RuntimeError: kapot" in message
    assert "TAALWACHT_DEBUG=1" in message
