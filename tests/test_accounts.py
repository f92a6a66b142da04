"""Accounts of the web application in a real SQLite store: argon2 hashes, hashed session
tokens, roles, and ``taalwacht user`` for the first admin."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from conftest import assert_one_line_error, cli, said
from taalwacht.errors import AccountError
from taalwacht.scan.accounts import add_user, sign_in, sign_out, user_for
from taalwacht.scan.store import Store, database_url

PASSWORD = "een zin als wachtwoord"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(database_url(str(tmp_path / "taalwacht.db")))


def test_a_password_is_kept_only_as_its_argon2_hash(store: Store, tmp_path: Path) -> None:
    add_user(store, "anna", PASSWORD, "editor")
    with sqlite3.connect(tmp_path / "taalwacht.db") as raw:
        kept = raw.execute("select password from users where name = 'anna'").fetchone()[0]
    assert kept.startswith("$argon2id$") and PASSWORD not in kept


def test_sign_in_gives_a_session_that_names_the_user(store: Store, tmp_path: Path) -> None:
    add_user(store, "anna", PASSWORD, "editor")
    signed = sign_in(store, "anna", PASSWORD)
    assert signed is not None
    user, token = signed
    assert (user.name, user.role) == ("anna", "editor")
    assert user.may("proposer") and user.may("editor") and not user.may("admin")
    assert user_for(store, token) == user
    with sqlite3.connect(tmp_path / "taalwacht.db") as raw:
        kept = raw.execute("select token from sessions").fetchone()[0]
    assert kept != token and len(kept) == 64  # the sha256 of the token, not the token
    sign_out(store, token)
    assert user_for(store, token) is None


@pytest.mark.parametrize(
    ("name", "password"), [("anna", "een ander wachtwoord"), ("bob", PASSWORD)]
)
def test_a_wrong_password_or_name_signs_nobody_in(store: Store, name: str, password: str) -> None:
    add_user(store, "anna", PASSWORD, "reader")
    assert sign_in(store, name, password) is None
    assert user_for(store, "verzonnen-token") is None


def test_an_expired_session_is_no_session(store: Store, tmp_path: Path) -> None:
    add_user(store, "anna", PASSWORD, "reader")
    signed = sign_in(store, "anna", PASSWORD)
    assert signed is not None
    with sqlite3.connect(tmp_path / "taalwacht.db") as raw:
        raw.execute("update sessions set expires = '2000-01-01T00:00:00+00:00'")
    assert user_for(store, signed[1]) is None


@pytest.mark.parametrize(
    ("name", "password", "role", "key"),
    [
        ("anna", "kort", "reader", "accounts.short-password"),
        ("anna", PASSWORD, "baas", "accounts.bad-role"),
        ("", PASSWORD, "reader", "accounts.bad-name"),
    ],
)
def test_an_account_that_cannot_be_made_says_why(
    store: Store, name: str, password: str, role: str, key: str
) -> None:
    with pytest.raises(AccountError, match=re.escape(said(key)[:20])):
        add_user(store, name, password, role)


def test_the_first_admin_is_made_from_the_command_line(tmp_path: Path) -> None:
    made = cli("user", "beheerder", input=PASSWORD + "\n", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "gebruiker beheerder gemaakt met de rol admin" in made.stderr
    store = Store.open(database_url(str(tmp_path / "taalwacht.db")))
    signed = sign_in(store, "beheerder", PASSWORD)
    assert signed is not None and signed[0].role == "admin"
    again = cli("user", "beheerder", input=PASSWORD + "\n", cwd=tmp_path)
    assert_one_line_error(again, "beheerder", said("accounts.exists"))
