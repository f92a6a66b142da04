"""Edits as data, applied in one place (after ruff's ``Edit``).

An ``Edit`` replaces ``text[start:end]`` with ``text``: a deletion when ``text`` is empty,
an insertion when ``start == end``. Offsets are those of a ``Finding``: half-open indices
into the document's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``[start, end)`` with ``text``: a deletion when ``text`` is empty, an
    insertion when ``start == end``."""

    start: int
    end: int
    text: str = ""

    @classmethod
    def replacement(cls, start: int, end: int, text: str) -> Edit:
        return cls(start, end, text)

    @classmethod
    def deletion(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")

    @classmethod
    def insertion(cls, at: int, text: str) -> Edit:
        return cls(at, at, text)


def overlaps(a: Edit, b: Edit) -> bool:
    """Two edits touch the same characters (or insert at the same place)."""
    if a.start == a.end or b.start == b.end:
        return a.start == b.start or (a.start < b.start < a.end) or (b.start < a.start < b.end)
    return a.start < b.end and b.start < a.end


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the edits applied; they must not overlap (ValueError otherwise)."""
    ordered = sorted(edits)
    out: list[str] = []
    pos = 0
    for i, e in enumerate(ordered):
        if e.start < pos or e.end > len(text) or e.start > e.end:
            raise ValueError(f"edit {e} overlaps another or lies outside the text")
        if i and overlaps(ordered[i - 1], e):
            raise ValueError(f"edits {ordered[i - 1]} and {e} overlap")
        out.append(text[pos : e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
