"""A stable JSON contract for scripts and other tools.

::

    {"version": 1, "findings": [
      {"path": "brief.md", "line": 3, "column": 5, "end_line": 3, "end_column": 10,
       "start": 42, "end": 47, "text": "klant", "term": "klant", "pack": "markttaal",
       "severity": "warning", "message": "...", "reason": "...",
       "suggestions": ["inwoner", "u"], "related": [],
       "reported": true, "decision": "use"}
    ]}

``line``/``column`` are 1-based (columns in code points); ``start``/``end`` are 0-based,
half-open offsets into the decoded text (BOM removed, CRLF kept), so
``text[start:end] == finding["text"]``. Without ``explain`` only reported findings appear;
with it the others too (``"reported": false``), and every entry carries ``why``.
Findings are ordered by file (as checked) and by offset within a file. New keys may be
added; existing ones keep their meaning while ``version`` stays 1.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from taalwacht.finding import Finding
from taalwacht.report import FileResult

if TYPE_CHECKING:
    from taalwacht.pack import Term

VERSION = 1


def finding_dict(result: FileResult, finding: Finding, *, explain: bool) -> dict[str, Any]:
    line, column = result.position(finding.start)
    end_line, end_column = result.position(finding.end)
    related = []
    for span in finding.related:
        r_line, r_column = result.position(span.start)
        related.append(
            {
                "start": span.start,
                "end": span.end,
                "line": r_line,
                "column": r_column,
                "text": result.snippet(span.start, span.end),
            }
        )
    item: dict[str, Any] = {
        "path": result.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "term": finding.term,
        "pack": finding.pack,
        "severity": finding.severity,
        "message": finding.message,
        "reason": finding.reason,
        "suggestions": list(finding.suggestions),
        "related": related,
        "reported": finding.reported,
        "decision": finding.decision.value,
    }
    if explain:
        item["why"] = finding.why
    return item


class JsonRenderer:
    def __init__(self, out: TextIO, *, explain: bool = False) -> None:
        self.out, self.explain = out, explain
        self.findings: list[dict[str, Any]] = []

    def add(self, result: FileResult) -> None:
        for finding in result.visible(self.explain):
            self.findings.append(finding_dict(result, finding, explain=self.explain))

    def document(self) -> dict[str, Any]:
        return {"version": VERSION, "findings": self.findings}

    def finish(self) -> None:
        """One finding a line: readable, diff-friendly, and written by the C encoder."""
        lines = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in self.findings)
        body = f"[\n{lines}\n]" if lines else "[]"
        self.out.write(f'{{"version": {VERSION}, "findings": {body}}}\n')
        self.out.flush()


def make(
    out: TextIO, *, explain: bool = False, terms: Sequence[Term] = (), color: bool = False
) -> JsonRenderer:
    return JsonRenderer(out, explain=explain)
