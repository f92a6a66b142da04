"""Term packs: load a YAML file, validate every field, compile it into frozen values.

A pack is the organisation's data, so a mistake in it is reported the way a compiler
reports one: file, line and field, and what was expected. Validation happens once, at
load time; the engine only reads the compiled values.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from taalwacht import messages
from taalwacht.errors import PackError
from taalwacht.model.finding import SEVERITIES, Severity
from taalwacht.packs.schema import (
    ALL_SLOTS,
    COMPOUND_MODES,
    DEFAULT_MESSAGE,
    MARKET_SENSES,
    POS_SLOTS,
    PROFILES,
    Alternative,
    Pack,
    Term,
)

C = TypeVar("C")


class _LineDict(dict[str, Any]):
    """A mapping that remembers the line of each key, for error messages."""

    line: int = 0
    key_lines: dict[str, int]


# libyaml's parser when the wheel has it (every platform we ship for does): a pack is read
# at every start, and the C parser reads it ten times faster than the pure-Python one.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _KeyNotText(Exception):
    """A mapping key that is a number or a list; ``parse_pack`` names the file and line."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _LineDict:
        out = _LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _KeyNotText(key_node.start_mark.line + 1)
            out[key] = self.construct_object(value_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _LineLoader.construct_mapping,
)


class _Reader:
    """Reads typed fields from a mapping and raises PackError with file, line and field."""

    def __init__(self, path: str, data: _LineDict, where: str) -> None:
        self.path, self.data, self.where = path, data, where

    def fail(self, key: str, problem: str) -> PackError:
        line = self.data.key_lines.get(key, self.data.line) if self.data.key_lines else None
        return PackError(self.path, problem, line=line, field=f"{self.where}{key}")

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(
                    key, messages.text("pack.unknown-field", allowed=", ".join(sorted(allowed)))
                )

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value is None:
            raise self.fail(key, messages.text("pack.required"))
        if (
            not isinstance(value, str | int | float)
            or isinstance(value, bool)
            or not str(value).strip()
        ):
            raise self.fail(key, messages.text("pack.non-empty-text"))
        return str(value).strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data and self.data[key] is not None else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, messages.text("pack.list-of-texts"))
        return tuple(v.strip() for v in value)

    def text_map(self, key: str, allowed: frozenset[str] | None = None) -> dict[str, str]:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(key, messages.text("pack.mapping-of-texts"))
        out: dict[str, str] = {}
        for k, v in value.items():
            if allowed is not None and k not in allowed:
                expected = ", ".join(sorted(allowed))
                raise self.fail(key, messages.text("pack.unknown-form", form=k, allowed=expected))
            if not isinstance(v, str) or not v.strip():
                raise self.fail(key, messages.text("pack.form-text", form=k))
            out[k] = v.strip()
        return out

    def items(self, key: str) -> list[_LineDict]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, _LineDict) for v in value):
            raise self.fail(key, messages.text("pack.list-of-mappings"))
        return value

    def choice(self, key: str, choices: tuple[C, ...], default: C | None = None) -> C:
        """The value of ``key`` as one of ``choices`` (typed as they are)."""
        value = self.data.get(key, default)
        for option in choices:
            if value == option:
                return option
        options = ", ".join(map(_as_yaml, choices))
        raise self.fail(key, messages.text("pack.one-of", options=options, value=value))


