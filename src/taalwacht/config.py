"""Organisation settings: one TOML file, found by walking upward from the working directory.

In each directory, from the working directory up to the root, the first of these wins:

1. ``taalwacht.toml`` (settings at the top level),
2. ``.taalwacht.toml`` (the same, hidden),
3. ``pyproject.toml`` that has a ``[tool.taalwacht]`` table.

This is ruff's ``find_settings_toml`` applied to our names. Keys use kebab-case
(``fail-on``); the snake_case spelling (``fail_on``) is accepted too. Example::

    packs = ["markttaal"]                 # bundled names or pack files; replaces the default
    extra-packs = ["taal/ons-pakket.yml"] # pack files added on top (relative to this file)
    fail-on = "warning"                   # info | warning | error
    ignore = ["archief/**", "*.min.html"] # path globs skipped when walking folders
    allow = ["Klant Contact Centrum"]     # phrases never reported

    [severity]                            # per term id
    concern = "info"

    backups = "."                         # fix keeps its backups in ./.taalwacht/backups
    max-document-mb = 200                 # larger files are refused with a clear message
    store = "taalwacht.db"                # the organisation's store (or postgresql://...):
                                          # scan and serve use it, check and fix its words
    sign-in-required = false              # web: checking and fixing only when signed in

    [prefer]                              # per term id: the alternative `fix` prefers
    klant = "inwoner"

A file with an unknown key, a wrong type or invalid TOML raises ``ConfigError`` naming the
file and the key, so a typo never silently changes what is checked.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taalwacht import messages
from taalwacht.errors import ConfigError
from taalwacht.model.finding import SEVERITIES, SEVERITY_NAMES, Severity, severity_of

CONFIG_NAMES = ("taalwacht.toml", ".taalwacht.toml")
PYPROJECT = "pyproject.toml"
# How ``taalwacht serve`` hands its options (JSON) to the web application's server
# processes, which build their service from them: one process or several, the same service.
SERVE_SETTINGS = "TAALWACHT_SERVE"
DEFAULT_PACKS: tuple[str, ...] = ("markttaal",)
DEFAULT_DB = "taalwacht.db"  # the store scan, report and serve use when none is named


@dataclass(frozen=True)
class Oidc:
    """Signing in through the organisation's OpenID Connect provider (``[oidc]``). The
    client secret is read from the environment (``TAALWACHT_OIDC_SECRET``), never from
    the file, which is often kept in version control."""

    issuer: str  # https://login.gemeente.nl/realms/medewerkers
    client_id: str
    role: str = "reader"  # the role of an account made at its first sign-in
    name_claim: str = "preferred_username"  # which claim names the account


@dataclass(frozen=True)
class Config:
    """Settings from one config file, or the defaults when there is none.

    ``root`` is the directory the file lives in: pack paths and ``ignore`` globs are relative
    to it. Without a file (``--isolated`` or none found) it is the working directory and
    ``path`` is ``None``.
    """

    packs: tuple[str, ...] = DEFAULT_PACKS  # bundled names or pack files, in order
    extra_packs: tuple[str, ...] = ()  # pack files added after ``packs``
    severity: dict[str, Severity] = field(default_factory=dict)  # term id -> severity
    ignore: tuple[str, ...] = ()  # path globs skipped when walking folders
    allow: tuple[str, ...] = ()  # phrases that are never reported
    fail_on: Severity = "warning"  # lowest severity that makes `check` exit 1
    prefer: dict[str, str] = field(default_factory=dict)  # term id -> alternative text
    backups: Path | None = None  # folder holding .taalwacht/backups; None: ``root``
    max_document_mb: int = 200  # a larger file is refused (a huge file is rarely a letter)
    # scan: (department, path globs) in order; the first that matches names a document's
    departments: tuple[tuple[str, tuple[str, ...]], ...] = ()
    store_snippets: bool = False  # scan: keep a short quote around each finding (text!)
    api_requests_per_minute: int = 600  # web: per client address and server process; 0: none
    store: str | None = None  # the organisation's store: a path (absolute here) or a URL
    sign_in_required: bool = False  # web: checking and fixing need an account too
    oidc: Oidc | None = None  # web: sign in through the organisation's provider
    root: Path = field(default_factory=Path.cwd)
    path: Path | None = None

    @property
    def pack_refs(self) -> tuple[str, ...]:
        """Every pack to load, in order: ``packs`` then ``extra_packs``."""
        return self.packs + self.extra_packs


def _has_tool_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.taalwacht]`` table.

    A quick text test comes first, so an unrelated (even broken) pyproject.toml is never
    parsed; one that does mention taalwacht must be valid TOML.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            str(path), messages.text("errors.cannot-read", problem=messages.os_reason(exc))
        ) from exc
    if b"taalwacht" not in raw:
        return False
    data = _parse(path, raw)
    tool = data.get("tool")
    return isinstance(tool, dict) and "taalwacht" in tool


def find_config(start: Path) -> Path | None:
    """The config file that applies to ``start`` (a directory), or ``None``.

    Walks from ``start`` up to the file-system root; in each directory ``taalwacht.toml``
    wins over ``.taalwacht.toml``, which wins over a ``pyproject.toml`` with
    ``[tool.taalwacht]``. A ``pyproject.toml`` without that table is passed over.
    """
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), messages.text("config.not-utf8")) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), messages.text("config.toml", problem=exc)) from exc


class _Fields:
    """Reads typed settings from a table and raises ConfigError naming file and key."""

    def __init__(self, path: Path, data: Mapping[str, Any], prefix: str) -> None:
        self.path, self.prefix = path, prefix
        self.data: dict[str, Any] = {}
        for key, value in data.items():
            canonical = key.replace("_", "-")
            if canonical in self.data:
                raise self.fail(key, messages.text("config.twice", canonical=canonical, key=key))
            self.data[canonical] = value

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(str(self.path), f"{self.prefix}{key}: {problem}")

    def check_keys(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(
                    key, messages.text("config.unknown-key", allowed=", ".join(allowed))
                )

    def texts(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, messages.text("config.list-of-texts"))
        return tuple(v.strip() for v in value)

    def severity(self, key: str, default: Severity) -> Severity:
        value = self.data.get(key, default)
        return _severity(self, key, value)

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, messages.text("config.table"))
        return value


def _severity(fields: _Fields, key: str, value: object) -> Severity:
    named = severity_of(value) if isinstance(value, str) else None
    if named is None:
        options = ", ".join((*SEVERITIES, *SEVERITY_NAMES.values()))
        raise fields.fail(key, messages.text("config.severity", options=options, value=value))
    return named


KEYS = (
    "packs",
    "extra-packs",
    "severity",
    "ignore",
    "allow",
    "fail-on",
    "prefer",
    "backups",
    "max-document-mb",
    "departments",
    "store-snippets",
    "api-requests-per-minute",
    "store",
    "sign-in-required",
    "oidc",
)


def config_from_mapping(data: Mapping[str, Any], path: Path, prefix: str = "") -> Config:
    """Validate a settings table (already parsed) from the file ``path``."""
    fields = _Fields(path, data, prefix)
    fields.check_keys(KEYS)
    severity: dict[str, Severity] = {}
    for term, value in fields.table("severity").items():
        severity[term] = _severity(fields, f"severity.{term}", value)
    prefer: dict[str, str] = {}
    for term, value in fields.table("prefer").items():
        if not isinstance(value, str) or not value.strip():
            raise fields.fail(f"prefer.{term}", messages.text("config.non-empty"))
        prefer[term] = value.strip()
    return Config(
        packs=fields.texts("packs", DEFAULT_PACKS),
        extra_packs=fields.texts("extra-packs", ()),
        severity=severity,
        ignore=fields.texts("ignore", ()),
        allow=fields.texts("allow", ()),
        fail_on=fields.severity("fail-on", "warning"),
        prefer=prefer,
        backups=_backups(fields, path.parent.resolve()),
        max_document_mb=_megabytes(fields, "max-document-mb", 200),
        departments=_departments(fields),
        store_snippets=_flag(fields, "store-snippets"),
        api_requests_per_minute=_count(fields, "api-requests-per-minute", 600),
        store=_store(fields, path.parent.resolve()),
        sign_in_required=_flag(fields, "sign-in-required"),
        oidc=_oidc(fields),
        root=path.parent.resolve(),
        path=path,
    )


def _flag(fields: _Fields, key: str) -> bool:
    value = fields.data.get(key, False)
    if not isinstance(value, bool):
        raise fields.fail(key, messages.text("config.flag"))
    return value


def _departments(fields: _Fields) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``[[departments]]`` tables: a ``name`` and the ``match`` globs of its documents."""
    raw = fields.data.get("departments", [])
    if not isinstance(raw, list) or not all(isinstance(d, dict) for d in raw):
        raise fields.fail("departments", messages.text("config.departments"))
    out = []
    for i, entry in enumerate(raw):
        name, match = entry.get("name"), entry.get("match")
        if isinstance(match, str):
            match = [match]
        if set(entry) - {"name", "match"}:
            raise fields.fail(f"departments[{i}]", messages.text("config.departments"))
        if not isinstance(name, str) or not name.strip():
            raise fields.fail(f"departments[{i}].name", messages.text("config.non-empty"))
        if (
            not isinstance(match, list)
            or not match
            or not all(isinstance(m, str) and m.strip() for m in match)
        ):
            raise fields.fail(f"departments[{i}].match", messages.text("config.departments"))
        out.append((name.strip(), tuple(m.strip() for m in match)))
    return tuple(out)


