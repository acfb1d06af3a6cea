"""Small helpers for the PSS unit tests: pods written as YAML, one check's result."""

from __future__ import annotations

import textwrap
from typing import Any

from ruamel.yaml import YAML

from vcvalues.pss import CheckResult, evaluate_pod


def pod(text: str) -> dict[str, Any]:
    """A pod (``metadata`` + ``spec``) from a dedented YAML block."""
    data = YAML(typ="safe").load(textwrap.dedent(text))
    assert isinstance(data, dict)
    return data


def check(
    text: str,
    check_id: str,
    *,
    level: str = "restricted",
    version: str = "latest",
    apply_defaults: bool = True,
) -> CheckResult | None:
    """The result of one check on a pod given as YAML; None when that check did not fail."""
    data = pod(text)
    evaluation = evaluate_pod(
        data.get("spec", {}),
        data.get("metadata"),
        level=level,
        version=version,
        apply_defaults=apply_defaults,
    )
    found = [r for r in evaluation.results if r.check_id == check_id]
    assert len(found) <= 1
    return found[0] if found else None


def failed_ids(text: str, *, level: str = "restricted", version: str = "latest") -> list[str]:
    """Ids of the checks that failed, in order."""
    data = pod(text)
    return [
        r.check_id
        for r in evaluate_pod(data["spec"], data.get("metadata"), level=level, version=version).results
    ]


def rt_documents(text: str) -> list[tuple[Any, Any]]:
    """Documents of a YAML text with a locator from ruamel's round-trip positions (value place, 1-based).

    Stands in for vcvalues.core.load in tests of the diagnostics layer: a missing path gives its nearest
    ancestor.
    """
    out = []
    for document in YAML(typ="rt").load_all(textwrap.dedent(text)):

        def locate(path, document=document):
            node, place = document, (1, 1)
            for key in path:
                try:
                    child = node[key]
                except (KeyError, IndexError, TypeError):
                    break
                line, column = node.lc.data[key][2:4] if isinstance(key, str) else node.lc.data[key][:2]
                place = (line + 1, column + 1)
                node = child
            return place

        out.append((document, locate))
    return out
