"""Command line: ``taalwacht check``, ``taalwacht fix``, ``taalwacht packs``, ``taalwacht explain``.

The CLI only arranges the stages; it holds no linguistic logic::

    config (discover / --isolated) -> packs (config + --pack) -> Engine
    paths -> sources -> Text -> engine.scan -> FileResult -> renderer (text/json/sarif/github)

The steps are small public functions (``load_settings``, ``load_packs``, ``build_engine``,
``collect_sources``, ``taalwacht.batch.scan_guarded``) so ``fix`` reuses them.

Exit codes of ``check``: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 a usage, config, pack or input error, printed as one line on stderr (never a traceback).
``fix`` exits 0 when nothing is left, 1 when findings are left for a person, and 2 on an
error, after which the file it was writing is byte-for-byte the original.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from taalwacht.config import Config, discover
from taalwacht.errors import TaalwachtError
from taalwacht.finding import SEVERITIES, Finding, Severity

if TYPE_CHECKING:
    from taalwacht.batch import Settings
    from taalwacht.engine import Engine
    from taalwacht.pack import Pack, Term
    from taalwacht.rewrite import Edit, Fix, Fixer, Left, Result
    from taalwacht.sources import Skipped, Source, Text

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


app = typer.Typer(
    name="taalwacht",
    help="Find market-speak (klant, product, concern, inkopen ...) in Dutch public-sector text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------------------- errors


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def fail(message: str) -> NoReturn:
    """Print ``message`` as one line on stderr and exit 2."""
    sys.stderr.write(_one_line(message) + "\n")
    sys.stderr.flush()
    raise typer.Exit(EXIT_ERROR)


def _os_error(err: OSError) -> str:
    if err.filename is not None:
        return f"{err.filename}: {err.strerror or err}"
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
        fail(f"cannot decode text: {err}")
    except OSError as err:
        fail(_os_error(err))
    except MemoryError:
        fail("out of memory: the input is too large to check in one piece")
    except Exception as err:
        if os.environ.get("TAALWACHT_DEBUG"):
            raise
        fail(f"internal error: {type(err).__name__}: {err} (set TAALWACHT_DEBUG=1 for details)")


def _note(message: str) -> None:
    sys.stderr.write(_one_line(message) + "\n")


# ------------------------------------------------------- reusable steps (check, fix)


def load_settings(isolated: bool = False, cwd: Path | None = None) -> Config:
    """The config for this run: found upward from ``cwd``, or the defaults (``--isolated``)."""
    return discover(cwd, isolated=isolated)


def load_packs(config: Config, extra: Sequence[str] = ()) -> list[Pack]:
    """Active packs: the config's ``packs`` and ``extra-packs`` (relative to the config's
    directory), then ``--pack`` files (relative to the working directory). A later pack
    with the same id replaces an earlier one."""
    from taalwacht.pack import resolve_pack

    loaded: dict[str, Pack] = {}
    for ref in config.pack_refs:
        pack = resolve_pack(ref, base=config.root)
        loaded[pack.id] = pack
    for ref in extra:
        pack = resolve_pack(ref, base=Path.cwd())
        loaded.pop(pack.id, None)
        loaded[pack.id] = pack
    return list(loaded.values())


def all_terms(packs: Sequence[Pack]) -> list[Term]:
    return [term for pack in packs for term in pack.terms]


def warn_unknown_terms(config: Config, packs: Sequence[Pack]) -> None:
    """A config setting for a term no active pack has is most likely a typo: say so."""
    known = {term.id for term in all_terms(packs)}
    where = str(config.path) if config.path else "config"
    for table, keys in (("severity", config.severity), ("prefer", config.prefer)):
        for key in keys:
            if key not in known:
                _note(f"{where}: config: {table}.{key}: no active pack has this term (ignored)")


def build_engine(config: Config, packs: Sequence[Pack]) -> Engine:
    """The engine for these packs, with the config's allowed phrases and severities.

    What exists now (modules, packs, the engine) lives for the whole run: freezing it keeps
    the garbage collector from scanning it again for every file of a large collection.
    """
    import gc

    engine = batch_settings(config, packs).engine()
    gc.freeze()
    return engine


def batch_settings(config: Config, packs: Sequence[Pack]) -> Settings:
    """What every process needs to build the same engine: packs and the config's choices."""
    from taalwacht.batch import Settings

    return Settings(tuple(packs), config.allow, config.severity, config.prefer)


