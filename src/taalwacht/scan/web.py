"""Scanning websites: pages from a sitemap or a list of URLs, fetched politely, into the store.

Polite means: only the hosts the user gave (a sitemap's own host, or the hosts of the list),
what each host's robots.txt allows for taalwacht's user agent, at most ``rate`` requests a
second per host (or the host's Crawl-delay when it asks for more patience), a clear user
agent, time-outs and a size limit. A page that fails is recorded as such and never stops the
scan. Each page is checked like a file of its kind (HTML, PDF, Word, OpenDocument, text) and
stored under its URL, with its department from the config's path rules and its date from the
page itself, else the server's Last-Modified, else the day it was fetched.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml import etree

from taalwacht import messages
from taalwacht._version import __version__
from taalwacht.errors import InputError
from taalwacht.formats.dates import mail_day
from taalwacht.formats.package import parse_xml
from taalwacht.model.results import FileResult
from taalwacht.scan.runner import (
    Departments,
    Summary,
    close_scan,
    engine_fingerprint,
    packs_fingerprint,
)
from taalwacht.scan.store import Checked, Store
from taalwacht.service import Service, Skipped, Source

USER_AGENT = f"taalwacht/{__version__} (taalscan van overheidsteksten; respecteert robots.txt)"
TIMEOUT = 20.0
MAX_SITEMAPS = 50  # a sitemap index pointing at more is cut off here
EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class FetchError(Exception):
    """A URL that gave no page: its Dutch reason is the message."""


@dataclass(frozen=True)
class Page:
    url: str
    data: bytes
    content_type: str
    modified: str | None  # YYYY-MM-DD from Last-Modified


class Fetcher:
    """HTTP GET with the user agent, a time-out, a size limit and a per-host pause."""

    def __init__(self, rate: float, max_bytes: int, sleep: Callable[[float], None] = time.sleep):
        self.pause = 1.0 / rate if rate > 0 else 0.0
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.last: dict[str, float] = {}  # host -> when the last request to it started
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.requests: list[str] = []  # every URL requested, robots.txt included, in order

    def _wait(self, host: str, delay: float) -> None:
        last = self.last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self.last[host] = time.monotonic()

    def get(self, url: str) -> Page:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        robots = self._robots(parts.scheme, host)
        if not robots.can_fetch(USER_AGENT, url):
            raise FetchError(messages.text("web.robots"))
        delay = max(self.pause, float(robots.crawl_delay(USER_AGENT) or 0))
        return self._get(url, host, delay)

    def _get(self, url: str, host: str, delay: float) -> Page:
        self._wait(host, delay)
        self.requests.append(url)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                data = response.read(self.max_bytes + 1)
                kind = response.headers.get_content_type()
                modified = mail_day(response.headers.get("Last-Modified"))
        except urllib.error.HTTPError as err:
            raise FetchError(messages.text("web.status", status=err.code)) from err
        except (urllib.error.URLError, OSError, ValueError) as err:
            reason = getattr(err, "reason", err)
            raise FetchError(messages.text("web.unreachable", problem=reason)) from err
        if len(data) > self.max_bytes:
            raise FetchError(messages.text("web.too-large", mb=self.max_bytes // 1_000_000))
        return Page(url, data, kind, modified)

    def _robots(self, scheme: str, host: str) -> urllib.robotparser.RobotFileParser:
        robots = self.robots.get(host)
        if robots is None:
            robots = urllib.robotparser.RobotFileParser()
            url = f"{scheme}://{host}/robots.txt"
            try:
                page = self._get(url, host, self.pause)
                robots.parse(page.data.decode("utf-8", errors="replace").splitlines())
            except FetchError:
                robots.parse([])  # no robots.txt: everything is allowed
            self.robots[host] = robots
        return robots


def sitemap_urls(fetcher: Fetcher, sitemap: str) -> list[str]:
    """The page URLs of a sitemap (following a sitemap index), on the sitemap's own host."""
    host = urlsplit(sitemap).netloc.lower()
    todo, pages = [sitemap], []
    seen: set[str] = set()
    while todo and len(seen) < MAX_SITEMAPS:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        page = fetcher.get(url)
        try:
            root = parse_xml(page.data, url, "sitemap")
        except InputError as err:
            raise FetchError(messages.text("web.bad-sitemap", url=url, problem=err)) from err
        for loc in root.iter(f"{SITEMAP}loc", "loc"):
            found = urljoin(url, (loc.text or "").strip())
            if urlsplit(found).netloc.lower() != host:
                continue  # only the host the user gave
            parent = loc.getparent()
            if parent is not None and etree.QName(parent).localname == "sitemap":
                todo.append(found)
            else:
                pages.append(found)
    return list(dict.fromkeys(pages))


