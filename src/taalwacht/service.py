"""The one place that combines config, packs, formats, engine and rewrite.

Every front end (the command line, the Python API, later the web app, the editor and the
scan runner) talks to a ``Service``, so a finding and a fix are the same everywhere:

- ``check(document)``: every occurrence, reported or not, in the document's own offsets;
- ``plan(document)``: per reported use, the fixes on offer and the one ``fix`` would take;
- ``fix(document, choose)``: apply the chosen fixes (by default the best safe one each);
- ``apply(document, fixes)``: apply fixes someone chose, with overlaps left for a person;
- ``explain(word)``: the term behind a word.

The engine and the fixer read the document's *view* (markup left out, character references
decoded); the service maps their offsets back into the file's text, so edits land exactly
on the characters the file holds. It returns warnings as values and prints nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from taalwacht import messages
from taalwacht.config import Config, discover
from taalwacht.dutch.lexicon import words
from taalwacht.engine import Engine
from taalwacht.engine.regions import RegionIndex
from taalwacht.errors import ConfigError, InputError, TaalwachtError
from taalwacht.formats import Skipped, Source, kind_for, parse, read
from taalwacht.formats.walk import Failed, iter_sources
from taalwacht.formats.write import (
    WriteError,
    clean_stale,
    encode_like,
    escape_for,
    write_bytes,
    write_new,
)
from taalwacht.model.document import (
    WRITABLE_EXTRACTED,
    Document,
    Region,
    RegionKind,
    place_of,
)
from taalwacht.model.edit import Edit, apply, clashes, compose, moved, moved_spans, written
from taalwacht.model.finding import Decision, Finding, Span
from taalwacht.model.fix import Applicability, Fix, Left, Result
from taalwacht.model.terms import TermInfo
from taalwacht.packs import Pack, Term, resolve_pack
from taalwacht.packs.edit import with_stored
from taalwacht.rewrite import Fixer, PreferError, resolve_prefer

if TYPE_CHECKING:
    from taalwacht.formats.backup import FixNotes

__all__ = [
    "QUIT",
    "Failed",
    "Planned",
    "Service",
    "Settings",
    "Skipped",
    "Source",
    "guarded",
    "kind_for",
    "parse",
]


@dataclass(frozen=True)
class Settings:
    """Everything a service is built from; plain values, so a worker process can rebuild
    the same service from a pickled copy."""

    config: Config
    packs: tuple[Pack, ...]
    prefer: Mapping[str, str] = field(default_factory=dict)  # term id -> alternative
    unsafe: bool = False  # also apply fixes whose agreement reaches beyond the phrase


@dataclass(frozen=True)
class Planned:
    """One reported use with the fixes on offer: ``best`` is what ``fix`` applies, or why
    the finding is left for a person. Offsets are the document's."""

    finding: Finding
    options: tuple[Fix, ...]
    best: Fix | Left

    @property
    def offered(self) -> tuple[Fix, ...]:
        """The fixes a tool may offer to apply: ``best`` first, then the other safe ones,
        then the unsafe ones; display-only suggestions are never offered."""
        ranked = sorted(
            (o for o in self.options if o.applicability is not Applicability.DISPLAY_ONLY),
            key=lambda o: o.applicability is not Applicability.SAFE,
        )
        first = [self.best] if isinstance(self.best, Fix) else []
        return tuple(first + [o for o in ranked if o.edits != first[0].edits] if first else ranked)


QUIT = "quit"
Choice = Fix | Sequence[Edit] | None | str  # a fix, own edits, skip (None), or QUIT


