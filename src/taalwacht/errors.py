"""Errors taalwacht raises, with one root so front ends can catch them in one place.

    TaalwachtError
     ├── PackError      a term pack cannot be read or is malformed (file, line, field)
     ├── ConfigError    a config file cannot be read or holds an unknown setting
     └── InputError     a document cannot be read: binary, undecodable, corrupt, too large

Messages name the file and the problem, and where possible the remedy, in Dutch from the
message catalogue; front ends print them as one line and exit with code 2 instead of
showing a traceback.
"""

from __future__ import annotations

from taalwacht import messages


class TaalwachtError(Exception):
    """Root of every error taalwacht raises on purpose."""


class PackError(TaalwachtError):
    """A term pack is missing, not YAML, or has a field with a wrong value."""

    def __init__(
        self, path: str, problem: str, *, line: int | None = None, field: str = ""
    ) -> None:
        self.path, self.problem, self.line, self.field = path, problem, line, field
        where = f"{path}:{line}" if line else path
        what = f"{field}: {problem}" if field else problem
        super().__init__(messages.text("errors.pack", where=where, what=what))


class ConfigError(TaalwachtError):
    """A config file is not valid TOML or holds a setting taalwacht does not know."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(messages.text("errors.config", path=path, problem=problem))


class InputError(TaalwachtError):
    """A document cannot be checked: it is binary, undecodable, corrupt or too large."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class AccountError(TaalwachtError):
    """An account that cannot be made as asked: the name in use, a short password ..."""

    def __init__(self, name: str, problem: str) -> None:
        self.name, self.problem = name, problem
        super().__init__(f"{name}: {problem}")


class StoreError(TaalwachtError):
    """The scan store cannot be opened or written: not a taalwacht store, corrupt, newer."""


class ClusterError(TaalwachtError):
    """A scan cannot use the Dask cluster it was given: not installed, or not reachable."""


class NotAllowed(TaalwachtError):
    """A user's role does not allow what was asked (proposing, deciding ...)."""
