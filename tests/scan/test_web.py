"""Scanning a website from its sitemap, against a real HTTP server on 127.0.0.1: only the
host given, what robots.txt allows, at the rate asked, with a clear user agent; a failing
page is recorded and the scan goes on; an unchanged page is not checked again."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import cli, write
from taalwacht.scan.store import Store, database_url
from taalwacht.scan.web import USER_AGENT, Fetcher, scan_web, sitemap_urls
from taalwacht.service import Service

PAGE = (
    "<html><head><meta name='dcterms.modified' content='2025-02-03'><title>x</title></head>"
    "<body><p>Beste klant, uw klantmanager helpt u.</p></body></html>"
)


class Site:
    """A small website: pages by path, a log of every request with its time and agent."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
        self.log: list[tuple[float, str, str]] = []

    def add(
        self,
        path: str,
        body: str | bytes,
        kind: str = "text/html",
        status: int = 200,
        **headers: str,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (status, kind, data, headers)


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            status, kind, data, headers = served.pages.get(
                self.path, (404, "text/plain", b"nee", {})
            )
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    served.add("/robots.txt", "User-agent: *\nDisallow: /intern/\n", "text/plain")
    pages = ["/zorg/wmo.html", "/werk/bijstand.html", "/intern/geheim.html", "/weg.html"]
    served.add(
        "/sitemap.xml",
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        + "".join(f"<url><loc>{base}{p}</loc></url>" for p in pages)
        + "<url><loc>http://example.org/ander.html</loc></url></urlset>",
        "application/xml",
    )
    served.add("/zorg/wmo.html", PAGE)
    served.add(
        "/werk/bijstand.html",
        "<p>De klant belt.</p>",
        Last_Modified="Mon, 06 Jan 2025 10:00:00 GMT",
    )
    served.add("/intern/geheim.html", PAGE)
    yield served, base
    server.shutdown()


def _rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as raw:
        return raw.execute(query).fetchall()


def test_a_sitemap_is_scanned_politely(tmp_path: Path, site: tuple[Site, str]) -> None:
    served, base = site
    fetcher = Fetcher(rate=5.0, max_bytes=1_000_000)
    pages = sitemap_urls(fetcher, f"{base}/sitemap.xml")
    assert "http://example.org/ander.html" not in pages  # only the sitemap's own host
    store = Store.open(database_url(str(tmp_path / "t.db")))
    service = Service.load(isolated=True)[0]
    done = scan_web(service, store, pages, f"{base}/sitemap.xml", fetcher=fetcher)
    assert (done.checked, done.failed) == (2, 2)  # robots.txt forbids one, one is a 404
    asked = [path for _, path, _ in served.log]
    assert "/intern/geheim.html" not in asked and asked.count("/robots.txt") == 1
    assert all(agent == USER_AGENT for _, _, agent in served.log)
    times = [t for t, _, _ in served.log]
    assert all(b - a >= 0.19 for a, b in itertools.pairwise(times))  # at most 5 a second
    rows = {
        str(url).removeprefix(base): (status, day, day_from)
        for url, status, day, day_from in _rows(
            tmp_path / "t.db", "select source, status, day, day_from from documents"
        )
    }
    assert rows["/zorg/wmo.html"] == ("ok", "2025-02-03", "metadata")
    assert rows["/werk/bijstand.html"] == ("ok", "2025-01-06", "last-modified")
    assert rows["/intern/geheim.html"][0] == "error" and rows["/weg.html"][0] == "error"
    errors = dict(
        _rows(tmp_path / "t.db", "select source, error from documents where error is not null")
    )
    assert "robots.txt" in str(errors[f"{base}/intern/geheim.html"])
    assert "HTTP 404" in str(errors[f"{base}/weg.html"])
    again = scan_web(service, store, pages, f"{base}/sitemap.xml", fetcher=Fetcher(5.0, 1_000_000))
    assert (again.checked, again.reused) == (0, 2)


def test_scan_from_the_command_line_with_a_url_list(tmp_path: Path, site: tuple[Site, str]) -> None:
    _, base = site
    write(
        tmp_path / "adressen.txt", f"{base}/zorg/wmo.html\n# opmerking\n{base}/werk/bijstand.html\n"
    )
    done = cli("scan", "--urls", "adressen.txt", "--rate", "20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 documenten gecontroleerd" in done.stderr
    assert _rows(tmp_path / "taalwacht.db", "select count(*) from findings")[0][0] == 3


def test_a_sitemap_that_cannot_be_fetched_is_one_dutch_line(tmp_path: Path) -> None:
    done = cli("scan", "--sitemap", "http://127.0.0.1:9/sitemap.xml", cwd=tmp_path)
    assert done.returncode == 2
    assert "sitemap niet op te halen" in done.stderr and len(done.stderr.strip().splitlines()) == 1
