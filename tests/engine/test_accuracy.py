"""Precision and recall on the labelled dev set, scored exactly as bench/accuracy.py does."""

from __future__ import annotations

import pytest

from conftest import DATA, REPO, bench

DEV_SET = REPO.parent / "shared" / "eval" / "dev"


def test_precision_and_recall_on_the_dev_set() -> None:
    if not (DEV_SET / "corpus.jsonl").is_file() or not (DEV_SET / "labels.jsonl").is_file():
        pytest.skip(
            "../shared/eval/dev is absent: the labelled dev set lives next to the repository"
        )
    accuracy = bench("accuracy")
    docs, labels = accuracy.load_set(DEV_SET)
    assert docs and labels
    result = accuracy.score(docs, labels, verbose=True)  # lists every miss on failure
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.95


@pytest.mark.parametrize("name", ["independent", "independent2"])
def test_precision_and_recall_on_the_independent_sets(name: str) -> None:
    """These sets ship with the repository, so this always runs."""
    accuracy = bench("accuracy")
    docs, labels = accuracy.load_set(DATA / name)
    assert len(docs) == 80
    result = accuracy.score(docs, labels, verbose=True)
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.95
