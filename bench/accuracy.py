#!/usr/bin/env python3
"""Precision, recall and top-1 suggestion share of `taalwacht check` on a labelled set.

    python bench/accuracy.py                       # the dev set in ../shared/eval/dev
    python bench/accuracy.py --set DIR --verbose   # any set in the same format
    python bench/accuracy.py --set devdata/frozen31   # a round: its batches a/, b/, ... together

A set is a folder with corpus.jsonl ({"id", "text"}) and labels.jsonl ({"doc", "start",
"end", "label", "expected", ...}). Scoring follows ../shared/eval/score.py exactly: a
reported finding that overlaps a `flag` span is a true positive (once per span); one that
overlaps a mention/commercial/other span, or no labelled span, is a false positive; `unsure`
spans count for nothing; a `flag` span without a finding is a false negative. The check
runs in this process through the public API, on each paragraph as plain text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from taalwacht import check

DEFAULT_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def parts(folder: Path) -> list[Path]:
    """The folder itself when it holds a set, else its batches (a frozen round's a/, b/, ...)."""
    if (folder / "corpus.jsonl").is_file():
        return [folder]
    return sorted(p for p in folder.glob("*") if (p / "corpus.jsonl").is_file())


def load_set(folder: Path) -> tuple[list[dict[str, str]], list[dict[str, object]]]:
    docs: list[dict[str, str]] = []
    labels: list[dict[str, object]] = []
    for part in parts(folder):
        docs += _lines(part / "corpus.jsonl")
        labels += _lines(part / "labels.jsonl")
    return docs, labels


def labels_by_doc(labels: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    """The labels of each paragraph, by its id."""
    by_doc: dict[str, list[dict[str, object]]] = {}
    for label in labels:
        by_doc.setdefault(str(label["doc"]), []).append(label)
    return by_doc


def _lines(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line, blank lines skipped."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score(
    docs: list[dict[str, str]], labels: list[dict[str, object]], verbose: bool
) -> dict[str, float]:
    by_doc = labels_by_doc(labels)
    hit: set[tuple[str, int]] = set()
    tp = fp = top1 = n_expected = 0
    fp_by: Counter[str] = Counter()
    tp_by: Counter[str] = Counter()
    for doc in docs:
        text = doc["text"]
        for f in check(text):
            over = [
                lab
                for lab in by_doc.get(doc["id"], [])
                if int(lab["start"]) < f.end and f.start < int(lab["end"])
            ]  # type: ignore[call-overload]
            if not over or over[0]["label"] in ("mention", "commercial", "other"):
                fp += 1
                fp_by[f.term] += 1
                if verbose:
                    why = over[0]["label"] if over else "unlabelled"
                    around = text[max(0, f.start - 60) : f.end + 40]
                    print(f"FP {doc['id']} {f.text!r} ({why}) [{f.term}] …{around!r}")
                continue
            label = over[0]
            key = (doc["id"], int(label["start"]))  # type: ignore[call-overload]
            if label["label"] == "flag" and key not in hit:
                hit.add(key)
                tp += 1
                tp_by[f.term] += 1
                expected = label.get("expected") or []
                if expected:
                    n_expected += 1
                    good = {str(x).lower() for x in expected}  # type: ignore[union-attr]
                    top1 += bool(f.suggestions) and f.suggestions[0].lower() in good
    flags = [lab for lab in labels if lab["label"] == "flag"]
    fn_by: Counter[str] = Counter()
    for lab in flags:
        if (lab["doc"], lab["start"]) not in hit:
            fn_by[str(lab["term"])] += 1
            if verbose:
                text = next(d["text"] for d in docs if d["id"] == lab["doc"])
                s, e = int(lab["start"]), int(lab["end"])  # type: ignore[call-overload]
                around = text[max(0, s - 60) : e + 40]
                print(f"FN {lab['doc']} {lab['surface']!r} ({lab['term']}) …{around!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(flags) if flags else 0.0
    share = top1 / n_expected if n_expected else 0.0
    print(
        f"precision {precision:.3f}  recall {recall:.3f}  top-1 suggestion {share:.3f}  "
        f"(tp {tp}, fp {fp}, fn {len(flags) - tp}; {len(docs)} paragraphs, {len(flags)} flags)"
    )
    if verbose:
        print("false positives by term:", dict(fp_by))
        print("false negatives by term:", dict(fn_by))
    return {"precision": precision, "recall": recall, "top1": share}


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--set", type=Path, default=DEFAULT_SET, help="folder with corpus.jsonl and labels.jsonl"
    )
    ap.add_argument("--verbose", action="store_true", help="list every false positive and negative")
    a = ap.parse_args()
    if not parts(a.set) or not all((p / "labels.jsonl").is_file() for p in parts(a.set)):
        print(
            f"accuracy: no labelled set at {a.set} (expected corpus.jsonl and labels.jsonl, "
            "or batches that hold them; "
            "the dev set lives in ../shared/eval/dev next to the repository)",
            file=sys.stderr,
        )
        return 2
    docs, labels = load_set(a.set)
    score(docs, labels, a.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
