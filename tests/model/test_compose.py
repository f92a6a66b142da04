"""Two rounds of edits composed into one set on the original text, for any edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from taalwacht.model.edit import Edit, apply, compose


@st.composite
def edits_for(draw: st.DrawFn, text: str) -> list[Edit]:
    """Sorted edits that do not overlap: replacements, deletions and insertions."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    out: list[Edit] = []
    last = -1
    for i in range(0, len(cuts) - 1, 2):
        start, end = cuts[i], cuts[i + 1]
        if start <= last or (start == end and out and out[-1].end == start):
            continue
        out.append(Edit(start, end, draw(st.text("xyz", max_size=3))))
        last = max(start, end)
    return out


@settings(max_examples=2000)
@given(st.data())
def test_composed_edits_do_what_both_rounds_do(data: st.DataObject) -> None:
    original = data.draw(st.text("abcde", max_size=14))
    first = data.draw(edits_for(original))
    middle = apply(original, first)
    then = data.draw(edits_for(middle))
    composed = compose(original, first, then)
    assert apply(original, composed) == apply(middle, then)


def test_a_second_edit_inside_a_first_one_becomes_one_edit() -> None:
    text = "Het nieuwe product."
    first = [Edit(0, 3, "De"), Edit(11, 18, "voorziening")]
    assert apply(text, first) == "De nieuwe voorziening."
    then = [Edit(3, 21, "fijne dienst")]  # over "nieuwe voorziening", an earlier edit
    assert compose(text, first, then) == [Edit(0, 3, "De"), Edit(4, 18, "fijne dienst")]
