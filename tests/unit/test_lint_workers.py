"""lint_files over a large batch: forked workers report exactly what one process reports."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from vcvalues.core import _workers
from vcvalues.core.lint import LintOutcome, lint_files
from vcvalues.errors import ConfigError

CLEAN = "isolation:\n  enabled: true\n"
TYPO = "isolaton:\n  enabled: true\n"
YAML11 = "isolation:\n  enabled: yes\n"
DUPLICATE = "isolation:\n  enabled: true\nisolation:\n  enabled: false\n"
BATCH = 230


def _batch(folder: Path, count: int = BATCH) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)  # stop the config search here
    kinds = (CLEAN, TYPO, YAML11, DUPLICATE)
    files = []
    for index in range(count):
        path = folder / f"values-{index:03d}.yaml"
        path.write_text(kinds[index % len(kinds)])
        files.append(str(path))
    files.insert(57, str(folder / "missing.yaml"))  # unreadable: a message and exit 2, in its place
    return files


def _facts(outcome: LintOutcome) -> tuple[Any, ...]:
    return (outcome.diagnostics, outcome.messages, outcome.unreadable, outcome.summaries)


@pytest.fixture
def pool_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two usable CPUs whatever the machine has; records every batch sent to workers."""
    calls: list[int] = []
    real = _workers.run_in_workers

    def spy(lint: Any, files: Any, workers: int) -> Any:
        calls.append(workers)
        return real(lint, files, workers)

    monkeypatch.setattr(_workers, "usable_cpus", lambda: 2)
    monkeypatch.setattr(_workers, "run_in_workers", spy)
    return calls


def test_workers_report_what_one_process_reports(
    tmp_path: Path, pool_calls: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _batch(tmp_path)
    parallel = lint_files(files, parallel=True)
    assert pool_calls == [2]
    monkeypatch.setattr(_workers, "worker_count", lambda files: 0)
    sequential = lint_files(files, parallel=True)
    assert pool_calls == [2]
    assert _facts(parallel) == _facts(sequential)
    assert parallel.unreadable == 1
    assert parallel.messages == [f"vcvalues: error: {tmp_path / 'missing.yaml'}: no such file"]
    assert {d.rule_id for d in parallel.diagnostics} >= {"unknown-key", "yaml11-boolean", "duplicate-key"}
    assert [d.file for d in parallel.diagnostics] == sorted(d.file for d in parallel.diagnostics)


def test_small_batches_fix_and_stdin_stay_in_this_process(tmp_path: Path, pool_calls: list[int]) -> None:
    files = _batch(tmp_path, _workers.MIN_FILES - 2)
    lint_files(files, parallel=True)
    lint_files([*files, *files], fix=True, parallel=True)
    lint_files([*files, *files, "-"], stdin_text=CLEAN, parallel=True)
    assert pool_calls == []


def test_the_library_forks_only_when_asked(tmp_path: Path, pool_calls: list[int]) -> None:
    lint_files(_batch(tmp_path))
    assert pool_calls == []


def test_a_failing_worker_falls_back_to_the_sequential_error(tmp_path: Path, pool_calls: list[int]) -> None:
    files = _batch(tmp_path / "good")
    broken = tmp_path / "broken"
    files += _batch(broken, 10)
    (broken / ".vcvalues.yaml").write_text(textwrap.dedent("rules: [not, a, map]\n"))
    with pytest.raises(ConfigError, match="rules must be a map"):
        lint_files(files, parallel=True)
    assert pool_calls == [2]


def test_worker_count() -> None:
    assert _workers.worker_count(_workers.MIN_FILES - 1) == 0
    if _workers.usable_cpus() >= 2:
        assert _workers.worker_count(1000) == min(_workers.usable_cpus(), 1000 // _workers.FILES_PER_WORKER)
