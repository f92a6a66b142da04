"""A text's decisions weighed together, after each word was decided on its own.

A passage about the words makes its uses mentions; a word keeps one sense where the surest
decision on it set one (Klantnummer ... uw klantnummer); a person's name stays a name; a
business's customers further on were its customers before; a term the text defines with a
capital, and a term the text uses for goods nearly everywhere, keep one sense throughout.
Each pass reads the list of decisions and replaces some of them in place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from taalwacht.dutch.sentences import sentence_bounds
from taalwacht.engine.analysis import Occurrence
from taalwacht.engine.context.cues import DOC_REACH, CueIndex
from taalwacht.engine.context.verdict import Verdict, verdict
from taalwacht.model.finding import Decision

ABOUT_WORDS = (3, 0.3)  # mentions, and their share of the watched words, that make a passage
#                        about the words themselves


def about_the_words(starts: Sequence[int], decided: list[Verdict]) -> None:
    """A passage that discusses the words (several quoted or framed as words, a large share
    of all) is about the language as a whole: its remaining uses are read as mentions too.
    So is a whole text with twice that many, and the same share, wherever they stand.
    An essay against 'de klant' or a language guide ('wij schrijven inwoner, niet klant')
    uses the word unquoted as often as quoted, and its writers mean the word itself."""
    mentions = [
        s
        for s, v in zip(starts, decided, strict=True)
        if v.decision is Decision.MENTION and v.rule != "mention.code"  # code is not prose
    ]
    least, share = ABOUT_WORDS
    if len(mentions) < least:
        return
    whole = len(mentions) >= 2 * least and len(mentions) >= share * len(starts)
    for i, found in enumerate(decided):
        if found.decision is not Decision.USE:
            continue
        lo, hi = starts[i] - DOC_REACH, starts[i] + DOC_REACH
        said = bisect_left(mentions, hi) - bisect_left(mentions, lo)
        watched = bisect_left(starts, hi) - bisect_left(starts, lo)
        if whole or (said >= least and said >= share * watched):
            count = len(mentions) if whole else said
            decided[i] = verdict("mention.about-passage", count=str(count))


SURE = 0.8  # a learned decision this sure sets the sense of the same word elsewhere


def _sureness(found: Verdict, context: str) -> float:
    """How sure a decision is of the word's sense: a learned one by its confidence; for
    things (a purchase, a product), a rule that found commerce by specific evidence (goods
    bought, the body's general purchasing) as sure as can be. Defaults, and rules about one
    place (quotation marks, names, code), set nothing; nor do rules on people, whose sense
    changes within a text (an agency's companies have customers who are its residents)."""
    if found.weak:
        return 0.0
    if found.confidence is not None:
        return found.confidence
    if found.decision is Decision.COMMERCIAL and context in THING_PROFILES:
        return 1.0
    return 0.0


def one_sense_per_word(occurrences: Sequence[Occurrence], decided: list[Verdict]) -> None:
    """The same word in one text is decided the same way: a learned decision without
    evidence in its own sentence takes the sense of the surest decision on that word that
    had some (Klantnummer ... uw klantnummer). Rules' decisions (quotation marks, names)
    are about their own place and stay."""
    surest: dict[tuple[str, str], Verdict] = {}
    for occ, found in zip(occurrences, decided, strict=True):
        sure = _sureness(found, occ.analysis.watch.term.context)
        if sure < SURE:
            continue
        key = (occ.analysis.watch.term.id, occ.analysis.joined)
        best = surest.get(key)
        if best is None or sure > _sureness(best, occ.analysis.watch.term.context):
            surest[key] = found
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        best = surest.get((occ.analysis.watch.term.id, occ.analysis.joined))
        if (
            best is not None
            and found.weak
            and found.confidence is not None
            and best.decision is not found.decision
        ):
            decided[i] = best


TEXT_MAJORITY = (4, 0.75)  # decisions on a term, and the share of them that are commerce or
#                           another sense, that set the sense of that term in the whole text
# Things keep their sense through a text (a regulation's products are all goods); people do
# not: a re-integration contract's companies have "klanten" who are the agency's residents.
TEXT_SENSE_PROFILES = frozenset({"service", "organisation", "case"})
THING_PROFILES = TEXT_SENSE_PROFILES | {"procurement"}


def the_same_name(text: str, occurrences: Sequence[Occurrence], decided: list[Verdict]) -> None:
    """Once a text names a person (Joop Klant), the word in the same capitals is that person
    wherever it stands: "Klant studeerde economie", "rond Klant"."""
    names = {
        text[o.start : o.end]
        for o, v in zip(occurrences, decided, strict=True)
        if v.rule == "other.person-name"
    }
    if not names:
        return
    for i, occ in enumerate(occurrences):
        if text[occ.start : occ.end] in names and decided[i].decision is Decision.USE:
            decided[i] = verdict("other.person-name")


# rules that found a business's own customers by specific evidence
CUSTOMERS_OF_A_BUSINESS = frozenset(
    {
        "commercial.reader-customers",
        "commercial.trade",
        "commercial.trade-compound",
        "commercial.shop",
        "commercial.named-customers",
    }
)


def same_sense_later(
    text: str, index: CueIndex, occurrences: Sequence[Occurrence], decided: list[Verdict]
) -> None:
    """A word the passage goes on to use for a business's own customers ("als je klant jarig
    is") was the business's word before that too ("een compliment als de klant begrip
    toont"): the rule "commercial.same-sense" looks back while deciding, this looks ahead.
    Only unsure uses with no public cue in their own sentence follow."""
    later: dict[str, list[int]] = {}
    for occ, found in zip(occurrences, decided, strict=True):
        if found.rule in CUSTOMERS_OF_A_BUSINESS:
            later.setdefault(occ.analysis.watch.term.id, []).append(occ.start)
    if not later:
        return
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        term = occ.analysis.watch.term
        seen = later.get(term.id)
        if (
            not seen
            or found.decision is not Decision.USE
            or found.confidence is None
            or found.confidence >= SURE
            or term.context != "person"
        ):
            continue
        j = bisect_left(seen, occ.end)
        if j == len(seen) or seen[j] > occ.start + DOC_REACH:
            continue
        sent = sentence_bounds(text, occ.start, occ.end)
        if not index.find("public", *sent, (occ.start, occ.end)):
            decided[i] = verdict("commercial.same-sense")


DEFINED = (5, 0.75)  # capitalised occurrences of a word inside sentences, and the share of
#                      one decision among them, that make it a term the text defines
SENSES = frozenset({Decision.USE, Decision.COMMERCIAL, Decision.OTHER})
OPENS = frozenset("\n.!?:;•*#|>-–—()\"'‘“„«[")  # what stands before a capital that opens a line,
#                                          a sentence, an item or a quotation


def defined_terms(text: str, occurrences: Sequence[Occurrence], decided: list[Verdict]) -> None:
    """A word that a text writes with a capital inside its sentences ("de Klant", "meer
    Klanten binnen een onderneming") is a term the text defines once, as protocols,
    contracts and regulations do: it has one sense throughout. Where most of its
    occurrences are decided one way, the others follow, whatever cue stands near them (a
    coaching firm next to UWV's Klant, a supermarket next to a shop's Klant)."""
    least, share = DEFINED
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        word = text[occ.start : occ.end]
        if not word[:1].isupper() or word.isupper() or found.decision not in SENSES:
            continue
        before = text[max(0, occ.start - 40) : occ.start].rstrip(" \t\xa0")
        if not before or before[-1] in OPENS or before[-1].isdigit():
            continue  # "3.4.4 Product Klantzaken": a numbered heading opens with a capital
        a = occ.analysis
        groups.setdefault((a.watch.term.id, a.left, a.right), []).append(i)
    for members in groups.values():
        if len(members) < least:
            continue
        counts = Counter(decided[i].decision for i in members)
        sense, n = counts.most_common(1)[0]
        if n < share * len(members) or n == len(members):
            continue
        word = text[occurrences[members[0]].start : occurrences[members[0]].end]
        for i in members:
            if decided[i].decision is not sense:
                decided[i] = verdict(
                    f"{sense.value}.defined-term",
                    word=word,
                    count=str(n),
                    total=str(len(members)),
                )


def one_sense_per_text(occurrences: Sequence[Occurrence], decided: list[Verdict]) -> None:
    """A text that uses a term in a market sense nearly everywhere (a regulation on organic
    produce, a financial firm's disclosure form) uses it so where the evidence is thin too:
    an unsure learned "use" of that term takes the sense the rules gave most of the others."""
    least, share = TEXT_MAJORITY
    tally: dict[str, Counter[Decision]] = {}
    for occ, found in zip(occurrences, decided, strict=True):
        term = occ.analysis.watch.term
        if term.context not in TEXT_SENSE_PROFILES:
            continue
        if not found.weak and found.confidence is None and found.decision is not Decision.FIXED:
            tally.setdefault(term.id, Counter())[found.decision] += 1
    for i, (occ, found) in enumerate(zip(occurrences, decided, strict=True)):
        counts = tally.get(occ.analysis.watch.term.id)
        unsure = found.confidence is not None and found.confidence < SURE
        if found.decision is not Decision.USE or not unsure or not counts:
            continue
        total = sum(counts.values())
        sense, n = max(
            ((d, counts[d]) for d in (Decision.COMMERCIAL, Decision.OTHER)), key=lambda x: x[1]
        )
        if total >= least and n >= share * total:
            decided[i] = verdict(f"{sense.value}.text-majority", count=str(n), total=str(total))
