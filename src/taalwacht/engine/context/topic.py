"""What a paragraph is about, from all its words: business or the public service, and
whether its purchases buy care for residents.

The cue lists name the words that point one way near a watched word; a shop's help page or
a freelancer's blog often has none of them ("Hoe vind je snel een specifieke klant?"). A
logistic regression over the letter sequences of the plain words of whole paragraphs (the
labelled ones and some written for training; ``tools/train_topic.py``, shipped as
``engine/data/topic.json``) gives the probability that a paragraph is about business.
The engine heeds it where no public-service or care cue
stands anywhere in the passage (there the cue lists have nothing to say either way) and,
for products, where the paragraph is all about business though such a cue stands near:
a government buying goods is their buyer, not their provider.

The same kind of model, trained on paragraphs with labelled purchases
(``tools/train_purchase.py``, ``engine/data/purchase.json``), reads whether a purchase the
rules could not place (no care, goods or buyer near it) buys care or help for residents:
"de regionale inkoop" in a paragraph about youth protection does, in one about street
lighting or catering it does not.
The watched words themselves are masked, so a term an organisation adds is judged the same.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from taalwacht.engine.context.datafile import shipped_text, weights_file

# the watched stems, masked before words are read: the paragraph's other words decide.
# Each whole word that holds one goes; a match starts only where a word does (\b), and
# the lazy \w*? finds the stem in one walk of the word, where a leading \w* would try
# the stems again from each of its letters (half the time of reading a paragraph's words)
MASK = re.compile(
    r"\b\w*?(?:klant|product|produkt|concern|inko|koop|kocht|casus|kcc|kcm|accountmanag|"
    r"vraaggericht)\w*"
)
WORD = re.compile(r"[^\W\d_]{3,}")
PARAGRAPH_END = "\n\n"
REACH = 1500  # a paragraph is read at most this far either side of the word
# a purchase's paragraph is read less far: the paragraphs the purchase model learned from
# are short (half under 280 characters, 95 in 100 under 540), a regulation's run far longer
PURCHASE_REACH = 300
OUT_OF_REACH = 1.01  # a threshold no probability passes: the model asked, never heeded
# the profiles asked: customers, products and staff (a firm's sales accountmanager; one
# named for the firms served is a public body's: ``scan.topic_bar``). Purchases and
# concerns have rules of their own, and a casus's other sense is a lesson or a lawsuit
ASKED = frozenset({"person", "service", "staff"})


GRAMS = (3, 4, 5)  # the letter sequences a word is read by, at its edges too (" uit", "ing ")


def words(lower: str) -> set[str]:
    """The distinct plain words of a lower-case text, watched stems masked."""
    return set(WORD.findall(MASK.sub(" ", lower)))


@lru_cache(maxsize=65_536)  # bounded: a long-running server meets endless words
def grams(word: str) -> frozenset[str]:
    """The letter sequences of ``word`` that the model weighs. Dutch writes its compounds as
    one word: uitkeringsgerechtigde shares "uitk" with uitkering, webwinkelier "winke" with
    winkel, so a compound the labelled text never held still reads by its parts."""
    padded = f" {word} "
    return frozenset(padded[i : i + n] for n in GRAMS for i in range(len(padded) - n + 1))


def features(found: set[str]) -> set[str]:
    """The letter sequences of all of ``found``'s words (what the model is trained on)."""
    return set().union(*map(grams, found))


def paragraph(lower: str, start: int, end: int, reach: int = REACH) -> tuple[int, int]:
    """The paragraph around ``[start, end)``: between blank lines, within ``reach``."""
    lo = lower.rfind(PARAGRAPH_END, max(0, start - reach), start)
    hi = lower.find(PARAGRAPH_END, end, end + reach)
    return (
        max(0, start - reach) if lo < 0 else lo + 2,
        min(len(lower), end + reach) if hi < 0 else hi,
    )


