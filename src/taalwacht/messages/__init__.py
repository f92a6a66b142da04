"""The one catalogue of what a user reads: rule wordings, notes, errors and help, in Dutch.

Entries live in ``nl.toml`` (a data file, so wording can change without touching code),
keyed by a stable id: ``rules.mention.quoted``, ``errors.file-not-found``. Values are
``str.format`` templates; ``text`` fills them. A missing key is a bug, so it raises.
"""

from __future__ import annotations

import errno
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def catalogue() -> dict[str, str]:
    """Every entry, flattened to dotted keys (``rules.use.person``)."""
    raw = (resources.files("taalwacht.messages") / "nl.toml").read_text("utf-8")
    flat: dict[str, str] = {}

    def walk(prefix: str, table: dict[str, Any]) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                walk(f"{prefix}{key}.", value)
            else:
                flat[f"{prefix}{key}"] = str(value)

    walk("", tomllib.loads(raw))
    return flat


def text(key: str, /, **params: object) -> str:
    """The Dutch text for ``key``, with ``params`` filled in."""
    template = catalogue()[key]
    return template.format(**params) if params else template


def os_reason(err: OSError) -> str:
    """Why the system refused, in Dutch where the catalogue knows the error number
    (``[os]`` in ``nl.toml``: EACCES, ENOSPC ...), else the system's own words."""
    name = errno.errorcode.get(err.errno or 0, "")
    return catalogue().get(f"os.{name}") or err.strerror or str(err)


def rule_ids() -> list[str]:
    """Every rule id the engine can give a decision (``mention.quoted``, ...)."""
    return sorted(k.removeprefix("rules.") for k in catalogue() if k.startswith("rules."))
