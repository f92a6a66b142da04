"""The value a check produces: one occurrence of a watched word, reported or deliberately not.

Offsets are half-open indices into the Python ``str`` that was checked: ``start`` is the
first character of the word, ``end`` the first character after it. The service hands out
findings with offsets into ``Document.text``, the decoded file exactly as stored (a BOM
removed, CRLF kept as two characters); lines and columns come only from a ``SourceMap``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
# the Dutch name a finding line shows for each (report/text.py); --fail-on and the settings
# file take it as well as the identifier, which the pack and the JSON keep
SEVERITY_NAMES: dict[Severity, str] = {
    "info": "opmerking",
    "warning": "waarschuwing",
    "error": "fout",
}


def severity_of(name: str) -> Severity | None:
    """The severity ``name`` gives, by its identifier or its Dutch name; None for neither."""
    return next((s for s in SEVERITIES if name in (s, SEVERITY_NAMES[s])), None)


class Decision(StrEnum):
    """Why an occurrence is, or is not, reported. Stable ids: reports and stores use them."""

    USE = "use"  # the word is used for residents, their help, the organisation: report it
    FIXED = "fixed"  # a fixed name or legal term the writer cannot rename: report as info
    MENTION = "mention"  # the word itself is discussed or quoted
    COMMERCIAL = "commercial"  # a real market relation: shops, companies, buying goods
    OTHER = "other"  # another word or sense that only looks alike
    ALLOWED = "allowed"  # inside a phrase the organisation allows (config)
    SUPPRESSED = "suppressed"  # switched off by an inline comment

    @property
    def reported(self) -> bool:
        return self in (Decision.USE, Decision.FIXED)


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` in the checked text."""

    start: int
    end: int


@dataclass(frozen=True)
class Choice:
    """A suggestion with the grammar the fixer needs to make the sentence agree with it."""

    text: str  # the replacement for the finding's text, in the right form
    gender: str | None = None  # "de" or "het" when the replacement heads a noun phrase
    plural: bool = False  # the replacement is plural (inwoners), so the phrase is too
    alternative: str = ""  # the pack alternative it comes from ("inwoner"), for `prefer`


@dataclass(frozen=True)
class Finding:
    """One occurrence of a watched word.

    ``text`` is exactly ``checked_text[start:end]``: the whole word, or the whole compound
    (``bijstandsklanten``), or an open compound (``klant contact centrum``). An elided member
    is reported alone (``klant-`` of ``klant- en objectgegevens``) unless a replacement
    rewrites the whole (``producten- en dienstencatalogus``: ``dienstencatalogus``). A
    separable verb is reported on the verb, with the particle in ``related``.
    """

    start: int
    end: int
    text: str
    term: str  # id of the pack term, e.g. "klant"
    severity: Severity
    message: str  # one line for the writer, e.g. "'klanten' is markttaal voor inwoners"
    reason: str  # why, in one neutral sentence, from the pack
    suggestions: tuple[str, ...]  # replacements for ``text`` in the right form, best first
    decision: Decision = Decision.USE
    why: str = ""  # the readable ground for the decision, shown by --explain
    rule: str = ""  # stable id of that ground, e.g. "mention.quoted" (docs/rules.md)
    related: tuple[Span, ...] = field(default=())  # e.g. the particle "in" of "koopt ... in"
    pack: str = ""  # id of the pack the term comes from
    slot: str = ""  # the form of the term as written: "sg", "pl", "pp", "sg3", ... ("" unknown)
    gender: str | None = None  # gender of the word as written, when the term is its head
    governs: bool = False  # the term is the head of the word: articles/adjectives agree with it
    choices: tuple[Choice, ...] = field(default=())  # ``suggestions`` with their grammar
    # how sure the decision is: a learned one's probability, a rule's share of right
    # decisions on its ground in labelled text; None where the writer decided (allowed)
    confidence: float | None = None

    @property
    def reported(self) -> bool:
        return self.decision.reported
