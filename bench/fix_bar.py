#!/usr/bin/env python3
"""Where `fix` should stop trusting a finding: the confidence of every reported finding
against its label, counted at a range of bars.

    python bench/fix_bar.py devdata/frozen125 devdata/frozen124 ...
    PYTHONPATH=/tmp/wt125/src python bench/fix_bar.py devdata/frozen125   # its scoring engine

`fix` rewrites a reported finding only when its confidence reaches ``FIX_SURE``
(``rewrite/plan.py``); below it the finding is shown, not rewritten. For each bar this
prints how many reported findings labelled ``flag`` would still be rewritten and how many
labelled mention, commercial or other (words `fix` must never change). Only reported
findings count: what `check` leaves quiet `fix` never touches.

The bar is chosen on rounds the engine had not seen, each scored with the engine that
scored it first (the README names the commit): on text it learned from, the calibration
remembers its own errors and a false positive looks as sure as a flag. Uses only
``taalwacht.check``, so older engines on ``PYTHONPATH`` run it as they are.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from pool import label_at  # tools/pool.py: the label over a span, as the tools read it

from accuracy import labels_by_doc, load_set  # bench/accuracy.py: one reader for every set
from taalwacht import check

PROTECTED = ("mention", "commercial", "other")
BARS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def tally(folder: Path) -> Counter[tuple[str, float | None]]:
    """(label, confidence) of every reported finding in the set, "-" where no labelled
    span overlaps it."""
    counts: Counter[tuple[str, float | None]] = Counter()
    docs, labels = load_set(folder)
    by_doc = labels_by_doc(labels)
    for doc in docs:
        spans = by_doc.get(doc["id"], [])
        for f in check(doc["text"]):
            if f.reported:
                counts[(label_at(spans, f.start, f.end), f.confidence)] += 1
    return counts


def kept(counts: Counter[tuple[str, float | None]], labels: tuple[str, ...], bar: float) -> int:
    """Findings with one of ``labels`` that a bar of ``bar`` still lets `fix` rewrite (a
    finding without a confidence, a name or a writer's choice, is always let through)."""
    return sum(n for (lab, c), n in counts.items() if lab in labels and (c is None or c >= bar))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path, help="labelled sets (bench/accuracy.py format)")
    a = ap.parse_args()
    total: Counter[tuple[str, float | None]] = Counter()
    print("set: at each bar, flags still rewritten / protected words still changed")
    for folder in a.sets:
        counts = tally(folder)
        total.update(counts)
        row = "  ".join(
            f"{bar}: {kept(counts, ('flag',), bar)}/{kept(counts, PROTECTED, bar)}" for bar in BARS
        )
        print(f"{folder}  {row}")
    if len(a.sets) > 1:
        row = "  ".join(
            f"{bar}: {kept(total, ('flag',), bar)}/{kept(total, PROTECTED, bar)}" for bar in BARS
        )
        print(f"all  {row}")


if __name__ == "__main__":
    main()
