"""``taalwacht serve``: the web application on this machine, or behind a reverse proxy.

The settings go to the server processes through the environment (``web.app``'s factory
reads them), so one process or several build the same service.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from typing import Annotated

import typer

from taalwacht import messages
from taalwacht.cli.common import (
    DbOption,
    IsolatedOption,
    PackOption,
    app,
    configured_store,
    errors_as_exit,
    fail,
    note,
)
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.config import SERVE_SETTINGS
from taalwacht.messages import text
from taalwacht.service import Service


@app.command(help=text("help.serve"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def serve(
    host: Annotated[str, typer.Option("--host", metavar="ADRES", help=text("help.host"))] = (
        "127.0.0.1"
    ),
    port: Annotated[
        int, typer.Option("--port", metavar="POORT", min=1, max=65535, help=text("help.port"))
    ] = 8000,
    root_path: Annotated[
        str, typer.Option("--root-path", metavar="PAD", help=text("help.root-path"))
    ] = "",
    workers: Annotated[
        int, typer.Option("--workers", metavar="AANTAL", min=1, max=64, help=text("help.workers"))
    ] = 1,
    db: DbOption = None,
    pack: PackOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Start the web application."""
    import uvicorn  # the server loads only for this command

    from taalwacht.scan.store import Store, database_url

    url = database_url(db or configured_store(isolated))
    with errors_as_exit():
        _, warnings = Service.load(isolated=isolated, extra_packs=pack or ())  # fail early
        for warning in warnings:
            note(warning)
        Store.open(url)  # made or migrated here, once, before the server processes open it
    _free_or_fail(host, port)
    root = "/" + root_path.strip("/") if root_path.strip("/") else ""
    os.environ[SERVE_SETTINGS] = json.dumps(
        {"isolated": isolated, "packs": list(pack or ()), "root_path": root, "db": url}
    )
    sys.stderr.write(text("app.serving", url=f"http://{host}:{port}{root}/") + "\n")
    uvicorn.run(  # by name: each server process imports the application itself
        "taalwacht.web.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,  # the client's address and scheme from the reverse proxy
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        log_level="warning",
        access_log=False,  # the server logs no requests: paths and times are not needed
    )


def _free_or_fail(host: str, port: int) -> None:
    """One Dutch line, before the server starts, when the address cannot be used."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _name, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except socket.gaierror:
        fail(text("app.address", host=host, port=port, problem=text("app.unknown-host")))
    except OSError as err:
        fail(text("app.address", host=host, port=port, problem=messages.os_reason(err)))
