"""From command-line paths to sources: folder walks in sorted order, hidden files left out,
globs (include, exclude, the config's ignore), standard input and broken links."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import said, write
from taalwacht.errors import InputError
from taalwacht.formats.walk import Skipped, Source, compile_globs, iter_sources

SENTENCE = "De klant krijgt een brief.\n"


# ------------------------------------------------------------------ iter_sources


def tree(root: Path) -> None:
    write(root / "b.txt", SENTENCE)
    write(root / "a.md", SENTENCE)
    write(root / "sub" / "c.html", SENTENCE)
    write(root / "sub" / "deep" / "d.txt", SENTENCE)
    write(root / "archief" / "old.txt", SENTENCE)
    write(root / ".git" / "config", SENTENCE)
    write(root / ".hidden.txt", SENTENCE)


def rel(root: Path, items: list[Source | Skipped]) -> list[str]:
    return [Path(s.path).relative_to(root).as_posix() for s in items]


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    tree(tmp_path)
    found = list(iter_sources([str(tmp_path)]))
    assert all(isinstance(s, Source) and not s.explicit for s in found)
    assert rel(tmp_path, found) == [
        "a.md",
        "archief/old.txt",
        "b.txt",
        "sub/c.html",
        "sub/deep/d.txt",
    ]


def test_include_matches_basename_and_relative_path(tmp_path: Path) -> None:
    tree(tmp_path)
    assert rel(tmp_path, list(iter_sources([str(tmp_path)], include=["*.txt"]))) == [
        "archief/old.txt",
        "b.txt",
        "sub/deep/d.txt",
    ]
    assert rel(tmp_path, list(iter_sources([str(tmp_path)], include=["sub/*"]))) == [
        "sub/c.html",
        "sub/deep/d.txt",
    ]


def test_exclude_prunes_folders_and_files(tmp_path: Path) -> None:
    tree(tmp_path)
    found = iter_sources([str(tmp_path)], exclude=["archief", "*.html"])
    assert rel(tmp_path, list(found)) == ["a.md", "b.txt", "sub/deep/d.txt"]
    found = iter_sources([str(tmp_path)], exclude=["sub/deep/**"])
    assert "sub/deep/d.txt" not in rel(tmp_path, list(found))


def test_ignore_is_relative_to_the_config_directory(tmp_path: Path) -> None:
    tree(tmp_path)
    # Walking "sub" but the glob is written from the config's directory (tmp_path).
    found = iter_sources([str(tmp_path / "sub")], ignore=["sub/deep/*"], ignore_root=tmp_path)
    assert rel(tmp_path, list(found)) == ["sub/c.html"]


def test_explicit_files_bypass_globs(tmp_path: Path) -> None:
    tree(tmp_path)
    path = str(tmp_path / "b.txt")
    found = list(iter_sources([path], exclude=["*.txt"], ignore=["b.txt"]))
    assert found == [Source(path, explicit=True)]


def test_each_file_once_and_in_given_order(tmp_path: Path) -> None:
    tree(tmp_path)
    b = str(tmp_path / "b.txt")
    found = list(iter_sources([b, str(tmp_path), b]))
    paths = rel(tmp_path, found)
    assert paths[0] == "b.txt"
    assert paths.count("b.txt") == 1
    assert len(paths) == 5


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=re.escape("nope.txt: " + said("errors.file-not-found"))):
        list(iter_sources([str(tmp_path / "nope.txt")]))


def test_stdin_dash() -> None:
    assert list(iter_sources(["-"])) == [Source("-", explicit=True)]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_broken_link_in_folder_is_skipped_with_note(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", SENTENCE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = list(iter_sources([str(tmp_path)]))
    assert isinstance(found[0], Source)
    assert isinstance(found[1], Skipped)
    assert "overgeslagen" in found[1].note


@pytest.mark.parametrize("pattern", ["archief", "archief/", "archief/**", "**/archief"])
def test_compile_globs_folder_spellings(pattern: str) -> None:
    globs = compile_globs([pattern])
    assert globs is not None
    assert globs.match("archief")


def test_compile_globs_without_patterns() -> None:
    assert compile_globs([]) is None
    assert compile_globs(["", "/"]) is None
