"""What the characters around a word show: a URL, a file name, code, quotation marks, a
company or person's name. These hold whatever the sentence means."""

from __future__ import annotations

import re
from functools import cache

from taalwacht.dutch.tokens import HYPHEN
from taalwacht.dutch.wordlists import entries
from taalwacht.engine.context.verdict import Verdict, verdict

OPEN_QUOTES = "'\"‘’“”„«‹‚`"
CLOSE_QUOTES = "'\"’”“»›‘`"
OPEN_QUOTE = re.compile(f"[{re.escape(OPEN_QUOTES)}]")
MAX_QUOTED_WORDS = 5  # 'klant van de sociale dienst' is a label; a quoted sentence uses it

COMPANY_SUFFIXES = re.compile(r"\s*(?:B\.?V\.?|N\.?V\.?|Holding|Inc\.?|Ltd\.?|GmbH|Group)\b")
# the last alternative: a web address written without www or scheme ("kijk op
# hvcgroep.nl/klantenservice"), a domain followed by a path
URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.])@\w+"
    r"|(?<![\w@-])(?:[a-z0-9-]+\.)+(?:nl|be|com|org|net|eu|info|nu|frl|sr|cw|aw|sx)/[^\s<>\"')\]]*",
    re.IGNORECASE,
)

IDENTIFIER = re.compile(r"\w_|_\w")  # klant_id, _klant
EXTENSION = re.compile(r"\.[a-z]{2,4}\b")  # producten.pdf
# "klant(en)", "directeur(en)", "product(typ)en": Dutch writes an optional ending in
# brackets, which is no function call; so is an optional head: "klanten(groepen)",
# "klant(ervaring)" (labelled flag 1, unsure 2)
OPTIONAL_ENDING = re.compile(
    r"\((?:en|n|s|'s|e|er|ers|typ)\)[a-z]{0,3}(?![\w(])|\([a-zà-ÿ]{4,}\)(?![\w(])"
)
# "Klant Contact Centrum(KCC)": an abbreviation in brackets with the space left out
ABBREVIATION = re.compile(r"\([A-Z][A-Za-z]?[A-Z][A-Za-z0-9&-]{0,8}\)")
# "het te leverenproduct.Om dit te bereiken": a sentence whose space the text lost (PDF and
# OCR text), not a member of code (product.naam; Klant.Naam stands in a code span)
SENTENCE_AFTER = re.compile(r"\.[A-ZÀ-Ý][a-zà-ÿ]+(?:\s|$)")
# a markup tag right before or after a word: the word is the tag's text, not a member of a
# name ("<h1 class=...>Klanten</h1>", a letter template's "<begin:0_voorschot_01:1>klant
# krijgt"), unless the tag marks code ("<code>klant</code>")
NOT_CODE = r"(?!(?:code|kbd|samp|tt|var)\b)"
TAG_BEFORE = re.compile(rf"<{NOT_CODE}[A-Za-z][^<>]*(?<!-)>$")  # not "->"
TAG_AFTER = re.compile(rf"</?{NOT_CODE}[A-Za-z][^<>]*>")


WIKI_LINK_OPEN = "[["
WIKI_LINK_REACH = 300  # characters a wiki link's target may run before the word


