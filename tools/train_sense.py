#!/usr/bin/env python3
"""Train the sense model (src/taalwacht/engine/data/sense.json) on labelled real text.

    pip install -e '.[train]'
    python tools/train_sense.py                        # train, and write the shipped model
    python tools/train_sense.py --out /tmp/sense.json  # train a candidate, ship nothing

The engine runs with a recorder in place of the model: every occurrence the rules leave to
the model gives its features, and its label comes from the labelled span it overlaps. A
multinomial logistic regression (scikit-learn) learns weights per feature and class; the flag
threshold is chosen on the development split (never on the frozen test split). Words that are
themselves watched words never become features, so the model does not learn terms.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pool import (
    SCORED,
    add_hold_out,
    ids_in,
    label_at,
    load_training,
    source_key,
    split_of_doc,
)

from taalwacht.engine.context.features import Features
from taalwacht.engine.context.sense import CLASSES, SenseModel, to_json
from taalwacht.engine.context.verdict import Verdict
from taalwacht.engine.scan import Engine
from taalwacht.packs import load_bundled

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"
OUT = ROOT / "src" / "taalwacht" / "engine" / "data" / "sense.json"


@dataclass
class Recorder:
    """Stands in for the model: keeps each occurrence's features, returns the rules' verdict."""

    rows: list[Features] = field(default_factory=list)
    vocabulary: None = None  # every context word: training chooses them

    def decide(self, features: Features, rules: Verdict) -> Verdict:
        self.rows.append(features)
        return replace(rules, why=f"row {len(self.rows) - 1}")


@dataclass
class Example:
    features: Features
    label: str
    source: str
    where: str = ""  # the occurrence in its text, for reading errors


def read_set(folder: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    docs = [json.loads(x) for x in (folder / "corpus.jsonl").open(encoding="utf-8")]
    labels = [json.loads(x) for x in (folder / "labels.jsonl").open(encoding="utf-8")]
    return docs, labels


def examples(
    engine: Engine,
    recorder: Recorder,
    docs: list[dict[str, object]],
    labels: list[dict[str, object]],
) -> list[Example]:
    by_doc: dict[str, list[dict[str, object]]] = {}
    for lab in labels:
        by_doc.setdefault(str(lab["doc"]), []).append(lab)
    out = []
    for doc in docs:
        text = str(doc["text"])
        for f in engine.scan(text):
            if not f.why.startswith("row "):
                continue  # a rule decided it
            label = label_at(by_doc.get(str(doc["id"]), []), f.start, f.end)
            if label in ("-", "unsure"):
                continue
            row = recorder.rows[int(f.why.split()[1])]
            before, after = text[max(0, f.start - 90) : f.start], text[f.end : f.end + 60]
            where = f"{doc['id']} {before}[[{f.text}]]{after}"
            out.append(Example(row, label, source_key(str(doc.get("source", ""))), where))
    return out


WORD_FEATURES = ("s:", "before=", "after=", "left=", "right=")


def word_of(name: str) -> str:
    """The word a word feature stands for ("s:gezin", "left=wmo"), or ""."""
    if not name.startswith(WORD_FEATURES):
        return ""
    return name[2:] if name.startswith("s:") else name.partition("=")[2]


def keep(name: str, vocabulary: set[str]) -> bool:
    """Plain features always; a word only when common enough and not itself watched."""
    word = word_of(name)
    return not word or word in vocabulary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    parser.add_argument("--min-sources", type=int, default=3, help="sources a word must occur in")
    parser.add_argument("--no-shared-dev", action="store_true", help="train on the pool only")
    parser.add_argument("--min-keep-use", type=float, default=0.1)
    parser.add_argument(
        "--min-overrule",
        type=float,
        default=0.5,
        help="lowest P(flag) from which the model may turn a rule's weak default into a use",
    )
    parser.add_argument(
        "--max-keep-use",
        type=float,
        default=0.25,
        help="highest P(flag) below which the model may overrule the rules' use: plain "
        "municipal sentences are rare in the pool, so the model overrules them only when sure "
        "(at 0.45 it turned 'Klantgericht werken is de norm.' into commerce)",
    )
    parser.add_argument("--beta", type=float, default=1.0, help="F-beta the thresholds maximise")
    parser.add_argument(
        "--folds",
        type=int,
        default=5,
        help="choose the thresholds on out-of-fold probabilities of the training examples, "
        "folds grouped by source (0: on the development split, as before)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    add_hold_out(parser)
    args = parser.parse_args()
    if args.hold_out and args.out == OUT:
        parser.error("--hold-out trains a model for comparison: give --out")

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    recorder = Recorder()
    engine = Engine([load_bundled("markttaal")], sense=recorder)
    docs, labels = load_training()
    held = ids_in(args.hold_out)
    docs = [d for d in docs if d["id"] not in held]
    labels = [lab for lab in labels if lab["doc"] not in held]
    scored = ids_in(SCORED)
    splits: dict[str, tuple[list[dict[str, object]], list[dict[str, object]]]] = {}
    for name in ("train", "dev"):
        ids = {d["id"] for d in docs if split_of_doc(d, scored) == name}
        splits[name] = (
            [d for d in docs if d["id"] in ids],
            [lab for lab in labels if lab["doc"] in ids],
        )
    train = examples(engine, recorder, *splits["train"])
    sets = ["pool/train"]
    if not args.no_shared_dev and (SHARED_DEV / "corpus.jsonl").is_file():
        train += examples(engine, recorder, *read_set(SHARED_DEV))
        sets.append("shared/eval/dev")
    for extra in ("independent", "independent2"):
        folder = ROOT / "tests" / "data" / extra
        train += examples(engine, recorder, *read_set(folder))
        sets.append(f"tests/data/{extra}")
    dev = examples(engine, recorder, *splits["dev"])

    seen: dict[str, set[str]] = {}
    for ex in train:
        for name in ex.features:
            word = word_of(name)
            if word:
                seen.setdefault(word, set()).add(ex.source)
    vocabulary = {
        w for w, s in seen.items() if len(s) >= args.min_sources and engine.analyse(w) is None
    }

    def x(rows: list[Example], vocabulary: set[str]) -> list[Features]:
        return [{k: v for k, v in r.features.items() if keep(k, vocabulary)} for r in rows]

    def fit(rows: list[Example], vocabulary: set[str]) -> dict[str, tuple[float, ...]]:
        vec = DictVectorizer()
        xt = vec.fit_transform(x(rows, vocabulary))
        yt = [CLASSES.index(r.label) for r in rows]
        model = LogisticRegression(C=args.c, max_iter=5000, fit_intercept=False)
        model.fit(xt, yt)
        names = vec.get_feature_names_out()
        coef = model.coef_  # classes x features, classes in sorted order = CLASSES order
        assert list(model.classes_) == list(range(len(CLASSES)))
        return {
            str(n): tuple(round(float(coef[k, j]), 4) for k in range(len(CLASSES)))
            for j, n in enumerate(names)
            if max(abs(coef[k, j]) for k in range(len(CLASSES))) >= 0.002
        }

    weights = fit(train, vocabulary)

    probe = SenseModel(weights, 0.5, 0.5)
    p_dev = [probe.probabilities(r.features)[0] for r in dev]
    ruled = [r.features.get("rules=use", 0.0) > 0 for r in dev]  # the rules alone
    grid = [
        (lo / 100, hi / 100)
        for lo in range(int(args.min_keep_use * 100), int(args.max_keep_use * 100) + 1, 5)
        for hi in range(int(args.min_overrule * 100), 96, 5)
    ]
    if args.folds:
        # The development split is small (about 300 model decisions): thresholds chosen on
        # it alone follow its few sources. Out-of-fold probabilities over the training split
        # are as unseen by each model as the development split, and ten times as many.
        # The development split's probabilities are as unseen: they count too.
        p_oof = _out_of_fold(train, args.folds, lambda rows: fit(rows, vocabulary)) + p_dev
        unseen = train + dev
        keep_use, overrule = max(grid, key=lambda g: _f(p_oof, unseen, *g, beta=args.beta))
        chosen = _flags(p_oof, unseen, keep_use, overrule)
        print(f"  unseen (out of fold and dev): model-stage P/R {_pr(chosen, unseen)}")
    else:
        keep_use, overrule = max(grid, key=lambda g: _f(p_dev, dev, *g, beta=args.beta))
    model_out = SenseModel(weights, keep_use, overrule)
    print(f"train {len(train)} examples {dict(Counter(r.label for r in train))}")
    print(f"dev   {len(dev)} examples {dict(Counter(r.label for r in dev))}")
    print(f"features kept {len(weights)}; keep use from {keep_use}, overrule from {overrule}")
    flags = _flags(p_dev, dev, keep_use, overrule)
    print(f"  rules alone: dev model-stage P/R {_pr(ruled, dev)}")
    print(f"  with model:  dev model-stage P/R {_pr(flags, dev)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        to_json(
            model_out,
            trained_on=sets,
            examples=len(train),
            c=args.c,
            min_sources=args.min_sources,
            thresholds_chosen_on=f"pool/train, {args.folds} folds by source"
            if args.folds
            else "pool/dev",
            beta=args.beta,
        ),
        encoding="utf-8",
    )
    print(f"wrote {args.out}")
    return 0


def _out_of_fold(
    rows: list[Example],
    folds: int,
    fit: Callable[[list[Example]], dict[str, tuple[float, ...]]],
) -> list[float]:
    """P(flag) of each example from a model trained without its source's fold."""
    from sklearn.model_selection import GroupKFold

    p = [0.0] * len(rows)
    groups = [r.source for r in rows]
    for trained, held in GroupKFold(n_splits=folds).split(rows, groups=groups):
        model = SenseModel(fit([rows[i] for i in trained]), 0.5, 0.5)
        for i in held:
            p[i] = model.probabilities(rows[i].features)[0]
    return p


