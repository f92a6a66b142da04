"""The HTML reader: what the engine reads (the view), where it comes from in the file (the
offset map) and which parts are code, emphasis, quotes or fields."""

from __future__ import annotations

import html as stdlib_html
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taalwacht.api import fix_document
from taalwacht.formats.html import describe_tag, parse, text_regions
from taalwacht.model.document import Document


def file_span(document: Document, view_start: int, view_end: int) -> str:
    """The file's characters behind a view span, as the engine maps a finding back."""
    offsets = document.offsets
    return document.text[offsets.start(view_start) : offsets.end(view_end)]


def find_word(document: Document, word: str) -> tuple[int, int]:
    assert document.view is not None
    start = document.view.index(word)
    return start, start + len(word)


def regions_of(document: Document, kind: str) -> list[tuple[str, str]]:
    assert document.view is not None
    view = document.view
    return [(view[r.start : r.end].strip(), r.note) for r in document.regions if r.kind == kind]


def assert_map_is_sound(document: Document) -> None:
    """Pieces cover the view without gaps, never go back in the file, and a piece read one
    to one holds the file's own characters."""
    view, offsets = document.view, document.offsets
    assert view is not None
    if offsets.identity:
        assert view == ""
        return
    expected_view = 0
    text_end = 0
    pieces = zip(
        offsets.view_starts, offsets.text_starts, offsets.view_lens, offsets.text_lens, strict=True
    )
    for view_start, text_start, view_len, text_len in pieces:
        assert view_start == expected_view
        assert view_len > 0
        assert text_start >= text_end
        chunk = view[view_start : view_start + view_len]
        source = document.text[text_start : text_start + text_len]
        if view_len == text_len:
            assert chunk == source
            assert offsets.to_view(text_start) == view_start
        elif text_len == 0:
            assert chunk.strip() == ""  # a separator the reader put between blocks
        else:
            assert source.startswith("&")
        expected_view += view_len
        text_end = text_start + text_len
    assert expected_view == len(view)
    for region in document.regions:
        assert 0 <= region.start <= region.end <= len(view)
    assert list(document.regions) == sorted(document.regions)


# What is left out of the view


@pytest.mark.parametrize(
    "markup",
    [
        "<style>.klant { color: red }</style>",
        "<script>var klant = 1;</script>",
        "<script>if (a < b && klant) {}</script>",
        "<!-- de klant -->",
        "<!-- de klant --!>",
        "<template><p>Beste klant</p></template>",
        "<noscript>Beste klant, zet JavaScript aan</noscript>",
        '<svg><title>klant</title><text x="0">klant</text></svg>',
        "<math><mi>klant</mi></math>",
        "<iframe>klant</iframe>",
        '<object data="x.pdf">klant</object>',
        "<?php echo $klant; ?>",
        "<![CDATA[ klant ]]>",
        '<p lang="en">Dear customer, the klant portal</p>',
        '<span lang="EN-gb">klant</span>',
        '<span xml:lang="de">klant</span>',
    ],
)
def test_left_out_of_the_view(markup: str) -> None:
    document = parse(f"<p>Wij helpen u.</p>{markup}<p>Tot ziens.</p>")
    assert document.view is not None
    assert "klant" not in document.view
    assert "Wij helpen u." in document.view and "Tot ziens." in document.view
    assert_map_is_sound(document)


def test_the_text_is_kept_unchanged_and_the_kind_is_html() -> None:
    text = "<!DOCTYPE html>\r\n<p>De klant\r\nbelt.</p>"
    document = parse(text, "pagina.html")
    assert document.text == text
    assert document.kind == "html"
    assert document.path == "pagina.html"
    assert document.view is not None and "De klant\r\nbelt." in document.view


