"""What a report says about a term, without the pack machinery behind it."""

from __future__ import annotations

from dataclasses import dataclass

from taalwacht.model.finding import Severity


@dataclass(frozen=True)
class AlternativeInfo:
    text: str
    gender: str | None = None
    plural: str | None = None
    note: str = ""


@dataclass(frozen=True)
class TermInfo:
    """A watched term as renderers show it (SARIF rules, ``taalwacht packs``)."""

    id: str
    lemma: str
    pos: str
    reason: str
    severity: Severity
    pack: str
    alternatives: tuple[AlternativeInfo, ...] = ()
