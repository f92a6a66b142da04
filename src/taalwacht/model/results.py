"""What a check of one document produced, ready for renderers, stores and front ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from taalwacht.model.document import Place, place_of
from taalwacht.model.finding import Finding
from taalwacht.model.fix import Fix
from taalwacht.model.location import SourceMap

QUOTE_REACH = 30  # characters of context on either side of a quoted finding


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
    # A document's text extracted from a package (Word, PDF ...): where its paragraphs are,
    # and per finding a short quote, since a line number means nothing in such a file.
    places: tuple[Place, ...] = ()
    extracted: bool = False
    quotes: dict[tuple[int, int], str] | None = None
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
        quotes = {(f.start, f.end): self.quote(f) for f in shown} if self.extracted else None
        return FileResult(
            self.path,
            "",
            shown,
            known,
            snippets,
            notes=self.notes,
            fixes=self.fixes,
            places=self.places,
            extracted=self.extracted,
            quotes=quotes,
        )

    def place(self, offset: int) -> Place | None:
        """Where ``offset`` is in an extracted document (part and paragraph, or page)."""
        return place_of(self.places, offset)

    def quote(self, finding: Finding) -> str:
        """The finding with a little of its line on either side, for a document whose line
        numbers mean nothing to its writer: ``…dat de klant zijn…``."""
        if self.quotes is not None:
            return self.quotes.get((finding.start, finding.end), finding.text)
        text = self.text
        line_start = text.rfind("\n", 0, finding.start) + 1
        line_end = text.find("\n", finding.end)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, finding.start - QUOTE_REACH)
        end = min(line_end, finding.end + QUOTE_REACH)
        before, after = text[start : finding.start], text[finding.end : end]
        if start > line_start:  # cut inside the line: start at a whole word
            before = "…" + (before.split(" ", 1)[1] if " " in before else "")
        if end < line_end:
            after = (after.rsplit(" ", 1)[0] if " " in after else "") + "…"
        return " ".join((before + finding.text + after).split())

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
