"""The organisation's words on the command line: check, fix and scan use the store's newest
pack and say so; ``taalwacht pack import|export|history``; ``--force``; ``taalwacht token``.
Real SQLite stores, the CLI in process and as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli, run, write
from taalwacht.packs import load_bundled
from taalwacht.packs.dump import dump
from taalwacht.scan import proposals as decide
from taalwacht.scan.accounts import add_user, user_for_api_token
from taalwacht.scan.store import Store, database_url
from taalwacht.scan.words import stored_packs

AFNEMER = {
    "kind": "term",
    "lemma": "afnemer",
    "pos": "noun",
    "gender": "de",
    "plural": "afnemers",
    "context": "person",
    "reason": "Een inwoner neemt geen dienst af.",
    "alt_text": "inwoner",
    "alt_gender": "de",
    "alt_plural": "inwoners",
}
LETTER = "Iedere afnemer van de Wmo krijgt een brief.\n"


def _decided(db: Path) -> Store:
    """A store in which an editor added the term "afnemer"."""
    store = Store.open(database_url(str(db)))
    editor = add_user(store, "eva", "een zin als wachtwoord", "editor")
    decide.change_now(store, editor, AFNEMER, [load_bundled("markttaal")], "decision")
    return store


def test_check_and_fix_use_the_stores_words_and_say_so(workdir: Path) -> None:
    _decided(workdir / "taalwacht.db")
    write(workdir / "brief.txt", LETTER)
    checked = cli("check", "brief.txt", cwd=workdir)
    assert checked.returncode == 1
    assert "afnemer" in checked.stdout
    assert "woorden van pakket markttaal uit de opslag" in checked.stderr
    assert "versie 2" in checked.stderr and "door eva" in checked.stderr
    fixed = cli("fix", "brief.txt", cwd=workdir)
    assert fixed.returncode == 0, fixed.stderr
    assert (workdir / "brief.txt").read_text(encoding="utf-8") == (
        "Iedere inwoner van de Wmo krijgt een brief.\n"
    )


def test_without_a_store_check_uses_the_files_and_says_nothing(workdir: Path) -> None:
    write(workdir / "brief.txt", LETTER)
    checked = run("check", "brief.txt")
    assert checked.exit_code == 0
    assert "opslag" not in checked.stderr
    assert not (workdir / "taalwacht.db").exists()  # a check makes no store


def test_a_pack_file_named_on_the_command_line_wins_and_is_named(workdir: Path) -> None:
    _decided(workdir / "taalwacht.db")
    pack = write(workdir / "concept.yml", dump(load_bundled("markttaal")))
    write(workdir / "brief.txt", LETTER)
    checked = run("check", "--pack", str(pack), "brief.txt")
    assert checked.exit_code == 0
    assert "gaat voor pakket markttaal uit de opslag" in checked.stderr


def test_the_configs_store_is_found_from_a_subfolder(workdir: Path) -> None:
    (workdir / "data").mkdir()
    _decided(workdir / "data" / "woorden.db")
    write(workdir / "taalwacht.toml", 'store = "data/woorden.db"\n')
    write(workdir / "brieven" / "brief.txt", LETTER)
    checked = cli("check", "brief.txt", cwd=workdir / "brieven")
    assert checked.returncode == 1 and "afnemer" in checked.stdout
    assert "woorden.db" in checked.stderr


def test_scan_checks_with_the_stores_words(workdir: Path) -> None:
    _decided(workdir / "taalwacht.db")
    write(workdir / "brieven" / "brief.txt", LETTER)
    scanned = run("scan", "brieven", "--no-progress", "--jobs", "1")
    assert scanned.exit_code == 0, scanned.stderr
    report = run("report", "--format", "json", "-o", "-")
    assert '"afnemer"' in report.stdout


def test_import_export_history_and_force(workdir: Path) -> None:
    pack = write(workdir / "woorden.yml", dump(load_bundled("markttaal")) + "# onze lijst\n")
    imported = run("pack", "import", str(pack))
    assert imported.exit_code == 0 and "als versie 1" in imported.stderr
    assert "al precies dit bestand" in run("pack", "import", str(pack)).stderr
    exported = run("pack", "export")
    assert exported.stdout == pack.read_text(encoding="utf-8")  # the file as it was, comments too

    store = Store.open(database_url(str(workdir / "taalwacht.db")))
    editor = add_user(store, "eva", "een zin als wachtwoord", "editor")
    decide.change_now(store, editor, AFNEMER, [load_bundled("markttaal")], "decision")
    refused = run("pack", "import", str(pack))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    [(held, _)] = stored_packs(store)
    assert held.term("afnemer") is not None  # nothing half-done

    assert run("pack", "export", "-o", "terug.yml").exit_code == 0
    assert "afnemer" in (workdir / "terug.yml").read_text(encoding="utf-8")
    assert run("pack", "import", "--force", str(pack)).exit_code == 0
    lines = run("pack", "history").stdout.splitlines()
    assert [line.split("\t")[4] for line in lines] == ["forced", "decision", "import"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [("pack: x\nterms: [", "geen geldige YAML"), ("pack: x\n", "terms")],
)
def test_a_broken_pack_file_is_refused_and_the_store_left(
    workdir: Path, content: str, expected: str
) -> None:
    write(workdir / "kapot.yml", content)
    refused = cli("pack", "import", "kapot.yml", cwd=workdir)
    assert refused.returncode == 2
    assert "kapot.yml" in refused.stderr and expected in refused.stderr


def test_a_token_is_shown_once_and_speaks_for_its_user(workdir: Path) -> None:
    store = Store.open(database_url(str(workdir / "taalwacht.db")))
    add_user(store, "piet", "een zin als wachtwoord", "proposer")
    made = run("token", "piet", "--label", "zaaksysteem")
    assert made.exit_code == 0 and "één keer" in made.stderr
    user = user_for_api_token(store, made.stdout.strip())
    assert user is not None and (user.name, user.role) == ("piet", "proposer")
    unknown = run("token", "niemand")
    assert unknown.exit_code == 2 and "bestaat niet" in unknown.stderr
