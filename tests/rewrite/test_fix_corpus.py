"""Properties of `fix` over the whole shared regulation corpus (../shared/corpus): it
rewrites only words `check` reports on the same text; every new word is a word of the
lexicon (or a word the pack names, a compound of lexicon words made with an alternative the
pack lets compound freely, or the head of the writer's own compound:
klanttevredenheidsmeting -> tevredenheidsmeting); outside the edits the text is
byte-identical (edits are applied by one function); a word is replaced by a word, except
where the replacement is a phrase or a separable verb loses its particle."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from taalwacht import check, fix
from taalwacht.dutch.compounds import NO_SPLIT, segments
from taalwacht.dutch.lexicon import is_word
from taalwacht.model.edit import apply
from taalwacht.packs import load_bundled

CORPUS = REPO.parent / "shared" / "corpus"
WORD = re.compile(r"[^\W\d_]+")
# a word for counting: hyphenated and broken over a line ("Wmo-klanten", "pro-\nducten")
WHOLE = re.compile(r"[^\W\d_]+(?:[-\u00ad]\s*[^\W\d_]+)*")


def _free_forms() -> tuple[str, ...]:
    """The first-member forms of alternatives that compound freely (contracterings-)."""
    forms = []
    for term in load_bundled("markttaal").terms:
        for alt in term.alternatives:
            if alt.compounds:
                forms += [f.lower() for f in (alt.text, alt.modifier or "", *alt.forms.values())]
    return tuple(f for f in forms if f and " " not in f)


def _free_compound(word: str, free: tuple[str, ...], *, first_member: bool) -> bool:
    return any(f in word for f in free) and segments(word, trailing_link=first_member) < NO_SPLIT


def _own_head(word: str, old: str, *, first_member: bool) -> bool:
    """The writer's compound without its first member(s), itself a compound of words."""
    ends = any(w.lower().endswith(word) for w in WORD.findall(old))
    return ends and segments(word, trailing_link=first_member) < NO_SPLIT


def _pack_words() -> set[str]:
    """Words the pack itself writes (its alternatives and named compounds)."""
    words: set[str] = set()
    for term in load_bundled("markttaal").terms:
        alternatives = [*term.alternatives, *(a for v in term.compounds.values() for a in v)]
        for alt in alternatives:
            for form in (alt.text, *alt.forms.values(), alt.modifier or ""):
                words.update(w.lower() for w in WORD.findall(form))
    return words


@pytest.mark.slow
def test_fix_over_the_shared_corpus() -> None:
    files = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"no shared corpus at {CORPUS} (it lives next to the repository)")
    known = _pack_words()
    free = _free_forms()
    rewritten = 0
    for path in files:
        text = path.read_text("utf-8")
        once = fix(text)
        if once.text == text:
            continue
        rewritten += len(once.done)
        # fix rewrites only what check reports on the writer's text: the words its own
        # replacements bring (inwoners, voorzieningen) are no evidence for another word
        reported = {(f.start, f.end) for f in check(text)}
        for f in once.done:
            assert (f.start, f.end) in reported, f"{path}: {f.text!r} was not reported"
        assert apply(text, once.edits) == once.text
        for edit in once.edits:
            old, new = text[edit.start : edit.end], edit.text
            for word in set(WORD.findall(new)) - set(WORD.findall(old)):
                low = word.lower()
                # before a hyphen a word is a first member, with its linking s
                # (Zorgcontracterings-document)
                first = re.search(rf"{re.escape(word)}-", new) is not None
                fine = low in known or is_word(low)
                fine = fine or _free_compound(low, free, first_member=first)
                fine = fine or _own_head(low, old, first_member=first)
                assert fine, f"{path}: {old!r} -> {new!r}"
            if new.strip() and " " not in old.strip() and " " not in new.strip():
                # (an empty edit drops the particle of a separable verb: koopt ... in)
                assert len(WHOLE.findall(old)) == len(WHOLE.findall(new)), (path, old, new)
    assert rewritten > 500  # the corpus does hold market-speak to rewrite (927 on 2026-12-02)
