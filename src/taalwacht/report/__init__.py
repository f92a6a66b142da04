"""Renderers: findings of a run turned into text, JSON, SARIF or GitHub annotations.

Every renderer has the same shape (``Renderer``): ``add`` one ``FileResult`` at a time, then
``finish``. The streaming renderers (text, github) write as files come in and keep nothing;
json and sarif collect small dicts and write one document at the end. ``render`` does it
all at once for a list of results.

Positions come from the result's source map (``model.location``): 1-based lines and
columns in code points.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TextIO

from taalwacht.model.finding import SEVERITIES, Finding, Severity
from taalwacht.model.results import FileResult
from taalwacht.model.terms import TermInfo

FORMATS = ("text", "json", "sarif", "github")


def severity_rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_UTF8 = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, *, controls: bool = True) -> str:
    """``text`` (a file name, mostly) safe to print as part of one line.

    Control characters become escapes (newline ``\\n``, tab ``\\t``, ESC ``\\x1b``), so a
    name can neither break a finding line nor reach the terminal as an escape sequence; a
    byte that is not UTF-8 (which Python keeps in a name as a surrogate escape) becomes
    ``\\xNN``, so the output stays valid UTF-8. ``controls=False`` leaves the control
    characters, for JSON, which escapes them itself.
    """
    pattern = _CONTROL if controls else _NOT_UTF8
    return pattern.sub(_escape, text) if pattern.search(text) else text


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # the byte code - 0xDC00, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def suggestion_text(finding: Finding, limit: int = 3) -> str:
    """``" -> inwoner, u, aanvrager"``, or ``""`` when there is no suggestion."""
    if not finding.suggestions:
        return ""
    return " -> " + ", ".join(finding.suggestions[:limit])


class Renderer(Protocol):
    def add(self, result: FileResult) -> None: ...

    def fail(self, path: str, message: str) -> None:
        """A file that could not be checked: the output stays a valid document."""

    def finish(self) -> None: ...


def make_renderer(
    fmt: str,
    out: TextIO,
    *,
    explain: bool = False,
    terms: Sequence[TermInfo] = (),
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
    terms: Sequence[TermInfo] = (),
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
    "printable",
    "render",
    "severity_rank",
    "suggestion_text",
]
