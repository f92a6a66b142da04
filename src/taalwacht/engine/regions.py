"""Which region of a document a position lies in, answered by bisection.

Regions of one kind may nest or overlap (a code span inside a switched-off block), so each
kind keeps its regions sorted by start with the running maximum of their ends: a lookup
bisects, and walks back only over regions that still reach the position.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from taalwacht.model.document import Region, RegionKind


class RegionIndex:
    def __init__(self, regions: Sequence[Region]) -> None:
        self._kinds: dict[str, tuple[list[int], list[int], list[Region]]] = {}
        grouped: dict[str, list[Region]] = {}
        for region in sorted(regions):
            if region.end > region.start:
                grouped.setdefault(region.kind, []).append(region)
        for kind, found in grouped.items():
            starts = [r.start for r in found]
            reach = list(accumulate((r.end for r in found), max))
            self._kinds[kind] = (starts, reach, found)

    def inside(self, kind: RegionKind, position: int) -> Region | None:
        """The innermost-starting region of ``kind`` that holds ``position``, or None."""
        entry = self._kinds.get(kind)
        if entry is None:
            return None
        starts, reach, found = entry
        i = bisect_right(starts, position) - 1
        while i >= 0 and reach[i] > position:
            if found[i].end > position:
                return found[i]
            i -= 1
        return None

    def overlaps(self, kind: RegionKind, start: int, end: int) -> bool:
        """Whether a region of ``kind`` shares a character with ``[start, end)``."""
        entry = self._kinds.get(kind)
        if entry is None:
            return False
        starts, reach, found = entry
        i = bisect_left(starts, end) - 1  # the last region that starts before ``end``
        while i >= 0 and reach[i] > start:
            if found[i].end > start:
                return True
            i -= 1
        return False
