"""What a check of one document produced, ready for renderers, stores and front ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from taalwacht.model.finding import Finding
from taalwacht.model.fix import Fix
from taalwacht.model.location import SourceMap


@dataclass
class FileResult:
    """The findings of one checked document, with the text their offsets point into.

    A worker process sends results back without the text (``compact``): the positions and
    snippets the renderers need are computed before, so kilobytes travel instead of the
    document.
    """

    path: str  # as shown to the user; "-" for standard input
    text: str
    findings: list[Finding]
    known: dict[int, tuple[int, int]] | None = None  # positions, once the text is dropped
    snippets: dict[tuple[int, int], str] | None = None  # related spans' text, likewise
    notes: tuple[str, ...] = ()  # what the reader or the service wants the user to know
    fixes: dict[tuple[int, int], tuple[Fix, ...]] | None = None  # per finding span, best first
    _map: SourceMap | None = field(default=None, init=False, repr=False, compare=False)

    def compact(self, explain: bool) -> FileResult:
        """This result without its text; see the class docstring."""
        shown = self.visible(explain)
        spans = [(f.start, f.end) for f in shown]
        spans += [(s.start, s.end) for f in shown for s in f.related]
        snippets = {(s.start, s.end): self.text[s.start : s.end] for f in shown for s in f.related}
        offered = (f for fixes in (self.fixes or {}).values() for f in fixes)
        spans += [(e.start, e.end) for f in offered for e in f.edits]
        known = {o: self.position(o) for o in sorted({o for span in spans for o in span})}
        return FileResult(
            self.path, "", shown, known, snippets, notes=self.notes, fixes=self.fixes
        )

    def snippet(self, start: int, end: int) -> str:
        """``text[start:end]``, also for a compacted result."""
        if self.snippets is not None:
            return self.snippets[(start, end)]
        return self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset``, columns in code points."""
        if self.known is not None:
            return self.known[offset]
        if self._map is None:
            self._map = SourceMap(self.text)
        return self._map.position(offset)

    def visible(self, explain: bool) -> list[Finding]:
        """Findings to show, sorted by offset: reported ones, and with ``explain`` all."""
        found = self.findings if explain else [f for f in self.findings if f.reported]
        return sorted(found, key=lambda f: (f.start, f.end, f.term))
