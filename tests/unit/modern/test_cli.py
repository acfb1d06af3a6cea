"""The CLI for 0.20+ values: rules, explain, schema, lint --fix, sarif."""

from __future__ import annotations

import json

from vcvalues.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_lists_the_modern_only_rules(capsys) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["expose-needs-nodeports"]["dialects"] == ["legacy", "modern"]
    assert rows["policy-enabled-string"]["dialects"] == ["modern"]
    assert rows["extra-args-syntax"]["dialects"] == ["legacy"]


def test_explain_shows_the_vcluster_yaml_examples(capsys) -> None:
    code, out, _ = run(capsys, "explain", "expose-needs-nodeports")
    assert code == 0
    assert "failing example (--chart-version 0.36.1), reported at 7:13:\n    policies:\n" in out
    code, out, _ = run(capsys, "explain", "limitrange-bounds")
    assert code == 0 and out.startswith("limitrange-bounds: limitRange min/max out of order")
    assert run(capsys, "explain", "limitrange-bound")[2] == (
        "vcvalues: error: no rule 'limitrange-bound'; did you mean 'limitrange-bounds'?\n"
    )


def test_schema_for_a_modern_release(capsys, tmp_path) -> None:
    target = tmp_path / "values.schema.json"
    code, _, _ = run(capsys, "schema", "--chart-version", "0.36.1", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text())["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert run(capsys, "schema", "--chart-version", "0.36.1", "--check", str(target))[0] == 0
    assert run(capsys, "schema", "--chart-version", "0.36.0", "--check", str(target))[0] == 0  # same line
    code, out, _ = run(capsys, "schema", "--chart-version", "0.35.0", "--check", str(target))
    assert code == 1 and "vcvalues schema --chart-version 0.35.0 -o" in out


def test_lint_fix_writes_the_flagship_fix(capsys, tmp_path) -> None:
    path = tmp_path / "vcluster.yaml"
    path.write_text(
        "policies:\n  resourceQuota:\n    enabled: true  # keep\ncontrolPlane:\n  service:\n    spec:\n"
        "      type: LoadBalancer\n"
    )
    code, out, _ = run(capsys, "lint", "--fix", str(path))
    assert code == 0
    assert (
        "warning [expose-needs-nodeports] fixed: set policies.resourceQuota.quota[services.nodeports]" in out
    )
    assert path.read_text() == (
        "policies:\n  resourceQuota:\n    enabled: true  # keep\n    quota:\n      services.nodeports: 1\n"
        "controlPlane:\n  service:\n    spec:\n      type: LoadBalancer\n"
    )
    assert run(capsys, "lint", str(path))[0] == 0


def test_sarif_names_the_modern_rules(capsys, tmp_path) -> None:
    path = tmp_path / "vcluster.yaml"
    path.write_text('policies:\n  limitRange:\n    enabled: "on"\n')
    code, out, _ = run(capsys, "lint", "--format", "sarif", str(path))
    assert code == 0
    results = json.loads(out)["runs"][0]
    assert [r["ruleId"] for r in results["results"]] == ["policy-enabled-string"]
    assert "policy-enabled-string" in {rule["id"] for rule in results["tool"]["driver"]["rules"]}
