"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request::

    ::warning file=brief.md,line=3,col=5,endLine=3,endColumn=10,title=taalwacht klant::...

info -> ``::notice``, warning -> ``::warning``, error -> ``::error``. Escaping follows
GitHub's runner (``toolkit/packages/core/src/command.ts``): in the message ``%``, CR and LF
are percent-encoded; in properties also ``:`` and ``,``. File names go through
``report.printable`` first, so no control character (ESC) and no byte that is not UTF-8
reaches the log raw. Only reported findings are written: annotations are for the writer,
not for ``--explain``. ``endColumn`` is the column just after the word, as ruff writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from taalwacht.model.finding import Finding
from taalwacht.model.results import FileResult
from taalwacht.model.terms import TermInfo
from taalwacht.report import printable, suggestion_text

COMMANDS = {"info": "notice", "warning": "warning", "error": "error"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(result: FileResult, finding: Finding) -> str:
    props = {"file": printable(result.path)}
    said = finding.message + suggestion_text(finding)
    if result.extracted:  # a Word file or PDF has no lines to point at: a place and a quote
        place = result.place(finding.start)
        where = f"{place.label()}: " if place is not None else ""
        said += f" ({where}“{result.quote(finding)}”)"
    else:
        line, column = result.position(finding.start)
        end_line, end_column = result.position(finding.end)
        props |= {
            "line": str(line),
            "col": str(column),
            "endLine": str(end_line),
            "endColumn": str(end_column),
        }
    props["title"] = f"taalwacht {finding.term}"
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    message = escape_data(said)
    return f"::{COMMANDS[finding.severity]} {joined}::{message}"


class GithubRenderer:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def add(self, result: FileResult) -> None:
        for finding in result.visible(explain=False):
            self.out.write(annotation(result, finding) + "\n")

    def fail(self, path: str, message: str) -> None:
        file, text = escape_property(printable(path)), escape_data(printable(message))
        self.out.write(f"::error file={file}::{text}\n")

    def finish(self) -> None:
        self.out.flush()


def make(
    out: TextIO, *, explain: bool = False, terms: Sequence[TermInfo] = (), color: bool = False
) -> GithubRenderer:
    return GithubRenderer(out)
