"""Renderers: findings of a run turned into text, JSON, SARIF or GitHub annotations.

Every renderer has the same shape (``Renderer``): ``add`` one ``FileResult`` at a time, then
``finish``. The streaming renderers (text, github) write as files come in and keep nothing;
json and sarif collect small dicts and write one document at the end. ``render`` does it
all at once for a list of results.

Positions: offsets in a ``Finding`` are half-open indices into the checked ``str``.
``FileResult.position`` turns one into a 1-based line and a 1-based column counted in
Unicode code points. A line ends after ``"\\n"``, so in a CRLF file the ``"\\r"`` is the
last character of its line.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

from taalwacht.finding import SEVERITIES, Finding, Severity

if TYPE_CHECKING:
    from taalwacht.pack import Term

FORMATS = ("text", "json", "sarif", "github")


@dataclass
class FileResult:
    """The findings of one checked document, with the text their offsets point into."""

    path: str  # as shown to the user; "-" for standard input
    text: str
    findings: list[Finding]
    _cursor: tuple[int, int, int] = field(default=(0, 1, 0), init=False, repr=False, compare=False)

    known: dict[int, tuple[int, int]] | None = None  # positions, once the text is dropped
    snippets: dict[tuple[int, int], str] | None = None  # related spans' text, likewise

    def compact(self, explain: bool) -> FileResult:
        """This result without its text: the positions and snippets the renderers need are
        computed now, so a worker process sends back kilobytes instead of the document."""
        shown = self.visible(explain)
        spans = [(f.start, f.end) for f in shown]
        spans += [(s.start, s.end) for f in shown for s in f.related]
        known = {o: self.position(o) for o in sorted({o for span in spans for o in span})}
        snippets = {(s.start, s.end): self.text[s.start : s.end] for f in shown for s in f.related}
        return FileResult(self.path, "", shown, known=known, snippets=snippets)

    def snippet(self, start: int, end: int) -> str:
        """``text[start:end]``, also for a compacted result."""
        if self.snippets is not None:
            return self.snippets[(start, end)]
        return self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset``; the column counts code points.

        Findings come in offset order, so counting continues from the previous offset
        (``str.count`` and ``str.rfind`` in C): one pass over the file, however many
        findings, also on a single 100 MB line.
        """
        if self.known is not None:
            return self.known[offset]
        at, line, line_start = self._cursor
        if offset < at:
            at, line, line_start = 0, 1, 0
        line += self.text.count("\n", at, offset)
        newline = self.text.rfind("\n", at, offset)
        if newline >= 0:
            line_start = newline + 1
        self._cursor = (offset, line, line_start)
        return line, offset - line_start + 1

    def visible(self, explain: bool) -> list[Finding]:
        """Findings to show, sorted by offset: reported ones, and with ``explain`` all."""
        found = self.findings if explain else [f for f in self.findings if f.reported]
        return sorted(found, key=lambda f: (f.start, f.end, f.term))


def severity_rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


def suggestion_text(finding: Finding, limit: int = 3) -> str:
    """``" -> inwoner, u, aanvrager"``, or ``""`` when there is no suggestion."""
    if not finding.suggestions:
        return ""
    return " -> " + ", ".join(finding.suggestions[:limit])


class Renderer(Protocol):
    def add(self, result: FileResult) -> None: ...

    def finish(self) -> None: ...


def make_renderer(
    fmt: str,
    out: TextIO,
    *,
    explain: bool = False,
    terms: Sequence[Term] = (),
    color: bool = False,
) -> Renderer:
    """The renderer for ``fmt`` (one of ``FORMATS``); its module is imported on demand.

    ``terms`` are the active pack terms: SARIF lists them as rules. ``color`` only
    matters for the text format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = importlib.import_module(f"taalwacht.report.{fmt}")
    renderer: Renderer = module.make(out, explain=explain, terms=terms, color=color)
    return renderer


def render(
    fmt: str,
    results: Iterable[FileResult],
    out: TextIO,
    *,
    explain: bool = False,
    terms: Sequence[Term] = (),
    color: bool = False,
) -> None:
    """Render every result in ``fmt`` to ``out``."""
    renderer = make_renderer(fmt, out, explain=explain, terms=terms, color=color)
    for result in results:
        renderer.add(result)
    renderer.finish()


__all__ = [
    "FORMATS",
    "FileResult",
    "Renderer",
    "make_renderer",
    "render",
    "severity_rank",
    "suggestion_text",
]