def _megabytes(fields: _Fields, key: str, default: int) -> int:
    value = fields.data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise fields.fail(key, messages.text("config.positive-int"))
    return value


def _count(fields: _Fields, key: str, default: int) -> int:
    value = fields.data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise fields.fail(key, messages.text("config.count"))
    return value


def _backups(fields: _Fields, root: Path) -> Path | None:
    """``backups = "pad"``: where fix keeps its backups, relative to the config's folder."""
    if "backups" not in fields.data:
        return None
    value = fields.data["backups"]
    if not isinstance(value, str) or not value.strip():
        raise fields.fail("backups", messages.text("config.non-empty"))
    return (root / value.strip()).resolve()


def _oidc(fields: _Fields) -> Oidc | None:
    """``[oidc]`` with ``issuer`` (https) and ``client-id``; ``role`` and ``name-claim``."""
    if "oidc" not in fields.data:
        return None
    table = _Fields(fields.path, fields.table("oidc"), "oidc.")
    table.check_keys(("issuer", "client-id", "role", "name-claim"))
    values = {}
    for key in ("issuer", "client-id", "role", "name-claim"):
        value = table.data.get(key, "")
        if not isinstance(value, str) or (key in ("issuer", "client-id") and not value.strip()):
            raise table.fail(key, messages.text("config.non-empty"))
        values[key] = value.strip()
    if not values["issuer"].startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise table.fail("issuer", messages.text("config.https"))
    role = values["role"] or "reader"
    if role not in ("reader", "proposer", "editor"):
        raise table.fail("role", messages.text("config.oidc-role"))
    return Oidc(
        issuer=values["issuer"].rstrip("/"),
        client_id=values["client-id"],
        role=role,
        name_claim=values["name-claim"] or "preferred_username",
    )


