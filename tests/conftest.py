"""Helpers every test folder shares: paths, the command line in process and as a real
subprocess, files written as bytes, the JSON contract read back, and the catalogue's
wording of a message (``said``), and the scripts of ``bench/`` as modules (``bench``).

Test modules import the plain functions directly (``from conftest import cli, write``):
pytest puts this folder on ``sys.path`` because this conftest lives in it. ``workdir`` is a
fixture, so it needs no import.
"""

from __future__ import annotations

import importlib.util
import json
import os
import string
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

import taalwacht
from taalwacht import messages
from taalwacht.cli.common import app
from taalwacht.model.contract import schema

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"  # data files the tests read (fix pairs, sentence corpus, schemas)
REPO = TESTS.parent
SRC = str(Path(taalwacht.__file__).resolve().parent.parent)  # put on PYTHONPATH for a subprocess


def bench(name: str) -> ModuleType:
    """``bench/NAME.py`` loaded as a module: the tests score with the very code a person
    runs from the command line."""
    path = REPO / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"taalwacht_bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FLAGGED = "De klant krijgt een brief.\n"  # one finding: "klant"
CLEAN = "Een mooie dag.\n"  # no finding


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory with no config above it, and no CI/colour surprises."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return work


def write(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path``, creating its folders; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(*args: str, input: str | bytes | None = None) -> Any:
    """``taalwacht *args`` in process (Typer's CliRunner); stdout and stderr apart."""
    return CliRunner().invoke(app, list(args), input=input)


def cli(
    *args: str,
    cwd: Path,
    input: str | bytes | None = None,
    timeout: float = 120,
    binary: bool = False,
) -> subprocess.CompletedProcess[Any]:
    """``python -m taalwacht *args`` as a real process, as a user runs it.

    Output is text (UTF-8) unless ``binary``, which keeps stdout byte for byte. No
    ``FORCE_COLOR`` or ``TAALWACHT_DEBUG`` from the caller leaks in, and a traceback on
    stderr fails the test whatever the exit code.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FORCE_COLOR", None)
    env.pop("TAALWACHT_DEBUG", None)
    if binary:
        data = input.encode("utf-8") if isinstance(input, str) else input
        proc: subprocess.CompletedProcess[Any] = subprocess.run(
            [sys.executable, "-m", "taalwacht", *args],
            cwd=cwd,
            env=env,
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        assert b"Traceback" not in proc.stderr, proc.stderr
        return proc
    proc = subprocess.run(
        [sys.executable, "-m", "taalwacht", *args],
        cwd=cwd,
        env=env,
        input=input.decode() if isinstance(input, bytes) else input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def findings(stdout: str) -> list[dict[str, Any]]:
    """The findings of ``--format json`` output, after validating it against the contract's
    JSON Schema (``taalwacht.model.contract.schema()``)."""
    doc = json.loads(stdout)
    assert doc["version"] == 1
    jsonschema.validate(doc, schema())
    result: list[dict[str, Any]] = doc["findings"]
    return result


def said(key: str, /, **params: object) -> str:
    """What the message catalogue says for ``key`` (``taalwacht.messages``), filled with
    ``params`` up to the first placeholder not given: the part a message must contain
    whatever else it names. ``said("errors.unknown-term", term="fiets")`` is
    ``"onbekende term 'fiets' (bekende termen: "``."""
    out = []
    for literal, name, spec, conversion in string.Formatter().parse(messages.catalogue()[key]):
        out.append(literal)
        if name is None:
            continue
        if name not in params:
            break
        value = params[name]
        shown = repr(value) if conversion == "r" else str(value)
        out.append(format(shown, spec or ""))
    return "".join(out)


def assert_one_line_error(result: Any, *parts: str) -> None:
    """Exit 2 with exactly one line on stderr holding every part, and no traceback.

    ``result`` is a CliRunner result or a finished subprocess.
    """
    if isinstance(result, subprocess.CompletedProcess):
        code, stderr, output = result.returncode, result.stderr, result.stdout + result.stderr
    else:
        code, stderr, output = result.exit_code, result.stderr, result.output
    assert code == 2, output
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    for part in parts:
        assert part in lines[0]
    assert "Traceback" not in output


# An organisation's own pack: a term the bundled pack lacks, decided from the same evidence.
ORGANISATION_PACK = """\
pack: zorgtaal
description: Eigen termen van de gemeente
terms:
  - id: zorgconsument
    lemma: zorgconsument
    pos: noun
    gender: de
    forms: {sg: zorgconsument, pl: zorgconsumenten}
    linking: [zorgconsumenten]
    reason: Wie zorg krijgt, consumeert niet.
    alternatives:
      - {text: inwoner, gender: de, forms: {sg: inwoner, pl: inwoners}, modifier: inwoner}
    examples:
      flag: [De zorgconsument krijgt een brief.]
  - id: doelgroep
    lemma: doelgroep
    pos: noun
    gender: de
    forms: {sg: doelgroep, pl: doelgroepen}
    severity: info
    context: always
    reason: Mensen zijn geen doelgroep.
    alternatives:
      - {text: groep, gender: de, forms: {sg: groep, pl: groepen}, modifier: groeps}
"""
