"""The word lists of ``dutch/data``: one entry a line, blank lines and ``#`` comments skipped.

Word lists are data, kept apart from the code that reads them, so one reader serves them all.
"""

from __future__ import annotations

from importlib import resources


def entries(name: str) -> list[str]:
    """The entries of ``dutch/data/<name>`` in file order, stripped (``name`` may hold a
    folder: ``cues/public.txt``)."""
    raw = resources.files("taalwacht.dutch").joinpath("data", *name.split("/")).read_text("utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return [line for line in lines if line and not line.startswith("#")]
