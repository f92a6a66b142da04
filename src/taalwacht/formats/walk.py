"""From command-line paths to the documents to read.

``iter_sources`` turns the paths a user gave into a deterministic sequence of sources:
files as given, folders walked in sorted order (hidden files and folders such as ``.git``
left out, ``.gitignore`` honoured as ripgrep and ruff do), filtered by
``--include``/``--exclude`` globs and the config's ``ignore``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taalwacht import messages
from taalwacht.errors import InputError

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """A document to read: a file, or standard input when ``path`` is ``"-"``.

    ``explicit`` is true for a path the user named (an error in it stops the run) and false
    for a file found by walking a folder (a binary one is skipped with a note).
    """

    path: str
    explicit: bool

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN and self.explicit


@dataclass(frozen=True)
class Skipped:
    """A document left out, with the note shown on stderr."""

    path: str
    note: str


@dataclass(frozen=True)
class Failed:
    """A file or folder that could not be read: reported, and the run goes on (exit 2)."""

    path: str
    message: str  # one Dutch line that names the path


def compile_globs(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One regular expression for a list of ``fnmatch`` globs; ``None`` for no globs.

    ``**/`` at the start and ``/**`` at the end are accepted (``*`` already crosses ``/``),
    and a trailing ``/`` is ignored, so ``archief/``, ``archief/**`` and ``**/archief``
    all match the folder ``archief`` and everything in it.
    """
    options: set[str] = set()
    for pattern in patterns:
        bare = pattern.replace(os.sep, "/").rstrip("/")
        options.add(bare)
        while bare.startswith("**/"):
            bare = bare[3:]
            options.add(bare)
        if bare.endswith("/**"):
            options.add(bare[:-3])
    options.discard("")
    if not options:
        return None
    return re.compile("|".join(fnmatch.translate(o) for o in sorted(options)))


def _matches(globs: re.Pattern[str] | None, candidates: Iterable[str]) -> bool:
    return globs is not None and any(globs.match(c) for c in candidates if c)


def _candidates(rel: str, name: str, rooted: str | None) -> tuple[str, ...]:
    """Names a glob is tried on: path relative to the walked folder, base name, and the
    path relative to the config's directory when the folder lies inside it."""
    rel_posix = rel.replace(os.sep, "/") if os.sep != "/" else rel
    names = (rel_posix, name)
    if rooted is None:
        return names
    return (*names, f"{rooted}/{rel_posix}" if rooted else rel_posix)


def _relative_root(folder: str, ignore_root: Path | None) -> str | None:
    if ignore_root is None:
        return None
    try:
        rooted = Path(folder).resolve().relative_to(ignore_root).as_posix()
    except ValueError:
        return None
    return "" if rooted == "." else rooted


def _walk(
    folder: str,
    include: re.Pattern[str] | None,
    exclude: re.Pattern[str] | None,
    ignore: re.Pattern[str] | None,
    ignore_root: Path | None,
    *,
    gitignore: bool = True,
    leave_out: frozenset[str] = frozenset(),
) -> Iterator[Source | Skipped | Failed]:
    """Files under ``folder``, with a stack instead of recursion (a folder 1,200 levels deep
    is walked like any other). A folder that cannot be read is ``Failed`` and the walk goes
    on; ``.gitignore`` files are honoured as git does, from the folder walked downwards."""
    rooted = _relative_root(folder, ignore_root)
    # each folder carries its path relative to ``folder``: one string join per file instead
    # of relpath, normpath and abspath (a rescan of an unchanged collection is mostly walk)
    top = os.path.normpath(folder)
    left_out_names = frozenset(os.path.basename(p) for p in leave_out)
    stack: list[tuple[str, str, tuple[_GitIgnore, ...]]] = [(top, "", ())]
    while stack:
        dirpath, rel_dir, rules = stack.pop()
        try:
            with os.scandir(dirpath) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as err:
            problem = messages.os_reason(err)
            message = messages.text("errors.cannot-read-folder", problem=problem)
            yield Failed(dirpath, f"{dirpath}: {message}")
            continue
        if gitignore and any(e.name == ".gitignore" and e.is_file() for e in entries):
            rules = (*rules, _GitIgnore.read(dirpath))
        below = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # hidden: .git, .taalwacht (backups), an editor's temporary files
            full = name if dirpath == os.curdir else os.path.join(dirpath, name)
            rel = os.path.join(rel_dir, name) if rel_dir else name
            candidates = _candidates(rel, name, rooted)
            is_dir = _is_dir(entry)
            if _matches(exclude, candidates[:2]) or _matches(ignore, candidates):
                continue
            if any(rule.ignores(full, is_dir) for rule in rules):
                continue
            if is_dir:
                below.append((full, rel))
                continue
            if include is not None and not _matches(include, candidates[:2]):
                continue
            if _left_out(name) or (
                os.path.normcase(name) in left_out_names
                and os.path.normcase(os.path.abspath(full)) in leave_out
            ):
                continue
            if not entry.is_file():
                if entry.is_symlink() and not os.path.exists(full):
                    yield Skipped(full, messages.text("errors.skipped-broken-link"))
                continue  # sockets, fifos and devices are not documents
            yield Source(full, explicit=False)
        stack.extend((path, rel, rules) for path, rel in reversed(below))


