"""`vcvalues explain ID`: a rule's summary, why it matters, its options and both examples."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vcvalues.cli import IO
    from vcvalues.legacy.rules import Rule


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``explain``."""
    parser.add_argument("rule_id", metavar="ID", help="a rule id (see `vcvalues rules`)")


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


def modern_text(rule: Rule) -> str:
    """The 0.20+ (vcluster.yaml) examples of a rule, as printed after (or instead of) the legacy ones."""
    line, column = rule.fail_at
    parts = [
        f"\nin vcluster.yaml (charts 0.20+): {rule.summary}\n",
        f"  {rule.why}\n",
        f"\nfailing example (--chart-version 0.36.1), reported at {line}:{column}:\n",
        _indent(rule.fail_example),
        f"\npassing example:\n{_indent(rule.pass_example)}",
    ]
    if rule.source:
        parts.append(f"\nsource: {rule.source}\n")
    return "".join(parts)


def explain_text(rule: Rule) -> str:
    """The explanation of one rule as printed."""
    from vcvalues.core.suppress import ALWAYS_ON

    traits = [f"default severity: {rule.default_severity.label}"]
    if rule.fixable:
        traits.append("fixable (render applies it; lint --fix writes it)")
    if rule.id in ALWAYS_ON:
        traits.append("always on")
    parts = [
        f"{rule.id}: {rule.summary}\n",
        "  " + "; ".join(traits) + "\n",
        f"\nwhy it matters:\n  {rule.why}\n",
    ]
    if rule.options:
        parts.append("\noptions (.vcvalues.yaml: rules: {" + rule.id + ": {options: {...}}}):\n")
        for option in rule.options:
            choices = f" (one of {', '.join(map(str, option.choices))})" if option.choices else ""
            parts.append(f"  {option.name}: {option.description}; default {option.default!r}{choices}\n")
    example = rule.example
    setting = [f"--chart-version {example.chart_version}"] if example.chart_version else []
    setting += [f"--distro {example.distro}"] if example.distro else []
    setting += [f"option {k}: {v}" for k, v in example.options.items()]
    where = f" ({', '.join(setting)})" if setting else ""
    if rule.usage_error:
        parts.append(f"\nfailing example{where}: a usage error, exit 2\n{_indent(rule.fail_example)}")
    else:
        line, column = rule.fail_at
        parts.append(f"\nfailing example{where}, reported at {line}:{column}:\n{_indent(rule.fail_example)}")
    parts.append(f"\npassing example:\n{_indent(rule.pass_example)}")
    if rule.source:
        parts.append(f"\nsource: {rule.source}\n")
    return "".join(parts)


def other_ids() -> dict[str, str]:
    """Ids other commands print that are no lint rule: check-pods' Pod Security checks and its
    ``skipped`` note, and convert's ids. Id -> explanation."""
    from vcvalues.pss.diagnose import HINTS, SKIPPED_RULE
    from vcvalues.pss.registry import ALL_CHECKS

    out: dict[str, str] = {}
    for check in ALL_CHECKS:
        since = check.versions[0].min_minor
        hint = HINTS.get(check.check_id)
        out[check.check_id] = (
            f"{check.check_id}: a Pod Security Standards check of level {check.level} "
            f"(k8s.io/pod-security-admission, in force from policy version v1.{since})\n"
            "  reported by: vcvalues check-pods (the syncer refuses a virtual pod that fails it)\n"
            + (f"  fix: {hint}\n" if hint else "")
        )
    out[SKIPPED_RULE] = (
        f"{SKIPPED_RULE}: an object check-pods was given that holds no pod (a Service, a ConfigMap, ...)\n"
        "  reported by: vcvalues check-pods, as info: nothing in it is checked\n"
    )
    out["convert-unsupported"] = (
        "convert-unsupported: a legacy setting vcluster 0.20+ has no place for (vcluster convert config "
        "refuses it too)\n  reported by: vcvalues convert, as error: the file is not converted\n"
        "  examples: isolation.namespace, isolation.nodeProxyPermission.enabled, "
        "--enforce-pod-security-standard in syncer.extraArgs\n"
    )
    out["convert-not-converted"] = (
        "convert-not-converted: a legacy key outside the isolation-related part vcvalues converts\n"
        "  reported by: vcvalues convert, as info: move it by hand (vcluster convert config does)\n"
    )
    return out


def run(args: argparse.Namespace, io: IO) -> int:
    """Print the explanation; an unknown id is a usage error (exit 2) with a did-you-mean."""
    from difflib import get_close_matches

    from vcvalues.errors import UnknownRuleError
    from vcvalues.legacy.rules import REGISTRY
    from vcvalues.modern.rules import REGISTRY as MODERN

    rule = REGISTRY.get(args.rule_id)
    modern = MODERN.get(args.rule_id)
    if rule is not None or modern is not None:
        if rule is None:
            assert modern is not None
            text = explain_text(modern).replace(
                "failing example,", "failing example (--chart-version 0.36.1),"
            )
        else:
            text = explain_text(rule) + (modern_text(modern) if modern is not None else "")
        io.out.write(text if text.endswith("\n") else text + "\n")
        return 0
    others = other_ids()
    if args.rule_id in others:
        io.out.write(others[args.rule_id])
        return 0
    every = [*REGISTRY, *(rule_id for rule_id in MODERN if rule_id not in REGISTRY), *others]
    lowered = {rule_id.lower(): rule_id for rule_id in every}
    close = [lowered[args.rule_id.lower()]] if args.rule_id.lower() in lowered else []
    close = close or get_close_matches(args.rule_id, every, n=1)
    close = close or [rule_id for rule_id in every if args.rule_id.lower() in rule_id.lower()][:3]
    names = " or ".join(repr(rule_id) for rule_id in close)
    guess = f"; did you mean {names}?" if close else "; `vcvalues rules` lists them"
    raise UnknownRuleError(f"no rule {args.rule_id!r}{guess}")
