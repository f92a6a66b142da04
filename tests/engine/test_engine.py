"""The engine as users meet it: properties that hold for any text, and behaviour tables for
separable verbs, suppression comments, configuration and markup. Suggestions are in
test_suggest.py, the context modules' decisions in test_context.py."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import taalwacht
from taalwacht.api import default_service
from taalwacht.dutch.tokens import lower_same_length, lower_utf8
from taalwacht.engine.matching import Matcher
from taalwacht.model.finding import Decision, Finding
from taalwacht.service import parse

# ---------------------------------------------------------------- properties

PIECES = [
    # watched words, their forms and compounds, and look-alikes
    "klant",
    "klanten",
    "Klant",
    "KLANTEN",
    "bijstandsklanten",
    "klantmanager",
    "manager",
    "Wmo-klanten",
    "KCC's",
    "klantcontactcentrum",
    "product",
    "producten",
    "productie",
    "concern",
    "concernstaf",
    "inkoop",
    "ingekochte",
    "koopt",
    "kopen",
    "casus",
    "in casu",
    "klantgerichtheid",
    "vraaggericht",
    # ordinary words
    "de",
    "het",
    "gemeente",
    "zorg",
    "bij",
    "in",
    "te",
    "Utrecht",
    "woord",
    "supermarkt",
    "van",
    "en",
    "of",
    # punctuation, quotes, markup, layout
    " ",
    " ",
    " ",
    ".",
    ",",
    ":",
    "?",
    "(",
    ")",
    "'",
    '"',
    "\u2018",
    "\u2019",
    "*",
    "_",
    "`",
    "```",
    "<em>",
    "</em>",
    '<a title="',
    '">',
    "-",
    "- ",
    "/",
    "\n",
    "\r\n",
    "\t",
    "\u00ad",
    "\u2011",
    "@",
    "www.",
    "https://",
    "B.V.",
    "😀",
    "𝒳",
    # suppression comments
    "<!-- taalwacht-disable -->",
    "<!-- taalwacht-enable -->",
    "<!-- taalwacht-disable-next-line -->",
    "taalwacht-disable-line",
]
DUTCHISH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
MARKUPS = st.sampled_from(["text", "markdown", "html"])


def every_occurrence(text: str, markup: str) -> list[Finding]:
    """Every occurrence the engine finds, reported or not, in offsets into ``text``."""
    return default_service().check(parse(text, markup))


def check_invariants(text: str, findings: list[Finding]) -> None:
    previous_end = 0
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= previous_end, "findings overlap or are out of order"
        previous_end = f.end
        for span in f.related:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end].lower() == "in"
        if not f.reported:
            assert f.why, f"no reason why {f.text!r} ({f.decision.value}) is not reported"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), MARKUPS)
def test_any_unicode_text(text: str, markup: str) -> None:
    check_invariants(text, every_occurrence(text, markup))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(DUTCHISH, MARKUPS)
def test_any_text_of_dutch_pieces(text: str, markup: str) -> None:
    check_invariants(text, every_occurrence(text, markup))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(DUTCHISH)
def test_check_reports_exactly_the_reported_occurrences(text: str) -> None:
    every = taalwacht.check(text, explain=True)
    assert taalwacht.check(text) == [f for f in every if f.reported]


def every_hit(strings: dict[str, int], text: str) -> list[tuple[int, int]]:
    """What a matcher must give, found the slow way: every place each string ends, by that
    place, the longer string first."""
    found = [
        (at + len(key) - 1, -len(key), value)
        for key, value in strings.items()
        if key
        for at in range(len(text))
        if text.startswith(key, at)
    ]
    return [(end, value) for end, _, value in sorted(found)]


@settings(max_examples=300)
@given(
    st.lists(st.text("ankl-é😀", min_size=1, max_size=6), min_size=1, max_size=6),
    st.text("ankl-é😀 \udc80", max_size=40),
)
@example(["kaaa", "nkaaa", "n"], "")
@example(["klant", "lant"], "😀 klant é klant")  # a character of two UTF-16 units before
def test_matcher_gives_every_hit_in_order(words: list[str], text: str) -> None:
    """Strings that end in one another, overlapping hits, characters outside the BMP and a
    lone surrogate (a file decoded with surrogateescape): the text itself and its UTF-8
    bytes give the same hits, at character indices, whichever automaton reads them."""
    strings = {word[i:]: n for n, word in enumerate(words) for i in range(len(word))}
    text = text + " ".join(words)
    expected = every_hit(strings, text)
    for matcher in (Matcher(strings), Matcher(strings, dfa=False)):
        assert matcher.hits(text) == expected
        assert matcher.hits_in_utf8(text.encode("utf-8", "surrogatepass")) == expected


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(DUTCHISH)
@example("İnkoop bij de KLANTEN, Ézé \udc80 klant")  # capitals that lower to two, a surrogate
def test_the_first_pass_finds_every_watched_form(text: str) -> None:
    """The engine's first pass reads the lower case's bytes: the same hits as the lower
    case itself gives, each where its form stands."""
    engine = default_service().engine
    lower, raw = lower_utf8(text)
    assert lower == lower_same_length(text) and raw == lower.encode("utf-8", "surrogatepass")
    hits = engine.forms.hits_in_utf8(raw)
    assert hits == engine.forms.hits(lower)
    assert all(lower.endswith(surface, 0, end + 1) for end, (surface, _) in hits)


def test_an_empty_matcher_finds_nothing() -> None:
    assert Matcher({}).hits("klant") == [] and Matcher({"": 1}).hits_in_utf8(b"klant") == []


# ------------------------------------------------------------- separable verbs

# (text, the verb as reported or None, the particle it relates to)
SEPARABLE = [
    ("De gemeente koopt de zorg bij drie aanbieders in.", "koopt", "in"),
    ("De gemeente koopt de jeugdhulp in bij drie aanbieders.", "koopt", "in"),
    ("Wij kopen de begeleiding in, want het moet.", "kopen", "in"),
    ("De regio kocht vorig jaar de Wmo-begeleiding in.", "kocht", "in"),
    ("De gemeente besloot de jeugdhulp in te kopen.", "kopen", "in"),
    # a verb cluster between the particle and the infinitive: "in" never a preposition there
    ("De jeugdhulp die de regio in wil kopen, is duur.", "kopen", "in"),
    ("Gemeenten zullen de jeugdhulp in gaan kopen bij de regio.", "kopen", "in"),
    ("Wat de gemeente in Utrecht wil kopen.", None, None),
    # the preposition "in" on the way does not end the search (issue 8's own example)
    ("We kopen de begeleiding in overleg met de regio in.", "kopen", "in"),
    # a preposition after "in" leaves it no noun to govern: the particle
    ("De gemeenten kopen de hulp bij het huishouden in volgens de methodiek.", "kopen", "in"),
    (
        "We kopen hulp in het kader van de Wmo (Wet maatschappelijke ondersteuning) in.",
        "kopen",
        "in",
    ),
    # a word that starts with a hyphen ("of -traject") goes on with the clause, and a cue
    # with a non-breaking hyphen from a PDF (re‑integratie) is the same cue
    (
        "Wij kopen een re\u2011integratiedienst of -traject in bij re\u2011integratiebedrijven.",
        "kopen",
        "in",
    ),
    # a relative clause after the particle (a pgb holder's letter), not a noun after "in die"
    ("Met uw budget koopt u alle hulp in die u nodig heeft.", "koopt", "in"),
    ("Met het pgb koopt u zelf de zorg in waarvoor u een budget krijgt.", "koopt", "in"),
    ("Gemeenten kopen samen jeugdhulp in die onder de Jeugdwet valt.", "kopen", "in"),
    ("De gemeente koopt de zorg in dat geval bij de regio in.", "koopt", "in"),
    # the relative is the clause's subject: its verb or "nodig" follows it, never a noun
    ("Zij kopen voor hun inwoners alle zorg in die valt onder de Wmo.", "kopen", "in"),
    ("De gemeente koopt de begeleiding in die nodig is.", "koopt", "in"),
    ("De regio koopt de jeugdhulp in die past bij de vraag van het gezin.", "koopt", "in"),
    ("De gemeente koopt zorg in die regio.", None, None),
    ("Hij koopt een huis in dat dorp.", None, None),
    ("De gemeente koopt zorg in Utrecht.", None, None),
    ("De gemeente koopt zorg in Utrecht", None, None),
    ("Zij koopt een fiets.", None, None),
    ("Zij koopt een fiets. In de winkel.", None, None),
]


@pytest.mark.parametrize(("text", "verb", "particle"), SEPARABLE)
def test_separable_verbs(text: str, verb: str | None, particle: str | None) -> None:
    found = taalwacht.check(text)
    if verb is None:
        assert found == []
        return
    [f] = found
    assert f.text == verb
    assert f.term == "inkopen"
    [span] = f.related
    assert text[span.start : span.end] == particle
    # the related "in" is the particle, not some earlier "in" in the sentence: after the
    # verb, or before it with only "te" or the verbs of a cluster between
    between = text[span.end : f.start].split()
    assert span.start > f.end or between[0] in ("te", "wil", "gaan")


# ---------------------------------------------------------- suppression comments

SUPPRESSION = [
    # (text, words reported, words suppressed), in order of appearance
    (
        "<!-- taalwacht-disable-next-line -->\nDe klant wacht.\nDe klantmanager belt.",
        ["klantmanager"],
        ["klant"],
    ),
    (
        "<!-- taalwacht-disable-next-line -->\r\nDe klant wacht.\r\nDe klantmanager belt.",
        ["klantmanager"],
        ["klant"],
    ),
    (
        "De klant.\n<!-- taalwacht-disable -->\nDe klant wacht.\nDe klantmanager ook.\n"
        "<!-- taalwacht-enable -->\nDe klantmanager belt.",
        ["klant", "klantmanager"],
        ["klant", "klantmanager"],
    ),
    (
        "De klant.\n<!-- taalwacht-disable -->\nDe klanten wachten tot het eind.",
        ["klant"],
        ["klanten"],
    ),
    (
        "De klant wacht. <!-- taalwacht-disable-line -->\nDe klantmanager belt.",
        ["klantmanager"],
        ["klant"],
    ),
    (
        "De klant wacht. # taalwacht-disable-line\nDe klantmanager belt.",
        ["klantmanager"],
        ["klant"],
    ),
    (
        "De klant wacht.\nDe klantmanager belt. <!-- taalwacht-disable-line -->",
        ["klant"],
        ["klantmanager"],
    ),
]


@pytest.mark.parametrize(("text", "reported", "suppressed"), SUPPRESSION)
def test_suppression_comments(text: str, reported: list[str], suppressed: list[str]) -> None:
    markup = "markdown"
    assert [f.text for f in taalwacht.check(text, markup=markup)] == reported
    every = taalwacht.check(text, markup=markup, explain=True)
    assert [f.text for f in every if f.decision is Decision.SUPPRESSED] == suppressed
    assert all(f.why for f in every if f.decision is Decision.SUPPRESSED)


# --------------------------------------------------------------- configuration


def test_allow_phrase() -> None:
    text = "Het project Klantreis Jeugd start in mei voor de klant."
    assert [f.text for f in taalwacht.check(text)] == ["Klantreis", "klant"]
    assert [f.text for f in taalwacht.check(text, allow=["Klantreis Jeugd"])] == ["klant"]
    every = taalwacht.check(text, allow=["Klantreis Jeugd"], explain=True)
    assert [(f.text, f.decision) for f in every] == [
        ("Klantreis", Decision.ALLOWED),
        ("klant", Decision.USE),
    ]
    assert "klantreis jeugd" in every[0].why.lower()


def test_allow_phrase_is_case_insensitive_and_whole_words() -> None:
    text = "De klant wacht op een antwoord."
    assert taalwacht.check(text, allow=["DE KLANT WACHT"]) == []
    assert len(taalwacht.check(text, allow=["klant wachtrij"])) == 1


def test_severity_override() -> None:
    [f] = taalwacht.check("De klant wacht.", severity={"klant": "error"})
    assert f.severity == "error"
    [g] = taalwacht.check("De klantmanager belt.", severity={"klant": "error"})
    assert g.severity == "warning"  # another term keeps its own severity


# -------------------------------------------------------------------- markup

# (text, markup, words reported)
MARKUP = [
    ("Het woord *klant* is oud. De klant wacht.", "markdown", ["klant"]),
    ("Gebruik `klant` niet. De klant wacht.", "markdown", ["klant"]),
    ("```\nklant = 1\nklanten = []\n```\nDe klant wacht.", "markdown", ["klant"]),
    ("    klant = 1\n\nDe klant wacht.", "markdown", ["klant"]),
    ("<p>Het woord <em>klant</em> is oud.</p><p>De klant wacht.</p>", "html", ["klant"]),
    ('<p><a title="het woord klant" href="/klant">link</a> De klant wacht.</p>', "html", ["klant"]),
    ("<pre>klant = 1</pre><p>De klant wacht.</p>", "html", ["klant"]),
    ("<code>klant</code> De klant wacht.", "html", ["klant"]),
]


@pytest.mark.parametrize(("text", "markup", "reported"), MARKUP)
def test_mentions_in_markup_are_not_reported(text: str, markup: str, reported: list[str]) -> None:
    found = taalwacht.check(text, markup=markup)
    assert [f.text for f in found] == reported
    # the reported one is the last "klant", the plain use
    assert found[-1].start == text.rindex("klant")
    every = taalwacht.check(text, markup=markup, explain=True)
    assert all(f.why for f in every if not f.reported)


@pytest.mark.parametrize(
    "middle",
    [
        pytest.param(10, id="short line"),
        pytest.param(200, id="long line"),
    ],
)
def test_a_backquote_in_an_earlier_paragraph_does_not_make_code(middle: int) -> None:
    """A lone backquote opens no code span beyond its paragraph (CommonMark lets a code
    span run over a line break inside one paragraph, so the paragraphs are apart)."""
    text = (
        "Typ `x in het veld.\n\n"
        # a filler that says whose the customer is: this test is about code, not sense
        + "De gemeente stuurt u binnenkort een brief zonder code. " * middle
        + "De klant wacht op `antwoord`."
    )
    assert [f.text for f in taalwacht.check(text, markup="markdown")] == ["klant"]
    one_paragraph = text.replace("\n\n", "\n")
    assert [f.text for f in taalwacht.check(one_paragraph, markup="text")] == ["klant"]


def test_html_title_is_text_people_read_but_a_link_target_is_not() -> None:
    text = '<a title="de klant wacht" href="/klant">link</a>'
    found = taalwacht.check(text, markup="html")
    assert [(f.text, f.start) for f in found] == [("klant", text.index("klant"))]


# -------------------------------------------------------------------- decisions


def test_zorginkoop_is_care_procurement() -> None:
    found = taalwacht.check("De gemeente regelt de zorginkoop.")
    assert [f.text for f in found] == ["zorginkoop"]


@pytest.mark.parametrize(
    "text", ["Wij zijn klantgericht.", "De medewerkers zijn klantvriendelijk."]
)
def test_verb_zijn_is_not_a_possessive(text: str) -> None:
    assert len(taalwacht.check("Wij willen klantgericht zijn.")) == 1
    assert len(taalwacht.check(text)) == 1


# ---------------------------------------------------------------------- offsets


@pytest.mark.parametrize(
    "prefix",
    [
        "Hallo\r\n\r\n",
        "😀😀 ",
        "𝒳 en 😀\r\n",
        "cli\u00ebnt en e\u0301e\u0301n ",
        "İstanbul İİİ ",
        "\ufeff",
        "a\u00adb ",
    ],
    ids=["crlf", "emoji", "astral+crlf", "combining", "dotted-I", "bom-char", "soft-hyphen"],
)
def test_offsets_are_exact_after_any_prefix(prefix: str) -> None:
    body = "De klant wacht.\r\nDe bijstandsklanten en de klant-\r\nmanager ook."
    text = prefix + body
    found = taalwacht.check(text)
    assert [f.text for f in found] == ["klant", "bijstandsklanten", "klant-\r\nmanager"]
    plain = taalwacht.check(body)
    for f, g in zip(found, plain, strict=True):
        assert text[f.start : f.end] == f.text
        assert (f.start - len(prefix), f.end - len(prefix)) == (g.start, g.end)


# ------------------------------------------------------------- explain: why


def test_every_unreported_occurrence_says_why() -> None:
    text = (
        "Het woord 'klant' is oud. De klanten van de supermarkt klagen. "
        "Het bruto binnenlands product groeit. In casu is dat anders. "
        "Het Shell-concern maakte winst. Wij kopen laptops in. "
        "<!-- taalwacht-disable-next-line -->\nDe klant wacht.\n"
        "Kijk op www.example.nl/klant voor meer. Het Klantinteracties API-register."
    )
    every = taalwacht.check(text, explain=True)
    unreported = [f for f in every if not f.reported]
    assert {f.decision for f in unreported} >= {
        Decision.MENTION,
        Decision.COMMERCIAL,
        Decision.OTHER,
        Decision.SUPPRESSED,
    }
    for f in unreported:
        assert f.why.strip(), f
        assert f.suggestions == ()
    assert any(f.decision is Decision.FIXED and f.severity == "info" for f in every)


EXCISE = (
    "Artikel 1. De verbruiksbelasting geldt voor alcoholvrije dranken en enkele andere producten.\n"
    "Artikel 2. De fabrikant bewaart de producten in een erkende opslagplaats.\n"
    "Artikel 3. Producten die de fabrikant uitvoert, zijn vrijgesteld.\n"
    "Artikel 4. De importeur meldt de verpakking van de producten vooraf.\n"
    "Artikel 5. De afnemer vindt op de factuur de prijs van de producten.\n"
)
LICENCE = "Artikel 6. De inspecteur verleent op aanvraag een vergunning voor de producten."


def test_a_text_that_means_goods_everywhere_means_them_where_the_evidence_is_thin() -> None:
    """On its own the licence article reads as a public service; after five articles about
    the same products as goods, it is about those goods too."""
    alone = taalwacht.check(LICENCE)
    assert [f.reported for f in alone] == [True]
    last = taalwacht.check(EXCISE + LICENCE, explain=True)[-1]
    assert not last.reported
    assert last.rule == "commercial.text-majority"
    assert "4 van de 4" in last.why


PROTOCOL = (
    "Artikel 1. Klant: de persoon met een arbeidsbeperking aan wie de gemeente een voorziening "
    "verstrekt.\n"
    "Artikel 2. De gemeente bespreekt met de Klant welke ondersteuning op de werkplek nodig is.\n"
    "Artikel 3. De Klant ontvangt binnen vier weken een beslissing van de gemeente.\n"
    "Artikel 4. Werken meer Klanten binnen een onderneming op één afdeling, dan ondersteunt één "
    "begeleider hen samen.\n"
    "Artikel 5. De begeleider rapporteert over de Klant aan de gemeente.\n"
)
PROTOCOL_MORE = (
    "Artikel 6. De Klant kan bezwaar maken tegen de beslissing.\n"
    "Artikel 7. De gemeente stuurt de Klant een afschrift van het verslag.\n"
    "Artikel 8. Verhuist de Klant, dan meldt hij dat aan de gemeente.\n"
)


def test_a_term_a_text_defines_with_a_capital_keeps_its_sense_beside_a_business() -> None:
    """A municipality's protocol writes its Klant with a capital throughout: the company
    where some of them work does not make them a company's customers. With only a few such
    words the text has not shown that it defines one, and the cue decides."""
    few = [f for f in taalwacht.check(PROTOCOL, explain=True) if f.text == "Klanten"]
    assert [f.reported for f in few] == [False]
    [klanten] = [
        f for f in taalwacht.check(PROTOCOL + PROTOCOL_MORE, explain=True) if f.text == "Klanten"
    ]
    assert klanten.reported
    assert klanten.rule == "use.defined-term"
    assert "6 van de 7" in klanten.why


def test_the_benefit_agencys_clients_stay_its_clients_beside_the_firms_it_contracts() -> None:
    """UWV's rules for the jobcoach and re-integration firms it contracts: the firm's words
    (onderneming, bedrijf) do not make the agency's clients a market's."""
    text = PROTOCOL.replace("de gemeente", "UWV").replace("begeleider", "jobcoach")
    [klanten] = [f for f in taalwacht.check(text, explain=True) if f.text == "Klanten"]
    assert klanten.reported


@pytest.mark.parametrize("firm", ["re-integratiebedrijf", "reïntegratiebedrijf"])
def test_the_re_integration_firms_clients_are_the_benefit_agencys_in_either_spelling(
    firm: str,
) -> None:
    """Older texts spell reïntegratie with a diaeresis (frozen test 65: "de klachten van
    klanten over de reïntegratiebedrijven", flagged): it names the public work as the
    hyphenated spelling does, so the firm's words do not make the clients a market's."""
    text = PROTOCOL.replace("de gemeente", "het " + firm).replace("een onderneming", "de branche")
    [klanten] = [f for f in taalwacht.check(text, explain=True) if f.text == "Klanten"]
    assert klanten.reported, klanten.why


# a table of contents of a tax cooperation's budget (frozen test 58), whose numbered headings
# open with a capital
BUDGET_CONTENTS = (
    "3.4 Producten ... 21\n\n3.4.1 Product Heffen ... 21\n\n3.4.2 Product Waarderen ... 21\n\n"
    "3.4.3 Product Innen ... 22\n\n3.4.4 Product Klantzaken ... 22\n\n"
    "3.4.5 Product Ondersteuning & Ontwikkeling ... 23\n"
)


def test_a_numbered_heading_opens_with_a_capital_and_defines_no_term() -> None:
    """Headings after a section number are capitalised because they open a line: they do
    not make the word a term the text defines, so each is decided on its own."""
    found = taalwacht.check(BUDGET_CONTENTS, explain=True)
    assert [f for f in found if f.rule.endswith("defined-term")] == []
    assert found[-1].reported, found[-1].why


def test_a_purchase_of_goods_sets_the_sense_of_the_same_word_where_evidence_is_thin() -> None:
    """A heading "Inkoop" far from any evidence of its own follows the text's purchasing of
    goods and works, which a rule found; without that text it is care procurement."""
    filler = " ".join(["De vergadering begint om negen uur en eindigt om twaalf uur."] * 30)
    heading = filler + "\n\nInkoop\n\nDe jeugdhulp in de regio is goed geregeld."
    [alone] = taalwacht.check(heading, explain=True)
    assert alone.reported, alone.why
    goods = "De inkoop geldt voor leveringen, diensten en werken. "
    found = taalwacht.check(goods + heading, explain=True)
    assert [f.rule for f in found] == ["commercial.general-purchasing"] * 2


def test_people_keep_their_own_sense_in_a_text_about_companies() -> None:
    """Re-integration companies have "klanten" who are the agency's residents: the text's
    majority does not decide a word for people."""
    text = (
        "Het bedrijf werft zijn klanten via de website. Het bedrijf belt zijn klanten. "
        "Het bedrijf stuurt zijn klanten een factuur. Het bedrijf kent zijn klanten. "
        "Het bedrijf bedankt zijn klanten.\n\n"
        "UWV koopt de begeleiding in voor de klant met een WW-uitkering."
    )
    last = [f for f in taalwacht.check(text, explain=True) if f.term == "klant"][-1]
    assert last.reported, last.why


# ------------------------------------------------------------ words a fix wrote


def test_words_an_earlier_fix_wrote_are_no_evidence_but_stay_checked() -> None:
    """A ``written`` region (what ``fix`` wrote, from its backups' notes) is read as if its
    letters were not there: "inwoners" a fix wrote makes no public service of "producten".
    A watched word inside such a region is still found, with its own letters."""
    from taalwacht.engine.scan import Engine
    from taalwacht.model.document import Region
    from taalwacht.packs import load_bundled

    engine = Engine([load_bundled("markttaal")])
    text = "Onze producten zijn gratis voor inwoners."
    at = text.index("inwoners")
    plain = engine.scan(text)
    written = engine.scan(text, [Region(at, at + len("inwoners"), "written")])
    assert [(f.text, f.reported) for f in plain] == [("producten", True)]
    assert [(f.text, f.reported) for f in written] == [("producten", False)]
    everywhere = engine.scan(text, [Region(0, len(text), "written")])
    assert [(f.start, f.text) for f in everywhere] == [(5, "producten")]
