"""``taalwacht serve`` as a user starts it, on a free port, and the Chromium that tests it.

Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/run``), driven by
Playwright; axe-core's ``axe.min.js`` comes from npm (``.ci/run`` installs it in
``/tmp/taalwacht-axe``). Where either is missing the browser tests are skipped, except in
CI, where a missing one fails them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import SRC

CHROMIUM = "/usr/bin/chromium"
AXE = Path(os.environ.get("TAALWACHT_AXE", "/tmp/taalwacht-axe/node_modules/axe-core/axe.min.js"))
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def required(path: str | Path, what: str) -> None:
    """Skip without ``path`` on a developer's machine; fail in CI, which installs it."""
    if Path(path).exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing at {path}: .ci/run should have installed it")
    pytest.skip(f"{what} is not installed at {path}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def served(cwd: Path, *args: str) -> Iterator[str]:
    """The base URL of ``taalwacht serve --isolated ARGS`` running in ``cwd``."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "taalwacht", "serve", "--isolated", "--port", str(port)]
    process = subprocess.Popen(
        [*command, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    root = next((a.split("=", 1)[1] for a in args if a.startswith("--root-path=")), "")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + root + "/api/packs", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    _out, err = process.communicate(timeout=5)
                    raise AssertionError(f"taalwacht serve did not start: {err}") from None
                time.sleep(0.2)
        yield base + root
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=10)
        assert "Traceback" not in err, err
