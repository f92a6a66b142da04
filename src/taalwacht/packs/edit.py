"""Changes to a pack that colleagues propose and an editor decides: a new term, a new
alternative, a new reason, an exception.

A change is plain data (a mapping that goes into the store as JSON and comes back the same),
so a proposal can wait for votes and be applied to whatever the pack is by then. Applying
goes through the pack's own YAML and the loader: a changed pack is validated exactly as a
file is, and gets a new fingerprint, so stored scan results know they are out of date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from taalwacht import messages
from taalwacht.errors import TaalwachtError
from taalwacht.packs.dump import dump
from taalwacht.packs.load import parse_pack
from taalwacht.packs.schema import PROFILES, Pack, Term

KINDS = ("term", "alternative", "reason", "exception")
MAX_TEXT = 400  # characters of one field: a word, a phrase or a reason


class ChangeError(TaalwachtError):
    """A change that cannot be made, in Dutch for the page that proposed it."""


def apply_change(packs: Sequence[Pack], change: Mapping[str, Any]) -> Pack:
    """The pack that ``change`` touches, changed: a new term goes into the first pack, any
    other change into the pack that holds its term."""
    kind = change.get("kind")
    if kind not in KINDS:
        raise ChangeError(messages.text("words.bad-kind"))
    if not packs:
        raise ChangeError(messages.text("words.no-pack"))
    if kind == "term":
        pack = packs[0]
        data = _data(pack)
        data["terms"].append(_new_term(packs, change))
        return _parsed(pack, data)
    term_id = _text(change, "term")
    pack, term = _holder(packs, term_id)
    data = _data(pack)
    raw = next(t for t in data["terms"] if t["id"] == term.id)
    if kind == "alternative":
        text = _text(change, "text")
        if any(a.text.casefold() == text.casefold() for a in term.alternatives):
            raise ChangeError(messages.text("words.alternative-exists", word=text, term=term.lemma))
        raw["alternatives"].append(_alternative(change, term.pos))
    elif kind == "reason":
        raw["reason"] = _text(change, "reason")
    else:
        phrase = _text(change, "phrase")
        if phrase.casefold() in (p.casefold() for p in term.allow):
            raise ChangeError(messages.text("words.exception-exists", phrase=phrase))
        raw.setdefault("allow", []).append(phrase)
    return _parsed(pack, data)


def with_stored(configured: Sequence[Pack], stored: Sequence[Pack]) -> list[Pack]:
    """The active packs: the config's, each replaced by the store's version of its id, then
    the packs only the store holds."""
    by_id = {p.id: p for p in stored}
    out = [by_id.pop(p.id, p) for p in configured]
    return out + list(by_id.values())


def describe(change: Mapping[str, Any]) -> str:
    """One Dutch line that says what the change does, for lists and the history."""
    kind = change.get("kind")
    if kind not in KINDS:
        return messages.text("words.bad-kind")
    fields = {k: str(v) for k, v in change.items() if isinstance(v, str)}
    fields.setdefault("term", "")
    return messages.text(f"words.describe-{kind}", **fields)


def term_id_for(lemma: str) -> str:
    """The id a new term gets: its lemma in lower case, other characters as hyphens."""
    return re.sub(r"[^\w]+", "-", lemma.casefold()).strip("-") or "term"


def _holder(packs: Sequence[Pack], term_id: str) -> tuple[Pack, Term]:
    for pack in packs:
        term = pack.term(term_id)
        if term is not None:
            return pack, term
    raise ChangeError(messages.text("words.no-term", term=term_id))


def _data(pack: Pack) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(dump(pack))
    return data


def _parsed(pack: Pack, data: dict[str, Any]) -> Pack:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    try:
        changed = parse_pack(text, pack.path or pack.id)
    except TaalwachtError as err:
        raise ChangeError(messages.text("words.invalid", problem=err)) from err
    return changed


def _text(change: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    value = change.get(key)
    text = " ".join(str(value).split()) if isinstance(value, str) else ""
    if required and not text:
        raise ChangeError(
            messages.text("words.required", field=messages.text(f"words.field-{key}"))
        )
    if len(text) > MAX_TEXT:
        raise ChangeError(
            messages.text("words.too-long", field=messages.text(f"words.field-{key}"))
        )
    return text


def _alternative(change: Mapping[str, Any], pos: str) -> dict[str, Any]:
    """An alternative with the forms a suggestion needs: for a noun its article and plural."""
    text = _text(change, "text")
    out: dict[str, Any] = {"text": text}
    note = _text(change, "note", required=False)
    if pos == "noun":
        gender = _text(change, "gender", required=False)
        if gender in ("de", "het"):
            out["gender"] = gender
        plural = _text(change, "plural", required=False)
        out["forms"] = {"sg": text, **({"pl": plural} if plural else {})}
    if note:
        out["note"] = note
    return out


def _new_term(packs: Sequence[Pack], change: Mapping[str, Any]) -> dict[str, Any]:
    lemma = _text(change, "lemma")
    term_id = term_id_for(lemma)
    known = {t.id for p in packs for t in p.terms} | {
        t.lemma.casefold() for p in packs for t in p.terms
    }
    if term_id in known or lemma.casefold() in known:
        raise ChangeError(messages.text("words.term-exists", word=lemma))
    pos = _text(change, "pos", required=False) or "noun"
    if pos not in ("noun", "verb", "adjective"):
        raise ChangeError(messages.text("words.bad-kind"))
    context = _text(change, "context", required=False) or ("person" if pos == "noun" else "always")
    if context not in PROFILES:
        raise ChangeError(messages.text("words.bad-kind"))
    term: dict[str, Any] = {"id": term_id, "lemma": lemma, "pos": pos}
    if pos == "noun":
        gender = _text(change, "gender", required=False)
        if gender in ("de", "het"):
            term["gender"] = gender
        plural = _text(change, "plural", required=False)
        term["forms"] = {"sg": lemma, **({"pl": plural} if plural else {})}
    term.update(
        reason=_text(change, "reason"),
        context=context,
        alternatives=[_alternative(_prefixed(change, "alt_"), pos)],
    )
    return term


def _prefixed(change: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """The alternative's fields of a new-term change (``alt_text`` as ``text``)."""
    return {k.removeprefix(prefix): v for k, v in change.items() if k.startswith(prefix)}