def scan_web(
    service: Service,
    store: Store,
    urls: Sequence[str],
    root: str,
    *,
    rate: float = 1.0,
    fetcher: Fetcher | None = None,
    advance: Callable[[int, int], None] = lambda size, found: None,
) -> Summary:
    """Fetch and check ``urls`` (only their own hosts) into ``store`` under ``root`` (the
    sitemap or list they came from)."""
    engine, packs = engine_fingerprint(), packs_fingerprint(service)
    fetcher = fetcher or Fetcher(rate, service.config.max_document_mb * 1_000_000)
    departments = Departments(service.config)
    scan_id, rechecked_all = store.begin_scan(engine, packs, [root])
    summary = Summary(scan_id, rechecked_all)
    known = store.known()
    seen: set[str] = set()
    pending: list[Checked] = []
    reused: list[int] = []
    with tempfile.TemporaryDirectory(prefix="taalwacht-web-") as folder:
        for url in dict.fromkeys(urls):
            seen.add(url)
            department = departments.of(urlsplit(url).path.lstrip("/") or "index")
            today = date.today().isoformat()
            try:
                page = fetcher.get(url)
            except FetchError as err:
                pending.append(_failed(url, root, department, today, f"{url}: {err}"))
                summary.failed += 1
                summary.errors.append(f"{url}: {err}")
                advance(0, 0)
                continue
            digest = hashlib.sha256(page.data).hexdigest()
            old = known.get(url)
            if (
                old is not None
                and not rechecked_all
                and old.status == "ok"
                and (old.content_hash, old.engine, old.packs) == (digest, engine, packs)
            ):
                reused.append(old.id)
                summary.reused += 1
                advance(len(page.data), 0)
                continue
            checked = _check(service, page, digest, folder, root, department, today)
            if checked.error:
                summary.failed += 1
                summary.errors.append(checked.error)
            else:
                summary.checked += 1
                summary.findings += len(checked.findings)
                summary.words += checked.words
                summary.bytes += checked.size
            pending.append(checked)
            advance(len(page.data), len(checked.findings))
            if len(pending) >= 50:
                store.record(scan_id, engine, packs, pending, known)
                pending = []
        store.record(scan_id, engine, packs, pending, known)
    store.touch(scan_id, reused, {})
    close_scan(store, summary, known, {root}, seen)
    return summary


def _check(
    service: Service, page: Page, digest: str, folder: str, root: str, department: str, today: str
) -> Checked:
    """Check a fetched page as a file of its kind, stored under its URL."""
    extension = EXTENSIONS.get(
        page.content_type, os.path.splitext(urlsplit(page.url).path)[1] or ".html"
    )
    path = os.path.join(folder, digest[:16] + extension)
    with open(path, "wb") as f:
        f.write(page.data)
    try:
        document = service.read(Source(path, explicit=True))
        if isinstance(document, Skipped):
            raise InputError(page.url, document.note)
        findings = [f for f in service.check(document) if f.reported]
    except InputError as err:
        message = str(err).replace(path, page.url)
        return _failed(page.url, root, department, today, message)
    finally:
        os.unlink(path)
    quotes: tuple[str, ...] = ()
    if service.config.store_snippets:
        full = FileResult(document.path, document.text, findings)
        quotes = tuple(full.quote(f) for f in findings)
    day, day_from = document.date, "metadata"
    if day is None:
        day, day_from = (page.modified, "last-modified") if page.modified else (today, "fetched")
    return Checked(
        page.url,
        root,
        document.kind,
        len(page.data),
        None,
        len(document.text.split()),
        digest,
        department,
        day,
        day_from,
        tuple((f.term, f.rule, f.severity, f.start, f.end) for f in findings),
        snippets=quotes,
    )


def _failed(url: str, root: str, department: str, today: str, message: str) -> Checked:
    return Checked(
        url, root, "html", 0, None, 0, "", department, today, "fetched", (), error=message
    )