@dataclass(frozen=True)
class TopicModel:
    """Weights per letter sequence of a word (``grams``; business positive, or care bought
    for the purchase model), an intercept and the threshold above which a paragraph with no
    public-service or care cue is taken for business. The purchase model's threshold is
    its bar where such a cue does stand; ``no_public`` is its bar where none does.

    ``least_words``: a paragraph with fewer words than this is not judged at all. Two
    words ("Onze klantregisseurs helpen.") say too little about what a paragraph is about,
    and there the model's lean is the intercept's, not the text's.

    ``few_words`` and ``few_threshold``: a paragraph with fewer words than ``few_words``
    must pass the higher ``few_threshold``. The words model of rounds 53-61 needed 6
    words to be right more often than wrong; the letter-sequence model reads 3 to 5 well
    enough above 0.8: headlines and short lines of shop and trade news ("Meer klanten
    betekent ook vaak meer debiteuren"). On rounds 80-87 and 89-92, which the models
    scoring them never saw, such readings took 6 words labelled commercial for 2 flags (at
    the plain bar of then, 0.6: 7 for 3, and short letter lines such as "Onze producten
    zijn gratis." read as trade); on the training split 35 for none.

    ``past_public``: the threshold where a public-service or care cue stands in the
    passage. A public body near products is often their buyer (a government's guide to
    buying sustainable goods), and generic words of service stand in a bank's or an
    insurer's text too, so a paragraph all about business overrules the cue.
    """

    weights: dict[str, float]
    intercept: float
    threshold: float
    least_words: int = 0
    past_public: float = OUT_OF_REACH
    few_words: int = 0  # a paragraph with fewer words than this must pass few_threshold
    few_threshold: float = OUT_OF_REACH
    # words the model does not read: "zorgen" (to see to something) shares its letters with
    # zorg (care), which the purchase model weighs; "de inkoop moet ervoor zorgen dat ..."
    unread: frozenset[str] = frozenset()
    # the purchase model's bar where no public-service or care cue stands in the passage:
    # care is bought for residents by a public body, a region or a care buyer, and a
    # passage that names none must read so far more clearly (None: the threshold)
    no_public: float | None = None

    def reads(self, found: set[str]) -> float | None:
        """The model's probability for a paragraph with the words ``found`` (P(business)
        for the topic model) when it is above the threshold and the paragraph has enough
        words to say so, else None."""
        found = found - self.unread
        if len(found) < self.least_words:
            return None
        p = self._probability(found)
        bar = self.few_threshold if len(found) < self.few_words else self.threshold
        return p if p > bar else None

    def probability(self, found: set[str]) -> float:
        """The model's probability for a paragraph with the words ``found``."""
        return self._probability(found - self.unread)

    def _probability(self, read: set[str]) -> float:
        """The probability for the words the model reads (``unread`` left out already)."""
        # the sequences the model knows, each word's found once: most it does not know
        known = set().union(*map(self._known, read))
        score = self.intercept + sum(map(self.weights.__getitem__, known))
        return 1.0 / (1.0 + math.exp(-score))

    @cached_property
    def _known(self) -> Callable[[str], frozenset[str]]:
        """A word's letter sequences that the model weighs, remembered per word (bounded:
        a long-running server meets endless words). A paragraph's sum then joins a few
        known sequences per word instead of all of them: a fifth to a third faster."""
        weighed = self.weights.keys()

        @lru_cache(maxsize=65_536)
        def known(word: str) -> frozenset[str]:
            return grams(word) & weighed

        return known

    def strongest(self, found: set[str], n: int = 3) -> list[str]:
        """The words that pushed most towards business, for --explain: each by the weight
        of its own letter sequences. Summed exactly (``math.fsum``): a plain sum over a set
        depends on the set's order, which differs from run to run, and two words of equal
        weight then swapped places in the explanation."""
        get = self.weights.get
        pushed = sorted(
            ((math.fsum(get(g, 0.0) for g in grams(w)), w) for w in found - self.unread),
            reverse=True,
        )
        return [w for weight, w in pushed[:n] if weight > 0]


@cache
def shipped() -> TopicModel:
    """The model that ships with the package (``engine/data/topic.json``)."""
    return from_json(shipped_text("topic.json"))


@cache
def purchase() -> TopicModel:
    """The purchase model that ships with the package (``engine/data/purchase.json``):
    P(care or help bought for residents) of a paragraph."""
    return from_json(shipped_text("purchase.json"))


def from_json(raw: str) -> TopicModel:
    data = json.loads(raw)
    weights = {str(w): float(x) for w, x in data["weights"].items()}
    least = int(data.get("least_words", 0))
    past_public = float(data.get("past_public", OUT_OF_REACH))
    return TopicModel(
        weights,
        float(data["intercept"]),
        float(data["threshold"]),
        least,
        past_public,
        int(data.get("few_words", 0)),
        float(data.get("few_threshold", OUT_OF_REACH)),
        frozenset(data.get("unread", ())),
        None if data.get("no_public") is None else float(data["no_public"]),
    )


def to_json(model: TopicModel, **about: object) -> str:
    """The model as the data file ``tools/train_topic.py`` writes, one word per line."""
    head = {
        "about": about,
        "intercept": model.intercept,
        "threshold": model.threshold,
        "least_words": model.least_words,
        "past_public": model.past_public,
        "few_words": model.few_words,
        "few_threshold": model.few_threshold,
        "unread": sorted(model.unread),
        "no_public": model.no_public,
    }
    return weights_file(head, model.weights)
