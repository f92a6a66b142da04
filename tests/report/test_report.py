"""Renderers: the JSON contract, SARIF validity, GitHub escaping, text lines. Positions
are in tests/model/test_results.py."""

from __future__ import annotations

import io
import json
from typing import Any

import jsonschema
import pytest

from conftest import DATA
from taalwacht.model.contract import schema
from taalwacht.model.edit import Edit
from taalwacht.model.finding import Choice, Decision, Finding, Severity, Span
from taalwacht.model.fix import Applicability, Fix
from taalwacht.model.results import FileResult
from taalwacht.model.terms import TermInfo
from taalwacht.packs import Alternative, Term
from taalwacht.report import FORMATS, render
from taalwacht.report.github import annotation, escape_data, escape_property

SCHEMA = DATA / "sarif-schema-2.1.0.json"


RULES = {Decision.USE: "use.person", Decision.MENTION: "mention.quoted"}


def finding(
    text: str,
    word: str,
    *,
    nth: int = 0,
    severity: Severity = "warning",
    decision: Decision = Decision.USE,
    suggestions: tuple[str, ...] = ("inwoner", "u"),
    related: tuple[Span, ...] = (),
    term: str = "klant",
    rule: str = "",
) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding(
        start=start,
        end=start + len(word),
        text=word,
        term=term,
        severity=severity,
        message=f"'{word}' is markttaal",
        reason="Een inwoner is geen klant.",
        suggestions=suggestions,
        decision=decision,
        why="" if decision.reported else "tussen aanhalingstekens",
        rule=rule or RULES.get(decision, f"{decision.value}.test"),
        related=related,
        pack="markttaal",
    )


def rendered(fmt: str, results: list[FileResult], **kwargs: Any) -> str:
    out = io.StringIO()
    render(fmt, results, out, **kwargs)
    return out.getvalue()


# ---------------------------------------------------------------------------- json


def test_json_contract() -> None:
    text = "not here\r\nDe klant en de 'klant'.\n"
    used = finding(text, "klant")
    quoted = finding(text, "klant", nth=1, decision=Decision.MENTION)
    result = FileResult("brief.txt", text, [quoted, used])
    doc = json.loads(rendered("json", [result]))
    assert doc["version"] == 1
    assert len(doc["findings"]) == 1  # without explain, only reported findings
    item = doc["findings"][0]
    assert text[item["start"] : item["end"]] == item["text"] == "klant"
    assert (item["line"], item["column"]) == (2, 4)
    assert (item["end_line"], item["end_column"]) == (2, 9)
    assert item["path"] == "brief.txt"
    assert item["term"] == "klant"
    assert item["pack"] == "markttaal"
    assert item["severity"] == "warning"
    assert item["message"] == "'klant' is markttaal"
    assert item["reason"] == "Een inwoner is geen klant."
    assert item["suggestions"] == ["inwoner", "u"]
    assert item["related"] == []
    assert item["reported"] is True
    assert item["decision"] == "use"
    assert item["rule"] == "use.person"
    assert "why" not in item
    jsonschema.validate(doc, schema())


def test_json_explain_adds_unreported_with_why_in_offset_order() -> None:
    text = "De klant en de 'klant'."
    used = finding(text, "klant")
    quoted = finding(text, "klant", nth=1, decision=Decision.MENTION)
    doc = json.loads(rendered("json", [FileResult("a", text, [quoted, used])], explain=True))
    assert [f["start"] for f in doc["findings"]] == [used.start, quoted.start]
    second = doc["findings"][1]
    assert second["reported"] is False
    assert second["decision"] == "mention"
    assert second["why"] == "tussen aanhalingstekens"
    assert second["rule"] == "mention.quoted"
    jsonschema.validate(doc, schema())


