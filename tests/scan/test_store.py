"""The scan store: made and migrated by Alembic, a real SQLite file in WAL mode; a file that
is no taalwacht store, or one from a newer taalwacht, is refused and left byte for byte."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from postgres import postgres_server

from taalwacht.errors import StoreError
from taalwacht.scan.store import HEAD, Store, database_url, metadata


def _migrate_with_alembic(url: str, revision: str = "head") -> None:
    """The store as Alembic's migrations make it, from the first one up to ``revision``."""
    from importlib import resources

    from alembic import command
    from alembic.config import Config as AlembicConfig

    engine = sa.create_engine(url)
    config = AlembicConfig()
    config.set_main_option("script_location", str(resources.files("taalwacht.scan") / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def _schema_matches_the_code(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == HEAD
        # the tables the code queries are exactly the ones in the store
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_the_migrations_make_the_tables_the_code_declares(tmp_path: Path) -> None:
    """A new store is made from the declared tables, an old one by the migrations: both
    must end in the same schema."""
    url = database_url(str(tmp_path / "gemigreerd.db"))
    _migrate_with_alembic(url)
    _schema_matches_the_code(url)


def test_a_new_store_is_made_at_the_newest_version(tmp_path: Path) -> None:
    store = Store.open(database_url(str(tmp_path / "taalwacht.db")))
    _schema_matches_the_code(database_url(str(tmp_path / "taalwacht.db")))
    assert store.journal == "wal"
    with sqlite3.connect(tmp_path / "taalwacht.db") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_again_keeps_what_is_stored(tmp_path: Path) -> None:
    url = database_url(str(tmp_path / "t.db"))
    scan_id, _ = Store.open(url).begin_scan("e", "p", ["/docs"])
    again = Store.open(url)
    with again.engine.connect() as conn:
        assert conn.execute(sa.text("select id from scans")).scalar_one() == scan_id


@pytest.mark.parametrize(
    "content",
    [
        b"Dit is een gewoon tekstbestand, geen database.\n" * 50,
        bytes(range(256)) * 40,
        b"x",  # SQLite itself takes a file this short for an empty database
    ],
    ids=["text", "binary", "short"],
)
def test_a_file_that_is_no_database_is_refused_and_left_alone(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "taalwacht.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="is geen taalwacht-opslag of is beschadigd"):
        Store.open(database_url(str(path)))
    assert path.read_bytes() == content


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "taalwacht.db"
    with sqlite3.connect(path) as raw:
        raw.execute("create table klanten (naam text)")
        raw.execute("insert into klanten values ('Jansen')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is geen opslag van taalwacht"):
        Store.open(database_url(str(path)))
    assert path.read_bytes() == before


def test_a_store_from_a_newer_taalwacht_is_refused(tmp_path: Path) -> None:
    url = database_url(str(tmp_path / "t.db"))
    Store.open(url)
    with sqlite3.connect(tmp_path / "t.db") as raw:
        raw.execute("update alembic_version set version_num = '9999'")
    with pytest.raises(StoreError, match="nieuwere taalwacht"):
        Store.open(url)


def test_a_folder_is_no_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is een map"):
        Store.open(database_url(str(tmp_path)))


def test_a_plain_name_is_a_sqlite_file_in_the_working_folder(tmp_path: Path) -> None:
    assert database_url(None, tmp_path) == f"sqlite:///{tmp_path / 'taalwacht.db'}"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_a_missing_database_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_psycopg(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("psycopg"):
            raise ImportError("No module named 'psycopg'", name="psycopg")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(StoreError, match=r"taalwacht\[postgres\]"):
        Store.open(database_url("postgresql://u@localhost/db"))


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def test_postgresql_store_is_migrated_and_holds_a_scan(postgres: str, tmp_path: Path) -> None:
    from taalwacht.scan.runner import scan
    from taalwacht.service import Service

    store = Store.open(postgres)
    assert store.journal == ""
    _schema_matches_the_code(postgres)
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"brief{i}.txt").write_text(f"Beste klant {i}, uw klantmanager belt.\n", "utf-8")
    service = Service.load(isolated=True)[0]
    first = scan(service, store, [str(docs)])
    assert (first.checked, first.findings) == (3, 6)
    again = scan(service, Store.open(postgres), [str(docs)])
    assert (again.checked, again.reused) == (0, 3)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from findings")).scalar_one() == 6
    from taalwacht.scan.figures import figures

    counted = figures(store)  # the report's queries run on PostgreSQL as on SQLite
    assert (counted.total.documents, counted.total.findings) == (3, 6)
    assert {t.name for t in counted.terms} == {"klant", "klantmanager"}


def test_postgresql_migrations_make_the_tables_the_code_declares(postgres: str) -> None:
    engine = sa.create_engine(postgres)
    with engine.begin() as conn:  # start from an empty database
        metadata.drop_all(conn)
        conn.execute(sa.text("drop table if exists alembic_version"))
    engine.dispose()
    _migrate_with_alembic(postgres, "0001")
    Store.open(postgres)
    _schema_matches_the_code(postgres)


def test_a_store_from_the_first_version_is_migrated_with_its_data(tmp_path: Path) -> None:
    url = database_url(str(tmp_path / "oud.db"))
    _migrate_with_alembic(url, "0001")  # the store as the first taalwacht scan made it
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "insert into scans (id, started, engine, packs, roots) "
                "values (1, 'x', 'e', 'p', '/d')"
            )
        )
        conn.execute(
            sa.text(
                "insert into documents (id, source, root, department, status, seen_scan) "
                "values (1, '/d/brief.txt', '/d', 'onbekend', 'ok', 1)"
            )
        )
        conn.execute(
            sa.text(
                'insert into findings (document_id, term, rule, severity, start, "end") '
                "values (1, 'klant', 'use.plain', 'warning', 6, 11)"
            )
        )
    engine.dispose()
    store = Store.open(url)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == HEAD
        row = conn.execute(sa.text("select term, start, snippet from findings")).one()
    assert tuple(row) == ("klant", 6, None)


def test_a_store_on_a_network_share_uses_a_plain_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taalwacht.scan import store as store_module

    monkeypatch.setattr(store_module, "_network_share", lambda path: True)
    opened = Store.open(database_url(str(tmp_path / "t.db")))
    assert opened.journal == "delete"
    with opened.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar_one() == "delete"
