"""The organisation's own pack, kept in its store: every version with who made it, when and
how, so the words colleagues decide reach every check (web, API, command line) at once.

A pack version is the pack's YAML: the file a user imported as it was (comments and all),
or the loader-checked YAML of a decided change. The newest version of each pack replaces the
pack of the same id from the config; exporting gives the YAML back. Importing a file over
terms colleagues changed in the store would undo their decisions, so it needs ``force``,
and is recorded in the history like every other version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from taalwacht import messages
from taalwacht.errors import StoreError
from taalwacht.packs import Pack, parse_pack
from taalwacht.packs.dump import dump
from taalwacht.packs.edit import with_stored
from taalwacht.scan.store import Store, pack_versions

EDITED = ("decision", "api")  # versions made in the store, not from a file


@dataclass(frozen=True)
class Version:
    """One version of a pack in the store, as the history shows it."""

    id: int
    pack: str
    made: str
    made_by: str
    how: str  # import, forced, decision, api
    what: str
    proposal_id: int | None
    fingerprint: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version(row: Any) -> Version:
    return Version(
        int(row.id),
        row.pack,
        row.made,
        row.made_by,
        row.how,
        row.what,
        row.proposal_id,
        row.fingerprint,
    )


_COLUMNS = (
    pack_versions.c.id,
    pack_versions.c.pack,
    pack_versions.c.made,
    pack_versions.c.made_by,
    pack_versions.c.how,
    pack_versions.c.what,
    pack_versions.c.proposal_id,
    pack_versions.c.fingerprint,
)


def newest_id(store: Store) -> int:
    """The id of the newest version of any pack (0: none), to see cheaply that the words
    changed since a service was built."""
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.max(pack_versions.c.id))).scalar() or 0)


def stored_packs(store: Store) -> list[tuple[Pack, Version]]:
    """The newest version of every pack the store holds, loaded and checked."""
    with store.engine.connect() as conn:
        newest = (
            sa.select(sa.func.max(pack_versions.c.id))
            .group_by(pack_versions.c.pack)
            .scalar_subquery()
        )
        rows = conn.execute(
            sa.select(*_COLUMNS, pack_versions.c.yaml)
            .where(pack_versions.c.id.in_(newest))
            .order_by(pack_versions.c.id)
        ).all()
    out = []
    for row in rows:
        where = messages.text("words.in-store", db=store.shown, pack=row.pack, version=row.id)
        try:
            pack = parse_pack(row.yaml, where)
        except Exception as err:  # a hand-edited row: say which, never run with half a pack
            raise StoreError(messages.text("words.bad-stored", where=where, problem=err)) from err
        out.append((pack, _version(row)))
    return out


def save_version(
    conn: Connection,
    pack: Pack,
    *,
    by: str,
    how: str,
    what: str,
    proposal_id: int | None = None,
    text: str | None = None,
) -> int:
    """Store ``pack`` as its newest version (``text``: the file's own YAML, for an import)."""
    yaml_text = text if text is not None else dump(pack)
    made = conn.execute(
        pack_versions.insert().values(
            pack=pack.id,
            yaml=yaml_text,
            fingerprint=hashlib.sha256(yaml_text.encode("utf-8")).hexdigest(),
            made=_now(),
            made_by=by,
            how=how,
            what=what,
            proposal_id=proposal_id,
        )
    )
    return int(made.inserted_primary_key[0])  # type: ignore[index]


def ensure_base(conn: Connection, pack: Pack) -> None:
    """The first change to a pack the store does not hold yet starts its history with the
    pack as it came from the config, so the history shows what was changed from what."""
    held = conn.execute(
        sa.select(pack_versions.c.id).where(pack_versions.c.pack == pack.id).limit(1)
    ).first()
    if held is None:
        what = messages.text("words.base", pack=pack.id, path=pack.path)
        save_version(conn, pack, by="taalwacht", how="import", what=what)


def import_pack(store: Store, pack: Pack, text: str, *, by: str, force: bool) -> Version | None:
    """Make ``pack`` (read from ``text``) the store's newest version of its id. Refused when
    colleagues changed that pack in the store since its last import, unless ``force``;
    None when the store holds exactly this text already."""
    with store.transaction() as conn:
        rows = conn.execute(
            sa.select(*_COLUMNS)
            .where(pack_versions.c.pack == pack.id)
            .order_by(pack_versions.c.id.desc())
        ).all()
        if rows and rows[0].fingerprint == hashlib.sha256(text.encode("utf-8")).hexdigest():
            return None
        edited = [r for r in rows if r.how in EDITED]
        if rows and rows[0].how in EDITED and not force:
            raise StoreError(
                messages.text(
                    "words.import-over-edits", pack=pack.id, n=len(edited), db=store.shown
                )
            )
        how = "forced" if rows and rows[0].how in EDITED else "import"
        what = messages.text(f"words.{how}", path=pack.path)
        version_id = save_version(conn, pack, by=by, how=how, what=what, text=text)
    return next(v for v in history(store) if v.id == version_id)


def export(store: Store, pack_id: str | None = None) -> tuple[str, Version] | None:
    """The YAML of the newest stored version of ``pack_id`` (or of the only pack), with it."""
    with store.engine.connect() as conn:
        query = sa.select(*_COLUMNS, pack_versions.c.yaml).order_by(pack_versions.c.id.desc())
        if pack_id:
            query = query.where(pack_versions.c.pack == pack_id)
        row = conn.execute(query.limit(1)).first()
    return (row.yaml, _version(row)) if row is not None else None


def history(store: Store, most: int = 500) -> list[Version]:
    """The versions of every pack, newest first."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(*_COLUMNS).order_by(pack_versions.c.id.desc()).limit(most)
        ).all()
    return [_version(r) for r in rows]


def current(store: Store, configured: Sequence[Pack]) -> list[Pack]:
    """The active packs now: ``configured`` (from the config's files) with the store's newest
    versions in place. Read afresh, so a decision applies to the pack as it is, not as a
    server process saw it a minute ago."""
    return with_stored(configured, [p for p, _ in stored_packs(store)])
