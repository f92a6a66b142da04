"""How colleagues decide their words together: proposals, comments, votes, decisions, and
the "geen markttaal" marks writers leave on findings.

Anyone with the proposer role proposes a change (``packs.edit``); every signed-in colleague
comments and votes; an editor accepts or rejects it with a motivation. Accepting applies the
change to the store's newest pack, which then reaches every check. Editors turn a writer's
mark into an exception of the pack the same way. Each step checks the user's role here, so
the pages and the API cannot differ in who may do what.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from taalwacht import messages
from taalwacht.errors import NotAllowed, StoreError
from taalwacht.packs import Pack
from taalwacht.packs.edit import ChangeError, apply_change, describe
from taalwacht.scan.accounts import User
from taalwacht.scan.store import Store, comments, marks, proposals, users, votes
from taalwacht.scan.words import current, ensure_base, save_version

MAX_COMMENT = 4000  # characters of a comment or a motivation
MAX_PHRASE = 120  # characters a mark keeps of the writer's sentence


@dataclass(frozen=True)
class Comment:
    author: str
    made: str
    text: str


@dataclass(frozen=True)
class Proposal:
    id: int
    change: Mapping[str, Any]
    summary: str
    motivation: str
    author: str
    made: str
    status: str  # open, accepted, rejected
    decided_by: str | None = None
    decided: str | None = None
    decision: str | None = None
    preview: Mapping[str, Any] | None = None
    votes_for: int = 0
    votes_against: int = 0
    comments: tuple[Comment, ...] = ()
    my_vote: int = 0  # the viewer's own vote: 1, -1 or 0


@dataclass(frozen=True)
class Mark:
    id: int
    term: str
    word: str
    phrase: str
    reason: str
    author: str | None
    made: str
    status: str  # open, exception, dismissed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _require(user: User | None, role: str) -> User:
    if user is None:
        raise NotAllowed(messages.text("words.sign-in"))
    if not user.may(role):
        raise NotAllowed(messages.text(f"words.needs-{role}"))
    return user


def _clean(text: str, most: int = MAX_COMMENT) -> str:
    return text.strip()[:most]


def propose(
    store: Store,
    user: User | None,
    change: Mapping[str, Any],
    motivation: str,
    configured: Sequence[Pack],
) -> int:
    """A new open proposal; the change must apply to today's packs (else ``ChangeError``).
    ``configured``: the packs from the config's files, under the store's versions."""
    author = _require(user, "proposer")
    apply_change(
        current(store, configured), change
    )  # refuses what could never be accepted, before anyone votes
    with store.transaction() as conn:
        made = conn.execute(
            proposals.insert().values(
                change=json.dumps(dict(change), ensure_ascii=False),
                summary=describe(change),
                motivation=_clean(motivation),
                author_id=author.id,
                made=_now(),
                status="open",
            )
        )
    return int(made.inserted_primary_key[0])  # type: ignore[index]


def set_preview(store: Store, proposal_id: int, preview: Mapping[str, Any]) -> None:
    with store.transaction() as conn:
        conn.execute(
            proposals.update()
            .where(proposals.c.id == proposal_id)
            .values(preview=json.dumps(dict(preview), ensure_ascii=False))
        )


_author = users.alias("author")
_decider = users.alias("decider")


def _query() -> sa.Select[Any]:
    return (
        sa.select(proposals, _author.c.name.label("author"), _decider.c.name.label("decider"))
        .join(_author, _author.c.id == proposals.c.author_id)
        .outerjoin(_decider, _decider.c.id == proposals.c.decided_by)
    )


def _tally(conn: sa.Connection, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    rows = conn.execute(
        sa.select(votes.c.proposal_id, votes.c.value, sa.func.count())
        .where(votes.c.proposal_id.in_(ids))
        .group_by(votes.c.proposal_id, votes.c.value)
    ).all()
    out: dict[int, tuple[int, int]] = {}
    for proposal_id, value, n in rows:
        pro, con = out.get(proposal_id, (0, 0))
        out[proposal_id] = (pro + n, con) if value > 0 else (pro, con + n)
    return out


def _proposal(row: Any, tally: tuple[int, int], **more: Any) -> Proposal:
    return Proposal(
        id=row.id,
        change=json.loads(row.change),
        summary=row.summary,
        motivation=row.motivation,
        author=row.author,
        made=row.made,
        status=row.status,
        decided_by=row.decider,
        decided=row.decided,
        decision=row.decision,
        preview=json.loads(row.preview) if row.preview else None,
        votes_for=tally[0],
        votes_against=tally[1],
        **more,
    )


def all_proposals(store: Store, status: str | None = None) -> list[Proposal]:
    """Proposals newest first (only those with ``status``), with their vote counts."""
    with store.engine.connect() as conn:
        query = _query().order_by(proposals.c.id.desc())
        if status:
            query = query.where(proposals.c.status == status)
        rows = conn.execute(query).all()
        tally = _tally(conn, [r.id for r in rows])
    return [_proposal(r, tally.get(r.id, (0, 0))) for r in rows]


def proposal(store: Store, proposal_id: int, viewer: User | None = None) -> Proposal | None:
    """One proposal with its comments, votes and the viewer's own vote."""
    with store.engine.connect() as conn:
        row = conn.execute(_query().where(proposals.c.id == proposal_id)).first()
        if row is None:
            return None
        tally = _tally(conn, [proposal_id]).get(proposal_id, (0, 0))
        said = conn.execute(
            sa.select(users.c.name, comments.c.made, comments.c.text)
            .join(users, users.c.id == comments.c.author_id)
            .where(comments.c.proposal_id == proposal_id)
            .order_by(comments.c.id)
        ).all()
        mine = 0
        if viewer is not None:
            mine = (
                conn.execute(
                    sa.select(votes.c.value).where(
                        votes.c.proposal_id == proposal_id, votes.c.user_id == viewer.id
                    )
                ).scalar()
                or 0
            )
    return _proposal(row, tally, comments=tuple(Comment(*c) for c in said), my_vote=int(mine))


