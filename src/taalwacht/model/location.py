"""Where an offset is for a person or an editor: line and column, counted two ways.

Columns are 1-based and counted in Unicode code points (what ``str`` indexes, and SARIF's
``unicodeCodePoints``) and in UTF-16 code units (what the Language Server Protocol and
browsers count): "😀klant" has the word at column 2 in code points and 3 in UTF-16.
A line ends after ``"\\n"``, so in a CRLF file the ``"\\r"`` is the last character of its
line. Positions are reached only through a ``SourceMap``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """1-based line and column of an offset; ``utf16_column`` for editors."""

    line: int
    column: int
    utf16_column: int


class SourceMap:
    """Offsets of one text to lines and columns.

    Lookups usually come in offset order (findings are sorted), so counting continues from
    the previous offset with ``str.count`` and ``str.rfind`` in C: one pass over the text
    however many findings it holds, also on a single 100 MB line. An earlier offset starts
    the count again from the top.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._cursor = (0, 1, 0)  # (offset, line, start of that line)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` in code points: what text, JSON, SARIF and GitHub show."""
        at, line, line_start = self._cursor
        if offset < at:
            at, line, line_start = 0, 1, 0
        line += self.text.count("\n", at, offset)
        newline = self.text.rfind("\n", at, offset)
        if newline >= 0:
            line_start = newline + 1
        self._cursor = (offset, line, line_start)
        return line, offset - line_start + 1

    def location(self, offset: int) -> Location:
        """Line and both columns of ``offset`` (0 <= offset <= len(text)); the UTF-16
        column costs a look at the line up to the offset, so ask for it only when needed."""
        line, column = self.position(offset)
        start = offset - column + 1
        wide = sum(1 for c in self.text[start:offset] if c > "\uffff")
        return Location(line, column, column + wide)
