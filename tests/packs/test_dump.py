"""A pack written back to YAML loads into the same pack: nothing an organisation decided is
lost when the web app saves its words."""

from __future__ import annotations

import dataclasses

from taalwacht.packs import load_bundled, parse_pack
from taalwacht.packs.dump import dump


def _comparable(pack: object) -> object:
    return dataclasses.replace(pack, path="", fingerprint="")  # type: ignore[type-var]


def test_bundled_pack_round_trips() -> None:
    pack = load_bundled("markttaal")
    again = parse_pack(dump(pack), "again.yml")
    assert _comparable(again) == _comparable(pack)


def test_version_and_fingerprint() -> None:
    pack = load_bundled("markttaal")
    assert pack.version
    assert len(pack.fingerprint) == 64
    changed = parse_pack(dump(pack).replace("Een klantmanager", "Een klantmanagerr"), "x.yml")
    assert changed.fingerprint != parse_pack(dump(pack), "x.yml").fingerprint
