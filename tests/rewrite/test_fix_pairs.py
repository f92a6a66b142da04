"""The fix pairs in tests/data/fix_pairs.yml are the specification of ``taalwacht.fix``:
input -> exact output with the bundled pack, for every rewrite rule."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from conftest import DATA
from taalwacht import fix

PAIRS: list[dict[str, Any]] = yaml.safe_load((DATA / "fix_pairs.yml").read_text(encoding="utf-8"))


def test_enough_pairs_for_every_rule() -> None:
    assert len(PAIRS) >= 200
    rules = {p["rule"] for p in PAIRS}
    for rule in (
        "adjective",
        "determiner",
        "relative",
        "number",
        "capitals",
        "compound",
        "separable",
        "verb-form",
        "pronoun-het",
        "unchanged",
        "left",
        "prefer",
        "abbreviation",
        "echo",
        "compound-adjective",
        "plural-in-brackets",
    ):
        assert rule in rules


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{i:03d}-{p['rule']}" for i, p in enumerate(PAIRS)])
def test_pair(pair: dict[str, Any]) -> None:
    result = fix(pair["in"], prefer=pair.get("prefer"))
    assert result.text == pair["out"]
    if pair["rule"] == "left":
        assert result.left, "a finding that is not rewritten must be listed for a person"
        assert all(left.reason for left in result.left)
    if pair["rule"] == "unchanged":
        assert not result.edits
