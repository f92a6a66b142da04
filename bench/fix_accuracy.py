#!/usr/bin/env python3
"""How much `taalwacht fix` rewrites on a labelled set, and that it rewrites nothing else.

    python bench/fix_accuracy.py                       # the dev set in ../shared/eval/dev
    python bench/fix_accuracy.py --set DIR --verbose   # any set in the same format

The set format is that of bench/accuracy.py (corpus.jsonl and labels.jsonl). Each paragraph
is fixed as plain text through the public API (``taalwacht.fix``, safe fixes only, or with
``--unsafe``). Reported:

- flags rewritten: `flag` spans that an edit touched, out of all `flag` spans;
- expected: of the rewritten flags with an `expected` list, the share whose new word equals
  one of them (case-insensitive; a leading article in `expected` is ignored, and the new
  text is compared with and without the agreeing article before it): a best effort, since
  `expected` lists what a person would write, not every good word;
- untouched: `mention`, `commercial` and `other` spans whose text changed; this must be 0;
- left: findings `fix` left for a person, by reason.

Exit code 0 when no protected span changed, 1 when one did, 2 when the set is missing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from accuracy import load_set, parts  # bench/accuracy.py: one reader for every set
from taalwacht import fix
from taalwacht.model.edit import Edit

DEFAULT_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"
PROTECTED = ("mention", "commercial", "other")
ARTICLES = ("de ", "het ", "een ", "uw ", "onze ", "ons ")


def map_span(start: int, end: int, edits: tuple[Edit, ...]) -> tuple[int, int]:
    """Where ``[start, end)`` of the original lies in the fixed text (edits sorted).

    An edit that overlaps an end of the span is taken in whole, so the span grows to cover
    its replacement ("product" -> "voorziening").
    """
    return _new_pos(start, edits, right=False), _new_pos(end, edits, right=True)


def _new_pos(pos: int, edits: tuple[Edit, ...], *, right: bool) -> int:
    shift = 0
    for e in edits:
        if (e.end <= pos and e.start < pos) or e.end < pos:
            shift += len(e.text) - (e.end - e.start)
        elif e.start < pos < e.end:  # inside an edit: its start, or the end of its text
            return e.start + shift + (len(e.text) if right else 0)
    return pos + shift


def _matches(new: str, expected: list[str], before: str) -> bool:
    good = set()
    for x in expected:
        low = str(x).lower().strip()
        good.add(low)
        for article in ARTICLES:
            if low.startswith(article):
                good.add(low[len(article) :])
    word = new.lower().strip()
    # an article fix wrote with the word ("van KCC" -> "van het contactcentrum") is agreement
    bare = next((word[len(a) :] for a in ARTICLES if word.startswith(a)), word)
    return word in good or bare in good or f"{before.lower()} {word}".strip() in good


def run(folder: Path, *, unsafe: bool, verbose: bool) -> int:
    docs, labels = load_set(folder)
    by_doc: dict[str, list[dict[str, object]]] = {}
    for label in labels:
        by_doc.setdefault(str(label["doc"]), []).append(label)
    flags = rewritten = with_expected = matched = 0
    protected = changed = unsure_rewritten = words = 0
    left: Counter[str] = Counter()
    for doc in docs:
        text = doc["text"]
        result = fix(text, unsafe=unsafe)
        words += len(result.done)
        for item in result.left:
            left[item.reason.split(":")[0][:60]] += 1
            if verbose:
                print(f"LEFT {doc['id']} {item.finding.text!r}: {item.reason}")
        for label in by_doc.get(doc["id"], []):
            start, end = int(str(label["start"])), int(str(label["end"]))
            touched = any(e.start < end and start < e.end for e in result.edits)
            kind = str(label["label"])
            if kind == "flag":
                flags += 1
                if not touched:
                    continue
                rewritten += 1
                expected = label.get("expected") or []
                if isinstance(expected, list) and expected:
                    with_expected += 1
                    s, e = map_span(start, end, result.edits)
                    new = result.text[s:e]
                    words_before = result.text[:s].split()
                    before = words_before[-1] if words_before else ""
                    ok = _matches(new, [str(x) for x in expected], before)
                    matched += ok
                    if verbose and not ok:
                        print(
                            f"EXPECTED {doc['id']} {label['surface']!r} -> {new!r}; "
                            f"expected {expected}"
                        )
            elif kind in PROTECTED:
                protected += 1
                s, e = map_span(start, end, result.edits)
                if touched or result.text[s:e] != text[start:end]:
                    changed += 1
                    print(
                        f"CHANGED {kind} {doc['id']} {label['surface']!r} -> {result.text[s:e]!r}"
                    )
            elif kind == "unsure" and touched:
                unsure_rewritten += 1
    share = rewritten / flags if flags else 0.0
    exp_share = matched / with_expected if with_expected else 0.0
    mode = "safe and unsafe fixes" if unsafe else "safe fixes only"
    print(f"fix on {len(docs)} paragraphs ({mode}): {words} words rewritten")
    print(f"flags rewritten   {rewritten}/{flags} = {share:.3f}")
    print(
        f"expected word     {matched}/{with_expected} = {exp_share:.3f} (of rewritten flags "
        "with an expected value)"
    )
    print(f"protected changed {changed}/{protected} mention/commercial/other spans (must be 0)")
    print(f"unsure rewritten  {unsure_rewritten}")
    print(f"left for a person {sum(left.values())}: {dict(left.most_common())}")
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="folder with the set")
    parser.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    folder: Path = args.set
    if not parts(folder) or not all((p / "labels.jsonl").is_file() for p in parts(folder)):
        print(
            f"no labelled set at {folder}: it needs corpus.jsonl and labels.jsonl, or batches "
            "that hold them "
            "(see ../shared/eval/dev/README.md); pass --set DIR",
            file=sys.stderr,
        )
        sys.exit(2)
    sys.exit(run(folder, unsafe=args.unsafe, verbose=args.verbose))


if __name__ == "__main__":
    main()
