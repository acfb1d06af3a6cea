"""The usual ``vcvalues lint`` command line, read without argparse.

Importing argparse, building the ``lint`` parser and the gettext/locale lookups it makes cost a cold
lint ~5 ms. :func:`parse_lint` reads the plain forms of ``lint``'s options (``--opt value``,
``--opt=value``, flags, then files) into the namespace argparse would give, and answers None for
anything else: help, an abbreviation, ``--``, a value that starts with ``-``, a choice that is not
one, files after an option that follows them, no file. ``parse_args`` then runs argparse, which
parses it or words the error. A test compares the two on generated command lines.
"""

from __future__ import annotations

from types import SimpleNamespace

from vcvalues.cli.lint import FORMATS

# dest -> default, as lint.configure and the shared argument helpers declare them
DEFAULTS: dict[str, object] = {
    "chart_version": None,
    "distro": None,
    "release": "vcluster",
    "namespace": None,
    "helm_version": 3,
    "format": "text",
    "strict": False,
    "verbose": False,
    "quiet": False,
    "fix": False,
    "disable": None,
    "config": None,
    "subchart_key": None,
}
_FLAGS = {"--strict": "strict", "--verbose": "verbose", "-q": "quiet", "--quiet": "quiet", "--fix": "fix"}
_VALUED = {
    "--chart-version": "chart_version",
    "--distro": "distro",
    "--release": "release",
    "--namespace": "namespace",
    "--helm-version": "helm_version",
    "--format": "format",
    "--disable": "disable",
    "--config": "config",
    "--subchart-key": "subchart_key",
}
_CHOICES: dict[str, tuple[object, ...]] = {
    "distro": ("k3s", "k8s", "k0s", "eks"),
    "format": FORMATS,
    "helm_version": (3, 4),
}


def parse_lint(arguments: list[str]) -> SimpleNamespace | None:
    """The namespace of ``vcvalues lint ...`` as argparse would build it, or None to let argparse read it."""
    if len(arguments) < 2 or arguments[0] != "lint":
        return None
    values = dict(DEFAULTS)
    files: list[str] = []
    files_ended = False  # argparse takes the files in one run: a file after an option that follows them fails
    index = 1
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if argument == "-" or not argument.startswith("-"):
            if files_ended:
                return None
            files.append(argument)
            continue
        files_ended = bool(files)
        name, equals, value = argument.partition("=")
        if name in _FLAGS and not equals:
            values[_FLAGS[name]] = True
            continue
        dest = _VALUED.get(name)
        if dest is None:
            return None
        if not equals:
            if index == len(arguments) or arguments[index].startswith("-"):
                return None
            value = arguments[index]
            index += 1
        converted = _converted(dest, value)
        if converted is None:
            return None
        if dest == "disable":
            values[dest] = [*(values[dest] or ()), converted]  # type: ignore[misc]
        else:
            values[dest] = converted
    if not files:
        return None
    return SimpleNamespace(version=False, command="lint", files=files, **values, _module="lint")


def _converted(dest: str, value: str) -> object | None:
    """The option's value as argparse stores it, or None where argparse would refuse it."""
    converted: object = value
    if dest == "helm_version":
        try:
            converted = int(value)
        except ValueError:
            return None
    choices = _CHOICES.get(dest)
    if choices is not None and converted not in choices:
        return None
    return converted
