"""What every command shares: the Typer app, one-line errors with exit 2, notes on stderr,
and the options several commands take."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from taalwacht.cli.locale import OPTIONS_METAVAR, DutchGroup
from taalwacht.errors import TaalwachtError
from taalwacht.messages import os_reason, text
from taalwacht.model.document import Document, place_of
from taalwacht.model.finding import SEVERITIES, Severity
from taalwacht.model.location import SourceMap
from taalwacht.report import printable

if TYPE_CHECKING:
    from taalwacht.config import Config
    from taalwacht.scan.store import Store
    from taalwacht.service import Service

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="taalwacht",
    help=text("help.app"),
    cls=DutchGroup,
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=text("cli.subcommand"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

IsolatedOption = Annotated[bool, typer.Option("--isolated", help=text("help.isolated"))]
NoIgnoreOption = Annotated[bool, typer.Option("--no-ignore", help=text("help.no-ignore"))]
DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="OPSLAG", help=text("help.db"), show_default=False),
]
PackOption = Annotated[
    list[str] | None,
    typer.Option("--pack", metavar="BESTAND.yml", help=text("help.pack")),
]
IncludeOption = Annotated[
    list[str] | None,
    typer.Option("--include", metavar="GLOB", help=text("help.include")),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option("--exclude", metavar="GLOB", help=text("help.exclude")),
]
NoProgressOption = Annotated[bool, typer.Option("--no-progress", help=text("help.no-progress"))]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, metavar="N", help=text("help.jobs"), show_default=False),
]


def one_line(text: str) -> str:
    """``text`` as one line for the terminal: white space runs as one space, any other
    control character (ESC in a file name) and a byte that is not UTF-8 escaped."""
    return printable(" ".join(str(text).split()))


def note(message: str) -> None:
    """A line for the user on stderr (stdout is for the report)."""
    sys.stderr.write(one_line(message) + "\n")


def fail(message: str) -> NoReturn:
    """Print ``message`` as one line on stderr and exit 2."""
    sys.stderr.write(one_line(message) + "\n")
    sys.stderr.flush()
    raise typer.Exit(EXIT_ERROR)


def _os_error(err: OSError) -> str:
    if err.filename is not None:
        return f"{err.filename}: {os_reason(err)}"
    return str(err) or type(err).__name__


@contextmanager
def errors_as_exit() -> Iterator[None]:
    """Turn taalwacht's own and the usual I/O errors into one line on stderr and exit 2.

    Unexpected exceptions are reported the same way unless ``TAALWACHT_DEBUG`` is set,
    which lets the traceback through for a bug report.
    """
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
        raise
    except TaalwachtError as err:
        fail(str(err))
    except UnicodeError as err:
        fail(text("errors.decode", problem=err))
    except OSError as err:
        fail(_os_error(err))
    except MemoryError:
        fail(text("errors.memory"))
    except Exception as err:
        if os.environ.get("TAALWACHT_DEBUG"):
            raise
        fail(text("errors.internal", kind=type(err).__name__, problem=err))


def use_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def spot(document: Document, where: SourceMap, offset: int) -> str:
    """Where ``offset`` is, as a writer finds it: ``12:8`` (line and column) in a text
    file, `` koptekst, alinea 2`` in a Word, OpenDocument, PDF or e-mail document."""
    place = place_of(document.places, offset)
    if place is not None:
        return f" {place.label()}"
    line, column = where.position(offset)
    return f"{line}:{column}"


def load_service(
    *,
    isolated: bool,
    pack: Sequence[str] | None,
    db: str | None = None,
    store: Store | None = None,
    config: Config | None = None,
    **options: Any,
) -> Service:
    """The command's service with the organisation's own words: the newest versions in its
    store (``store``, ``--db``, the config's ``store``, else ``taalwacht.db`` here when that
    file exists). Says on stderr which words it used, then the config's warnings."""
    from taalwacht.config import discover
    from taalwacht.service import Service

    config = config or discover(None, isolated=isolated)
    if store is None:
        url = store_url(config, db)
        if url is not None:
            from taalwacht.scan.store import Store

            store = Store.open(url)
    stored = []
    if store is not None:
        from taalwacht.scan.words import stored_packs

        stored = stored_packs(store)
    service, warnings = Service.load(
        isolated=isolated,
        extra_packs=pack or (),
        config=config,
        stored=[p for p, _ in stored],
        **options,
    )
    active = {p.id: p for p in service.settings.packs}
    for words, version in stored:
        assert store is not None
        used = active[words.id]
        if used is not words:  # a --pack file of the same id took its place
            note(text("words.file-wins", path=used.path, pack=words.id, db=store.shown))
            continue
        note(
            text(
                "words.used",
                pack=words.id,
                db=store.shown,
                version=version.id,
                day=version.made[:10],
                by=version.made_by,
            )
        )
    for warning in warnings:
        note(warning)
    return service


def store_url(config: Config, db: str | None) -> str | None:
    """The organisation's store for a command that only reads its words: ``--db``, else the
    config's ``store``, else ``taalwacht.db`` in the working directory if there is one."""
    from taalwacht.config import DEFAULT_DB

    if not (db or config.store or (Path.cwd() / DEFAULT_DB).is_file()):
        return None  # no store: SQLAlchemy need not even load
    from taalwacht.scan.store import database_url

    return database_url(db or config.store)


def configured_store(isolated: bool = False) -> str | None:
    """The config's ``store``, for the commands whose ``--db`` defaults to it."""
    from taalwacht.config import discover

    return discover(None, isolated=isolated).store
