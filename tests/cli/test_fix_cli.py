"""`taalwacht fix` on the command line: in place with backups, --diff, standard input,
encodings and line ends, exit codes, a failing write, --prefer and --interactive."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLEAN, cli, findings, run, write

FIXABLE = "Het nieuwe product van de gemeente is gratis.\n"
FIXED = "De nieuwe voorziening van de gemeente is gratis.\n"
LEFT = "Het product is gratis als u het op tijd bij de gemeente aanvraagt.\n"


def fix(*args: str, input: str | bytes | None = None) -> Any:
    """``taalwacht fix *args`` in process."""
    return run("fix", *args, input=input)


# ------------------------------------------------------------------ in place


def _backups(workdir: Path) -> list[Path]:
    """The backed-up originals of every run, oldest run first."""
    runs = sorted((workdir / ".taalwacht" / "backups").iterdir())
    return [p for run in runs for p in sorted((run / "bestanden").rglob("*")) if p.is_file()]


def test_in_place_keeps_a_backup_that_undo_restores(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    result = fix("brief.txt")
    assert result.exit_code == 0, result.output
    assert doc.read_text("utf-8") == FIXED
    assert [p.read_text("utf-8") for p in _backups(workdir)] == [FIXABLE]
    assert not (workdir / "brief.txt.orig").exists()  # no backups beside the documents
    assert "1 woord herschreven in 1 bestand" in result.stderr
    assert "taalwacht undo" in result.stderr
    assert result.stdout == ""
    undone = run("undo")
    assert undone.exit_code == 0, undone.output
    assert doc.read_text("utf-8") == FIXABLE


def test_undo_refuses_a_file_changed_since(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    assert fix("brief.txt").exit_code == 0
    doc.write_text(FIXED + "Een regel van de schrijver.\n", "utf-8")
    undone = run("undo")
    assert undone.exit_code == 2
    assert "brief.txt" in undone.stderr
    assert doc.read_text("utf-8") == FIXED + "Een regel van de schrijver.\n"


def test_undo_again_takes_the_run_before_back_too(workdir: Path) -> None:
    """After a fix that stopped halfway and a second fix that finished, two undos bring
    every original back, newest run first; a third says there is nothing left."""
    first = write(workdir / "a.txt", FIXABLE)
    assert fix("a.txt").exit_code == 0
    second = write(workdir / "b.txt", FIXABLE)
    assert fix(".").exit_code == 0
    assert (first.read_text("utf-8"), second.read_text("utf-8")) == (FIXED, FIXED)
    undone = run("undo")
    assert undone.exit_code == 0, undone.output
    assert "nog eens 'taalwacht undo' zet ook die terug" in undone.stderr
    assert (first.read_text("utf-8"), second.read_text("utf-8")) == (FIXED, FIXABLE)
    undone = run("undo")
    assert undone.exit_code == 0, undone.output
    assert "nog eens" not in undone.stderr
    assert (first.read_text("utf-8"), second.read_text("utf-8")) == (FIXABLE, FIXABLE)
    last = run("undo")
    assert last.exit_code == 0
    assert "elke run is al teruggezet" in last.stderr


def test_old_orig_files_are_neither_checked_nor_fixed_and_runs_keep_their_own_backups(
    workdir: Path,
) -> None:
    write(workdir / "brief.txt", FIXABLE)
    old = write(workdir / "brief.txt.orig", FIXABLE)
    assert fix(".").exit_code == 0
    write(workdir / "brief.txt", FIXABLE)  # the writer puts the word back
    assert fix(".").exit_code == 0
    assert old.read_text("utf-8") == FIXABLE
    assert not (workdir / "brief.txt.orig.orig").exists()
    assert [p.read_text("utf-8") for p in _backups(workdir)] == [FIXABLE, FIXABLE]


def test_no_backup(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    assert fix("--no-backup", "brief.txt").exit_code == 0
    assert doc.read_text("utf-8") == FIXED
    assert sorted(p.name for p in workdir.iterdir()) == ["brief.txt"]


def test_clean_file_is_not_rewritten(workdir: Path) -> None:
    doc = write(workdir / "mooi.txt", CLEAN)
    before = doc.stat().st_mtime_ns
    os.utime(doc, ns=(before - 10_000_000_000, before - 10_000_000_000))
    stamp = doc.stat().st_mtime_ns
    result = fix("mooi.txt")
    assert result.exit_code == 0
    assert doc.stat().st_mtime_ns == stamp
    assert not (workdir / "mooi.txt.orig").exists()


def test_a_killed_runs_leftover_goes_where_nothing_is_left_to_fix(workdir: Path) -> None:
    """A run killed while it wrote ``brief.txt`` left a half-written copy beside it; the
    file itself got written before the kill, so the next run has nothing to change there.
    It still removes the leftover, and leaves the file and a live run's copy alone."""
    doc = write(workdir / "map" / "brief.txt", FIXED)
    stamp = doc.stat().st_mtime_ns
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    leftover = write(
        workdir / "map" / f".brief.txt.taalwacht-{int(gone.stdout)}-0badf00d.tmp", FIXED[:20]
    )
    running = write(workdir / "map" / f".nota.txt.taalwacht-{os.getpid()}-89abcdef.tmp", "bezig")
    result = fix("map")
    assert result.exit_code == 0, result.output
    assert not leftover.exists()
    assert running.exists()  # a run still busy may be about to rename it
    assert doc.read_text("utf-8") == FIXED and doc.stat().st_mtime_ns == stamp


