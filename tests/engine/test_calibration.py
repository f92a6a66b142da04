"""Every decision says how sure it is: a rule by how often its ground was right on labelled
text (engine/context/calibration.py, engine/data/confidence.json)."""

from __future__ import annotations

import json

import taalwacht
from conftest import ORGANISATION_PACK, run
from taalwacht.engine.context import calibration
from taalwacht.engine.context.datafile import shipped_text
from taalwacht.model.finding import Decision
from taalwacht.packs.load import parse_pack


def test_a_ground_seen_rarely_borrows_from_the_ground_above() -> None:
    counts = calibration.tally(
        [("use.person@none", True)] * 80
        + [("use.person@none", False)] * 20
        + [("use.staff", True)]  # once, and right: not a certainty
    )
    sure = calibration.estimate(counts)
    assert counts["use.person"] == (80, 100) and counts["*"] == (81, 101)
    assert sure["use.person@none"] == round((80 + 10 * sure["use.person"]) / 110, 3)
    assert sure["use.staff"] < 1.0
    assert abs(sure["use.staff"] - sure["use"]) < 0.02


def test_an_unseen_ground_takes_the_nearest_seen_one() -> None:
    table = calibration.Calibration({"*": 0.9, "use": 0.8, "use.person": 0.7})
    assert table.of("use.person", "none") == 0.7  # the rule, where its ground was not seen
    assert table.of("use.new-rule") == 0.8  # the decision, for a rule never counted
    assert table.of("mention.quoted") == 0.9
    assert calibration.Calibration({}).of("use.person") == 0.5


def test_the_shipped_confidences_follow_from_the_shipped_counts() -> None:
    data = json.loads(shipped_text("confidence.json"))
    counts = {key: (right, decided) for key, (right, decided) in data["counts"].items()}
    assert counts[calibration.ALL][1] > 10_000  # counted on the training split
    assert calibration.estimate(counts) == calibration.shipped().confidence
    assert calibration.from_json(calibration.to_json(counts)) == calibration.shipped()


def test_a_customer_is_surer_market_speak_where_the_passage_says_whose() -> None:
    table = calibration.shipped()
    assert table.of("use.person", "own") > table.of("use.person", "none")
    assert table.of("use.person", "own") > table.of("use.person", "shared")


def test_every_decision_carries_a_confidence_but_the_writers_own() -> None:
    text = (
        "Hij werd klant van de maand. De klant belt de gemeente. Het woord 'klant' is oud. "
        "De klanten van de bakker kopen brood. De productie stijgt."
    )
    found = taalwacht.check(text, allow=["klant van de maand"], explain=True)
    assert {f.decision for f in found} >= {Decision.ALLOWED, Decision.USE, Decision.MENTION}
    for f in found:
        if f.decision is Decision.ALLOWED:
            assert f.confidence is None
        else:
            assert f.confidence is not None and 0 < f.confidence <= 1, f


def test_a_term_the_organisation_adds_is_as_sure_as_a_bundled_one() -> None:
    """The grounds name rules and evidence, never a term: an organisation's own word in the
    same place is as sure as the bundled word there."""
    pack = parse_pack(ORGANISATION_PACK, "zorgtaal.yml")
    for sentence in (
        "De gemeente belt de {} over de Wmo-aanvraag en de hulp thuis.",
        "De supermarkt geeft elke {} korting op boodschappen in de winkel.",
    ):
        (bundled,) = taalwacht.check(sentence.format("klant"), explain=True)
        (own,) = taalwacht.check(sentence.format("zorgconsument"), packs=[pack], explain=True)
        assert (own.rule, own.confidence) == (bundled.rule, bundled.confidence)
        assert own.confidence is not None


def test_explain_shows_how_sure_each_decision_is() -> None:
    result = run("check", "--explain", "-", input="Het woord 'klant' is oud.\n")
    assert "mention.quoted" in result.stdout
    assert "zekerheid" in result.stdout
