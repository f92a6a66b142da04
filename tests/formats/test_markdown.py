"""The Markdown reader: the file is what the engine reads; regions mark code, link targets,
front matter and HTML, and emphasis that makes a word a mention."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taalwacht.formats.markdown import parse
from taalwacht.model.document import Document


def spans(document: Document, kind: str) -> list[str]:
    """The file's characters under each region of ``kind``, in order."""
    return [document.text[r.start : r.end] for r in document.regions if r.kind == kind]


def region_at(document: Document, needle: str) -> set[str]:
    """The kinds of the regions that cover the first ``needle`` in the file."""
    start = document.text.index(needle)
    end = start + len(needle)
    return {r.kind for r in document.regions if r.covers(start, end)}


def test_the_file_is_the_view() -> None:
    text = "# Welkom\n\nDe klant belt.\n"
    document = parse(text, "pagina.md")
    assert document.kind == "markdown"
    assert document.text == text and document.view is None
    assert document.offsets.identity
    assert document.path == "pagina.md"
    assert document.readable == text


def test_plain_prose_has_no_regions() -> None:
    document = parse("# De klant\n\nWij helpen de klant graag.\n\n- een klant\n- twee\n")
    assert document.regions == ()


# Code


def test_a_fenced_block_is_code_without_its_fences() -> None:
    document = parse("Voorbeeld:\n\n```python\nklant = Klant()\nprint(klant)\n```\n\nDe klant.\n")
    assert spans(document, "code") == ["klant = Klant()\nprint(klant)"]
    assert document.regions[0].note == "codeblok"
    assert region_at(document, "De klant.") == set()


def test_a_tilde_fence_and_an_unclosed_fence_are_code() -> None:
    document = parse("~~~~\nklant\n~~~~\n\n```\nnog een klant\n")
    assert spans(document, "code") == ["klant", "nog een klant"]


def test_an_indented_block_is_code() -> None:
    document = parse("Zie hier:\n\n    klant = 1\n    klant += 1\n\nDe klant.\n")
    assert spans(document, "code") == ["    klant = 1\n    klant += 1"]
    assert document.regions[0].note == "codeblok"


def test_a_fence_inside_a_list_is_code() -> None:
    document = parse("- stap:\n\n  ```\n  klant\n  ```\n")
    assert spans(document, "code") == ["  klant"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Typ `klant` in het veld.", "`klant`"),
        ("Typ ``de `klant` variabele`` in.", "``de `klant` variabele``"),
        ("Typ `klant\nmanager` in.", "`klant\nmanager`"),
        ("Typ \\`geen\\` maar `klant` in.", "`klant`"),
        ("Typ \\`geen` maar `klant` in.", "` maar `"),  # CommonMark: the escaped one opens nothing
        ("| kolom |\n|---|\n| `klant` |", "`klant`"),
    ],
)
def test_inline_code_runs_from_backtick_to_backtick(text: str, code: str) -> None:
    document = parse(text)
    assert spans(document, "code") == [code]
    assert all(r.note == "`…`" for r in document.regions)


# Links and images


def test_a_link_target_is_skipped_and_its_text_read() -> None:
    document = parse('Lees [de klantenservice](https://x.nl/klant "Over de klant") verder.\n')
    assert spans(document, "skip") == ['](https://x.nl/klant "Over de klant")']
    assert region_at(document, "de klantenservice") == set()
    assert region_at(document, "https://x.nl/klant") == {"skip"}


def test_a_target_in_angle_brackets_and_with_parentheses() -> None:
    document = parse("Zie [hier](<https://x.nl/de klant>) en [daar](https://x.nl/(klant)).\n")
    assert spans(document, "skip") == ["](<https://x.nl/de klant>)", "](https://x.nl/(klant))"]


def test_reference_links_and_definitions_are_skipped() -> None:
    text = (
        "Bel [de klantenlijn][lijn] of lees [klant][] en [klant].\n"
        "\n"
        '[lijn]: https://x.nl/klantenlijn "Klantenlijn"\n'
        "[klant]:\n"
        "    https://x.nl/klant\n"
        "    'De klant'\n"
        "\n"
        "Tot ziens.\n"
    )
    document = parse(text)
    assert spans(document, "skip") == [
        "][lijn]",
        "][]",
        '[lijn]: https://x.nl/klantenlijn "Klantenlijn"\n[klant]:\n'
        "    https://x.nl/klant\n    'De klant'",
    ]
    assert region_at(document, "de klantenlijn") == set()
    assert region_at(document, "Tot ziens.") == set()


def test_a_definition_inside_a_quote_is_skipped() -> None:
    document = parse("> [klant]: https://x.nl/klant\n\nDe klant.\n")
    assert spans(document, "skip") == ["> [klant]: https://x.nl/klant"]


def test_an_autolink_is_skipped_whole() -> None:
    document = parse("Mail <klant@gemeente.nl> of zie <https://x.nl/klant>.\n")
    assert spans(document, "skip") == ["<klant@gemeente.nl>", "<https://x.nl/klant>"]


