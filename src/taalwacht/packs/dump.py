"""A pack back to YAML: what the web app writes when colleagues decide on their own words.

The output loads into an equal pack (``parse_pack(dump(pack))`` has the same terms), so a
pack can be edited as data and saved without losing a field. Defaults are left out to keep
the file as short as a person would write it.
"""

from __future__ import annotations

from typing import Any

import yaml

from taalwacht.packs.schema import Alternative, Pack, Term


def dump(pack: Pack) -> str:
    """The YAML text of ``pack``."""
    data: dict[str, Any] = {"pack": pack.id}
    for key, value in (
        ("version", pack.version),
        ("description", pack.description),
        ("source", pack.source),
    ):
        if value:
            data[key] = value
    data["terms"] = [_term(t) for t in pack.terms]
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return text


def _alternative(alt: Alternative) -> dict[str, Any] | str:
    out: dict[str, Any] = {"text": alt.text}
    if alt.gender:
        out["gender"] = alt.gender
    if alt.forms:
        out["forms"] = dict(alt.forms)
    if alt.bare_modifier is not None:
        out["modifier"] = {"sg": alt.bare_modifier, "pl": alt.modifier}
    elif alt.modifier is not None:
        out["modifier"] = alt.modifier
    if alt.note:
        out["note"] = alt.note
    if alt.cues:
        out["cues"] = list(alt.cues)
    if alt.compounds:
        out["compounds"] = True
    return out if len(out) > 1 else alt.text


def _term(term: Term) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": term.id,
        "lemma": term.lemma,
        "pos": term.pos,
        "forms": dict(term.forms),
        "reason": term.reason,
        "message": term.message,
        "severity": term.severity,
        "context": term.context,
        "compound": term.compound,
        "alternatives": [_alternative(a) for a in term.alternatives],
    }
    if term.gender:
        out["gender"] = term.gender
    if term.people != (term.context == "person" and term.pos == "noun"):
        out["people"] = term.people
    if term.market_sense != "common":
        out["market_sense"] = term.market_sense
    if term.particle:
        out["particle"] = term.particle
    optional: dict[str, Any] = {
        "extra": list(term.extra),
        "spellings": dict(term.spellings),
        "linking": list(term.linking),
        "acronyms": list(term.acronyms),
        "separated": dict(term.separated),
        "compounds": {k: [_alternative(a) for a in v] for k, v in term.compounds.items()},
        "fixed": list(term.fixed),
        "other": list(term.other),
        "names": list(term.names),
        "allow": list(term.allow),
    }
    out.update({k: v for k, v in optional.items() if v})
    examples = {"flag": list(term.examples_flag), "ok": list(term.examples_ok)}
    if any(examples.values()):
        out["examples"] = {k: v for k, v in examples.items() if v}
    return out
