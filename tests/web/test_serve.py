"""``taalwacht serve`` as a user starts it: the pages under a reverse proxy's path, and one
Dutch line when the port is taken."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

from server import served

from conftest import assert_one_line_error, cli


def test_behind_a_reverse_proxy_the_pages_link_under_its_path(tmp_path: Path) -> None:
    with served(tmp_path, "--root-path=/taalwacht") as base:
        assert base.endswith("/taalwacht")
        with urllib.request.urlopen(base + "/") as answer:
            page = answer.read().decode("utf-8")
            cookie = answer.headers["set-cookie"]
        assert 'href="/taalwacht/static/taalwacht.css"' in page
        assert 'action="/taalwacht/controleren"' in page
        assert "Path=/taalwacht" in cookie and "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        try:
            urllib.request.urlopen(base + "/api/bestaat-niet")
            raise AssertionError("an unknown API path answered")
        except urllib.error.HTTPError as err:  # the API's errors are JSON under the path too
            assert err.code == 404
            assert json.loads(err.read()) == {"detail": "Deze pagina bestaat niet."}


def test_a_port_in_use_is_one_dutch_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--port", str(port), cwd=tmp_path, timeout=60)
    assert_one_line_error(result, f"poort {port}", "al in gebruik")