def _store(fields: _Fields, root: Path) -> str | None:
    """``store = "taalwacht.db"`` relative to the config's folder, or a server's URL."""
    if "store" not in fields.data:
        return None
    value = fields.data["store"]
    if not isinstance(value, str) or not value.strip():
        raise fields.fail("store", messages.text("config.non-empty"))
    value = value.strip()
    return value if "://" in value else str((root / value).resolve())


def load_config(path: str | Path) -> Config:
    """Read and validate one config file (``taalwacht.toml`` or ``pyproject.toml``)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(
            str(p), messages.text("errors.cannot-read", problem=messages.os_reason(exc))
        ) from exc
    data = _parse(p, raw)
    if p.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("taalwacht") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(str(p), messages.text("config.no-table"))
        if not isinstance(table, dict):
            raise ConfigError(str(p), messages.text("config.not-table"))
        return config_from_mapping(table, p, "tool.taalwacht.")
    return config_from_mapping(data, p)


def discover(cwd: Path | None = None, *, isolated: bool = False) -> Config:
    """The config for a run: the file found upward from ``cwd``, else the defaults.

    ``isolated`` (``--isolated``) ignores every config file and returns the defaults.
    """
    here = (cwd or Path.cwd()).resolve()
    if isolated:
        return Config(root=here)
    found = find_config(here)
    return load_config(found) if found else Config(root=here)
