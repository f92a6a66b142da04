"""A checked text as the review page shows it, and the writer's choices applied to it.

The page sends the writer's choices back with the text itself (a pasted text in the form, an
uploaded document as its bytes), so nothing is kept on the server between the two requests
and several server processes can answer them. The choices name each finding by its offsets:
the same text checked by the same service gives the same findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from taalwacht.model.document import Document
from taalwacht.model.finding import Finding
from taalwacht.model.fix import Applicability, Fix, Left, Result
from taalwacht.service import Planned, Service

KEEP = "nee"  # the choice that leaves a word as it is
MARK = "melden"  # leave it, and tell the editors it is no market-speak here
AROUND = 6  # words kept on each side of a marked word
MAX_CHOICES = 300  # more findings than this: one choice for all, not a form of thousands


@dataclass(frozen=True)
class Option:
    value: str  # what the form sends back: the index among the offered fixes
    preview: str  # the rewritten words, as the writer will read them
    safe: bool


@dataclass(frozen=True)
class Item:
    """One reported finding with what the writer can choose."""

    number: int
    key: str  # "start-end": the form field's name
    finding: Finding
    line: int
    options: tuple[Option, ...]
    chosen: str  # the option taken unless the writer changes it
    left: str  # why no fix is offered ("" when one is)


@dataclass(frozen=True)
class Segment:
    text: str
    item: int | None = None  # the number of the item this segment is, or None


@dataclass(frozen=True)
class Review:
    segments: tuple[Segment, ...]
    items: tuple[Item, ...]

    @property
    def per_word(self) -> bool:
        """Whether the page asks per finding (else only: take every proposal, or none)."""
        return len(self.items) <= MAX_CHOICES


def review(service: Service, document: Document) -> Review:
    """The document's text cut into plain and flagged segments, and an item per finding."""
    findings, plans = service.check_and_plan(document, most=MAX_CHOICES)
    by_span = {(p.finding.start, p.finding.end): p for p in plans}
    text = document.text
    items = []
    line, counted = 1, 0  # the findings come in text order: count the lines once
    for number, finding in enumerate((f for f in findings if f.reported), start=1):
        line += text.count("\n", counted, finding.start)
        counted = finding.start
        planned = by_span.get((finding.start, finding.end))
        options = _options(text, planned)
        left = ""
        if planned is not None and isinstance(planned.best, Left):
            left = planned.best.reason
        elif planned is None:
            left = finding.why or finding.message
        chosen = "0" if planned is not None and isinstance(planned.best, Fix) else KEEP
        key = f"{finding.start}-{finding.end}"
        items.append(Item(number, key, finding, line, options, chosen, left))
    return Review(_segments(text, items), tuple(items))


def _options(text: str, planned: Planned | None) -> tuple[Option, ...]:
    if planned is None:
        return ()
    return tuple(
        Option(str(i), preview(text, fix), fix.applicability is Applicability.SAFE)
        for i, fix in enumerate(planned.offered)
    )


def preview(text: str, fix: Fix) -> str:
    """The words a fix touches, rewritten: "de nieuwe voorziening" for "het nieuwe product"."""
    start = min(e.start for e in fix.edits)
    end = max(e.end for e in fix.edits)
    out, at = [], start
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        out.append(text[at : edit.start])
        out.append(edit.text)
        at = edit.end
    out.append(text[at:end])
    return "".join(out)


def _segments(text: str, items: list[Item]) -> tuple[Segment, ...]:
    segments, at = [], 0
    for item in items:
        f = item.finding
        if f.start < at:  # overlapping findings: the first one is marked
            continue
        if f.start > at:
            segments.append(Segment(text[at : f.start]))
        segments.append(Segment(text[f.start : f.end], item.number))
        at = f.end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return tuple(segments)


def apply_choices(
    service: Service, document: Document, choices: Mapping[str, str], take_all: bool
) -> Result:
    """Rewrite the document as the writer chose: per finding an offered fix or ``KEEP``;
    ``take_all`` takes the best fix of every finding, whatever the form said."""

    def choose(item: Planned) -> Fix | None:
        if take_all:
            return item.best if isinstance(item.best, Fix) else None
        value = choices.get(f"{item.finding.start}-{item.finding.end}", KEEP)
        offered = item.offered
        if value.isdigit() and int(value) < len(offered):
            return offered[int(value)]
        return None

    return service.fix(document, choose)


def around(text: str, start: int, end: int) -> str:
    """The marked word with a few words on each side, within its line: enough for an
    editor to see the use, too little to carry a letter's personal details along."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].split()[-AROUND:]
    after = text[end : line_end if line_end >= 0 else len(text)].split()[:AROUND]
    return " ".join([*before, text[start:end], *after])
