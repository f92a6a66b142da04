"""One scan of a collection into the store: what changed is checked, the rest is kept.

A document is analysed again only when its content, the engine or the term packs changed;
the content hash decides, not the file's time. Results are written in small transactions, so
a scan killed at any point keeps what it stored, and the next scan (which skips what is
stored and unchanged) goes on where it stopped without losing or duplicating a document.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources

import pathspec

from taalwacht._version import __version__
from taalwacht.config import Config
from taalwacht.model.results import FileResult
from taalwacht.scan.pool import Scanned, check_all, jobs_for
from taalwacht.scan.store import Checked, Known, Store
from taalwacht.service import Failed, Service, Skipped, Source

UNKNOWN_DEPARTMENT = "onbekend"
BATCH = 100  # documents per transaction: a kill loses at most these, and they are redone
BATCH_SECONDS = 2.0
ATTACHED = " » "  # how an e-mail's attachment is named after its message


@dataclass
class Summary:
    """What a scan did, for the closing lines and the tests."""

    scan_id: int
    rechecked_all: bool = False
    checked: int = 0
    reused: int = 0
    failed: int = 0
    removed: int = 0
    skipped: int = 0
    findings: int = 0
    words: int = 0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)


@cache
def engine_fingerprint() -> str:
    """The version and a hash of the engine's data (sense model, cue lists): a result
    checked with another engine is checked again, and the report marks the break."""
    digest = hashlib.sha256(__version__.encode())
    for package, folder in (("taalwacht.engine", "data"), ("taalwacht.dutch", "data/cues")):
        root = resources.files(package).joinpath(folder)
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                digest.update(entry.name.encode() + entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def packs_fingerprint(service: Service) -> str:
    """The packs and the settings that change what is reported (severities, allowed phrases)."""
    config = service.config
    digest = hashlib.sha256()
    for pack in service.settings.packs:
        digest.update(pack.fingerprint.encode())
    digest.update(repr(sorted(config.severity.items())).encode())
    digest.update(repr(sorted(config.allow)).encode())
    return digest.hexdigest()[:16]


class Departments:
    """The config's ``[[departments]]``: the first whose globs match a document's path
    (relative to the folder scanned) names its department."""

    def __init__(self, config: Config) -> None:
        self.rules = [
            (name, pathspec.GitIgnoreSpec.from_lines(globs)) for name, globs in config.departments
        ]

    def of(self, relative: str) -> str:
        for name, spec in self.rules:
            if spec.match_file(relative):
                return name
        return UNKNOWN_DEPARTMENT


def content_hash(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _day(mtime_ns: int | None) -> str | None:
    """The local date of a modification time (from ``_stat``), the fallback date."""
    if mtime_ns is None:
        return None
    try:
        return datetime.fromtimestamp(mtime_ns / 1e9).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return None


class _Place:
    """Where a file sits: the folder it was found under, its key in the store, its
    department."""

    def __init__(self, roots: Sequence[str], departments: Departments, hashed: bool) -> None:
        self.roots = sorted((os.path.abspath(r) for r in roots), key=len, reverse=True)
        self.departments = departments
        self.hashed = hashed
        self._full: dict[str, str] = {}

    def full(self, path: str) -> str:
        """The absolute path, made once per file (three questions ask it). Not resolved: a
        symbolic link is a document where the user sees it, and resolving costs a system
        call per folder level."""
        found = self._full.get(path)
        if found is None:
            found = self._full[path] = os.path.abspath(path)
        return found

    def root_of(self, path: str) -> str:
        full = self.full(path)
        for root in self.roots:
            if full == root or full.startswith(root.rstrip(os.sep) + os.sep):
                return root
        return os.path.dirname(full)

    def key(self, path: str) -> str:
        full = self.full(path)
        if self.hashed:  # document numbers in paths can be personal data
            return "sha256:" + hashlib.sha256(full.encode()).hexdigest()
        return full

    def hidden(self, root: str) -> str:
        return "sha256:" + hashlib.sha256(root.encode()).hexdigest() if self.hashed else root

    def department(self, path: str, root: str) -> str:
        full = self.full(path)
        if not self.departments.rules:
            return UNKNOWN_DEPARTMENT
        relative = full[len(root) :].lstrip(os.sep) if full != root else os.path.basename(full)
        return self.departments.of(relative.replace(os.sep, "/"))


def scan(
    service: Service,
    store: Store,
    paths: Sequence[str],
    *,
    jobs: int | None = None,
    hash_paths: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    gitignore: bool = True,
    dask: str | None = None,
    advance: Callable[[int, int], None] = lambda size, found: None,
    started: Callable[[int, int], None] = lambda files, size: None,
) -> Summary:
    """Scan ``paths`` into ``store``, checking on this machine's cores or on the Dask
    cluster at ``dask``; ``started`` hears the amount of work, ``advance`` each file done
    (bytes, findings)."""
    engine, packs = engine_fingerprint(), packs_fingerprint(service)
    place = _Place(paths, Departments(service.config), hash_paths)
    scan_id, rechecked_all = store.begin_scan(engine, packs, [place.hidden(r) for r in place.roots])
    summary = Summary(scan_id, rechecked_all)
    known = store.known()
    found = service.sources(paths, include, exclude, gitignore=gitignore)
    files = [s for s in found if isinstance(s, Source)]
    seen: set[str] = set()
    pending: list[Checked] = []
    last_flush = time.monotonic()

    def flush(force: bool = False) -> None:
        nonlocal pending, last_flush
        if pending and (
            force or len(pending) >= BATCH or time.monotonic() - last_flush > BATCH_SECONDS
        ):
            store.record(scan_id, engine, packs, pending, known)
            pending = []
            last_flush = time.monotonic()

    for item in found:
        if isinstance(item, Skipped):
            summary.skipped += 1
        elif isinstance(item, Failed):
            _failed(item.path, item.message, place, pending, seen, summary)
    attached: dict[str, list[tuple[str, Known]]] = {}  # a message's key -> its attachments
    for k, v in known.items():
        if ATTACHED in k:
            attached.setdefault(k.partition(ATTACHED)[0], []).append((k, v))
    todo: list[Source] = []
    stats: dict[str, tuple[int, int | None]] = {}
    unchanged: list[int] = []
    departments: dict[int, str] = {}
    moved: dict[int, int] = {}
    for source in files:
        key = place.key(source.path)
        seen.add(key)
        size, mtime_ns = stats[source.path] = _stat(source.path)
        old = known.get(key)
        same_checker = (
            old is not None
            and not rechecked_all
            and old.status == "ok"
            and old.engine == engine
            and old.packs == packs
        )
        # the file's size and time say "unchanged" without reading it (as git does); a
        # file touched since is read, and its content hash decides
        if old is not None and same_checker and (old.size, old.mtime_ns) == (size, mtime_ns):
            pass
        elif old is not None and same_checker and content_hash(source.path) == old.content_hash:
            if mtime_ns is not None:
                moved[old.id] = mtime_ns
        else:
            todo.append(source)
            continue
        assert old is not None
        root = place.root_of(source.path)
        department = place.department(source.path, root)
        for doc_key, doc in [(key, old), *attached.get(key, [])]:
            seen.add(doc_key)
            unchanged.append(doc.id)
            departments[doc.id] = department
        summary.reused += 1
    store.touch(scan_id, unchanged, departments, moved)
    sizes = [stats[s.path][0] for s in todo]
    started(len(todo), sum(sizes))
    try:
        if dask:
            from taalwacht.scan.cluster import check_on_dask  # Dask loads only when asked for

            outcomes = check_on_dask(service, todo, dask)
        else:
            outcomes = check_all(service, todo, jobs_for(todo, sizes, jobs))
        for source, outcome in outcomes:
            if isinstance(outcome, Skipped):
                summary.skipped += 1
                advance(stats[source.path][0], 0)
                continue
            if isinstance(outcome, Failed):
                _failed(source.path, outcome.message, place, pending, seen, summary)
                advance(stats[source.path][0], 0)
                flush()
                continue
            hits = _store_outcome(source, outcome, stats[source.path][1], place, pending, seen)
            summary.checked += 1
            summary.findings += hits
            summary.words += sum(outcome.words)
            summary.bytes += outcome.size
            advance(outcome.size, hits)
            flush()
        flush(force=True)
    except BaseException:
        flush(force=True)  # keep what is done: the next scan goes on from here
        raise
    close_scan(store, summary, known, {place.hidden(r) for r in place.roots}, seen)
    return summary


def close_scan(
    store: Store, summary: Summary, known: Mapping[str, Known], roots: Set[str], seen: Set[str]
) -> None:
    """Mark what was stored under ``roots`` and not seen again as removed, and record the
    scan's counts: the end of a folder scan and of a website scan alike."""
    gone = [
        k.id
        for key, k in known.items()
        if k.root in roots and key not in seen and k.status != "removed"
    ]
    store.mark_removed(summary.scan_id, gone)
    summary.removed = len(gone)
    store.finish_scan(
        summary.scan_id,
        checked=summary.checked,
        reused=summary.reused,
        failed=summary.failed,
        removed=summary.removed,
    )


