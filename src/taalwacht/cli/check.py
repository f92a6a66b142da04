"""``taalwacht check``: report market-speak in files, folders or standard input.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage,
config, pack or input error, printed as one line on stderr (never a traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

import typer

from taalwacht.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    DbOption,
    ExcludeOption,
    IncludeOption,
    IsolatedOption,
    JobsOption,
    NoIgnoreOption,
    NoProgressOption,
    PackOption,
    app,
    errors_as_exit,
    fail,
    load_service,
    note,
    plural,
    rank,
    use_color,
)
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.cli.progress import Progress, progress_wanted
from taalwacht.errors import TaalwachtError
from taalwacht.messages import text
from taalwacht.model.document import WRITABLE_EXTRACTED
from taalwacht.model.finding import severity_of
from taalwacht.model.results import FileResult
from taalwacht.report import make_renderer
from taalwacht.scan.pool import Asked, check_all, jobs_for
from taalwacht.service import Failed, Service, Skipped, Source


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    """The severities by their identifiers and by their Dutch names (``SEVERITY_NAMES``)."""

    info = "info"
    warning = "warning"
    error = "error"
    opmerking = "opmerking"
    waarschuwing = "waarschuwing"
    fout = "fout"


def _source_size(source: Source) -> int:
    if source.is_stdin:
        return 0
    try:
        return os.stat(source.path).st_size
    except OSError:
        return 0


@app.command(help=text("help.check"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PAD",
            help=text("help.check-paths"),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help=text("help.format"))
    ] = OutputFormat.text,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help=text("help.fail-on"),
            show_default=False,
        ),
    ] = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    explain: Annotated[
        bool,
        typer.Option("--explain", help=text("help.explain")),
    ] = False,
    annotate: Annotated[
        bool,
        typer.Option("--annotate", help=text("help.annotate")),
    ] = False,
    pack: PackOption = None,
    db: DbOption = None,
    isolated: IsolatedOption = False,
    no_ignore: NoIgnoreOption = False,
    no_progress: NoProgressOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check texts for market-speak and report each finding with alternatives."""
    if not paths:
        fail(text("errors.no-path", command="check"))
    with errors_as_exit():
        service = load_service(isolated=isolated, pack=pack, db=db)
        asked = severity_of(fail_on.value) if fail_on else None
        threshold = rank(asked or service.config.fail_on)
        sources = service.sources(paths, include or (), exclude or (), gitignore=not no_ignore)
        code = _run_check(
            service, sources, output_format.value, explain, threshold, no_progress, jobs, annotate
        )
    raise typer.Exit(code)


def _run_check(
    service: Service,
    sources: Sequence[Source | Skipped | Failed],
    fmt: str,
    explain: bool,
    threshold: int,
    no_progress: bool,
    jobs: int | None = None,
    annotate: bool = False,
) -> int:
    files = [s for s in sources if isinstance(s, Source)]
    sizes = [_source_size(s) for s in files]  # one stat per file: the bar and the pool share it
    total_bytes = sum(sizes)
    checked = skipped = reported = failed = 0
    failing = False
    with Progress(len(files), total_bytes, enabled=progress_wanted(no_progress)) as bar:
        # Made inside the bar: while it is live, sys.stdout may be rich's line-safe proxy.
        renderer = make_renderer(
            fmt,
            sys.stdout,
            explain=explain,
            terms=service.terms(),
            color=fmt == "text" and use_color(),
        )
        for source in sources:
            if isinstance(source, Skipped):
                note(f"{source.path}: {source.note}")
                skipped += 1
            elif isinstance(source, Failed):
                note(source.message)
                renderer.fail(source.path, source.message)
                failed += 1
        workers = jobs_for(files, sizes, jobs)
        asked = Asked(explain=explain, fixes=fmt == "sarif", words=False)
        for source, outcome in check_all(service, files, workers, asked):
            if isinstance(outcome, Skipped):
                note(f"{outcome.path}: {outcome.note}")
                skipped += 1
                bar.advance(_source_size(source), 0)
                continue
            if isinstance(outcome, Failed):
                note(outcome.message)
                renderer.fail(outcome.path, outcome.message)
                failed += 1
                bar.advance(_source_size(source), 0)
                continue
            found = 0
            for result in (outcome.result, *outcome.attachments):
                for line in result.notes:  # e.g. a mixed encoding; each names the file
                    note(line)
                renderer.add(result)
                hits = [f for f in result.findings if f.reported]
                found += len(hits)
                failing = failing or any(rank(f.severity) >= threshold for f in hits)
            if annotate and not _annotated(service, source, outcome.result):
                failed += 1
            reported += found
            checked += 1
            bar.advance(outcome.size, found)
        renderer.finish()
    if fmt == "text":
        _summary(checked, skipped, reported, failed)
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_OK


def _annotated(service: Service, source: Source, result: FileResult) -> bool:
    """``--annotate``: a copy of a Word or OpenDocument file with a comment on each finding
    (``brief.taalwacht.docx``); other files are left alone. False when it failed."""
    if not result.extracted or not any(f.reported for f in result.findings):
        return True
    try:
        document = service.read(source)
        if isinstance(document, Skipped) or document.kind not in WRITABLE_EXTRACTED:
            return True
        target, placed = service.annotate(document, result.findings)
    except TaalwachtError as err:
        note(str(err))
        return False
    note(text("package.annotated", path=source.path, n=placed, target=target))
    return True


def _summary(checked: int, skipped: int, reported: int, failed: int) -> None:
    if checked == skipped == 0:
        if not failed:  # when every file failed, the error lines said all there is
            note(text("notes.nothing-found"))
        return
    files = plural(checked, "bestand", "bestanden")
    line = f"{plural(reported, 'melding', 'meldingen')} in {files}"
    extra = [f"{skipped} overgeslagen"] if skipped else []
    extra += [text("notes.unreadable", n=failed)] if failed else []
    if extra:
        line += f" ({', '.join(extra)})"
    note(line)
