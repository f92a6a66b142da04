"""The code is clean: ruff on src, tests and bench, and mypy (strict, on src/taalwacht)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_ruff() -> None:
    proc = run("ruff", "check", "src", "tests", "bench")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_mypy() -> None:
    proc = run("mypy")  # files and strictness come from [tool.mypy] in pyproject.toml
    assert proc.returncode == 0, proc.stdout + proc.stderr
