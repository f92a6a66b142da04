"""Every data file the package reads is shipped: a plain `pip install .` must work."""

from __future__ import annotations

import fnmatch
import tomllib

from conftest import REPO

SRC = REPO / "src" / "taalwacht"
PYPROJECT = REPO / "pyproject.toml"


def _glob_match(path: str, pattern: str) -> bool:
    """Setuptools' glob: a ``*`` stays within one folder (unlike fnmatch)."""
    parts, pattern_parts = path.split("/"), pattern.split("/")
    return len(parts) == len(pattern_parts) and all(
        fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pattern_parts, strict=True)
    )


def test_every_data_file_is_in_package_data() -> None:
    patterns = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["setuptools"]["package-data"][
        "taalwacht"
    ]
    data = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert data, "no data files found"
    missing = [d for d in data if not any(_glob_match(d, pat) for pat in patterns)]
    assert not missing, f"not shipped by a plain pip install: {missing}"
