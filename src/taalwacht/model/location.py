"""Where an offset is for a person or an editor: line and column, counted two ways.

Columns are 1-based and counted in Unicode code points (what ``str`` indexes, and SARIF's
``unicodeCodePoints``) and in UTF-16 code units (what the Language Server Protocol and
browsers count): "😀klant" has the word at column 2 in code points and 3 in UTF-16.
A line ends after ``"\\n"``, so in a CRLF file the ``"\\r"`` is the last character of its
line. Positions are reached only through a ``SourceMap``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """1-based line and column of an offset; ``utf16_column`` for editors."""

    line: int
    column: int
    utf16_column: int


class SourceMap:
    """Offsets of one text to lines and columns.

    Line starts are found once, lazily, in C (``str.find``); each lookup is a bisection, so
    a 100 MB single line costs one pass however many findings it holds.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._starts = starts
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` in code points: what text, JSON, SARIF and GitHub show."""
        starts = self._line_starts()
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def location(self, offset: int) -> Location:
        """Line and both columns of ``offset`` (0 <= offset <= len(text)); the UTF-16
        column costs a look at the line up to the offset, so ask for it only when needed."""
        line, column = self.position(offset)
        start = offset - column + 1
        wide = sum(1 for c in self.text[start:offset] if c > "\uffff")
        return Location(line, column, column + wide)
