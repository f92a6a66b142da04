"""``RegionIndex``: which regions of a document a position or a word lies in, by bisection.

``fix`` asks it for every finding whether the word touches a field it must leave (a merge
field) or a word an earlier run doubted; the answers must be those of looking at every
region, nested and overlapping ones too.
"""

from __future__ import annotations

import itertools
import random

from taalwacht.engine.regions import RegionIndex
from taalwacht.model.document import Region, RegionKind


def walked(regions: list[Region], kind: RegionKind, start: int, end: int) -> bool:
    """The plain answer: any non-empty region of ``kind`` sharing a character."""
    return any(
        r.kind == kind and r.end > r.start and r.start < end and start < r.end for r in regions
    )


def test_a_word_touches_a_field_it_overlaps_and_no_other() -> None:
    fields = RegionIndex([Region(10, 20, "template"), Region(40, 45, "template")])
    assert fields.overlaps("template", 12, 15)  # inside
    assert fields.overlaps("template", 5, 11)  # over the start
    assert fields.overlaps("template", 19, 30)  # over the end
    assert not fields.overlaps("template", 20, 40)  # between, touching both ends
    assert not fields.overlaps("template", 0, 10)
    assert not fields.overlaps("doubted", 12, 15)  # another kind


def test_overlaps_answers_as_looking_at_every_region() -> None:
    """Nested and overlapping regions of several kinds, every word span of a short text."""
    rng = random.Random(8)
    kinds: tuple[RegionKind, ...] = ("template", "doubted", "code")
    regions = []
    for _ in range(60):
        start = rng.randrange(0, 200)
        regions.append(Region(start, start + rng.randrange(0, 40), rng.choice(kinds)))
    index = RegionIndex(regions)
    for kind in kinds:
        for start, end in itertools.combinations(range(0, 250, 7), 2):
            assert index.overlaps(kind, start, end) == walked(regions, kind, start, end)