def test_image_alt_is_read_and_its_source_skipped() -> None:
    document = parse('![Een klantmanager aan de balie](img/klant.png "De klant")\n')
    assert spans(document, "skip") == ['](img/klant.png "De klant")']
    assert region_at(document, "Een klantmanager aan de balie") == set()


def test_an_image_inside_a_link() -> None:
    document = parse("[![De klant](klant.png)](https://x.nl/klant)\n")
    assert spans(document, "skip") == ["](klant.png)", "](https://x.nl/klant)"]


def test_brackets_that_are_no_link_are_prose() -> None:
    document = parse("De [klant] is koning (zeggen ze).\n")
    assert document.regions == ()


# Front matter


def test_front_matter_is_skipped() -> None:
    document = parse("---\ntitle: Klantenservice\ntags: [klant]\n---\n\n# Klantenservice\n")
    assert spans(document, "skip") == ["---\ntitle: Klantenservice\ntags: [klant]\n---"]
    assert document.regions[0].note == "front matter"
    assert region_at(document, "# Klantenservice") == set()


def test_a_rule_later_on_is_no_front_matter() -> None:
    document = parse("De klant.\n\n---\n\nklant: ja\n\n---\n")
    assert document.regions == ()


# Emphasis


@pytest.mark.parametrize(
    ("text", "emphasised"),
    [
        ("Het woord *klant* is markttaal.", ["klant"]),
        ("Het woord _klant_ is markttaal.", ["klant"]),
        ("Het woord **klant** is markttaal.", []),
        ("Het woord __klant__ is markttaal.", []),
        ("Het woord ***klant*** is markttaal.", ["klant"]),
        ("Het *woord **klant*** is markttaal.", ["woord **klant**"]),
        ("Het woord \\*klant\\* is markttaal.", []),
        ("Een *klant\nmanager* helpt.", ["klant\nmanager"]),
        ("Een 2 * 3 * klant", []),
    ],
)
def test_single_emphasis_marks_the_inner_text(text: str, emphasised: list[str]) -> None:
    document = parse(text)
    assert spans(document, "emphasis") == emphasised
    assert all(r.note == "*…*" for r in document.regions if r.kind == "emphasis")


# HTML in Markdown


def test_inline_html_tags_are_skipped_and_em_marks_its_text() -> None:
    document = parse("Het woord <em>klant</em> en <code>klant</code> en <q>klant</q>.\n")
    assert spans(document, "skip") == ["<em>", "</em>", "<code>", "</code>", "<q>", "</q>"]
    assert [
        (document.text[r.start : r.end], r.kind, r.note)
        for r in document.regions
        if r.kind != "skip"
    ] == [
        ("klant", "emphasis", "<em>"),
        ("klant", "code", "<code>"),
        ("klant", "quote", "<q>"),
    ]


def test_an_inline_english_span_is_skipped_whole() -> None:
    document = parse('Wij zeggen geen <span lang="en">customer journey</span> meer.\n')
    assert region_at(document, "customer journey") == {"skip"}
    assert region_at(document, "meer.") == set()


def test_an_html_comment_block_is_skipped() -> None:
    document = parse("De klant.\n\n<!--\nOude tekst over de klant\n-->\n\nNieuwe tekst.\n")
    assert spans(document, "skip") == ["<!--\nOude tekst over de klant\n-->"]
    assert region_at(document, "Nieuwe tekst.") == set()


def test_an_inline_comment_is_skipped() -> None:
    document = parse("De <!-- klant --> inwoner.\n")
    assert spans(document, "skip") == ["<!-- klant -->"]


def test_an_html_block_reads_its_text_and_skips_its_markup() -> None:
    text = (
        '<div class="let-op">\n'
        '<p>Het woord <em>klant</em> gebruiken we niet. <img alt="Een klantmanager"></p>\n'
        "<script>var klant = 1;</script>\n"
        "</div>\n"
    )
    document = parse(text)
    assert region_at(document, "Het woord") == set()
    assert region_at(document, "<div") == {"skip"}
    assert region_at(document, "var klant") == {"skip"}
    assert spans(document, "emphasis") == ["klant"]
    assert spans(document, "field") == ["Een klantmanager"]


# Exact positions


def test_positions_are_exact_in_a_crlf_file() -> None:
    text = (
        "---\r\ntitel: klant\r\n---\r\n\r\n"
        "Eerste regel\r\nmet *klant* en `klant` en [link](https://x.nl/klant).\r\n\r\n"
        "```\r\nklant\r\n```\r\n\r\n"
        "> Een *klantmanager*\r\n> en nog een *klant*\r\n"
    )
    document = parse(text)
    assert spans(document, "emphasis") == ["klant", "klantmanager", "klant"]
    assert spans(document, "code") == ["`klant`", "klant"]
    assert spans(document, "skip") == ["---\r\ntitel: klant\r\n---", "](https://x.nl/klant)"]


