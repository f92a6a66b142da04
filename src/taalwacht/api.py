"""The Python API: check and fix a text with the bundled pack or your own, in one call.

Both go through the same ``Service`` as the command line, so a finding and a fix are the
same here as in the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from taalwacht.config import Config, discover
from taalwacht.errors import InputError
from taalwacht.model.document import Document, DocumentKind
from taalwacht.model.finding import Finding, Severity
from taalwacht.model.fix import Result
from taalwacht.packs import Pack, load_bundled
from taalwacht.service import Service, Settings, Skipped, Source, load_packs, parse


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


def _document(service: Service, path: str) -> Document:
    document = service.read(Source(path, explicit=True))
    if isinstance(document, Skipped):  # only a walk skips; a named file raises instead
        raise InputError(path, document.note)
    return document


def _file_service(
    path: str, packs: Sequence[Pack] | None, prefer: Mapping[str, str] | None = None
) -> Service:
    """The service ``taalwacht`` would use in the file's own folder: the organisation's
    config found upward from there (its packs, severities, backup folder), or the
    defaults with backups beside the file."""
    config = discover(Path(path).resolve().parent)
    chosen = tuple(packs) if packs is not None else tuple(load_packs(config))
    return Service(Settings(config, chosen, dict(prefer or {})))


def check_document(
    path: str, *, packs: Sequence[Pack] | None = None, explain: bool = False
) -> list[Finding]:
    """Findings in a file of any format taalwacht reads (text, Markdown, HTML, Word,
    OpenDocument, PDF, e-mail), chosen by its content, with the config found upward from
    the file. In a Word, OpenDocument, PDF or e-mail document the offsets count in its
    extracted text (``Document.places`` says where each paragraph is); ``read_document``
    gives that text."""
    service = _file_service(path, packs)
    findings = service.check(_document(service, path))
    return findings if explain else [f for f in findings if f.reported]


def read_document(path: str) -> Document:
    """A file as taalwacht reads it: its text, regions and (for documents) places."""
    return _document(default_service(), path)


def fix_document(
    path: str,
    *,
    packs: Sequence[Pack] | None = None,
    prefer: Mapping[str, str] | None = None,
    track_changes: bool = False,
    backup: bool = True,
) -> Result:
    """Fix a file in place as ``taalwacht fix`` does: a Word or OpenDocument file keeps
    its layout (with ``track_changes`` the changes are Word tracked changes), a text file
    its encoding; the original is kept in ``.taalwacht/backups`` unless ``backup`` is
    false. Returns what was done and what is left for a person."""
    service = _file_service(path, packs, prefer)
    document = _document(service, path)
    service.writable(document)
    result = service.fix(document)
    if result.edits:
        service.write(document, result, backup=backup, track=track_changes)
    return result
