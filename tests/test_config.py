"""Config discovery (upward, taalwacht.toml before pyproject.toml) and validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import cli, said, write
from taalwacht.config import Config, discover, find_config, load_config
from taalwacht.errors import ConfigError

# ------------------------------------------------------------------------ discovery


def test_finds_taalwacht_toml_in_a_parent_directory(tmp_path: Path) -> None:
    config = write(tmp_path / "taalwacht.toml", 'fail-on = "error"\n')
    nested = tmp_path / "a" / "b" / "c"
    nested.mkdir(parents=True)
    assert find_config(nested) == config


def test_taalwacht_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.taalwacht]\nfail-on = "info"\n')
    config = write(tmp_path / "taalwacht.toml", 'fail-on = "error"\n')
    assert find_config(tmp_path) == config


def test_pyproject_with_tool_table_is_found(tmp_path: Path) -> None:
    pyproject = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.taalwacht]\nfail-on = "error"\n',
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    assert find_config(sub) == pyproject
    assert load_config(pyproject).fail_on == "error"


def test_pyproject_without_tool_table_is_passed_over(tmp_path: Path) -> None:
    outer = write(tmp_path / "taalwacht.toml", 'fail-on = "error"\n')
    inner = tmp_path / "project"
    write(inner / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(inner) == outer


def test_unrelated_broken_pyproject_does_not_break_discovery(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "this is [not toml\n")
    assert find_config(tmp_path) is None


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "taalwacht.toml", 'fail-on = "error"\n')
    near = write(tmp_path / "sub" / "taalwacht.toml", 'fail-on = "info"\n')
    assert find_config(tmp_path / "sub") == near


def test_no_config_anywhere(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None
    config = discover(tmp_path)
    assert config.path is None
    assert config.packs == ("markttaal",)
    assert config.fail_on == "warning"
    assert config.root == tmp_path.resolve()


def test_isolated_ignores_config_files(tmp_path: Path) -> None:
    write(tmp_path / "taalwacht.toml", "not = [valid\n")
    config = discover(tmp_path, isolated=True)
    assert config == Config(root=tmp_path.resolve())


# ----------------------------------------------------------------------- loading


def test_loads_every_setting(tmp_path: Path) -> None:
    path = write(
        tmp_path / "taalwacht.toml",
        """
packs = ["markttaal", "taal/eigen.yml"]
extra-packs = ["extra.yml"]
fail-on = "error"
ignore = ["archief/**", "*.min.html"]
allow = ["Klant Contact Centrum"]

[severity]
klant = "info"
concern = "error"

[prefer]
klant = "inwoner"
""",
    )
    config = load_config(path)
    assert config.packs == ("markttaal", "taal/eigen.yml")
    assert config.extra_packs == ("extra.yml",)
    assert config.pack_refs == ("markttaal", "taal/eigen.yml", "extra.yml")
    assert config.fail_on == "error"
    assert config.ignore == ("archief/**", "*.min.html")
    assert config.allow == ("Klant Contact Centrum",)
    assert config.severity == {"klant": "info", "concern": "error"}
    assert config.prefer == {"klant": "inwoner"}
    assert config.root == tmp_path.resolve()
    assert config.path == path


def test_snake_case_keys_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "taalwacht.toml", 'fail_on = "info"\nextra_packs = ["x.yml"]\n')
    config = load_config(path)
    assert config.fail_on == "info"
    assert config.extra_packs == ("x.yml",)


def test_both_spellings_of_one_key_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "taalwacht.toml", 'fail_on = "info"\nfail-on = "error"\n')
    with pytest.raises(ConfigError, match=re.escape(said("config.twice"))):
        load_config(path)


def test_defaults_for_an_empty_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "taalwacht.toml", ""))
    assert config.packs == ("markttaal",)
    assert config.severity == {}
    assert config.fail_on == "warning"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('fial-on = "error"\n', "fial-on"),
        ('packs = "markttaal"\n', "packs"),
        ("packs = [1, 2]\n", "packs"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('ignore = [""]\n', "ignore"),
        ('[severity]\nklant = "loud"\n', "severity.klant"),
        ("severity = 3\n", "severity"),
        ("[prefer]\nklant = 3\n", "prefer.klant"),
        ('departments = "Werk"\n', "departments"),
        ('[[departments]]\nname = "Werk"\n', "departments[0].match"),
        ('[[departments]]\nmatch = ["Werk/**"]\n', "departments[0].name"),
        ('[[departments]]\nname = "W"\nmatch = ["W/**"]\nkleur = "rood"\n', "departments[0]"),
    ],
)
def test_invalid_settings_name_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = write(tmp_path / "taalwacht.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    assert key in message
    assert "\n" not in message


def test_unknown_key_in_pyproject_names_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.taalwacht]\npackz = []\n")
    with pytest.raises(
        ConfigError, match=re.escape("tool.taalwacht.packz: " + said("config.unknown-key"))
    ):
        load_config(path)


def test_malformed_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "taalwacht.toml", 'fail-on = "error\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert said("config.toml") in str(info.value)


def test_malformed_pyproject_that_mentions_taalwacht_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.taalwacht\nfail-on = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml"):
        find_config(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape(said("errors.cannot-read"))):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('[prefer]\nklnt = "burger"\n', "prefer.klnt"),
        ('[prefer]\nklant = "burgr"\n', "prefer.klant"),
    ],
)
def test_a_wrong_prefer_in_the_config_is_an_error_naming_file_and_key(
    tmp_path: Path, table: str, key: str
) -> None:
    write(tmp_path / "taalwacht.toml", table)
    (tmp_path / "brief.txt").write_text("De klant belt.\n", "utf-8")
    result = cli("check", "brief.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "taalwacht.toml" in result.stderr and key in result.stderr


def test_departments_are_read_in_order(tmp_path: Path) -> None:
    path = write(
        tmp_path / "taalwacht.toml",
        '[[departments]]\nname = "Werk en inkomen"\nmatch = ["Werk/**", "Inkomen/**"]\n'
        '[[departments]]\nname = "Zorg"\nmatch = "Wmo/**"\n',
    )
    assert load_config(path).departments == (
        ("Werk en inkomen", ("Werk/**", "Inkomen/**")),
        ("Zorg", ("Wmo/**",)),
    )


def test_the_api_rate_is_a_count_and_zero_means_no_limit(tmp_path: Path) -> None:
    (tmp_path / "taalwacht.toml").write_text("api-requests-per-minute = 0\n", "utf-8")
    assert load_config(tmp_path / "taalwacht.toml").api_requests_per_minute == 0
    (tmp_path / "taalwacht.toml").write_text("api-requests-per-minute = -5\n", "utf-8")
    with pytest.raises(ConfigError, match="api-requests-per-minute"):
        load_config(tmp_path / "taalwacht.toml")
