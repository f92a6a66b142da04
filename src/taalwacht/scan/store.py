"""The organisation's store: scan results, and the web application's accounts. SQLite by
default, PostgreSQL by URL, through SQLAlchemy; one schema, one chain of migrations.

The store keeps, per document, what the figures need and no more: findings as term, rule id,
severity and offsets; word count, content hash, department and date; the engine and pack
fingerprint it was checked with. No document text, no title, no author: figures per person
would monitor staff. Alembic migrates a store from an older taalwacht on opening; a file that
is not a taalwacht store, or one from a newer taalwacht, is refused and left as it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from taalwacht import messages
from taalwacht.config import DEFAULT_DB
from taalwacht.errors import StoreError

HEAD = "0004"  # the newest migration this taalwacht knows
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p"})

metadata = sa.MetaData()
scans = sa.Table(
    "scans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started", sa.String(32), nullable=False),
    sa.Column("finished", sa.String(32)),
    sa.Column("engine", sa.String(80), nullable=False),
    sa.Column("packs", sa.String(80), nullable=False),
    sa.Column("roots", sa.Text, nullable=False),
    sa.Column("checked", sa.Integer, nullable=False, server_default="0"),
    sa.Column("reused", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("removed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rechecked_all", sa.Boolean, nullable=False, server_default=sa.false()),
)
documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(2048), nullable=False, unique=True),
    sa.Column("root", sa.String(2048), nullable=False),  # the scanned folder it was found in
    sa.Column("kind", sa.String(16), nullable=False, server_default="text"),
    sa.Column("size", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("mtime_ns", sa.BigInteger),
    sa.Column("words", sa.Integer, nullable=False, server_default="0"),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("department", sa.String(200), nullable=False),
    sa.Column("day", sa.String(10)),  # the document's own date, YYYY-MM-DD
    sa.Column("day_from", sa.String(16)),  # where the date came from: metadata or mtime
    sa.Column("engine", sa.String(80)),
    sa.Column("packs", sa.String(80)),
    sa.Column("status", sa.String(16), nullable=False),  # ok, error, removed
    sa.Column("error", sa.Text),
    sa.Column("seen_scan", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
    sa.Column("checked_scan", sa.Integer, sa.ForeignKey("scans.id")),
    sa.Index("documents_status_day", "status", "day"),
)
findings = sa.Table(
    "findings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("term", sa.String(80), nullable=False),
    sa.Column("rule", sa.String(80), nullable=False),
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("snippet", sa.String(300)),  # only with store-snippets = true in the config
    sa.Index("findings_document", "document_id"),
)

# The web application's accounts (``scan.accounts``): the password as its argon2 hash,
# a session as the sha256 of its token, so a copy of the store opens no account.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False, unique=True),
    sa.Column("password", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),  # reader, proposer, editor, admin
    sa.Column("created", sa.String(32), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
)
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created", sa.String(32), nullable=False),
    sa.Column("expires", sa.String(32), nullable=False),
)

# The organisation's own words (``scan.words``): every version of a pack as its YAML, with
# who made it, when and how; the proposals colleagues make, their comments and votes, and
# the editor's decision; the "geen markttaal" marks writers leave; API tokens as hashes.
pack_versions = sa.Table(
    "pack_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("pack", sa.String(80), nullable=False),
    sa.Column("yaml", sa.Text, nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("made", sa.String(32), nullable=False),
    sa.Column("made_by", sa.String(120), nullable=False),
    sa.Column("how", sa.String(16), nullable=False),  # import, forced, decision, api
    sa.Column("what", sa.Text, nullable=False),  # one Dutch line
    sa.Column("proposal_id", sa.Integer),
)
proposals = sa.Table(
    "proposals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("change", sa.Text, nullable=False),  # JSON, see packs.edit
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("motivation", sa.Text, nullable=False, server_default=""),
    sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("made", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # open, accepted, rejected
    sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id")),
    sa.Column("decided", sa.String(32)),
    sa.Column("decision", sa.Text),
    sa.Column("preview", sa.Text),  # JSON: how the last scan's findings would change
)
comments = sa.Table(
    "comments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "proposal_id",
        sa.Integer,
        sa.ForeignKey("proposals.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("made", sa.String(32), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)
votes = sa.Table(
    "votes",
    metadata,
    sa.Column(
        "proposal_id",
        sa.Integer,
        sa.ForeignKey("proposals.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("value", sa.Integer, nullable=False),  # 1 for, -1 against
    sa.Column("made", sa.String(32), nullable=False),
)
marks = sa.Table(
    "marks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("term", sa.String(80), nullable=False),
    sa.Column("word", sa.String(200), nullable=False),
    sa.Column("phrase", sa.String(300), nullable=False),  # the few words the writer kept
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
    sa.Column("made", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # open, exception, dismissed
)
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("made", sa.String(32), nullable=False),
)


@dataclass(frozen=True)
class Known:
    """What the store knows of a document: enough to decide whether to check it again."""

    id: int
    root: str
    size: int
    mtime_ns: int | None
    content_hash: str | None
    engine: str | None
    packs: str | None
    status: str


@dataclass(frozen=True)
class Checked:
    """One document as the scan found it, ready to be stored."""

    source: str
    root: str
    kind: str
    size: int
    mtime_ns: int | None
    words: int
    content_hash: str
    department: str
    day: str | None
    day_from: str
    findings: tuple[tuple[str, str, str, int, int], ...]  # term, rule, severity, start, end
    error: str | None = None  # set for a document that could not be read or checked
    snippets: tuple[str, ...] = ()  # a quote per finding, only when the config asks


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def database_url(db: str | None, cwd: Path | None = None) -> str:
    """A SQLAlchemy URL for ``--db``: a path as a SQLite file; ``postgresql://`` through
    psycopg (version 3), the driver taalwacht installs with its ``postgres`` extra."""
    if db and db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.partition("://")[2]
    if db and "://" in db:
        return db
    path = Path(db or DEFAULT_DB)
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return f"sqlite:///{path}"


SQLITE_HEADER = b"SQLite format 3\x00"


def _sqlite_or_empty(path: Path) -> bool:
    """Whether ``path`` is missing, empty, or starts as a SQLite database does."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    except OSError:
        return True  # unreadable: SQLite's own error names the problem
    return not head or head == SQLITE_HEADER


