"""``taalwacht fix --interactive``: per finding, show the sentence before and after and ask
to accept, pick another suggestion, skip, edit or stop. The choices go back to the service,
which applies them the same way ``fix`` does."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from taalwacht.cli.common import note, spot
from taalwacht.model.document import Document
from taalwacht.model.edit import Edit, apply
from taalwacht.model.fix import Applicability, Fix
from taalwacht.model.location import SourceMap
from taalwacht.service import QUIT, Choice, Planned


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``: from after the previous . ! ? or
    line break to the next one, inclusive."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return left, right


def _preview(text: str, edits: Sequence[Edit], start: int, end: int) -> tuple[str, str]:
    s, e = _sentence(text, start, end)
    for edit in edits:
        s, e = min(s, edit.start), max(e, edit.end)
    local = [Edit(x.start - s, x.end - s, x.text) for x in edits]
    before = text[s:e]
    return before.strip(), apply(before, local).strip()


def _prompt(question: str) -> str:
    sys.stderr.write(question)
    sys.stderr.flush()
    try:
        return input().strip()
    except EOFError:
        return "q"


class Asker:
    """Asks about each planned fix of one document; called by ``Service.fix``."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.where = SourceMap(document.text)

    def __call__(self, planned: Planned) -> Choice:
        text, finding = self.document.text, planned.finding
        at = spot(self.document, self.where, finding.start)
        note(f"{self.document.path}:{at}: '{finding.text}' [{finding.term}]")
        best = planned.best
        default = best if isinstance(best, Fix) else None
        before, after = _preview(text, default.edits if default else (), finding.start, finding.end)
        sys.stderr.write(f"  voor: {before}\n")
        if default is not None:
            sys.stderr.write(f"  na:   {after}\n")
        else:
            sys.stderr.write(f"  (geen veilige herschrijving: {best.reason})\n")
        options = planned.options
        for i, option in enumerate(options, 1):
            label = option.choice.text if option.choice else "?"
            safe = option.applicability is Applicability.SAFE
            level = "" if safe else f" [{option.applicability.value}: {option.reason}]"
            sys.stderr.write(f"  {i}) {label}{level}\n")
        while True:
            answer = _prompt(
                "  [a]ccepteren, [nummer] kiezen, [s]overslaan, [e] bewerken, [q] stoppen: "
            ).lower()
            if answer in ("a", "") and default is not None:
                return default
            if answer in ("a", "", "s"):
                return None
            if answer == "q":
                return QUIT
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                option = options[int(answer) - 1]
                _, shown = _preview(text, option.edits, finding.start, finding.end)
                sys.stderr.write(f"  na:   {shown}\n")
                return option
            if answer == "e":
                typed = _prompt(f"  nieuwe tekst voor '{finding.text}': ")
                if typed and typed != "q":
                    return (Edit(finding.start, finding.end, typed),)
                return None
            sys.stderr.write("  onbekend antwoord\n")