class Service:
    """Checks and fixes documents with one organisation's settings. Build once per run."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        config = settings.config
        self.engine = Engine(
            settings.packs, allow=config.allow, severity=config.severity, prefer=settings.prefer
        )
        self.fixer = Fixer(settings.packs, settings.prefer, settings.unsafe)
        self._backups: Any = None  # this run's BackupRun, once a backup was kept
        # (path, sha256) -> what earlier fix runs did to that file; read on first need
        self._notes: dict[tuple[str, str], FixNotes] | None = None
        self._cleaned: set[str] = set()

    @classmethod
    def load(
        cls,
        *,
        isolated: bool = False,
        extra_packs: Sequence[str] = (),
        prefer: Mapping[str, str] | None = None,
        unsafe: bool = False,
        cwd: Path | None = None,
        config: Config | None = None,
        stored: Sequence[Pack] = (),
    ) -> tuple[Service, list[str]]:
        """The service for a run from the config found upward from ``cwd`` (none with
        ``isolated``), its packs with the organisation's ``stored`` versions in their place,
        and ``extra_packs``; with the warnings to show."""
        config = config or discover(cwd, isolated=isolated)
        packs = load_packs(config, extra_packs, stored)
        warnings = unknown_terms(config, packs)
        wanted = dict(config.prefer)
        for term, alternative in wanted.items():  # a wrong term or word names file and key
            try:
                resolve_prefer(packs, {term: alternative})
            except PreferError as err:
                where = str(config.path) if config.path else "taalwacht.toml"
                raise ConfigError(where, f"prefer.{term}: {err}") from err
        for term, alternative in (prefer or {}).items():
            try:
                resolve_prefer(packs, {term: alternative})
            except PreferError as err:
                raise TaalwachtError(f"--prefer {term}={alternative}: {err}") from err
        wanted.update(prefer or {})
        return cls(Settings(config, tuple(packs), wanted, unsafe)), warnings

    # ------------------------------------------------------------------ reading

    @property
    def config(self) -> Config:
        return self.settings.config

    def sources(
        self,
        paths: Sequence[str],
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        *,
        gitignore: bool = True,
    ) -> list[Source | Skipped | Failed]:
        """Every source for ``paths``, in order; ``InputError`` for a missing path. Folder
        walks leave out the config and the pack files in use, and (unless ``gitignore`` is
        false) what ``.gitignore`` files ignore."""
        config = self.config
        own = [str(config.path)] if config.path else []
        own += [p.path for p in self.settings.packs if os.path.isfile(p.path)]
        found = iter_sources(
            paths,
            include,
            exclude,
            config.ignore,
            ignore_root=config.root,
            gitignore=gitignore,
            leave_out=own,
        )
        return list(found)

    def read(self, source: Source) -> Document | Skipped:
        """The document at ``source``; in a file an earlier ``fix`` wrote and nobody changed
        since, what that run wrote is marked ``written`` and the words it doubted
        ``doubted``, so that the engine decides the rest as that run did and a second
        ``fix`` changes nothing."""
        document = read(source, self.config.max_document_mb)
        if isinstance(document, Skipped) or document.stamp is None:
            return document
        if self._notes is None:
            from taalwacht.formats.backup import fix_notes

            self._notes = fix_notes(str(self.backup_root))
        notes = self._notes.get((os.path.realpath(document.path), document.stamp[4]))
        if notes is None:
            return document
        document = _with_regions(document, "doubted", notes.doubted)
        return _with_regions(document, "written", notes.written)

    def warm_up(self) -> None:
        """Read the whole lexicon now: before forking workers, so they all share it."""
        words()

    # ----------------------------------------------------------------- checking

    def check(self, document: Document) -> list[Finding]:
        """Every occurrence in ``document``, reported or not, sorted, in its text's offsets."""
        return [_to_text(document, f) for f in self._scan(document)]

    def in_template(self, document: Document, findings: Sequence[Finding]) -> int:
        """How many reported findings lie in fields (merge fields), which ``fix`` leaves."""
        fields = RegionIndex(document.regions)
        return sum(f.reported and fields.overlaps("template", f.start, f.end) for f in findings)

    def _scan(self, document: Document) -> list[Finding]:
        """Findings in view offsets, for the fixer."""
        findings = self.engine.scan(document.readable, document.regions)
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    # ------------------------------------------------------------------- fixing

    def check_and_plan(
        self, document: Document, most: int | None = None
    ) -> tuple[list[Finding], list[Planned]]:
        """``check`` and ``plan`` from one scan of the document (for SARIF's fixes, and the
        web application's review). With ``most``, a document with more reported findings
        than that is not planned (no plans): its findings are shown, not offered one by one."""
        scanned = self._scan(document)
        findings = [_to_text(document, f) for f in scanned]
        if most is not None and sum(f.reported for f in findings) > most:
            return findings, []
        return findings, self.plan(document, scanned)

    def plan(self, document: Document, scanned: Sequence[Finding] | None = None) -> list[Planned]:
        """Per reported use (fixed names are only reported), the fixes on offer.
        ``scanned`` is the document's scan in view offsets, when the caller has it."""
        view = document.readable
        regions = RegionIndex(document.regions)  # asked per finding: bisected, not walked
        planned = []
        for finding in scanned if scanned is not None else self._scan(document):
            if finding.decision is not Decision.USE:
                continue
            locked = _locked(document, regions, finding)
            if locked:
                left = Left(_to_text(document, finding), messages.text(locked))
                planned.append(Planned(left.finding, (), left))
                continue
            planned_here = self.fixer.options(view, finding)
            options = tuple(_fix_to_text(document, o) for o in planned_here)
            best = self.fixer.best(view, finding, planned_here)
            if isinstance(best, Fix) and regions.overlaps("doubted", finding.start, finding.end):
                # an earlier run doubted this word and the file is as it left it: so do we
                best = Left(finding, messages.text("fix.doubt"), finding.choices[0].text)
            best = _fix_to_text(document, best) if isinstance(best, Fix) else _left(document, best)
            planned.append(Planned(_to_text(document, finding), options, best))
        return planned

    def fix(self, document: Document, choose: Callable[[Planned], Choice] | None = None) -> Result:
        """Rewrite ``document``: each finding's best safe fix, or what ``choose`` picks
        (a fix, edits of its own, None to skip, ``QUIT`` to leave the rest).

        Without ``choose`` a fix that touched another one's words ("een klantvriendelijk
        product") is made in a next round, at most ``FIX_ROUNDS`` in all. Only those: the
        words the first round wrote (inwoner, voorziening) would otherwise count as the
        writer's evidence, and turn a word check left alone (the product of a firm in the
        same text) into a finding.
        """
        if choose is not None:
            return self._fix_once(document, choose)
        overlap = messages.text("fix.overlap")
        result = self._fix_once(document, None)
        for _ in range(FIX_ROUNDS - 1):
            blocked = [item for item in result.left if item.reason == overlap]
            if not blocked:
                break
            current = _fixed(document, result)
            places = moved(result.edits, [item.finding.start for item in blocked], left=True)
            again = self._fix_once(current, None, only=frozenset(places))
            if not again.done:
                break
            # one the next round no longer finds stays left as the first round said
            seen = {f.start for f in again.done} | {item.finding.start for item in again.left}
            unseen = {id(item) for item, at in zip(blocked, places, strict=True) if at not in seen}
            kept = tuple(i for i in result.left if i.reason != overlap or id(i) in unseen)
            result = _then(document.text, result, again, kept)
        return result

    def _fix_once(
        self,
        document: Document,
        choose: Callable[[Planned], Choice] | None,
        only: frozenset[int] | None = None,
    ) -> Result:
        """One round of fixing; ``only``: the places of the findings this round may fix."""
        chosen: list[tuple[Finding, Sequence[Edit], Fix | None]] = []
        left: list[Left] = []
        stopped = False
        for item in self.plan(document):
            if only is not None and item.finding.start not in only:
                continue
            if stopped:
                left.append(Left(item.finding, messages.text("fix.not-handled")))
                continue
            pick: Choice | Left = item.best if choose is None else choose(item)
            if isinstance(pick, Left):
                left.append(pick)
            elif pick is None:
                left.append(Left(item.finding, messages.text("fix.skipped")))
            elif isinstance(pick, str):
                stopped = True
                left.append(Left(item.finding, messages.text("fix.not-handled")))
            elif isinstance(pick, Fix):
                chosen.append((item.finding, pick.edits, pick))
            else:
                chosen.append((item.finding, tuple(pick), None))
        # a fix that makes words agree goes before a lone swap it touches: "een vraaggericht
        # product" becomes "een vraaggerichte voorziening" first, and the adjective is
        # rewritten in the next round as it then stands ("een op maat gemaakte voorziening")
        chosen.sort(key=lambda item: -len(item[1]))
        result = self._apply(document, chosen)
        return dataclasses.replace(result, left=tuple(sorted(left + list(result.left), key=_at)))

    def apply(self, document: Document, fixes: Iterable[Fix]) -> Result:
        """Apply fixes someone chose; one that touches an earlier one is left for a person."""
        return self._apply(document, [(f.finding, f.edits, f) for f in fixes])

    def _apply(
        self, document: Document, chosen: Iterable[tuple[Finding, Sequence[Edit], Fix | None]]
    ) -> Result:
        edits: list[Edit] = []
        done: list[Finding] = []
        taken: list[Fix] = []
        left: list[Left] = []
        for finding, own, fix in chosen:
            if any(clashes(a, edits) for a in own):
                hint = fix.choice.text if fix is not None and fix.choice else ""
                left.append(Left(finding, messages.text("fix.overlap"), hint))
                continue
            for edit in own:
                bisect.insort(edits, edit)  # sorted, for clashes
            done.append(finding)
            if fix is not None:
                taken.append(fix)
        new = apply(document.text, edits)
        return Result(new, tuple(edits), tuple(left), tuple(done), tuple(taken))

    def encode(self, document: Document, text: str) -> bytes:
        """``text`` in the document's encoding, with its byte-order mark if it had one."""
        return encode_like(text, document)

    def write(
        self, document: Document, result: Result, *, backup: bool, track: bool = False
    ) -> str | None:
        """Replace the document's file by the fixed one atomically if it is still what was
        read; return the backup's path. A Word or OpenDocument file gets the result's edits
        in its own runs, as tracked changes with ``track``; a text file gets the result's
        text. The backups of one service (one run) go into one run folder, so ``undo`` can
        restore them together; temporary files a killed run left in the folder are removed
        first. ``WriteError`` (an ``InputError``) says why a file was left."""
        self.tidy(document.path)
        if backup and self._backups is None:
            from taalwacht.formats.backup import BackupRun  # only a fix that writes needs it

            self._backups = BackupRun.start(str(self.backup_root))
        backups = self._backups if backup else None
        data = self.render(document, result, track=track)
        kept = write_bytes(document, data, backups=backups)
        if kept is not None and not track:  # tracked changes are still the writer's to take
            from taalwacht.formats.backup import FixNotes

            notes = FixNotes(tuple(_written_after(document, result)), _doubted(result))
            key = self._backups.note(document.path, data, notes)
            if self._notes is not None:  # what this run noted, without reading all runs again
                self._notes[key] = notes
        return kept

    def render(self, document: Document, result: Result, *, track: bool = False) -> bytes:
        """The bytes of the fixed file: a text in its encoding, a Word or OpenDocument
        package with the edits in its runs (as tracked changes with ``track``)."""
        if not document.extracted:
            return self.encode(document, result.text)
        module = _package_writer(document)
        mode = "track" if track else "plain"
        data: bytes = module.write(self._original(document), document.path, result.edits, mode)
        return data

    def annotate(self, document: Document, findings: Sequence[Finding]) -> tuple[str, int]:
        """Write ``NAME.taalwacht.docx`` (or ``.odt``) beside the document, with a comment on
        each reported finding (reason and suggestions); return its path and how many."""
        module = _package_writer(document)
        notes = [module.Note(f.start, f.end, _comment(f)) for f in findings if f.reported]
        data, placed = module.annotate(self._original(document), document.path, notes)
        stem, extension = os.path.splitext(document.path)
        target = f"{stem}.taalwacht{extension}"
        self.tidy(target)
        write_new(target, data)
        return target, placed

    def writable(self, document: Document) -> None:
        """``WriteError`` for a document taalwacht can only check (PDF, e-mail)."""
        if document.extracted:
            _package_writer(document)

    def _original(self, document: Document) -> bytes:
        """The file's bytes as they were read; refused when it changed since."""
        from taalwacht.formats.decode import read_stamped

        data, stamp = read_stamped(document.path)
        if document.stamp is not None and (stamp is None or stamp.sha256 != document.stamp[4]):
            raise WriteError(document.path, "changed", messages.text("write.changed"))
        return data

    def tidy(self, path: str) -> None:
        """Remove the temporary files a killed run left in the folder of ``path``, once
        per folder in this run. A fix run tidies every folder it fixes in, not only those
        it writes to: a run killed while writing leaves its half-written copy beside a file
        that the next run may find nothing more to change in."""
        folder = os.path.dirname(os.path.realpath(path))
        if folder not in self._cleaned:
            clean_stale(folder)
            self._cleaned.add(folder)

    @property
    def backup_folder(self) -> str | None:
        """This run's backup folder, once a backup was kept in it."""
        run = self._backups
        return run.folder if run is not None and os.path.isdir(run.folder) else None

    @property
    def backup_root(self) -> Path:
        """The folder whose ``.taalwacht/backups`` holds the runs' backups."""
        return self.config.backups or self.config.root

    def undo(self) -> list[tuple[str, bool]]:
        """Restore the files of the last ``fix`` run not undone yet: per file a line to show
        and whether it went well (a file changed since that run is refused and left)."""
        from taalwacht.formats.backup import undo

        return [
            (str(o), o.status in ("restored", "unchanged", "nothing", "older"))
            for o in undo(str(self.backup_root))
        ]

    # ------------------------------------------------------------------ terms

    def terms(self) -> list[TermInfo]:
        """The active terms with the organisation's severities, as reports show them."""
        severity = self.config.severity
        return [t.info(severity.get(t.id)) for p in self.settings.packs for t in p.terms]

    def explain(self, word: str) -> Term | None:
        """The term behind a word: by id, lemma or any of its forms (case-insensitive)."""
        key = word.strip().casefold()
        terms = [t for p in self.settings.packs for t in p.terms]
        for term in terms:
            if key in (term.id.casefold(), term.lemma.casefold()):
                return term
        for term in terms:
            forms = {*term.surfaces(), *term.acronyms, *term.separated.values()}
            if key in {form.casefold() for form in forms}:
                return term
        return None


