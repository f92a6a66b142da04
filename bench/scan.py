#!/usr/bin/env python3
"""The organisation scan end to end, against a bare Aho-Corasick scan in the same run.

    python bench/scan.py                      # ../shared/corpus (2,624 documents, 54 MB)
    python bench/scan.py --corpus DIR

Each scan is ``taalwacht scan CORPUS --db FRESH.db`` as a user runs it: reading, checking,
store writes (SQLite, WAL) and all. Printed: MB/s, documents/s and peak memory of each run,
and the ratios the organisation-view issue sets:

1. a full scan (all cores) against the bare scan of the same text: at most 4x;
2. an unchanged rescan against the full scan: under 10%;
3. 1 worker against 2 workers: 2 at least 1.5x faster.

The bare scan is pyahocorasick over the lower-cased text for the engine's stems, best of
three, in this process, so the ratios compare runs on the same machine in the same call.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ahocorasick

from taalwacht.engine import Engine
from taalwacht.packs import load_bundled

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def bare_scan(texts: list[str], stems: list[str]) -> float:
    automaton = ahocorasick.Automaton()
    for stem in stems:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for text in texts:
            for _hit in automaton.iter(text.lower()):
                pass
        best = min(best, time.perf_counter() - t0)
    return best


# Runs one scan and prints the largest resident size among it and its workers (kB): the
# benchmark's own RUSAGE_CHILDREN would keep the largest of all runs so far.
MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stderr.write(done.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""


def run_scan(corpus: Path, db: Path, jobs: int | None) -> tuple[float, int, str]:
    """Wall time, peak memory (kB) and the summary line of one ``taalwacht scan``."""
    command = [sys.executable, "-m", "taalwacht", "scan", str(corpus), "--db", str(db)]
    if jobs:
        command += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"scan failed ({done.returncode}): {done.stderr}")
    return took, int(done.stdout.strip()), done.stderr.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (it lives in ../shared/corpus next to the repo)")
        return 2
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    texts = [p.read_text("utf-8", errors="replace") for p in files if p.suffix == ".txt"]
    size = sum(p.stat().st_size for p in files)
    mb = size / 1e6
    bare = bare_scan(texts, Engine([load_bundled("markttaal")]).stems)
    print(f"corpus: {len(files)} files, {mb:.1f} MB; bare scan {bare:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for name, jobs, db in (
            ("full, all cores", None, "all.db"),
            ("rescan, unchanged", None, "all.db"),
            ("full, 1 worker", 1, "one.db"),
            ("full, 2 workers", 2, "two.db"),
        ):
            took, peak, summary = run_scan(args.corpus, Path(tmp) / db, jobs)
            runs[name] = took
            print(
                f"{name:18} {took:7.2f} s  {mb / took:6.2f} MB/s  {len(files) / took:7.1f} docs/s"
                f"  peak {peak / 1024:.0f} MB"
            )
            print(f"{'':18} {summary}")
    full, rescan = runs["full, all cores"], runs["rescan, unchanged"]
    speedup = runs["full, 1 worker"] / runs["full, 2 workers"]
    print(f"full scan / bare scan:   {full / bare:5.2f}x  (target <= 4x)")
    print(f"rescan / full scan:      {rescan / full:5.1%}  (target < 10%)")
    print(f"1 worker / 2 workers:    {speedup:5.2f}x  (target >= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
