"""A file that is UTF-8 with a few bytes in another encoding: check goes on with a note
naming the file; fix refuses to write it back in mixed encodings and leaves it byte for
byte as it was."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, said

MIXED = "De klant krijgt één brief.\n".encode() + b"Caf\xe9 om de hoek.\n"


def test_check_goes_on_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "brief.txt").write_bytes(MIXED)
    result = cli("check", "brief.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert said("write.mixed-note", path="brief.txt") in result.stderr
    assert "klant" in result.stdout


def test_fix_refuses_and_keeps_every_byte(tmp_path: Path) -> None:
    doc = tmp_path / "brief.txt"
    doc.write_bytes(MIXED)
    result = cli("fix", "brief.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "brief.txt" in result.stderr and "gemengde codering" in result.stderr
    assert doc.read_bytes() == MIXED
