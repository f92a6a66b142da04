"""The Python API: check and fix a text with the bundled pack or your own, in one call.

Both go through the same ``Service`` as the command line, so a finding and a fix are the
same here as in the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from taalwacht.config import Config
from taalwacht.model.document import DocumentKind
from taalwacht.model.finding import Finding, Severity
from taalwacht.model.fix import Result
from taalwacht.packs import Pack, load_bundled
from taalwacht.service import Service, Settings, parse


@cache
def default_service() -> Service:
    """A service for the bundled ``markttaal`` pack without a config, built once."""
    return Service(Settings(Config(), (load_bundled("markttaal"),)))


def _service(
    packs: Sequence[Pack] | None,
    allow: Sequence[str],
    severity: Mapping[str, Severity] | None,
    prefer: Mapping[str, str] | None,
    unsafe: bool = False,
) -> Service:
    if packs is None and not allow and not severity and not prefer and not unsafe:
        return default_service()
    chosen = tuple(packs) if packs is not None else (load_bundled("markttaal"),)
    config = Config(allow=tuple(allow), severity=dict(severity or {}))
    return Service(Settings(config, chosen, dict(prefer or {}), unsafe))


def check(
    text: str,
    *,
    packs: Sequence[Pack] | None = None,
    allow: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
    prefer: Mapping[str, str] | None = None,
    markup: DocumentKind = "text",
    explain: bool = False,
) -> list[Finding]:
    """Findings in ``text``: reported ones only, or every occurrence with ``explain``.

    ``packs`` defaults to the bundled ``markttaal`` pack; ``markup`` is "text",
    "markdown" or "html" (it decides what counts as italics, code and comments);
    ``prefer`` maps a term to the alternative the organisation puts first.
    """
    service = _service(packs, allow, severity, prefer)
    findings = service.check(parse(text, markup))
    return findings if explain else [f for f in findings if f.reported]


def fix(
    text: str,
    *,
    packs: Sequence[Pack] | None = None,
    prefer: Mapping[str, str] | None = None,
    allow: Sequence[str] = (),
    markup: DocumentKind = "text",
    unsafe: bool = False,
) -> Result:
    """Check ``text`` and rewrite what can be rewritten safely.

    ``prefer`` maps a term id to the alternative an organisation wants (``{"klant":
    "burger"}``); an unknown term or alternative raises ``PreferError``. ``unsafe`` also
    applies fixes whose agreement reaches beyond the noun phrase. Findings that cannot be
    rewritten are in ``Result.left`` with a reason.
    """
    service = _service(packs, allow, None, prefer, unsafe)
    return service.fix(parse(text, markup))
