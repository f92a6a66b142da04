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
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pathspec

from taalwacht._version import __version__
from taalwacht.config import Config
from taalwacht.scan.pool import Outcome, check_all, jobs_for
from taalwacht.scan.rows import ATTACHED, Placement, Tally, failed_row, settle
from taalwacht.scan.store import Checked, Known, Store
from taalwacht.service import Failed, Service, Skipped, Source

UNKNOWN_DEPARTMENT = "onbekend"
BATCH = 100  # documents per transaction: a kill loses at most these, and they are redone
BATCH_SECONDS = 2.0


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

    def of(self, path: str, size: int, mtime_ns: int | None) -> Placement:
        root = self.root_of(path)
        return Placement(
            self.key(path), self.hidden(root), self.department(path, root), size, mtime_ns
        )

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
            placement = place.of(item.path, *_stat(item.path))
            pending.append(failed_row(placement, item.message))
            _add(summary, seen, Tally(placement.size, (placement.key,), error=item.message))
    attached: dict[str, list[tuple[str, Known]]] = {}  # a message's key -> its attachments
    for k, v in known.items():
        if ATTACHED in k:
            attached.setdefault(k.partition(ATTACHED)[0], []).append((k, v))
    todo: list[Source] = []
    places: dict[str, Placement] = {}
    unchanged: list[int] = []
    departments: dict[int, str] = {}
    moved: dict[int, int] = {}
    for source in files:
        size, mtime_ns = _stat(source.path)
        placement = place.of(source.path, size, mtime_ns)
        key = placement.key
        seen.add(key)
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
            places[source.path] = placement
            continue
        assert old is not None
        for doc_key, doc in [(key, old), *attached.get(key, [])]:
            seen.add(doc_key)
            unchanged.append(doc.id)
            departments[doc.id] = placement.department
        summary.reused += 1
    store.touch(scan_id, unchanged, departments, moved)
    sizes = [places[s.path].size for s in todo]
    started(len(todo), sum(sizes))
    try:
        # the workers of a Dask cluster store their files' rows and send back a tally; the
        # process pool sends back outcomes, whose rows this process stores
        results: Iterator[tuple[Source, Tally | Outcome]]
        if dask:
            from taalwacht.scan.cluster import Job, check_on_dask  # Dask loads when asked for

            items = [
                (s, places[s.path], _known_of(places[s.path].key, known, attached)) for s in todo
            ]
            job = Job(store.url, scan_id, engine, packs)
            results = check_on_dask(service, items, dask, job)
        else:
            results = check_all(service, todo, jobs_for(todo, sizes, jobs))
        for source, result in results:
            if isinstance(result, Tally):
                tally = result
            else:
                rows, tally = settle(places[source.path], result)
                pending.extend(rows)
            _add(summary, seen, tally)
            advance(tally.size, tally.findings)
            flush()
        flush(force=True)
    except BaseException:
        flush(force=True)  # keep what is done: the next scan goes on from here
        raise
    close_scan(store, summary, known, {place.hidden(r) for r in place.roots}, seen)
    return summary


def _known_of(
    key: str, known: Mapping[str, Known], attached: Mapping[str, list[tuple[str, Known]]]
) -> dict[str, Known]:
    """What the store knows of a file and its attachments: a Dask worker updates these rows
    instead of adding new ones."""
    mine = dict(attached.get(key, []))
    if key in known:
        mine[key] = known[key]
    return mine


def _add(summary: Summary, seen: set[str], tally: Tally) -> None:
    seen.update(tally.keys)
    if tally.error is not None:
        summary.failed += 1
        summary.errors.append(tally.error)
    elif tally.checked:
        summary.checked += 1
        summary.findings += tally.findings
        summary.words += tally.words
        summary.bytes += tally.size
    else:
        summary.skipped += 1


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


def _stat(path: str) -> tuple[int, int | None]:
    try:
        status = os.stat(path)
    except OSError:
        return 0, None
    return status.st_size, status.st_mtime_ns
