"""The command line, in process (CliRunner) and as a real subprocess.

Tests rely only on plain sentences: "De klant krijgt een brief." gives a finding for
"klant"; "Een mooie dag." gives none. They do not depend on the engine's finer decisions.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import (
    CLEAN,
    DATA,
    FLAGGED,
    REPO,
    assert_one_line_error,
    cli,
    findings,
    run,
    said,
    write,
)
from taalwacht.cli.check import FailOn
from taalwacht.model.finding import SEVERITIES, SEVERITY_NAMES

SCHEMA = DATA / "sarif-schema-2.1.0.json"


# --------------------------------------------------------------------- exit codes


def test_exit_1_with_a_finding(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    result = run("check", "a.txt")
    assert result.exit_code == 1
    assert result.stdout.startswith("a.txt:1:4: waarschuwing klant: ")


def test_exit_0_without_findings(workdir: Path) -> None:
    write(workdir / "a.txt", CLEAN)
    result = run("check", "a.txt")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_empty_file(workdir: Path) -> None:
    write(workdir / "leeg.txt", "")
    result = run("check", "--format", "json", "leeg.txt")
    assert result.exit_code == 0
    assert findings(result.stdout) == []


def test_no_path_is_a_usage_error(workdir: Path) -> None:
    assert_one_line_error(run("check"), said("errors.no-path", command="check"))


def test_missing_file(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    result = run("check", "a.txt", "nope.txt")
    assert_one_line_error(result, "nope.txt", said("errors.file-not-found"))
    assert result.stdout == ""  # nothing is checked when a named path is missing


def test_extra_argument_is_a_dutch_usage_error(workdir: Path) -> None:
    # "taalwacht undo brief.txt": undo takes no path; Click says "argument(s)"
    result = cli("undo", "brief.txt", cwd=workdir)
    assert_one_line_error(result, said("cli.extra-argument", args="brief.txt"))


def test_option_without_its_value_is_a_dutch_usage_error(workdir: Path) -> None:
    result = cli("check", "--format", cwd=workdir)
    assert_one_line_error(result, said("cli.needs-value", option="--format"))


def test_unknown_command_lists_every_command(workdir: Path) -> None:
    result = cli("controleer", cwd=workdir)
    assert_one_line_error(result, "controleer")
    for command in ("check", "fix", "undo", "scan", "report", "serve", "user", "token", "pack"):
        assert command in result.stderr


def test_unknown_format_is_a_usage_error(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    assert run("check", "--format", "xml", "a.txt").exit_code == 2


def test_fail_on_threshold(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    write(workdir / "taalwacht.toml", '[severity]\nklant = "info"\n')
    assert run("check", "a.txt").exit_code == 0  # info is below the default "warning"
    assert run("check", "--fail-on", "info", "a.txt").exit_code == 1
    out = findings(run("check", "-f", "json", "a.txt").stdout)
    assert [f["severity"] for f in out] == ["info"]


def test_fail_on_error_lets_warnings_pass(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    result = run("check", "--fail-on", "error", "a.txt")
    assert result.exit_code == 0
    assert "klant" in result.stdout  # still reported, just not failing


def test_severities_go_by_the_dutch_names_a_finding_line_shows(workdir: Path) -> None:
    """A writer who reads "waarschuwing klant" may ask for that name: --fail-on and the
    settings file take opmerking, waarschuwing and fout as info, warning and error."""
    write(workdir / "a.txt", FLAGGED)
    result = run("check", "--fail-on", "waarschuwing", "a.txt")
    assert result.exit_code == 1
    assert ": waarschuwing klant: " in result.stdout
    assert run("check", "--fail-on", "fout", "a.txt").exit_code == 0
    write(workdir / "taalwacht.toml", '[severity]\nklant = "opmerking"\n')
    assert run("check", "--fail-on", "opmerking", "a.txt").exit_code == 1
    assert ": opmerking klant: " in run("check", "a.txt").stdout
    write(workdir / "taalwacht.toml", 'fail-on = "ernstig"\n')
    refused = run("check", "a.txt")
    assert refused.exit_code == 2
    assert "waarschuwing" in refused.stderr  # the names it takes, Dutch among them


# --------------------------------------------------------------- json and offsets


def test_json_offsets_point_into_the_decoded_text(workdir: Path) -> None:
    text = "Een mooie dag.\r\nDe klant krijgt een brief.\r\n"
    write(workdir / "crlf.txt", text)
    result = run("check", "--format", "json", "crlf.txt")
    assert result.exit_code == 1
    [item] = findings(result.stdout)
    assert text[item["start"] : item["end"]] == item["text"] == "klant"
    assert (item["line"], item["column"]) == (2, 4)
    assert item["path"] == "crlf.txt"
    assert item["reported"] is True
    assert item["suggestions"] and all(isinstance(s, str) for s in item["suggestions"])
    for key in ("term", "pack", "severity", "message", "reason", "related", "decision"):
        assert key in item


def test_bom_is_not_counted_in_offsets(workdir: Path) -> None:
    write(workdir / "bom.md", codecs.BOM_UTF8 + FLAGGED.encode())
    [item] = findings(run("check", "-f", "json", "bom.md").stdout)
    assert (item["start"], item["column"]) == (3, 4)
    assert FLAGGED[item["start"] : item["end"]] == "klant"


def test_utf16_file(workdir: Path) -> None:
    write(workdir / "u16.txt", codecs.BOM_UTF16_LE + FLAGGED.encode("utf-16-le"))
    [item] = findings(run("check", "-f", "json", "u16.txt").stdout)
    assert FLAGGED[item["start"] : item["end"]] == "klant"


def test_cp1252_file_is_decoded(workdir: Path) -> None:
    text = "Café “De Zon”: €5.\nDe klant krijgt een brief.\n"
    write(workdir / "oud.txt", text.encode("cp1252"))
    result = run("check", "-f", "json", "oud.txt")
    [item] = findings(result.stdout)
    assert text[item["start"] : item["end"]] == "klant"
    assert (item["line"], item["column"]) == (2, 4)


def test_findings_sorted_per_file(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED * 3)
    write(workdir / "b.txt", FLAGGED)
    out = findings(run("check", "-f", "json", "b.txt", "a.txt").stdout)
    assert [f["path"] for f in out] == ["b.txt", "a.txt", "a.txt", "a.txt"]
    starts = [f["start"] for f in out if f["path"] == "a.txt"]
    assert starts == sorted(starts) and len(set(starts)) == 3


def test_explain_adds_unreported_occurrences(workdir: Path) -> None:
    write(workdir / "a.txt", "Het woord 'klant' is markttaal. " + FLAGGED)
    plain = findings(run("check", "-f", "json", "a.txt").stdout)
    explained = findings(run("check", "-f", "json", "--explain", "a.txt").stdout)
    assert all(f["reported"] for f in plain)
    hidden = [f for f in explained if not f["reported"]]
    assert len(explained) == len(plain) + len(hidden)
    for item in hidden:
        assert item["decision"] not in ("use", "fixed")
        assert item["why"]


def test_stdin(workdir: Path) -> None:
    result = run("check", "-f", "json", "-", input=FLAGGED.encode())
    assert result.exit_code == 1
    [item] = findings(result.stdout)
    assert item["path"] == "-"
    assert item["start"] == 3


def test_sarif_output_is_valid(workdir: Path) -> None:
    write(workdir / "a.md", FLAGGED)
    write(workdir / "b.txt", CLEAN)
    result = run("check", "--format", "sarif", "a.md", "b.txt")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    rules = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert "klant" in rules  # every active term is a rule
    assert [r["ruleId"] for r in doc["runs"][0]["results"]] == ["klant"]


def test_github_output(workdir: Path) -> None:
    write(workdir / "a.md", FLAGGED)
    result = run("check", "--format", "github", "a.md")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "::warning file=a.md,line=1,col=4,endLine=1,endColumn=9,title=taalwacht klant::"
    )


# ------------------------------------------------------------- binary and folders


def test_binary_named_explicitly_is_an_error(workdir: Path) -> None:
    write(workdir / "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    not_text = said("write.binary-kind", kind=said("write.kind-png"))  # PNG-afbeelding, geen tekst
    assert_one_line_error(run("check", "logo.png"), "logo.png", not_text)


def test_binary_in_a_folder_is_skipped_with_a_note(workdir: Path) -> None:
    write(workdir / "docs" / "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(workdir / "docs" / "a.txt", FLAGGED)
    result = run("check", "-f", "json", "docs")
    assert result.exit_code == 1
    assert "logo.png: overgeslagen: binair bestand" in result.stderr
    assert [f["path"] for f in findings(result.stdout)] == [os.path.join("docs", "a.txt")]


def test_folder_with_include_and_exclude(workdir: Path) -> None:
    write(workdir / "docs" / "a.md", FLAGGED)
    write(workdir / "docs" / "b.txt", FLAGGED)
    write(workdir / "docs" / "archief" / "c.md", FLAGGED)

    def paths(*args: str) -> list[str]:
        out = findings(run("check", "-f", "json", *args, "docs").stdout)
        return [Path(f["path"]).as_posix() for f in out]

    assert paths() == ["docs/a.md", "docs/archief/c.md", "docs/b.txt"]
    assert paths("--include", "*.md") == ["docs/a.md", "docs/archief/c.md"]
    assert paths("--include", "*.md", "--exclude", "archief") == ["docs/a.md"]
    assert paths("--exclude", "*.md", "--exclude", "*.txt") == []


def test_text_summary_on_stderr(workdir: Path) -> None:
    write(workdir / "docs" / "a.txt", FLAGGED)
    write(workdir / "docs" / "b.txt", CLEAN)
    result = run("check", "docs")
    assert "1 melding in 2 bestanden" in result.stderr
    assert "melding" not in result.stdout


# ----------------------------------------------------------------------- config


def test_config_found_upward(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(workdir / "taalwacht.toml", 'fail-on = "error"\n')
    sub = workdir / "deel" / "hoofdstuk"
    write(sub / "a.txt", FLAGGED)
    monkeypatch.chdir(sub)
    assert run("check", "a.txt").exit_code == 0  # fail-on = error from two levels up
    assert run("check", "--fail-on", "warning", "a.txt").exit_code == 1  # option wins


def test_config_in_pyproject(workdir: Path) -> None:
    pyproject = '[project]\nname = "x"\n[tool.taalwacht]\nfail-on = "error"\n'
    write(workdir / "pyproject.toml", pyproject)
    write(workdir / "a.txt", FLAGGED)
    assert run("check", "a.txt").exit_code == 0


def test_config_ignore(workdir: Path) -> None:
    write(workdir / "taalwacht.toml", 'ignore = ["archief/**"]\n')
    write(workdir / "docs" / "archief" / "oud.txt", FLAGGED)
    write(workdir / "docs" / "nieuw.txt", CLEAN)
    write(workdir / "archief" / "x.txt", FLAGGED)
    assert run("check", "docs").exit_code == 0
    assert run("check", ".").exit_code == 0


def test_malformed_config_is_exit_2(workdir: Path) -> None:
    write(workdir / "taalwacht.toml", 'fail-on = "error\n')
    write(workdir / "a.txt", FLAGGED)
    assert_one_line_error(run("check", "a.txt"), "taalwacht.toml", said("config.toml"))


def test_unknown_config_key_is_exit_2(workdir: Path) -> None:
    write(workdir / "taalwacht.toml", 'fial-on = "error"\n')
    write(workdir / "a.txt", FLAGGED)
    assert_one_line_error(run("check", "a.txt"), "taalwacht.toml", "fial-on")


def test_isolated_ignores_config(workdir: Path) -> None:
    write(workdir / "taalwacht.toml", 'fail-on = "error\n')  # broken on purpose
    write(workdir / "a.txt", FLAGGED)
    assert run("check", "--isolated", "a.txt").exit_code == 1


def test_unknown_term_in_config_is_a_warning(workdir: Path) -> None:
    write(workdir / "taalwacht.toml", '[severity]\nklnt = "error"\n')
    write(workdir / "a.txt", CLEAN)
    result = run("check", "a.txt")
    assert result.exit_code == 0
    assert "severity.klnt" in result.stderr


def test_missing_pack_is_exit_2(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    assert_one_line_error(run("check", "--pack", "eigen.yml", "a.txt"), "eigen.yml")


# ------------------------------------------------------------------ packs, explain

CUSTOM_PACK = """\
pack: eigen
description: Eigen termen
terms:
  - id: stakeholder
    lemma: stakeholder
    pos: noun
    reason: Engels vakjargon.
    alternatives:
      - {text: belanghebbende, gender: de, forms: {sg: belanghebbende, pl: belanghebbenden}}
