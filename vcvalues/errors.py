"""Exceptions for failing to *run*. Problems found in values are Diagnostics, not exceptions."""

from __future__ import annotations


class VcValuesError(Exception):
    """Base of every error vcvalues raises on purpose. The CLI maps it to exit code 2."""

    exit_code = 2


class UsageError(VcValuesError):
    """A command-line or API argument is wrong (unknown distro, bad --set syntax, ...)."""


class InputError(VcValuesError):
    """An input path cannot be read: missing, a directory, unreadable."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedChartVersionError(UsageError):
    """The chart version is outside the supported range."""


class ConfigError(VcValuesError):
    """A vcvalues config file (.vcvalues.yaml) is invalid."""


class UnknownRuleError(UsageError):
    """A rule id given on the command line, in config or in a suppression does not exist."""


class RenderError(VcValuesError):
    """The chart cannot render these values (Helm would fail), or they render into unreadable YAML.

    A problem in the values, not a usage error: the CLI exits with 1.
    """

    exit_code = 1
