#!/usr/bin/env python3
"""The labelled pool (devdata/pool): check it, and split it by source.

    python tools/pool.py check            # offsets, labels, ids; sources not in the dev set,
                                          # nothing from the shared corpus
    python tools/pool.py known OUT        # the sources labelled so far, one a line, for the
                                          # labellers of the next frozen test to avoid
    python tools/pool.py drop [--apply]   # the next frozen test's paragraphs whose source or
                                          # text the labelled data has, or nearly has:
                                          # counts, unread
    python tools/pool.py split OUT        # OUT/{train,dev,test}/{corpus,labels}.jsonl

A source goes wholly to one split, chosen by a hash of its host and path (so a split stays
the same as the pool grows): about 60% train, 20% development, 20% frozen test. The frozen
test split is scored once per round; this script prints only its size, never its text.

Rounds: round 1's frozen test (hash bucket 80-99 of devdata/pool) was scored once on
2026-12-02 and has joined the training split since. Each later round's frozen test is a
separate folder of new sources, devdata/frozen<N>, labelled after the round before was
scored; once scored, it joins the training split too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from taalwacht.engine.matching import Matcher

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT / "devdata" / "pool"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "corpus.jsonl"
LABELS = {"flag", "mention", "commercial", "other", "unsure"}


NAMING_QUERY = ("id", "title", "p", "pid")  # a query that names the document, not a view of it


def source_key(source: str) -> str:
    """Host and path, without scheme, query or fragment: one document, however it is cited.
    Where the query names the document (a court ruling's ``inziendocument?id=ECLI:...``, a
    wiki's ``index.php?title=``), that part of it stays: without it every ruling is one source."""
    parts = urlsplit(source if "://" in source else f"x://{source}")
    key = parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")
    query = parse_qs(parts.query)
    naming = next((f"?{name}={query[name][0]}" for name in NAMING_QUERY if name in query), "")
    return (key + naming).lower()


GITHUB_REF = re.compile(r"^(github\.com/[^/]+/[^/]+)/(?:blob|tree|raw)/[^/]+(/.*)$")
RAW_GITHUB = re.compile(r"^raw\.githubusercontent\.com/([^/]+/[^/]+)/[^/]+(/.*)$")


def document_key(source: str) -> str:
    """The document a source names, however it is spelled: percent-escapes decoded, and a
    GitHub file with or without its branch or commit (github.com/o/r/blob/main/a.md,
    raw.githubusercontent.com/o/r/main/a.md and github.com/o/r/a.md are one document).
    Only for finding what is labelled already; the splits keep ``source_key``."""
    key = unquote(source_key(source))
    if m := GITHUB_REF.match(key):
        return m.group(1) + m.group(2)
    if m := RAW_GITHUB.match(key):
        return f"github.com/{m.group(1)}{m.group(2)}"
    return key


def spellings(source: str) -> set[str]:
    """The keys a source is known by: as written (``source_key``) and as the document it
    names (``document_key``); labellers grep the list for either."""
    return {source_key(source), document_key(source)}


ROUND = 130
FROZEN = ROOT / "devdata" / f"frozen{ROUND}"
SCORED = [ROOT / "devdata" / f"frozen{n}" for n in range(2, ROUND)]  # now training data


def label_at(labels: list[dict[str, object]], start: int, end: int) -> str:
    """The label of the first labelled span that overlaps ``[start, end)``; "-" for none."""
    for lab in labels:
        if int(str(lab["start"])) < end and start < int(str(lab["end"])):
            return str(lab["label"])
    return "-"


def add_hold_out(parser: argparse.ArgumentParser) -> None:
    """``--hold-out``, for the training scripts: scored frozen folders to leave out."""
    parser.add_argument(
        "--hold-out",
        type=Path,
        action="append",
        default=[],
        help="a scored frozen folder to leave out of training, to see how a model trained "
        "without it does on it (as on a new round); repeatable; never for the shipped model",
    )


def ids_in(folders: list[Path]) -> set[object]:
    """The ids of the paragraphs in ``folders``: the scored frozen tests, or those a training
    script leaves out (``--hold-out``)."""
    return {d["id"] for folder in folders for d in load(folder)[0]}


def split_of(source: str) -> str:
    """train or dev for a pool source (round 1's test buckets now train)."""
    bucket = int(hashlib.sha256(source_key(source).encode()).hexdigest(), 16) % 100
    return "dev" if 60 <= bucket < 80 else "train"


def batches(root: Path) -> list[Path]:
    """The labelled folders under ``root`` (a genre group of the pool, a round's batch)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "labels.jsonl").is_file())


def load(root: Path = POOL) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    docs: list[dict[str, object]] = []
    labels: list[dict[str, object]] = []
    for folder in batches(root):
        more_docs, more_labels = _read(folder)
        docs, labels = docs + more_docs, labels + more_labels
    return docs, labels


def check() -> int:
    docs, labels = load_training()
    scored = ids_in(SCORED)
    frozen_docs, frozen_labels = load(FROZEN)
    frozen_ids = {d["id"] for d in frozen_docs}
    docs, labels = docs + frozen_docs, labels + frozen_labels
    problems = []
    by_id = {}
    for d in docs:
        if d["id"] in by_id:
            problems.append(f"duplicate doc id {d['id']}")
        by_id[d["id"]] = d
    for lab in labels:
        doc = by_id.get(lab["doc"])
        if doc is None:
            problems.append(f"label for unknown doc {lab['doc']}")
            continue
        text = str(doc["text"])
        if text[int(lab["start"]) : int(lab["end"])] != lab["surface"]:
            problems.append(f"{lab['doc']}: offsets do not give {lab['surface']!r}")
        if lab["label"] not in LABELS:
            problems.append(f"{lab['doc']}: unknown label {lab['label']!r}")
        if lab["label"] == "flag" and not lab.get("expected"):
            problems.append(f"{lab['doc']}: a flag without expected replacements")
    problems += _from_the_corpus(docs, frozen_ids)
    if DEV.is_file():
        dev = {source_key(json.loads(x)["source"]) for x in DEV.open(encoding="utf-8")}
        shared = {source_key(str(d["source"])) for d in docs} & dev
        problems += [f"source also in the dev set: {s}" for s in sorted(shared)]
    sources = {source_key(str(d["source"])) for d in docs}
    print(f"{len(docs)} paragraphs, {len(labels)} occurrences, {len(sources)} sources")
    print("labels:", dict(Counter(str(x["label"]) for x in labels)))
    sizes = Counter(
        "test" if x["doc"] in frozen_ids else split_of_doc(by_id[x["doc"]], scored)
        for x in labels
        if x["doc"] in by_id
    )
    print("occurrences per split:", dict(sizes))
    for p in problems[:30]:
        print("problem:", p)
    return 1 if problems else 0


CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_REPOSITORY = "statengeneraal/laws-markdown"  # where the shared corpus comes from
PROBE = 120  # characters of a paragraph (spaces normalised) that identify it in the corpus


def in_the_corpus(docs: list[dict[str, object]]) -> set[object]:
    """Ids of paragraphs whose text stands in the shared regulation corpus: the corpus is
    never labelled for training, so that it stays a fair test (issue 8). One Aho-Corasick
    pass over the corpus for all paragraphs at once."""
    if not CORPUS.is_dir() or not docs:
        return set()
    probes: dict[str, list[object]] = {}
    for d in docs:
        probes.setdefault(" ".join(str(d["text"]).split())[:PROBE], []).append(d["id"])
    matcher = Matcher(probes, dfa=False)  # 30,000 probes of 120 characters
    found: set[object] = set()
    for path in CORPUS.rglob("*.txt"):
        for _, ids in matcher.hits(" ".join(path.read_text("utf-8").split())):
            found.update(ids)
    return found


def _from_the_corpus(docs: list[dict[str, object]], frozen: set[object]) -> list[str]:
    """Paragraphs from the shared corpus, and new ones from its repository."""
    problems = [
        f"{i}: its text is in the shared corpus" for i in sorted(map(str, in_the_corpus(docs)))
    ]
    return problems + [
        f"{d['id']}: from {CORPUS_REPOSITORY}, where the shared corpus comes from"
        for d in docs
        if d["id"] in frozen and CORPUS_REPOSITORY in str(d["source"]).lower()
    ]


def load_training() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The pool and the frozen tests of earlier rounds, which were scored and joined it."""
    docs, labels = load()
    for folder in SCORED:
        more_docs, more_labels = load(folder)
        docs, labels = docs + more_docs, labels + more_labels
    return docs, labels


def training_split(
    hold_out: list[Path],
) -> tuple[list[dict[str, object]], dict[object, list[dict[str, object]]]]:
    """The training split's paragraphs, less the scored folders ``hold_out``, and each
    paragraph's labels by its id (what the training scripts learn from)."""
    docs, labels = load_training()
    held = ids_in(hold_out)
    scored = ids_in(SCORED)
    by_doc: dict[object, list[dict[str, object]]] = {}
    for lab in labels:
        by_doc.setdefault(lab["doc"], []).append(lab)
    train = [d for d in docs if d["id"] not in held and split_of_doc(d, scored) == "train"]
    return train, by_doc


def split_of_doc(doc: dict[str, object], scored: set[object]) -> str:
    return "train" if doc["id"] in scored else split_of(str(doc["source"]))


def split(out: Path) -> int:
    docs, labels = load_training()
    scored = ids_in(SCORED)
    where = {d["id"]: split_of_doc(d, scored) for d in docs}
    frozen_docs, frozen_labels = load(FROZEN)
    pooled = {source_key(str(d["source"])) for d in docs}
    for d in frozen_docs:
        if source_key(str(d["source"])) in pooled:
            raise SystemExit(f"frozen source also in the pool: {d['source']}")
        where[d["id"]] = "test"
    docs, labels = docs + frozen_docs, labels + frozen_labels
    for name in ("train", "dev", "test"):
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        _write(folder / "corpus.jsonl", [d for d in docs if where[d["id"]] == name])
        _write(folder / "labels.jsonl", [lab for lab in labels if where.get(lab["doc"]) == name])
    print(f"written to {out}/train, dev, test")
    return 0


def _labelled_elsewhere(docs: list[dict[str, object]]) -> tuple[set[str], set[str]]:
    """Source keys and normalised texts of ``docs`` (``_labelled_docs``)."""
    keys = {key for d in docs for key in spellings(str(d["source"]))}
    return keys, {_normal(d["text"]) for d in docs}


def _labelled_docs() -> list[dict[str, object]]:
    """The paragraphs of the training data and the shared dev set."""
    docs, _ = load_training()
    if DEV.is_file():
        docs += [json.loads(x) for x in DEV.open(encoding="utf-8")]
    return docs


# A paragraph that shares this much of its word 5-grams with one labelled paragraph is a
# near-duplicate (a page copied to another path, a template's repeated rows, a quotation),
# dropped unread like an exact copy; rounds 59-98 ran such a check from scripts outside the
# repository
SHINGLE = 5
NEAR_DUPLICATE = 0.6
WORD_RUN = re.compile(r"\w+")
INDEPENDENT = [ROOT / "tests" / "data" / "independent", ROOT / "tests" / "data" / "independent2"]


def _shingles(text: object) -> set[str]:
    words = WORD_RUN.findall(str(text).lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def near_duplicates(
    docs: list[dict[str, object]], labelled: list[dict[str, object]]
) -> set[object]:
    """Ids of ``docs`` at least NEAR_DUPLICATE of whose word 5-grams stand in one paragraph
    of ``labelled``."""
    index: dict[str, set[int]] = {}
    for n, d in enumerate(labelled):
        for shingle in _shingles(d["text"]):
            index.setdefault(shingle, set()).add(n)
    found: set[object] = set()
    for d in docs:
        own = _shingles(d["text"])
        shared = Counter(n for shingle in own for n in index.get(shingle, ()))
        if shared and max(shared.values()) >= NEAR_DUPLICATE * len(own):
            found.add(d["id"])
    return found


def _normal(text: object) -> str:
    return " ".join(str(text).lower().split())


def known(out: Path) -> int:
    """Every source labelled so far (and the frozen test's), for labellers to grep."""
    sources, _ = _labelled_elsewhere(_labelled_docs())
    sources |= {key for d in load(FROZEN)[0] for key in spellings(str(d["source"]))}
    out.write_text("".join(f"{s}\n" for s in sorted(sources)), encoding="utf-8")
    print(f"{len(sources)} sources written to {out}")
    return 0


def drop(apply: bool) -> int:
    """Drop, unread, the frozen test's paragraphs whose source or text the labelled data
    already has, whose text an earlier batch of the same round has, whose text stands in
    the shared corpus (never labelled, issue 8), or that are near-duplicates of a labelled
    paragraph (``near_duplicates``; the independent sets count too): a frozen test must be
    new text. Prints counts only, never text."""
    labelled = _labelled_docs()  # read once: the training data is some 20 MB
    sources, texts = _labelled_elsewhere(labelled)
    seen: set[str] = set()
    read = [(batch, *_read(batch)) for batch in batches(FROZEN)]
    new = [d for _, docs, _ in read for d in docs]
    corpus = in_the_corpus(new)  # one pass over 54 MB
    for folder in INDEPENDENT:
        labelled += load(folder)[0]
    similar = near_duplicates(new, labelled)
    for batch, docs, labels in read:
        keep, why = [], Counter[str]()
        for d in docs:
            text = _normal(d["text"])
            if d["id"] in corpus:
                why["shared corpus"] += 1
            elif spellings(str(d["source"])) & sources:
                why["source"] += 1
            elif text in texts:
                why["text"] += 1
            elif text in seen:
                why["earlier batch"] += 1
            elif d["id"] in similar:
                why["near-duplicate"] += 1
            else:
                keep.append(d)
                seen.add(text)
        ids = {d["id"] for d in keep}
        kept = [lab for lab in labels if lab["doc"] in ids]
        flags = sum(lab["label"] == "flag" for lab in kept)
        print(
            f"{batch.name}: paragraphs {len(docs)} -> {len(keep)}, occurrences {len(labels)} -> "
            f"{len(kept)} ({flags} flags); dropped {dict(why) or 'none'}"
        )
        if apply:
            _write(batch / "corpus.jsonl", keep)
            _write(batch / "labels.jsonl", kept)
    if not apply:
        print("nothing changed: run with --apply to drop them")
    return 0


def _read(folder: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    docs = [json.loads(x) for x in (folder / "corpus.jsonl").open(encoding="utf-8") if x.strip()]
    labels = [json.loads(x) for x in (folder / "labels.jsonl").open(encoding="utf-8") if x.strip()]
    return docs, labels


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    to = sub.add_parser("split")
    to.add_argument("out", type=Path)
    listed = sub.add_parser("known")
    listed.add_argument("out", type=Path)
    dropping = sub.add_parser("drop")
    dropping.add_argument("--apply", action="store_true")
    args = parser.parse_args()
    if args.command == "known":
        return known(args.out)
    if args.command == "drop":
        return drop(args.apply)
    return check() if args.command == "check" else split(args.out)


if __name__ == "__main__":
    sys.exit(main())
