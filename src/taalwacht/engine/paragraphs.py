"""Paragraph models in the engine: what a paragraph is about decides the uses its words
could not (``context/topic.py`` holds the models).

The topic model reads a paragraph with no public-service or care cue (or one all about
business) as a business's, so its customers and products are commerce; the purchase model
reads whether a purchase the rules could not place buys care or help for residents. Each
paragraph is read once per text, and the watched words themselves are masked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from taalwacht import messages
from taalwacht.engine.analysis import Analysis, Occurrence
from taalwacht.engine.context import profiles, purchases
from taalwacht.engine.context.cues import DOC_REACH, CueIndex
from taalwacht.engine.context.topic import (
    ASKED,
    OUT_OF_REACH,
    PURCHASE_REACH,
    TopicModel,
    paragraph,
)
from taalwacht.engine.context.topic import words as topic_words
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.model.finding import Decision


def asks_topic(index: CueIndex, a: Analysis, start: int, end: int) -> bool:
    """Whether the topic model is asked about a use of ``a`` at ``[start, end)`` at its
    plain threshold: a word the topic model may read (``_may_read``) with no public-service
    or care cue anywhere in its passage."""
    return _may_read(a) and not _public_or_care_near(index, start, end)


# the cue lists (dutch/data/cues) that name the public service, and those that name trade
PUBLIC = ("public", "care")
TRADE = ("commerce", "goods")
# the firms a staff word names after it: "accountmanager bedrijven", "voor werkgevers"
FIRMS_SERVED = re.compile(
    r"[\s-]+(?:(?:voor|van)\s+(?:de\s+|het\s+)?)?"
    r"(?:bedrijven|werkgevers\w*|ondernemers|ondernemingen)\b"
)


# What the passage says about whose a customer, product or staff member is (``evidence``):
OWN = "own"  # the word or the words right around it say so, or the public service is
#              named more often than trade (a library's, a social worker's, UWV's customers)
SHARED = "shared"  # a public-service or care cue stands near, and trade as often
NONE = "none"  # no public-service or care cue in the passage at all


def evidence(index: CueIndex, a: Analysis, start: int, end: int) -> str:
    """What the passage around a use of ``a`` at ``[start, end)`` says of whose it is:
    ``OWN``, ``SHARED`` or ``NONE``. The topic model's bar follows from it
    (``topic_bar``), and so does how often such a use is market-speak
    (``context/calibration.py``: on the training split a customer with no public word in
    its passage was a flag less often than one whose passage named its public owner, 0.913
    of such decisions right against 0.947).

    Staff named for the firms they serve ("de accountmanager bedrijven", "accountmanagers
    van het werkgeversservicepunt") are a public body's, however much the paragraph speaks
    of business (rounds 2-89: flag 7, unsure 1, commercial never); a firm's sales
    accountmanager serves customers. So is a word right after the body's own adjective ("een
    gemeentelijke product", ``profiles.public_owner``) or with a public or care member of its
    own (jeugdhulpklanten). Near customers and staff a public word mostly says whose they
    are, so there the passage is shared only where it names trade (``TRADE``) at least as
    often as a public body or its own service; the words of service any organisation writes
    (``profiles.generic_service``: *dienstverlening*, *balie*, *de overheid*) do not count,
    for a bank's, an insurer's or a marketer's text holds them too. A public body near
    products is often their buyer (a government's guide to buying sustainable goods): a
    product's passage with a public cue is always shared."""
    if a.watch.term.context == "staff" and FIRMS_SERVED.match(index.lower, end):
        return OWN
    if profiles.public_owner(index.lower, start) or _public_member(a):
        return OWN
    public = found_near(index, PUBLIC, start, end)
    if not public:
        return NONE
    if a.watch.term.context != "service":
        owners = sum(cue not in profiles.generic_service() for cue in public)
        if len(found_near(index, TRADE, start, end)) < owners:
            return OWN
    return SHARED


def topic_bar(model: TopicModel, index: CueIndex, a: Analysis, start: int, end: int) -> float:
    """The P(business) a paragraph must pass before a use of ``a`` at ``[start, end)`` is
    read as business, for a word the model may read (``_asked``, which the caller asks
    before it reads the model), by what its passage says of whose it is (``evidence``):
    none where the word or its passage says it is the public service's; the model's
    threshold where the passage holds no public-service or care cue; where it holds one
    beside trade, the far higher ``past_public``, so that only a paragraph all about
    business overrules the cue.

    On rounds 80-93, with models that never saw them, customers and staff above 0.99 in a
    passage whose public words outnumbered its trade were labelled commercial or another
    sense 33 times and flag 3 times (without the count of trade: 38 against 13); on rounds
    96-110, with a model that never saw them, words between 0.9 and 0.99 were labelled
    commercial 19 times, unsure 13 and flag 6, so the bar is 0.9."""
    said = evidence(index, a, start, end)
    if said == OWN:
        return OUT_OF_REACH
    return model.threshold if said == NONE else model.past_public


def _may_read(a: Analysis) -> bool:
    """A word for customers or products that names neither the pack's own compound nor a
    public or care member."""
    # the pack names it (productcatalogus): the organisation's own word, read only as
    # ``business_paragraphs`` reads it
    return not a.curated and _asked(a)


def _asked(a: Analysis) -> bool:
    """A word for customers or products that names no public or care member."""
    if a.watch.term.context not in ASKED:
        return False
    if a.watch.term.market_sense == "rare":
        return False  # a public service's own coinage: only commerce named near it counts
    return not _public_member(a)


# A compound the pack names (klantnummer, klantenportaal) is the organisation's own word,
# public wherever it stands, unless its paragraph reads as all about business: a parcel
# service's or a software vendor's help centre. So it must pass the bar of a passage with a
# public word at least (the model's ``past_public``, 0.9), in a paragraph of CURATED_WORDS
# distinct words or more (as the model reads them: plain words of three letters or more):
# a sentence or two says too little ("We schrappen de term, maar de productcatalogus heet
# nog zo" read 0.96).
# With a topic model trained on rounds 2-105 and scored on rounds 106-122, which it never
# saw: 10 fewer false positives (265 -> 255) and the same 1,300 flags; without the least
# words 2 flags fewer, with 24 words 3 false positives more.
CURATED_WORDS = 12


def _public_member(a: Analysis) -> bool:
    """The word has a public or care member of its own: jeugdhulpklanten,
    uitkeringsklanten say whose they are."""
    return any(profiles.member_cue(name, a.left, a.right) for name in PUBLIC)


def _public_or_care_near(index: CueIndex, start: int, end: int) -> bool:
    """Any public-service or care cue in the passage around ``[start, end)`` (not
    ``profiles._public_passage``, which weighs them against commerce)."""
    return bool(found_near(index, PUBLIC, start, end))


def found_near(index: CueIndex, names: tuple[str, ...], start: int, end: int) -> list[str]:
    """The cues of the lists ``names`` that stand in the passage around ``[start, end)``."""
    lo, hi = max(0, start - DOC_REACH), min(len(index.lower), end + DOC_REACH)
    return [cue for name in names for cue in index.find(name, lo, hi, (start, end))]


def purchases_by_paragraph(
    index: CueIndex,
    occurrences: Sequence[Occurrence],
    decided: list[Verdict],
    read_model: Callable[[], TopicModel],
) -> None:
    """A purchase the rules could not place is care bought for residents where its
    paragraph reads so ("de regionale inkoop" among youth protection and Wmo words), and
    plain purchasing otherwise (street lighting, catering, "hoe duurzaam de gemeente
    inkoopt"). Where no public-service or care word stands in the passage, the paragraph
    must read so far more clearly (``TopicModel.no_public``): a bank's or a supplier's
    purchasing has no public body to buy care. The sense model weighed these purchases
    before: on rounds 60-94, which neither model saw, it made 16 of their 57 flags
    market-speak and 32 other purchases; the paragraph model 30 and 8 (at one bar for
    all, 34 and 25). The paragraph's words are read once."""
    lower = index.lower
    read: dict[tuple[int, int], tuple[float | None, set[str]]] = {}
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        if found.rule != purchases.UNDECIDED_PURCHASE:
            continue
        model = read_model()
        span = paragraph(lower, occ.start, occ.end, PURCHASE_REACH)
        p, seen = _reading(model, lower, span, occurrences, read)
        if p is None:
            continue
        bar = model.no_public
        if bar is not None and p <= bar and not found_near(index, PUBLIC, occ.start, occ.end):
            continue
        words = _weighed_most(model, seen)
        decided[i] = replace(
            verdict("use.care-bought", words=words), weak=True, confidence=round(p, 3)
        )


def business_paragraphs(
    index: CueIndex,
    occurrences: Sequence[Occurrence],
    decided: list[Verdict],
    read_model: Callable[[], TopicModel],
) -> None:
    """A use is read by what its paragraph is about: a shop's or a freelancer's text ("Hoe
    vind je snel een specifieke klant?") is business, whatever the sentence holds. Where a
    public-service or care cue stands in the passage, only a paragraph all about business
    overrules it (a government's guide to buying sustainable goods, an insurer's page on
    its *dienstverlening*). The paragraph's words are read once, the model when first
    needed."""
    lower = index.lower
    read: dict[tuple[int, int], tuple[float | None, set[str]]] = {}
    business: dict[tuple[int, int], Verdict] = {}  # paragraphs read as a business's customers
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        if found.decision is not Decision.USE or not _asked(occ.analysis):
            continue
        if found.rule in profiles.WHOSE:
            continue  # "het product Kostendelersnorm", "klanten van de voedselbank": whose
        model = read_model()
        bar = topic_bar(model, index, occ.analysis, occ.start, occ.end)
        if bar >= OUT_OF_REACH:
            continue
        span = paragraph(lower, occ.start, occ.end)
        p, seen = _reading(model, lower, span, occurrences, read)
        need = bar
        if occ.analysis.curated:  # the pack's own compound
            if len(seen) < CURATED_WORDS:
                continue
            need = max(bar, model.past_public)
        if p is not None and p > need:
            about = _weighed_most(model, seen)
            rule = (
                "commercial.business-paragraph"
                if bar == model.threshold
                else "commercial.all-business"
            )
            decided[i] = replace(verdict(rule, words=about), confidence=round(p, 3))
            if occ.analysis.watch.term.context == "person" and p >= SAME_CUSTOMERS:
                business.setdefault(span, decided[i])
    if business:
        _same_customers(lower, business, occurrences, decided)


SAME_CUSTOMERS = 0.9  # how surely the paragraph must read as business; on the training
#                      split (rounds 2-109) the words that followed were labelled
#                      commercial 14 times, unsure 7, flag 3


def _same_customers(
    lower: str,
    business: dict[tuple[int, int], Verdict],
    occurrences: Sequence[Occurrence],
    decided: list[Verdict],
) -> None:
    """A paragraph read as a business's about its customers is about them in each of its
    words for them: "in het contact met klanten" there makes its "langere klantcontacten"
    the business's too, though the model's bar kept that word from it (a public word
    nearer to it, a word the model does not read). A word that says whose customers it
    names (bijstandsklanten, klanten van de voedselbank) needs no guard here: its public
    word raises the bar of every word in its passage (``topic_bar``), so such a paragraph
    is seldom read as business at all."""
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        if found.decision is not Decision.USE or occ.analysis.watch.term.context != "person":
            continue
        read_as = business.get(paragraph(lower, occ.start, occ.end))
        if read_as is not None:
            decided[i] = read_as


def _reading(
    model: TopicModel,
    lower: str,
    span: tuple[int, int],
    occurrences: Sequence[Occurrence],
    read: dict[tuple[int, int], tuple[float | None, set[str]]],
) -> tuple[float | None, set[str]]:
    """``model``'s reading of the paragraph at ``span`` (``TopicModel.reads``) and the
    words it read, made once per paragraph of a text: ``read`` keeps them."""
    if span not in read:
        seen = topic_words(_watched_masked(lower, span, occurrences))
        read[span] = (model.reads(seen), seen)
    return read[span]


def _weighed_most(model: TopicModel, seen: set[str]) -> str:
    """The paragraph's words that weighed most towards the model's reading, for --explain."""
    return ", ".join(model.strongest(seen)) or messages.text("evidence.none")


def _watched_masked(lower: str, span: tuple[int, int], occurrences: Sequence[Occurrence]) -> str:
    """The paragraph at ``span`` with every watched word blanked out, whole: the topic model
    masks the bundled pack's stems itself (``topic.MASK``), but an organisation's own term
    ("zorgconsumenten") would otherwise be read as the evidence about itself."""
    start, end = span
    text = lower[start:end]
    pieces: list[str] = []
    at = 0  # text[:at] is in pieces already
    for occ in occurrences:
        if occ.end <= start + at or occ.start >= end:
            continue
        lo, hi = max(occ.start - start, at), occ.end - start
        while lo > at and text[lo - 1].isalnum():
            lo -= 1
        while hi < len(text) and text[hi].isalnum():
            hi += 1
        pieces += (text[at:lo], " " * (hi - lo))
        at = hi
    return "".join(pieces) + text[at:]
