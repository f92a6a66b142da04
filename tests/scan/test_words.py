"""The organisation's own words in its store: changes to a pack, proposals, votes and
decisions, the history, importing over decisions, and the "geen markttaal" marks. Real
SQLite; the pages and the API on top are in tests/web/test_governance.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from taalwacht.config import Config
from taalwacht.errors import NotAllowed, StoreError
from taalwacht.packs import Pack, load_bundled
from taalwacht.packs.dump import dump
from taalwacht.packs.edit import ChangeError, apply_change
from taalwacht.scan import proposals as decide
from taalwacht.scan.accounts import User, add_user
from taalwacht.scan.store import Store, database_url, pack_versions
from taalwacht.scan.words import current, history, import_pack, stored_packs
from taalwacht.service import Service, Settings, parse

PASSWORD = "een zin als wachtwoord"
AFNEMER = {
    "kind": "term",
    "lemma": "afnemer",
    "pos": "noun",
    "gender": "de",
    "plural": "afnemers",
    "context": "person",
    "reason": "Een inwoner neemt geen dienst af; hij vraagt om hulp.",
    "alt_text": "inwoner",
    "alt_gender": "de",
    "alt_plural": "inwoners",
}


@pytest.fixture
def base() -> list[Pack]:
    return [load_bundled("markttaal")]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(database_url(str(tmp_path / "taalwacht.db")))


@pytest.fixture
def people(store: Store) -> dict[str, User]:
    return {
        role: add_user(store, name, PASSWORD, role)
        for name, role in (("rita", "reader"), ("piet", "proposer"), ("eva", "editor"))
    }


def _reported(packs: list[Pack], text: str) -> list[tuple[str, str]]:
    service = Service(Settings(Config(), tuple(packs)))
    return [(f.text, f.rule) for f in service.check(parse(text)) if f.reported]


# ------------------------------------------------------------------ pack changes


def test_a_new_term_is_found_in_its_forms_and_decided_like_the_bundled_words(
    base: list[Pack],
) -> None:
    """The sense decision does not depend on the term: a term an organisation adds is
    reported in public use and left alone in trade, in a mention and in a denial."""
    changed = apply_change(base, AFNEMER)
    assert changed.fingerprint != base[0].fingerprint
    packs = [changed]
    assert [w for w, _ in _reported(packs, "De gemeente helpt iedere afnemer van de Wmo.")] == [
        "afnemer"
    ]
    assert _reported(packs, "Afnemers van bijstand krijgen een brief van de gemeente.")
    for text in (
        "Albert Heijn levert aan zijn afnemers in de hele regio.",
        "Het woord 'afnemer' gebruiken we niet.",
        "Wij schrijven inwoner, niet afnemer.",
    ):
        assert _reported(packs, text) == [], text
    fixed = Service(Settings(Config(), tuple(packs))).fix(parse("De afnemers krijgen een brief."))
    assert fixed.text == "De inwoners krijgen een brief."


def test_changes_are_validated_like_a_pack_file(base: list[Pack]) -> None:
    with pytest.raises(ChangeError, match="staat al in de woordenlijst"):
        apply_change(base, {**AFNEMER, "lemma": "klant"})
    with pytest.raises(ChangeError, match="Vul in: het alternatief"):
        apply_change(base, {**AFNEMER, "alt_text": " "})
    with pytest.raises(ChangeError, match="staat niet in de woordenlijst"):
        apply_change(base, {"kind": "reason", "term": "bestaat-niet", "reason": "x"})
    with pytest.raises(ChangeError, match="te lang"):
        apply_change(base, {"kind": "reason", "term": "klant", "reason": "x" * 401})
    with pytest.raises(ChangeError, match="staat al als alternatief"):
        apply_change(base, {"kind": "alternative", "term": "klant", "text": "Inwoner"})
    with pytest.raises(ChangeError):
        apply_change(base, {"kind": "drop-table"})


def test_an_alternative_a_reason_and_an_exception_change_what_a_check_says(
    base: list[Pack],
) -> None:
    with_alt = apply_change(
        base, {"kind": "alternative", "term": "casus", "text": "vraag", "gender": "de"}
    )
    assert "vraag" in [a.text for a in with_alt.term("casus").alternatives]  # type: ignore[union-attr]
    reason = apply_change(
        base, {"kind": "reason", "term": "concern", "reason": "Wij zijn  een\ngemeente."}
    )
    assert reason.term("concern").reason == "Wij zijn een gemeente."  # type: ignore[union-attr]
    text = "Bel het Klantcontactcentrum Zuid. De klant krijgt een brief."
    assert len(_reported(base, text)) == 2
    allowed = apply_change(
        base, {"kind": "exception", "term": "klantcontact", "phrase": "Klantcontactcentrum Zuid"}
    )
    assert [w for w, _ in _reported([allowed], text)] == ["klant"]


# ------------------------------------------------------------------ proposals


def test_a_proposal_is_voted_on_and_an_accepted_one_reaches_the_checks(
    store: Store, people: dict[str, User], base: list[Pack]
) -> None:
    made = decide.propose(store, people["proposer"], AFNEMER, "Staat in veel brieven.", base)
    assert stored_packs(store) == []  # nothing changes before a decision
    decide.vote(store, people["reader"], made, 1)
    decide.vote(store, people["proposer"], made, 1)
    decide.vote(store, people["editor"], made, -1)
    decide.vote(store, people["reader"], made, -1)  # a second vote replaces the first
    decide.comment(store, people["reader"], made, "Afnemer zeggen we nooit, toch?")
    shown = decide.proposal(store, made, people["reader"])
    assert shown is not None
    assert (shown.votes_for, shown.votes_against, shown.my_vote) == (1, 2, -1)
    assert [c.author for c in shown.comments] == ["rita"]
    assert shown.summary == "Nieuw woord: 'afnemer'"

    decide.decide(
        store, people["editor"], made, accept=True, motivation="Goed idee.", configured=base
    )
    [(pack, version)] = stored_packs(store)
    assert pack.term("afnemer") is not None
    assert pack.fingerprint != base[0].fingerprint
    assert (version.made_by, version.how, version.proposal_id) == ("eva", "decision", made)
    # the history starts with the pack the change was made to
    assert [(v.how, v.made_by) for v in history(store)] == [
        ("decision", "eva"),
        ("import", "taalwacht"),
    ]
    assert _reported(current(store, base), "Iedere afnemer van de Wmo krijgt een brief.")
    decided = decide.proposal(store, made)
    assert decided is not None and decided.status == "accepted"
    with pytest.raises(ChangeError, match="al besloten"):
        decide.vote(store, people["reader"], made, 1)


def test_roles_decide_who_may_propose_and_who_may_decide(
    store: Store, people: dict[str, User], base: list[Pack]
) -> None:
    with pytest.raises(NotAllowed, match="voorsteller"):
        decide.propose(store, people["reader"], AFNEMER, "", base)
    with pytest.raises(NotAllowed, match="Log in"):
        decide.propose(store, None, AFNEMER, "", base)
    made = decide.propose(store, people["proposer"], AFNEMER, "", base)
    with pytest.raises(NotAllowed, match="redacteur"):
        decide.decide(
            store, people["proposer"], made, accept=True, motivation="ja", configured=base
        )
    with pytest.raises(ChangeError, match="waarom"):
        decide.decide(store, people["editor"], made, accept=True, motivation=" ", configured=base)
    decide.decide(store, people["editor"], made, accept=False, motivation="Nee.", configured=base)
    assert stored_packs(store) == []  # a rejected proposal changes nothing


def test_a_decision_applies_to_the_newest_words_not_to_those_a_process_saw(
    store: Store, people: dict[str, User], base: list[Pack]
) -> None:
    """Two proposals accepted one after the other, each decided with the packs the server
    started with: the second keeps the first."""
    first = decide.propose(store, people["proposer"], AFNEMER, "", base)
    alternative = {"kind": "alternative", "term": "casus", "text": "vraag", "gender": "de"}
    second = decide.propose(store, people["proposer"], alternative, "", base)
    decide.decide(store, people["editor"], first, accept=True, motivation="ja", configured=base)
    decide.decide(store, people["editor"], second, accept=True, motivation="ja", configured=base)
    [(pack, _)] = stored_packs(store)
    assert pack.term("afnemer") is not None
    assert "vraag" in [a.text for a in pack.term("casus").alternatives]  # type: ignore[union-attr]


def test_a_mark_becomes_an_exception_only_by_an_editor(
    store: Store, people: dict[str, User], base: list[Pack]
) -> None:
    mark = decide.add_mark(
        store,
        None,  # a writer who did not sign in
        term="klantcontact",
        word="Klantcontactcentrum",
        phrase="Bel het   Klantcontactcentrum Zuid op werkdagen",
        reason="Zo heet het loket echt.",
    )
    [open_mark] = decide.open_marks(store)
    assert open_mark.phrase == "Bel het Klantcontactcentrum Zuid op werkdagen"
    assert open_mark.author is None
    with pytest.raises(NotAllowed):
        decide.settle_mark(store, people["proposer"], mark, phrase="x", configured=base)
    decide.settle_mark(
        store, people["editor"], mark, phrase="Klantcontactcentrum Zuid", configured=base
    )
    assert decide.open_marks(store) == []
    text = "Bel het Klantcontactcentrum Zuid. Of het klantcontactcentrum van de provincie."
    assert [w for w, _ in _reported(current(store, base), text)] == ["klantcontactcentrum"]
    with pytest.raises(ChangeError, match="afgehandeld"):
        decide.settle_mark(store, people["editor"], mark, phrase=None, configured=base)


# ------------------------------------------------------------------ import and history


def test_importing_over_decisions_needs_force_and_is_in_the_history(
    store: Store, people: dict[str, User], base: list[Pack]
) -> None:
    text = dump(base[0])
    first = import_pack(store, base[0], text, by="beheer", force=False)
    assert first is not None and first.how == "import"
    assert import_pack(store, base[0], text, by="beheer", force=False) is None  # the same
    decide.change_now(store, people["editor"], AFNEMER, base, "api")
    with pytest.raises(StoreError, match="--force"):
        import_pack(store, base[0], text, by="beheer", force=False)
    forced = import_pack(store, base[0], text, by="beheer", force=True)
    assert forced is not None and forced.how == "forced"
    [(pack, _)] = stored_packs(store)
    assert pack.term("afnemer") is None
    assert [v.how for v in history(store)] == ["forced", "api", "import"]


def test_a_damaged_stored_version_is_named_not_half_used(store: Store, base: list[Pack]) -> None:
    import_pack(store, base[0], dump(base[0]), by="beheer", force=False)
    with store.transaction() as conn:
        conn.execute(sa.update(pack_versions).values(yaml="pack: x\nterms: [{id: "))
    with pytest.raises(StoreError, match=r"versie 1\).*beschadigd"):
        stored_packs(store)