def _failed(
    path: str, message: str, place: _Place, pending: list[Checked], seen: set[str], summary: Summary
) -> None:
    root = place.root_of(path)
    key = place.key(path)
    seen.add(key)
    size, mtime_ns = _stat(path)
    pending.append(
        Checked(
            key,
            place.hidden(root),
            "text",
            size,
            None,
            0,
            "",
            place.department(path, root),
            _day(mtime_ns),
            "mtime",
            (),
            error=message,
        )
    )
    summary.failed += 1
    summary.errors.append(message)


def _store_outcome(
    source: Source,
    outcome: Scanned,
    mtime_ns: int | None,
    place: _Place,
    pending: list[Checked],
    seen: set[str],
) -> int:
    root = place.root_of(source.path)
    key = place.key(source.path)
    department = place.department(source.path, root)
    modified = _day(mtime_ns)
    results: list[tuple[str, FileResult]] = [(key, outcome.result)]
    for result in outcome.attachments:
        name = result.path.rpartition(ATTACHED)[2]
        results.append((key + ATTACHED + name, result))
    kinds = outcome.kinds or ("text",) * len(results)
    words = outcome.words or (0,) * len(results)
    days = outcome.days or (None,) * len(results)
    quotes = outcome.snippets or ((),) * len(results)
    total = 0
    for (doc_key, result), kind, count, day, quoted in zip(
        results, kinds, words, days, quotes, strict=False
    ):
        hits = tuple(
            (f.term, f.rule, f.severity, f.start, f.end) for f in result.findings if f.reported
        )
        total += len(hits)
        seen.add(doc_key)
        pending.append(
            Checked(
                doc_key,
                place.hidden(root),
                kind,
                outcome.size if doc_key == key else 0,
                mtime_ns if doc_key == key else None,
                count,
                outcome.digest,
                department,
                day or modified,
                "metadata" if day else "mtime",
                hits,
                snippets=quoted,
            )
        )
    return total


def _stat(path: str) -> tuple[int, int | None]:
    try:
        status = os.stat(path)
    except OSError:
        return 0, None
    return status.st_size, status.st_mtime_ns
