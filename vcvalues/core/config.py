"""The linter config: ``.vcvalues.yaml`` (found walking up from the linted file) and the built-in presets.

::

    extends: default            # or strict (presets shipped in vcvalues/core/presets/)
    rules:
      float-rendering: off      # switch a rule off
      pod-security-privileged:
        severity: error         # error | warning | info
      control-plane-pod-security:
        options: {level: restricted}

Discovery (first wins): ``--config FILE``; ``.vcvalues.yaml`` in the linted file's folder or a parent, up
to the repository root (the first folder holding ``.git``); the built-in ``default`` preset. No environment
variable is read. A config that is not valid is a :class:`~vcvalues.errors.ConfigError` naming
``file:line:column``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from vcvalues.core._record import record
from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.core.suppress import ALWAYS_ON
from vcvalues.errors import ConfigError, InputError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

CONFIG_NAME = ".vcvalues.yaml"
PRESETS = ("default", "strict")
PRESET_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "presets")
_TOP_KEYS = ("extends", "rules")
_RULE_KEYS = ("severity", "options")


@record
class RuleSetting:
    """One rule's configuration: switched off, or a severity and options."""

    enabled: bool = True
    severity: Severity | None = None
    options: Mapping[str, Any] = MappingProxyType({})


@record
class RulesConfig:
    """The effective rule configuration.

    Attributes:
        rules: rule id -> setting (rules not named keep their defaults).
        source: the file it was read from; None for a built-in preset.
    """

    rules: Mapping[str, RuleSetting] = MappingProxyType({})
    source: str | None = None

    @property
    def disabled(self) -> frozenset[str]:
        """Rule ids switched off."""
        return frozenset(rule_id for rule_id, s in self.rules.items() if not s.enabled)

    @property
    def severities(self) -> Mapping[str, Severity]:
        """Rule id -> configured severity."""
        return {rule_id: s.severity for rule_id, s in self.rules.items() if s.severity is not None}

    def options_for(self, rule_id: str) -> Mapping[str, Any]:
        """The options configured for a rule (defaults not included)."""
        setting = self.rules.get(rule_id)
        return setting.options if setting is not None else {}

    def merged(self, other: RulesConfig) -> RulesConfig:
        """``other`` on top of this config (per rule: options merge, the rest is replaced)."""
        rules = dict(self.rules)
        for rule_id, setting in other.rules.items():
            base = rules.get(rule_id)
            options = {**(base.options if base else {}), **setting.options}
            severity = setting.severity if setting.severity is not None else (base.severity if base else None)
            rules[rule_id] = RuleSetting(setting.enabled, severity, MappingProxyType(options))
        return RulesConfig(MappingProxyType(rules), other.source)


def preset(name: str) -> RulesConfig:
    """A built-in preset (``default`` or ``strict``).

    Raises:
        ConfigError: no such preset.
    """
    if name not in PRESETS:
        raise ConfigError(f"unknown preset {name!r}: use one of {', '.join(PRESETS)}")
    return _preset(name)


@functools.cache
def _preset(name: str) -> RulesConfig:
    with open(os.path.join(PRESET_DIR, f"{name}.yaml"), encoding="utf-8") as handle:
        return _parse(handle.read(), f"<preset {name}>", builtin=True)


def load_config(path: str | Path) -> RulesConfig:
    """Read a config file.

    Raises:
        ConfigError: the file cannot be read or is not a valid config (message names file:line:column).
    """
    from vcvalues.core.load import decode_source, read_source

    name = str(path)
    try:
        text, problem = decode_source(read_source(path), file=name)
    except InputError as exc:
        raise ConfigError(f"config {exc}") from None
    if text is None:
        assert problem is not None
        raise ConfigError(f"{name}:{problem.line}:{problem.column}: {problem.message}")
    return _parse(text, name, builtin=False)


def find_config(start: str | Path) -> Path | None:
    """The ``.vcvalues.yaml`` nearest to ``start`` (a file or a folder), walking up to the repository root.

    Raises:
        ConfigError: the nearest ``.vcvalues.yaml`` is not a regular file (a folder, a FIFO, a dangling
            symlink): silently skipping it would lint with rules the user did not choose.
    """
    # os.path, not pathlib: this runs on every lint, and pathlib costs a cold start ~6 ms to import
    here = os.path.realpath(start)
    candidate = here if os.path.isdir(here) else os.path.dirname(here)
    while True:
        config = os.path.join(candidate, CONFIG_NAME)
        if os.path.isfile(config):
            from pathlib import Path

            return Path(config)
        if os.path.lexists(config):  # a folder, FIFO, device or dangling link
            kind = "a dangling symlink" if not os.path.exists(config) else "not a regular file"
            raise ConfigError(f"config {config}: is {kind}; remove it or pass --config")
        if os.path.exists(os.path.join(candidate, ".git")):
            return None
        parent = os.path.dirname(candidate)
        if parent == candidate:  # the root
            return None
        candidate = parent


