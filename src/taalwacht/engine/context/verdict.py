"""A decision on one occurrence: use, mention, commerce or another sense, with its rule id
and a reason a writer can read (``--explain``), worded from the message catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from taalwacht import messages
from taalwacht.model.finding import Decision


@dataclass(frozen=True)
class Verdict:
    """A decision on one occurrence, its rule id and the rule's wording for this case."""

    decision: Decision
    rule: str  # e.g. "mention.quoted"; the part before the dot is the decision
    why: str
    weak: bool = False  # a default for want of evidence; the passage may overrule it
    confidence: float | None = None  # the sense model's probability of this decision


def verdict(rule: str, *, weak: bool = False, **params: str) -> Verdict:
    """The verdict for ``rule``, worded from the message catalogue."""
    if not params:
        return _plain(rule, weak)
    why = messages.text(f"rules.{rule}", **params)
    return Verdict(Decision(rule.partition(".")[0]), rule, why, weak)


@cache
def _plain(rule: str, weak: bool) -> Verdict:
    """A verdict without parameters is the same every time: made once (they are frozen)."""
    return Verdict(Decision(rule.partition(".")[0]), rule, messages.text(f"rules.{rule}"), weak)
