"""Hostile and unusual input through the real command line, as a user would run it.

Every case runs ``python -m taalwacht check`` in a subprocess and checks the exit code, the
output and that no traceback ever reaches the user.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import assert_one_line_error, cli, findings

SENTENCE = (
    "De gemeente helpt inwoners met hun vragen over werk en inkomen. " * 9
    + "De klant krijgt een brief van de gemeente. "
)


# ------------------------------------------------------------------ huge input


@pytest.mark.slow
def test_100_mb_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    repeats = 100_000_000 // len(SENTENCE)
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(repeats // 1000):
            handle.write(SENTENCE * 1000)
    expected = (repeats // 1000) * 1000 * SENTENCE.count("klant")
    proc = cli("check", "--format", "json", "groot.txt", cwd=tmp_path, timeout=3600)
    assert proc.returncode == 1
    found = findings(proc.stdout)
    assert len(found) == expected
    assert {f["text"] for f in found} == {"klant"}
    assert all(f["line"] == 1 for f in found)


# ---------------------------------------------------------------- not text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ruis.txt", random.Random(1).randbytes(4096)),  # NUL bytes in the first block
        ("ruis2.txt", bytes(b or 0x81 for b in random.Random(2).randbytes(4096))),  # no NUL
        ("plaatje.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(500)),
        ("bom16.txt", b"\xff\xfe" + b"\x00\xd8"),  # a UTF-16 BOM and a lone surrogate
    ],
    ids=["random bytes", "random bytes without NUL", "png", "broken utf-16"],
)
def test_binary_named_explicitly_is_one_line_error(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    proc = cli("check", name, cwd=tmp_path)
    assert_one_line_error(proc, name)
    assert proc.stdout == ""


# ------------------------------------------------------------- encodings


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Eén cliënt zei: de klant wacht al één week.\nDe bijstandsklanten ook.\n"
    (tmp_path / "oud.txt").write_bytes(text.encode("latin-1"))
    proc = cli("check", "--format", "json", "oud.txt", cwd=tmp_path)
    assert proc.returncode == 1
    found = findings(proc.stdout)
    assert [f["text"] for f in found] == ["klant", "bijstandsklanten"]
    first = found[0]
    assert (first["start"], first["end"]) == (text.index("klant"), text.index("klant") + 5)
    assert first["column"] == text.index("klant") + 1  # "é" and "ë" are one character each
    assert found[1]["line"] == 2
    assert found[1]["start"] == text.index("bijstandsklanten")


def test_utf8_with_bom(tmp_path: Path) -> None:
    text = "De klant wacht.\r\nDe klantmanager belt.\r\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    proc = cli("check", "--format", "json", "bom.txt", cwd=tmp_path)
    assert proc.returncode == 1
    found = findings(proc.stdout)
    assert [(f["text"], f["start"], f["line"], f["column"]) for f in found] == [
        ("klant", text.index("klant"), 1, 4),
        ("klantmanager", text.index("klantmanager"), 2, 4),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [("leeg.txt", b""), ("alleenbom.txt", b"\xef\xbb\xbf"), ("witruimte.md", b" \n\r\n\t\n")],
    ids=["empty", "only a BOM", "only whitespace"],
)
def test_nothing_to_check_is_exit_0(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    proc = cli("check", "--format", "json", name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert findings(proc.stdout) == []
    text = cli("check", name, cwd=tmp_path)
    assert text.returncode == 0
    assert text.stdout == ""


# ---------------------------------------------------------------- folders


def test_folder_with_binary_and_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("De klant wacht.\n", "utf-8")
    (folder / "sub" / "b.md").write_text("Het woord *klant* en de klantmanager.\n", "utf-8")
    (folder / "c.txt").write_text("Niets aan de hand.\n", "utf-8")
    (folder / "d.txt").write_bytes("Eén klant.\n".encode("cp1252"))
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    (folder / "ruis.txt").write_bytes(random.Random(4).randbytes(2000) + b"\x00")
    (folder / "leeg.txt").write_bytes(b"")
    proc = cli("check", "--format", "json", "map", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = findings(proc.stdout)
    assert [(Path(f["path"]).as_posix(), f["text"]) for f in found] == [
        ("map/a.txt", "klant"),
        ("map/d.txt", "klant"),
        ("map/sub/b.md", "klantmanager"),
    ]
    notes = proc.stderr.strip().splitlines()
    assert any("logo.png" in line for line in notes)
    assert any("ruis.txt" in line for line in notes)
    assert not any("a.txt" in line for line in notes)


def test_missing_file_next_to_a_good_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("De klant wacht.\n", "utf-8")
    proc = cli("check", "a.txt", "weg.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "weg.txt" in proc.stderr