def in_wiki_link_target(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` stands in the target of a wiki link ("[[Wiki/dienstverlening/
    product-of-dienst|Product of dienst]]", Obsidian and MediaWiki): the target names a page,
    and renaming it breaks the link; the label after "|" is prose."""
    opened = text.rfind(WIKI_LINK_OPEN, max(0, start - WIKI_LINK_REACH), start)
    if opened < 0 or text.find("]]", opened, start) >= 0 or text.find("|", opened, start) >= 0:
        return False
    closed = text.find("]]", end, end + WIKI_LINK_REACH)
    return closed >= 0 and "\n" not in text[opened:closed]


def in_url_or_code(text: str, start: int, end: int) -> Verdict | None:
    """URLs, e-mail addresses, file names and identifiers are never findings, wherever they
    stand: the text itself shows them (``://``, ``@``, ``_``, ``.pdf``), not the markup."""
    # the run of non-space characters around the word, at most 300 on either side (most
    # words stand between spaces: then the run is the word, and nothing is cut out to see)
    spaced_before = not start or text[start - 1].isspace()
    if spaced_before and (end == len(text) or text[end].isspace()) and text[start:end].isalpha():
        # a word of letters alone between spaces, as most are: no link target, address,
        # identifier, file name, call or path can show in it; only a wiki link around it
        return verdict("other.link") if in_wiki_link_target(text, start, end) else None
    chunk_start, chunk_end = start, end
    tagged = TAG_BEFORE.search(text, max(0, start - 300), start) is not None
    if not spaced_before and not tagged:
        chunk_start -= len(text[max(0, start - 300) : start].rsplit(None, 1)[-1])
    if end < len(text) and not text[end].isspace():
        chunk_end += len(text[end : end + 300].split(None, 1)[0])
        if TAG_AFTER.match(text, end):
            chunk_end = end
    target = text.rfind("](", chunk_start, start)
    if target >= 0 and ")" in text[end:chunk_end]:
        # [Meten klanttevredenheid](meten-klanttevredenheid/): a Markdown link's target
        return verdict("other.url")
    link = text.find("](", end, chunk_end)
    if link >= 0:  # [Klantreizen](https://…): the link's text is prose, its target is not
        chunk_end = link + 1
    chunk = text[chunk_start:chunk_end]
    if in_wiki_link_target(text, start, end):
        return verdict("other.link")
    if "@" in chunk or "://" in chunk or "/" in chunk or "www." in chunk.lower():
        for m in URL_OR_EMAIL.finditer(chunk):
            if m.start() < end - chunk_start and start - chunk_start < m.end():
                return verdict("other.url")
    if IDENTIFIER.search(chunk.strip("_*")) or (
        EXTENSION.search(chunk, end - chunk_start) and not chunk.endswith(".")
    ):
        return verdict("other.filename")
    if (
        text[end : end + 1] == "("
        and not OPTIONAL_ENDING.match(text, end)
        and not ABBREVIATION.match(text, end)
    ) or (
        text[end : end + 1] == "."
        and text[end + 1 : end + 2].isalpha()
        and not SENTENCE_AFTER.match(text, end)
    ):
        return verdict("other.code")
    if (
        "/" in chunk
        and re.search(r"/[\w-]*$", chunk[: start - chunk_start])
        and (chunk.startswith("/") or chunk[end - chunk_start : end - chunk_start + 1] == "/")
        and _path_like(chunk.strip(PUNCTUATION))
    ):  # a path's segment (/producten/paspoort), or a site's path (/producten-en-diensten)
        return verdict("other.path")
    return None


PUNCTUATION = ".,;:!?()[]{}'\"*`"
# what only a path's segments hold: a slug (producten-en-diensten), a file or a number
PATH_SEGMENT = re.compile(r"[-_.%=?#~0-9]")


def _path_like(chunk: str) -> bool:
    """Whether words joined by slashes are a path: rooted (/diensten/klant/), or with a
    segment that prose does not write. "Burgerzaken/KCC/Dienstverlening" and
    "inwoners/klanten/bezoekers" are lists of words, written with slashes for "or": in the
    training split (rounds 2-114) the path reading held 5 flags, 1 unsure and 1 commercial
    word for one word labelled other."""
    if chunk.startswith(("/", "~", "./", "../")):
        return True
    return any(PATH_SEGMENT.search(segment) for segment in chunk.split("/"))


CAMEL = re.compile(r"[a-zà-ÿ][A-Z]")  # a capital inside a word: klantId, AangevraagdProduct


def camel_case(word: str, member_start: int) -> Verdict | None:
    """A capital inside the word part that holds the watched member makes it a programmer's
    name (klantId, productAanwezig, AangevraagdProduct, MijnProducten): a data element or
    field the writer cannot rename (labelled unsure or other 89 times, flag never). A part
    that opens with the watched word is that word written with capitals (KlantContactCentrum:
    flag 9 of 22) and stays, as does a capital in another part (BuZa-klantcontactcentrum).
    ``member_start``: where the member starts in the word without its hyphens."""
    if CAMEL.search(word) is None:  # no part has a capital inside, as in most words
        return None
    at = 0
    for part in re.split(HYPHEN, word):
        if member_start < at + len(part):
            later = member_start > at
            if CAMEL.search(part) and (part[:1].islower() or later):
                return verdict("other.identifier")
            return None
        at += len(part)
    return None


def quoted(text: str, start: int, end: int) -> Verdict | None:
    """A word (or a short phrase holding it) in quotation marks is shown, not used: 'klant',
    "hoezo klant?". Italics and code come as regions from the document's format."""
    near = OPEN_QUOTE.search(text, max(0, start - 40), end + 40)
    spans = _short_phrase_spans(text, start, end) if near else []
    for s, e in ((start, end), *spans):
        if s > 0 and e < len(text) and text[s - 1] in OPEN_QUOTES:
            close = e
            while close < len(text) and text[close] in "?!.,":
                close += 1
            if (
                close < len(text)
                and text[close] in CLOSE_QUOTES
                and (s < 2 or not text[s - 2].isalnum())
            ):
                return verdict("mention.quoted")
    return None


def _short_phrase_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of up to MAX_QUOTED_WORDS words that contain the occurrence, for 'hoezo klant?'
    and 'het product aanvragen'."""
    lefts = [start]
    s = start
    for _ in range(MAX_QUOTED_WORDS - 1):
        m = re.search(r"[\w-]+\s+$", text[max(0, s - 40) : s])
        if not m:
            break
        s = max(0, s - 40) + m.start()
        lefts.append(s)
    rights = [end]
    e = end
    for _ in range(MAX_QUOTED_WORDS - 1):
        m = re.match(r"\s+[\w-]+", text[e : e + 40])
        if not m:
            break
        e += m.end()
        rights.append(e)
    return [
        (s, e)
        for i, s in enumerate(lefts)
        for j, e in enumerate(rights)
        if (i or j) and i + j < MAX_QUOTED_WORDS
    ]


# Quoted speech: a quotation longer than a label, within one paragraph. Single quotes only
# at word edges, so "zo'n" and "'s avonds" open nothing.
SPEECH = re.compile(
    r"[\"“„«]([^\"“”„«»\n]{12,600}?)[\"”“»]|(?<!\w)[‘']([^‘’'\n]{12,600}?)[’'](?!\w)"
)


def in_speech(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether ``[start, end)`` stands in quoted speech (more than MAX_QUOTED_WORDS words)
    between ``lo`` and ``hi``: "Opeens komen er nog heel veel klanten," zegt de eigenaar."""
    for m in SPEECH.finditer(text, lo, hi):
        if m.start() < start and end < m.end():
            inner = m.group(1) or m.group(2)
            return len(inner.split()) > MAX_QUOTED_WORDS
        if m.start() >= end:
            break
    return False


# the word before a capitalised word, if it is a name or initials ("Joop ", "J.J. ")
NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-zà-ÿ]+|(?:[A-Z]\.){1,4})[ \t]+$")
NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")  # "Klant Contact Centrum": a heading in capitals