@pytest.mark.parametrize("prefix", ["Één café, ", "Ĳsselmeer 😀 ", "Ҫ\u0301 naïef ", "a\tb "])
def test_positions_are_exact_after_non_ascii(prefix: str) -> None:
    text = f"{prefix}de *klant* en `klant` en [hier](https://x.nl/klant).\n\n# {prefix}*klant*\n"
    document = parse(text)
    assert spans(document, "emphasis") == ["klant", "klant"]
    assert spans(document, "code") == ["`klant`"]
    assert spans(document, "skip") == ["](https://x.nl/klant)"]


def test_positions_are_exact_after_escapes_and_entities() -> None:
    text = "Een \\*ster\\* &amp; caf&eacute; &#233; *klant* \\` `code` [a\\]b](x) *klant*\n"
    document = parse(text)
    assert spans(document, "emphasis") == ["klant", "klant"]
    assert spans(document, "code") == ["`code`"]
    assert spans(document, "skip") == ["](x)"]


def test_positions_are_exact_in_nested_lists_and_quotes() -> None:
    text = "> 1. Een *klant*\n>    - met `code`\n>      en *nog een klant*\n"
    document = parse(text)
    assert spans(document, "emphasis") == ["klant", "nog een klant"]
    assert spans(document, "code") == ["`code`"]


def test_positions_are_exact_in_table_cells() -> None:
    text = "| a | b |\n|---|---|\n| *klant* | *klant* `x \\| y` |\n| a \\| *klant* | b |\n"
    document = parse(text)
    assert [r.start for r in document.regions if r.kind == "emphasis"] == [
        text.index("klant"),
        text.index("klant", text.index("klant") + 6),
        text.rindex("klant"),
    ]
    assert spans(document, "emphasis") == ["klant", "klant", "klant"]
    assert spans(document, "code") == ["`x \\| y`"]


def test_positions_are_exact_in_headings() -> None:
    document = parse("## De *klant* ##\n\nDe *klant*\n===\n")
    assert spans(document, "emphasis") == ["klant", "klant"]


# Robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "*",
        "`",
        "[",
        "](",
        "<",
        "<em>",
        "</em>",
        "![",
        "[a](",
        "[a]: ",
        "---\n",
        "---\nx: [\n",
        "```",
        "> ```\n> x",
        "| a |\n|---|\n| `b` | c | d |\n",
        "*a **b* c**",
        "\x00*klant*\x00 `\x00`",
        "a\rb *c*\r",
        "\\",
        "&#99999999;",
        "<!-- x",
        "<div>\n<!-- open\n",
        "".join(chr(i) for i in range(128)) * 3,
    ],
)
def test_malformed_input_degrades_gracefully(text: str) -> None:
    document = parse(text)
    for region in document.regions:
        assert 0 <= region.start <= region.end <= len(text)
    assert list(document.regions) == sorted(document.regions)


def test_a_nul_before_a_construct_keeps_positions() -> None:
    document = parse("De \x00 *klant* en `klant`\n")
    assert spans(document, "emphasis") == ["klant"]
    assert spans(document, "code") == ["`klant`"]


def test_a_large_file_parses_quickly() -> None:
    unit = (
        "## Kop over de *klant*\n\nDe klant\\* leest [dit](https://x.nl/klant) en `code` "
        "met &amp; <em>nadruk</em>.\n\n```\nklant\n```\n\n"
    )
    text = unit * (1_000_000 // len(unit))
    began = time.perf_counter()
    document = parse(text)
    assert time.perf_counter() - began < 20
    assert spans(document, "emphasis").count("klant") == text.count("*klant*")


_MARKDOWN = st.sampled_from(
    [
        "*",
        "**",
        "_",
        "`",
        "``",
        "[",
        "]",
        "(",
        ")",
        "![",
        "<",
        ">",
        "<em>",
        "</em>",
        "<!--",
        "-->",
        "\\",
        "&amp;",
        "&",
        "\n",
        "\r\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "    ",
        "```",
        "~~~",
        "---",
        "|",
        "|---|",
        "[x]: ",
        "https://x.nl",
        '"',
        "'",
        "#",
        " ",
        "klant",
        "é",
        "😀",
        "\t",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKDOWN, max_size=40))
def test_any_mix_parses_and_stays_in_bounds(pieces: list[str]) -> None:
    text = "".join(pieces)
    document = parse(text)
    for region in document.regions:
        assert 0 <= region.start < region.end <= len(text)
        if region.note == "`…`":
            chunk = text[region.start : region.end]
            assert chunk.startswith("`") and chunk.endswith("`")
        if region.note == "*…*":
            assert text[region.start - 1] in "*_" and text[region.end] in "*_"
    assert list(document.regions) == sorted(document.regions)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses(text: str) -> None:
    parse(text)