def test_a_dutch_element_inside_an_english_one_is_read_again() -> None:
    document = parse(
        '<div lang="en"><p>Dear customer,</p>'
        '<p lang="nl">Beste klant, welkom.</p><p>Kind regards</p></div><p>Groeten</p>'
    )
    assert document.view is not None
    assert "Beste klant, welkom." in document.view
    assert "customer" not in document.view and "regards" not in document.view
    assert "Groeten" in document.view


def test_a_script_stays_hidden_even_when_marked_dutch() -> None:
    document = parse('<script lang="nl">var klant;</script><svg><g lang="nl">klant</g></svg>')
    assert document.view is not None and "klant" not in document.view


def test_the_whole_page_in_another_language_is_not_read() -> None:
    document = parse('<html lang="en"><body><p>The klant page</p></body></html>')
    assert document.view is not None and "klant" not in document.view


def test_a_paragraph_left_open_in_english_ends_at_the_next_paragraph() -> None:
    document = parse('<p lang="en">Hello there<p>De klant belt ons.')
    assert document.view is not None
    assert "De klant belt ons." in document.view and "Hello" not in document.view


def test_an_end_tag_closes_the_inner_elements_left_open() -> None:
    document = parse('<div lang="en"><span><b>customer</div><p>De klant belt.</p>')
    assert document.view is not None and "De klant belt." in document.view


def test_an_unmatched_end_tag_is_ignored() -> None:
    document = parse('<div lang="en">customer</span></p></b>service</div><p>De klant.</p>')
    assert document.view is not None
    assert "service" not in document.view and "De klant." in document.view


# Character references


def test_a_soft_hyphen_keeps_one_word_and_maps_back_to_the_reference() -> None:
    document = parse("<p>Onze klant&shy;managers helpen u.</p>")
    assert document.view is not None
    assert "klant\u00admanagers" in document.view
    start, end = find_word(document, "klant\u00admanagers")
    assert file_span(document, start, end) == "klant&shy;managers"
    assert_map_is_sound(document)


@pytest.mark.parametrize(
    ("reference", "decoded"),
    [
        ("&eacute;", "é"),
        ("&#233;", "é"),
        ("&#xE9;", "é"),
        ("&#XE9;", "é"),
        ("&#0233;", "é"),
        ("&eacute", "é"),  # a legacy name: decoded without ";" too
        ("&nbsp;", "\u00a0"),
        ("&nbsp", "\u00a0"),
        ("&amp;", "&"),
        ("&amp", "&"),
        ("&#x80;", "€"),  # windows-1252 as HTML reads it
        ("&#0;", "\ufffd"),
        ("&#99999999999;", "\ufffd"),
        ("&#" + "9" * 5000 + ";", "\ufffd"),  # html.unescape would raise here
        ("&NotEqualTilde;", "\u2242\u0338"),  # two characters from one reference
    ],
)
def test_character_references_are_decoded_as_one_unit(reference: str, decoded: str) -> None:
    document = parse(f"<p>Ide{reference}e</p>")
    assert document.view is not None
    assert f"Ide{decoded}e" in document.view
    start, end = find_word(document, f"Ide{decoded}e")
    assert file_span(document, start, end) == f"Ide{reference}e"
    # a span that ends inside the decoded reference takes the whole reference
    assert file_span(document, start, start + 4) == f"Ide{reference}"
    assert_map_is_sound(document)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Klant & partner", "Klant & partner"),
        ("Klant &partner", "Klant &partner"),
        ("Klant &; partner", "Klant &; partner"),
        ("Klant &# partner", "Klant &# partner"),
        ("Klant &#x; partner", "Klant &#x; partner"),
        ("Klant &foo; partner", "Klant &foo; partner"),
        ("Klant &copy2024", "Klant ©2024"),  # legacy prefix, as browsers read it
        ("AT&T", "AT&T"),
    ],
)
def test_an_ampersand_that_is_no_reference_is_read_as_it_is(text: str, read: str) -> None:
    document = parse(f"<p>{text}</p>")
    assert document.view is not None and read in document.view
    assert_map_is_sound(document)


