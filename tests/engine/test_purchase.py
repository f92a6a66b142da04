"""A purchase the rules could not place (no care, goods or buyer near it) is decided by its
paragraph: care or help bought for residents is market-speak, a body's own purchasing is
not. The purchase model reads the paragraph; the sense model no longer weighs it."""

from __future__ import annotations

from dataclasses import replace

import taalwacht
from taalwacht.engine.context.purchases import UNDECIDED_PURCHASE
from taalwacht.engine.context.topic import purchase, words
from taalwacht.engine.scan import Engine
from taalwacht.packs import load_bundled

# no care word near "inkoop"; the paragraph is about young people, families and the wijkteam
REGIONAL = (
    "De regio regelt de inkoop voor alle gemeenten. Jongeren en gezinnen merken daar niets "
    "van: de toegang blijft bij het wijkteam."
)
# a municipality buying street lights: its own works
LIGHTS = (
    "Het college heeft de inkoopstrategie vastgesteld voor het vervangen van de lantaarnpalen "
    "en armaturen in de wijk."
)


def test_a_purchase_in_a_paragraph_about_help_for_residents_is_care_bought() -> None:
    [found] = taalwacht.check(REGIONAL, explain=True)
    assert found.reported and found.rule == "use.care-bought"
    assert found.confidence is not None and found.confidence >= purchase().threshold
    assert "regio" in found.why  # the paragraph's own words, as --explain shows them


def test_a_bodys_own_works_stay_plain_purchasing() -> None:
    [found] = taalwacht.check(LIGHTS, explain=True)
    assert not found.reported and found.rule == UNDECIDED_PURCHASE


def test_the_sense_model_does_not_weigh_a_purchase_the_rules_could_not_place() -> None:
    # without the purchase model the rules' default stands: the sense model, which used to
    # overrule it (the street lights as care bought), is not asked
    engine = Engine([load_bundled("markttaal")], purchase=None)
    for text in (REGIONAL, LIGHTS):
        [found] = engine.scan(text)
        assert not found.reported and found.rule == UNDECIDED_PURCHASE


def test_the_threshold_decides() -> None:
    p = purchase().probability(words(REGIONAL.lower()))
    above = Engine([load_bundled("markttaal")], purchase=replace(purchase(), threshold=p + 0.001))
    [found] = above.scan(REGIONAL)
    assert not found.reported and found.rule == UNDECIDED_PURCHASE


def test_fix_rewrites_a_purchase_read_by_its_paragraph_as_care() -> None:
    # as sure as the rules' own uses: on the training split 188 such flags for 5 words
    # labelled commerce, mention or other
    fixed = taalwacht.fix(REGIONAL)
    assert fixed.text == REGIONAL.replace("de inkoop", "de contractering")
    assert not fixed.left


def test_the_verb_zorgen_is_not_read_as_care() -> None:
    # "de inkoop moet ervoor zorgen dat ...": to see to something, though its letters are
    # care's (zorg); the model leaves it unread, as the care cues do
    model = purchase()
    seen = words("De inkoop moet ervoor zorgen dat de gemeente niet te veel betaalt.".lower())
    assert "zorgen" in seen
    assert model.probability(seen) == model.probability(seen - {"zorgen"})
    [found] = taalwacht.check(
        "De inkoop moet ervoor zorgen dat de gemeente niet te veel betaalt.", explain=True
    )
    assert not found.reported


def test_a_passage_without_a_public_body_must_read_as_care_bought_more_clearly() -> None:
    # young people and families, but no municipality, region or care word: a foundation's
    # or a firm's purchasing reads like this too
    text = (
        "De inkoop gaat per januari over naar het samenwerkingsverband. Voor jongeren en "
        "gezinnen verandert er niets."
    )
    model = purchase()
    assert model.no_public is not None
    assert model.threshold < model.probability(words(text.lower())) <= model.no_public
    [found] = taalwacht.check(text, explain=True)
    assert not found.reported and found.rule == UNDECIDED_PURCHASE
    # one bar for every passage would have read it as care bought
    one_bar = Engine([load_bundled("markttaal")], purchase=replace(model, no_public=None))
    [found] = one_bar.scan(text)
    assert found.reported and found.rule == "use.care-bought"
