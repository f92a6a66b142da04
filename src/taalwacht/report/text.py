"""Human-readable lines, one per finding, as compilers and linters print them::

    brief.md:3:5: waarschuwing klant: 'klant' is markttaal -> inwoner, u, aanvrager

In a Word, OpenDocument, PDF or e-mail document the place replaces line and column, and a
short quote follows::

    brief.docx: koptekst, alinea 2: waarschuwing klant: 'klant' is markttaal -> inwoner
        “Geachte klant, uw aanvraag…”

A path is shown with ``report.printable``: a control character in a file name (a newline,
ESC) is escaped, so a finding stays one line and no escape sequence reaches the terminal.

With ``explain`` the occurrences that were not reported follow in place, with the reason::

    brief.md:7:12: niet gemeld (mention): het woord staat tussen aanhalingstekens

Colour uses plain ANSI codes (no import cost) and only when asked; the caller decides
(stdout is a terminal, ``NO_COLOR`` not set).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from taalwacht.model.finding import SEVERITY_NAMES, Finding
from taalwacht.model.results import FileResult
from taalwacht.model.terms import TermInfo
from taalwacht.report import printable, suggestion_text

_RESET = "\x1b[0m"
_STYLE = {
    "path": "\x1b[1m",
    "info": "\x1b[36m",
    "warning": "\x1b[33m",
    "error": "\x1b[1;31m",
    "term": "\x1b[1m",
    "dim": "\x1b[2m",
    "suggest": "\x1b[32m",
}


def _one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\r" in text) else text


def _spot(result: FileResult, finding: Finding) -> str:
    """``3:5`` (line and column) in a text file; ``koptekst, alinea 2`` or ``pagina 3`` in
    a document, where line numbers mean nothing to its writer."""
    place = result.place(finding.start) if result.extracted else None
    if place is not None:
        return f" {place.label()}"
    line, column = result.position(finding.start)
    return f"{line}:{column}"


def _ground(finding: Finding) -> str:
    """The rule id, and how sure the decision is (none for the writer's own choices)."""
    if finding.confidence is None:
        return f"({finding.rule})"
    return f"({finding.rule}, zekerheid {round(finding.confidence * 100)}%)"


class TextRenderer:
    def __init__(self, out: TextIO, *, explain: bool = False, color: bool = False) -> None:
        self.out, self.explain, self.color = out, explain, color

    def _c(self, style: str, text: str) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if self.color else text

    def line(self, result: FileResult, finding: Finding) -> str:
        path = printable(result.path)
        spot = _spot(result, finding)
        where = self._c("path", f"{path}:{spot}:")
        if not finding.reported:
            why = _one_line(finding.why) or "-"
            return self._c(
                "dim",
                f"{path}:{spot}: niet gemeld "
                f"({finding.decision.value}): {why} [{_one_line(finding.text)}]"
                f" {_ground(finding)}",
            )
        severity = self._c(finding.severity, SEVERITY_NAMES[finding.severity])
        term = self._c("term", finding.term)
        suggestion = suggestion_text(finding).removeprefix(" -> ")
        if suggestion:
            suggestion = " -> " + self._c("suggest", suggestion)
        said = f"{where} {severity} {term}: {_one_line(finding.message)}{suggestion}"
        if result.extracted:
            said += "\n    " + self._c("dim", f"“{printable(result.quote(finding))}”")
        if self.explain:
            said += "\n    " + self._c("dim", f"{_one_line(finding.why) or '-'} {_ground(finding)}")
        return said

    def add(self, result: FileResult) -> None:
        write = self.out.write
        for finding in result.visible(self.explain):
            write(self.line(result, finding) + "\n")

    def fail(self, path: str, message: str) -> None:
        """Nothing on stdout: the command line already said it on stderr."""

    def finish(self) -> None:
        self.out.flush()


def make(
    out: TextIO, *, explain: bool = False, terms: Sequence[TermInfo] = (), color: bool = False
) -> TextRenderer:
    return TextRenderer(out, explain=explain, color=color)