def test_a_broken_reference_does_not_turn_later_tags_into_text() -> None:
    # Python 3.11's tokenizer stops at "&#" without digits and reads the rest as text.
    document = parse("<p>Zie &#foo; en &#bar; hier.</p><script>var klant;</script><b>Ja</b>")
    assert document.view is not None
    assert "klant" not in document.view and "<b>" not in document.view
    assert "Zie &#foo; en &#bar; hier." in document.view and "Ja" in document.view


# Fields: attributes people read


@pytest.mark.parametrize(
    ("markup", "value", "note"),
    [
        ('<img src="a.png" alt="Een klantmanager helpt">', "Een klantmanager helpt", "alt"),
        ("<img alt='Een klantmanager helpt' src=a.png>", "Een klantmanager helpt", "alt"),
        ("<img alt=klantmanager>", "klantmanager", "alt"),
        (
            '<a href="/hulp" title="Hulp voor bijstandsklanten">hulp</a>',
            "Hulp voor bijstandsklanten",
            "title",
        ),
        (
            '<button aria-label="Sluit het klantportaal">x</button>',
            "Sluit het klantportaal",
            "aria-label",
        ),
        ('<input type="text" placeholder="Uw klantnummer">', "Uw klantnummer", "placeholder"),
        (
            '<meta name="description" content="Informatie voor klanten van de gemeente">',
            "Informatie voor klanten van de gemeente",
            "content",
        ),
        (
            '<meta property="og:description" content="Alles voor onze klanten">',
            "Alles voor onze klanten",
            "content",
        ),
        ('<IMG ALT="Een klantmanager helpt">', "Een klantmanager helpt", "alt"),
    ],
)
def test_readable_attributes_are_fields_mapped_to_the_value(
    markup: str, value: str, note: str
) -> None:
    document = parse(f"<p>Welkom</p>{markup}<p>Tot ziens</p>")
    fields = [r for r in document.regions if r.kind == "field"]
    assert len(fields) == 1
    (field,) = fields
    assert document.view is not None
    assert document.view[field.start : field.end] == value
    assert field.note == note
    assert file_span(document, field.start, field.end) == value
    # its own passage: a blank line on either side
    assert document.view[field.start - 2 : field.start] == "\n\n"
    assert document.view[field.end : field.end + 2] == "\n\n"
    assert_map_is_sound(document)


def test_a_reference_in_an_attribute_maps_back_exactly() -> None:
    text = '<img alt="De klant&shy;manager &amp; de b&eacute;heerder">'
    document = parse(text)
    (field,) = document.regions
    assert document.view is not None
    assert document.view[field.start : field.end] == "De klant\u00admanager & de béheerder"
    raw = "De klant&shy;manager &amp; de b&eacute;heerder"
    assert file_span(document, field.start, field.end) == raw
    start, end = find_word(document, "klant\u00admanager")
    assert file_span(document, start, end) == "klant&shy;manager"


def test_a_url_in_an_attribute_keeps_its_ampersands() -> None:
    document = parse('<img alt="zie ?a=1&copy=2&not">')
    assert document.view is not None and "zie ?a=1&copy=2¬" in document.view


@pytest.mark.parametrize(
    "markup",
    [
        '<img alt="">',
        '<img alt="   ">',
        "<img alt>",
        '<meta name="keywords" content="klant">',
        '<a href="/klant" class="klant" id="klant">Home</a>',
        '<span lang="en" title="klant">x</span>',
        '<script title="klant"></script>',
    ],
)
def test_attributes_nobody_reads_are_not_fields(markup: str) -> None:
    document = parse(markup)
    assert not [r for r in document.regions if r.kind == "field"]
    assert document.view is not None and "klant" not in document.view


# Code, emphasis, quotes


