"""taalwacht: find, explain and replace market-speak in Dutch public-sector text."""

from taalwacht._version import __version__
from taalwacht.api import check, fix
from taalwacht.model.edit import Edit
from taalwacht.model.finding import Decision, Finding, Severity, Span
from taalwacht.model.fix import Result
from taalwacht.packs import Pack, Term, load_pack

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
    "fix",
    "load_pack",
]
