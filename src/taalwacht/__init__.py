"""taalwacht: find, explain and replace market-speak in Dutch public-sector text."""

from taalwacht.api import check
from taalwacht.finding import Decision, Finding, Severity, Span
from taalwacht.pack import Pack, Term, load_pack

__all__ = ["Decision", "Finding", "Pack", "Severity", "Span", "Term", "check", "load_pack"]
__version__ = "0.1.0"