def collect_sources(
    paths: Sequence[str],
    config: Config,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[Source | Skipped]:
    """Every source for ``paths``, in order; raises ``InputError`` for a missing path."""
    from taalwacht.sources import iter_sources

    return list(iter_sources(paths, include, exclude, config.ignore, ignore_root=config.root))


def _source_size(source: Source) -> int:
    if source.is_stdin:
        return 0
    try:
        return os.stat(source.path).st_size
    except OSError:
        return 0


def _use_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


# ------------------------------------------------------------------------- commands

IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help="Ignore every config file; use the defaults.")
]
PackOption = Annotated[
    list[str] | None,
    typer.Option("--pack", metavar="FILE.yml", help="Add a term pack (repeatable)."),
]


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Files or folders to check; '-' reads standard input.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding has this severity or higher "
            "(default: from the config, else warning).",
            show_default=False,
        ),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help="In folders, check only matching files."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="GLOB", help="In folders, skip matching files."),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Also show occurrences that were not reported, and why."),
    ] = False,
    pack: PackOption = None,
    isolated: IsolatedOption = False,
    no_progress: Annotated[
        bool, typer.Option("--no-progress", help="Never show a progress bar.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes to use (default: all cores for a large collection, else 1).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check texts for market-speak and report each finding with alternatives."""
    if not paths:
        fail(
            "no PATH given: name files or folders to check, or '-' for standard input "
            "(e.g. taalwacht check docs/)"
        )
    with errors_as_exit():
        config = load_settings(isolated)
        packs = load_packs(config, pack or ())
        warn_unknown_terms(config, packs)
        engine = build_engine(config, packs)
        threshold = _rank(fail_on.value if fail_on else config.fail_on)
        sources = collect_sources(paths, config, include or (), exclude or ())
        settings = dataclasses.replace(batch_settings(config, packs), explain=explain)
        code = _run_check(
            engine, settings, sources, output_format.value, explain, threshold, no_progress, jobs
        )
    raise typer.Exit(code)


def _run_check(
    engine: Engine,
    settings: Settings,
    sources: Sequence[Source | Skipped],
    fmt: str,
    explain: bool,
    threshold: int,
    no_progress: bool,
    jobs: int | None = None,
) -> int:
    from taalwacht.batch import jobs_for, scan_all
    from taalwacht.progress import Progress, progress_wanted
    from taalwacht.report import make_renderer
    from taalwacht.sources import Skipped

    files = [s for s in sources if not isinstance(s, Skipped)]
    sizes = [_source_size(s) for s in files]  # one stat per file: the bar and the pool share it
    total_bytes = sum(sizes)
    checked = skipped = reported = 0
    failing = False
    with Progress(len(files), total_bytes, enabled=progress_wanted(no_progress)) as bar:
        # Made inside the bar: while it is live, sys.stdout may be rich's line-safe proxy.
        renderer = make_renderer(
            fmt,
            sys.stdout,
            explain=explain,
            terms=all_terms(settings.packs),
            color=fmt == "text" and _use_color(),
        )
        for source in sources:
            if isinstance(source, Skipped):
                _note(f"{source.path}: {source.note}")
                skipped += 1
        workers = jobs_for(files, sizes, jobs)
        for source, outcome in scan_all(engine, settings, files, workers):
            if isinstance(outcome, Skipped):
                _note(f"{outcome.path}: {outcome.note}")
                skipped += 1
                bar.advance(_source_size(source), 0)
                continue
            renderer.add(outcome.result)
            hits = [f for f in outcome.result.findings if f.reported]
            reported += len(hits)
            failing = failing or any(_rank(f.severity) >= threshold for f in hits)
            checked += 1
            bar.advance(outcome.size, len(hits))
        renderer.finish()
    if fmt == "text":
        _summary(checked, skipped, reported)
    return EXIT_FINDINGS if failing else EXIT_OK


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(checked: int, skipped: int, reported: int) -> None:
    if checked == 0 and skipped == 0:
        _note("geen bestanden gevonden om te controleren")
        return
    line = (
        f"{_plural(reported, 'melding', 'meldingen')} in {_plural(checked, 'bestand', 'bestanden')}"
    )
    if skipped:
        line += f" ({skipped} overgeslagen)"
    _note(line)


@app.command()
def packs(pack: PackOption = None, isolated: IsolatedOption = False) -> None:
    """List the active term packs and their terms."""
    with errors_as_exit():
        config = load_settings(isolated)
        active = load_packs(config, pack or ())
        _print_packs(config, active)


def _print_packs(config: Config, active: Sequence[Pack]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if config.path:
        console.print(f"config: {config.path}", markup=False)
    for pack in active:
        title = f"{pack.id} ({len(pack.terms)} terms) - {pack.description}".rstrip(" -")
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column("term")
        table.add_column("lemma")
        table.add_column("severity")
        table.add_column("alternatives")
        for term in pack.terms:
            severity = config.severity.get(term.id, term.severity)
            alternatives = ", ".join(a.text for a in term.alternatives[:4])
            if len(term.alternatives) > 4:
                alternatives += ", ..."
            table.add_row(term.id, term.lemma, severity, alternatives)
        console.print(table)
        if pack.source:
            console.print(f"source: {pack.source}", markup=False)


def find_term(active: Sequence[Pack], word: str) -> Term | None:
    """A term by id, lemma or any of its forms (case-insensitive)."""
    key = word.strip().casefold()
    terms = all_terms(active)
    for term in terms:
        if key in (term.id.casefold(), term.lemma.casefold()):
            return term
    for term in terms:
        if key in {form.casefold() for form in term.surfaces()}:
            return term
    return None


def _describe_alternative(text: str, gender: str | None, plural: str | None, note: str) -> str:
    plural = plural if plural and plural != text else None
    grammar = ", ".join(x for x in (gender or "", f"mv. {plural}" if plural else "") if x)
    line = f"  - {text}"
    if grammar:
        line += f" ({grammar})"
    if note:
        line += f": {note}"
    return line


@app.command()
def explain(
    term: Annotated[str, typer.Argument(help="A term id or word, e.g. klant.")],
    pack: PackOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Explain a term: why it is market-speak and what to write instead."""
    with errors_as_exit():
        config = load_settings(isolated)
        active = load_packs(config, pack or ())
        found = find_term(active, term)
        if found is None:
            known = ", ".join(sorted(t.id for t in all_terms(active)))
            fail(f"unknown term '{term}' (known terms: {known})")
        severity = config.severity.get(found.id, found.severity)
        head = f"{found.lemma} ({found.pos}"
        head += f", {found.gender})" if found.gender else ")"
        out = [
            f"{head} - pack {found.pack}, term {found.id}, severity {severity}",
            "",
            f"Waarom: {found.reason}",
            "",
            "Alternatieven:",
        ]
        out += [
            _describe_alternative(a.text, a.gender, a.plural, a.note) for a in found.alternatives
        ]
        preferred = config.prefer.get(found.id)
        if preferred:
            out += ["", f"Voorkeur in {config.path}: {preferred}"]
        typer.echo("\n".join(out))


# ---------------------------------------------------------------------------- fix


def parse_prefer(values: Sequence[str]) -> dict[str, str]:
    """``--prefer klant=burger`` (repeatable) as ``{"klant": "burger"}``; exit 2 when malformed."""
    out: dict[str, str] = {}
    for value in values:
        term, sep, alternative = value.partition("=")
        if not sep or not term.strip() or not alternative.strip():
            fail(f"--prefer {value!r}: write TERM=ALTERNATIVE, e.g. --prefer klant=burger")
        out[term.strip()] = alternative.strip()
    return out


_BOM_BYTES = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def encode_like(text: str, original: Text) -> bytes:
    """``text`` in the original's encoding, with its byte-order mark when it had one."""
    from taalwacht.errors import InputError

    try:
        data = text.encode(original.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(
            original.path,
            f"the fixed text has '{exc.object[exc.start : exc.end]}', which {original.encoding} "
            "cannot store; the file is unchanged (save it as UTF-8 and run fix again)",
        ) from exc
    return (_BOM_BYTES.get(original.encoding, b"") if original.bom else b"") + data


def backup_name(path: str) -> str:
    """``NAME.orig``, or ``NAME.orig.1``, ``.2`` ... when an older backup is there."""
    candidate = f"{path}.orig"
    n = 0
    while os.path.lexists(candidate):
        n += 1
        candidate = f"{path}.orig.{n}"
    return candidate


def write_atomic(path: str, data: bytes, *, backup: bool) -> str | None:
    """Replace the file at ``path`` by ``data`` in one step; return the backup's name.

    The new bytes go to a temporary file in the same folder, are flushed to disk and
    renamed over the original (``os.replace``), so a reader sees the old file or the new
    one, never half of it. The backup is a copy of the original made before the rename.
    When anything fails the original is untouched, the temporary file and a fresh backup
    are removed, and ``InputError`` says so.
    """
    from taalwacht.errors import InputError

    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    saved: str | None = None
    tmp: str | None = None
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        prefix = f".{os.path.basename(target)}."
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if backup:
            saved = backup_name(path)
            shutil.copy2(target, saved)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        for leftover in (tmp, saved):
            if leftover is not None:
                with suppress(OSError):
                    os.unlink(leftover)
        raise InputError(
            path, f"cannot write the fixed file ({exc.strerror or exc}); the original is unchanged"
        ) from exc
    return saved


@dataclass
class _FixTotals:
    files: int = 0
    changed: int = 0
    words: int = 0
    pending: int = 0  # files --diff would change
    left: list[str] = field(default_factory=list)


@app.command("fix")
def fix_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Files or folders to fix in place; '-' reads standard input and writes the "
            "fixed text to standard output.",
            show_default=False,
        ),
    ] = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff and write nothing.")
    ] = False,
    no_backup: Annotated[
        bool, typer.Option("--no-backup", help="Do not keep the original as NAME.orig.")
    ] = False,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive",
            "-i",
            help="Ask per finding: accept, pick another suggestion, skip or edit.",
        ),
    ] = False,
    prefer: Annotated[
        list[str] | None,
        typer.Option(
            "--prefer",
            metavar="TERM=ALTERNATIVE",
            help="The alternative to use for a term, e.g. klant=burger (repeatable; "
            "overrides 'prefer' in the config).",
        ),
    ] = None,
    unsafe: Annotated[
        bool,
        typer.Option(
            "--unsafe",
            help="Also apply rewrites whose agreement reaches beyond the noun phrase.",
        ),
    ] = False,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help="In folders, fix only matching files."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="GLOB", help="In folders, skip matching files."),
    ] = None,
    pack: PackOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Rewrite market-speak with correct Dutch agreement, touching nothing else.

    Exit codes: 0 nothing left; 1 findings left for a person (or, with --diff, changes to
    make); 2 an error (the file being written is left as it was).
    """
    if not paths:
        fail(
            "no PATH given: name files or folders to fix, or '-' for standard input "
            "(e.g. taalwacht fix docs/)"
        )
    if "-" in paths and len(paths) > 1:
        fail("'-' (standard input) cannot be combined with other paths")
    if interactive and "-" in paths:
        fail("--interactive needs files: standard input already holds the text")
    with errors_as_exit():
        from taalwacht.rewrite import Fixer

        config = load_settings(isolated)
        packs = load_packs(config, pack or ())
        warn_unknown_terms(config, packs)
        known = {t.id for t in all_terms(packs)}
        wanted = {k: v for k, v in config.prefer.items() if k in known}
        wanted.update(parse_prefer(prefer or ()))
        config = dataclasses.replace(config, prefer=wanted)
        fixer = Fixer(packs, wanted, unsafe)
        engine = build_engine(config, packs)
        sources = collect_sources(paths, config, include or (), exclude or ())
        code = _run_fix(
            engine, fixer, sources, diff=diff, backup=not no_backup, interactive=interactive
        )
    raise typer.Exit(code)


def _run_fix(
    engine: Engine,
    fixer: Fixer,
    sources: Sequence[Source | Skipped],
    *,
    diff: bool,
    backup: bool,
    interactive: bool,
) -> int:
    from taalwacht.batch import scan_guarded
    from taalwacht.sources import Skipped

    totals = _FixTotals()
    for source in sources:
        if isinstance(source, Skipped):
            _note(f"{source.path}: {source.note}")
            continue
        outcome = scan_guarded(engine, source)
        if isinstance(outcome, Skipped):
            _note(f"{outcome.path}: {outcome.note}")
            continue
        text, findings = outcome
        result = _ask(fixer, text, findings) if interactive else fixer.run(text.text, findings)
        _fix_one(text, result, totals, diff=diff, backup=backup, stdin=source.is_stdin)
    _fix_summary(totals, diff=diff)
    return EXIT_FINDINGS if totals.left or (diff and totals.pending) else EXIT_OK


def _fix_one(
    text: Text, result: Result, totals: _FixTotals, *, diff: bool, backup: bool, stdin: bool
) -> None:
    from taalwacht.report import FileResult

    totals.files += 1
    where = FileResult(text.path, text.text, [])
    for left in result.left:
        line, col = where.position(left.finding.start)
        hint = f" (voorstel: {left.suggestion})" if left.suggestion else ""
        totals.left.append(
            f"{text.path}:{line}:{col}: '{left.finding.text}' "
            f"[{left.finding.term}]: {left.reason}{hint}"
        )
    changed = result.text != text.text
    if diff:
        if changed:
            totals.pending += 1
            totals.words += len(result.done)
            sys.stdout.write(_unified_diff(text, result.text))
        return
    if stdin:
        sys.stdout.flush()
        sys.stdout.buffer.write(encode_like(result.text, text))
        sys.stdout.flush()
        totals.words += len(result.done)
        totals.changed += changed
        return
    if not changed:
        return
    saved = write_atomic(text.path, encode_like(result.text, text), backup=backup)
    totals.changed += 1
    totals.words += len(result.done)
    _note(
        f"{text.path}: {_plural(len(result.done), 'woord', 'woorden')} herschreven"
        + (f" (origineel: {saved})" if saved else "")
    )


def _unified_diff(text: Text, new: str) -> str:
    import difflib

    name = text.path if text.path != "-" else "stdin"
    lines = difflib.unified_diff(
        text.text.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _fix_summary(totals: _FixTotals, *, diff: bool) -> None:
    if totals.files == 0:
        _note("geen bestanden gevonden om te herschrijven")
        return
    words = _plural(totals.words, "woord", "woorden")
    if diff:
        line = f"{words} te herschrijven in {_plural(totals.pending, 'bestand', 'bestanden')}"
    else:
        line = f"{words} herschreven in {_plural(totals.changed, 'bestand', 'bestanden')}"
    if totals.left:
        line += f"; {_plural(len(totals.left), 'melding', 'meldingen')} voor een mens:"
    _note(line)
    for item in totals.left:
        sys.stderr.write(f"  {item}\n")
    sys.stderr.flush()


# ----------------------------------------------------------------- --interactive


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``: from after the previous . ! ? or
    line break to the next one, inclusive."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return left, right


def _preview(text: str, edits: Sequence[Edit], start: int, end: int) -> tuple[str, str]:
    from taalwacht.rewrite import Edit, apply

    s, e = _sentence(text, start, end)
    for edit in edits:
        s, e = min(s, edit.start), max(e, edit.end)
    local = [Edit(x.start - s, x.end - s, x.text) for x in edits]
    before = text[s:e]
    return before.strip(), apply(before, local).strip()


def _prompt(question: str) -> str:
    sys.stderr.write(question)
    sys.stderr.flush()
    try:
        return input().strip()
    except EOFError:
        return "q"


def _ask(fixer: Fixer, text: Text, findings: Sequence[Finding]) -> Result:
    """Walk the findings with the user; return what they accepted."""
    from taalwacht.finding import Decision
    from taalwacht.rewrite import Left, Result, apply, overlaps

    edits: list[Edit] = []
    left: list[Left] = []
    done: list[Finding] = []
    quit_all = False
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.decision is not Decision.USE:
            continue
        if quit_all:
            left.append(Left(finding, "niet behandeld (gestopt)"))
            continue
        options = fixer.options(text.text, finding)
        best = fixer.best(text.text, finding)
        chosen = _ask_one(text, finding, options, best)
        if isinstance(chosen, str):  # "quit"
            quit_all = True
            left.append(Left(finding, "niet behandeld (gestopt)"))
            continue
        if chosen is None:
            left.append(Left(finding, "overgeslagen"))
            continue
        if any(overlaps(a, b) for a in chosen for b in edits):
            _note("  raakt een eerdere wijziging; overgeslagen")
            left.append(Left(finding, "raakt een andere herschrijving; draai fix nog eens"))
            continue
        edits.extend(chosen)
        done.append(finding)
    edits.sort()
    return Result(apply(text.text, edits), tuple(edits), tuple(left), tuple(done))


def _ask_one(
    text: Text, finding: Finding, options: Sequence[Fix], best: Fix | Left
) -> tuple[Edit, ...] | str | None:
    """One question; returns the edits to apply, None to skip, or "quit"."""
    from taalwacht.report import FileResult
    from taalwacht.rewrite import Edit, Fix

    line, col = FileResult(text.path, text.text, []).position(finding.start)
    _note(f"{text.path}:{line}:{col}: '{finding.text}' [{finding.term}]")
    default = best.edits if isinstance(best, Fix) else None
    before, after = _preview(text.text, default or (), finding.start, finding.end)
    sys.stderr.write(f"  voor: {before}\n")
    if default is not None:
        sys.stderr.write(f"  na:   {after}\n")
    else:
        sys.stderr.write(f"  (geen veilige herschrijving: {best.reason})\n")
    for i, option in enumerate(options, 1):
        label = option.choice.text if option.choice else "?"
        level = "" if option.applicability.value == "safe" else f" [{option.applicability.value}"
        level += f": {option.reason}]" if level else ""
        sys.stderr.write(f"  {i}) {label}{level}\n")
    while True:
        answer = _prompt(
            "  [a]ccepteren, [nummer] kiezen, [s]overslaan, [e] bewerken, [q] stoppen: "
        ).lower()
        if answer in ("a", "") and default is not None:
            return tuple(default)
        if answer in ("a", "") or answer == "s":
            return None
        if answer == "q":
            return "quit"
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            option = options[int(answer) - 1]
            _, shown = _preview(text.text, option.edits, finding.start, finding.end)
            sys.stderr.write(f"  na:   {shown}\n")
            return option.edits
        if answer == "e":
            typed = _prompt(f"  nieuwe tekst voor '{finding.text}': ")
            if typed and typed != "q":
                return (Edit(finding.start, finding.end, typed),)
            return None
        sys.stderr.write("  onbekend antwoord\n")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``taalwacht`` script."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="taalwacht")
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, without a second error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
