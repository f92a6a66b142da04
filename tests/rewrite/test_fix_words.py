"""The words `fix` must never damage: look-alikes stay, compounds become real words or are
left for a person, elided compounds keep every member. Each row: text in, text out (the
same text when the word is left), and the reason it is left, if it is."""

from __future__ import annotations

import pytest

import taalwacht

LEFT = None  # the text stays as it is

ROWS = [
    # look-alikes: never touched, not even reported
    ("Het productieregistratiesysteem van de gemeente werkt.", LEFT, None),
    ("De Productieketen van de gemeente is lang.", LEFT, None),
    ("De mestproductierechten van de boeren.", LEFT, None),
    ("De productiviteit van de gemeente stijgt.", LEFT, None),
    ("De producent levert aan de gemeente.", LEFT, None),
    # another alternative's compound is a word with its own meaning: hulplijst is a helpline
    ("De productenlijst van de gemeente staat in de bijlage.", LEFT, "dienstenlijst"),
    # the -s- of a head is not a linking -s-
    (
        "De concernstructuur van de gemeente wijzigt.",
        "De gemeentebrede structuur van de gemeente wijzigt.",
        None,
    ),
    # elided compounds keep every member
    (
        "Wij werken aan product- en procesinnovatie bij de gemeente.",
        "Wij werken aan dienst- en procesinnovatie bij de gemeente.",
        None,
    ),
    (
        "Het klant- en medewerkerstevredenheidsonderzoek van de gemeente.",
        "Het inwoner- en medewerkerstevredenheidsonderzoek van de gemeente.",
        None,
    ),
    (
        "De concern- en/of afdelingsbegroting van de gemeente.",
        "De gemeente- en/of afdelingsbegroting van de gemeente.",
        None,
    ),
    (
        "Wij zijn klant- en servicegericht bij de gemeente.",
        "Wij zijn inwoner- en servicegericht bij de gemeente.",
        None,
    ),
    # a compound made by swapping a member must be a word of the lexicon ...
    ("De productfolders van de gemeente worden herschreven.", LEFT, "niet in de woordenlijst"),
    # ... such as the compounds labellers wrote for product words (lexicon-extra.txt)
    (
        "De productteksten van de gemeente worden herschreven.",
        "De dienstteksten van de gemeente worden herschreven.",
        None,
    ),
    # ... unless the pack lets the alternative compound freely (contracterings-)
    (
        "Het inkoopbeleid van de gemeente voor jeugdhulp.",
        "Het contracteringsbeleid van de gemeente voor jeugdhulp.",
        None,
    ),
    # ... or it is the writer's own compound without the watched first member: Dutch
    # compounds are right-headed, so contactkanalen is the head the writer wrote
    (
        "De klantcontactkanalen van de gemeente zijn telefoon, mail en balie.",
        "De contactkanalen van de gemeente zijn telefoon, mail en balie.",
        None,
    ),
    (
        "De jaarlijkse klanttevredenheidsmeting van de gemeente Wmo.",
        "De jaarlijkse tevredenheidsmeting van de gemeente Wmo.",
        None,
    ),
    # a head the pack does not name leads a phrase (the singular member: one inwoner); the
    # pack names a municipality's inwonerspanel, the word labellers wrote (5 of 6)
    (
        "De klantbarometer van de gemeente staat op groen.",
        "De barometer van de inwoner van de gemeente staat op groen.",
        None,
    ),
    (
        "Het klantpanel van de gemeente komt bijeen.",
        "Het inwonerspanel van de gemeente komt bijeen.",
        None,
    ),
    # words the pack names for a compound are the organisation's choice
    (
        "Het klantcontactcentrum van de gemeente is open.",
        "Het contactcentrum van de gemeente is open.",
        None,
    ),
    (
        "De bijstandsklanten krijgen een brief van de gemeente.",
        "De bijstandsgerechtigden krijgen een brief van de gemeente.",
        None,
    ),
    # issue 8's example of a made-up word: Klantnummer never becomes Inwonernummer
    (
        "Klantnummer: 12345. Vermeld bij vragen aan de gemeente uw klantnummer.",
        "Dossiernummer: 12345. Vermeld bij vragen aan de gemeente uw dossiernummer.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected", "reason"), ROWS)
def test_fix_words(text: str, expected: str | None, reason: str | None) -> None:
    result = taalwacht.fix(text)
    assert result.text == (text if expected is None else expected)
    if reason is not None:
        assert any(reason in left.reason for left in result.left), result.left


def test_prefer_does_not_make_artificial_compounds() -> None:
    text = "De bijstandsklanten krijgen een brief van de gemeente."
    result = taalwacht.fix(text, prefer={"klant": "burger"})
    assert result.text == text  # bijstandsburgers is no word; the organisation chose burger
    assert ["bijstandsburgers" in left.reason for left in result.left] == [True]


def test_klantnummer_never_becomes_inwonernummer() -> None:
    result = taalwacht.fix("Uw Klantnummer staat bovenaan de brief van de gemeente.")
    assert "Inwonernummer" not in result.text  # not a Dutch word


NAMES = [
    ("Besluit Inkoopkader Jeugdhulp 2024 van de gemeente.", "Inkoopkader", "fixed.title"),
    ("Bel Team Klantcontact van de gemeente.", "Klantcontact", "fixed.department"),
    (
        "Met vriendelijke groet,\n\nJan de Vries\nklantmanager Werk en Inkomen\n",
        "klantmanager",
        "fixed.job-title",
    ),
]


@pytest.mark.parametrize(("text", "word", "rule"), NAMES)
def test_names_and_titles_are_information_and_left(text: str, word: str, rule: str) -> None:
    found = [f for f in taalwacht.check(text) if f.text == word]
    assert [(f.severity, f.rule) for f in found] == [("info", rule)]
    assert taalwacht.fix(text).text == text


def test_a_department_that_buys_office_supplies_is_plain_procurement() -> None:
    found = taalwacht.check("De afdeling Inkoop bestelt het kantoorpapier.", explain=True)
    assert [f.decision.value for f in found] == ["commercial"]


def test_code_is_never_edited_in_html() -> None:
    page = (
        "<html><head><style>.klantmanager{color:red}</style><script>const klant = 1;</script>"
        '</head><body><p title="De klantmanager">De klantmanager belt.</p>'
        "<pre>klant = 2</pre><!-- klant --></body></html>"
    )
    fixed = taalwacht.fix(page, markup="html").text
    assert fixed == page.replace("De klantmanager", "De consulent")


def test_code_front_matter_and_link_targets_are_never_edited_in_markdown() -> None:
    text = (
        "---\ntitle: klant\ntags: [klantmanager]\n---\n# Uitleg\n\n"
        "De klantmanager belt. Zie [hier](https://x.nl/klant).\n\n```\nklant = 1\n```\n"
        "\n    klantmanager = 2\n\nEn `klant` in code.\n"
    )
    fixed = taalwacht.fix(text, markup="markdown").text
    assert fixed == text.replace("De klantmanager belt", "De consulent belt")
