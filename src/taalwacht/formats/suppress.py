"""Inline switches in a document: ``taalwacht-disable-next-line``, ``-disable-line``,
``-disable`` ... ``-enable``, in a comment or anywhere in plain text.

They are read from the file's own characters (an HTML comment is not in the view), so the
same words work in every format; the ranges are then mapped into the view.
"""

from __future__ import annotations

import re

from taalwacht.model.document import OffsetMap, Region

MARKER = re.compile(r"taalwacht[-:]\s*(disable-next-line|disable-line|disable|enable)\b")


def suppressed(text: str, offsets: OffsetMap) -> list[Region]:
    """``suppress`` regions, in view offsets, for the switches in ``text``."""
    if "aalwacht" not in text and "AALWACHT" not in text:
        return []  # taalwacht, Taalwacht, TAALWACHT: two scans in C, not lowering every document
    regions = []
    for start, end in _ranges(text.lower()):
        regions.append(Region(offsets.to_view(start), offsets.to_view(end), "suppress"))
    return regions


def _ranges(lower: str) -> list[tuple[int, int]]:
    """Text ranges switched off; an unclosed ``disable`` runs to the end."""
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in MARKER.finditer(lower):
        kind = m.group(1)
        line_start = lower.rfind("\n", 0, m.start()) + 1
        line_end = lower.find("\n", m.end())
        line_end = len(lower) if line_end < 0 else line_end
        if kind == "disable-line":
            ranges.append((line_start, line_end))
        elif kind == "disable-next-line":
            nxt_end = lower.find("\n", line_end + 1)
            ranges.append((line_end, len(lower) if nxt_end < 0 else nxt_end))
        elif kind == "disable" and open_at is None:
            open_at = m.start()
        elif kind == "enable" and open_at is not None:
            ranges.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(lower)))
    return ranges
