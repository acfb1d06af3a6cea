"""``policies.podSecurityStandard``: the level the syncer enforces on every virtual pod.

The schema allows any string; the syncer parses the level (pod-security-admission ``api.ParseLevel``)
and refuses to start with anything but privileged, baseline or restricted (exact case). Empty means no
Pod Security Standard at all.
"""

from __future__ import annotations

from vcvalues.core.diagnostics import Severity
from vcvalues.modern.rules._base import ModernRuleContext, Rule, at

LEVEL = ("policies", "podSecurityStandard")
LEVELS = ("privileged", "baseline", "restricted")


def check_level(ctx: ModernRuleContext) -> None:
    """pod-security-level."""
    value = at(ctx.values, LEVEL)
    if value is None or value == "" or value in LEVELS:
        return
    close = next((level for level in LEVELS if isinstance(value, str) and value.lower() == level), None)
    ctx.report(
        LEVEL,
        f"policies.podSecurityStandard is {value!r}: the syncer refuses to start with it "
        "(must be privileged, baseline or restricted)",
        hint=f"write {close}" if close else "use baseline or restricted",
    )


def check_privileged(ctx: ModernRuleContext) -> None:
    """pod-security-privileged."""
    if at(ctx.values, LEVEL) == "privileged" and ctx.user_set(LEVEL):
        ctx.report(
            LEVEL,
            "policies.podSecurityStandard is privileged: the syncer enforces nothing, workloads may run "
            "privileged pods on the host",
            hint="use baseline or restricted",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        id="pod-security-level",
        default_severity=Severity.ERROR,
        summary="podSecurityStandard is not privileged, baseline or restricted",
        why="the syncer refuses to start (api.ParseLevel) and the virtual cluster never comes up",
        fail_example="policies:\n  podSecurityStandard: strict\n",
        fail_at=(2, 24),
        pass_example="policies:\n  podSecurityStandard: restricted\n",
        check=check_level,
        source="k8s.io/pod-security-admission api.ParseLevel; vcluster pkg/controllers/podsecurity",
    ),
    Rule(
        id="pod-security-privileged",
        default_severity=Severity.WARNING,
        summary="podSecurityStandard: privileged: no workload isolation",
        why="the privileged level allows every pod, including host namespaces and privileged containers",
        fail_example="policies:\n  podSecurityStandard: privileged\n",
        fail_at=(2, 24),
        pass_example="policies:\n  podSecurityStandard: baseline\n",
        check=check_privileged,
        source="Pod Security Standards (privileged level)",
    ),
)
