"""From command-line paths to checkable texts.

``iter_sources`` turns the paths a user gave into a deterministic sequence of sources:
files as given, folders walked recursively in sorted order (hidden files and folders such as
``.git`` left out), filtered by ``--include``/``--exclude`` globs and the config's
``ignore``. ``read_text`` decodes one source:

- a byte-order mark picks the encoding (UTF-8, UTF-16 or UTF-32) and is removed;
- otherwise strict UTF-8, and if that fails Windows-1252 (noted in ``Text.encoding``);
- NUL bytes in the first 8 KB, or bytes no encoding explains, mean a binary file.

Line ends are kept exactly (CRLF stays two characters), so offsets into ``Text.text`` are
offsets into the file's characters after the BOM. A binary file is skipped with a note in a
folder walk, but is an error when it was named explicitly; see ``load_source``.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from taalwacht.errors import InputError

STDIN = "-"
SNIFF_BYTES = 8192

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MARKUP = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


class BinaryInputError(InputError):
    """The bytes are not text: NUL bytes near the start, or no encoding decodes them."""


@dataclass(frozen=True)
class Text:
    """A decoded document.

    ``text`` is the file's content without its BOM, line ends untouched. ``encoding`` is the
    codec that decodes the bytes after the BOM (``utf-8``, ``cp1252``, ``utf-16-le`` ...);
    ``bom`` tells whether the file started with one, so a writer can restore both.
    """

    path: str  # as shown to the user; "-" for standard input
    text: str
    encoding: str
    bom: bool
    markup: str  # "text", "markdown" or "html"
    size: int  # bytes read


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


def markup_for(path: str | os.PathLike[str]) -> str:
    """The markup of a file by its extension: ``markdown``, ``html`` or ``text``."""
    return _MARKUP.get(os.path.splitext(os.fspath(path))[1].lower(), "text")


def decode(data: bytes, path: str = "") -> tuple[str, str, bool]:
    """Decode document bytes; return ``(text, encoding, bom)``.

    Raises ``BinaryInputError`` for binary or undecodable data. Never quadratic: one
    decode of the whole buffer, and NUL sniffing looks at the first 8 KB only.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                text = str(data[len(mark) :], encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInputError(
                    path, f"not valid {encoding.upper()} text despite its byte-order mark"
                ) from exc
            if "\x00" in text[:SNIFF_BYTES]:
                raise BinaryInputError(path, "binary file (NUL characters)")
            return text, encoding, True
    if b"\x00" in data[:SNIFF_BYTES]:
        raise BinaryInputError(path, "binary file (NUL bytes)")
    try:
        return str(data, "utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return str(data, "cp1252"), "cp1252", False
    except UnicodeDecodeError as exc:
        raise BinaryInputError(path, "binary file (not UTF-8 or Windows-1252 text)") from exc


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise InputError(path, "file not found") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from exc


def read_text(path: str | os.PathLike[str]) -> Text:
    """Read and decode one file, or standard input for ``"-"``.

    Raises ``InputError`` naming the file when it cannot be read, and ``BinaryInputError``
    (a subclass) when it is not text.
    """
    name = os.fspath(path)
    data = _read_bytes(name)
    text, encoding, bom = decode(data, name)
    markup = "text" if name == STDIN else markup_for(name)
    return Text(path=name, text=text, encoding=encoding, bom=bom, markup=markup, size=len(data))


def load_source(source: Source) -> Text | Skipped:
    """Read a source: a binary file found in a folder walk becomes ``Skipped``.

    Any other problem, and a binary file named explicitly, raises ``InputError``.
    """
    try:
        return read_text(source.path)
    except BinaryInputError:
        if source.explicit:
            raise
        return Skipped(source.path, "overgeslagen: binair bestand")


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


def _candidates(rel: str, rooted: str | None) -> tuple[str, ...]:
    """Names a glob is tried on: path relative to the walked folder, base name, and the
    path relative to the config's directory when the folder lies inside it."""
    rel_posix = rel.replace(os.sep, "/")
    names = (rel_posix, os.path.basename(rel))
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
) -> Iterator[Source | Skipped]:
    def fail(err: OSError) -> None:
        where = err.filename or folder
        raise InputError(str(where), f"cannot read the folder ({err.strerror or err})") from err

    rooted = _relative_root(folder, ignore_root)

    for dirpath, dirnames, filenames in os.walk(folder, onerror=fail):
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            candidates = _candidates(os.path.relpath(full, folder), rooted)
            if _matches(exclude, candidates[:2]) or _matches(ignore, candidates):
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.normpath(os.path.join(dirpath, name))
            candidates = _candidates(os.path.relpath(full, folder), rooted)
            if include is not None and not _matches(include, candidates[:2]):
                continue
            if _matches(exclude, candidates[:2]) or _matches(ignore, candidates):
                continue
            if not os.path.isfile(full):
                if os.path.islink(full) and not os.path.exists(full):
                    yield Skipped(full, "overgeslagen: verbroken koppeling")
                continue  # sockets, fifos and devices are not documents
            yield Source(full, explicit=False)


def iter_sources(
    paths: Iterable[str],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    ignore: Iterable[str] = (),
    *,
    ignore_root: Path | None = None,
) -> Iterator[Source | Skipped]:
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

    ``Skipped`` is yielded for a broken symbolic link found in a folder.
    """
    inc, exc, ign = compile_globs(include), compile_globs(exclude), compile_globs(ignore)
    root = ignore_root.resolve() if ignore_root is not None else None
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield Source(STDIN, explicit=True)
            continue
        if os.path.isdir(path):
            walked = sorted(_walk(path, inc, exc, ign, root), key=lambda s: s.path.split(os.sep))
            for source in walked:
                if isinstance(source, Skipped):
                    yield source
                    continue
                key = os.path.normcase(os.path.abspath(source.path))
                if key not in seen:
                    seen.add(key)
                    yield source
            continue
        if not os.path.lexists(path):
            raise InputError(path, "file not found")
        key = os.path.normcase(os.path.abspath(path))
        if key in seen:
            continue
        seen.add(key)
        yield Source(path, explicit=True)