def config_for(file: str | Path | None, explicit: str | Path | None = None) -> RulesConfig:
    """The config that applies to ``file``: ``explicit``, else the nearest ``.vcvalues.yaml``, else default.

    Raises:
        ConfigError: the config found is not valid.
    """
    if explicit is not None:
        return load_config(explicit)
    found = find_config(file if file is not None else os.getcwd())
    return load_config(found) if found is not None else preset("default")


def _parse(text: str, name: str, *, builtin: bool) -> RulesConfig:
    from vcvalues.core.load import load_yaml

    loaded = load_yaml(text, file=name)
    errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
    if errors or loaded.data is None:
        first = errors[0] if errors else None
        where = f"{name}:{first.line}:{first.column}" if first else name
        raise ConfigError(f"{where}: {first.message if first else 'not a YAML map'}")
    data, spans = loaded.data, loaded.source_map

    def fail(path: KeyPath, message: str, *, key: bool = False) -> ConfigError:
        span = spans.key_span(path) if key else spans.value_span(path)
        return ConfigError(f"{name}:{span.line}:{span.column}: {message}")

    for top in data:
        if top not in _TOP_KEYS:
            raise fail((top,), f"unknown key {top!r} (a config has {', '.join(_TOP_KEYS)})", key=True)
    base = RulesConfig()
    extends = data.get("extends")
    if extends is not None:
        if extends not in PRESETS:
            raise fail(("extends",), f"extends must be one of {', '.join(PRESETS)}, found {extends!r}")
        base = preset(extends)
    rules = data.get("rules")
    if rules is None:
        rules = {}
    if not isinstance(rules, dict):  # `rules: off` reads as false: it switches nothing off, so say so
        raise fail(("rules",), "rules must be a map of rule id to off or {severity, options}")
    own = {rule_id: _setting(rule_id, item, fail, builtin=builtin) for rule_id, item in rules.items()}
    return base.merged(RulesConfig(MappingProxyType(own), None if builtin else name))


def _setting(rule_id: str, item: Any, fail: Any, *, builtin: bool = False) -> RuleSetting:
    path = ("rules", rule_id)
    # a built-in preset names only known ids and no options (tests/unit/test_config.py checks it), so
    # reading it imports no rule registry: a lint loads only the rules of the dialect it lints
    rule = None if builtin else _rule(rule_id, path, fail)
    if item is False or item == "off" or item is True or item == "on":
        enabled = item is True or item == "on"
        if not enabled and rule_id in ALWAYS_ON:
            raise fail(path, f"{rule_id} is always on and cannot be switched off")
        return RuleSetting(enabled=enabled)
    if not isinstance(item, dict):
        raise fail(path, f"{rule_id}: expected off, on or {{severity, options}}, found {item!r}")
    for key in item:
        if key not in _RULE_KEYS:
            raise fail((*path, key), f"unknown key {key!r} for a rule (use severity, options)", key=True)
    severity = None
    if item.get("severity") is not None:
        text = item["severity"]
        if not isinstance(text, str) or text.lower() not in ("error", "warning", "info"):
            raise fail((*path, "severity"), f"severity must be error, warning or info, found {text!r}")
        severity = Severity.parse(text)
        if rule_id in ALWAYS_ON and severity is not Severity.ERROR:
            raise fail((*path, "severity"), f"{rule_id} is always on as an error")
    options = item.get("options") or {}
    if not isinstance(options, dict):
        raise fail((*path, "options"), "options must be a map")
    known = {option.name: option for option in rule.options} if rule is not None else {}
    for option_name, value in options.items():
        option = known.get(option_name)
        if option is None:
            names = ", ".join(known) or "none"
            raise fail(
                (*path, "options", option_name),
                f"{rule_id} has no option {option_name!r} ({names})",
                key=True,
            )
        if option.choices is not None and value not in option.choices:
            choices = ", ".join(map(str, option.choices))
            raise fail(
                (*path, "options", option_name), f"{option_name} must be one of {choices}, found {value!r}"
            )
    return RuleSetting(True, severity, MappingProxyType(dict(options)))


def _rule(rule_id: str, path: KeyPath, fail: Any) -> Any:
    """The rule ``rule_id`` names, in either dialect's registry (a config serves files of both dialects;
    the 0.20+ registry is imported only for an id the legacy one lacks).

    Raises:
        ConfigError: no such rule (with a did-you-mean).
    """
    from vcvalues.legacy.rules import REGISTRY as LEGACY

    rule = LEGACY.get(rule_id)
    if rule is not None:
        return rule
    from vcvalues.modern.rules import REGISTRY as MODERN

    registry = {**MODERN, **LEGACY}
    rule = registry.get(rule_id)
    if rule is None:
        from difflib import get_close_matches

        close = get_close_matches(rule_id, list(registry), n=1)
        guess = f"; did you mean {close[0]!r}?" if close else "; `vcvalues rules` lists them"
        raise fail(path, f"unknown rule {rule_id!r}{guess}", key=True)
    return rule
