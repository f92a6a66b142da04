"""``taalwacht fix``: rewrite market-speak in place with correct Dutch agreement.

Exit codes: 0 nothing left; 1 findings left for a person (with ``--diff``: changes to
make); 2 an error, after which the file it was writing is byte-for-byte the original.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Annotated

import typer

from taalwacht.cli.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    DbOption,
    ExcludeOption,
    IsolatedOption,
    NoIgnoreOption,
    PackOption,
    app,
    errors_as_exit,
    fail,
    load_service,
    note,
    one_line,
    plural,
    spot,
)
from taalwacht.cli.interactive import Asker
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.errors import TaalwachtError
from taalwacht.messages import text
from taalwacht.model.document import WRITABLE_EXTRACTED, Document
from taalwacht.model.fix import Result
from taalwacht.model.location import SourceMap
from taalwacht.report import printable
from taalwacht.service import Failed, Service, Skipped, Source, guarded

STDIN = "-"


def parse_prefer(values: Sequence[str]) -> dict[str, str]:
    """``--prefer klant=burger`` (repeatable) as ``{"klant": "burger"}``; exit 2 when malformed."""
    out: dict[str, str] = {}
    for value in values:
        term, sep, alternative = value.partition("=")
        if not sep or not term.strip() or not alternative.strip():
            fail(text("errors.prefer-syntax", value=value))
        out[term.strip()] = alternative.strip()
    return out


@dataclass
class _FixTotals:
    files: int = 0
    changed: int = 0
    words: int = 0
    pending: int = 0  # files --diff would change
    failed: int = 0  # files that could not be read or written
    left: list[str] = field(default_factory=list)


@app.command("fix", help=text("help.fix"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def fix_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PAD",
            help=text("help.fix-paths"),
            show_default=False,
        ),
    ] = None,
    diff: Annotated[bool, typer.Option("--diff", help=text("help.diff"))] = False,
    no_backup: Annotated[bool, typer.Option("--no-backup", help=text("help.no-backup"))] = False,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive",
            "-i",
            help=text("help.interactive"),
        ),
    ] = False,
    prefer: Annotated[
        list[str] | None,
        typer.Option(
            "--prefer",
            metavar="TERM=ALTERNATIEF",
            help=text("help.prefer"),
        ),
    ] = None,
    unsafe: Annotated[
        bool,
        typer.Option(
            "--unsafe",
            help=text("help.unsafe"),
        ),
    ] = False,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help=text("help.include-fix")),
    ] = None,
    exclude: ExcludeOption = None,
    track_changes: Annotated[
        bool,
        typer.Option("--track-changes", help=text("help.track-changes")),
    ] = False,
    pack: PackOption = None,
    db: DbOption = None,
    isolated: IsolatedOption = False,
    no_ignore: NoIgnoreOption = False,
) -> None:
    """Rewrite market-speak with correct Dutch agreement, touching nothing else.

    Exit codes: 0 nothing left; 1 findings left for a person (or, with --diff, changes to
    make); 2 an error (the file being written is left as it was).
    """
    if not paths:
        fail(text("errors.no-path", command="fix"))
    if "-" in paths and len(paths) > 1:
        fail(text("errors.stdin-alone"))
    if interactive and "-" in paths:
        fail(text("errors.interactive-stdin"))
    wanted = parse_prefer(prefer or ())
    with errors_as_exit():
        service = load_service(isolated=isolated, pack=pack, db=db, prefer=wanted, unsafe=unsafe)
        sources = service.sources(paths, include or (), exclude or (), gitignore=not no_ignore)
        code = _run_fix(
            service,
            sources,
            diff=diff,
            backup=not no_backup,
            interactive=interactive,
            track=track_changes,
        )
    raise typer.Exit(code)


def _run_fix(
    service: Service,
    sources: Sequence[Source | Skipped | Failed],
    *,
    diff: bool,
    backup: bool,
    interactive: bool,
    track: bool = False,
) -> int:
    totals = _FixTotals()
    for source in sources:
        if isinstance(source, Skipped):
            note(f"{source.path}: {source.note}")
            continue
        if isinstance(source, Failed):
            note(source.message)
            totals.failed += 1
            continue
        try:
            document = guarded(source.path, partial(service.read, source))
            if isinstance(document, Skipped):
                note(f"{document.path}: {document.note}")
                continue
            for line in document.notes:  # each names the file
                note(line)
            if document.extracted and document.kind not in WRITABLE_EXTRACTED:
                if source.explicit:  # a PDF or e-mail named on purpose: an error (exit 2)
                    service.writable(document)
                note(f"{document.path}: {text('notes.check-only')}")
                continue
            asker = Asker(document) if interactive else None
            result = guarded(source.path, partial(service.fix, document, asker))
            _fix_one(service, document, result, totals, diff=diff, backup=backup, track=track)
        except (TaalwachtError, OSError) as err:
            # one file that cannot be read or written is reported; the others go on
            note(str(err) if isinstance(err, TaalwachtError) else f"{source.path}: {err}")
            totals.failed += 1
    _fix_summary(totals, diff=diff)
    if service.backup_folder and totals.changed:
        note(text("notes.backups", folder=service.backup_folder))
    if totals.failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if totals.left or (diff and totals.pending) else EXIT_OK


def _fix_one(
    service: Service,
    document: Document,
    result: Result,
    totals: _FixTotals,
    *,
    diff: bool,
    backup: bool,
    track: bool = False,
) -> None:
    totals.files += 1
    where = SourceMap(document.text)
    for left in result.left:
        at = spot(document, where, left.finding.start)
        hint = f" (voorstel: {left.suggestion})" if left.suggestion else ""
        totals.left.append(
            f"{document.path}:{at}: '{left.finding.text}' "
            f"[{left.finding.term}]: {left.reason}{hint}"
        )
    changed = result.text != document.text
    if diff:
        if changed:
            totals.pending += 1
            totals.words += len(result.done)
            sys.stdout.write(_unified_diff(document, result.text))
        return
    if document.path == STDIN:
        if document.extracted:  # the package's bytes are gone with the input stream
            raise TaalwachtError(text("package.stdin"))
        sys.stdout.flush()
        sys.stdout.buffer.write(service.encode(document, result.text))
        sys.stdout.flush()
        totals.words += len(result.done)
        totals.changed += changed
        return
    service.tidy(document.path)
    if not changed:
        return
    service.write(document, result, backup=backup, track=track)
    totals.changed += 1
    totals.words += len(result.done)
    note(f"{document.path}: {plural(len(result.done), 'woord', 'woorden')} herschreven")


def _unified_diff(document: Document, new: str) -> str:
    name = document.path if document.path != STDIN else "stdin"
    lines = difflib.unified_diff(
        document.text.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=_diff_name("a/", name),
        tofile=_diff_name("b/", name),
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _diff_name(side: str, name: str) -> str:
    """``a/brief.txt``; a name with a control character quoted and escaped, as git does
    (``"a/brief\\nnieuw.txt"``), so no header breaks and no escape reaches the terminal."""
    shown = printable(side + name)
    return shown if shown == side + name else f'"{shown}"'


def _fix_summary(totals: _FixTotals, *, diff: bool) -> None:
    if totals.files == 0:
        note("geen bestanden gevonden om te herschrijven")
        return
    words = plural(totals.words, "woord", "woorden")
    if diff:
        line = f"{words} te herschrijven in {plural(totals.pending, 'bestand', 'bestanden')}"
    else:
        line = f"{words} herschreven in {plural(totals.changed, 'bestand', 'bestanden')}"
    if totals.left:
        line += f"; {plural(len(totals.left), 'melding', 'meldingen')} voor een mens:"
    note(line)
    for item in totals.left:
        sys.stderr.write(f"  {one_line(item)}\n")
    sys.stderr.flush()
