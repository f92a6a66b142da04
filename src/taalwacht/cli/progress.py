"""A progress bar on stderr: files done/total, megabytes, findings so far.

Shown only when stderr is a terminal and ``CI`` is not set, and never with
``--no-progress``; in pipes and CI logs nothing is written and rich is not even imported.
Updates happen once per file, so the cost is independent of the text size.

While the bar is live, lines written to ``sys.stdout`` (when stdout is the same terminal)
and to ``sys.stderr`` appear above it instead of tearing it.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import Any


def progress_wanted(disabled: bool = False) -> bool:
    """Whether to show a bar: stderr is a terminal, ``CI`` unset, not switched off."""
    if disabled or os.environ.get("CI"):
        return False
    return _isatty(sys.stderr)


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # no such method, or the stream is closed
        return False


MIN_FILES = 10  # smaller runs finish before a bar would be worth its import
MIN_BYTES = 1_000_000


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.0f} kB"


class Progress:
    """Context manager; a no-op unless ``enabled`` and the run is big enough to need it
    (``MIN_FILES`` files or ``MIN_BYTES`` bytes). Call ``advance`` after each file."""

    def __init__(self, total_files: int, total_bytes: int, *, enabled: bool) -> None:
        self.total_files, self.total_bytes = total_files, total_bytes
        big = total_files >= MIN_FILES or total_bytes >= MIN_BYTES
        self.enabled = enabled and total_files > 0 and big
        self.files = self.bytes = self.findings = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        stdout_tty = _isatty(sys.stdout)
        self._bar = RichProgress(
            TextColumn("[bold]taalwacht[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("bestanden"),
            TextColumn("{task.fields[mb]}"),
            TextColumn("{task.fields[hits]} meldingen"),
            TimeElapsedColumn(),
            TextColumn("nog"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=stdout_tty,
            redirect_stderr=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("check", total=self.total_files, mb=self._mb(), hits=0)
        return self

    def _mb(self) -> str:
        return f"{_size(self.bytes)}/{_size(self.total_bytes)}"

    def advance(self, nbytes: int, nfindings: int) -> None:
        self.files += 1
        self.bytes += nbytes
        self.findings += nfindings
        if self._bar is not None:
            self._bar.update(self._task, advance=1, mb=self._mb(), hits=self.findings)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
