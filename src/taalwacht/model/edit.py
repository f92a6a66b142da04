"""Edits as data, applied in one place (after ruff's ``Edit``).

An ``Edit`` replaces ``text[start:end]`` with ``text``: a deletion when ``text`` is empty,
an insertion when ``start == end``. Offsets are those of a ``Finding``: half-open indices
into the document's text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
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


def clashes(edit: Edit, taken: Sequence[Edit]) -> bool:
    """Whether ``edit`` overlaps one of ``taken``: edits kept sorted and pairwise apart
    (``bisect.insort``). Apart, they form a chain, so only the neighbours of ``edit``'s place
    in it can touch it: a fix of thousands of findings checks each in a few steps, not
    against all the others."""
    i = bisect.bisect_left(taken, edit)
    return any(overlaps(edit, taken[j]) for j in (i - 1, i, i + 1) if 0 <= j < len(taken))


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


def compose(text: str, first: Sequence[Edit], then: Sequence[Edit]) -> list[Edit]:
    """Edits on ``text`` that do what ``first`` and then ``then`` (edits on the text
    ``first`` made) do together: ``apply(text, compose(text, a, b)) == apply(apply(text,
    a), b)``. Where a later edit touches an earlier one, the two become one edit.
    """
    first, then = sorted(first), sorted(then)
    middle = apply(text, first)
    after = apply(middle, then)
    regions = _regions(first)
    spans = list(regions)  # (start, end) in ``text`` with (start, end) in ``middle``
    for edit in then:
        a, b = edit.start, edit.end
        start, a = _back(regions, a, left=True)
        end, b = _back(regions, b, left=False)
        spans.append((start, end, a, b))
    merged: list[list[int]] = []
    for start, end, a, b in sorted(spans):
        if merged and start <= merged[-1][1] and (start < merged[-1][1] or a <= merged[-1][3]):
            last = merged[-1]
            last[1], last[3] = max(last[1], end), max(last[3], b)
        else:
            merged.append([start, end, a, b])
    then_regions = _regions(then)
    out = []
    for start, end, a, b in merged:
        a2 = _forward(then_regions, a, left=True)
        b2 = _forward(then_regions, b, left=False)
        new = after[a2:b2]
        if new != text[start:end]:
            out.append(Edit(start, end, new))
    return out


def moved(edits: Sequence[Edit], positions: Sequence[int], *, left: bool) -> list[int]:
    """``positions`` in a text, at their places after ``edits`` were applied to it; one
    inside an edit goes to the new text's start (``left``) or end."""
    regions = _regions(sorted(edits))
    return [_forward(regions, p, left=left) for p in positions]


def moved_spans(edits: Sequence[Edit], spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in a text, at their places after ``edits`` were applied to it: a start
    inside an edit goes to the new text's start, an end to its end."""
    regions = _regions(sorted(edits))
    return [(_forward(regions, a, left=True), _forward(regions, b, left=False)) for a, b in spans]


def written(edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """Where each edit's new text stands once ``edits`` are applied (insertions and
    replacements; a deletion leaves nothing written)."""
    return [(a, b) for _, _, a, b in _regions(sorted(edits)) if b > a]


def _regions(edits: Sequence[Edit]) -> list[tuple[int, int, int, int]]:
    """Each (sorted) edit as (start, end) before and (start, end) after it is applied."""
    regions, shift = [], 0
    for e in edits:
        regions.append((e.start, e.end, e.start + shift, e.start + shift + len(e.text)))
        shift += len(e.text) - (e.end - e.start)
    return regions


def _back(regions: list[tuple[int, int, int, int]], pos: int, *, left: bool) -> tuple[int, int]:
    """A position in the edited text mapped back: ``(position in the original, position in
    the edited text)``, widened to a whole earlier edit when it falls inside one."""
    shift = 0
    for start, end, new_start, new_end in regions:
        if pos < new_start or (pos == new_start and not left and new_end > new_start):
            break
        if pos < new_end or (pos == new_end and left and new_end > new_start):
            return (start, new_start) if left else (end, new_end)
        shift = new_end - end
    return pos - shift, pos


def _forward(regions: list[tuple[int, int, int, int]], pos: int, *, left: bool) -> int:
    """A position in the text before ``regions`` were applied, in the text after them."""
    shift = 0
    for start, end, new_start, new_end in regions:
        if pos < start or (pos == start and left):
            break
        if pos < end:
            return new_start if left else new_end
        shift = new_end - end
    return pos + shift
