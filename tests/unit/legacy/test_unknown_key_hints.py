"""unknown-key hints use what vcvalues knows of the other charts: the distro, or the releases, that read
the key."""

from __future__ import annotations

from vcvalues.legacy.compile import compile_text


def _hints(text: str, **options: str) -> list[tuple[str, int, int, str | None]]:
    result = compile_text(text, **options)  # type: ignore[arg-type]
    return [(d.rule_id, d.line, d.column, d.hint) for d in result.diagnostics]


def test_k8s_values_linted_as_k3s_name_the_distro() -> None:
    assert _hints("api:\n  image: x\n") == [
        (
            "unknown-key",
            1,
            1,
            "this is a key of the k8s and eks charts 0.19.10, not k3s: lint with --distro k8s",
        )
    ]
    assert _hints("api:\n  image: x\n", distro="k8s") == []


def test_a_key_of_older_releases_names_them() -> None:
    assert _hints("serviceCIDR: 10.96.0.0/12\n") == [
        (
            "unknown-key",
            1,
            1,
            "the k3s chart read it in 0.15.0 to 0.16.4 only: lint with --chart-version 0.16.4, or drop it",
        )
    ]
    assert _hints("serviceCIDR: 10.96.0.0/12\n", chart_version="0.16.4") == []


def test_a_key_of_a_newer_release_names_it() -> None:
    text = "sync:\n  nodes:\n    reservedResources:\n      cpu: '1'\n"
    assert _hints(text, chart_version="0.19.9") == [
        ("unknown-key", 3, 5, "the k3s chart reads it from 0.19.10 on: lint with --chart-version 0.19.10")
    ]


def test_a_typo_still_gets_did_you_mean() -> None:
    assert _hints("isolaton:\n  enabled: true\n") == [("unknown-key", 1, 1, "did you mean 'isolation'?")]