@pytest.mark.parametrize(
    ("markup", "kind", "note"),
    [
        ("<code>klant</code>", "code", "<code>"),
        ("<pre>klant = 1</pre>", "code", "<pre>"),
        ("<kbd>klant</kbd>", "code", "<kbd>"),
        ("<samp>klant</samp>", "code", "<samp>"),
        ("<var>klant</var>", "code", "<var>"),
        ("<em>klant</em>", "emphasis", "<em>"),
        ("<i>klant</i>", "emphasis", "<i>"),
        ("<cite>klant</cite>", "emphasis", "<cite>"),
        ("<dfn>klant</dfn>", "emphasis", "<dfn>"),
        ("<q>klant</q>", "quote", "<q>"),
    ],
)
def test_roles_cover_the_inner_text(markup: str, kind: str, note: str) -> None:
    document = parse(f"<p>Het woord {markup} gebruiken we niet.</p>")
    (region,) = document.regions
    assert (region.kind, region.note) == (kind, note)
    assert document.view is not None
    assert document.view[region.start : region.end].startswith("klant")
    assert_map_is_sound(document)


def test_strong_and_bold_are_no_emphasis() -> None:
    document = parse("<p>De <strong>klant</strong> en de <b>klant</b>.</p>")
    assert document.regions == ()


def test_an_unclosed_emphasis_runs_to_the_end() -> None:
    document = parse("<p>Het woord <em>klant")
    assert regions_of(document, "emphasis") == [("klant", "<em>")]


# Words and blocks


@pytest.mark.parametrize(
    ("markup", "read"),
    [
        ("<b>klant</b>managers", "klantmanagers"),
        ("<span>klant</span><a href='#'>managers</a>", "klantmanagers"),
        ("klant<wbr>managers", "klantmanagers"),
        ("<p>klant</p><p>managers</p>", "klant\n\nmanagers"),
        ("<li>klant</li><li>managers</li>", "klant\n\nmanagers"),
        ("<td>klant</td><td>managers</td>", "klant\n\nmanagers"),
        ("<h1>klant</h1>managers", "klant\n\nmanagers"),
        ("klant<br>managers", "klant\nmanagers"),
        ("klant<br/>managers", "klant\nmanagers"),
        ("klant<hr>managers", "klant\n\nmanagers"),
    ],
)
def test_block_tags_separate_words_and_inline_tags_do_not(markup: str, read: str) -> None:
    document = parse(markup)
    assert document.view is not None and read in document.view
    assert_map_is_sound(document)


def test_no_more_than_one_blank_line_between_blocks() -> None:
    document = parse("<div><p>Eén</p></div>\n\n<div><section><p>Twee</p></section></div>")
    assert document.view is not None
    assert "\n\n\n\n\n" not in document.view
    assert document.view.strip().startswith("Eén") and document.view.strip().endswith("Twee")


def test_a_separator_sits_at_the_tag_and_maps_to_no_text() -> None:
    text = "<p>klant</p><p>managers</p>"
    document = parse(text)
    assert document.view is not None
    gap = document.view.index("\n\n")
    assert document.offsets.start(gap) == text.index("</p>")
    assert document.offsets.end(gap + 2) == text.index("</p>")


def test_an_empty_document_has_an_empty_view() -> None:
    document = parse("")
    assert document.view == ""
    assert document.regions == ()


# Malformed input


@pytest.mark.parametrize(
    "text",
    [
        "<p>De klant",
        "<p>De klant <b>belt <i>ons</p>",
        "De klant < 3 jaar",
        "De klant <",
        "De klant <a",
        "De klant <a href='x",
        '<p title="De klant>Tekst</p>',
        "De klant </",
        "De klant </p",
        "De klant <!",
        "De klant <!-",
        "De klant <!-- nooit gesloten klantportaal",
        "De klant <?xml",
        "De klant <![if x]> <![foo[ ]]> <![",
        "De klant <!DOCTYPE [ <!ELEMENT",
        "De klant &",
        "De klant &#",
        "De klant &#x",
        "De klant &#xZZ;",
        "De klant &am",
        "De klant <script>var x = '</scr",
        "De klant <style>",
        "De klant <svg><p>x",
        "De klant </></ ></p x=1>",
        "De klant \x00\x01\x02\ufffe\ud800 <b\x00>x</b>",
        "".join(chr(i) for i in range(256)) * 3,
        "<" * 50 + ">" * 50 + "&" * 50,
        "<a b='c' d=\"e\" f=g h i='j k' =l>m</a>",
    ],
)
def test_malformed_input_degrades_gracefully(text: str) -> None:
    document = parse(text)
    assert document.view is not None
    if text.startswith(("De klant", "<p>De klant")):
        assert "De klant" in document.view
    assert_map_is_sound(document)


