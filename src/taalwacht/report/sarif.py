"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, VS Code's viewer).

One run; ``tool.driver`` is taalwacht with one rule per term (the active packs' terms,
plus any term a finding names that no pack listed). Each result has the term as
``ruleId``, a level (info -> note), the message, and a region with line and column
(``columnKind`` is ``unicodeCodePoints``) and ``charOffset``/``charLength`` counted in the
same code points over the decoded text. The fixes are those ``taalwacht fix`` would apply
(the swap with every agreeing word), the one it takes first, then other safe ones, then
unsafe ones; the suggestions are also in ``properties.suggestions``. With ``explain``
the occurrences that were not reported are included with a ``suppressions`` entry whose
justification is the readable reason.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any, TextIO
from urllib.parse import quote

from taalwacht._version import __version__
from taalwacht.model.finding import Finding
from taalwacht.model.fix import Applicability, Fix
from taalwacht.model.results import FileResult
from taalwacht.model.terms import TermInfo
from taalwacht.report import printable

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"info": "note", "warning": "warning", "error": "error"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, absolute become file:.
    The name's bytes are percent-encoded (``os.fsencode``), also those that are not UTF-8."""
    if path == "-":
        return "stdin"
    if os.path.isabs(path):
        return "file://" + quote(os.fsencode(os.path.abspath(path).replace(os.sep, "/")))
    return quote(os.fsencode(path.replace(os.sep, "/")))


def _alternatives_text(term: TermInfo) -> str:
    parts = []
    for alt in term.alternatives:
        extra = ", ".join(x for x in (alt.gender or "", alt.plural or "", alt.note) if x)
        parts.append(f"{alt.text} ({extra})" if extra else alt.text)
    return "Alternatieven: " + "; ".join(parts) if parts else "Geen alternatieven."


def rule_from_term(term: TermInfo) -> dict[str, Any]:
    return {
        "id": term.id,
        "name": term.lemma,
        "shortDescription": {"text": f"{term.lemma} ({term.pos})"},
        "fullDescription": {"text": term.reason},
        "help": {"text": _alternatives_text(term)},
        "defaultConfiguration": {"level": LEVELS[term.severity]},
        "properties": {
            "pack": term.pack,
            "alternatives": [alt.text for alt in term.alternatives],
        },
    }


def rule_from_finding(finding: Finding) -> dict[str, Any]:
    help_text = ", ".join(finding.suggestions) if finding.suggestions else "-"
    return {
        "id": finding.term,
        "shortDescription": {"text": finding.term},
        "fullDescription": {"text": finding.reason or finding.term},
        "help": {"text": f"Alternatieven: {help_text}"},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"pack": finding.pack},
    }


def _region(result: FileResult, start: int, end: int) -> dict[str, Any]:
    line, column = result.position(start)
    end_line, end_column = result.position(end)
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }


def _fix(result: FileResult, location: dict[str, Any], fix: Fix) -> dict[str, Any]:
    """One fix as ``taalwacht fix`` would apply it: the swap and every agreeing word."""
    new = fix.choice.text if fix.choice else ""
    text = f"Vervang '{fix.finding.text}' door '{new}'"
    if fix.applicability is not Applicability.SAFE:
        text += f" (onzeker: {fix.reason})"
    replacements = [
        {
            "deletedRegion": _region(result, edit.start, edit.end),
            "insertedContent": {"text": edit.text},
        }
        for edit in fix.edits
    ]
    return {
        "description": {"text": text},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"applicability": fix.applicability.value},
    }


class SarifRenderer:
    def __init__(
        self, out: TextIO, *, explain: bool = False, terms: Sequence[TermInfo] = ()
    ) -> None:
        self.out, self.explain = out, explain
        self.rules: list[dict[str, Any]] = []
        self.rule_index: dict[str, int] = {}
        for term in terms:
            if term.id not in self.rule_index:
                self.rule_index[term.id] = len(self.rules)
                self.rules.append(rule_from_term(term))
        self.results: list[dict[str, Any]] = []
        self.artifacts: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []  # files that could not be checked

    def _rule(self, finding: Finding) -> int:
        if finding.term not in self.rule_index:
            self.rule_index[finding.term] = len(self.rules)
            self.rules.append(rule_from_finding(finding))
        return self.rule_index[finding.term]

    def result(self, result: FileResult, finding: Finding, artifact: int) -> dict[str, Any]:
        uri = artifact_uri(result.path)
        location = {"uri": uri, "index": artifact}
        region = _region(result, finding.start, finding.end)
        region["snippet"] = {"text": finding.text}
        physical: dict[str, Any] = {"artifactLocation": location, "region": region}
        message = finding.message
        place = result.place(finding.start) if result.extracted else None
        if result.extracted:
            # A Word file, PDF or e-mail has no lines a viewer can show: the place and a quote
            # say where the word is; the offsets count in the extracted text (JSON's
            # "offsets": "extracted"), so they stay only as properties.
            physical = {"artifactLocation": location}
            where = f"{place.label()}: " if place is not None else ""
            message = f"{message} ({where}“{result.quote(finding)}”)"
        item: dict[str, Any] = {
            "ruleId": finding.term,
            "ruleIndex": self._rule(finding),
            "level": LEVELS[finding.severity],
            "message": {"text": message},
            "locations": [{"physicalLocation": physical}],
            "properties": {
                "suggestions": list(finding.suggestions),
                "decision": finding.decision.value,
                "pack": finding.pack,
            },
        }
        if place is not None:
            item["locations"][0]["logicalLocations"] = [{"name": place.label(), "kind": "element"}]
        if result.extracted:
            item["properties"]["extractedOffsets"] = [finding.start, finding.end]
        if finding.related and not result.extracted:
            item["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": _region(result, span.start, span.end),
                    },
                }
                for i, span in enumerate(finding.related)
            ]
        offered = (result.fixes or {}).get((finding.start, finding.end), ())
        if offered and not result.extracted:  # a fix in a package is no text replacement
            item["fixes"] = [_fix(result, location, fix) for fix in offered]
        if not finding.reported:
            item["suppressions"] = [
                {
                    "kind": "external",
                    "justification": finding.why or finding.decision.value,
                    "properties": {"decision": finding.decision.value},
                }
            ]
        return item

    def add(self, result: FileResult) -> None:
        found = result.visible(self.explain)
        if not found:
            return
        artifact = len(self.artifacts)
        self.artifacts.append({"location": {"uri": artifact_uri(result.path)}})
        for finding in found:
            self.results.append(self.result(result, finding, artifact))

    def fail(self, path: str, message: str) -> None:
        self.notifications.append(
            {
                "level": "error",
                "message": {"text": printable(message, controls=False)},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}
                ],
            }
        )

    def document(self) -> dict[str, Any]:
        driver: dict[str, Any] = {
            "name": "taalwacht",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": self.rules,
        }
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": driver},
                    "columnKind": "unicodeCodePoints",
                    "artifacts": self.artifacts,
                    "results": self.results,
                    "invocations": [
                        {
                            "executionSuccessful": not self.notifications,
                            "toolExecutionNotifications": self.notifications,
                        }
                    ],
                }
            ],
        }

    def finish(self) -> None:
        json.dump(self.document(), self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
        self.out.flush()


def make(
    out: TextIO, *, explain: bool = False, terms: Sequence[TermInfo] = (), color: bool = False
) -> SarifRenderer:
    return SarifRenderer(out, explain=explain, terms=terms)
