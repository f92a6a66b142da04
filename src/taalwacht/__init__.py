"""taalwacht: find, explain and replace market-speak in Dutch public-sector text."""

from taalwacht.api import check
from taalwacht.finding import Decision, Finding, Severity, Span
from taalwacht.pack import Pack, Term, load_pack
from taalwacht.rewrite import Edit, Result, fix

__all__ = [
    "Decision",
    "Edit",
    "Finding",
    "Pack",
    "Result",
    "Severity",
    "Span",
    "Term",
    "check",
    "fix",
    "load_pack",
]
__version__ = "0.1.0"
