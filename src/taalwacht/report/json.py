"""JSON output: the contract of ``model.contract``, one finding a line.

A file name with bytes that are not UTF-8 is written with those bytes as ``\\xNN``
(``report.printable``), so the output is always valid UTF-8 JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from taalwacht.model.contract import VERSION, finding_dict
from taalwacht.model.results import FileResult
from taalwacht.model.terms import TermInfo
from taalwacht.report import printable


class JsonRenderer:
    def __init__(self, out: TextIO, *, explain: bool = False) -> None:
        self.out, self.explain = out, explain
        self.findings: list[dict[str, Any]] = []
        self.errors: list[dict[str, str]] = []  # files that could not be checked

    def add(self, result: FileResult) -> None:
        path = printable(result.path, controls=False)
        for finding in result.visible(self.explain):
            item = finding_dict(result, finding, explain=self.explain)
            item["path"] = path
            self.findings.append(item)

    def fail(self, path: str, message: str) -> None:
        shown = printable(path, controls=False), printable(message, controls=False)
        self.errors.append({"path": shown[0], "message": shown[1]})

    def document(self) -> dict[str, Any]:
        errors = {"errors": self.errors} if self.errors else {}
        return {"version": VERSION, "findings": self.findings, **errors}

    def finish(self) -> None:
        """One finding a line: readable, diff-friendly, and written by the C encoder."""
        lines = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in self.findings)
        body = f"[\n{lines}\n]" if lines else "[]"
        errors = ""
        if self.errors:
            errors = ', "errors": ' + json.dumps(self.errors, ensure_ascii=False)
        self.out.write(f'{{"version": {VERSION}, "findings": {body}{errors}}}\n')
        self.out.flush()


def make(
    out: TextIO, *, explain: bool = False, terms: Sequence[TermInfo] = (), color: bool = False
) -> JsonRenderer:
    return JsonRenderer(out, explain=explain)
