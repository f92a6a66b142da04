"""How sure a rule's decision is: how often decisions on the same ground were right on
labelled real text.

A learned decision carries the probability its model gave. A rule carries none of its own:
"gebruikt voor inwoners of hun hulp" is as often the default of a word with no cue at all
as the reading of a word beside *gemeente*. Its confidence is therefore counted, per
ground, on the training split (``tools/calibrate.py``, shipped as
``engine/data/confidence.json``): the share of its decisions that the labels agreed with. A
ground is the rule id, and for a use of a word for customers, products or staff also what
its passage says of whose the word is (``paragraphs.evidence``): the same rule, "use.person",
was right in 95 of 100 such decisions where the passage named its public owner, in 91 where
no public word stood near, and in 87 where trade was named as often as the public service.

A ground seen rarely borrows from the ground above it (the rule, then its decision, then
all decisions): its share is counted as if ``PRIOR`` more decisions had been right as often
as on the ground above, so that one lucky decision does not make a rule sure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from taalwacht.engine.context.datafile import shipped_text, weights_file

PRIOR = 10  # decisions at the ground above's share that each ground's count starts with
ALL = "*"  # the ground above every decision


def ground(rule: str, evidence: str = "") -> str:
    """The ground a decision is counted under: ``use.person@none``, or the rule alone."""
    return f"{rule}@{evidence}" if evidence else rule


def parents(key: str) -> list[str]:
    """The grounds above ``key``, nearest first: above use.person@none stand use.person,
    use and * (all decisions)."""
    rule = key.partition("@")[0]
    above = [rule] if rule != key else []
    decision = rule.partition(".")[0]
    if decision != rule:
        above.append(decision)
    return [*above, ALL] if key != ALL else []


@dataclass(frozen=True)
class Calibration:
    """The confidence of each ground seen in the labelled text."""

    confidence: Mapping[str, float]

    def of(self, rule: str, evidence: str = "") -> float:
        """The confidence of a decision by ``rule`` on ``evidence``: its ground's share, or
        the nearest ground above it that was seen."""
        key = ground(rule, evidence)
        for candidate in (key, *parents(key)):
            if candidate in self.confidence:
                return self.confidence[candidate]
        return 0.5  # nothing was counted at all: a coin, not a certainty


def estimate(counts: Mapping[str, tuple[int, int]]) -> dict[str, float]:
    """Each ground's confidence from its (right, decided) counts, shrunk towards the
    ground above it: (right + PRIOR * above) / (decided + PRIOR), from the top down."""
    out: dict[str, float] = {}
    for key in sorted(counts, key=lambda k: len(parents(k))):  # each after those above it
        right, decided = counts[key]
        above = next((out[p] for p in parents(key) if p in out), 0.5)
        out[key] = round((right + PRIOR * above) / (decided + PRIOR), 3)
    return out


def tally(decisions: Iterable[tuple[str, bool]]) -> dict[str, tuple[int, int]]:
    """(right, decided) for each ground and every ground above it, from (ground, right)
    pairs."""
    counts: dict[str, list[int]] = {}
    for key, right in decisions:
        for each in (key, *parents(key)):
            seen = counts.setdefault(each, [0, 0])
            seen[0] += right
            seen[1] += 1
    return {key: (right, decided) for key, (right, decided) in counts.items()}


@cache
def shipped() -> Calibration:
    """The confidences that ship with the package (``engine/data/confidence.json``)."""
    return from_json(shipped_text("confidence.json"))


def from_json(raw: str) -> Calibration:
    """The confidences of the data file's counts (``estimate``): the counts are kept, the
    shares follow from them."""
    counts = json.loads(raw)["counts"]
    return Calibration(estimate({str(k): (int(r), int(d)) for k, (r, d) in counts.items()}))


def to_json(counts: Mapping[str, tuple[int, int]], **about: object) -> str:
    """The data file ``tools/calibrate.py`` writes: each ground's (right, decided) counts,
    one ground a line."""
    listed = {key: [right, decided] for key, (right, decided) in counts.items()}
    return weights_file({"about": about}, listed, name="counts")