def test_an_unterminated_comment_hides_the_rest_as_in_a_browser() -> None:
    document = parse("<p>Welkom</p><!-- oud: <p>Beste klant</p>")
    assert document.view is not None
    assert "Welkom" in document.view and "klant" not in document.view


def test_a_broken_tag_is_left_out_and_reading_goes_on() -> None:
    document = parse("<p title='it>Kapot</p><p>De klant belt.</p>")
    assert document.view is not None and "De klant belt." in document.view


def test_many_mb_of_markup_parse_quickly() -> None:
    unit = (
        '<div class="blok"><p>De klant&shy;managers <b>helpen</b> '
        '<a href="/hulp?a=1&b=2" title="Hulp">de klant</a> &eacute;</p>'
        '<img alt="Een klantmanager"></div>\n'
    )
    text = unit * (2_000_000 // len(unit))
    began = time.perf_counter()
    document = parse(text)
    assert time.perf_counter() - began < 10
    assert document.view is not None
    assert document.view.count("klant\u00admanagers") == text.count("klant&shy;managers")


@pytest.mark.parametrize(
    "unit", ["<!--", "<a", "<![x>", "</", "<?", "&#", "<a b='", "<<", "</p>", "<a\x00", "&amp"]
)
def test_repeated_broken_constructs_stay_linear(unit: str) -> None:
    text = unit * (400_000 // len(unit))
    began = time.perf_counter()
    parse(text)
    assert time.perf_counter() - began < 10


@pytest.mark.slow
def test_twenty_mb_parse_in_reasonable_time() -> None:
    unit = (
        "<section><h2>Kop</h2><p>Een lange alinea over de dienstverlening aan inwoners, "
        "met <em>nadruk</em>, een <a href='/x'>link</a> en een klant&shy;manager.</p>"
        "<ul><li>punt een</li><li>punt twee</li></ul></section>\n"
    )
    text = unit * (20_000_000 // len(unit))
    began = time.perf_counter()
    document = parse(text)
    assert time.perf_counter() - began < 60
    assert document.view is not None
    assert document.view.count("klant\u00admanager") == text.count("klant&shy;manager")


# Helpers the Markdown reader uses


def test_text_regions_skip_what_html_leaves_out() -> None:
    fragment = '<div>\n<em>klant</em> <script>klant</script> <img alt="klantmanager">\n</div>'
    regions = text_regions(fragment)
    spans = {(fragment[r.start : r.end], r.kind) for r in regions}
    assert ("klant", "emphasis") in spans
    assert ("klantmanager", "field") in spans
    assert ("<script>klant</script>", "skip") in spans
    assert all(r.kind != "skip" or "klantmanager" not in fragment[r.start : r.end] for r in regions)


@pytest.mark.parametrize(
    ("tag", "name", "closing", "empty", "hidden", "role"),
    [
        ("<em>", "em", False, False, False, ("emphasis", "<em>")),
        ("</Q>", "q", True, False, False, ("quote", "<q>")),
        ('<span lang="en">', "span", False, False, True, None),
        ('<span lang="nl-BE">', "span", False, False, False, None),
        ("<script>", "script", False, False, True, None),
        ("<br>", "br", False, True, False, None),
        ("<code/>", "code", False, True, False, ("code", "<code>")),
    ],
)
def test_describe_tag(
    tag: str, name: str, closing: bool, empty: bool, hidden: bool, role: object
) -> None:
    info = describe_tag(tag)
    assert info is not None
    assert (info.name, info.closing, info.empty, info.hidden, info.role) == (
        name,
        closing,
        empty,
        hidden,
        role,
    )


@pytest.mark.parametrize("tag", ["<!-- x -->", "<!DOCTYPE html>", "< p>", "tekst"])
def test_describe_tag_ignores_what_is_no_tag(tag: str) -> None:
    assert describe_tag(tag) is None


# Property: the map is sound for any mix


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<em>",
        "</em>",
        "<br>",
        "<li>",
        "<code>",
        "</code>",
        "<q>",
        "</q>",
        '<span lang="en">',
        '<i lang="nl">',
        "</span>",
        '<img alt="klant &amp; co">',
        "<img alt='x&shy;y'>",
        '<a title="klant">',
        "</a>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<!DOCTYPE html>",
        "&shy;",
        "&eacute;",
        "&#233;",
        "&#xE9;",
        "&amp",
        "&",
        "&#",
        "&foo;",
        "&copy2",
        "<",
        ">",
        "'",
        '"',
        "=",
        "/",
        "\n",
        "\r\n",
        " ",
        "\u00ad",
        "é",
    ]
)
_WORDS = st.text(alphabet="klantmegrsé ", min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, _WORDS), max_size=40), st.data())
def test_the_map_is_monotone_and_exact_for_plain_text(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    document = parse(text)
    assert_map_is_sound(document)
    view, offsets = document.view, document.offsets
    assert view is not None
    if not view:
        return
    # any span inside a piece read one to one maps back to exactly the same characters
    for view_start, view_len, text_len in zip(
        offsets.view_starts, offsets.view_lens, offsets.text_lens, strict=True
    ):
        if view_len != text_len:
            continue
        a = data.draw(st.integers(view_start, view_start + view_len - 1))
        b = data.draw(st.integers(a + 1, view_start + view_len))
        assert file_span(document, a, b) == view[a:b]
    # and every span maps to an increasing range of the file
    a = data.draw(st.integers(0, len(view)))
    b = data.draw(st.integers(a, len(view)))
    assert offsets.start(a) <= offsets.end(b) or a == b


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses(text: str) -> None:
    document = parse(text)
    assert_map_is_sound(document)


def test_a_decoded_unit_decodes_like_the_standard_library() -> None:
    document = parse("<p>&eacute;&#233;&#xe9;&shy;&nbsp;&lt;</p>")
    offsets = document.offsets
    assert document.view is not None
    for view_start, text_start, view_len, text_len in zip(
        offsets.view_starts, offsets.text_starts, offsets.view_lens, offsets.text_lens, strict=True
    ):
        if text_len and view_len != text_len:
            reference = document.text[text_start : text_start + text_len]
            decoded = document.view[view_start : view_start + view_len]
            assert decoded == stdlib_html.unescape(reference)


def test_a_title_read_mid_sentence_does_not_start_a_sentence(tmp_path: Path) -> None:
    """The title of an <abbr> stands on lines of its own in the view; the sentence around
    it runs on, so the acronym's replacement takes no capital there."""
    page = tmp_path / "contact.html"
    page.write_text(
        '<!DOCTYPE html><html lang="nl"><body><p>Bel het <abbr title="klantcontactcentrum">'
        "KCC</abbr> van de gemeente als u vragen heeft over uw uitkering.</p></body></html>",
        encoding="utf-8",
    )
    fix_document(str(page), backup=False)
    assert page.read_text(encoding="utf-8") == (
        '<!DOCTYPE html><html lang="nl"><body><p>Bel het <abbr title="contactcentrum">'
        "contactcentrum</abbr> van de gemeente als u vragen heeft over uw uitkering.</p>"
        "</body></html>"
    )