def person_name(text: str, start: int, end: int) -> Verdict | None:
    """'hoogleraar economie Joop Klant', 'J.J. Klant': a surname that looks like a watched
    word. Only a bare word with one capital ("Klant", not "Klantenservice" or "KLANT"),
    right after a given name or initials."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return None
    before = NAME_BEFORE.search(text, max(0, start - 30), start)
    if before is None or NEXT_CAPITAL.match(text, end):
        return None
    name = before.group(1)
    if not name.endswith(".") and name not in _given_names():
        return None
    return verdict("other.person-name")


@cache
def _given_names() -> frozenset[str]:
    return frozenset(name for line in entries("given_names.txt") for name in line.split())


# a name left out: "de heer [accountmanager van VGA]", "met [product manager] besproken",
# "mevrouw [naam klantmanager]" in a published ruling, "Geachte [klant]" in a letter's
# template. A list in brackets has commas; a fill-in for text still to be written opens
# with a capital ("[Naam inkoopregio of gemeente(n)]"). Labelled commercial 7 times,
# unsure twice, flag never
PLACEHOLDER_REACH = 40
EDITORIAL = ("de ", "het ", "een ", "die ", "deze ", "dit ", "dat ", "hun ", "zijn ", "haar ")
NAME_POSITION = re.compile(r"(?:heer|mevrouw|mw\.?|dhr\.?|geachte)\s*$", re.IGNORECASE)


def placeholder(text: str, start: int, end: int) -> Verdict | None:
    """The word stands in square brackets that replace a person's name."""
    open_at = text.rfind("[", max(0, start - PLACEHOLDER_REACH), start)
    close_at = text.find("]", end, end + PLACEHOLDER_REACH)
    if open_at < 0 or close_at < 0:
        return None
    inner = text[open_at + 1 : close_at]
    if any(c in inner for c in "[],|\n") or text.startswith("(", close_at + 1):
        return None  # a list, a nested or markdown link, a line break: no name
    if inner.lower().startswith(EDITORIAL):
        return None  # "zij [de klant] moet ...": words a court put in, used as its own
    at_name = NAME_POSITION.search(text, max(0, open_at - 12), open_at) is not None
    if not (inner[:1].islower() or at_name):
        return None
    return verdict("other.placeholder")


def company_name(text: str, start: int, end: int) -> Verdict | None:
    """'Klantenbinder B.V.': names of companies are not market-speak about residents."""
    m = COMPANY_SUFFIXES.match(text, end)
    if m and text[start].isupper():
        return verdict("other.company-name")
    return None
