"""Positions for people and editors: lines, code-point columns and UTF-16 columns."""

from __future__ import annotations

from taalwacht.model.location import Location, SourceMap


def test_lines_and_columns_in_code_points_and_utf16() -> None:
    text = "Beste inwoner,\r\n😀 De klant wacht.\nEinde"
    where = SourceMap(text)
    klant = text.index("klant")
    assert where.position(0) == (1, 1)
    assert where.position(klant) == (2, 6)  # the emoji is one code point
    assert where.location(klant) == Location(2, 6, 7)  # and two UTF-16 units
    assert where.position(text.index("\r")) == (1, 15)  # CR ends its line
    assert where.location(text.index("Einde")) == Location(3, 1, 1)


def test_lookups_out_of_order_give_the_same_answers() -> None:
    text = "a\nbb\nccc\n" * 50
    where = SourceMap(text)
    offsets = list(range(len(text)))
    forward = [where.position(o) for o in offsets]
    backward = [where.position(o) for o in reversed(offsets)][::-1]
    assert forward == backward
    assert forward[text.index("ccc")] == (3, 1)
