"""Command line: ``taalwacht check``, ``fix``, ``undo``, ``packs``, ``explain``.

The commands only arrange the service, the renderers and the terminal; they hold no
linguistic logic. Each lives in its own module and registers itself on the shared app.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer
from typer._click import exceptions as click_errors

from taalwacht.cli import check, fix, info, undo  # noqa: F401  (registers the commands)
from taalwacht.cli.common import EXIT_ERROR, EXIT_FINDINGS, app, one_line
from taalwacht.cli.locale import install, usage_error

EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``taalwacht`` script: every way out is an exit code and, on an
    error, one Dutch line on stderr; never a traceback."""
    args = list(argv) if argv is not None else sys.argv[1:]
    if not args or "-h" in args or "--help" in args:
        install()
    try:
        code = app(args=args, prog_name="taalwacht", standalone_mode=False)
    except click_errors.NoArgsIsHelpError:
        sys.exit(EXIT_ERROR)  # Typer has shown the help already
    except click_errors.UsageError as err:
        sys.stderr.write(f"taalwacht: {one_line(usage_error(err))}\n")
        sys.exit(EXIT_ERROR)
    except (typer.Abort, KeyboardInterrupt):
        code = EXIT_INTERRUPTED
    except typer.Exit as done:
        code = done.exit_code
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, without a second error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
    if code == EXIT_INTERRUPTED:
        # Typer turns Ctrl-C in a command into a silent exit 130; say what happened.
        _interrupted()
    sys.exit(code if isinstance(code, int) else 0)


def _interrupted() -> None:
    """One line on stderr; on a terminal first a line break, after the echoed ``^C``."""
    from taalwacht.messages import text

    start = "\n" if sys.stderr.isatty() else ""
    sys.stderr.write(start + one_line(text("cli.interrupted")) + "\n")
    sys.stderr.flush()
