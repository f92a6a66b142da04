"""The Python API: check a text with the bundled pack or your own, in one call."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from taalwacht.engine import Engine
from taalwacht.finding import Finding, Severity
from taalwacht.pack import Pack, load_bundled


@cache
def default_engine() -> Engine:
    """An engine for the bundled ``markttaal`` pack, built once per process."""
    return Engine([load_bundled("markttaal")])


def check(
    text: str,
    *,
    packs: Sequence[Pack] | None = None,
    allow: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
    prefer: Mapping[str, str] | None = None,
    markup: str = "text",
    explain: bool = False,
) -> list[Finding]:
    """Findings in ``text``: reported ones only, or every occurrence with ``explain``.

    ``packs`` defaults to the bundled ``markttaal`` pack; ``markup`` is "text",
    "markdown" or "html" (it decides what counts as italics, code and comments);
    ``prefer`` maps a term to the alternative the organisation puts first.
    """
    if packs is None and not allow and not severity and not prefer:
        engine = default_engine()
    else:
        chosen = packs if packs is not None else [load_bundled("markttaal")]
        engine = Engine(chosen, allow=allow, severity=severity, prefer=prefer)
    findings = engine.scan(text, markup=markup)
    return findings if explain else [f for f in findings if f.reported]
