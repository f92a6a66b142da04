#!/usr/bin/env python3
"""Count how often each ground of a rule's decision was right on the training split, and
ship it as the rules' confidence (src/taalwacht/engine/data/confidence.json).

    python tools/calibrate.py                          # count on the training split, ship
    python tools/calibrate.py --check /tmp/split/dev ../shared/eval/dev

A ground is a rule id, and for a use of a word for customers, products or staff also what
its passage says of whose the word is (``paragraphs.evidence``: own, shared, none). A
decision is right where its label agrees: a reported use labelled flag; a fixed name
labelled flag or unsure (the guidelines ask at most an info finding for it); a word left
alone labelled commercial, mention or other. Words labelled unsure, and words no label
covers, are not counted. The engine's decisions on the training split are the ones counted;
the rules were written on that split, so these shares are its in-sample view.

``--check SET...``: how well the engine's confidences (the shipped ones, and the learned
models' own) foretell right decisions on sets the counts never saw: the Brier score
against one constant confidence (the share right over all of the set), and the share right
per band of confidence.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from pool import label_at, training_split

from accuracy import labels_by_doc, load_set
from taalwacht.dutch.tokens import lower_same_length
from taalwacht.engine.context import calibration
from taalwacht.engine.context.cues import CueIndex
from taalwacht.engine.context.topic import ASKED
from taalwacht.engine.paragraphs import evidence
from taalwacht.engine.scan import Engine
from taalwacht.model.finding import Decision, Finding
from taalwacht.packs import load_bundled

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "taalwacht" / "engine" / "data" / "confidence.json"
LEFT_ALONE = ("commercial", "mention", "other")
BANDS = (0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def right(finding: Finding, label: str) -> bool | None:
    """Whether the label agrees with the decision; None where the label says nothing."""
    if finding.decision is Decision.FIXED:
        return label in ("flag", "unsure") if label != "-" else None
    if label in ("unsure", "-"):
        return None
    if finding.decision.reported:
        return label == "flag"
    return label in LEFT_ALONE


def judged(
    engine: Engine, text: str, labels: list[dict[str, object]]
) -> Iterator[tuple[Finding, str, bool]]:
    """Each decision of the engine on ``text`` that a label speaks to: the finding, its
    ground, and whether it was right. The ground is found as the engine finds it, on the
    word analysed again (an elided compound does not analyse alone: its rule is its ground)."""
    index = CueIndex(text, lower_same_length(text))
    for f in engine.scan(text):
        if f.decision in (Decision.ALLOWED, Decision.SUPPRESSED):
            continue
        verdict = right(f, label_at(labels, f.start, f.end))
        if verdict is None:
            continue
        said = ""
        if f.decision is Decision.USE:
            word = f.text.lower()
            a = engine.analyse(word) or engine.analyse(word.replace(" ", ""))
            if a is not None and a.watch.term.context in ASKED:
                said = evidence(index, a, f.start, f.end)
        yield f, calibration.ground(f.rule, said), verdict


def count() -> dict[str, tuple[int, int]]:
    """(right, decided) per ground on the training split."""
    engine = Engine([load_bundled("markttaal")])
    train, by_doc = training_split([])
    pairs = []
    for d in train:
        pairs += [
            (key, ok) for _, key, ok in judged(engine, str(d["text"]), by_doc.get(d["id"], []))
        ]
    return calibration.tally(pairs)


def check(folders: list[Path]) -> None:
    """Brier score and share right per band of confidence, on each set."""
    engine = Engine([load_bundled("markttaal")])
    for folder in folders:
        docs, labels = load_set(folder)
        by_doc = labels_by_doc(labels)
        seen: list[tuple[float, bool]] = []
        for d in docs:
            for f, _, ok in judged(engine, d["text"], by_doc.get(d["id"], [])):
                if f.confidence is not None:
                    seen.append((f.confidence, ok))
        if not seen:
            print(f"{folder}: no decision a label speaks to")
            continue
        share = sum(ok for _, ok in seen) / len(seen)
        brier = sum((p - ok) ** 2 for p, ok in seen) / len(seen)
        constant = sum((share - ok) ** 2 for _, ok in seen) / len(seen)
        print(f"{folder}: {len(seen)} decisions, {share:.3f} right")
        print(f"  Brier score {brier:.4f} (one constant confidence: {constant:.4f})")
        low = 0.0
        for high in BANDS:
            band = [ok for p, ok in seen if low <= p < high]
            if band:
                mean = sum(p for p, _ in seen if low <= p < high) / len(band)
                print(
                    f"  confidence {low:.2f}-{min(high, 1.0):.2f}: {len(band):5d} decisions, "
                    f"mean {mean:.3f}, right {sum(band) / len(band):.3f}"
                )
            low = high


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--check", type=Path, nargs="+", help="score the shipped confidences on these sets"
    )
    args = parser.parse_args()
    if args.check:
        check(args.check)
        return 0
    counts = count()
    text = calibration.to_json(
        counts,
        counted_on="the training split (pool/train and the scored frozen tests)",
        prior=calibration.PRIOR,
        made_by="tools/calibrate.py",
    )
    args.out.write_text(text, "utf-8")
    print(f"wrote {args.out}: {len(counts)} grounds, {counts[calibration.ALL][1]} decisions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
