"""Accounts of the web application and their sessions, kept in the organisation's store.

Checking and fixing need no account; proposing, voting and deciding the organisation's words
do. A password is stored only as its argon2 hash, a session only as the sha256 of its
random token: a copy of the store opens no account. Roles rise in what they may do:
reader < proposer < editor < admin. The first admin is made from the command line
(``taalwacht gebruiker``), since nobody can sign in to make one.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from taalwacht import messages
from taalwacht.errors import AccountError
from taalwacht.scan.store import Store, api_tokens, sessions, users

ROLES = ("reader", "proposer", "editor", "admin")
SESSION_DAYS = 7
NO_PASSWORD = "!"  # an account that signs in only through the organisation's provider
MIN_PASSWORD = 12  # characters: a pass phrase, as the Dutch government's guidance advises
_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    def may(self, role: str) -> bool:
        """Whether this user has ``role`` or a higher one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _now() -> datetime:
    return datetime.now(UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(store: Store, name: str, password: str, role: str) -> User:
    """A new account; a name in use, a short password or an unknown role is refused."""
    name = name.strip()
    if not name or len(name) > 120:
        raise AccountError(name or "-", messages.text("accounts.bad-name"))
    if role not in ROLES:
        raise AccountError(name, messages.text("accounts.bad-role", roles=", ".join(ROLES)))
    if len(password) < MIN_PASSWORD:
        raise AccountError(name, messages.text("accounts.short-password", n=MIN_PASSWORD))
    with store.transaction() as conn:
        if conn.execute(sa.select(users.c.id).where(users.c.name == name)).first():
            raise AccountError(name, messages.text("accounts.exists"))
        made = conn.execute(
            users.insert().values(
                name=name,
                password=_hasher.hash(password),
                role=role,
                created=_now().isoformat(timespec="seconds"),
            )
        )
        user_id = made.inserted_primary_key[0] if made.inserted_primary_key else 0
    return User(int(user_id), name, role)


def set_role(store: Store, name: str, role: str) -> User:
    """Give an existing account another role (an account made by the organisation's
    sign-in provider starts with the configured one)."""
    if role not in ROLES:
        raise AccountError(name, messages.text("accounts.bad-role", roles=", ".join(ROLES)))
    with store.transaction() as conn:
        row = conn.execute(sa.select(users.c.id).where(users.c.name == name.strip())).first()
        if row is None:
            raise AccountError(name, messages.text("accounts.unknown"))
        conn.execute(users.update().where(users.c.id == row.id).values(role=role))
    return User(row.id, name.strip(), role)


def sign_in(store: Store, name: str, password: str) -> tuple[User, str] | None:
    """The user and a new session token for a right name and password, else None (the same
    answer for an unknown name and a wrong password, and as slow)."""
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(users.c.id, users.c.name, users.c.role, users.c.password).where(
                users.c.name == name.strip(), users.c.active
            )
        ).first()
    try:
        if row is None:
            _hasher.verify(_DUMMY, password)  # spend the same time as for a real account
            return None
        _hasher.verify(row.password, password)
    except (VerificationError, InvalidHashError):
        return None
    user = User(row.id, row.name, row.role)
    return user, start_session(store, user)


def start_session(store: Store, user: User) -> str:
    """A new session for ``user``: its token for the cookie (the store keeps the hash)."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with store.transaction() as conn:
        conn.execute(sessions.delete().where(sessions.c.expires < now.isoformat()))
        conn.execute(
            sessions.insert().values(
                token=_token_hash(token),
                user_id=user.id,
                created=now.isoformat(timespec="seconds"),
                expires=(now + timedelta(days=SESSION_DAYS)).isoformat(timespec="seconds"),
            )
        )
    return token


def external_user(store: Store, name: str, role: str) -> User | None:
    """The account of someone the organisation's sign-in provider vouched for: made with
    ``role`` at the first sign-in, without a password (``NO_PASSWORD`` is no argon2 hash,
    so it never opens the account on the sign-in form). None for a deactivated account."""
    name = name.strip()[:120]
    if not name:
        raise AccountError("-", messages.text("accounts.bad-name"))
    with store.transaction() as conn:
        row = conn.execute(
            sa.select(users.c.id, users.c.name, users.c.role, users.c.active).where(
                users.c.name == name
            )
        ).first()
        if row is not None:
            return User(row.id, row.name, row.role) if row.active else None
        made = conn.execute(
            users.insert().values(
                name=name,
                password=NO_PASSWORD,
                role=role,
                created=_now().isoformat(timespec="seconds"),
            )
        )
        user_id = made.inserted_primary_key[0] if made.inserted_primary_key else 0
    return User(int(user_id), name, role)


def user_for(store: Store, token: str | None) -> User | None:
    """The signed-in user of a session token, while the session lasts."""
    if not token:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(users.c.id, users.c.name, users.c.role)
            .join(sessions, sessions.c.user_id == users.c.id)
            .where(
                sessions.c.token == _token_hash(token),
                sessions.c.expires > _now().isoformat(),
                users.c.active,
            )
        ).first()
    return User(row.id, row.name, row.role) if row is not None else None


def sign_out(store: Store, token: str | None) -> None:
    if token:
        with store.transaction() as conn:
            conn.execute(sessions.delete().where(sessions.c.token == _token_hash(token)))


def new_api_token(store: Store, name: str, label: str = "") -> str:
    """A token for a document system that changes terms through the API in ``name``'s name,
    with ``name``'s role. Shown once: the store keeps only its hash."""
    token = "tw_" + secrets.token_urlsafe(32)
    with store.transaction() as conn:
        row = conn.execute(
            sa.select(users.c.id).where(users.c.name == name.strip(), users.c.active)
        ).first()
        if row is None:
            raise AccountError(name, messages.text("accounts.unknown"))
        conn.execute(
            api_tokens.insert().values(
                token=_token_hash(token),
                user_id=row.id,
                name=(label or "api")[:120],
                made=_now().isoformat(timespec="seconds"),
            )
        )
    return token


def user_for_api_token(store: Store, token: str | None) -> User | None:
    """The user an API token speaks for, or None."""
    if not token:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(users.c.id, users.c.name, users.c.role)
            .join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token == _token_hash(token), users.c.active)
        ).first()
    return User(row.id, row.name, row.role) if row is not None else None


_DUMMY = _hasher.hash("taalwacht: no such account")