def test_folder_recursively_with_include(workdir: Path) -> None:
    write(workdir / "docs" / "a.txt", FIXABLE)
    write(workdir / "docs" / "sub" / "b.md", FIXABLE)
    write(workdir / "docs" / "c.html", FIXABLE)
    result = fix("--no-backup", "--include", "*.txt", "--include", "*.md", "docs")
    assert result.exit_code == 0, result.output
    assert (workdir / "docs" / "a.txt").read_text("utf-8") == FIXED
    assert (workdir / "docs" / "sub" / "b.md").read_text("utf-8") == FIXED
    assert (workdir / "docs" / "c.html").read_text("utf-8") == FIXABLE
    assert "2 woorden herschreven in 2 bestanden" in result.stderr


def test_permissions_are_kept(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    doc.chmod(0o640)
    assert fix("--no-backup", "brief.txt").exit_code == 0
    assert doc.stat().st_mode & 0o777 == 0o640


# ------------------------------------------------------------------ exit codes


def test_left_for_a_person_exits_1_with_reason(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE + LEFT)
    result = fix("brief.txt")
    assert result.exit_code == 1
    assert doc.read_text("utf-8") == FIXED + LEFT
    assert "brief.txt:2:5: 'product' [product]" in result.stderr
    assert "verwijzen" in result.stderr


def test_missing_file_exits_2(workdir: Path) -> None:
    result = fix("weg.txt")
    assert result.exit_code == 2
    assert "weg.txt" in result.stderr
    assert "Traceback" not in result.output


def test_no_path_and_mixed_stdin_are_usage_errors(workdir: Path) -> None:
    assert fix().exit_code == 2
    write(workdir / "a.txt", FIXABLE)
    assert fix("-", "a.txt").exit_code == 2
    assert fix("--interactive", "-").exit_code == 2


def test_binary_named_explicitly_exits_2_untouched(workdir: Path) -> None:
    data = b"\x00\x01binary product gemeente"
    doc = write(workdir / "x.bin", data)
    assert fix("x.bin").exit_code == 2
    assert doc.read_bytes() == data


# ------------------------------------------------------------------ --diff


def test_diff_writes_nothing(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    result = fix("--diff", "brief.txt")
    assert result.exit_code == 1  # there is something to fix
    assert doc.read_text("utf-8") == FIXABLE
    assert not (workdir / "brief.txt.orig").exists()
    assert "--- a/brief.txt" in result.stdout
    assert "-Het nieuwe product van de gemeente is gratis." in result.stdout
    assert "+De nieuwe voorziening van de gemeente is gratis." in result.stdout


def test_diff_of_clean_file_is_empty(workdir: Path) -> None:
    write(workdir / "mooi.txt", CLEAN)
    result = fix("--diff", "mooi.txt")
    assert result.exit_code == 0
    assert result.stdout == ""


# ------------------------------------------------------------------ standard input


def test_stdin_to_stdout_only_the_text(workdir: Path) -> None:
    result = fix("-", input=FIXABLE + LEFT)
    assert result.exit_code == 1
    assert result.stdout == FIXED + LEFT
    assert "melding voor een mens" in result.stderr


def test_stdin_clean_exits_0_and_echoes(workdir: Path) -> None:
    result = fix("-", input=CLEAN)
    assert result.exit_code == 0
    assert result.stdout == CLEAN


def test_stdin_as_a_real_process(workdir: Path) -> None:
    proc = cli("fix", "--isolated", "-", cwd=workdir, input=FIXABLE.encode("utf-8"), binary=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == FIXED.encode("utf-8")
    assert b"herschreven" in proc.stderr


# ------------------------------------------------------------------ encodings and line ends


def test_cp1252_round_trip(workdir: Path) -> None:
    text = "Café de Gemeente: het nieuwe product van de gemeente is gratis.\r\n"
    doc = write(workdir / "oud.txt", text.encode("cp1252"))
    assert fix("--no-backup", "oud.txt").exit_code == 0
    data = doc.read_bytes()
    assert data.decode("cp1252") == (
        "Café de Gemeente: de nieuwe voorziening van de gemeente is gratis.\r\n"
    )
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_utf8_bom_and_crlf_round_trip(workdir: Path) -> None:
    text = FIXABLE.replace("\n", "\r\n") + CLEAN.replace("\n", "\r\n")
    doc = write(workdir / "bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    assert fix("--no-backup", "bom.txt").exit_code == 0
    expected = FIXED.replace("\n", "\r\n") + CLEAN.replace("\n", "\r\n")
    assert doc.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")


def test_utf16_bom_round_trip(workdir: Path) -> None:
    doc = write(workdir / "wide.txt", codecs.BOM_UTF16_LE + FIXABLE.encode("utf-16-le"))
    assert fix("--no-backup", "wide.txt").exit_code == 0
    assert doc.read_bytes() == codecs.BOM_UTF16_LE + FIXED.encode("utf-16-le")


def test_byte_identical_outside_the_edits(workdir: Path) -> None:
    text = "  Titel\t\n\nHet nieuwe product van de gemeente is gratis.   \n\n\n- lijst\n"
    doc = write(workdir / "x.md", text)
    assert fix("--no-backup", "x.md").exit_code == 0
    assert doc.read_text("utf-8") == text.replace("Het nieuwe product", "De nieuwe voorziening")


# ------------------------------------------------------------------ a failing write


def test_failing_replace_leaves_original(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = fix("brief.txt")
    assert result.exit_code == 2
    assert "brief.txt" in result.stderr and "ongewijzigd" in result.stderr
    assert "Traceback" not in result.output
    assert doc.read_bytes() == FIXABLE.encode("utf-8")
    # no temporary file, nothing beside the document but the backups folder
    assert sorted(p.name for p in workdir.iterdir()) == [".taalwacht", "brief.txt"]


def test_failing_fsync_leaves_original(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    assert fix("brief.txt").exit_code == 2
    assert doc.read_bytes() == FIXABLE.encode("utf-8")
    assert sorted(p.name for p in workdir.iterdir()) == ["brief.txt"]


# ------------------------------------------------------------------ --prefer and config


def test_prefer_option(workdir: Path) -> None:
    result = fix("--prefer", "klant=burger", "-", input="De klant krijgt een brief.\n")
    assert result.exit_code == 0
    assert result.stdout == "De burger krijgt een brief.\n"


def test_prefer_from_config_and_isolated(workdir: Path) -> None:
    write(workdir / "taalwacht.toml", '[prefer]\nklant = "aanvrager"\n')
    result = fix("-", input="De klant krijgt een brief.\n")
    assert result.stdout == "De aanvrager krijgt een brief.\n"
    result = fix("--isolated", "-", input="De klant krijgt een brief.\n")
    assert result.stdout == "De inwoner krijgt een brief.\n"
    result = fix("--prefer", "klant=cliënt", "-", input="De klant krijgt een brief.\n")
    assert result.stdout == "De cliënt krijgt een brief.\n"


@pytest.mark.parametrize("value", ["klant=burgerij", "klont=burger", "klant", "=burger"])
def test_bad_prefer_exits_2(workdir: Path, value: str) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    result = fix("--prefer", value, "brief.txt")
    assert result.exit_code == 2
    assert result.stderr.strip()
    assert doc.read_text("utf-8") == FIXABLE


# ------------------------------------------------------------------ --interactive


def test_interactive_accept(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    result = fix("--interactive", "--no-backup", "brief.txt", input="a\n")
    assert result.exit_code == 0, result.output
    assert doc.read_text("utf-8") == FIXED
    assert "voor: Het nieuwe product van de gemeente is gratis." in result.stderr
    assert "na:   De nieuwe voorziening van de gemeente is gratis." in result.stderr


def test_interactive_pick_another(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    assert fix("-i", "--no-backup", "brief.txt", input="2\n").exit_code == 0
    assert doc.read_text("utf-8") == "De nieuwe dienst van de gemeente is gratis.\n"


def test_interactive_skip_leaves_finding(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    result = fix("-i", "brief.txt", input="s\n")
    assert result.exit_code == 1
    assert doc.read_text("utf-8") == FIXABLE
    assert "overgeslagen" in result.stderr


def test_interactive_edit(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", "De klant krijgt een brief.\n")
    assert fix("-i", "--no-backup", "brief.txt", input="e\nbewoner\n").exit_code == 0
    assert doc.read_text("utf-8") == "De bewoner krijgt een brief.\n"


def test_interactive_quit_and_end_of_input(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", "De klant krijgt een brief.\n" + FIXABLE)
    result = fix("-i", "brief.txt", input="q\n")
    assert result.exit_code == 1
    assert doc.read_text("utf-8") == "De klant krijgt een brief.\n" + FIXABLE
    result = fix("-i", "brief.txt", input="")  # no terminal input at all: nothing changes
    assert result.exit_code == 1


def test_interactive_unknown_answer_asks_again(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", FIXABLE)
    result = fix("-i", "--no-backup", "brief.txt", input="x\n9\na\n")
    assert result.exit_code == 0
    assert "onbekend antwoord" in result.stderr
    assert doc.read_text("utf-8") == FIXED


# ------------------------------------------------------------------ a second run

# "klantbeeld" is a use; "producten" with no public-service word in reach is not reported.
# The first run writes "beeld van de inwoner": were that the writer's word, it would make
# the products a public service's, and a second run would rewrite them too.
OWN_WORDS = "De klantgegevens staan in het dossier. Onze producten zijn gratis.\n"


def test_a_second_fix_does_not_read_the_first_runs_words_as_the_writers(
    workdir: Path,
) -> None:
    doc = write(workdir / "brief.txt", OWN_WORDS)
    assert fix("brief.txt").exit_code == 0
    once = doc.read_text("utf-8")
    assert once == "De gegevens van inwoners staan in het dossier. Onze producten zijn gratis.\n"
    again = fix("brief.txt")
    assert again.exit_code == 0, again.output
    assert doc.read_text("utf-8") == once
    assert "0 woorden herschreven" in again.stderr
    checked = run("check", "--format", "json", "brief.txt")
    assert [f for f in findings(checked.stdout) if f["reported"]] == []
    # a file a person changed since is their text, words and all: read as any other
    doc.write_text(once + "Meer informatie volgt.\n", "utf-8")
    assert fix("brief.txt").exit_code == 0
    assert "Onze voorzieningen zijn gratis." in doc.read_text("utf-8")


def test_undo_after_two_runs_and_a_third_run(workdir: Path) -> None:
    doc = write(workdir / "brief.txt", OWN_WORDS)
    assert fix("brief.txt").exit_code == 0
    once = doc.read_text("utf-8")
    assert run("undo").exit_code == 0
    assert doc.read_text("utf-8") == OWN_WORDS  # the original: no note applies to it
    assert fix("brief.txt").exit_code == 0
    assert doc.read_text("utf-8") == once
    assert fix("brief.txt").exit_code == 0
    assert doc.read_text("utf-8") == once


DOUBTED = "Het klantbeeld van de gemeente is compleet. Deze casus is afgesloten.\n"


def test_a_word_a_run_doubted_is_noted_where_it_stands_in_the_written_file(
    workdir: Path,
) -> None:
    from taalwacht.formats.backup import fix_notes

    doc = write(workdir / "brief.txt", DOUBTED)
    result = fix("brief.txt")
    assert "'casus' [casus]: taalwacht twijfelt" in result.stderr, result.stderr
    text = doc.read_text("utf-8")
    (notes,) = fix_notes(str(workdir)).values()
    at = text.index("casus")
    assert notes.doubted == ((at, at + len("casus")),)
    assert [text[a:b] for a, b in notes.written] == ["beeld van de inwoner"]


def test_a_later_fix_leaves_a_word_an_earlier_run_doubted_until_the_file_changes(
    workdir: Path,
) -> None:
    from taalwacht.formats.backup import BackupRun, FixNotes

    doc = write(workdir / "brief.txt", FIXABLE)
    at = FIXABLE.index("product")
    run_ = BackupRun.start(str(workdir))
    run_.save(str(doc), b"", FIXABLE.encode())  # as fix does before it writes
    run_.note(str(doc), FIXABLE.encode(), FixNotes((), ((at, at + 7),)))
    left = fix("brief.txt")
    assert left.exit_code == 1, left.output
    assert "'product' [product]: taalwacht twijfelt" in left.stderr
    assert doc.read_text("utf-8") == FIXABLE
    doc.write_text(FIXABLE + "\n", "utf-8")  # the writer's own text again
    assert fix("brief.txt").exit_code == 0
    assert doc.read_text("utf-8") == FIXED + "\n"
