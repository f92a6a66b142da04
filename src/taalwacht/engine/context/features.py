"""What the sense model sees of one occurrence: interpretable features of its word, its
sentence and its passage, none of which names the term itself.

Features are the evidence a careful reader weighs: cue words of each kind (public service,
care, commerce, goods, another sense) in the clause, the sentence, its neighbours and the
passage; quotation and question marks; a denial or contrast; a heading;
the compound members around the watched word; the verdict of the hand-written profile rules;
and the plain words of the sentence (only those the model knows, so inference stays cheap).
The passage speaks through its cue counts. Because none of these is the term, a term an
organisation adds to its own pack is decided from the same evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet

from taalwacht.engine.context.cues import cues
from taalwacht.engine.context.profiles import english
from taalwacht.engine.context.verdict import Verdict
from taalwacht.engine.context.window import Window
from taalwacht.model.finding import Decision

Features = dict[str, float]

# The cue lists a reader weighs (dutch/data/cues/<name>.txt).
WEIGHED = ("public", "care", "commerce", "goods", "other_sense")
SPANS = ("clause", "sent", "near", "passage")
QUOTES = "\"'‘’“”„«»"
QUOTE = re.compile(f"[{QUOTES}]")  # any of them, in one pass over the sentence
NEGATION = frozenset({"geen", "niet", "nooit", "niets", "zonder"})
CONTRAST = frozenset({"maar", "dan", "liever", "plaats", "niet"})
LOG = tuple(math.log1p(n) for n in range(16))
WORD = re.compile(r"[^\W\d_]{2,}")


def _log(n: int) -> float:
    """Counts weigh less the higher they go: the third cue adds less than the first."""
    return math.log1p(n)


def features(
    w: Window,
    *,
    left: str,
    right: str,
    neighbours: int,
    rules: Verdict,
    vocabulary: AbstractSet[str] | None = None,
) -> Features:
    """The features of the occurrence ``w.lower[w.start:w.end]``.

    ``left`` and ``right`` are the compound members around the watched one; ``neighbours``
    counts the other watched words in the same sentence (a list of words under discussion
    holds several); ``rules`` is the hand-written profile rules' verdict; ``vocabulary``
    the context words worth reporting (those the model knows), None for every word.
    """
    # No bias and no feature for the profile alone: the labelled text over-samples commerce,
    # and a prior learned from it would overrule plain public sentences that carry no
    # evidence either way. The rules' verdict stands in for what a plain sentence means.
    f: Features = {f"rules={rules.decision.value}": 1.0}
    if rules.weak:
        f["rules.weak"] = 1.0
    spans = (w.clause, w.sent, w.near, w.passage)  # in the order of SPANS
    for span, counted in zip(SPANS, w.index.counts(spans, (w.start, w.end)), strict=True):
        for name, n in counted.items():
            f[f"{name}@{span}"] = LOG[n] if n < len(LOG) else _log(n)
    for side, member in (("left", left), ("right", right)):
        if member:
            f[f"{side}={member}"] = 1.0  # the other member: klanten|loyaliteit, inkoop|contract
            for name in WEIGHED:
                if cues(name).in_word(member):
                    f[f"member.{side}.{name}"] = 1.0
    sentence = w.lower[w.sent[0] : w.start] + " " + w.lower[w.end : w.sent[1]]
    if "?" in sentence:  # no pattern for one character
        f["sentence.question"] = 1.0
    if QUOTE.search(sentence):
        f["sentence.quotes"] = 1.0
    before = w.words_before(3)
    after = w.words_after(3)
    if NEGATION & set(before):
        f["negation.before"] = 1.0
    if CONTRAST & set(after):
        f["contrast.after"] = 1.0
    if before:
        f[f"before={before[-1]}"] = 1.0
    else:
        f["sentence.first"] = 1.0
    if after:
        f[f"after={after[0]}"] = 1.0
    else:
        f["sentence.last"] = 1.0
    plain = WORD.findall(sentence)
    if len(plain) <= 8 and not sentence.rstrip().endswith((".", "?", "!", ":", ";")):
        f["sentence.heading"] = 1.0
    if neighbours:
        f["neighbours"] = _log(neighbours)
    if english(w):
        f["english"] = 1.0
    if w.index.earlier(w.start, Decision.USE):
        f["earlier.use"] = 1.0
    if w.index.earlier(w.start, Decision.COMMERCIAL):
        f["earlier.commercial"] = 1.0
    for word in set(plain) if vocabulary is None else set(plain) & vocabulary:
        f[f"s:{word}"] = 1.0
    return f
