"""``taalwacht undo``: put back the files the last ``fix`` run changed, from its backups;
a file changed since that run is left as it is, with the reason."""

from __future__ import annotations

import typer

from taalwacht.cli.common import EXIT_ERROR, EXIT_OK, IsolatedOption, app, errors_as_exit, note
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.messages import text
from taalwacht.service import Service


@app.command(help=text("help.undo"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def undo(isolated: IsolatedOption = False) -> None:
    """Restore the last fix run's files; refuse those changed since (exit 2)."""
    with errors_as_exit():
        service, _ = Service.load(isolated=isolated)
        results = service.undo()
    for line, _ok in results:
        note(line)
    raise typer.Exit(EXIT_OK if all(ok for _, ok in results) else EXIT_ERROR)
