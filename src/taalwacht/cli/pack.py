"""``taalwacht pack import|export|history``: the organisation's pack in its store.

With a store, the store holds the pack colleagues decide on in the web application and the
YAML file is its export. Importing a file over decisions made in the store would undo them,
so it needs ``--force``; every import is in the history with the decisions.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from taalwacht.cli.common import DbOption, IsolatedOption, app, errors_as_exit, fail, note
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand, DutchGroup
from taalwacht.messages import text

if TYPE_CHECKING:
    from taalwacht.scan.store import Store

pack_app = typer.Typer(
    cls=DutchGroup,
    help=text("help.pack-group"),
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=text("cli.subcommand"),
    no_args_is_help=True,
)
app.add_typer(pack_app, name="pack")


def _open(db: str | None, isolated: bool) -> Store:
    from taalwacht.config import discover
    from taalwacht.scan.store import Store, database_url

    config = discover(None, isolated=isolated)
    return Store.open(database_url(db or config.store))


@pack_app.command("import", help=text("help.pack-import"), cls=DutchCommand)
def import_(
    path: Annotated[Path, typer.Argument(metavar="BESTAND.yml", help=text("help.pack-file"))],
    force: Annotated[bool, typer.Option("--force", help=text("help.pack-force"))] = False,
    db: DbOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Make a pack file the store's newest version of its pack."""
    from taalwacht.packs import load_pack
    from taalwacht.scan.words import import_pack

    with errors_as_exit():
        pack = load_pack(path)
        yaml_text = path.read_text(encoding="utf-8")
        store = _open(db, isolated)
        made = import_pack(store, pack, yaml_text, by=_who(), force=force)
    if made is None:
        note(text("words.import-same", pack=pack.id, db=store.shown))
    else:
        note(text("words.imported", pack=pack.id, db=store.shown, version=made.id))


@pack_app.command("export", help=text("help.pack-export"), cls=DutchCommand)
def export(
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="BESTAND", help=text("help.pack-output"))
    ] = "-",
    name: Annotated[
        str | None, typer.Option("--pack", metavar="PAKKET", help=text("help.pack-name"))
    ] = None,
    db: DbOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Write the store's newest version of a pack as YAML."""
    from taalwacht.scan.words import export as stored
    from taalwacht.service import save_text

    with errors_as_exit():
        store = _open(db, isolated)
        found = stored(store, name)
        if found is None and name:
            fail(text("words.pack-not-stored", pack=name, db=store.shown))
        if found is None:
            fail(text("words.nothing-stored", db=store.shown))
        yaml_text, version = found
        save_text(yaml_text, output)
    if output != "-":
        note(
            text(
                "words.exported", pack=version.pack, version=version.id, db=store.shown, path=output
            )
        )


@pack_app.command("history", help=text("help.pack-history"), cls=DutchCommand)
def history(db: DbOption = None, isolated: IsolatedOption = False) -> None:
    """The versions of the organisation's packs, newest first."""
    from taalwacht.scan.words import history as versions

    with errors_as_exit():
        store = _open(db, isolated)
        found = versions(store)
    if not found:
        note(text("words.history-empty", db=store.shown))
        return
    for v in found:
        sys.stdout.write(f"{v.id}\t{v.made}\t{v.pack}\t{v.made_by}\t{v.how}\t{v.what}\n")


def _who() -> str:
    """Who imported: the account on this computer, as the history shows it."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"
