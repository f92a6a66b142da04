"""A scan into a real SQLite store: everything once, then only what changed; documents
gone are marked removed; a bad file is recorded and the scan goes on; departments from the
config; no document text is ever stored."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import docx
import pytest

from conftest import write
from taalwacht.config import load_config
from taalwacht.packs import load_bundled
from taalwacht.scan import runner
from taalwacht.scan.runner import scan
from taalwacht.scan.store import Store, database_url
from taalwacht.service import Service, Settings

LETTER = "Beste klant,\n\nUw klantmanager belt u over de producten van de gemeente.\n"
SHOP = "De klanten van de supermarkt staan bij de kassa.\n"


def _service(root: Path) -> Service:
    config = load_config(root / "taalwacht.toml") if (root / "taalwacht.toml").exists() else None
    if config is None:
        return Service.load(isolated=True)[0]
    return Service(Settings(config, (load_bundled("markttaal"),)))


def _rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as raw:
        return raw.execute(query).fetchall()


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    for i in range(6):
        write(docs / "Werk" / f"brief{i}.txt", LETTER + f"Kenmerk {i}.\n")
    write(docs / "Winkel" / "folder.txt", SHOP)
    return docs


def test_a_second_scan_analyses_nothing_unchanged(tmp_path: Path, collection: Path) -> None:
    store = Store.open(database_url(str(tmp_path / "t.db")))
    service = _service(tmp_path)
    first = scan(service, store, [str(collection)])
    assert (first.checked, first.reused, first.failed, first.removed) == (7, 0, 0, 0)
    assert first.findings == 6 * 3  # klant, klantmanager, producten in each letter
    second = scan(service, store, [str(collection)])
    assert (second.checked, second.reused, second.findings) == (0, 7, 0)
    stored = _rows(tmp_path / "t.db", "select count(*) from findings")[0][0]
    assert stored == 18  # not duplicated by the second scan


def test_a_touched_document_with_the_same_content_is_not_analysed_again(
    tmp_path: Path, collection: Path
) -> None:
    store = Store.open(database_url(str(tmp_path / "t.db")))
    service = _service(tmp_path)
    scan(service, store, [str(collection)])
    os.utime(collection / "Werk" / "brief0.txt", (1_700_000_000, 1_700_000_000))
    again = scan(service, store, [str(collection)])
    assert (again.checked, again.reused) == (0, 7)  # the content hash decided
    write(collection / "Werk" / "brief0.txt", LETTER + "Kenmerk 9.\n")  # same size, new text
    os.utime(collection / "Werk" / "brief0.txt", (1_700_000_500, 1_700_000_500))
    third = scan(service, store, [str(collection)])
    assert (third.checked, third.reused) == (1, 6)


def test_a_changed_document_is_checked_again_and_a_gone_one_marked(
    tmp_path: Path, collection: Path
) -> None:
    store = Store.open(database_url(str(tmp_path / "t.db")))
    service = _service(tmp_path)
    scan(service, store, [str(collection)])
    write(collection / "Werk" / "brief0.txt", "Beste inwoner, de consulent belt u.\n")
    (collection / "Werk" / "brief1.txt").unlink()
    again = scan(service, store, [str(collection)])
    assert (again.checked, again.reused, again.removed) == (1, 5, 1)
    rows = dict(_rows(tmp_path / "t.db", "select source, status from documents"))
    assert rows[str((collection / "Werk" / "brief1.txt").resolve())] == "removed"
    counted = _rows(
        tmp_path / "t.db",
        "select count(*) from findings join documents d on d.id = document_id "
        "where d.status = 'ok'",
    )[0][0]
    assert counted == 4 * 3  # brief0 has none now, brief1 is gone


def test_a_bad_file_is_recorded_and_the_scan_goes_on(tmp_path: Path, collection: Path) -> None:
    word = docx.Document()
    word.add_paragraph("De klant.")
    word.save(str(collection / "Werk" / "heel.docx"))
    whole = (collection / "Werk" / "heel.docx").read_bytes()
    (collection / "Werk" / "heel.docx").unlink()
    write(collection / "Werk" / "kapot.docx", whole[: len(whole) // 2])  # cut off: no ZIP end
    store = Store.open(database_url(str(tmp_path / "t.db")))
    done = scan(_service(tmp_path), store, [str(collection)])
    assert done.checked == 7 and done.failed == 1
    assert any("kapot.docx" in e for e in done.errors)
    status = _rows(
        tmp_path / "t.db", "select status, error from documents where source like '%kapot%'"
    )
    assert status[0][0] == "error" and "kapot.docx" in str(status[0][1])


def test_departments_come_from_the_config_and_follow_it(tmp_path: Path, collection: Path) -> None:
    write(
        tmp_path / "taalwacht.toml",
        '[[departments]]\nname = "Werk en inkomen"\nmatch = ["Werk/**"]\n',
    )
    store = Store.open(database_url(str(tmp_path / "t.db")))
    scan(_service(tmp_path), store, [str(collection)])
    rows = dict(_rows(tmp_path / "t.db", "select source, department from documents"))
    assert rows[str((collection / "Werk" / "brief0.txt").resolve())] == "Werk en inkomen"
    assert rows[str((collection / "Winkel" / "folder.txt").resolve())] == runner.UNKNOWN_DEPARTMENT
    write(tmp_path / "taalwacht.toml", '[[departments]]\nname = "Winkels"\nmatch = "Winkel/*"\n')
    scan(_service(tmp_path), store, [str(collection)])  # unchanged documents, new rules
    rows = dict(_rows(tmp_path / "t.db", "select source, department from documents"))
    assert rows[str((collection / "Winkel" / "folder.txt").resolve())] == "Winkels"
    assert rows[str((collection / "Werk" / "brief0.txt").resolve())] == runner.UNKNOWN_DEPARTMENT


def test_the_store_keeps_no_text_and_hashed_paths_no_path(tmp_path: Path, collection: Path) -> None:
    store = Store.open(database_url(str(tmp_path / "t.db")))
    scan(_service(tmp_path), store, [str(collection)], hash_paths=True)
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("t.db"))
    assert b"klantmanager belt" not in raw and b"supermarkt" not in raw
    assert b"brief0" not in raw and str(collection).encode() not in raw
    sources = [s for (s,) in _rows(tmp_path / "t.db", "select source from documents")]
    assert all(s.startswith("sha256:") for s in sources)


def test_a_document_is_counted_in_the_month_of_its_own_date(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    word = docx.Document()
    word.add_paragraph("De klant krijgt een brief.")
    import datetime as dt

    word.core_properties.modified = dt.datetime(2024, 3, 5, 10, 0)
    (docs).mkdir()
    word.save(str(docs / "brief.docx"))
    text = write(docs / "brief.txt", LETTER)
    stamp = dt.datetime(2023, 6, 1, 12, 0).timestamp()
    os.utime(text, (stamp, stamp))
    store = Store.open(database_url(str(tmp_path / "t.db")))
    scan(_service(tmp_path), store, [str(docs)])
    rows = {
        Path(str(s)).name: (d, f)
        for s, d, f in _rows(tmp_path / "t.db", "select source, day, day_from from documents")
    }
    assert rows == {"brief.docx": ("2024-03-05", "metadata"), "brief.txt": ("2023-06-01", "mtime")}


def test_a_new_engine_checks_everything_again(
    tmp_path: Path, collection: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(database_url(str(tmp_path / "t.db")))
    service = _service(tmp_path)
    scan(service, store, [str(collection)])
    monkeypatch.setattr(runner, "engine_fingerprint", lambda: "9.9+nieuw")
    again = scan(service, store, [str(collection)])
    assert again.rechecked_all and again.checked == 7 and again.reused == 0
    engines = {e for (e,) in _rows(tmp_path / "t.db", "select engine from documents")}
    assert engines == {"9.9+nieuw"}


def test_snippets_are_stored_only_when_the_config_asks(tmp_path: Path, collection: Path) -> None:
    write(tmp_path / "taalwacht.toml", "store-snippets = true\n")
    store = Store.open(database_url(str(tmp_path / "t.db")))
    scan(_service(tmp_path), store, [str(collection)])
    snippets = [s for (s,) in _rows(tmp_path / "t.db", "select snippet from findings")]
    assert len(snippets) == 18 and all(s for s in snippets)
    assert any("Uw klantmanager belt u" in str(s) for s in snippets)


def test_gitignore_is_honoured_unless_switched_off(tmp_path: Path, collection: Path) -> None:
    write(collection / ".gitignore", "Winkel/\n")
    (collection / ".git").mkdir()  # .gitignore files count inside a repository
    store = Store.open(database_url(str(tmp_path / "t.db")))
    assert scan(_service(tmp_path), store, [str(collection)]).checked == 6
    other = Store.open(database_url(str(tmp_path / "u.db")))
    assert scan(_service(tmp_path), other, [str(collection)], gitignore=False).checked == 7
