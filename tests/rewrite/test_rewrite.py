"""`taalwacht.fix` and the fixer (``taalwacht.rewrite.plan``): the result as data, safety
levels, fixed names, ``prefer`` and properties.

The sentence pairs are in test_fix_pairs.py. The property tests build sentences from
templates and check what must hold for any text: fixing twice equals fixing once; nothing
outside the edits changes; a fixed text has no finding left where a finding was fixed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import taalwacht
from conftest import said
from taalwacht import check
from taalwacht.api import default_service, fix
from taalwacht.model.edit import apply
from taalwacht.model.finding import Choice, Decision, Finding
from taalwacht.model.fix import Applicability, Fix, Left, Result
from taalwacht.packs import load_bundled
from taalwacht.rewrite.plan import FIX_SURE, PreferError, choice_source
from taalwacht.service import parse


def fix_findings(text: str, findings: Sequence[Finding]) -> Result:
    """Rewrite ``text`` for these findings instead of the engine's own (what
    ``rewrite.fix_findings`` did): the fixer's best fix for each use, applied by the
    service; a finding without a safe fix is left for a person."""
    service = default_service()
    outcomes = [service.fixer.best(text, f) for f in findings if f.decision is Decision.USE]
    result = service.apply(parse(text), [o for o in outcomes if isinstance(o, Fix)])
    left = [o for o in outcomes if isinstance(o, Left)]
    return dataclasses.replace(result, left=(*left, *result.left))


# ------------------------------------------------------------------ the result


def test_result_lists_edits_and_done() -> None:
    text = "Het aangevraagde product dat u bij de gemeente kreeg, is een paspoort."
    result = fix(text)
    assert (
        result.text == "De aangevraagde voorziening die u bij de gemeente kreeg, is een paspoort."
    )
    assert [e.text for e in result.edits] == ["De", "voorziening", "die"]
    assert [f.text for f in result.done] == ["product"]
    assert all(f.applicability is Applicability.SAFE for f in result.fixes)
    assert apply(text, result.edits) == result.text


def test_public_api_exports_fix() -> None:
    assert taalwacht.fix is fix
    assert "fix" in taalwacht.__all__


# ------------------------------------------------------------------ safety levels


def test_unsafe_is_left_with_reason_and_applied_on_request() -> None:
    text = "Het product is gratis als u het op tijd bij de gemeente aanvraagt."
    result = fix(text)
    assert result.text == text
    assert len(result.left) == 1
    assert "het" in result.left[0].reason
    assert result.left[0].suggestion == "voorziening"
    forced = fix(text, unsafe=True)
    assert forced.text.startswith("De voorziening is gratis")
    assert not forced.left


def test_a_word_the_engine_doubts_is_shown_not_rewritten() -> None:
    # a debate about what a customer journey is: check still reports the words (the rules
    # see no business and no quotation marks), but the engine holds them less likely
    # market-speak than not, so fix leaves them for a person, each with its suggestion
    doubted = (
        "Een klantreis is pas een klantreis als de reiziger kan kiezen, betoogt de onderzoeker."
    )
    findings = [f for f in check(doubted) if f.decision is Decision.USE]
    assert [f.text for f in findings] == ["klantreis", "klantreis"]
    assert all(f.confidence is not None and f.confidence < 0.5 for f in findings)
    result = fix(doubted)
    assert result.text == doubted
    assert [(item.finding.text, item.reason, item.suggestion) for item in result.left] == [
        ("klantreis", said("fix.doubt"), "reis van de inwoner"),
        ("klantreis", said("fix.doubt"), "reis van de inwoner"),
    ]


def test_a_use_nothing_says_whose_is_left_for_a_person() -> None:
    # a firm has a KCM too: nothing in the sentence says this one is the municipality's,
    # so check reports it and fix leaves it, with its suggestion; said of the municipality,
    # it is rewritten
    bare = "Het KCM is op werkdagen tot vijf uur bereikbaar."
    (found,) = [f for f in check(bare) if f.reported]
    assert found.confidence is not None and found.confidence < FIX_SURE
    result = fix(bare)
    assert result.text == bare
    assert [(item.finding.text, item.reason) for item in result.left] == [
        ("KCM", said("fix.doubt"))
    ]
    municipal = "Het KCM van de gemeente is op werkdagen tot vijf uur bereikbaar."
    assert fix(municipal).text == (
        "De medewerker publiekscontact van de gemeente is op werkdagen tot vijf uur bereikbaar."
    )


def test_a_word_is_as_sure_as_its_surest_use_in_the_text() -> None:
    # the example letter: the "Klantnummer" under the municipality's heading is plainly the
    # resident's; "Vermeld altijd uw klantnummer" in its closing lines has nothing of its
    # own that says whose, and is the same number: fix rewrites both or neither
    letter = (files("taalwacht") / "examples" / "brief-aan-inwoner.txt").read_text("utf-8")
    numbers = [f for f in check(letter) if f.text.lower() == "klantnummer"]
    assert [f.reported for f in numbers] == [True, True]
    assert numbers[0].confidence == numbers[1].confidence
    assert numbers[0].confidence is not None and numbers[0].confidence >= FIX_SURE
    fixed = fix(letter)
    assert "klantnummer" not in fixed.text.lower()
    assert "Vermeld altijd uw dossiernummer." in fixed.text


def test_fix_rewrites_only_what_check_reports() -> None:
    # the software's customers are trade (check reports only the screen's name, which the
    # municipality's sentence holds); the word fix writes for that name ("inwoners") is no
    # evidence that they are residents after all
    text = (
        "Het scherm Klantgegevens hoort bij de app van de gemeente. U opent het via het menu. "
        "In het scherm beheert u alle gegevens over uw klanten. Omdat klanten vanzelf worden "
        "aangemaakt als ze een afspraak boeken, werkt u hier vooral hun adres bij."
    )
    assert [f.text for f in check(text)] == ["Klantgegevens"]
    result = fix(text)
    assert [f.text for f in result.done] == ["Klantgegevens"]
    assert result.text == text.replace("Klantgegevens", "Gegevens van inwoners")


def test_pronoun_choice_is_display_only() -> None:
    findings = check("De klant krijgt een brief.")
    only_u = [
        Finding(**{**f.__dict__, "choices": (Choice("u", None, False),), "suggestions": ("u",)})
        for f in findings
    ]
    result = fix_findings("De klant krijgt een brief.", only_u)
    assert result.text == "De klant krijgt een brief."
    assert result.left and "u" in result.left[0].suggestion


def test_fixed_names_are_never_rewritten() -> None:
    text = "Het Digitaal Klantdossier is een landelijke voorziening."
    findings = check(text, explain=True)
    assert any(f.decision is Decision.FIXED for f in findings)
    result = fix(text)
    assert result.text == text
    assert not result.left  # a fixed name is information, not work for a person


def test_no_choice_is_left() -> None:
    findings = [f for f in check("De klant krijgt een brief.")]
    bare = [Finding(**{**f.__dict__, "choices": (), "suggestions": ()}) for f in findings]
    result = fix_findings("De klant krijgt een brief.", bare)
    assert result.left and result.left[0].reason


# ------------------------------------------------------------------ prefer


def test_prefer_unknown_alternative_is_an_error() -> None:
    with pytest.raises(PreferError, match="burgerij"):
        fix("De klant krijgt een brief.", prefer={"klant": "burgerij"})
    with pytest.raises(PreferError, match=re.escape(said("errors.prefer-term", term="klont"))):
        fix("De klant krijgt een brief.", prefer={"klont": "burger"})


def test_choice_source_by_form() -> None:
    term = load_bundled("markttaal").term("klant")
    assert term is not None
    assert choice_source(Choice("Wmo-burgers", "de", True), term) == 4
    assert choice_source(Choice("inwonerdossier"), term) == 0
    assert choice_source(Choice("u"), term) == 1
    assert choice_source(Choice("dossier", "het"), term) is None
    assert choice_source(Choice("iets", alternative="aanvrager"), term) == 2


# ------------------------------------------------------------------ properties

SUBJECTS = [
    "het product",
    "een nieuw product",
    "het nieuwe product",
    "dit product",
    "elk product",
    "de klant",
    "een nieuwe klant",
    "klanten",
    "de klantmanager",
    "het klantdossier",
    "de concernstaf",
    "ons product",
    "welk groot product",
    "het klantcontact",
]
VERBS = ["is bedoeld voor ouderen", "krijgt een brief", "staat op de website", "helpt inwoners"]
FRAMES = [
    "{S} van de gemeente {V}.",
    "Bij de gemeente {V2} {s}.",
    "{S} {V} en de gemeente koopt de zorg bij aanbieders in.",
    "Volgens de gemeente {V2} {s} dat u aanvraagt.",
    "De gemeente heeft de zorg ingekocht; {s} {V}.",
    "Wij gebruiken het woord 'klant' niet; {s} van de gemeente {V}.",
    "Kijk op https://www.gemeente.nl/product: {s} van de gemeente {V}.",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        subject = draw(st.sampled_from(SUBJECTS))
        frame = draw(st.sampled_from(FRAMES))
        verb = draw(st.sampled_from(VERBS))
        sentence = frame.format(
            S=subject[:1].upper() + subject[1:], s=subject, V=verb, V2="vraagt u aan"
        )
        if draw(st.booleans()):
            sentence = sentence.upper()
        parts.append(sentence)
    sep = draw(st.sampled_from([" ", "\n", "\r\n", "\n\n"]))
    return sep.join(parts)


@settings(max_examples=150, deadline=None)
@given(sentences())
def test_fix_is_idempotent(text: str) -> None:
    once = fix(text).text
    assert fix(once).text == once


@settings(max_examples=150, deadline=None)
@given(sentences())
def test_text_outside_edits_is_unchanged(text: str) -> None:
    result = fix(text)
    pos = 0
    for edit in result.edits:
        assert result.text.find(text[pos : edit.start]) != -1
        pos = edit.end
    # rebuild from the pieces between edits: every byte outside an edit is kept, in order
    rebuilt, pos = [], 0
    for edit in result.edits:
        rebuilt.append(text[pos : edit.start])
        rebuilt.append(edit.text)
        pos = edit.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == result.text
    for edit in result.edits:  # each edit stays inside a finding or the words agreeing with it
        assert any(f.start - 60 <= edit.start and edit.end <= f.end + 80 for f in result.done)


@settings(max_examples=150, deadline=None)
@given(sentences())
def test_fixed_findings_are_gone(text: str) -> None:
    result = fix(text)
    if not result.done:
        return
    shift: list[tuple[int, int]] = []  # (old end, delta) to map old offsets to new ones
    delta = 0
    for edit in result.edits:
        delta += len(edit.text) - (edit.end - edit.start)
        shift.append((edit.end, delta))

    def new_offset(old: int) -> int:
        d = 0
        for end, dd in shift:
            if end <= old:
                d = dd
        return old + d

    remaining = check(result.text)
    for done in result.done:
        start = new_offset(done.start)
        assert not any(f.start <= start < f.end and f.term == done.term for f in remaining), (
            done.text,
            result.text,
        )
