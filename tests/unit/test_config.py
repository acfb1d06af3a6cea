"""The linter config: presets, extends, per-rule settings, discovery, and errors at file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vcvalues.core.config import PRESET_DIR, config_for, find_config, load_config, preset
from vcvalues.core.diagnostics import Severity
from vcvalues.errors import ConfigError
from vcvalues.legacy.rules import REGISTRY


def test_default_preset_lists_every_rule_at_its_default_severity() -> None:
    default = preset("default")
    assert list(default.rules) == list(REGISTRY)
    assert dict(default.severities) == {rule_id: rule.default_severity for rule_id, rule in REGISTRY.items()}
    assert default.disabled == frozenset()


def test_strict_raises_traps_to_errors() -> None:
    strict = preset("strict")
    assert strict.severities["yaml11-boolean"] is Severity.ERROR
    assert strict.severities["service-account-token-annotations"] is Severity.WARNING
    assert strict.severities["expose-needs-nodeports"] is Severity.ERROR
    assert set(strict.rules) == set(REGISTRY)


@pytest.mark.parametrize("name", ["default", "strict"])
def test_a_preset_passes_the_checks_of_a_user_config(tmp_path: Path, name: str) -> None:
    # a built-in preset is read without the rule registries (a lint loads only its dialect's rules):
    # the same text read as a user's file, every id and option checked, gives the same config
    text = (Path(PRESET_DIR) / f"{name}.yaml").read_text(encoding="utf-8")
    as_user = load_config(_write(tmp_path, text))
    assert as_user.rules == preset(name).rules


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".vcvalues.yaml"
    path.write_text(text)
    return path


def test_off_severity_and_options(tmp_path: Path) -> None:
    config = load_config(
        _write(
            tmp_path,
            "extends: strict\nrules:\n  float-rendering: off\n  yaml11-boolean:\n    severity: info\n"
            "  control-plane-pod-security:\n    options:\n      level: restricted\n",
        )
    )
    assert config.disabled == frozenset({"float-rendering"})
    assert config.severities["yaml11-boolean"] is Severity.INFO
    assert config.severities["string-boolean"] is Severity.ERROR  # from strict
    assert config.options_for("control-plane-pod-security") == {"level": "restricted"}
    assert config.source == str(tmp_path / ".vcvalues.yaml")


def test_quoted_off_and_empty_config(tmp_path: Path) -> None:
    assert load_config(_write(tmp_path, "rules:\n  float-rendering: 'off'\n")).disabled == {"float-rendering"}
    assert load_config(_write(tmp_path, "# nothing\n")).rules == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("extend: default\n", "1:1: unknown key 'extend' (a config has extends, rules)"),
        ("extends: relaxed\n", "1:10: extends must be one of default, strict, found 'relaxed'"),
        ("rules:\n  egress-cdr: off\n", "2:3: unknown rule 'egress-cdr'; did you mean 'egress-cidr'?"),
        ("rules:\n  schema: off\n", "2:11: schema is always on and cannot be switched off"),
        (
            "rules:\n  egress-cidr:\n    severity: fatal\n",
            "3:15: severity must be error, warning or info, found 'fatal'",
        ),
        (
            "rules:\n  egress-cidr:\n    level: x\n",
            "3:5: unknown key 'level' for a rule (use severity, options)",
        ),
        (
            "rules:\n  control-plane-pod-security:\n    options:\n      level: strict\n",
            "4:14: level must be one of None, privileged, baseline, restricted, found 'strict'",
        ),
        (
            "rules:\n  egress-cidr:\n    options:\n      x: 1\n",
            "4:7: egress-cidr has no option 'x' (none)",
        ),
        ("rules: [a]\n", "1:8: rules must be a map of rule id to off or {severity, options}"),
        # issue 15: `rules: off` reads as false and switched nothing off, silently
        ("rules: off\n", "1:8: rules must be a map of rule id to off or {severity, options}"),
        ("rules: false\n", "1:8: rules must be a map of rule id to off or {severity, options}"),
        ("rules: 0\n", "1:8: rules must be a map of rule id to off or {severity, options}"),
        ("rules:\n  a: [\n", "3:1: "),
    ],
)
def test_errors_name_file_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:{message}")


def test_discovery_walks_up_to_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / ".vcvalues.yaml").write_text("rules:\n  float-rendering: off\n")
    deep = tmp_path / "repo" / "a" / "b"
    deep.mkdir(parents=True)
    values = deep / "values.yaml"
    values.write_text("{}\n")
    assert find_config(values) is None
    assert config_for(values) == preset("default")
    (tmp_path / "repo" / "a" / ".vcvalues.yaml").write_text("rules:\n  string-boolean: off\n")
    assert find_config(values) == tmp_path / "repo" / "a" / ".vcvalues.yaml"
    assert config_for(values).disabled == {"string-boolean"}
    assert config_for(values, explicit=tmp_path / ".vcvalues.yaml").disabled == {"float-rendering"}


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.yaml")
    with pytest.raises(ConfigError, match="unknown preset"):
        preset("relaxed")


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling symlink"])
def test_a_discovered_config_that_is_not_a_file_is_an_error(tmp_path: Path, kind: str) -> None:
    """Issue 15: it was skipped silently, so the lint ran with rules the user did not choose."""
    import os

    (tmp_path / ".git").mkdir()
    config = tmp_path / ".vcvalues.yaml"
    if kind == "folder":
        config.mkdir()
    elif kind == "fifo":
        os.mkfifo(config)
    else:
        config.symlink_to(tmp_path / "missing.yaml")
    values = tmp_path / "values.yaml"
    values.write_text("isolation:\n  enabled: false\n")
    expected = "a dangling symlink" if kind == "dangling symlink" else "not a regular file"
    with pytest.raises(ConfigError, match=f"config {config}: is {expected}; remove it or pass --config"):
        config_for(values)


def _find_config_with_pathlib(start: Path) -> Path | str | None:
    """The discovery as it was written with pathlib (the reference the os.path walk must agree with)."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        config = candidate / ".vcvalues.yaml"
        if config.is_file():
            return config
        if config.is_symlink() or config.exists():
            kind = "a dangling symlink" if not config.exists() else "not a regular file"
            return f"config {config}: is {kind}; remove it or pass --config"
        if (candidate / ".git").exists():
            return None
    return None


