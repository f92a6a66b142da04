"""Findings -> fixes with Dutch agreement: the only fix planner."""

from taalwacht.rewrite.plan import Fixer, PreferError, resolve_prefer

__all__ = ["Fixer", "PreferError", "resolve_prefer"]
