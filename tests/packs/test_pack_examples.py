"""Every pack's own examples, run (STYLE rule 14): what a term promises, it does.

``examples.flag`` sentences must give a reported finding of that term; ``examples.ok``
sentences must give none of that term (other terms may still be reported there).
"""

from __future__ import annotations

import pytest

import taalwacht
from taalwacht.packs import Pack, Term, bundled_pack_names, load_bundled


def examples(kind: str) -> list[object]:
    out: list[object] = []
    for name in bundled_pack_names():
        pack = load_bundled(name)
        for term in pack.terms:
            sentences = term.examples_flag if kind == "flag" else term.examples_ok
            for i, sentence in enumerate(sentences):
                out.append(pytest.param(pack, term, sentence, id=f"{name}.{term.id}-{i}"))
    return out


@pytest.mark.parametrize(("pack", "term", "sentence"), examples("flag"))
def test_flag_example_is_reported(pack: Pack, term: Term, sentence: str) -> None:
    found = taalwacht.check(sentence, packs=[pack])
    assert any(f.term == term.id for f in found), (sentence, [(f.text, f.term) for f in found])


@pytest.mark.parametrize(("pack", "term", "sentence"), examples("ok"))
def test_ok_example_is_not_reported(pack: Pack, term: Term, sentence: str) -> None:
    found = taalwacht.check(sentence, packs=[pack])
    assert not [f for f in found if f.term == term.id], (sentence, [(f.text, f.why) for f in found])


def test_every_bundled_term_has_a_flag_example() -> None:
    terms = [t for name in bundled_pack_names() for t in load_bundled(name).terms]
    missing = [t.id for t in terms if not t.examples_flag]
    assert missing == []
