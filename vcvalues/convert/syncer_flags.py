"""``syncer.extraArgs`` -> 0.20+ keys: every flag with an equivalent converts, the rest are errors.

Parsing follows upstream's ``nextFlagValue``: ``--flag=value``, ``--flag value`` (when the next item
does not start with ``--``) or a bare ``--flag``; an item that is not a flag is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from vcvalues.convert import _flag_table
from vcvalues.convert._context import Conversion
from vcvalues.convert._target import Target

EXTRA_ARGS = ("syncer", "extraArgs")

_HINTS = {
    "enforce-pod-security-standard": "remove the flag and set isolation.podSecurityStandard",
    "enforce-node-selector": "remove the flag: 0.20+ always enforces the node selector",
    "default-image-registry": "remove the flag and set defaultImageRegistry",
    "pro-license-secret": "remove the flag and set proLicenseSecret",
}


@dataclass(frozen=True)
class SyncerFlag:
    """One flag of ``syncer.extraArgs``: its name, value and the index of its item."""

    index: int
    name: str
    value: str


def split_flags(conversion: Conversion, args: list[str]) -> Iterator[SyncerFlag]:
    """The flags in ``args``; an item that is not a ``--flag`` is reported and skipped."""
    index = 0
    while index < len(args):
        item = args[index]
        name = item[2:]
        if not item.startswith("--") or name.partition("=")[0] == "":
            conversion.unsupported(
                (*EXTRA_ARGS, index),
                f"unexpected syncer argument {item!r}: only --flag, --flag=value and --flag value convert",
                at_value=True,
            )
            index += 1
            continue
        if "=" in name:
            flag, _, value = name.partition("=")
            yield SyncerFlag(index, flag, value)
            index += 1
        elif index + 1 < len(args) and not args[index + 1].startswith("--"):
            yield SyncerFlag(index, name, args[index + 1])
            index += 2
        else:
            yield SyncerFlag(index, name, "")
            index += 1


def _fail(conversion: Conversion, flag: SyncerFlag, reason: str) -> None:
    conversion.unsupported(
        (*EXTRA_ARGS, flag.index),
        f"syncer flag --{flag.name} cannot be converted: {reason}",
        hint=_HINTS.get(flag.name),
        at_value=True,
    )


def convert_syncer_flags(conversion: Conversion) -> None:
    """Convert every flag of ``syncer.extraArgs`` for the conversion's target."""
    args = conversion.strings(EXTRA_ARGS)
    table = _flag_table.FLAGS_0_20 if conversion.target is Target.V0_20 else _flag_table.FLAGS_0_36
    deferred: dict[str, SyncerFlag] = {}
    for flag in split_flags(conversion, args):
        if conversion.target is Target.V0_36 and flag.name in _flag_table.EXPORT_KUBECONFIG_FLAGS_0_36:
            deferred[flag.name] = flag
            continue
        handler = table.get(flag.name)
        if handler is None:
            conversion.unsupported(
                (*EXTRA_ARGS, flag.index),
                f"unknown syncer flag --{flag.name}",
                hint=f"remove it: vcluster {conversion.target.value} has no such flag and no equivalent key",
                at_value=True,
            )
            continue
        reason = handler(conversion, flag.value)
        if reason is not None:
            _fail(conversion, flag, reason)
    _convert_export_kubeconfig(conversion, deferred)


def _convert_export_kubeconfig(conversion: Conversion, flags: dict[str, SyncerFlag]) -> None:
    """0.36: the secret flags make ``additionalSecrets[0]``, which also takes the context and server."""
    secret: dict[str, str] = {}
    for name, key in (("out-kube-config-secret", "name"), ("out-kube-config-secret-namespace", "namespace")):
        if name in flags:
            if flags[name].value == "":
                _fail(conversion, flags[name], _flag_table.VALUE_MISSING)
                continue
            secret[key] = flags[name].value
    for name, key in (("kube-config-context-name", "context"), ("out-kube-config-server", "server")):
        if name in flags:
            if flags[name].value == "":
                _fail(conversion, flags[name], _flag_table.VALUE_MISSING)
                continue
            conversion.set(f"exportKubeConfig.{key}", flags[name].value)
            if secret:
                secret[key] = flags[name].value
    if secret:
        conversion.set("exportKubeConfig.additionalSecrets", [secret])
