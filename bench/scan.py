#!/usr/bin/env python3
"""The organisation scan end to end, against a bare Aho-Corasick scan in the same run.

    python bench/scan.py                      # ../shared/corpus (2,624 documents, 54 MB)
    python bench/scan.py --corpus DIR --rounds 5

Each scan is ``taalwacht scan CORPUS --db FRESH.db`` as a user runs it, in a process of its
own: walking, reading, checking, store writes (SQLite, WAL) and all. Two times are taken of
each run:

- *scan*: the command's work, from the moment its modules are imported until it has printed
  its summary (loading the packs, opening the store, starting the workers included);
- *command*: the whole process as a user waits for it, with the start of Python and the
  imports (about half a second here, the same for every run).

Printed: MB/s, documents/s and peak memory of each kind of run (the median of ``--rounds``
runs), and the ratios the organisation-view issue sets, on the scan times (the bare scan has
no start-up either), with the same ratios on the command times beside them:

1. a full scan (all cores) against the bare scan of the same text: at most 4x;
2. an unchanged rescan against the full scan: under 10%;
3. 1 worker against 2 workers: 2 at least 1.5x faster.

The bare scan is pyahocorasick over the lower-cased text for the engine's stems, in this
process, once in every round before the scans: the ratios compare medians of runs taken in
turn on the same machine in the same call.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from taalwacht.engine import Engine
from taalwacht.packs import load_bundled

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def bare_scanner(stems: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in stems:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton


def bare_scan(texts: list[str], automaton: ahocorasick.Automaton) -> float:
    """One pass of the bare scan over the texts (already in memory), in seconds."""
    t0 = time.perf_counter()
    for text in texts:
        for _hit in automaton.iter(text.lower()):
            pass
    return time.perf_counter() - t0


# Runs ``taalwacht scan`` through its entry point with the modules the command imports
# already loaded, and prints the time of the command's work (s) and the largest resident
# size of the process and its workers (kB).
MEASURE = """
import resource, sys, time
import taalwacht.scan.runner, taalwacht.scan.store
from taalwacht.cli import main
code = 0
t0 = time.perf_counter()
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
took = time.perf_counter() - t0
# this process's own high-water mark: ru_maxrss would keep the benchmark's across exec
own = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")]
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
peak = max(own + [workers])
print(took, peak)
sys.exit(code)
"""


@dataclass
class Run:
    scan: float  # the command's work
    command: float  # the whole process
    peak_kb: int
    summary: str


def run_scan(corpus: Path, db: Path, jobs: int | None) -> Run:
    """One ``taalwacht scan`` in a process of its own."""
    arguments = ["scan", str(corpus), "--db", str(db), "--no-progress"]
    if jobs:
        arguments += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *arguments], capture_output=True, text=True, check=False
    )
    command = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"scan failed ({done.returncode}): {done.stderr}")
    took, peak = done.stdout.split()
    return Run(float(took), command, int(peak), done.stderr.strip().splitlines()[-1])


def _median(runs: list[Run]) -> Run:
    """The median of each time, the largest peak, the last summary."""
    return Run(
        statistics.median(r.scan for r in runs),
        statistics.median(r.command for r in runs),
        max(r.peak_kb for r in runs),
        runs[-1].summary,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each scan (median)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (it lives in ../shared/corpus next to the repo)")
        return 2
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    texts = [p.read_text("utf-8", errors="replace") for p in files if p.suffix == ".txt"]
    size = sum(p.stat().st_size for p in files)
    mb = size / 1e6
    automaton = bare_scanner(Engine([load_bundled("markttaal")]).stems)
    configurations = (
        ("full, all cores", None, "all"),
        ("rescan, unchanged", None, "all"),  # the store the line above filled
        ("full, 1 worker", 1, "one"),
        ("full, 2 workers", 2, "two"),
    )
    taken: dict[str, list[Run]] = {name: [] for name, _, _ in configurations}
    bare_times = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):  # rounds interleave, so a drift hits all alike
            bare_times.append(bare_scan(texts, automaton))
            for name, jobs, db in configurations:
                taken[name].append(run_scan(args.corpus, Path(tmp) / f"{db}{round_}.db", jobs))
    bare = statistics.median(bare_times)
    print(f"corpus: {len(files)} files, {mb:.1f} MB; bare scan {bare:.2f} s")
    runs = {name: _median(found) for name, found in taken.items()}
    for name, run in runs.items():
        print(
            f"{name:18} scan {run.scan:6.2f} s  {mb / run.scan:6.2f} MB/s"
            f"  {len(files) / run.scan:7.1f} docs/s  peak {run.peak_kb / 1024:.0f} MB"
            f"  (command {run.command:.2f} s)"
        )
        print(f"{'':18} {run.summary}")
    full, rescan = runs["full, all cores"], runs["rescan, unchanged"]
    one, two = runs["full, 1 worker"], runs["full, 2 workers"]
    print("                          scan     command")
    print(
        f"full scan / bare scan:   {full.scan / bare:5.2f}x   {full.command / bare:5.2f}x"
        "   (target <= 4x)"
    )
    print(
        f"rescan / full scan:      {rescan.scan / full.scan:5.1%}   "
        f"{rescan.command / full.command:5.1%}   (target < 10%)"
    )
    print(
        f"1 worker / 2 workers:    {one.scan / two.scan:5.2f}x   {one.command / two.command:5.2f}x"
        "   (target >= 1.5x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
