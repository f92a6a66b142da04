"""The data files of the learned models (sense.json, topic.json): their settings first, then
one weight a line, so that a retrained model shows in a diff as the weights that moved."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources


def shipped_text(name: str) -> str:
    """The text of the data file ``name`` that ships with the package (engine/data)."""
    return (resources.files("taalwacht.engine") / "data" / name).read_text("utf-8")


def weights_file(
    head: Mapping[str, object], weights: Mapping[str, object], *, name: str = "weights"
) -> str:
    """``head`` as indented JSON, then ``weights`` (sorted by name) one entry a line, under
    ``name`` (the counts of ``calibration.py`` are no weights, but read the same way)."""
    lines = [
        f"    {json.dumps(key, ensure_ascii=False)}: {json.dumps(value)}"
        for key, value in sorted(weights.items())
    ]
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    return text + f',\n  "{name}": {{\n' + ",\n".join(lines) + "\n  }\n}\n"
