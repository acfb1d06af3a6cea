"""fix_text / write_fixes: only the fixed values change; unsafe edits and changed files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from vcvalues.core.fix import FixError, fix_text, guess_indent, write_fixes
from vcvalues.legacy.compile import compile_values

NODEPORTS = ("isolation", "resourceQuota", "quota", "services.nodeports")
FIX = [(NODEPORTS, 1, "set nodeports to 1")]


def test_replaces_a_value_keeping_its_comment_and_every_other_byte() -> None:
    text = "isolation:   # mine\n  resourceQuota:\n    quota:\n      services.nodeports: 0    # zero\n"
    assert fix_text(text, FIX) == text.replace(": 0    #", ": 1    #")


def test_keeps_the_quotes_the_user_chose() -> None:
    for quote in ("'", '"'):
        text = f"isolation:\n  resourceQuota:\n    quota:\n      services.nodeports: {quote}0{quote}\n"
        assert fix_text(text, FIX) == text.replace(f"{quote}0{quote}", f"{quote}1{quote}")


def test_inserts_missing_maps_with_the_file_s_indentation() -> None:
    text = "isolation:\n    enabled: true\nservice:\n    type: LoadBalancer\n"
    assert fix_text(text, FIX) == (
        "isolation:\n    enabled: true\n    resourceQuota:\n        quota:\n"
        "            services.nodeports: 1\nservice:\n    type: LoadBalancer\n"
    )


def test_flow_style_and_odd_spacing_elsewhere_are_kept() -> None:
    text = (
        "a:   {x: 1,   y: 2}\nlist:\n-   one\nisolation: {resourceQuota: {quota: {services.nodeports: 0}}}\n"
    )
    assert fix_text(text, FIX) == text.replace("nodeports: 0", "nodeports: 1")


def test_empty_file_gets_the_value() -> None:
    assert fix_text("", FIX) == "isolation:\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"


def test_a_scalar_on_the_path_is_refused() -> None:
    with pytest.raises(FixError, match=r"isolation\.resourceQuota is not a map in the file"):
        fix_text("isolation:\n  resourceQuota: off\n", FIX)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n  b:\n  - x\n", (2, 2, 0)),
        ("a:\n  b:\n    - x\n", (2, 4, 2)),
        ("a:\n    b: 1\n", (4, 4, 0)),
        ("k: v\n", (2, 2, 0)),
    ],
)
def test_guess_indent(text: str, expected: tuple[int, int, int]) -> None:
    assert guess_indent(text) == expected


def _compiled(path: Path):  # type: ignore[no-untyped-def]
    return compile_values([str(path)], apply_fixes=True)


def test_write_fixes_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("isolation:\n  enabled: true\nservice:\n  type: LoadBalancer\n")
    original = path.read_bytes()
    result = _compiled(path)
    path.write_text(path.read_text() + "# edited meanwhile\n")
    messages = write_fixes(str(path), result, original=original)
    assert messages == [
        f"vcvalues: {path}: not fixed: the file changed on disk since it was read; lint it again"
    ]
    assert path.read_text().endswith("# edited meanwhile\n")


def test_write_fixes_writes_atomically_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("isolation:\n  enabled: true\nservice:\n  type: LoadBalancer\n")
    path.chmod(0o600)
    result = _compiled(path)
    messages = write_fixes(str(path), result, original=path.read_bytes())
    assert messages == [
        f"vcvalues: {path}: fixed: set isolation.resourceQuota.quota[services.nodeports] to 1 (was 0)"
    ]
    assert "services.nodeports: 1" in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["values.yaml"]


def test_write_fixes_with_nothing_to_fix_returns_nothing(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("isolation:\n  enabled: false\n")
    assert write_fixes(str(path), _compiled(path)) == []


def test_umbrella_prefix(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("vcluster:\n  isolation:\n    enabled: true\n")
    result = _compiled(tmp_path / "values.yaml")
    result.fixes = [(NODEPORTS, 1, "set")]
    assert write_fixes(str(path), result, prefix=("vcluster",)) == [f"vcvalues: {path}: fixed: set"]
    assert path.read_text() == (
        "vcluster:\n  isolation:\n    enabled: true\n    resourceQuota:\n      quota:\n        "
        "services.nodeports: 1\n"
    )


def test_comments_only_file_keeps_its_comments() -> None:
    text = "# nothing set yet\n"
    assert (
        fix_text(text, FIX)
        == text + "isolation:\n  resourceQuota:\n    quota:\n      services.nodeports: 1\n"
    )
