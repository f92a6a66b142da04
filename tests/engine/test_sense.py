"""The learned sense decision and the passage view: texts about the words, one sense per word
in a text, features that never name the term, and the confidence a writer sees."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

import taalwacht
from conftest import ORGANISATION_PACK, REPO, run, write
from taalwacht.dutch.tokens import lower_utf8
from taalwacht.engine.context import calibration
from taalwacht.engine.context.features import Features
from taalwacht.engine.context.sense import CLASSES, shipped
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.engine.scan import Engine
from taalwacht.engine.together import one_sense_per_word
from taalwacht.model.finding import Decision
from taalwacht.packs import load_bundled
from taalwacht.packs.load import parse_pack

SEED = REPO.parent / "shared" / "seed" / "weg-met-de-klant.txt"

# Language guides written the way municipalities write them: every watched word in them is
# the word itself, quoted or not.
GUIDES = [
    "Schrijfwijzer van de gemeente\n\n"
    "Wij schrijven inwoner, niet klant. Een klant koopt iets in een winkel; een inwoner heeft "
    "recht op hulp en praat mee over die hulp. Schrijf dus niet 'Klanten kunnen ons bellen', "
    "maar 'Inwoners kunnen ons bellen'.\n\n"
    "Ook producten leveren we niet. Wat de gemeente doet, noemen we voorzieningen, diensten of "
    "regelingen. Zo schrijven we 'de voorziening aanvragen' en niet 'het product aanvragen'.\n",
    "Woorden die we niet meer gebruiken\n\n"
    "klantmanager: zeg consulent of begeleider\n"
    "klantcontactcentrum: zeg publiekscontact\n"
    "vraaggericht werken: zeg in gesprek met de inwoner\n"
    "casus: zeg situatie of hulpvraag\n\n"
    "Waarom? Een inwoner die bij ons aanklopt is geen klant. Hij betaalt niet en kan niet naar "
    "een concurrent. Daarom vermijden we woorden uit de markt, zoals klant, product en inkopen.\n",
    "Taalgids sociaal domein\n\n"
    "Wij hebben het niet over klanten, maar over inwoners. Bij ons werken geen klantmanagers "
    "maar consulenten. We kopen geen zorg in, we maken afspraken met aanbieders. Een inwoner is "
    "voor ons geen casus: het is een mens met een vraag.\n\n"
    "Twijfelt u over een woord? Kijk dan in de woordenlijst achterin deze gids, of vraag het "
    "team Communicatie.\n",
    "Inwoner in plaats van klant\n\n"
    "Sinds 2015 spreken wij in brieven en op de website van inwoners. Het woord klant hoort bij "
    "een winkel of een bank. Ook de klantmanager heet bij ons consulent. Staat er in een oude "
    "brief nog klant, pas die brief dan aan bij de volgende herziening. Zo schrijven we ook "
    "liever over een voorziening dan over een product, en over contracteren in plaats van "
    "inkopen.\n",
    # questions and answers, as an intranet's FAQ has them
    "Mag ik nog klant zeggen?\nLiever niet. Iemand die een uitkering aanvraagt, kiest niet "
    "voor ons zoals een klant een winkel kiest. Gebruik inwoner of aanvrager.\n\n"
    "En accountmanager?\nVoor ondernemers gebruiken we contactpersoon voor bedrijven. Het "
    "woord accountmanager past bij de verkoop.\n",
    # numbered tips
    "Schrijftips voor medewerkers Werk en Inkomen\n\n"
    "1. Noem de inwoner niet klant. Schrijf u in een brief, en inwoner of aanvrager in een "
    "notitie.\n"
    "2. Vermijd vraaggericht en klantgericht: schrijf wat u doet, bijvoorbeeld 'we kijken "
    "samen naar uw situatie'.\n"
    "3. Een gezin is geen casus. Schrijf over de situatie van het gezin.\n",
    # a team's e-mail to colleagues
    "Beste collega's,\n\nVanaf 1 januari gebruiken we in alle brieven het woord inwoner in "
    "plaats van klant. Ook de functienaam klantmanager verdwijnt: het wordt consulent. Wilt u "
    "in uw sjablonen klant vervangen door inwoner? Het team Communicatie helpt u graag.\n\n"
    "Met vriendelijke groet,\nTeam Communicatie\n",
    # a council motion
    "Motie: Inwoners zijn geen klanten\n\nDe raad, in vergadering bijeen,\noverwegende dat "
    "de gemeente in brieven en op de website spreekt over klanten en producten;\nverzoekt het "
    "college om in de communicatie met inwoners niet langer te spreken over klanten, maar over "
    "inwoners, en de term producten te vervangen door voorzieningen.\n",
    # council minutes
    "De heer Jansen (PvdA) vraagt waarom de wethouder in de nota steeds over klanten spreekt. "
    "'Een bijstandsgerechtigde is toch geen klant?' De wethouder antwoordt dat het woord klant "
    "uit de tijd stamt dat de sociale dienst bedrijfsmatig werd ingericht, en zegt toe dat de "
    "volgende nota inwoners zal noemen.\n",
    # intranet news
    "Nieuwe woorden in het sociaal domein\n\nVanaf deze maand heten de klantmanagers "
    "consulenten en het klantcontactcentrum heet voortaan Publiekscontact. Ook in de brieven "
    "verandert er iets: waar eerst klant stond, staat nu u of inwoner. Zo laten we zien dat we "
    "er voor inwoners zijn.\n",
]
# The same as a Markdown table, as a web page's word list has it.
MARKDOWN_GUIDE = (
    "## Woordenlijst dienstverlening\n\n| Niet | Wel |\n|---|---|\n"
    "| klant | inwoner, aanvrager |\n| klantmanager | consulent |\n"
    "| producten en diensten | voorzieningen |\n| inkopen (zorg) | contracteren |\n"
    "| casusoverleg | overleg over een gezin |\n"
)


@pytest.mark.parametrize("text", GUIDES)
def test_a_language_guide_checks_clean(text: str) -> None:
    assert [f.text for f in taalwacht.check(text)] == []


def test_a_word_list_in_a_markdown_table_checks_clean() -> None:
    assert [f.text for f in taalwacht.check(MARKDOWN_GUIDE, markup="markdown")] == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Wat klanten zeggen, telt voor ons.", "klanten"),  # people who say something
        ("Klantgericht schrijven is lastig voor een consulent.", "Klantgericht"),  # a manner
        ("En de klantmanager? Die belt u volgende week.", "klantmanager"),  # a person asked
        ("Vermijd onnodig klantcontact bij de balie.", "klantcontact"),  # not a word avoided
        ("We vervangen de klantenservice door een digitaal loket.", "klantenservice"),  # a thing
        ("Van klant naar werknemer met loondispensatie", "klant"),  # a person's way
        ("De consulent legt uit waarom hij over klanten spreekt die lang wachten.", "klanten"),
        ("Mijn klantmanager heet Jan en belt u morgen.", "klantmanager"),  # a person's name
        ("In deze podcast hebben we het over klantbeleving bij de gemeente.", "klantbeleving"),
    ],
)
def test_what_a_language_guide_says_does_not_silence_a_use(text: str, word: str) -> None:
    """The guide's forms (a word asked, said or avoided) are narrow: a use in the same shape
    is still reported."""
    assert word in [f.text for f in taalwacht.check(text)]


def test_a_letter_that_quotes_one_word_still_reports_its_uses() -> None:
    """One quoted word does not make a letter about the words."""
    text = (
        "Beste inwoner,\n\nUw klantmanager belt u volgende week over uw uitkering. In ons "
        "systeem heet dat het 'klantdossier'. Heeft u vragen? Dan kunt u ook het "
        "klantcontactcentrum bellen.\n"
    )
    found = [f.text for f in taalwacht.check(text)]
    assert found == ["klantmanager", "klantcontactcentrum"]


def test_the_seed_article_has_at_most_three_findings_none_quoted() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent: the article lives next to the repository")
    text = SEED.read_text("utf-8")
    findings = taalwacht.check(text)
    assert len(findings) <= 3, [f.text for f in findings]
    for f in findings:
        before, after = text[f.start - 1], text[f.end : f.end + 1]
        assert not (before in "'\"‘“" and after in "'\"’”"), f.text


def _recorded(text: str, pack: taalwacht.Pack) -> list[Features]:
    rows: list[Features] = []

    class Recorder:
        vocabulary = None  # every context word

        def decide(self, features: Features, rules: Verdict) -> Verdict:
            rows.append(features)
            return rules

    Engine([pack], sense=Recorder()).scan(text)
    return rows


def test_features_never_name_the_term() -> None:
    """A term an organisation adds is judged from the same evidence as a bundled one."""
    sentence = "De gemeente belt de {} over de Wmo-aanvraag en de hulp thuis."
    bundled = _recorded(sentence.format("klant"), load_bundled("markttaal"))
    own = _recorded(sentence.format("zorgconsument"), parse_pack(ORGANISATION_PACK, "zorgtaal.yml"))
    assert bundled and bundled == own
    assert not any(re.search("klant|zorgconsument", name) for name in bundled[0])


def test_a_new_term_is_decided_by_its_context() -> None:
    pack = parse_pack(ORGANISATION_PACK, "zorgtaal.yml")
    public = "De gemeente belt de zorgconsument over de Wmo-aanvraag en de hulp thuis."
    shop = "De supermarkt geeft elke zorgconsument korting op boodschappen in de winkel."
    assert [f.text for f in taalwacht.check(public, packs=[pack])] == ["zorgconsument"]
    assert taalwacht.check(shop, packs=[pack]) == []


def test_probabilities_are_a_distribution() -> None:
    model = shipped()
    features = _recorded("De klant krijgt een brief van de gemeente.", load_bundled("markttaal"))
    p = model.probabilities(features[0])
    assert len(p) == len(CLASSES) and abs(sum(p) - 1) < 1e-9 and min(p) > 0


def test_weighed_decisions_carry_their_models_confidence() -> None:
    use = "De klant krijgt een brief van de gemeente over de bijstand."
    (found,) = taalwacht.check(use, explain=True)
    assert found.decision is Decision.USE
    assert found.confidence is not None and 0 < found.confidence <= 1
    shop = "Onze klanten bestellen hun boodschappen online en betalen in de webwinkel."
    (found,) = taalwacht.check(shop, explain=True)
    assert found.decision is Decision.COMMERCIAL and found.rule == "commercial.trade"
    # a rule's confidence is its ground's share of right decisions (test_calibration.py)
    assert found.confidence == calibration.shipped().of("commercial.trade")
    assert "bestellen" in found.why


def test_one_sense_per_word_follows_the_surest_decision() -> None:
    engine = Engine([load_bundled("markttaal")])
    text = "Vermeld uw klantnummer. Uw klantnummer staat op de brief van de gemeente."
    occurrences = list(engine._occurrences(text, *lower_utf8(text)))
    sure = replace(verdict("use.person"), confidence=0.95)
    unsure = replace(verdict("commercial.market-passage"), confidence=0.6, weak=True)
    decided = [unsure, sure]
    one_sense_per_word(occurrences, decided)
    assert decided == [sure, sure]
    rule = verdict("mention.quoted")  # a rule's decision is about its own place
    decided = [rule, sure]
    one_sense_per_word(occurrences, decided)
    assert decided == [rule, sure]


def test_the_same_word_is_decided_once_in_a_letter() -> None:
    text = (
        "Klantnummer: 123456\n\nBeste mevrouw Jansen,\n\nU heeft bijstand aangevraagd bij de "
        "gemeente. Wij hebben uw aanvraag ontvangen en behandelen die binnen acht weken.\n\n"
        "Wilt u bij elke vraag over uw uitkering uw klantnummer noemen? Dan kunnen wij u "
        "sneller helpen.\n"
    )
    decisions = {f.decision for f in taalwacht.check(text, explain=True) if f.term == "klant"}
    assert decisions == {Decision.USE}


def test_explain_shows_rule_and_confidence(workdir: object) -> None:
    write(workdir / "a.txt", "De klant krijgt een brief van de gemeente.\n")  # type: ignore[operator]
    text = run("check", "--explain", "a.txt").output
    assert re.search(r"\(use\.person, zekerheid \d+%\)", text), text
    doc = json.loads(run("check", "--explain", "--format", "json", "a.txt").output)
    (finding,) = doc["files"][0]["findings"] if "files" in doc else doc["findings"]
    assert 0.5 <= finding["confidence"] <= 1 and finding["rule"] == "use.person"


def test_every_learned_rule_is_in_the_catalogue() -> None:
    from taalwacht import messages
    from taalwacht.engine.context.sense import RULE_OF

    known = set(messages.rule_ids())
    assert {*RULE_OF.values(), "use.learned", "mention.about-passage"} <= known
    assert all(Decision(r.partition(".")[0]) for r in known)


def test_every_cue_list_has_words_for_its_evidence() -> None:
    # a retrained model may weigh any cue list's counts; --explain must be able to say them
    from taalwacht.engine.context.cues import CUE_LISTS
    from taalwacht.engine.context.features import SPANS
    from taalwacht.engine.context.sense import readable

    for name in CUE_LISTS:
        for span in SPANS:
            assert readable(f"{name}@{span}").startswith("woorden ")


def test_no_cue_stands_twice_in_a_list() -> None:
    # a list that grows by evidence should say each cue once (KPN and kpn are one cue)
    from taalwacht.engine.context.cues import CUE_LISTS, cues

    for name in CUE_LISTS:
        entries = cues(name).entries
        assert len(set(entries)) == len(entries), (
            name,
            [e for e in entries if entries.count(e) > 1],
        )
