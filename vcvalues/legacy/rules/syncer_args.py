"""``syncer.extraArgs``: flags the syncer of the chart's release parses with cobra/pflag.

The chart appends each item as one argument (``- {{ $f | quote }}``, charts/*/templates/syncer.yaml) after
its own flags, so a later copy of a flag wins. pflag takes ``--flag=value`` or ``--flag value`` (two items)
for a flag with a value, ``--flag`` / ``--flag=true|false`` for a boolean; an unknown flag stops the syncer
(``unknown flag: --x``). The flag table per release is :func:`vcvalues.legacy.catalog.syncer_flag_specs`.
"""

from __future__ import annotations

from collections.abc import Iterator

from vcvalues.core._lazy_re import lazy_compile
from vcvalues.core.diagnostics import KeyPath, Severity
from vcvalues.legacy.catalog import syncer_flag_specs
from vcvalues.legacy.rules._base import Example, Rule, RuleContext
from vcvalues.legacy.rules._values import SA_FLAG, get, isolation

ARGS: KeyPath = ("syncer", "extraArgs")
NODE_SELECTOR: KeyPath = ("sync", "nodes", "nodeSelector")
PSS_FLAG = "--enforce-pod-security-standard"
SA_TOKENS = "--service-account-token-secrets"
_LABEL_VALUE = lazy_compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")


def parsed_args(ctx: RuleContext) -> Iterator[tuple[int, str, str | None]]:
    """(index, flag name, value) of every flag in extraArgs; a value taken from the next item included."""
    args = get(ctx.values, ARGS)
    if not isinstance(args, list):
        return
    specs = syncer_flag_specs(ctx.chart)
    index = 0
    while index < len(args):
        item = args[index]
        if isinstance(item, str) and item.startswith("--") and " " not in item.split("=", 1)[0]:
            name, _, value = item.partition("=")
            spec = specs.get(name)
            if "=" not in item and spec is not None and spec.takes_value and index + 1 < len(args):
                yield index, name, str(args[index + 1])
                index += 2
                continue
            yield index, name, value if "=" in item else None
        index += 1


def check_syntax(ctx: RuleContext) -> None:
    """extra-args-syntax."""
    args = get(ctx.values, ARGS)
    consumed = {i + 1 for i, name, value in parsed_args(ctx) if value is not None and "=" not in str(args[i])}
    for index, item in enumerate(args if isinstance(args, list) else []):
        if index in consumed or not isinstance(item, str):
            continue
        head = item.split("=", 1)[0]
        if item.startswith("--") and " " in head:
            flag, _, rest = head.partition(" ")
            ctx.report(
                (*ARGS, index),
                f"{item!r} is one argument: the syncer reads a flag named {head[2:]!r}",
                hint=f"write {flag}={rest.strip()} (or put the value in the next item)",
            )
        elif not item.startswith("--"):
            ctx.report(
                (*ARGS, index),
                f"{item!r} is not a flag (--flag or --flag=value); the syncer refuses stray arguments",
                hint="write --flag=value"
                if not item.startswith("-")
                else f"write -{item} (flags take two dashes)",
            )


def check_unknown(ctx: RuleContext) -> None:
    """extra-args-unknown-flag."""
    specs = syncer_flag_specs(ctx.chart)
    for index, name, _ in parsed_args(ctx):
        if name in specs:
            continue
        import difflib  # only to suggest a name: off the cold path

        close = difflib.get_close_matches(name, list(specs), n=1, cutoff=0.7)
        ctx.report(
            (*ARGS, index),
            f"the syncer of chart {ctx.chart.version} has no flag {name}: it stops with 'unknown flag: "
            f"{name}'",
            hint=f"did you mean {close[0]}?" if close else "see `/vcluster start --help` of that release",
        )


def check_overrides(ctx: RuleContext) -> None:
    """extra-args-overrides-isolation."""
    if not isolation(ctx.values, ctx.namespace).enabled:
        return
    level = get(ctx.values, ("isolation", "podSecurityStandard"))
    for index, name, value in parsed_args(ctx):
        if name == PSS_FLAG:
            ctx.report(
                (*ARGS, index),
                f"{PSS_FLAG}={value or ''} in extraArgs comes after the chart's {PSS_FLAG}={level}, so it "
                "overrides isolation.podSecurityStandard",
                hint="set isolation.podSecurityStandard instead",
            )


