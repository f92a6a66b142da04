"""Words around a position: exact spans into the original text, and their parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taalwacht.dutch.tokens import MAX_TOKEN, lower_same_length, word_at


def find(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


KM = ["klant", "manager"]
# (text, a piece inside the word, the whole word as written, its parts, joined lower case)
WORDS = [
    ("de klant komt", "la", "klant", ["klant"], "klant"),
    ("de klant komt", "k", "klant", ["klant"], "klant"),
    ("de klant komt", "t", "klant", ["klant"], "klant"),
    ("klant", "klant", "klant", ["klant"], "klant"),
    ("De Wmo-klanten komen", "klanten", "Wmo-klanten", ["Wmo", "klanten"], "wmoklanten"),
    ("De Wmo-klanten komen", "Wmo", "Wmo-klanten", ["Wmo", "klanten"], "wmoklanten"),
    ("het Wmo\u2011loket", "loket", "Wmo\u2011loket", ["Wmo", "loket"], "wmoloket"),
    ("bel het KCC's nummer", "KCC", "KCC's", ["KCC", "s"], "kccs"),
    ("bel het KCC\u2019s nummer", "KCC", "KCC\u2019s", ["KCC", "s"], "kccs"),
    ("de klant-\nmanager belt", "klant", "klant-\nmanager", KM, "klantmanager"),
    ("de klant-\nmanager belt", "manager", "klant-\nmanager", KM, "klantmanager"),
    ("de klant-\r\nmanager belt", "klant", "klant-\r\nmanager", KM, "klantmanager"),
    ("de klant-\r\nmanager belt", "manager", "klant-\r\nmanager", KM, "klantmanager"),
    ("de klant- \n  manager belt", "klant", "klant- \n  manager", KM, "klantmanager"),
    ("de klant\u00admanager", "k", "klant\u00admanager", ["klant\u00admanager"], "klantmanager"),
    ('zij zei ("klant"), toen', "klant", "klant", ["klant"], "klant"),
    ("\u00abklant\u00bb.", "klant", "klant", ["klant"], "klant"),
    ("'klant'", "klant", "klant", ["klant"], "klant"),
    ("-klant-", "klant", "klant", ["klant"], "klant"),
    ("*klant*", "klant", "klant", ["klant"], "klant"),
    ("cli\u00ebnt", "cli", "cli\u00ebnt", ["cli\u00ebnt"], "cli\u00ebnt"),
    ("clie\u0308nt", "nt", "clie\u0308nt", ["clie\u0308nt"], "clie\u0308nt"),  # combining diaeresis
]


@pytest.mark.parametrize(("text", "piece", "word", "parts", "joined"), WORDS)
def test_word_at(text: str, piece: str, word: str, parts: list[str], joined: str) -> None:
    start, end = find(text, piece)
    token = word_at(text, start, end)
    assert token is not None
    assert text[token.start : token.end] == word
    assert text.index(word) == token.start
    assert [text[s:e] for s, e in token.parts] == parts
    assert token.joined(lower_same_length(text)) == joined


# A hyphen that does not join: a dash between spaces, a double hyphen, a hyphen at the end
# of a line followed by a capital (a new item, not a broken word), a trailing hyphen.
NOT_JOINED = [
    ("klant - manager", "klant"),
    ("klant--manager", "klant"),
    ("klant-\nManager", "klant"),
    ("klant-\n\nmanager", "klant"),
    ("klant-", "klant"),
    ("klant.manager", "klant"),
    ("klant/manager", "klant"),
]


@pytest.mark.parametrize(("text", "word"), NOT_JOINED)
def test_hyphen_that_does_not_join(text: str, word: str) -> None:
    token = word_at(text, 0, 2)
    assert token is not None
    assert text[token.start : token.end] == word


def test_a_run_longer_than_max_token_is_no_word() -> None:
    text = "x " + "a" * 200 + " y"
    for i in (2, 50, 100, 150, 201):
        assert word_at(text, i, i + 1) is None


def test_a_run_of_max_token_letters_is_a_word() -> None:
    text = "x " + "a" * MAX_TOKEN + " y"
    token = word_at(text, 10, 11)
    assert token is not None
    assert (token.start, token.end) == (2, 2 + MAX_TOKEN)


@pytest.mark.parametrize("length", [MAX_TOKEN + 1, 150])
def test_no_token_is_longer_than_max_token(length: int) -> None:
    text = "a" * length
    middle = length // 2
    assert word_at(text, middle, middle + 1) is None


def test_punctuation_is_not_a_word() -> None:
    assert word_at("a . b", 2, 3) is None


# ---------------------------------------------------------------- lower_same_length


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("KLANT", "klant"),
        ("Klant", "klant"),
        ("İstanbul KLANT", "İstanbul klant"),  # İ lower-cases to two characters: kept
        ("CLIËNT", "cliënt"),
        ("", ""),
    ],
)
def test_lower_same_length(text: str, lower: str) -> None:
    assert lower_same_length(text) == lower


@given(st.text())
def test_lower_same_length_keeps_every_offset(text: str) -> None:
    low = lower_same_length(text)
    assert len(low) == len(text)
    for c, lc in zip(text, low, strict=True):
        single = c.lower() if len(c.lower()) == 1 else c
        # str.lower() writes Greek capital sigma as final sigma at a word's end ('AΣ' -> 'aς'):
        # another letter, the same offset
        assert lc == single or (single == "σ" and lc == "ς")


# the shortcut for texts whose only capitals are ASCII ones, and the texts it must leave to
# str.lower: capitals beyond ASCII, Greek sigma, the Kelvin sign, a lone surrogate
@pytest.mark.parametrize(
    "text",
    [
        "de ‘Klant’ – of “KLANT”",
        "één KLANT",
        "ÉÉN klant",
        "ΑΣ Klant",
        "K Klant",
        "\udc80 KLANT",
    ],
)
def test_lower_same_length_is_str_lower(text: str) -> None:
    assert lower_same_length(text) == text.lower()


@given(st.text())
def test_lower_same_length_is_str_lower_where_lengths_agree(text: str) -> None:
    if len(text.lower()) == len(text):
        assert lower_same_length(text) == text.lower()


WORDISH = st.text(alphabet=st.sampled_from(list("aklntK-'\u2019\u00ad\n\r .,\"ë")), max_size=60)


@given(WORDISH, st.data())
def test_word_at_span_contains_the_query_and_lies_in_the_text(
    text: str, data: st.DataObject
) -> None:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if not letters:
        return
    i = data.draw(st.sampled_from(letters))
    token = word_at(text, i, i + 1)
    assert token is not None
    assert 0 <= token.start <= i < i + 1 <= token.end <= len(text)
    prev = token.start
    for s, e in token.parts:
        assert prev <= s < e <= token.end
        prev = e
    # the same word is found from any letter in it
    for s, _ in token.parts:
        again = word_at(text, s, s + 1)
        assert again is not None
        assert (again.start, again.end) == (token.start, token.end)


def test_a_word_split_over_an_indented_line_is_one_word_from_either_half() -> None:
    """Hypothesis found 'K-\\n a': from the second half the word did not reach back over the
    next line's indent, so a finding there would have covered half a word."""
    text = "de klant-\n   gegevens"
    whole = word_at(text, 3, 4)
    assert whole is not None
    assert word_at(text, text.index("gegevens"), text.index("gegevens") + 1) == whole
