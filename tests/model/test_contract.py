"""One result contract: every rule id is worded in the catalogue and documented, and every
JSON and SARIF output validates against its schema."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from conftest import DATA, REPO, cli
from taalwacht import check, messages
from taalwacht.model.contract import schema

EXAMPLES = REPO / "src" / "taalwacht" / "examples"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))


def _used_rule_ids() -> set[str]:
    """Every rule id the engine's code names (``verdict("mention.quoted")``, f-strings too)."""
    found: set[str] = set()
    for path in (REPO / "src" / "taalwacht" / "engine").rglob("*.py"):
        code = path.read_text("utf-8")
        found.update(re.findall(r'verdict\(\s*"([a-z]+\.[a-z0-9-]+)"', code))
    return found


def test_every_rule_the_engine_names_is_in_the_catalogue() -> None:
    known = set(messages.rule_ids())
    used = _used_rule_ids()
    assert used, "no rule ids found in the engine"
    assert used <= known, sorted(used - known)


def test_every_rule_in_the_catalogue_is_documented() -> None:
    rules = (REPO / "docs" / "rules.md").read_text("utf-8")
    documented = set(re.findall(r"`([a-z]+\.[a-z0-9-]+)`", rules))
    missing = set(messages.rule_ids()) - documented
    assert not missing, sorted(missing)


def test_every_decision_has_a_rule_id_that_starts_with_it() -> None:
    text = (EXAMPLES / "brief-aan-inwoner.txt").read_text("utf-8") + (
        "\nHet woord 'klant' en de klanten van de supermarkt, zie https://x.nl/klant.\n"
    )
    found = check(text, explain=True)
    assert {f.decision.value for f in found} >= {"use", "mention", "commercial", "other"}
    for finding in found:
        assert finding.rule.partition(".")[0] == finding.decision.value, finding
        assert finding.why, finding


def _cli(*args: str) -> str:
    proc = cli(*args, cwd=REPO, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return str(proc.stdout)


@pytest.mark.parametrize("explain", [False, True])
def test_json_output_validates_against_the_contract(explain: bool) -> None:
    args = ["check", "--no-progress", "--format", "json", str(EXAMPLES)]
    document = json.loads(_cli(*args, *(["--explain"] if explain else [])))
    jsonschema.validate(document, schema())
    assert document["findings"]
    assert all(f["rule"] for f in document["findings"])


@pytest.mark.parametrize("explain", [False, True])
def test_sarif_output_validates_against_sarif_2_1_0(explain: bool) -> None:
    args = ["check", "--no-progress", "--format", "sarif", str(EXAMPLES)]
    document = json.loads(_cli(*args, *(["--explain"] if explain else [])))
    jsonschema.validate(document, SARIF_SCHEMA)
    results = document["runs"][0]["results"]
    assert any("fixes" in r for r in results)
