"""From a checked file to the store's rows, and what it adds to the scan's summary.

One function for both places a file is checked: this machine's process pool, where the scan
runner writes the rows, and a Dask worker, which writes them through the same store itself
and sends back only the tally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from taalwacht.model.results import FileResult
from taalwacht.scan.pool import Outcome, Scanned
from taalwacht.scan.store import Checked
from taalwacht.service import Failed, Skipped

ATTACHED = " » "  # how an e-mail's attachment is named after its message


@dataclass(frozen=True)
class Placement:
    """Where a file's rows go, decided by the scan runner before the file is checked."""

    key: str  # the file's key in the store: its path, or the hash of it
    root: str  # the folder it was found in (hashed like the key)
    department: str
    size: int
    mtime_ns: int | None


@dataclass(frozen=True)
class Tally:
    """What one file adds to the scan's summary and progress bar, wherever it was stored."""

    size: int
    keys: tuple[str, ...] = ()  # the documents stored: the file and its attachments
    findings: int = 0
    words: int = 0
    checked: bool = False
    error: str | None = None  # set for a file that could not be read or checked


def day_of(mtime_ns: int | None) -> str | None:
    """The local date of a modification time, the fallback for a document's own date."""
    if mtime_ns is None:
        return None
    try:
        return datetime.fromtimestamp(mtime_ns / 1e9).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return None


def failed_row(placement: Placement, message: str) -> Checked:
    """A file that could not be read or checked: stored with its Dutch reason."""
    p = placement
    return Checked(
        p.key,
        p.root,
        "text",
        p.size,
        None,
        0,
        "",
        p.department,
        day_of(p.mtime_ns),
        "mtime",
        (),
        error=message,
    )


def settle(placement: Placement, outcome: Outcome) -> tuple[list[Checked], Tally]:
    """The rows to store for a file's outcome, and its tally; a file skipped (binary, met
    in a folder) stores nothing."""
    if isinstance(outcome, Skipped):
        return [], Tally(placement.size)
    if isinstance(outcome, Failed):
        row = failed_row(placement, outcome.message)
        return [row], Tally(placement.size, (placement.key,), error=outcome.message)
    return _rows(placement, outcome)


def _rows(placement: Placement, outcome: Scanned) -> tuple[list[Checked], Tally]:
    p = placement
    results: list[tuple[str, FileResult]] = [(p.key, outcome.result)]
    for result in outcome.attachments:
        name = result.path.rpartition(ATTACHED)[2]
        results.append((p.key + ATTACHED + name, result))
    kinds = outcome.kinds or ("text",) * len(results)
    words = outcome.words or (0,) * len(results)
    days = outcome.days or (None,) * len(results)
    quotes = outcome.snippets or ((),) * len(results)
    modified = day_of(p.mtime_ns)
    rows = []
    for (doc_key, result), kind, count, day, quoted in zip(
        results, kinds, words, days, quotes, strict=False
    ):
        hits = tuple(
            (f.term, f.rule, f.severity, f.start, f.end) for f in result.findings if f.reported
        )
        rows.append(
            Checked(
                doc_key,
                p.root,
                kind,
                outcome.size if doc_key == p.key else 0,
                p.mtime_ns if doc_key == p.key else None,
                count,
                outcome.digest,
                p.department,
                day or modified,
                "metadata" if day else "mtime",
                hits,
                snippets=quoted,
            )
        )
    tally = Tally(
        outcome.size,
        tuple(key for key, _ in results),
        findings=sum(len(r.findings) for r in rows),
        words=sum(outcome.words),
        checked=True,
    )
    return rows, tally
