"""bench/corpus_sample.py: a judged sample of the corpus weighed back to the whole corpus."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import ModuleType

import pytest

from conftest import bench

# each document holds one occurrence the engine reports and one it leaves to commerce
DOCUMENT = (
    "De gemeente helpt klanten van de sociale dienst met hun uitkering.\n\n"
    "De supermarkt verkoopt brood aan haar klanten en maakt winst op de omzet."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "regels"
    folder.mkdir(parents=True)
    for n in range(4):
        (folder / f"doc{n}.txt").write_text(DOCUMENT, "utf-8")
    return tmp_path / "corpus"


def drawn(module: ModuleType, corpus: Path, sample: Path, judge: Path) -> list[dict[str, object]]:
    args = argparse.Namespace(
        corpus=corpus, sample=sample, judge=judge, seed=None, reported=2, left=1
    )
    assert module.draw(args) == 0
    return [json.loads(line) for line in (sample / "items.jsonl").read_text("utf-8").splitlines()]


def test_the_judge_sees_neither_stratum_nor_rule(corpus: Path, tmp_path: Path) -> None:
    module = bench("corpus_sample")
    items = drawn(module, corpus, tmp_path / "s1", tmp_path / "judge.jsonl")
    assert sorted(i["stratum"] for i in items) == ["left", "reported", "reported"]
    about = json.loads((tmp_path / "s1" / "draw.json").read_text("utf-8"))
    assert about["sizes"] == {"reported": 4, "left": 4}
    for line in (tmp_path / "judge.jsonl").read_text("utf-8").splitlines():
        assert set(json.loads(line)) == {"id", "file", "start", "end", "surface", "term"}


def test_a_drawn_sample_is_never_drawn_over(corpus: Path, tmp_path: Path) -> None:
    module = bench("corpus_sample")
    drawn(module, corpus, tmp_path / "s1", tmp_path / "judge.jsonl")
    args = argparse.Namespace(
        corpus=corpus,
        sample=tmp_path / "s1",
        judge=tmp_path / "j2.jsonl",
        seed=1,
        reported=2,
        left=1,
    )
    assert module.draw(args) == 2


def test_a_sample_is_scored_only_once_judged(corpus: Path, tmp_path: Path) -> None:
    module = bench("corpus_sample")
    drawn(module, corpus, tmp_path / "s1", tmp_path / "judge.jsonl")
    assert module.score(argparse.Namespace(corpus=corpus, samples=[tmp_path / "s1"])) == 2


def test_each_item_stands_for_its_stratum(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two reported items judged flag and commercial stand for 2 occurrences each, the left
    one judged flag for 4: precision 2 / (2 + 2), recall 2 / (2 + 4)."""
    module = bench("corpus_sample")
    sample = tmp_path / "s1"
    items = drawn(module, corpus, sample, tmp_path / "judge.jsonl")
    reported = [i for i in items if i["stratum"] == "reported"]
    labels = {reported[0]["id"]: "flag", reported[1]["id"]: "commercial"}
    labels |= {i["id"]: "flag" for i in items if i["stratum"] == "left"}
    judged = "".join(json.dumps({"id": k, "label": v}) + "\n" for k, v in labels.items())
    (sample / "judgments.jsonl").write_text(judged, "utf-8")
    capsys.readouterr()
    assert module.score(argparse.Namespace(corpus=corpus, samples=[sample])) == 0
    assert "precision 0.500  recall 0.333" in capsys.readouterr().out
