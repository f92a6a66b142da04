#!/usr/bin/env python3
"""Precision and recall on the regulation corpus (the issue's set C) from a judged sample.

    python bench/corpus_sample.py draw devdata/corpus_samples/s84 --judge /tmp/s84.jsonl
    (a judge who has not seen the code labels /tmp/s84.jsonl into judgments.jsonl)
    python bench/corpus_sample.py score devdata/corpus_samples/s84
    python bench/corpus_sample.py score devdata/corpus_samples/s*    # pooled

The corpus (``../shared/corpus``) is never labelled for training, so it is checked by
sampling. ``draw`` checks every document as ``taalwacht check`` does and draws, seeded,
``--reported`` occurrences from what it reports and ``--left`` from what it finds and
leaves: the left ones are where its misses hide, and too rare among all occurrences to
meet by chance. It writes the key (``items.jsonl``: each item's place, stratum and the
engine's rule, with ``draw.json``: commit, seed, stratum sizes) to the sample folder and,
for the judge, the same items shuffled without stratum or rule (``--judge``; kept out of
the sample folder until the judgments are in, so that a judge cannot tell what the engine
did). The judge labels each item in its whole document with
``../shared/eval/GUIDELINES.md`` and writes ``judgments.jsonl`` ({"id", "label", "note"})
into the sample folder.

``score`` checks the judged items again with the engine installed now and weighs each back
to the corpus by its stratum at the draw (an item stands for ``size / drawn`` occurrences
of its stratum): a Horvitz-Thompson estimate, so a sample stays a fair test of an engine
whose decisions have changed since the draw, as long as it still finds the same words.
``unsure`` counts for nothing, as in ``../shared/eval/score.py``. The first score of a
sample, with the engine it was drawn with, is the unseen figure; a later one has seen it.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

from taalwacht import check

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PROTECTED = ("mention", "commercial", "other")


def documents(corpus: Path) -> list[Path]:
    """The corpus's text files, in a stable order."""
    return sorted(corpus.rglob("*.txt"))


def occurrences(corpus: Path) -> list[dict[str, Any]]:
    """Every occurrence the engine finds in the corpus, reported or left."""
    found = []
    for path in documents(corpus):
        text = path.read_text("utf-8")
        for f in check(text, explain=True):
            found.append(
                {
                    "file": str(path.relative_to(corpus)),
                    "start": f.start,
                    "end": f.end,
                    "surface": f.text,
                    "term": f.term,
                    "stratum": "reported" if f.reported else "left",
                    "rule": f.rule,
                }
            )
    return found


def draw(args: argparse.Namespace) -> int:
    out: Path = args.sample
    if (out / "items.jsonl").exists():
        print(f"corpus_sample: {out} holds a sample already", file=sys.stderr)
        return 2
    found = occurrences(args.corpus)
    seed = zlib.crc32(out.name.encode()) if args.seed is None else args.seed
    rng = random.Random(seed)
    sizes = {s: sum(o["stratum"] == s for o in found) for s in ("reported", "left")}
    wanted = {"reported": args.reported, "left": args.left}
    items = []
    for stratum, n in wanted.items():
        pool = [o for o in found if o["stratum"] == stratum]
        items += rng.sample(pool, min(n, len(pool)))
    rng.shuffle(items)
    for number, item in enumerate(items, 1):
        item["id"] = f"{out.name}-{number:03d}"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    out.mkdir(parents=True, exist_ok=True)
    drawn = {s: sum(i["stratum"] == s for i in items) for s in sizes}
    about = {"commit": commit, "seed": seed, "sizes": sizes, "drawn": drawn}
    (out / "draw.json").write_text(json.dumps(about, indent=1) + "\n", "utf-8")
    _write(out / "items.jsonl", items)
    keys = ("id", "file", "start", "end", "surface", "term")
    _write(args.judge, [{k: i[k] for k in keys} for i in items])
    print(f"{len(items)} items of {sizes} drawn (commit {commit}, seed {seed})")
    print(f"key: {out}/items.jsonl; for the judge: {args.judge}")
    return 0


def score(args: argparse.Namespace) -> int:
    tp = fp = fn = 0.0
    unjudged = [str(s) for s in args.samples if not (s / "judgments.jsonl").is_file()]
    if unjudged:
        print(f"corpus_sample: not judged yet: {', '.join(unjudged)}", file=sys.stderr)
        return 2
    for sample in args.samples:
        about = json.loads((sample / "draw.json").read_text("utf-8"))
        items = {i["id"]: i for i in _read(sample / "items.jsonl")}
        judged = {j["id"]: j["label"] for j in _read(sample / "judgments.jsonl")}
        now = _reported_now(args.corpus, items.values())
        weight = {s: about["sizes"][s] / max(1, about["drawn"][s]) for s in about["sizes"]}
        t = f = n = 0.0
        for key, item in items.items():
            label, w = judged.get(key), weight[item["stratum"]]
            reported = (item["file"], item["start"], item["end"]) in now
            t += w * (reported and label == "flag")
            f += w * (reported and label in PROTECTED)
            n += w * (not reported and label == "flag")
        _print(f"{sample.name} (drawn with {about['commit']})", t, f, n, len(judged), len(items))
        tp, fp, fn = tp + t, fp + f, fn + n
    if len(args.samples) > 1:
        _print("pooled", tp, fp, fn, 0, 0)
    return 0


def _reported_now(corpus: Path, items: Any) -> set[tuple[str, int, int]]:
    """The judged items the engine installed now reports: a finding that overlaps one."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_file.setdefault(item["file"], []).append(item)
    reported = set()
    for name, held in by_file.items():
        findings = check((corpus / name).read_text("utf-8"))
        for item in held:
            if any(f.start < item["end"] and item["start"] < f.end for f in findings):
                reported.add((name, item["start"], item["end"]))
    return reported


def _print(name: str, tp: float, fp: float, fn: float, judged: int, items: int) -> None:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    counts = f"; {judged} of {items} items judged" if items else ""
    print(f"{name}: precision {precision:.3f}  recall {recall:.3f}{counts}")


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(text, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="draw a sample to judge")
    d.add_argument("sample", type=Path, help="the sample's folder (its key goes here)")
    d.add_argument("--judge", type=Path, required=True, help="the items for the judge")
    d.add_argument("--seed", type=int, help="default: from the folder's name")
    d.add_argument("--reported", type=int, default=120)
    d.add_argument("--left", type=int, default=80)
    s = sub.add_parser("score", help="score judged samples with the engine installed now")
    s.add_argument("samples", type=Path, nargs="+")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus_sample: no corpus at {args.corpus} (../shared/corpus)", file=sys.stderr)
        return 2
    return draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    raise SystemExit(main())
