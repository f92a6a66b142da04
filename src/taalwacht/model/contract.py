"""The JSON contract, version 1: one finding as a JSON object, and its JSON Schema.

::

    {"version": 1, "findings": [
      {"path": "brief.md", "line": 3, "column": 5, "end_line": 3, "end_column": 10,
       "start": 42, "end": 47, "text": "klant", "term": "klant", "pack": "markttaal",
       "severity": "warning", "message": "...", "reason": "...", "rule": "use.public-context",
       "suggestions": ["inwoner", "u"], "related": [],
       "reported": true, "decision": "use"}
    ]}

``line``/``column`` are 1-based (columns in code points); ``start``/``end`` are 0-based,
half-open offsets into the decoded text (BOM removed, CRLF kept), so
``text[start:end] == finding["text"]``. ``offsets`` says which text: ``"file"``, or
``"extracted"`` for a Word, OpenDocument, PDF or e-mail document, where the offsets count
in the text taalwacht extracted (one paragraph a line) and ``place`` (part, paragraph or
page) and ``quote`` say where the writer finds the word. Without ``explain`` only reported
findings appear; with it the others too (``"reported": false``), and every entry carries
``why``. New keys may be added; existing ones keep their meaning while ``version`` stays 1.
The schema (``contract.schema.json``) is the one description of this shape: tests validate
every JSON output against it, and the web app and the store read it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from taalwacht.model.finding import Finding
from taalwacht.model.results import FileResult

VERSION = 1


def finding_dict(result: FileResult, finding: Finding, *, explain: bool) -> dict[str, Any]:
    """One finding in the contract's shape, positions from the result's source map."""
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
        "rule": finding.rule,
        "suggestions": list(finding.suggestions),
        "related": related,
        "reported": finding.reported,
        "decision": finding.decision.value,
    }
    if result.extracted:
        item["offsets"] = "extracted"
        place = result.place(finding.start)
        if place is not None:
            where: dict[str, Any] = {"part": place.part, "number": place.number}
            if place.within:
                where["within"] = place.within
            item["place"] = where
        item["quote"] = result.quote(finding)
    else:
        item["offsets"] = "file"
    if explain:
        item["why"] = finding.why
        if finding.confidence is not None:
            item["confidence"] = finding.confidence
    return item


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the contract (``contract.schema.json`` in this package)."""
    raw = (resources.files("taalwacht.model") / "contract.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded
