"""Edits as data (``taalwacht.model.edit``): constructors, one place that applies them, and
overlap."""

from __future__ import annotations

import bisect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taalwacht.model.edit import Edit, apply, clashes, overlaps


def test_edit_constructors() -> None:
    assert Edit.replacement(1, 3, "x") == Edit(1, 3, "x")
    assert Edit.deletion(1, 3) == Edit(1, 3, "")
    assert Edit.insertion(2, "x") == Edit(2, 2, "x")


def test_apply_sorts_and_applies_in_one_place() -> None:
    text = "het product dat"
    edits = [Edit(12, 15, "die"), Edit(0, 3, "de"), Edit(4, 11, "voorziening")]
    assert apply(text, edits) == "de voorziening die"


def test_apply_insertion_and_deletion() -> None:
    assert apply("ab", [Edit.insertion(1, "-")]) == "a-b"
    assert apply("a in.", [Edit.deletion(1, 4)]) == "a."


def test_apply_refuses_overlap() -> None:
    with pytest.raises(ValueError):
        apply("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    assert overlaps(Edit(0, 3), Edit(2, 4))
    assert not overlaps(Edit(0, 3), Edit(3, 4))
    assert overlaps(Edit(2, 2, "x"), Edit(2, 2, "y"))


edits_strategy = st.builds(
    lambda start, length, text: Edit(start, start + length, text),
    st.integers(0, 40),
    st.integers(0, 6),
    st.sampled_from(["", "x", "yz"]),
)


@given(st.lists(edits_strategy, max_size=30))
def test_clashes_finds_exactly_the_overlaps_a_check_against_every_edit_finds(
    candidates: list[Edit],
) -> None:
    """The chain of kept edits, grown as a fix grows it: the neighbour check of ``clashes``
    decides every candidate as the check against all kept edits does."""
    taken: list[Edit] = []
    for edit in candidates:
        expected = any(overlaps(edit, other) for other in taken)
        assert clashes(edit, taken) == expected
        if not expected:
            bisect.insort(taken, edit)
