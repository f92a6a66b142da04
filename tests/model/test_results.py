"""A checked document's result (``taalwacht.model.results.FileResult``): 1-based lines and
columns in code points, CR kept on its line, linear on one long line, and the same positions
after ``compact`` drops the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from taalwacht.model.finding import Finding, Span
from taalwacht.model.results import FileResult


def test_position_basic() -> None:
    result = FileResult("a.txt", "ab\ncd\n\nef", [])
    assert result.position(0) == (1, 1)
    assert result.position(2) == (1, 3)  # the newline belongs to line 1
    assert result.position(3) == (2, 1)
    assert result.position(6) == (3, 1)
    assert result.position(7) == (4, 1)
    assert result.position(9) == (4, 3)  # end of text


def test_position_crlf_keeps_cr_on_its_line() -> None:
    text = "De klant\r\nDe klant\r\n"
    result = FileResult("a.txt", text, [])
    second = text.index("klant", 5)
    assert result.position(second) == (2, 4)
    assert result.position(text.index("\r")) == (1, 9)


def test_position_counts_code_points() -> None:
    text = "é😀 klant"  # U+1F600 is one code point (two UTF-16 units)
    assert FileResult("a", text, []).position(text.index("klant")) == (1, 4)


def _naive(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@given(st.text(alphabet="ab\n\r😀", max_size=60), st.data())
def test_position_matches_naive_count(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert FileResult("x", text, []).position(offset) == _naive(text, offset)


def test_position_on_a_long_single_line_is_fast() -> None:
    text = "klant " * 2_000_000
    result = FileResult("big.txt", text, [])
    assert result.position(len(text) - 6) == (1, len(text) - 5)


def test_compact_keeps_positions_and_snippets_without_the_text() -> None:
    text = "Een\r\nDe gemeente koopt zorg in. De klant."
    koopt, klant = text.index("koopt"), text.index("klant")
    particle = Span(text.index(" in.") + 1, text.index(" in.") + 3)
    found = [
        Finding(koopt, koopt + 5, "koopt", "inkopen", "warning", "m", "r", (), related=(particle,)),
        Finding(klant, klant + 5, "klant", "klant", "warning", "m", "r", ()),
    ]
    full = FileResult("a.txt", text, found)
    small = full.compact(explain=False)
    assert small.text == ""
    assert small.findings == full.visible(explain=False)
    for offset in (koopt, koopt + 5, klant, klant + 5, particle.start, particle.end):
        assert small.position(offset) == full.position(offset)
    assert small.snippet(particle.start, particle.end) == "in"