def _network_share(path: Path) -> bool:
    """Whether ``path`` lies on a network filesystem, where SQLite's WAL is not safe."""
    try:
        mounts = Path("/proc/mounts").read_text("utf-8").splitlines()
    except OSError:
        return False
    best, kind = "", ""
    target = str(path.resolve().parent)
    for line in mounts:
        parts = line.split()
        under = len(parts) >= 3 and (
            target == parts[1] or target.startswith(parts[1].rstrip("/") + "/")
        )
        if under and len(parts[1]) > len(best):  # the deepest mount holding the store
            best, kind = parts[1], parts[2]
    return kind in NETWORK_FILESYSTEMS


class Store:
    """An open store. ``open`` migrates it to this taalwacht's version first."""

    def __init__(self, engine: Engine, shown: str, journal: str) -> None:
        self.engine = engine
        self.shown = shown  # how the user named it, for messages (never with a password)
        self.journal = journal  # "wal" or "delete" (SQLite); "" for a server
        self._inserted: dict[str, int] = {}  # rows this process made, by source

    @property
    def url(self) -> str:
        """The URL to open this store again elsewhere (a Dask worker), password included."""
        return self.engine.url.render_as_string(hide_password=False)

    @classmethod
    def open(cls, url: str) -> Store:
        parsed = sa.engine.make_url(url)
        sqlite = parsed.get_backend_name() == "sqlite"
        shown = (parsed.database or "") if sqlite else parsed.render_as_string(hide_password=True)
        journal = ""
        kwargs: dict[str, Any] = {}
        if sqlite:
            path = Path(parsed.database or DEFAULT_DB)
            if path.is_dir():
                raise StoreError(messages.text("store.is-folder", db=shown))
            if not _sqlite_or_empty(path):  # SQLite would take a short file for an empty one
                problem = messages.text("store.not-sqlite")
                raise StoreError(messages.text("store.corrupt", db=shown, problem=problem))
            journal = "delete" if _network_share(path) else "wal"
            kwargs["connect_args"] = {"timeout": 30}
        try:
            engine = sa.create_engine(url, **kwargs)
        except ImportError as err:  # the server's driver is an extra: taalwacht[postgres]
            raise StoreError(messages.text("store.driver", db=shown, module=err.name)) from err
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as err:
            raise StoreError(messages.text("store.url", db=shown, problem=err)) from err
        store = cls(engine, shown, journal)
        store._migrate(journal)
        return store

    def _migrate(self, journal: str) -> None:
        """Refuse what is no taalwacht store before anything is written (WAL mode writes the
        file's header), then migrate."""
        try:
            with self.engine.connect() as conn:
                tables = set(sa.inspect(conn).get_table_names())
                current = None
                if "alembic_version" in tables:
                    current = conn.execute(
                        sa.text("SELECT version_num FROM alembic_version")
                    ).scalar_one_or_none()
            if tables and "alembic_version" not in tables:
                raise StoreError(messages.text("store.foreign", db=self.shown))
            if current is not None and current not in _revisions():
                raise StoreError(messages.text("store.newer", db=self.shown, version=current))
            if journal:
                self.engine.dispose()  # the connections from here on are made with the pragmas
                _sqlite_pragmas(self.engine, journal)
            if current == HEAD:
                return
            if not tables:
                self._create()
                return
            from alembic import command  # only to migrate: opening a current store is quick
            from alembic.config import Config as AlembicConfig

            with self.engine.begin() as conn:
                config = AlembicConfig()
                location = resources.files("taalwacht.scan") / "migrations"
                config.set_main_option("script_location", str(location))
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.DatabaseError as err:
            problem = _first_line(err)
            raise StoreError(
                messages.text("store.corrupt", db=self.shown, problem=problem)
            ) from err

    def _create(self) -> None:
        """A new store is made from the tables declared here and stamped with the newest
        migration, as Alembic advises: running every migration from the first would cost a
        new store a third of a second (Alembic's import and a rebuilt table per change).
        A test holds the migrations and these tables to the same schema."""
        with self.engine.begin() as conn:
            metadata.create_all(conn)
            version = sa.Table(
                "alembic_version",
                sa.MetaData(),
                sa.Column("version_num", sa.String(32), nullable=False),
                sa.PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
            )
            version.create(conn)
            conn.execute(version.insert().values(version_num=HEAD))

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.DatabaseError as err:
            raise StoreError(
                messages.text("store.write", db=self.shown, problem=_first_line(err))
            ) from err

    # ------------------------------------------------------------------ scanning

    def begin_scan(self, engine: str, packs: str, roots: Sequence[str]) -> tuple[int, bool]:
        """A new scan; and whether stored results came from another engine or pack (then
        the scan checks everything again, and the report marks the break)."""
        with self.transaction() as conn:
            older = conn.execute(
                sa.select(sa.func.count())
                .select_from(documents)
                .where(documents.c.status == "ok")
                .where(sa.or_(documents.c.engine != engine, documents.c.packs != packs))
            ).scalar_one()
            scan_id = conn.execute(
                scans.insert().values(
                    started=now(),
                    engine=engine,
                    packs=packs,
                    roots="\n".join(roots),
                    rechecked_all=bool(older),
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        return int(scan_id), bool(older)

    def known(self) -> dict[str, Known]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(
                    documents.c.source,
                    documents.c.id,
                    documents.c.root,
                    documents.c.size,
                    documents.c.mtime_ns,
                    documents.c.content_hash,
                    documents.c.engine,
                    documents.c.packs,
                    documents.c.status,
                )
            )
            return {
                r.source: Known(
                    r.id, r.root, r.size, r.mtime_ns, r.content_hash, r.engine, r.packs, r.status
                )
                for r in rows
            }

    def record(
        self,
        scan_id: int,
        engine: str,
        packs: str,
        checked: Sequence[Checked],
        known: Mapping[str, Known],
    ) -> None:
        """Store checked documents in one transaction: a document's row and its findings
        replace what was there, so a scan killed and resumed never duplicates one. New rows
        and findings go in as one statement each (the store is not the slow part)."""
        fresh: list[dict[str, Any]] = []
        changed: list[tuple[int, dict[str, Any]]] = []
        ids: dict[str, int] = {}
        for doc in checked:
            values = {
                "root": doc.root,
                "kind": doc.kind,
                "size": doc.size,
                "mtime_ns": doc.mtime_ns,
                "words": doc.words,
                "content_hash": doc.content_hash,
                "department": doc.department,
                "day": doc.day,
                "day_from": doc.day_from,
                "engine": engine,
                "packs": packs,
                "status": "error" if doc.error else "ok",
                "error": doc.error,
                "seen_scan": scan_id,
                "checked_scan": scan_id,
            }
            old = known.get(doc.source)
            doc_id = old.id if old is not None else self._inserted.get(doc.source)
            if doc_id is None:
                fresh.append({"source": doc.source, **values})
            else:
                changed.append((doc_id, values))
                ids[doc.source] = doc_id
        with self.transaction() as conn:
            if fresh:
                made = conn.execute(
                    documents.insert().returning(documents.c.id, documents.c.source),
                    fresh,
                )
                ids.update({row.source: row.id for row in made})
            for doc_id, values in changed:
                conn.execute(documents.update().where(documents.c.id == doc_id).values(**values))
            old_ids = [doc_id for doc_id, _ in changed]
            for i in range(0, len(old_ids), 500):
                conn.execute(
                    findings.delete().where(findings.c.document_id.in_(old_ids[i : i + 500]))
                )
            rows = [
                {
                    "document_id": ids[doc.source],
                    "term": t,
                    "rule": r,
                    "severity": s,
                    "start": a,
                    "end": b,
                    "snippet": doc.snippets[i][:300] if doc.snippets else None,
                }
                for doc in checked
                for i, (t, r, s, a, b) in enumerate(doc.findings)
            ]
            if rows:
                conn.execute(findings.insert(), rows)
        self._inserted.update({doc["source"]: ids[doc["source"]] for doc in fresh})

    def touch(
        self,
        scan_id: int,
        ids: Sequence[int],
        departments: Mapping[int, str],
        moved: Mapping[int, int] | None = None,
    ) -> None:
        """Documents unchanged since they were checked: seen by this scan, not analysed again
        (their department follows today's rules; ``moved``: a new modification time for
        documents touched without a change of content)."""
        with self.transaction() as conn:
            for doc_id, mtime_ns in (moved or {}).items():
                conn.execute(
                    documents.update().where(documents.c.id == doc_id).values(mtime_ns=mtime_ns)
                )
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                conn.execute(
                    documents.update()
                    .where(documents.c.id.in_(chunk))
                    .values(seen_scan=scan_id, status="ok")
                )
            by_name: dict[str, list[int]] = {}
            for doc_id, name in departments.items():
                by_name.setdefault(name, []).append(doc_id)
            for name, doc_ids in by_name.items():
                for i in range(0, len(doc_ids), 500):
                    conn.execute(
                        documents.update()
                        .where(documents.c.id.in_(doc_ids[i : i + 500]))
                        .where(documents.c.department != name)
                        .values(department=name)
                    )

    def mark_removed(self, scan_id: int, gone: Sequence[int]) -> None:
        with self.transaction() as conn:
            for i in range(0, len(gone), 500):
                conn.execute(
                    documents.update()
                    .where(documents.c.id.in_(gone[i : i + 500]))
                    .values(status="removed", seen_scan=scan_id)
                )

    def finish_scan(self, scan_id: int, **counts: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                scans.update().where(scans.c.id == scan_id).values(finished=now(), **counts)
            )


def _sqlite_pragmas(engine: Engine, journal: str) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA journal_mode={journal}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _revisions() -> set[str]:
    folder = resources.files("taalwacht.scan") / "migrations" / "versions"
    out = set()
    for entry in folder.iterdir():
        name = entry.name
        if name.startswith("v") and name.endswith(".py"):
            out.add(name[1:5])
    return out


def _first_line(err: BaseException) -> str:
    orig = getattr(err, "orig", None)
    return str(orig or err).splitlines()[0]
