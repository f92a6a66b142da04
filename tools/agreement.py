#!/usr/bin/env python3
"""How far two labellers of the same spans agree: the ceiling a frozen test's figures have.

    python tools/agreement.py devdata/frozen105 devdata/second/round105

The first folder is a labelled set (a frozen round's batches together), the second holds a
``labels.jsonl`` with a second labeller's labels of the same spans, given the guidelines,
the paragraphs and their addresses but not the first labels. The second labeller's flags
are scored as if they were the engine's findings against the first labels, by the rules of
``../shared/eval/score.py`` (``unsure`` counts for nothing), and the other way round; then
the raw agreement, Cohen's kappa and the table of label against label.

A labeller who reads the same guidelines and text still differs from the first: that
difference is what no engine can be scored past on a round labelled by one person.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from accuracy import load_set  # bench/accuracy.py: one reader for every set

LABELS = ("flag", "mention", "commercial", "other", "unsure")
PROTECTED = ("mention", "commercial", "other")
Span = tuple[str, int]  # (doc, start)
Label = dict[str, Any]


def by_span(labels: list[Label]) -> dict[Span, Label]:
    return {(str(lab["doc"]), int(str(lab["start"]))): lab for lab in labels}


def scored(pred: dict[Span, Label], gold: dict[Span, Label]) -> str:
    """``pred``'s flags against ``gold`` as the scorer counts findings: precision, recall and
    whether ``pred``'s first replacement is one of ``gold``'s."""
    tp = fp = top = with_expected = 0
    for span, truth in gold.items():
        if pred[span]["label"] != "flag":
            continue
        if truth["label"] in PROTECTED:
            fp += 1
        elif truth["label"] == "flag":
            tp += 1
            expected = {str(x).lower() for x in truth.get("expected") or []}
            if expected:
                with_expected += 1
                first = (pred[span].get("expected") or [""])[0]
                top += str(first).lower() in expected
    flags = sum(lab["label"] == "flag" for lab in gold.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / flags if flags else 0.0
    t = top / with_expected if with_expected else 0.0
    counts = f"(tp {tp}, fp {fp}, flags {flags})"
    return f"precision {p:.3f}  recall {r:.3f}  top-1 suggestion {t:.3f}  {counts}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("first", type=Path, help="the labelled set (a frozen round)")
    parser.add_argument("second", type=Path, help="a folder with the second labels.jsonl")
    args = parser.parse_args()
    first = by_span(load_set(args.first)[1])
    lines = (args.second / "labels.jsonl").read_text("utf-8").splitlines()
    second = by_span([json.loads(line) for line in lines if line.strip()])
    if set(first) != set(second):
        print(f"the two label different spans: {len(set(first) ^ set(second))} apart")
        return 2
    print("second against first:", scored(second, first))
    print("first against second:", scored(first, second))
    n = len(first)
    same = sum(first[s]["label"] == second[s]["label"] for s in first) / n
    one = Counter(str(lab["label"]) for lab in first.values())
    two = Counter(str(lab["label"]) for lab in second.values())
    chance = sum(one[k] * two[k] for k in LABELS) / n**2
    kappa = (same - chance) / (1 - chance)
    print(f"{n} spans: the same label {same:.3f}, Cohen's kappa {kappa:.3f}")
    pairs = Counter((str(first[s]["label"]), str(second[s]["label"])) for s in first)
    print("first (rows) against second (columns):", "  ".join(LABELS))
    for a in LABELS:
        print(f"  {a:11s}", "  ".join(f"{pairs[(a, b)]:5d}" for b in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
