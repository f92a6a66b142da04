"""The learned sense decision: is a watched word used for the public service (flag), or is it
a mention, commerce or another sense?

A multinomial logistic regression over the features of ``features.py``, trained by
``tools/train_sense.py`` on labelled real text (``devdata/pool``) and shipped as weights in
``engine/data/sense.json``. Inference is a few sparse dot products in plain Python. Rules still
decide what rules decide best (quotation marks, code, names, fixed phrases, frames); this model
weighs the evidence the rules could only chain by hand.
"""

from __future__ import annotations

import json
import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Protocol

from taalwacht import messages
from taalwacht.engine.context.datafile import shipped_text, weights_file
from taalwacht.engine.context.features import WEIGHED, Features
from taalwacht.engine.context.verdict import Verdict
from taalwacht.model.finding import Decision

CLASSES = ("flag", "mention", "commercial", "other")
RULE_OF = {  # the rule id of a learned decision, by its class of evidence
    "mention": "mention.about-word",
    "commercial": "commercial.market-passage",
    "other": "other.learned-sense",
}


OWN_SENTENCE = tuple(f"{cue}@{span}" for cue in WEIGHED for span in ("clause", "sent"))


class Decider(Protocol):
    """What decides an occurrence from its features: the shipped model, or a recorder."""

    def decide(self, features: Features, rules: Verdict) -> Verdict: ...

    @property
    def vocabulary(self) -> AbstractSet[str] | None:
        """The context words the decider weighs (None: every word)."""
        ...


@dataclass
class SenseModel:
    """Weights per feature and class (no bias: see features.py) and two flag thresholds."""

    weights: dict[str, tuple[float, ...]]
    keep_use: float  # the rules' "use" stands while P(flag) is at least this
    overrule: float  # another decision of the rules becomes "use" from this P(flag) on

    @cached_property
    def vocabulary(self) -> AbstractSet[str]:
        return frozenset(name[2:] for name in self.weights if name.startswith("s:"))

    def probabilities(self, features: Features) -> tuple[float, ...]:
        s0 = s1 = s2 = s3 = 0.0  # one per class, in local variables: this runs per word
        get = self.weights.get
        for name, value in features.items():
            w = get(name)
            if w is not None:
                s0 += w[0] * value
                s1 += w[1] * value
                s2 += w[2] * value
                s3 += w[3] * value
        scores = (s0, s1, s2, s3)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return tuple(e / total for e in exp)

    def strongest(self, features: Features, k: int, n: int = 3) -> list[str]:
        """The features that pushed class ``k`` most, against the other classes."""
        pushes = []
        for name, value in features.items():
            w = self.weights.get(name)
            if w is None:
                continue
            rest = (sum(w) - w[k]) / (len(w) - 1)
            pushes.append(((w[k] - rest) * value, name))
        pushes.sort(reverse=True)
        return [name for push, name in pushes[:n] if push > 0]

    def decide(self, features: Features, rules: Verdict) -> Verdict:
        p = self.probabilities(features)
        # The rules know the default of a plain sentence ("De klant krijgt een brief" is a
        # use): the model overrules them only where its evidence is clear. A rule that
        # found specific evidence (a shop, an employer, English) stands; only its defaults
        # for want of evidence ("weak") are weighed again.
        ruled_use = rules.decision is Decision.USE
        flag = p[0] >= (self.keep_use if ruled_use else self.overrule) and (ruled_use or rules.weak)
        k = 0 if flag else max(range(1, len(CLASSES)), key=lambda i: p[i])
        confidence = round(p[0] if flag else 1.0 - p[0], 3)
        # no cue in its own sentence: the word's sense elsewhere in the text may decide it
        weak = features.keys().isdisjoint(OWN_SENTENCE)
        if flag is ruled_use:  # the model agrees: the rule's own, more specific ground stands
            # built directly, not by dataclasses.replace: this runs for every weighed word
            return Verdict(rules.decision, rules.rule, rules.why, weak, confidence)
        evidence = ", ".join(readable(name) for name in self.strongest(features, k))
        evidence = evidence or messages.text("evidence.none")
        rule = "use.learned" if flag else RULE_OF[CLASSES[k]]
        why = messages.text(f"rules.{rule}")
        return Verdict(
            Decision(rule.partition(".")[0]),
            rule,
            f"{why} ({messages.text('evidence.lead', evidence=evidence)})",
            weak=weak,
            confidence=confidence,
        )


def readable(name: str) -> str:
    """A feature in words a writer understands: 'supermarkt' in de zin, een vraagzin."""
    if name.startswith("s:"):
        return messages.text("evidence.word-sentence", word=name[2:])
    if name.startswith(("before=", "after=")):
        side, _, word = name.partition("=")
        return messages.text(f"evidence.{side}", word=word)
    if "@" in name:
        cue, _, span = name.partition("@")
        return messages.text(f"evidence.cue-{cue}", where=messages.text(f"evidence.at-{span}"))
    head, _, value = name.partition("=")
    if head in ("rules", "left", "right"):
        key = f"rules-{value}" if head == "rules" else head
        return messages.text(f"evidence.{key}", value=value)
    return messages.text(f"evidence.{head.replace('.', '-')}")


@cache
def shipped() -> SenseModel:
    """The model that ships with the package (``engine/data/sense.json``)."""
    return from_json(shipped_text("sense.json"))


def from_json(raw: str) -> SenseModel:
    data = json.loads(raw)
    if tuple(data["classes"]) != CLASSES:
        raise ValueError(f"sense model classes {data['classes']} are not {CLASSES}")
    weights = {name: tuple(float(x) for x in w) for name, w in data["weights"].items()}
    return SenseModel(weights, float(data["keep_use"]), float(data["overrule"]))


def to_json(model: SenseModel, **about: object) -> str:
    """The model as the data file ``tools/train_sense.py`` writes, one feature per line."""
    head = {
        "about": about,
        "classes": list(CLASSES),
        "keep_use": model.keep_use,
        "overrule": model.overrule,
    }
    return weights_file(head, {name: list(w) for name, w in model.weights.items()})
