"""Checking many files: one process for a few, a pool of processes for a collection.

The engine is pure Python, so a large collection is spread over the machine's cores:
each worker builds its own engine from the same packs and settings, reads and scans whole
files, and sends the text and findings back in the original order. Errors travel back as
messages, never as exceptions, so a bad file is still one clear line naming it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from taalwacht.dutch.lexicon import words
from taalwacht.engine import Engine
from taalwacht.errors import InputError, TaalwachtError
from taalwacht.finding import Finding, Severity
from taalwacht.pack import Pack
from taalwacht.report import FileResult
from taalwacht.sources import Skipped, Source, Text, load_source

MIN_FILES = 16  # fewer files than this are not worth starting processes for
MIN_BYTES = 4_000_000
CHUNK = 16  # files per task: enough to keep the pipes quiet, small enough to balance


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build the same engine as the main process."""

    packs: tuple[Pack, ...]
    allow: tuple[str, ...]
    severity: Mapping[str, Severity]
    prefer: Mapping[str, str]
    explain: bool = False  # what to send back: every occurrence, or the reported ones

    def engine(self) -> Engine:
        return Engine(self.packs, allow=self.allow, severity=self.severity, prefer=self.prefer)


Outcome = tuple[Text, list[Finding]] | Skipped


@dataclass(frozen=True)
class Scanned:
    """One checked file, ready for the renderers, and how many bytes it had."""

    result: FileResult
    size: int


def scan_one(engine: Engine, source: Source) -> Outcome:
    """Read one source and scan it; a binary file met in a folder walk is ``Skipped``."""
    text = load_source(source)
    if isinstance(text, Skipped):
        return text
    findings = engine.scan(text.text, markup=text.markup)
    findings.sort(key=lambda f: (f.start, f.end))
    return text, findings


def scan_guarded(engine: Engine, source: Source) -> Outcome:
    """``scan_one``, with unexpected failures turned into an error naming the file."""
    try:
        return scan_one(engine, source)
    except (TaalwachtError, OSError, UnicodeError):
        raise
    except MemoryError as err:
        raise InputError(source.path, "out of memory: too large to check in one piece") from err
    except Exception as err:
        if os.environ.get("TAALWACHT_DEBUG"):
            raise
        raise TaalwachtError(
            f"{source.path}: internal error while checking: {type(err).__name__}: {err} "
            "(set TAALWACHT_DEBUG=1 for details)"
        ) from err


def jobs_for(sources: Sequence[Source], sizes: Sequence[int], jobs: int | None) -> int:
    """How many processes: the ``--jobs`` asked for, or all cores for a large collection."""
    if jobs is not None:
        return max(1, jobs)
    if len(sources) < MIN_FILES or sum(sizes) < MIN_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def scan_all(
    engine: Engine, settings: Settings, sources: Sequence[Source], jobs: int
) -> Iterator[tuple[Source, Scanned | Skipped]]:
    """Every source with its outcome, in the order given; in ``jobs`` processes if > 1."""
    if jobs <= 1:
        for source in sources:
            scanned = scan_guarded(engine, source)
            yield source, scanned if isinstance(scanned, Skipped) else _scanned(scanned)
        return
    # A large collection meets new compounds, so the workers will need the whole lexicon:
    # read it once here, and (where processes fork) every worker shares this copy.
    words()
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        for source, (done, error) in zip(
            sources, pool.map(_work, sources, chunksize=CHUNK), strict=True
        ):
            if error is not None:
                raise TaalwachtError(error)
            assert done is not None
            yield source, done


def _scanned(outcome: tuple[Text, list[Finding]], explain: bool | None = None) -> Scanned:
    text, findings = outcome
    result = FileResult(text.path, text.text, findings)
    return Scanned(result if explain is None else result.compact(explain), text.size)


_worker: tuple[Engine, Settings] | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    _worker = (settings.engine(), settings)


def _work(source: Source) -> tuple[Scanned | Skipped | None, str | None]:
    assert _worker is not None
    engine, settings = _worker
    try:
        outcome = scan_guarded(engine, source)
        if isinstance(outcome, Skipped):
            return outcome, None
        return _scanned(outcome, settings.explain), None
    except (TaalwachtError, OSError, UnicodeError) as err:
        return None, str(err) if isinstance(err, TaalwachtError) else f"{source.path}: {err}"
