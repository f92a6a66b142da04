"""Term packs: the bundled pack is complete, a malformed pack is reported with file, line
and field, and an organisation's own pack works like the bundled one."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

import taalwacht
from conftest import ORGANISATION_PACK, cli, said
from taalwacht.errors import PackError
from taalwacht.model.finding import Decision
from taalwacht.packs import Pack, bundled_pack_names, load_bundled, load_pack, parse_pack
from taalwacht.packs.schema import POS_SLOTS

# ------------------------------------------------------------------ the bundled pack


def test_markttaal_is_bundled() -> None:
    assert "markttaal" in bundled_pack_names()


@pytest.mark.parametrize("name", bundled_pack_names())
def test_every_bundled_term_is_complete(name: str) -> None:
    pack = load_bundled(name)
    assert pack.id == name
    assert pack.terms
    for term in pack.terms:
        assert term.reason.strip(), term.id
        assert term.alternatives, term.id
        assert all(alt.text.strip() for alt in term.alternatives), term.id
        assert term.pack == name
        assert set(term.forms) <= set(POS_SLOTS[term.pos]), term.id


def test_bundled_term_ids_are_unique() -> None:
    ids = [t.id for name in bundled_pack_names() for t in load_bundled(name).terms]
    assert len(ids) == len(set(ids))


def test_markttaal_watches_the_words_the_readme_names() -> None:
    pack = load_bundled("markttaal")
    for term_id in ("klant", "klantmanager", "product", "concern", "inkopen", "casus"):
        assert pack.term(term_id) is not None, term_id
    assert pack.term("fiets") is None


@pytest.mark.parametrize(
    ("line", "version"), [("version: 3", "3"), ('version: "2026.1"', "2026.1")]
)
def test_pack_version_is_text(line: str, version: str) -> None:
    assert parse_pack(GOOD.replace("terms:", line + "\nterms:"), "eigen.yml").version == version


def test_unknown_bundled_pack() -> None:
    with pytest.raises(PackError, match=re.escape(said("pack.no-bundled"))):
        load_bundled("bestaat-niet")


# --------------------------------------------------------------- malformed packs

GOOD = """\
pack: eigen
terms:
  - id: doelgroep
    lemma: doelgroep
    pos: noun
    reason: Mensen zijn geen doelgroep.
    alternatives:
      - {text: groep, gender: de}
