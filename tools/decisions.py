#!/usr/bin/env python3
"""The engine's errors on a labelled set by class, and what a change does to its decisions.

    python tools/decisions.py errors /tmp/split/train             # counts by rule
    python tools/decisions.py errors devdata/frozen95 --show use.person
    python tools/decisions.py diff /tmp/base/src /tmp/split/dev ../shared/eval/dev

``errors``: every false positive counted by the rule that reported it and the label it
contradicts, every miss by the rule that kept it quiet ("unseen" where no occurrence was
found): the classes of error, which are what a change should address, never one sentence.
``--show RULE`` prints each error of that rule in its context.

``writers SET...``: precision and recall apart for text a public body wrote and text anyone
else wrote, as the labellers' ``genre`` of each paragraph says (a municipal web page, a
ministry's annual report; an insurer's site, a copywriter's blog). The engine reads only the
text; a labeller also knew who wrote it.

``diff BASE SET...``: the decisions of the engine under ``BASE`` (a folder holding the
``taalwacht`` package, e.g. a copy of ``src`` taken before a change, or a worktree's
``src``) against the engine in this repository's ``src`` (always that one, whatever
``PYTHONPATH`` says: to weigh another copy, give it as ``BASE`` and read the signs the
other way), on each set: every occurrence whose reported state differs, with its label and
both rules, and the counts by label. A change that gains flags only where it loses
commercial words is a trade, not a cure.

Sets have the format of ``bench/accuracy.py`` (a frozen round's batches together).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pool import label_at

from accuracy import labels_by_doc, load_set  # bench/accuracy.py: one reader for every set

ROOT = Path(__file__).resolve().parent.parent

PROTECTED = ("mention", "commercial", "other")


def errors(folder: Path, show: str) -> int:
    from taalwacht import check

    docs, labels = load_set(folder)
    by_doc = labels_by_doc(labels)
    wrong: Counter[tuple[str, str]] = Counter()
    missed: Counter[str] = Counter()
    for doc in docs:
        text = doc["text"]
        findings = check(text, explain=True)
        for label in by_doc.get(doc["id"], []):
            start, end = int(str(label["start"])), int(str(label["end"]))
            over = [f for f in findings if f.start < end and start < f.end]
            reported = [f for f in over if f.reported]
            kind = str(label["label"])
            if kind == "flag" and not reported:
                rule = over[0].rule if over else "unseen"
                missed[rule] += 1
            elif kind in PROTECTED and reported:
                rule = reported[0].rule
                wrong[(rule, kind)] += 1
            else:
                continue
            if rule == show:
                miss = "FN" if kind == "flag" else f"FP ({kind})"
                around = text[max(0, start - 90) : end + 60]
                print(f"{miss} {doc['id']} {label['surface']!r}: {around!r}")
    print("false positives by rule and label:")
    for (rule, kind), n in wrong.most_common():
        print(f"  {n:5d}  {rule}  ({kind})")
    print("misses by the rule that kept them quiet:")
    for rule, n in missed.most_common():
        print(f"  {n:5d}  {rule}")
    return 0


def decided(package: str, folder: Path) -> dict[str, list[list[object]]]:
    """Every occurrence's place, rule and reported state in each paragraph of ``folder``,
    by the engine whose package lies under ``package`` (checked in a process of its own)."""
    code = (
        "import json, sys; from taalwacht import check; "
        "docs = json.load(sys.stdin); "
        "print(json.dumps({i: [[f.start, f.end, f.rule, f.reported] "
        "for f in check(t, explain=True)] for i, t in docs.items()}))"
    )
    docs, _ = load_set(folder)
    env = {**os.environ, "PYTHONPATH": package}
    run = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps({d["id"]: d["text"] for d in docs}),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, list[list[object]]] = json.loads(run.stdout)
    return result


def diff(base: str, folders: list[Path]) -> int:
    now = str(ROOT / "src")
    counts: Counter[tuple[str, str]] = Counter()
    for folder in folders:
        docs, labels = load_set(folder)
        text = {d["id"]: d["text"] for d in docs}
        by_doc = labels_by_doc(labels)
        before, after = decided(base, folder), decided(now, folder)
        for doc, found in before.items():
            old = {(f[0], f[1]): f for f in found}
            new = {(f[0], f[1]): f for f in after.get(doc, [])}
            for place in sorted(set(old) | set(new)):
                was, now_ = old.get(place), new.get(place)
                if bool(was and was[3]) == bool(now_ and now_[3]):
                    continue
                start, end = place
                kind = label_at(by_doc.get(doc, []), start, end)
                kind = "unlabelled" if kind == "-" else kind
                sign = "+" if now_ and now_[3] else "-"
                counts[(sign, kind)] += 1
                rules = f"{was[2] if was else '-'} -> {now_[2] if now_ else '-'}"
                around = text[doc][max(0, start - 90) : end + 50]
                print(f"{sign} {kind} {doc} {rules} {around!r}")
    print("reported now (+) or no longer (-), by label:", dict(sorted(counts.items())))
    return 0


# the labellers' genres of text a public body wrote: "municipal web page", "ministry annual
# report", "government agency web page", "parliamentary paper", "inspectorate web page"; not
# what others wrote about public bodies or for them ("copywriter blog on municipal letters",
# "news on regulator", "consultancy project page (provincial ...)", "marketing agency blog")
PUBLIC_WRITER = re.compile(
    r"government|municipal|gemeente|ministr|inspectorate|parliament|agency|province|"
    r"provincial|public body|council|water ?board|uwv|svb|rijks|court|police|regulator|"
    r"omgevingsdienst|safety region|ggd|national audit|national benefits|central bank|"
    r"legal aid board",
    re.IGNORECASE,
)
OTHER_WRITER = re.compile(
    r"blog|consultanc|copywrit|marketing|communication agency|editing agency|collection agency|"
    r"newspaper|news on|trade news|trade magazine|tech news|regional news|current-affairs|"
    r"opinion|thesis|student|software|broker|firm|company|association|design-system agency",
    re.IGNORECASE,
)


def writers(folders: list[Path]) -> int:
    from taalwacht import check

    for folder in folders:
        docs, labels = load_set(folder)
        by_doc = labels_by_doc(labels)
        counts: Counter[tuple[str, str]] = Counter()
        for doc in docs:
            genre = doc.get("genre", "")
            public = PUBLIC_WRITER.search(genre) and not OTHER_WRITER.search(genre)
            writer = "public body" if public else "others"
            reported = [f for f in check(doc["text"]) if f.reported]
            for label in by_doc.get(doc["id"], []):
                start, end = int(str(label["start"])), int(str(label["end"]))
                hit = any(f.start < end and start < f.end for f in reported)
                if label["label"] == "flag":
                    counts[(writer, "flags")] += 1
                    counts[(writer, "tp")] += hit
                elif label["label"] in PROTECTED:
                    counts[(writer, "fp")] += hit
        for writer in ("public body", "others"):
            tp, fp, flags = (counts[(writer, k)] for k in ("tp", "fp", "flags"))
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / flags if flags else 0.0
            print(
                f"{folder}, written by {writer}: precision {p:.3f}  recall {r:.3f}  "
                f"(tp {tp}, fp {fp}, {flags} flags)"
            )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("errors", help="errors on a set by rule")
    e.add_argument("set", type=Path)
    e.add_argument("--show", default="", help="print each error of this rule")
    d = sub.add_parser("diff", help="decisions that differ from an engine under BASE")
    d.add_argument("base", help="a folder holding the taalwacht package to compare with")
    d.add_argument("sets", type=Path, nargs="+")
    w = sub.add_parser("writers", help="precision and recall by who wrote the text")
    w.add_argument("sets", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "writers":
        return writers(args.sets)
    if args.command == "errors":
        return errors(args.set, args.show)
    return diff(args.base, args.sets)


if __name__ == "__main__":
    raise SystemExit(main())