def _as_yaml(value: object) -> str:
    """A choice as the writer of a pack types it: true, false, null, not True or None."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _alternative(path: str, data: object, where: str, line: int) -> Alternative:
    if isinstance(data, str):
        return Alternative(text=data.strip())
    if not isinstance(data, _LineDict):
        raise PackError(
            path, messages.text("pack.text-or-mapping"), line=line, field=where.rstrip(".")
        )
    r = _Reader(path, data, where)
    r.check_keys({"text", "gender", "forms", "modifier", "note", "plural", "cues", "compounds"})
    forms = r.text_map("forms", ALL_SLOTS)
    if "plural" in data:
        forms.setdefault("pl", r.text("plural"))
    gender = r.choice("gender", ("de", "het", None), None) if "gender" in data else None
    modifier, bare_modifier = _modifiers(r, data)
    return Alternative(
        text=r.text("text"),
        forms=forms,
        gender=gender,
        modifier=modifier,
        bare_modifier=bare_modifier,
        note=r.optional_text("note") or "",
        cues=tuple(c.lower() for c in r.texts("cues")),
        compounds=r.choice("compounds", (True, False), False),
    )


def _modifiers(r: _Reader, data: _LineDict) -> tuple[str | None, str | None]:
    """The first-member form, and the one after a writer's bare member when it differs.

    A trailing space is kept: "gemeentelijke " + staf. A mapping gives one form after the
    writer's bare member (sg: dienst) and one after a linked or plural member (pl: diensten);
    a single form serves both."""
    value = data.get("modifier")
    if value is None:
        return None, None
    if isinstance(value, dict):
        forms = r.text_map("modifier", frozenset({"sg", "pl"}))
        if set(forms) != {"sg", "pl"}:
            raise r.fail("modifier", messages.text("pack.modifier-forms"))
        return forms["pl"], forms["sg"]
    r.text("modifier")
    return str(value).lstrip(), None


TERM_KEYS = {
    "id",
    "lemma",
    "pos",
    "gender",
    "forms",
    "extra",
    "spellings",
    "linking",
    "acronyms",
    "compound",
    "particle",
    "separated",
    "reason",
    "message",
    "severity",
    "alternatives",
    "compounds",
    "fixed",
    "other",
    "names",
    "allow",
    "examples",
    "context",
    "people",
    "market_sense",
}


def _term(
    path: str, data: _LineDict, index: int, pack_id: str, severity: Severity, message: str
) -> Term:
    r = _Reader(path, data, f"terms[{index}].")
    r.check_keys(TERM_KEYS)
    term_id = r.text("id")
    r.where = f"terms[{term_id}]."
    pos = r.choice("pos", tuple(POS_SLOTS))
    forms = r.text_map("forms", frozenset(POS_SLOTS[pos]))
    lemma = r.text("lemma")
    if not forms:
        forms = {POS_SLOTS[pos][0]: lemma}
    alternatives = tuple(
        _alternative(
            path,
            a,
            f"terms[{term_id}].alternatives[{i}].",
            data.key_lines.get("alternatives", data.line),
        )
        for i, a in enumerate(data.get("alternatives") or [])
    )
    if not alternatives:
        raise r.fail("alternatives", messages.text("pack.no-alternative"))
    compounds: dict[str, tuple[Alternative, ...]] = {}
    raw_compounds = data.get("compounds") or {}
    if not isinstance(raw_compounds, dict):
        raise r.fail("compounds", messages.text("pack.compounds"))
    for word, alts in raw_compounds.items():
        if not isinstance(alts, list) or not alts:
            raise r.fail("compounds", messages.text("pack.compound-alternatives", word=word))
        compounds[word.lower()] = tuple(
            _alternative(
                path,
                a,
                f"terms[{term_id}].compounds.{word}.",
                data.key_lines.get("compounds", data.line),
            )
            for a in alts
        )
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"flag", "ok"}:
        raise r.fail("examples", messages.text("pack.examples"))
    ex = (
        _Reader(path, examples, f"terms[{term_id}].examples.")
        if isinstance(examples, _LineDict)
        else None
    )
    context = r.choice("context", PROFILES, "person")
    particle = r.optional_text("particle")
    separated = r.text_map("separated", frozenset(POS_SLOTS["verb"]))
    if separated and not particle:
        raise r.fail("separated", messages.text("pack.particle"))
    return Term(
        id=term_id,
        lemma=lemma,
        pos=pos,
        reason=" ".join(r.text("reason").split()),
        message=r.optional_text("message") or message,
        severity=r.choice("severity", SEVERITIES, severity),
        alternatives=alternatives,
        forms=forms,
        gender=r.choice("gender", ("de", "het"), None) if "gender" in data else None,
        extra=r.texts("extra"),
        spellings=r.text_map("spellings"),
        linking=r.texts("linking"),
        acronyms=r.texts("acronyms"),
        compound=r.choice("compound", COMPOUND_MODES, "both"),
        context=context,
        people=r.choice("people", (True, False), context == "person" and pos == "noun"),
        market_sense=r.choice("market_sense", MARKET_SENSES, "common"),
        particle=particle,
        separated=separated,
        compounds=compounds,
        fixed=r.texts("fixed"),
        other=r.texts("other"),
        names=r.texts("names"),
        allow=r.texts("allow"),
        examples_flag=ex.texts("flag") if ex else (),
        examples_ok=ex.texts("ok") if ex else (),
        pack=pack_id,
    )


def parse_pack(text: str, path: str) -> Pack:
    """Validate and compile pack text; ``path`` is only used in error messages."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a (C)SafeLoader subclass
    except _KeyNotText as exc:
        raise PackError(path, messages.text("pack.key-text"), line=exc.line) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(
            path, messages.text("pack.yaml", problem=problem), line=mark.line + 1 if mark else None
        ) from exc
    if not isinstance(data, _LineDict):
        raise PackError(path, messages.text("pack.shape"), line=1)
    r = _Reader(path, data, "")
    r.check_keys({"pack", "version", "description", "source", "severity", "message", "terms"})
    pack_id = r.text("pack")
    severity = r.choice("severity", SEVERITIES, "warning")
    message = r.optional_text("message") or DEFAULT_MESSAGE
    items = r.items("terms")
    if not items:
        raise r.fail("terms", messages.text("pack.no-terms"))
    terms = tuple(_term(path, t, i, pack_id, severity, message) for i, t in enumerate(items))
    seen: set[str] = set()
    for t, raw in zip(terms, items, strict=True):
        if t.id in seen:
            raise PackError(
                path, messages.text("pack.duplicate", term=t.id), line=raw.line, field="terms.id"
            )
        seen.add(t.id)
    return Pack(
        id=pack_id,
        description=r.optional_text("description") or "",
        source=r.optional_text("source") or "",
        path=path,
        terms=terms,
        version=_version(r),
        fingerprint=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _version(r: _Reader) -> str:
    """``version: 3`` and ``version: "2026.1"`` both read as text; YAML makes 1.0 a float."""
    value = r.data.get("version")
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise r.fail("version", messages.text("pack.version"))
    return str(value)


def load_pack(path: str | Path) -> Pack:
    """Load an organisation's pack from a YAML file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise PackError(
            str(path), messages.text("errors.cannot-read", problem=messages.os_reason(exc))
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackError(str(path), messages.text("pack.not-utf8")) from exc
    return parse_pack(text, str(path))


def bundled_pack_names() -> list[str]:
    """Names of the packs that ship with taalwacht."""
    folder = resources.files("taalwacht") / "packs"
    return sorted(f.name[: -len(".yml")] for f in folder.iterdir() if f.name.endswith(".yml"))


@cache
def load_bundled(name: str) -> Pack:
    """A bundled pack by name, e.g. ``markttaal``."""
    if name not in bundled_pack_names():
        raise PackError(
            name, messages.text("pack.no-bundled", bundled=", ".join(bundled_pack_names()))
        )
    resource = resources.files("taalwacht") / "packs" / f"{name}.yml"
    return parse_pack(resource.read_text(encoding="utf-8"), f"{name}.yml")


def resolve_pack(name_or_path: str, base: Path | None = None) -> Pack:
    """A bundled pack by name, or a pack file (relative paths resolve against ``base``)."""
    if name_or_path in bundled_pack_names():
        return load_bundled(name_or_path)
    path = Path(name_or_path)
    if base is not None and not path.is_absolute():
        path = base / path
    return load_pack(path)
