"""Checking many files: one process for a few, a pool of processes for a collection.

The engine is pure Python, so a large collection is spread over the machine's cores: each
worker rebuilds the same service from the run's settings, reads and checks whole files, and
sends back compact results (positions, no text) in the original order. Errors travel back
as messages, never as exceptions, so a bad file is still one clear line naming it.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from taalwacht import messages
from taalwacht.errors import TaalwachtError
from taalwacht.model.document import Document
from taalwacht.model.results import FileResult
from taalwacht.service import Failed, Service, Settings, Skipped, Source, guarded

MIN_FILES = 16  # fewer files than this are not worth starting processes for
MIN_BYTES = 4_000_000
CHUNK = 16  # files per task: enough to keep the pipes quiet, small enough to balance
MAX_JOBS = 64  # more processes than this only fill the memory


@dataclass(frozen=True)
class Asked:
    """What a run wants from each file besides its findings; one value, so a worker
    process gets it whole."""

    explain: bool = False  # the reasons stay with findings sent back from a worker
    fixes: bool = False  # each reported use carries the fixes ``fix`` would offer (SARIF)
    # each document's words are counted for the figures per 1,000 words of ``scan``
    # (splitting a text costs an eighth of checking it, so ``check`` asks for none)
    words: bool = True


@dataclass(frozen=True)
class Scanned:
    """One checked file, ready for the renderers, and how many bytes it had."""

    result: FileResult
    size: int
    attachments: tuple[FileResult, ...] = ()  # an e-mail's attached documents
    # per document, then per attachment: its kind and word count (for figures per 1,000
    # words; no counts where none were asked for, as in check)
    kinds: tuple[str, ...] = ()
    words: tuple[int, ...] = ()
    days: tuple[str | None, ...] = ()  # the date each one's metadata gives
    digest: str = ""  # sha256 of the bytes read (the stamp's), for the scan store
    # per document, a quote around each reported finding; only with store-snippets = true
    snippets: tuple[tuple[str, ...], ...] = ()


def check_one(service: Service, source: Source, asked: Asked = Asked()) -> Scanned | Skipped:
    """Read and check one source; a binary file met in a folder walk is ``Skipped``."""
    document = service.read(source)
    if isinstance(document, Skipped):
        return document
    attached = tuple(_result(service, a, asked.fixes) for a in document.attachments)
    every = (document, *document.attachments)
    result = _result(service, document, asked.fixes)
    quotes: tuple[tuple[str, ...], ...] = ()
    if service.config.store_snippets:  # quoted here, while the results still hold the text
        quotes = tuple(
            tuple(r.quote(f) for f in r.findings if f.reported) for r in (result, *attached)
        )
    return Scanned(
        result,
        document.size,
        attached,
        tuple(d.kind for d in every),
        tuple(len(d.text.split()) for d in every) if asked.words else (),  # as a reader counts
        tuple(d.date for d in every),
        document.stamp[4] if document.stamp else "",
        quotes,
    )


def _result(service: Service, document: Document, fixes: bool) -> FileResult:
    offered = None
    if fixes:
        findings, plans = service.check_and_plan(document)
        offered = {(p.finding.start, p.finding.end): p.offered for p in plans}
    else:
        findings = service.check(document)
    notes = document.notes
    in_fields = service.in_template(document, findings)
    if in_fields:
        notes += (messages.text("package.template-note", path=document.path, n=in_fields),)
    return FileResult(
        document.path,
        document.text,
        findings,
        notes=notes,
        fixes=offered,
        places=document.places,
        extracted=document.extracted,
    )


def check_guarded(service: Service, source: Source, asked: Asked = Asked()) -> Scanned | Skipped:
    """``check_one``, with unexpected failures turned into an error naming the file."""
    return guarded(source.path, lambda: check_one(service, source, asked))


def jobs_for(sources: Sequence[Source], sizes: Sequence[int], jobs: int | None) -> int:
    """How many processes: the ``--jobs`` asked for, or all cores for a large collection;
    never more than there are chunks of work (``--jobs 1000`` for 3 files starts none)."""
    if jobs is not None:
        return max(1, min(jobs, -(-len(sources) // CHUNK), MAX_JOBS))
    if len(sources) < MIN_FILES or sum(sizes) < MIN_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


Outcome = Scanned | Skipped | Failed


def check_all(
    service: Service,
    sources: Sequence[Source],
    jobs: int,
    asked: Asked = Asked(),
) -> Iterator[tuple[Source, Outcome]]:
    """Every source with its outcome, in the order given; in ``jobs`` processes if > 1.
    A file that cannot be read or checked is ``Failed``: the others go on."""
    if jobs <= 1:
        for source in sources:
            yield source, _outcome(service, source, asked)
        return
    # A large collection meets new compounds, so the workers will need the whole lexicon:
    # read it once here, and (where processes fork) every worker shares this copy.
    service.warm_up()
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(service.settings, asked))
    try:
        with _ctrl_c_held():  # the workers are forked here, when the work is handed out
            outcomes = pool.map(_work, sources, chunksize=CHUNK)
        yield from zip(sources, outcomes, strict=True)
    except BaseException:
        # Ctrl-C or a reader that went away: stop the workers now instead of letting them
        # finish the queue (the executor has no public way to end its processes).
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _outcome(service: Service, source: Source, asked: Asked) -> Outcome:
    try:
        return check_guarded(service, source, asked)
    except (TaalwachtError, OSError, UnicodeError) as err:
        return Failed(source.path, str(err) if isinstance(err, TaalwachtError) else f"{err}")


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back while the workers are started; it counts once they are.

    A ``KeyboardInterrupt`` in the middle of a fork is swallowed by Python's fork hooks (the
    run would go on) and one in a new worker before it ignores Ctrl-C prints a traceback.
    Blocked, the signal waits: the workers inherit the mask and ignore it before they
    unblock it (``_start_worker``); here it arrives as soon as the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, no signal masks
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


_worker: tuple[Service, Asked] | None = None


def _start_worker(settings: Settings, asked: Asked) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # see _ctrl_c_held
    _worker = (Service(settings), asked)


def _work(source: Source) -> Outcome:
    assert _worker is not None
    service, asked = _worker
    return compact_outcome(service, source, asked)


def compact_outcome(service: Service, source: Source, asked: Asked = Asked()) -> Outcome:
    """A source's outcome as another process sends it back: the results without their
    text (positions are resolved here, where the text is)."""
    outcome = _outcome(service, source, asked)
    if isinstance(outcome, Scanned):
        attached = tuple(r.compact(asked.explain) for r in outcome.attachments)
        return Scanned(
            outcome.result.compact(asked.explain),
            outcome.size,
            attached,
            outcome.kinds,
            outcome.words,
            outcome.days,
            outcome.digest,
            outcome.snippets,
        )
    return outcome