BACKUP_NAME = re.compile(r".*\.orig(?:\.[0-9]+)?$")
ANNOTATED_NAME = re.compile(r".*\.taalwacht\.(?:docx|dotx|docm|odt|ott)$", re.IGNORECASE)
CONFIG_NAMES = frozenset({"taalwacht.toml"})


def _left_out(name: str) -> bool:
    """Backups of older versions (``brief.txt.orig``), the annotated copies ``check
    --annotate`` writes (``brief.taalwacht.docx``) and taalwacht's own config are not
    documents to check or fix."""
    return (
        name in CONFIG_NAMES
        or BACKUP_NAME.match(name) is not None
        or ANNOTATED_NAME.match(name) is not None
    )


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


@dataclass(frozen=True)
class _GitIgnore:
    """The patterns of one ``.gitignore``, matched relative to its folder."""

    folder: str
    spec: Any  # a pathspec.PathSpec: imported only where a .gitignore is met (it is slow)

    @classmethod
    def read(cls, folder: str) -> _GitIgnore:
        import pathspec

        try:
            with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
        except OSError:
            lines = []
        return cls(folder, pathspec.GitIgnoreSpec.from_lines(lines))

    def ignores(self, path: str, is_dir: bool) -> bool:
        rel = os.path.relpath(path, self.folder).replace(os.sep, "/")
        return bool(self.spec.match_file(rel + "/" if is_dir else rel))


def iter_sources(
    paths: Iterable[str],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    ignore: Iterable[str] = (),
    *,
    ignore_root: Path | None = None,
    gitignore: bool = True,
    leave_out: Iterable[str] = (),
) -> Iterator[Source | Skipped | Failed]:
    """The sources for the paths a user gave, in order, each file at most once.

    - ``"-"`` is standard input.
    - A file is taken as given, whatever the globs say (as with ruff and pre-commit).
    - A folder is walked recursively, without hidden files and folders; its files come
      sorted by path (``a.md``, ``archief/oud.txt``, ``b.txt``), so runs are reproducible.
      A walked file must match an ``include`` glob when any are given, and must match no
      ``exclude`` or ``ignore`` glob. Globs use ``fnmatch`` (case-sensitive on every
      system) and are tried on the path relative to the folder given (``/`` as separator)
      and on the base name; ``ignore`` globs also on the path relative to ``ignore_root``
      (the config's directory). An excluded or ignored folder is not entered.
    - A path that does not exist raises ``InputError``.

    - Folder walks also leave out what ``.gitignore`` files ignore (unless ``gitignore`` is
      false: ``--no-ignore``), backups (``*.orig``), ``taalwacht.toml`` and the files in
      ``leave_out`` (the config and the pack files in use).

    ``Skipped`` is yielded for a broken symbolic link found in a folder, ``Failed`` for a
    folder that cannot be read.
    """
    inc, exc, ign = compile_globs(include), compile_globs(exclude), compile_globs(ignore)
    root = ignore_root.resolve() if ignore_root is not None else None
    skip = frozenset(os.path.normcase(os.path.abspath(p)) for p in leave_out)
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield Source(STDIN, explicit=True)
            continue
        if os.path.isdir(path):
            found = _walk(path, inc, exc, ign, root, gitignore=gitignore, leave_out=skip)
            walked = sorted(found, key=lambda s: s.path.split(os.sep))
            for source in walked:
                if not isinstance(source, Source):
                    yield source
                    continue
                key = os.path.normcase(os.path.abspath(source.path))
                if key not in seen:
                    seen.add(key)
                    yield source
            continue
        if not os.path.lexists(path):
            raise InputError(path, messages.text("errors.file-not-found"))
        key = os.path.normcase(os.path.abspath(path))
        if key in seen:
            continue
        seen.add(key)
        yield Source(path, explicit=True)