# --------------------------------------------------------------------- output


def save_text(text: str, path: str) -> None:
    """What a user asked taalwacht to write (the organisation report, an exported pack) into
    ``path``, ``-`` being stdout: complete or not at all (a temporary file and one rename),
    so an interrupted run never leaves half of it where the old one was. Front ends and the
    organisation scan write through here, never through ``formats`` themselves."""
    if path == "-":
        sys.stdout.write(text)
        return
    write_new(path, text.encode("utf-8"))


# --------------------------------------------------------------------- guarding

T = TypeVar("T")


def guarded(path: str, step: Callable[[], T]) -> T:
    """Run one step on the file ``path`` with unexpected failures turned into an error
    naming the file (``TAALWACHT_DEBUG=1`` lets the traceback through for a bug report)."""
    try:
        return step()
    except (TaalwachtError, OSError, UnicodeError):
        raise
    except MemoryError as err:
        raise InputError(path, messages.text("errors.memory-file")) from err
    except Exception as err:
        if os.environ.get("TAALWACHT_DEBUG"):
            raise
        raise TaalwachtError(
            messages.text("errors.internal-file", path=path, kind=type(err).__name__, problem=err)
        ) from err


# --------------------------------------------------------------------- settings


def load_packs(
    config: Config, extra: Sequence[str] = (), stored: Sequence[Pack] = ()
) -> list[Pack]:
    """Active packs: the config's ``packs`` and ``extra-packs`` (relative to the config's
    directory), the organisation's versions from its store in their place, then ``--pack``
    files (relative to the working directory). A later pack with the same id replaces an
    earlier one: a file named on the command line is what its user wants to try."""
    loaded: dict[str, Pack] = {}
    for ref in config.pack_refs:
        pack = resolve_pack(ref, base=config.root)
        loaded[pack.id] = pack
    for pack in with_stored(list(loaded.values()), stored):
        loaded[pack.id] = pack
    for ref in extra:
        pack = resolve_pack(ref, base=Path.cwd())
        loaded.pop(pack.id, None)
        loaded[pack.id] = pack
    return list(loaded.values())