def test_json_related_spans() -> None:
    text = "De gemeente koopt\nzorg in."
    related = (Span(text.index(" in") + 1, text.index(" in") + 3),)
    item = finding(text, "koopt", related=related, term="inkopen")
    doc = json.loads(rendered("json", [FileResult("a", text, [item])]))
    assert doc["findings"][0]["related"] == [
        {"start": related[0].start, "end": related[0].end, "line": 2, "column": 6, "text": "in"}
    ]


def test_json_empty_run() -> None:
    doc = json.loads(rendered("json", []))
    assert doc == {"version": 1, "findings": []}
    jsonschema.validate(doc, schema())


# --------------------------------------------------------------------------- sarif


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sample_terms() -> list[TermInfo]:
    return [t.info() for t in pack_terms()]


def pack_terms() -> list[Term]:
    return [
        Term(
            id="klant",
            lemma="klant",
            pos="noun",
            reason="Een inwoner is geen klant.",
            message="'{text}' is markttaal",
            severity="warning",
            alternatives=(
                Alternative("inwoner", forms={"pl": "inwoners"}, gender="de"),
                Alternative("u", note="in een brief"),
            ),
            pack="markttaal",
        )
    ]


def test_sarif_validates_against_the_official_schema() -> None:
    text = "De klant\r\nkoopt zorg in, 'klant' en klantenservice 😀 product."
    used = finding(text, "klant")
    # fixes are planned by the service (Service.plan) and travel with the result
    offered = tuple(
        Fix(used, Choice(word), (Edit(used.start, used.end, word),), Applicability.SAFE)
        for word in used.suggestions
    )
    results = [
        FileResult(
            "docs/brief met spatie.md",
            text,
            [
                used,
                finding(text, "klant", nth=1, decision=Decision.MENTION),
                finding(
                    text,
                    "koopt",
                    related=(Span(text.index("in,"), text.index("in,") + 2),),
                    term="inkopen",
                    severity="error",
                ),
                finding(text, "product", severity="info", suggestions=(), term="product"),
            ],
            fixes={(used.start, used.end): offered},
        ),
        FileResult("leeg.txt", "", []),
        FileResult("-", "De klant.", [finding("De klant.", "klant")]),
    ]
    for explain in (False, True):
        doc = json.loads(rendered("sarif", results, explain=explain, terms=sample_terms()))
        errors = [e.message for e in sarif_validator().iter_errors(doc)]
        assert errors == []
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "taalwacht"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"klant", "inkopen", "product"}
    assert rules["klant"]["fullDescription"]["text"] == "Een inwoner is geen klant."
    assert "inwoner" in rules["klant"]["help"]["text"]
    levels = {r["ruleId"]: r["level"] for r in run["results"] if "suppressions" not in r}
    assert levels == {"klant": "warning", "inkopen": "error", "product": "note"}
    assert any(r.get("suppressions") for r in run["results"])
    first = run["results"][0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 4, 9)
    assert (region["charOffset"], region["charLength"]) == (3, 5)
    uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/brief%20met%20spatie.md"
    assert [
        f["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
        for f in first["fixes"]
    ] == ["inwoner", "u"]
    assert first["ruleIndex"] == list(rules).index("klant")


def test_sarif_without_explain_has_no_suppressed_results() -> None:
    text = "De 'klant'."
    result = FileResult("a", text, [finding(text, "klant", decision=Decision.MENTION)])
    doc = json.loads(rendered("sarif", [result]))
    assert doc["runs"][0]["results"] == []
    assert sarif_validator().is_valid(doc)


# -------------------------------------------------------------------------- github


def test_github_escaping() -> None:
    assert escape_data("100% ok\r\nnext") == "100%25 ok%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


@pytest.mark.parametrize(
    ("severity", "command"), [("info", "notice"), ("warning", "warning"), ("error", "error")]
)
def test_github_command_per_severity(severity: Severity, command: str) -> None:
    text = "Een\nDe klant."
    result = FileResult("docs/a,b:c.md", text, [finding(text, "klant", severity=severity)])
    line = annotation(result, result.findings[0])
    assert line == (
        f"::{command} file=docs/a%2Cb%3Ac.md,line=2,col=4,endLine=2,endColumn=9,"
        f"title=taalwacht klant::'klant' is markttaal -> inwoner, u"
    )


def test_github_renders_only_reported() -> None:
    text = "De klant, de 'klant'."
    result = FileResult(
        "a.md",
        text,
        [finding(text, "klant"), finding(text, "klant", nth=1, decision=Decision.MENTION)],
    )
    out = rendered("github", [result], explain=True).splitlines()
    assert len(out) == 1
    assert out[0].startswith("::warning file=a.md,line=1,col=4,")


# ---------------------------------------------------------------------------- text


def test_text_line_and_explain() -> None:
    text = "De klant, de 'klant'."
    result = FileResult(
        "a.md",
        text,
        [finding(text, "klant"), finding(text, "klant", nth=1, decision=Decision.MENTION)],
    )
    plain = rendered("text", [result])
    assert plain == "a.md:1:4: waarschuwing klant: 'klant' is markttaal -> inwoner, u\n"
    explained = rendered("text", [result], explain=True).splitlines()
    assert explained[0] == "a.md:1:4: waarschuwing klant: 'klant' is markttaal -> inwoner, u"
    assert explained[1].startswith("    ") and explained[1].endswith(f"({result.findings[0].rule})")
    mention = "a.md:1:15: niet gemeld (mention): tussen aanhalingstekens [klant]"
    assert explained[2].startswith(mention)


def test_text_colour_only_when_asked() -> None:
    text = "De klant."
    result = FileResult("a.md", text, [finding(text, "klant")])
    assert "\x1b[" not in rendered("text", [result])
    assert "\x1b[" in rendered("text", [result], color=True)


def test_text_without_suggestions_has_no_arrow() -> None:
    text = "Het product."
    result = FileResult("a", text, [finding(text, "product", suggestions=(), term="product")])
    assert "->" not in rendered("text", [result])


def test_every_format_handles_an_empty_run() -> None:
    for fmt in FORMATS:
        rendered(fmt, [])
    with pytest.raises(ValueError, match="unknown format"):
        rendered("xml", [])


# ------------------------------------------------------------- extracted documents


def _word_result() -> FileResult:
    from taalwacht.model.document import Place

    text = "Beste klant,\nWij bellen u.\nGemeente - Klantcontactcentrum\n"
    used = finding(text, "klant")
    header = finding(text, "Klantcontactcentrum", term="klantcontact")
    places = (Place(0, "hoofdtekst", 1), Place(13, "hoofdtekst", 2), Place(27, "koptekst", 1))
    return FileResult("brief.docx", text, [used, header], places=places, extracted=True)


def test_sarif_and_github_point_into_a_document_by_place_not_by_line() -> None:
    """A viewer cannot show line 3 of a Word file: the place and a quote say where."""
    result = _word_result()
    sarif = json.loads(rendered("sarif", [result]))
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text("utf-8")))
    located = sarif["runs"][0]["results"]
    assert all("region" not in r["locations"][0]["physicalLocation"] for r in located)
    assert [r["locations"][0]["logicalLocations"][0]["name"] for r in located] == [
        "hoofdtekst, alinea 1",
        "koptekst, alinea 1",
    ]
    assert "“Gemeente - Klantcontactcentrum”" in located[1]["message"]["text"]
    lines = rendered("github", [result]).splitlines()
    assert lines[0].startswith("::warning file=brief.docx,title=taalwacht klant::")
    assert "line=" not in lines[0] and "(koptekst, alinea 1" in lines[1]


def test_json_says_the_offsets_are_extracted_with_place_and_quote() -> None:
    found = json.loads(rendered("json", [_word_result()]))
    jsonschema.validate(found, schema())
    first, second = found["findings"]
    assert first["offsets"] == "extracted" and first["place"] == {"part": "hoofdtekst", "number": 1}
    assert first["quote"] == "Beste klant,"
    assert second["place"]["part"] == "koptekst"