def _selector_problem(text: str) -> str | None:
    for part in text.split(","):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            return f"{part!r} is not key=value"
        from vcvalues.core.k8s_resources import qualified_name_problem

        if qualified_name_problem(key) is not None or len(value) > 63 or not _LABEL_VALUE.match(value):
            return f"{part!r} is not a valid label key=value"
    return None


def check_node_selector(ctx: RuleContext) -> None:
    """node-selector-syntax."""
    chosen = get(ctx.values, NODE_SELECTOR)
    places: list[tuple[KeyPath, str]] = (
        [(NODE_SELECTOR, chosen)] if isinstance(chosen, str) and chosen else []
    )
    places += [
        ((*ARGS, i), value) for i, name, value in parsed_args(ctx) if name == "--node-selector" and value
    ]
    for path, text in places:
        problem = _selector_problem(text)
        if problem is not None:
            ctx.report(
                path, f"node selector {text!r}: {problem}", hint="write key=value[,key=value], e.g. pool=vc"
            )


def check_sa_tokens(ctx: RuleContext) -> None:
    """service-account-token-annotations."""
    if not isolation(ctx.values, ctx.namespace).enabled or SA_TOKENS not in syncer_flag_specs(ctx.chart):
        return
    values = [value for _, name, value in parsed_args(ctx) if name == SA_TOKENS]
    if values and values[-1] in (None, "true"):
        return
    ctx.report(
        ("isolation", "enabled"),
        "isolation is on but the syncer keeps pod service account tokens in annotations of the host pods, "
        "readable by anyone who can read pods in the host namespace",
        hint=f"add {SA_TOKENS} to syncer.extraArgs (tokens then live in Secrets)",
    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="extra-args-syntax",
        default_severity=Severity.ERROR,
        summary=(
            "a syncer.extraArgs item that is not --flag or --flag=value (e.g. '--flag value' in one item)"
        ),
        why=(
            "the item reaches the syncer as one argument: a flag with a space in its name, or a stray "
            "argument"
        ),
        fail_example="syncer:\n  extraArgs:\n  - --tls-san my.host\n",
        fail_at=(3, 5),
        pass_example="syncer:\n  extraArgs:\n  - --tls-san=my.host\n",
        check=check_syntax,
    ),
    Rule(
        id="extra-args-unknown-flag",
        default_severity=Severity.ERROR,
        summary="a syncer.extraArgs flag the syncer of that chart version does not have",
        why="the syncer stops at start with 'unknown flag' and the vcluster never comes up",
        fail_example="syncer:\n  extraArgs:\n  - --tls-sans=my.host\n",
        fail_at=(3, 5),
        pass_example="syncer:\n  extraArgs:\n  - --tls-san=my.host\n",
        check=check_unknown,
        source="catalog.syncer_flag_specs (cobra/pflag registrations per release)",
    ),
    Rule(
        id="extra-args-overrides-isolation",
        default_severity=Severity.WARNING,
        summary="--enforce-pod-security-standard in extraArgs while isolation is on",
        why=(
            "the chart adds the flag from isolation.podSecurityStandard; the extraArgs copy comes later "
            "and wins"
        ),
        fail_example=(
            f"isolation:\n  enabled: true\n{SA_FLAG}  - --enforce-pod-security-standard=privileged\n"
        ),
        fail_at=(6, 5),
        pass_example=f"isolation:\n  enabled: true\n  podSecurityStandard: restricted\n{SA_FLAG}",
        check=check_overrides,
    ),
    Rule(
        id="node-selector-syntax",
        default_severity=Severity.ERROR,
        summary="--node-selector / sync.nodes.nodeSelector that is not key=value[,key=value]",
        why="the syncer cannot parse the selector and stops at start",
        fail_example="sync:\n  nodes:\n    nodeSelector: pool\n",
        fail_at=(3, 19),
        pass_example="sync:\n  nodes:\n    nodeSelector: pool=vcluster\n",
        check=check_node_selector,
    ),
    Rule(
        id="service-account-token-annotations",
        default_severity=Severity.INFO,
        summary="isolation on without --service-account-token-secrets",
        why="the syncer then writes each pod's service account token into an annotation of the host pod",
        fail_example="isolation:\n  enabled: true\n",
        fail_at=(2, 12),
        pass_example=f"isolation:\n  enabled: true\n{SA_FLAG}",
        check=check_sa_tokens,
        example=Example(chart_version="0.19.10"),
        source="pkg/controllers/resources/pods/translate (vcluster), flag from 0.15.1",
    ),
)
