"""taalwacht: find, explain and replace market-speak in Dutch public-sector text.

The names below are loaded on first use (PEP 562), so ``import taalwacht.cli`` does not pay
for the engine before the command line is ready to handle Ctrl-C.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from taalwacht._version import __version__

if TYPE_CHECKING:
    from taalwacht.api import check, check_document, fix, fix_document, read_document
    from taalwacht.model.edit import Edit
    from taalwacht.model.finding import Decision, Finding, Severity, Span
    from taalwacht.model.fix import Result
    from taalwacht.packs import Pack, Term, load_pack

_WHERE = {
    "check": "taalwacht.api",
    "fix": "taalwacht.api",
    "check_document": "taalwacht.api",
    "fix_document": "taalwacht.api",
    "read_document": "taalwacht.api",
    "Edit": "taalwacht.model.edit",
    "Decision": "taalwacht.model.finding",
    "Finding": "taalwacht.model.finding",
    "Severity": "taalwacht.model.finding",
    "Span": "taalwacht.model.finding",
    "Result": "taalwacht.model.fix",
    "Pack": "taalwacht.packs",
    "Term": "taalwacht.packs",
    "load_pack": "taalwacht.packs",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'taalwacht' has no attribute {name!r}")


__all__ = [
    "Decision",
    "Edit",
    "Finding",
    "Pack",
    "Result",
    "Severity",
    "Span",
    "Term",
    "__version__",
    "check",
    "check_document",
    "fix",
    "fix_document",
    "load_pack",
    "read_document",
]