"""
SECOND_TERM = GOOD.split("terms:\n")[1]


def test_the_good_pack_loads() -> None:
    pack = parse_pack(GOOD, "eigen.yml")
    assert pack.id == "eigen"
    assert pack.version == ""  # the pack names no version
    assert pack.fingerprint == hashlib.sha256(GOOD.encode("utf-8")).hexdigest()
    assert [t.id for t in pack.terms] == ["doelgroep"]
    assert pack.terms[0].forms == {"sg": "doelgroep"}
    assert pack.terms[0].severity == "warning"


# (name, pack text, line, field, words in the problem)
MALFORMED = [
    ("tab is not YAML", "pack: eigen\nterms:\n\t- id: x\n", 3, "", said("pack.yaml")),
    ("mapping value is not YAML", "pack: eigen\ndescription: a: b\n", 2, "", said("pack.yaml")),
    ("top level is a list", "- pack\n- terms\n", 1, "", said("pack.shape")),
    ("top level is text", "hallo\n", 1, "", said("pack.shape")),
    ("empty file", "", 1, "", said("pack.shape")),
    ("missing pack", GOOD.replace("pack: eigen\n", ""), 1, "pack", said("pack.required")),
    ("unknown top-level key", GOOD + "colour: blue\n", 9, "colour", said("pack.unknown-field")),
    ("empty terms", "pack: eigen\nterms: []\n", 2, "terms", said("pack.no-terms")),
    ("terms not a list", "pack: eigen\nterms: 3\n", 2, "terms", said("pack.list-of-mappings")),
    ("top-level severity", "pack: eigen\nseverity: loud\n" + GOOD[12:], 2, "severity", "loud"),
    (
        "unknown term field",
        GOOD.replace("    pos: noun\n", "    pos: noun\n    colour: red\n"),
        6,
        "terms[0].colour",
        said("pack.unknown-field"),
    ),
    (
        "missing id",
        GOOD.replace("  - id: doelgroep\n    lemma", "  - lemma"),
        3,
        "terms[0].id",
        said("pack.required"),
    ),
    (
        "missing reason",
        GOOD.replace("    reason: Mensen zijn geen doelgroep.\n", ""),
        3,
        "terms[doelgroep].reason",
        said("pack.required"),
    ),
    (
        "severity loud",
        GOOD.replace("    pos: noun\n", "    pos: noun\n    severity: loud\n"),
        6,
        "terms[doelgroep].severity",
        "loud",
    ),
    ("pos thing", GOOD.replace("pos: noun", "pos: thing"), 5, "terms[doelgroep].pos", "thing"),
    (
        "verb slot on a noun",
        GOOD.replace(
            "    pos: noun\n", "    pos: noun\n    forms: {sg: doelgroep, pp: gedoelgroept}\n"
        ),
        6,
        "terms[doelgroep].forms",
        "pp",
    ),
    (
        "noun slot on an adjective",
        GOOD.replace("pos: noun", "pos: adjective").replace(
            "    reason:", "    forms: {pl: doelgroepen}\n    reason:"
        ),
        6,
        "terms[doelgroep].forms",
        "pl",
    ),
    ("duplicate id", GOOD + SECOND_TERM, 9, "terms.id", said("pack.duplicate", term="doelgroep")),
    (
        "cues not a list of words",
        GOOD.replace("{text: groep, gender: de}", "{text: groep, gender: de, cues: {a: b}}"),
        8,
        "terms[doelgroep].alternatives[0].cues",
        said("pack.list-of-texts"),
    ),
    (
        "compounds not true or false",
        GOOD.replace("{text: groep, gender: de}", "{text: groep, gender: de, compounds: vaak}"),
        8,
        "terms[doelgroep].alternatives[0].compounds",
        "true, false",  # as the writer types them, not Python's True and False
    ),
    (
        "modifier with one number only",
        GOOD.replace(
            "{text: groep, gender: de}", "{text: groep, gender: de, modifier: {sg: groep}}"
        ),
        8,
        "terms[doelgroep].alternatives[0].modifier",
        said("pack.modifier-forms"),
    ),
    (
        "modifier with an unknown number",
        GOOD.replace(
            "{text: groep, gender: de}",
            "{text: groep, gender: de, modifier: {sg: groep, dim: groepje}}",
        ),
        8,
        "terms[doelgroep].alternatives[0].modifier",
        "dim",
    ),
    (
        "alternatives missing",
        GOOD.split("    alternatives:")[0],
        3,
        "terms[doelgroep].alternatives",
        said("pack.no-alternative"),
    ),
    (
        "alternatives empty",
        GOOD.split("    alternatives:")[0] + "    alternatives: []\n",
        7,
        "terms[doelgroep].alternatives",
        said("pack.no-alternative"),
    ),
    (
        "market sense neither common nor rare",
        GOOD.replace("    pos: noun\n", "    pos: noun\n    market_sense: zelden\n"),
        6,
        "terms[doelgroep].market_sense",
        "common, rare",
    ),
    (
        "separated without particle",
        GOOD.replace("pos: noun", "pos: verb").replace(
            "    reason:", "    separated: {inf: groepen}\n    reason:"
        ),
        6,
        "terms[doelgroep].separated",
        "particle",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "problem"),
    [pytest.param(*row[1:], id=row[0]) for row in MALFORMED],
)
def test_malformed_pack(text: str, line: int, field: str, problem: str) -> None:
    with pytest.raises(PackError) as info:
        parse_pack(text, "bad.yml")
    err = info.value
    assert err.path == "bad.yml"
    assert err.line == line
    assert err.field == field
    assert problem in err.problem
    what = f"{field}: {err.problem}" if field else err.problem
    assert str(err) == said("errors.pack", where=f"bad.yml:{line}", what=what)


def test_not_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.yml"
    path.write_bytes(GOOD.replace("Mensen", "Caf\u00e9bezoekers").encode("latin-1"))
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert info.value.path == str(path)
    assert "UTF-8" in info.value.problem
    assert str(info.value).startswith(said("errors.pack", where=path))


def test_utf8_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_pack(path).id == "eigen"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nergens.yml"
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert info.value.path == str(path)
    assert said("errors.cannot-read") in info.value.problem


def test_a_directory_is_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=re.escape(said("errors.cannot-read"))):
        load_pack(tmp_path)


def test_pack_error_is_a_taalwacht_error() -> None:
    from taalwacht.errors import TaalwachtError

    with pytest.raises(TaalwachtError):
        parse_pack("hallo\n", "bad.yml")


# ------------------------------------------------------------ through the CLI


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (GOOD.replace("pos: noun", "pos: thing"), 5),
        ("pack: eigen\nterms:\n\t- id: x\n", 3),
        (GOOD + SECOND_TERM, 9),
    ],
    ids=["bad field", "not YAML", "duplicate id"],
)
def test_cli_reports_a_bad_pack_in_one_line(tmp_path: Path, text: str, line: int) -> None:
    (tmp_path / "bad.yml").write_text(text, "utf-8")
    (tmp_path / "x.txt").write_text("De klant krijgt een brief.\n", "utf-8")
    proc = cli("check", "--pack", "bad.yml", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert f"bad.yml:{line}:" in lines[0]
    assert proc.stdout == ""


# ----------------------------------------------------------- an organisation's pack


@pytest.fixture
def org_pack(tmp_path: Path) -> Pack:
    path = tmp_path / "zorgtaal.yml"
    path.write_text(ORGANISATION_PACK, "utf-8")
    return load_pack(path)


# (text, [(finding text, term, severity, first suggestion)])
W = "warning"
ZC = "zorgconsument"
ORGANISATION_CASES = [
    ("De zorgconsument krijgt een brief.", [(ZC, ZC, W, "inwoner")]),
    ("De zorgconsumenten krijgen een brief.", [("zorgconsumenten", ZC, W, "inwoners")]),
    ("Zorgconsumenten bellen vaak.", [("Zorgconsumenten", ZC, W, "Inwoners")]),
    ("De Wmo-zorgconsument belt.", [("Wmo-zorgconsument", ZC, W, "Wmo-inwoner")]),
    (
        "Het zorgconsumentenpanel vergadert.",
        [("zorgconsumentenpanel", ZC, W, "panel van inwoners")],
    ),
    (
        "Deze doelgroep en de doelgroepen.",
        [
            ("doelgroep", "doelgroep", "info", "groep"),
            ("doelgroepen", "doelgroep", "info", "groepen"),
        ],
    ),
    ("De jongerendoelgroep.", [("jongerendoelgroep", "doelgroep", "info", "jongerengroep")]),
    ("De consument koopt brood.", []),
    ("Het woord zorgconsument is oud.", []),
    ("De klant wacht.", []),  # only the packs given are used
]


@pytest.mark.parametrize(
    ("text", "expected"), ORGANISATION_CASES, ids=[t for t, _ in ORGANISATION_CASES]
)
def test_organisation_pack(
    org_pack: Pack, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    found = taalwacht.check(text, packs=[org_pack])
    assert [(f.text, f.term, f.severity, f.suggestions[0]) for f in found] == expected
    for f in found:
        assert f.pack == "zorgtaal"
        assert text[f.start : f.end] == f.text


def test_organisation_pack_next_to_the_bundled_one(org_pack: Pack) -> None:
    text = "De klant en de zorgconsument krijgen een brief."
    found = taalwacht.check(text, packs=[load_bundled("markttaal"), org_pack])
    assert [(f.text, f.pack) for f in found] == [
        ("klant", "markttaal"),
        ("zorgconsument", "zorgtaal"),
    ]


def test_organisation_pack_mention_is_explained(org_pack: Pack) -> None:
    [f] = taalwacht.check("Het woord zorgconsument is oud.", packs=[org_pack], explain=True)
    assert f.decision is Decision.MENTION
    assert f.why
