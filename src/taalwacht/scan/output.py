"""The organisation report on disk: complete or not at all (a temporary file and one rename),
so an interrupted run never leaves half a report where the old one was."""

from __future__ import annotations

from taalwacht.model.figures import Figures
from taalwacht.report.organisation import RENDERERS
from taalwacht.service import save_text

DEFAULT_NAME = "taalwacht-rapport"


def default_path(fmt: str) -> str:
    return f"{DEFAULT_NAME}.{fmt}"


def save(figures: Figures, fmt: str, path: str) -> None:
    """Render ``figures`` as ``fmt`` (html, csv, json) into ``path``; ``-`` is stdout."""
    save_text(RENDERERS[fmt](figures), path)
