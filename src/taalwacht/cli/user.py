"""``taalwacht user``: make an account for the web application, the first admin above all
(nobody can sign in to make one); ``taalwacht token``: a key for a document system. The
password is asked twice, or read from standard input
as one line when that is no terminal (for scripts)."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from taalwacht.cli.common import DbOption, app, configured_store, errors_as_exit, fail
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.messages import text


@app.command(help=text("help.user"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def user(
    name: Annotated[str, typer.Argument(metavar="NAAM", help=text("help.user-name"))],
    role: Annotated[
        str, typer.Option("--role", metavar="ROL", help=text("help.user-role"))
    ] = "admin",
    change_role: Annotated[
        bool, typer.Option("--change-role", help=text("help.user-change-role"))
    ] = False,
    db: DbOption = None,
) -> None:
    """Make an account, or give one another role."""
    from taalwacht.scan.accounts import add_user, set_role  # the store loads only here
    from taalwacht.scan.store import Store, database_url

    if change_role:
        with errors_as_exit():
            store = Store.open(database_url(db or configured_store()))
            changed = set_role(store, name, role)
        shown = {"name": changed.name, "role": changed.role, "db": store.shown}
        sys.stderr.write(text("accounts.role-changed", **shown) + "\n")
        return
    password = _password()
    with errors_as_exit():
        store = Store.open(database_url(db or configured_store()))
        made = add_user(store, name, password, role)
    sys.stderr.write(text("accounts.made", name=made.name, role=made.role, db=store.shown) + "\n")


@app.command(help=text("help.token"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def token(
    name: Annotated[str, typer.Argument(metavar="NAAM", help=text("help.token-name"))],
    label: Annotated[
        str, typer.Option("--label", metavar="TEKST", help=text("help.token-label"))
    ] = "api",
    db: DbOption = None,
) -> None:
    """Make an API token that speaks for an account."""
    from taalwacht.scan.accounts import new_api_token
    from taalwacht.scan.store import Store, database_url

    with errors_as_exit():
        store = Store.open(database_url(db or configured_store()))
        made = new_api_token(store, name, label)
    sys.stderr.write(text("accounts.token-made", name=name.strip(), db=store.shown) + "\n")
    sys.stdout.write(made + "\n")


def _password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(text("accounts.password-prompt"))
    if getpass.getpass(text("accounts.password-again")) != first:
        fail(text("accounts.password-mismatch"))
    return first
