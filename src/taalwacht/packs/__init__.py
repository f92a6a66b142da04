"""Term packs: the organisation's words as data (schema), read with located errors (load),
written back as YAML (dump)."""

from taalwacht.packs.load import (
    bundled_pack_names,
    load_bundled,
    load_pack,
    parse_pack,
    resolve_pack,
)
from taalwacht.packs.schema import Alternative, Pack, Term

__all__ = [
    "Alternative",
    "Pack",
    "Term",
    "bundled_pack_names",
    "load_bundled",
    "load_pack",
    "parse_pack",
    "resolve_pack",
]