def unknown_terms(config: Config, packs: Sequence[Pack]) -> list[str]:
    """A severity for a term no active pack has is most likely a typo: say so (a config
    that serves several pack sets may name terms only some of them have)."""
    known = {term.id for pack in packs for term in pack.terms}
    where = str(config.path) if config.path else "config"
    return [
        messages.text("notes.unknown-term", path=where, table=table, key=key)
        for table, keys in (("severity", config.severity),)
        for key in keys
        if key not in known
    ]


# ------------------------------------------------------------- rounds

FIX_ROUNDS = 3


def _fixed(document: Document, result: Result) -> Document:
    """The document as the first round of fixing left it, for the next round: a text
    format parsed again, an extracted one with its regions and places moved by the edits;
    what the round wrote marked ``written``."""
    return _with_regions(_reread(document, result), "written", _written_after(document, result))


def _reread(document: Document, result: Result) -> Document:
    if not document.extracted:
        return dataclasses.replace(
            parse(result.text, document.kind, document.path),
            encoding=document.encoding,
            bom=document.bom,
        )
    edits = result.edits
    spans = moved_spans(edits, [(r.start, r.end) for r in document.regions])
    regions = tuple(
        dataclasses.replace(r, start=a, end=b)
        for r, (a, b) in zip(document.regions, spans, strict=True)
    )
    places = moved(edits, [p.start for p in document.places], left=True)
    return dataclasses.replace(
        document,
        text=result.text,
        regions=regions,
        places=tuple(
            dataclasses.replace(p, start=a) for p, a in zip(document.places, places, strict=True)
        ),
    )


