"""The table of sprig ``merge`` lines that change globalAnnotations before the isolation templates run.

Re-derived here from every legacy chart's templates (../shared): each ``merge .Values.globalAnnotations
.Values.<x>`` with the ``if`` blocks around it, in a template Helm renders before ``limitrange.yaml``.
"""

from __future__ import annotations

import re

from tests.conftest import shared_path
from vcvalues.legacy.render._annotation_merges import MERGES, annotations_seen_by

_ACTION = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
_MERGE = re.compile(r"merge \.Values\.globalAnnotations \.Values\.([\w.]+)")
_BLOCKS = ("if", "range", "with", "define", "block")
_CONDITION_NAMES = {
    "not .Values.headless": "not-headless",
    'eq .Values.service.type "LoadBalancer"': "loadbalancer",
    "and .Values.sync.nodes.enableScheduler (not .Values.scheduler.disabled)": "scheduler",
    '(eq (include "vcluster.k3s.workloadKind" .) "StatefulSet")': "k3s-statefulset",
    'eq ( include "vcluster.kind" . ) "StatefulSet"': "kind-statefulset",
}
_FIRST_ISOLATION_TEMPLATE = "limitrange.yaml"  # rendered last of the three (reverse name order)


def _merges(text: str) -> list[tuple[str, str]]:
    """(merged value, conditions) of each merge line, in line order."""
    stack: list[str] = []
    found: list[tuple[str, str]] = []
    for match in _ACTION.finditer(text):
        action = match.group(1).strip()
        word = action.split(" ", 1)[0]
        if word in _BLOCKS:
            stack.append(action[len(word) :].strip() if word == "if" else "")
        elif word == "end":
            stack.pop()
        elif word == "else":
            stack[-1] = "else"  # no merge sits in an else branch (an unknown name would fail below)
        merged = _MERGE.search(action)
        if merged:
            names = [_CONDITION_NAMES[c] for c in stack if c]
            found.append((merged.group(1), ",".join(names)))
    return found


def _derived() -> list[tuple[str, str, str, str, str]]:
    charts = shared_path("reference", "vcluster", "charts")
    releases = sorted(
        (p.name for p in charts.iterdir() if (p / "k3s").is_dir()),
        key=lambda v: tuple(int(x) for x in v.split(".")),
    )
    rows = []
    for release in releases:
        for distro in ("k3s", "k8s", "k0s", "eks"):
            templates = charts / release / distro / "templates"
            for path in sorted(templates.rglob("*.yaml")):
                relative = path.relative_to(templates)
                if len(relative.parts) == 1 and relative.name <= _FIRST_ISOLATION_TEMPLATE:
                    continue  # rendered after the isolation templates
                assert len(relative.parts) == 1 or not _merges(path.read_text()), relative
                for merged, conditions in _merges(path.read_text()):
                    rows.append((distro, release, relative.name, merged, conditions))
    return rows


def _expanded() -> list[tuple[str, str, str, str, str]]:
    charts = shared_path("reference", "vcluster", "charts")
    releases = sorted(
        (p.name for p in charts.iterdir() if (p / "k3s").is_dir()),
        key=lambda v: tuple(int(x) for x in v.split(".")),
    )
    order = {release: index for index, release in enumerate(releases)}
    return [
        (distro, release, template, merged, conditions)
        for release in releases
        for distro, first, last, template, merged, conditions in MERGES
        if order[first] <= order[release] <= order[last]
    ]


def test_table_is_what_the_chart_templates_say() -> None:
    key = lambda row: (row[0], row[1], row[2])  # noqa: E731 - line order within a template is kept
    assert sorted(_expanded(), key=key) == sorted(_derived(), key=key)


def test_merge_adds_keys_the_user_did_not_set_and_keeps_the_users() -> None:
    values = {
        "globalAnnotations": {"team": "a", "empty": ""},
        "syncer": {"serviceAnnotations": {"team": "svc", "empty": "filled", "new": False, "gone": None}},
    }
    seen = annotations_seen_by("resourcequota.yaml", values, "k3s", (0, 19, 10))
    assert seen == {"team": "a", "empty": "filled", "new": False}
    assert values["globalAnnotations"] == {"team": "a", "empty": ""}  # the values are not changed


def test_conditions_decide_which_merges_run() -> None:
    values = {
        "globalAnnotations": {},
        "service": {"type": "ClusterIP", "loadBalancerAnnotations": {"lb": "1"}},
        "workloadServiceAccount": {"annotations": {"wsa": "1"}},
    }
    assert annotations_seen_by("networkpolicy.yaml", values, "k3s", (0, 19, 10)) == {"wsa": "1"}
    values["service"]["type"] = "LoadBalancer"
    assert annotations_seen_by("networkpolicy.yaml", values, "k3s", (0, 19, 10)) == {"wsa": "1", "lb": "1"}
    # 0.15.0 has no workloadserviceaccount merge, nor a load balancer one
    assert annotations_seen_by("networkpolicy.yaml", values, "k3s", (0, 15, 0)) == {}
