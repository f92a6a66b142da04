"""Command line: ``taalwacht check``, ``fix``, ``undo``, ``packs``, ``explain``, ``scan`` and
``report``.

The commands only arrange the service, the renderers and the terminal; they hold no
linguistic logic. Each lives in its own module and registers itself on the shared app.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from taalwacht.messages import text


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C before the command runs (imports take a few tenths of a second): the same one
    line and exit code as later, never a traceback from the middle of an import."""
    start = "\n" if sys.stderr.isatty() else ""
    sys.stderr.write(start + text("cli.interrupted") + "\n")
    sys.stderr.flush()
    os._exit(130)


if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import typer  # noqa: E402  (after the Ctrl-C guard: importing takes a while)
from typer._click import exceptions as click_errors  # noqa: E402

from taalwacht.cli import check, fix, info, pack, scan, serve, undo, user  # noqa: E402, F401
from taalwacht.cli.common import EXIT_ERROR, EXIT_FINDINGS, app, one_line  # noqa: E402
from taalwacht.cli.locale import install, usage_error  # noqa: E402

EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``taalwacht`` script: every way out is an exit code and, on an
    error, one Dutch line on stderr; never a traceback."""
    if signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # from here: KeyboardInterrupt
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
    start = "\n" if sys.stderr.isatty() else ""
    sys.stderr.write(start + one_line(text("cli.interrupted")) + "\n")
    sys.stderr.flush()