def _open(conn: sa.Connection, proposal_id: int) -> Any:
    row = conn.execute(sa.select(proposals).where(proposals.c.id == proposal_id)).first()
    if row is None:
        raise ChangeError(messages.text("words.no-proposal", id=proposal_id))
    if row.status != "open":
        raise ChangeError(messages.text("words.closed", id=proposal_id))
    return row


def comment(store: Store, user: User | None, proposal_id: int, text: str) -> None:
    author = _require(user, "reader")
    if not text.strip():
        raise ChangeError(messages.text("words.empty-comment"))
    with store.transaction() as conn:
        row = conn.execute(sa.select(proposals.c.id).where(proposals.c.id == proposal_id)).first()
        if row is None:
            raise ChangeError(messages.text("words.no-proposal", id=proposal_id))
        conn.execute(
            comments.insert().values(
                proposal_id=proposal_id, author_id=author.id, made=_now(), text=_clean(text)
            )
        )


def vote(store: Store, user: User | None, proposal_id: int, value: int) -> None:
    """For (1), against (-1), or take one's vote back (0); one vote per colleague."""
    voter = _require(user, "reader")
    with store.transaction() as conn:
        _open(conn, proposal_id)
        mine = (votes.c.proposal_id == proposal_id) & (votes.c.user_id == voter.id)
        conn.execute(votes.delete().where(mine))
        if value:
            conn.execute(
                votes.insert().values(
                    proposal_id=proposal_id,
                    user_id=voter.id,
                    value=1 if value > 0 else -1,
                    made=_now(),
                )
            )


def decide(
    store: Store,
    user: User | None,
    proposal_id: int,
    *,
    accept: bool,
    motivation: str,
    configured: Sequence[Pack],
) -> None:
    """An editor's decision. Accepting applies the change to the packs as they are now (the
    store's newest versions over ``configured``) and stores the result as the newest."""
    editor = _require(user, "editor")
    if not motivation.strip():
        raise ChangeError(messages.text("words.no-motivation"))
    with store.transaction() as conn:
        row = _open(conn, proposal_id)
        if accept:
            packs = current(store, configured)
            changed = apply_change(packs, json.loads(row.change))
            ensure_base(conn, _before(packs, changed))
            save_version(
                conn,
                changed,
                by=editor.name,
                how="decision",
                what=row.summary,
                proposal_id=proposal_id,
            )
        conn.execute(
            proposals.update()
            .where(proposals.c.id == proposal_id)
            .values(
                status="accepted" if accept else "rejected",
                decided_by=editor.id,
                decided=_now(),
                decision=_clean(motivation),
            )
        )


def change_now(
    store: Store,
    user: User | None,
    change: Mapping[str, Any],
    configured: Sequence[Pack],
    how: str,
) -> Pack:
    """An editor's change without a vote (through the API, or a mark made an exception):
    applied and recorded in the history at once."""
    editor = _require(user, "editor")
    packs = current(store, configured)
    changed = apply_change(packs, change)
    with store.transaction() as conn:
        ensure_base(conn, _before(packs, changed))
        save_version(conn, changed, by=editor.name, how=how, what=describe(change))
    return changed


def _before(packs: Sequence[Pack], changed: Pack) -> Pack:
    return next(p for p in packs if p.id == changed.id)


# ------------------------------------------------------------------ marks


def add_mark(
    store: Store, user: User | None, *, term: str, word: str, phrase: str, reason: str
) -> int:
    """A writer's "geen markttaal" on a finding, with a reason. Only the word and a few
    words around it are kept, never the text: letters hold personal data."""
    if not reason.strip():
        raise ChangeError(messages.text("words.no-reason"))
    with store.transaction() as conn:
        made = conn.execute(
            marks.insert().values(
                term=term[:80],
                word=word[:200],
                phrase=" ".join(phrase.split())[:MAX_PHRASE],
                reason=_clean(reason),
                user_id=user.id if user else None,
                made=_now(),
                status="open",
            )
        )
    return int(made.inserted_primary_key[0])  # type: ignore[index]


def open_marks(store: Store) -> list[Mark]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(marks, users.c.name.label("author"))
            .outerjoin(users, users.c.id == marks.c.user_id)
            .where(marks.c.status == "open")
            .order_by(marks.c.id.desc())
        ).all()
    return [
        Mark(r.id, r.term, r.word, r.phrase, r.reason, r.author, r.made, r.status) for r in rows
    ]


def settle_mark(
    store: Store,
    user: User | None,
    mark_id: int,
    *,
    phrase: str | None,
    configured: Sequence[Pack],
) -> None:
    """An editor makes a mark an exception of the pack (``phrase``: the words never to
    report again), or puts it aside (``phrase`` None)."""
    editor = _require(user, "editor")
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(marks).where(marks.c.id == mark_id)).first()
    if row is None or row.status != "open":
        raise ChangeError(messages.text("words.no-mark", id=mark_id))
    if phrase is not None:
        change = {"kind": "exception", "term": row.term, "phrase": phrase}
        change_now(store, editor, change, configured, "decision")
    with store.transaction() as conn:
        updated = conn.execute(
            marks.update()
            .where(marks.c.id == mark_id, marks.c.status == "open")
            .values(status="exception" if phrase is not None else "dismissed")
        )
        if updated.rowcount != 1:
            raise StoreError(messages.text("words.no-mark", id=mark_id))
