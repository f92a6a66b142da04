"""The service every front end talks to: check, plan, fix with a person's choices, apply,
explain, terms and loading the settings of a run."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from taalwacht.api import default_service
from taalwacht.model.edit import Edit
from taalwacht.model.finding import Decision
from taalwacht.model.fix import Applicability, Fix
from taalwacht.service import QUIT, Planned, Service, parse

TEXT = "Het nieuwe product van de gemeente is gratis. De klant krijgt een brief.\n"
FIXED = "De nieuwe voorziening van de gemeente is gratis. De inwoner krijgt een brief.\n"


def test_check_gives_every_occurrence_in_the_texts_offsets() -> None:
    text = "Het woord 'klant' is oud. " + TEXT
    found = default_service().check(parse(text))
    assert [(f.text, f.decision) for f in found] == [
        ("klant", Decision.MENTION),
        ("product", Decision.USE),
        ("klant", Decision.USE),
    ]
    assert all(text[f.start : f.end] == f.text for f in found)


def test_plan_offers_fixes_best_first() -> None:
    planned = default_service().plan(parse(TEXT))
    assert [p.finding.text for p in planned] == ["product", "klant"]
    product = planned[0]
    assert isinstance(product.best, Fix)
    assert product.best.applicability is Applicability.SAFE
    assert [e.text for e in product.best.edits] == ["De", "voorziening"]
    assert product.offered[0] is product.best
    assert [o.choice.text for o in product.options if o.choice][:2] == ["voorziening", "dienst"]


def test_fix_takes_the_best_safe_fix() -> None:
    result = default_service().fix(parse(TEXT))
    assert result.text == FIXED
    assert [f.text for f in result.done] == ["product", "klant"]
    assert result.left == ()


def test_fix_with_a_persons_choices() -> None:
    service = default_service()
    document = parse(TEXT)

    def second_option(item: Planned) -> Fix:
        return item.options[1]

    assert service.fix(document, second_option).text == (
        "De nieuwe dienst van de gemeente is gratis. De u krijgt een brief.\n"
    )
    skipped = service.fix(document, lambda item: None)
    assert skipped.text == TEXT
    assert len(skipped.left) == 2 and all(left.reason for left in skipped.left)
    stopped = service.fix(document, lambda item: QUIT)
    assert stopped.text == TEXT
    assert len(stopped.left) == 2

    def own_words(item: Planned) -> list[Edit]:
        if item.finding.text != "klant":
            return []
        return [Edit(item.finding.start, item.finding.end, "bewoner")]

    assert service.fix(document, own_words).text == TEXT.replace("klant", "bewoner")


def test_apply_leaves_a_fix_that_touches_an_earlier_one() -> None:
    service = default_service()
    document = parse(TEXT)
    [product, _] = service.plan(document)
    first, second = product.options[:2]
    result = service.apply(document, [first, second])
    assert result.text == TEXT.replace("Het nieuwe product", "De nieuwe voorziening")
    assert [left.finding.text for left in result.left] == ["product"]
    assert second.choice is not None
    assert result.left[0].suggestion == second.choice.text


def test_explain_by_id_lemma_or_form() -> None:
    service = default_service()
    for word in ("klant", "Klanten", " KLANT "):
        term = service.explain(word)
        assert term is not None and term.id == "klant"
    assert service.explain("fiets") is None


def test_terms_carry_the_organisations_severity(tmp_path: Path) -> None:
    write(tmp_path / "taalwacht.toml", '[severity]\nklant = "error"\nklnt = "info"\n')
    service, warnings = Service.load(cwd=tmp_path)
    severities = {t.id: t.severity for t in service.terms()}
    assert severities["klant"] == "error"
    assert severities["product"] == "warning"
    assert len(warnings) == 1 and "severity.klnt" in warnings[0]
    isolated, none = Service.load(cwd=tmp_path, isolated=True)
    assert {t.id: t.severity for t in isolated.terms()}["klant"] == "warning"
    assert none == []


def test_prefer_from_the_config_and_the_caller(tmp_path: Path) -> None:
    write(tmp_path / "taalwacht.toml", '[prefer]\nklant = "aanvrager"\n')
    service, _ = Service.load(cwd=tmp_path)
    assert service.fix(parse("De klant wacht.")).text == "De aanvrager wacht."
    service, _ = Service.load(cwd=tmp_path, prefer={"klant": "burger"})
    assert service.fix(parse("De klant wacht.")).text == "De burger wacht."
