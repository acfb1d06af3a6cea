"""`vcvalues schema`: export, -o, --check (drift, Chart.yaml inference), exit codes 0/1/2."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vcvalues.cli import IO, main, parse_args
from vcvalues.legacy.chart import resolve_chart
from vcvalues.legacy.schema import dump_schema, export_schema


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["schema", *argv], IO(out, err))
    return code, out.getvalue(), err.getvalue()


def chart_dir(
    tmp_path: Path, version: str = "0.19.10", name: str = "vcluster", alias: str | None = None
) -> Path:
    text = textwrap.dedent(
        f"""\
        apiVersion: v2
        name: umbrella
        version: 1.0.0
        dependencies:
          - name: {name}
            version: "{version}"
            repository: https://charts.loft.sh
        """
    )
    if alias:
        text += f"    alias: {alias}\n"
    (tmp_path / "Chart.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_arguments_map_to_the_namespace():
    args = parse_args(
        ["schema", "--chart-version", "0.15.7", "--distro", "k8s", "--subchart-key", "vc", "-o", "f"]
    )
    assert (args.chart_version, args.distro, args.subchart_key, args.output, args.check, args.files) == (
        "0.15.7",
        "k8s",
        "vc",
        "f",
        None,
        [],
    )
    args = parse_args(["schema", "--check", "--distro", "eks", "a.json", "b.json"])
    assert (args.check, args.files, args.distro) == ([], ["a.json", "b.json"], "eks")
    assert parse_args(["schema", "--check", "a.json", "b.json"]).check == ["a.json", "b.json"]


def test_default_output_is_the_committed_k3s_0_19_10_schema():
    code, out, err = run()
    assert (code, err) == (0, "")
    assert out == (ROOT / "schema" / "k3s-0.19.10.values.schema.json").read_text(encoding="utf-8")


def test_chart_version_distro_and_subchart_key():
    code, out, _ = run("--chart-version", "v0.15.7", "--distro", "k8s")
    assert code == 0
    assert out == (ROOT / "schema" / "k8s-0.15.7.values.schema.json").read_text(encoding="utf-8")
    code, out, _ = run("--subchart-key", "vc")
    assert code == 0
    assert json.loads(out)["properties"]["vc"] == {"$ref": "#/definitions/Values"}


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "values.schema.json"
    assert run("--distro", "eks", "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == dump_schema(export_schema(resolve_chart(None, "eks")))
    assert [path.name for path in tmp_path.iterdir()] == ["values.schema.json"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--chart-version", "0.14.0"],
            "vcvalues: error: chart version 0.14.0 is not a supported vcluster release",
        ),
        (
            ["--chart-version", "0.36.2"],
            "vcvalues: error: chart version 0.36.2 is not a supported vcluster release; supported: 0.15.0",
        ),
        (["--check"], "vcvalues: error: --check needs at least one schema file"),
        (["x.json"], "vcvalues: error: unexpected argument 'x.json' (did you mean --check x.json?)"),
        (["--check", "x.json", "-o", "y.json"], "vcvalues: error: --check and -o cannot be used together"),
        (["--check", "missing.json"], "vcvalues: error: missing.json: no such file"),
        (
            ["-o", "no/such/dir/values.schema.json"],
            "vcvalues: error: no/such/dir/values.schema.json: its folder",
        ),
        (["--distro", "k9s"], "vcvalues schema: error: argument --distro: invalid choice: 'k9s'"),
    ],
)
def test_usage_errors_exit_2(argv, message):
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert err.startswith(message)


def test_check_up_to_date_with_explicit_chart(tmp_path):
    target = tmp_path / "values.schema.json"
    target.write_text(
        json.dumps(export_schema(resolve_chart("0.16.2", "k0s"))), encoding="utf-8"
    )  # any layout
    assert run("--check", str(target), "--chart-version", "0.16.2", "--distro", "k0s") == (0, "", "")
    code, out, err = run("--check", str(target), "--chart-version", "0.16.1", "--distro", "k0s")
    assert (code, err) == (1, "")
    assert out.endswith(
        f"{target}: not the schema vcvalues generates for vcluster k0s 0.16.1\n"
        f"hint: regenerate it with: vcvalues schema --chart-version 0.16.1 --distro k0s -o {target}\n"
    )
    assert '-        "plugin": {' in out  # coredns.plugin is new in 0.16.2


def test_check_reads_the_chart_next_to_the_schema(tmp_path):
    chart = chart_dir(tmp_path, name="vcluster-k8s", alias="team-a")
    target = chart / "values.schema.json"
    target.write_text(dump_schema(export_schema(resolve_chart("0.19.10", "k8s"), subchart_key="team-a")))
    assert run("--check", str(target)) == (0, "", "")
    # explicit chart options win over the Chart.yaml
    code, out, _ = run("--check", str(target), "--distro", "k8s")
    assert code == 1
    assert "generates for vcluster k8s 0.19.10\n" in out


def test_check_several_files_reports_only_the_drifted_ones(tmp_path):
    good, bad, broken = tmp_path / "good.json", tmp_path / "bad.json", tmp_path / "broken.json"
    good.write_text(dump_schema(export_schema(resolve_chart(None, None))))
    bad.write_text(json.dumps({"$schema": "http://json-schema.org/draft-07/schema#"}))
    broken.write_text("{not json")
    code, out, err = run("--check", str(good), str(bad), str(broken))
    assert (code, err) == (1, "")
    assert str(good) not in out
    assert f"--- {bad} (committed)\n+++ {bad} (generated)\n" in out
    assert "... (" in out and "more diff lines)\n" in out  # a whole schema missing: the diff is cut
    assert (
        f"{broken}: not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)\n"
        in out
    )


@pytest.mark.parametrize(
    ("version", "name", "message"),
    [
        ("~0.19.0", "vcluster", "dependency vcluster has version '~0.19.0', not an exact release"),
        ("0.19.x", "vcluster-eks", "dependency vcluster-eks has version '0.19.x', not an exact release"),
    ],
)
def test_check_needs_an_exact_vcluster_dependency(tmp_path, version, name, message):
    chart = chart_dir(tmp_path, version=version, name=name)
    (chart / "values.schema.json").write_text("{}")
    code, out, err = run("--check", str(chart / "values.schema.json"))
    assert (code, out) == (2, "")
    assert f"vcvalues: error: {chart / 'Chart.yaml'}: {message}" in err


def test_a_chart_without_a_vcluster_dependency_is_skipped(tmp_path):
    chart = chart_dir(tmp_path, name="ingress-nginx", version="4.10.0")
    (chart / "values.schema.json").write_text("{}")
    for given in (chart / "values.schema.json", chart / "Chart.yaml"):
        assert run("--check", str(given)) == (
            0,
            "",
            f"{given}: skipped, its Chart.yaml has no vcluster dependency\n",
        )


def test_checking_a_chart_file_checks_the_schema_beside_it(tmp_path):
    chart = chart_dir(tmp_path, version="0.19.9")
    schema = chart / "values.schema.json"
    code, out, _ = run("--check", str(chart / "Chart.yaml"))
    assert (code, out) == (
        1,
        f"{schema}: missing; {chart / 'Chart.yaml'} depends on vcluster k3s 0.19.9 under 'vcluster'\n"
        "hint: generate it with: vcvalues schema --chart-version 0.19.9 --distro k3s "
        f"--subchart-key vcluster -o {schema}\n",
    )
    schema.write_text(dump_schema(export_schema(resolve_chart("0.19.9", "k3s"), subchart_key="vcluster")))
    assert run("--check", str(chart / "Chart.yaml"))[0] == 0
    chart_dir(tmp_path, version="0.19.10")  # the dependency is bumped, the schema is not
    code, out, _ = run("--check", str(chart / "Chart.yaml"))
    assert code == 1
    assert out.endswith(
        f"{schema}: not the schema vcvalues generates for vcluster k3s 0.19.10 under 'vcluster'\n"
        "hint: regenerate it with: vcvalues schema --chart-version 0.19.10 --distro k3s "
        f"--subchart-key vcluster -o {schema}\n"
    )


def test_a_schema_listed_twice_is_checked_once(tmp_path):
    chart = chart_dir(tmp_path)
    schema = chart / "values.schema.json"
    schema.write_text("{}")
    code, out, _ = run("--check", str(schema), str(chart / "Chart.yaml"), str(schema))
    assert code == 1
    assert out.count("hint: regenerate it with") == 1