def _flags(p: list[float], rows: list[Example], keep_use: float, overrule: float) -> list[bool]:
    """What SenseModel.decide flags: the rules' use unless P(flag) is low; their weak
    defaults when P(flag) is high; their other decisions as they are."""
    out = []
    for pi, r in zip(p, rows, strict=True):
        if r.features.get("rules=use"):
            out.append(pi >= keep_use)
        else:
            out.append(bool(r.features.get("rules.weak")) and pi >= overrule)
    return out


def _counts(flags: list[bool], rows: list[Example]) -> tuple[int, int, int]:
    tp = sum(f and r.label == "flag" for f, r in zip(flags, rows, strict=True))
    fp = sum(f and r.label != "flag" for f, r in zip(flags, rows, strict=True))
    fn = sum(not f and r.label == "flag" for f, r in zip(flags, rows, strict=True))
    return tp, fp, fn


def _pr(flags: list[bool], rows: list[Example]) -> str:
    tp, fp, fn = _counts(flags, rows)
    return f"{tp / max(1, tp + fp):.3f}/{tp / max(1, tp + fn):.3f} (tp {tp} fp {fp} fn {fn})"


def _f(p: list[float], rows: list[Example], lo: float, hi: float, beta: float) -> float:
    tp, fp, fn = _counts(_flags(p, rows, lo, hi), rows)
    prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return (1 + beta**2) * prec * rec / max(1e-9, beta**2 * prec + rec)


if __name__ == "__main__":
    sys.exit(main())
