"""Command line: ``taalwacht check``, ``fix``, ``packs``, ``explain``.

The commands only arrange the service, the renderers and the terminal; they hold no
linguistic logic. Each lives in its own module and registers itself on the shared app.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from taalwacht.cli import check, fix, info  # noqa: F401  (registers the commands)
from taalwacht.cli.common import EXIT_FINDINGS, app


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``taalwacht`` script."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="taalwacht")
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, without a second error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