def _written_after(document: Document, result: Result) -> list[tuple[int, int]]:
    """Where, in the text ``result`` made of ``document``, words a fix wrote stand: this
    result's edits, and what earlier runs wrote (its ``written`` regions), moved along."""
    offsets = document.offsets
    earlier = [
        (offsets.start(r.start), offsets.end(r.end))
        for r in document.regions
        if r.kind == "written"
    ]
    spans = sorted([*moved_spans(result.edits, earlier), *written(result.edits)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def _doubted(result: Result) -> tuple[tuple[int, int], ...]:
    """Where, in the text ``result`` made, the words stand that it left to a person for
    doubt about their sense (not for grammar: ``--unsafe`` may still take those)."""
    doubt = {messages.text("fix.doubt"), messages.text("fix.unsure")}
    left = [(item.finding.start, item.finding.end) for item in result.left if item.reason in doubt]
    return tuple(moved_spans(result.edits, left))


def _with_regions(
    document: Document, kind: RegionKind, spans: Iterable[tuple[int, int]]
) -> Document:
    """``document`` with regions of ``kind`` at ``spans`` (offsets into its text) in place
    of any it had."""
    to_view = document.offsets.to_view
    kept = [r for r in document.regions if r.kind != kind]
    added = [Region(to_view(a), to_view(b), kind) for a, b in spans if b > a]
    return dataclasses.replace(document, regions=tuple(sorted(kept + added)))


def _then(original: str, first: Result, second: Result, kept: Sequence[Left]) -> Result:
    """One result for two rounds of fixing: edits on the original text; the findings the
    first round left for a person (``kept``) and those the second left, at their places in
    the original."""
    edits = compose(original, first.edits, second.edits)
    left = [
        dataclasses.replace(item, finding=_moved_back(item.finding, edits)) for item in second.left
    ]
    return Result(
        second.text,
        tuple(edits),
        tuple(sorted([*kept, *left], key=_at)),
        first.done + second.done,
        first.fixes + second.fixes,
    )


def _moved_back(finding: Finding, edits: Sequence[Edit]) -> Finding:
    """A finding in the fixed text at its place in the original (it lies outside every edit:
    a left finding was not rewritten)."""
    shift = 0
    for edit in edits:
        if edit.start >= finding.start - shift:
            break
        shift += len(edit.text) - (edit.end - edit.start)
    if not shift:
        return finding
    related = tuple(Span(s.start - shift, s.end - shift) for s in finding.related)
    return dataclasses.replace(
        finding, start=finding.start - shift, end=finding.end - shift, related=related
    )


# ------------------------------------------------------------- view -> text


def _package_writer(document: Document) -> Any:
    """The format module that writes ``document``'s package; PDF and e-mail are check-only."""
    if document.kind not in WRITABLE_EXTRACTED:
        kind = messages.text(f"write.kind-{document.kind}")
        problem = messages.text("package.check-only", kind=kind)
        raise WriteError(document.path, "not-a-file", problem)
    return importlib.import_module(f"taalwacht.formats.{document.kind}")


def _locked(document: Document, regions: RegionIndex, finding: Finding) -> str | None:
    """Why ``fix`` leaves a finding that it could rewrite (a message key), or None: a field
    shows what its template or data source says; a colleague's comment is theirs."""
    if regions.overlaps("template", finding.start, finding.end):
        return "package.template-left"
    place = place_of(document.places, finding.start)
    if place is not None and place.part == "opmerking":
        return "package.comment-left"
    return None


def _comment(finding: Finding) -> str:
    """The comment ``--annotate`` puts on a finding: message, reason, suggestions."""
    lines = [finding.message]
    if finding.reason:
        lines.append(finding.reason)
    if finding.suggestions:
        suggestions = ", ".join(finding.suggestions[:3])
        lines.append(messages.text("package.comment-suggestions", suggestions=suggestions))
    return "\n".join(lines)


def _at(left: Left) -> tuple[int, int]:
    return left.finding.start, left.finding.end


def _to_text(document: Document, finding: Finding) -> Finding:
    """A finding with offsets into the document's text instead of its view."""
    offsets = document.offsets
    if offsets.identity:
        return finding
    start, end = offsets.start(finding.start), offsets.end(finding.end)
    related = tuple(Span(offsets.start(s.start), offsets.end(s.end)) for s in finding.related)
    return dataclasses.replace(
        finding, start=start, end=end, text=document.text[start:end], related=related
    )


def _left(document: Document, left: Left) -> Left:
    return dataclasses.replace(left, finding=_to_text(document, left.finding))


def _fix_to_text(document: Document, fix: Fix) -> Fix:
    """A fix with its edits in the text's offsets and its new words written as the format
    needs them (``&`` as ``&amp;`` in HTML)."""
    offsets = document.offsets
    if offsets.identity:
        return fix
    escape = escape_for(document.kind)
    edits = []
    for e in fix.edits:
        start = offsets.start(e.start)
        end = offsets.end(e.end) if e.end > e.start else start  # an insertion stays one
        edits.append(Edit(start, end, escape(e.text)))
    return dataclasses.replace(fix, finding=_to_text(document, fix.finding), edits=tuple(edits))