# what each of three nested folders holds: nothing, a config, a folder named like one, a dangling
# symlink named like one, a .git, or a config beside a .git
_LEVEL = st.sampled_from(["", "config", "config-folder", "dangling", "git", "config+git"])


@settings(max_examples=60, deadline=None)
@given(levels=st.lists(_LEVEL, min_size=3, max_size=3), start_at=st.integers(0, 3), from_file=st.booleans())
def test_discovery_agrees_with_the_pathlib_walk(levels: list[str], start_at: int, from_file: bool) -> None:
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        base = Path(root, "top")
        folders = [base, base / "a", base / "a" / "b"]
        folders[-1].mkdir(parents=True)
        (base.parent / ".git").mkdir()  # the walk ends inside the temporary folder
        for folder, level in zip(folders, levels, strict=True):
            config = folder / ".vcvalues.yaml"
            if "config" in level:
                if level == "config-folder":
                    config.mkdir()
                else:
                    config.write_text("rules: {}\n")
            if level == "dangling":
                os.symlink(folder / "missing.yaml", config)
            if "git" in level:
                (folder / ".git").mkdir()
        start = [*folders, folders[-1] / "values.yaml"][start_at]
        if from_file and start.suffix != ".yaml":
            start = start / "values.yaml"
        if start.suffix == ".yaml":
            start.write_text("{}\n")
        expected = _find_config_with_pathlib(start)
        try:
            found: Path | str | None = find_config(start)
        except ConfigError as exc:
            found = str(exc)
        assert found == expected
        assert type(found) is type(expected)  # a Path when one is found, as before