"""


def test_packs_lists_terms(workdir: Path) -> None:
    write(workdir / "eigen.yml", CUSTOM_PACK)
    result = run("packs", "--pack", "eigen.yml")
    assert result.exit_code == 0
    assert "markttaal" in result.stdout
    assert "klant" in result.stdout
    assert "stakeholder" in result.stdout
    assert "belanghebbende" in result.stdout


def test_packs_from_config_resolve_relative_to_the_config(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(workdir / "taal" / "eigen.yml", CUSTOM_PACK)
    write(workdir / "taalwacht.toml", 'packs = ["taal/eigen.yml"]\n')
    monkeypatch.chdir(write(workdir / "sub" / "x.txt", "").parent)
    result = run("packs")
    assert result.exit_code == 0
    assert "stakeholder" in result.stdout
    assert "klant" not in result.stdout  # packs replaces the default list


def test_explain_term(workdir: Path) -> None:
    result = run("explain", "klant")
    assert result.exit_code == 0
    assert "inwoner" in result.stdout
    assert "de" in result.stdout


def test_explain_by_form_and_custom_pack(workdir: Path) -> None:
    write(workdir / "eigen.yml", CUSTOM_PACK)
    result = run("explain", "--pack", "eigen.yml", "Stakeholder")
    assert result.exit_code == 0
    assert "Engels vakjargon." in result.stdout
    assert "belanghebbende (de, mv. belanghebbenden)" in result.stdout
    assert run("explain", "klanten").exit_code == 0


def test_explain_unknown_term(workdir: Path) -> None:
    assert_one_line_error(
        run("explain", "fiets"), said("errors.unknown-term", term="fiets"), "klant"
    )


# ------------------------------------------------------------- real subprocesses


def test_subprocess_exit_codes(workdir: Path) -> None:
    write(workdir / "a.txt", FLAGGED)
    write(workdir / "b.txt", CLEAN)
    found = cli("check", "a.txt", cwd=workdir)
    assert found.returncode == 1
    assert found.stdout.startswith("a.txt:1:4: waarschuwing klant:")
    assert "\x1b[" not in found.stdout  # no colour in a pipe
    assert "\x1b[" not in found.stderr  # and no progress bar
    clean = cli("check", "b.txt", cwd=workdir)
    assert clean.returncode == 0
    assert clean.stdout == ""


@pytest.mark.parametrize(
    ("setup", "args", "expect"),
    [
        ({}, ("check", "nope.txt"), "nope.txt"),
        ({"logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, ("check", "logo.png"), "logo.png"),
        (
            {"taalwacht.toml": b"packs = [\n", "a.txt": FLAGGED.encode()},
            ("check", "a.txt"),
            "taalwacht.toml",
        ),
        ({}, ("check",), said("errors.no-path")),
        ({}, ("explain", "fiets"), "fiets"),
        ({}, ("check", "--fail-on", "loud", "x"), "loud"),
    ],
)
def test_subprocess_errors_are_one_line(
    workdir: Path, setup: dict[str, bytes], args: tuple[str, ...], expect: str
) -> None:
    for name, data in setup.items():
        write(workdir / name, data)
    proc = cli(*args, cwd=workdir)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert expect in proc.stderr
    if args[0] != "check" or "--fail-on" not in args:  # click draws a usage box for options
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_subprocess_stdin_json(workdir: Path) -> None:
    proc = cli("check", "--format", "json", "-", cwd=workdir, input=FLAGGED.encode())
    assert proc.returncode == 1
    [item] = findings(proc.stdout)
    assert item["path"] == "-"
    assert item["text"] == "klant"


def test_engine_crash_is_one_line_naming_the_file(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taalwacht.engine import Engine

    def boom(self: Engine, text: str, regions: Any = ()) -> list[Any]:
        raise RuntimeError("kapot")

    monkeypatch.setattr(Engine, "scan", boom)
    monkeypatch.delenv("TAALWACHT_DEBUG", raising=False)
    write(workdir / "a.txt", FLAGGED)
    expected = said("errors.internal-file", path="a.txt", kind="RuntimeError", problem="kapot")
    assert_one_line_error(run("check", "a.txt"), "a.txt", expected, "kapot")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from taalwacht.cli.progress import Progress, progress_wanted

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not progress_wanted()
    monkeypatch.setattr(sys, "stderr", _Tty())
    assert progress_wanted()
    assert not progress_wanted(disabled=True)
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted()
    assert not Progress(2, 100, enabled=True).enabled  # too small to be worth a bar
    assert Progress(50, 100, enabled=True).enabled
    assert not Progress(50, 100, enabled=False).enabled


def test_folder_walks_leave_out_what_is_not_a_document(tmp_path: Path) -> None:
    """.gitignore is honoured (--no-ignore turns it off); backups, annotated copies, hidden
    folders, the config and the pack files in use are never checked."""
    write(tmp_path / "brief.txt", FLAGGED)
    write(tmp_path / "brief.txt.orig", FLAGGED)
    write(tmp_path / "brief.taalwacht.docx", FLAGGED)  # what check --annotate writes
    write(tmp_path / "oud" / "brief.txt.orig.1", FLAGGED)
    write(tmp_path / "concept" / "brief.txt", FLAGGED)
    write(tmp_path / ".git" / "COMMIT_EDITMSG", FLAGGED)
    write(tmp_path / ".gitignore", "concept/\n")
    write(tmp_path / "taalwacht.toml", 'extra-packs = ["termen.yml"]\n')
    pack = (REPO / "src" / "taalwacht" / "packs" / "markttaal.yml").read_text("utf-8")
    write(tmp_path / "termen.yml", pack.replace("pack: markttaal", "pack: eigen"))
    checked = cli("check", "--format", "json", ".", cwd=tmp_path)
    paths = {f["path"] for f in json.loads(checked.stdout)["findings"]}
    assert paths == {"brief.txt"}, paths
    everything = cli("check", "--no-ignore", "--format", "json", ".", cwd=tmp_path)
    paths = {f["path"] for f in json.loads(everything.stdout)["findings"]}
    assert paths == {"brief.txt", os.path.join("concept", "brief.txt")}, paths


def test_fail_on_offers_every_severity_by_both_its_names() -> None:
    """The option's choices are the identifiers and the Dutch names, no more, no fewer."""
    assert {c.value for c in FailOn} == {*SEVERITIES, *SEVERITY_NAMES.values()}
