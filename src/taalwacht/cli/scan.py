"""``taalwacht scan`` and ``taalwacht report``: an organisation's language over time.

``scan`` walks folders into the store (SQLite ``taalwacht.db`` by default), checking only what
changed; ``report`` writes the figures as one HTML file, or CSV or JSON.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from taalwacht.cli.common import (
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
    configured_store,
    errors_as_exit,
    fail,
    load_service,
    note,
    plural,
)
from taalwacht.cli.locale import OPTIONS_METAVAR, DutchCommand
from taalwacht.cli.progress import Progress, progress_wanted
from taalwacht.config import discover
from taalwacht.messages import text
from taalwacht.service import Service

if TYPE_CHECKING:
    from taalwacht.scan.runner import Summary
    from taalwacht.scan.store import Store


def _dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@app.command(help=text("help.scan"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def scan(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PAD", help=text("help.scan-paths"), show_default=False),
    ] = None,
    db: DbOption = None,
    hash_paths: Annotated[bool, typer.Option("--hash-paths", help=text("help.hash-paths"))] = False,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    pack: PackOption = None,
    isolated: IsolatedOption = False,
    no_ignore: NoIgnoreOption = False,
    no_progress: NoProgressOption = False,
    jobs: JobsOption = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="ADRES", help=text("help.dask"), show_default=False),
    ] = None,
    sitemap: Annotated[
        list[str] | None,
        typer.Option("--sitemap", metavar="URL", help=text("help.sitemap"), show_default=False),
    ] = None,
    urls: Annotated[
        str | None,
        typer.Option("--urls", metavar="BESTAND", help=text("help.urls"), show_default=False),
    ] = None,
    rate: Annotated[float, typer.Option("--rate", min=0.01, help=text("help.rate"))] = 1.0,
) -> None:
    """Scan collections into the store."""
    # SQLAlchemy and Alembic load only for the commands that use the store: check stays quick
    from taalwacht.scan.runner import scan as run_scan
    from taalwacht.scan.store import Store, database_url

    if not paths and not sitemap and not urls:
        fail(text("errors.no-path", command="scan"))
    paths = paths or []
    if "-" in paths:
        fail(text("scan.no-stdin"))
    with errors_as_exit(), _ctrl_c_kept() as interrupted:
        config = discover(None, isolated=isolated)
        store = Store.open(database_url(db or config.store))
        service = load_service(isolated=isolated, pack=pack, store=store, config=config)
        if store.journal == "delete":
            note(text("store.network-journal", db=store.shown))
        bar: Progress | None = None

        def started(files: int, size: int) -> None:
            nonlocal bar
            bar = Progress(files, size, enabled=progress_wanted(no_progress)).__enter__()

        def advance(size: int, found: int) -> None:
            if interrupted.is_set():  # a Ctrl-C that Python swallowed (see _ctrl_c_kept)
                raise KeyboardInterrupt
            if bar is not None:
                bar.advance(size, found)

        for summary in _web(service, store, sitemap or [], urls, rate):
            _summary(summary, store.shown)
        if not paths:
            raise typer.Exit(EXIT_OK)
        try:
            summary = run_scan(
                service,
                store,
                paths,
                jobs=jobs,
                hash_paths=hash_paths,
                include=include or (),
                exclude=exclude or (),
                gitignore=not no_ignore,
                dask=dask,
                started=started,
                advance=advance,
            )
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        _summary(summary, store.shown)
    raise typer.Exit(EXIT_OK)


@contextmanager
def _ctrl_c_kept() -> Iterator[threading.Event]:
    """Ctrl-C stops a scan even when it lands in a garbage-collection callback, where Python
    reports the KeyboardInterrupt as "ignored" and goes on: the signal is remembered, the
    swallowed exception is not printed, and the next document done raises it again."""
    interrupted = threading.Event()
    previous_hook = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return  # remembered by the handler below
        previous_hook(unraisable)

    def handler(signum: int, frame: FrameType | None) -> None:
        interrupted.set()
        raise KeyboardInterrupt

    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.default_int_handler:
        yield interrupted  # Ctrl-C is not ours to handle here (ignored, or someone else's)
        return
    sys.unraisablehook = hook
    signal.signal(signal.SIGINT, handler)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = previous_hook


def _web(
    service: Service, store: Store, sitemaps: list[str], urls: str | None, rate: float
) -> list[Summary]:
    """Scan each sitemap, and the URL list, as a collection of its own."""
    if not sitemaps and not urls:
        return []  # the web's modules (http, xml) load only for a web scan
    from taalwacht.scan.web import Fetcher, FetchError, scan_web, sitemap_urls

    done = []
    fetcher = Fetcher(rate, service.config.max_document_mb * 1_000_000)
    for sitemap in sitemaps:
        try:
            pages = sitemap_urls(fetcher, sitemap)
        except FetchError as err:
            fail(text("web.sitemap-failed", url=sitemap, problem=err))
        done.append(scan_web(service, store, pages, sitemap, rate=rate, fetcher=fetcher))
    if urls:
        with open(urls, encoding="utf-8-sig") as f:
            listed = [u.strip() for u in f if u.strip().startswith(("http://", "https://"))]
        if not listed:
            fail(text("web.no-urls", path=urls))
        root = "urls:" + os.path.abspath(urls)
        done.append(scan_web(service, store, listed, root, rate=rate, fetcher=fetcher))
    return done


def _summary(s: Summary, db: str) -> None:
    for message in s.errors[:20]:
        note(message)
    if len(s.errors) > 20:
        note(text("scan.more-errors", n=_dutch(len(s.errors) - 20)))
    if s.rechecked_all:
        note(text("scan.rechecked-all"))
    rate = f"{1000 * s.findings / s.words:.2f}".replace(".", ",") if s.words else "0"
    found = ""
    if s.checked:
        findings = plural(s.findings, "melding", "meldingen").replace(
            str(s.findings), _dutch(s.findings), 1
        )
        found = text("scan.found", findings=findings, words=_dutch(s.words), rate=rate)
    checked = plural(s.checked, "document", "documenten").replace(
        str(s.checked), _dutch(s.checked), 1
    )
    note(
        text(
            "scan.summary",
            scan=s.scan_id,
            checked=checked,
            reused=_dutch(s.reused),
            failed=_dutch(s.failed),
            removed=_dutch(s.removed),
            skipped=_dutch(s.skipped),
            found=found,
            db=db,
        )
    )


class ReportFormat(StrEnum):
    html = "html"
    csv = "csv"
    json = "json"


@app.command(help=text("help.report"), cls=DutchCommand, options_metavar=OPTIONS_METAVAR)
def report(
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="BESTAND", help=text("help.report-output"), show_default=False
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help=text("help.report-format"))
    ] = ReportFormat.html,
    db: DbOption = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="JJJJ-MM-DD", help=text("help.since"), show_default=False),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline", metavar="JJJJ-MM-DD", help=text("help.baseline"), show_default=False
        ),
    ] = None,
) -> None:
    """Write the organisation report."""
    from taalwacht.scan.figures import figures
    from taalwacht.scan.output import default_path, save
    from taalwacht.scan.store import Store, database_url

    for name, value in (("--since", since), ("--baseline", baseline)):
        if value is not None and not _is_day(value):
            fail(text("scan.bad-day", option=name, value=value))
    url = database_url(db or configured_store())
    if url.startswith("sqlite:///") and not os.path.exists(url.removeprefix("sqlite:///")):
        fail(text("scan.no-store", db=url.removeprefix("sqlite:///")))
    fmt = output_format.value
    path = output or default_path(fmt)
    with errors_as_exit():
        store = Store.open(url)
        found = figures(store, since=since, baseline=baseline)
        save(found, fmt, path)
    if path != "-":
        note(text("scan.report-written", path=path, documents=_dutch(found.total.documents)))
    raise typer.Exit(EXIT_OK)


def _is_day(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
