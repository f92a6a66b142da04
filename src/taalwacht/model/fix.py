"""What a rewrite of one finding is, how sure it is, and what a whole fix run produced.

Every fix has an ``Applicability`` (STYLE.md rule 8, after ruff):

- ``SAFE``: the swap and every agreeing word were verified inside the noun phrase;
  ``fix`` applies these.
- ``UNSAFE``: something reaches beyond the noun phrase, or the phrase could not be read
  with certainty; applied only on request (``--unsafe``), otherwise left for a person.
- ``DISPLAY_ONLY``: a suggestion that cannot be written in as it stands; never applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from taalwacht.model.edit import Edit
from taalwacht.model.finding import Choice, Finding


class Applicability(StrEnum):
    """How sure a fix is; see the module docstring."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True)
class Fix:
    """The edits that rewrite one finding with one of its choices, sorted by start."""

    finding: Finding
    choice: Choice | None
    edits: tuple[Edit, ...]
    applicability: Applicability
    reason: str = ""  # why the fix is not safe, in one short Dutch phrase; "" when safe


@dataclass(frozen=True)
class Left:
    """A finding that needs a person: why, and what the tool would have suggested."""

    finding: Finding
    reason: str
    suggestion: str = ""


@dataclass(frozen=True)
class Result:
    """The fixed text, the edits applied to the original, and the findings left over."""

    text: str
    edits: tuple[Edit, ...]
    left: tuple[Left, ...]
    done: tuple[Finding, ...] = field(default=())  # findings the edits rewrote
    fixes: tuple[Fix, ...] = field(default=())  # the applied fixes, one per done finding
