"""Regenerate the modern catalogue's data files from the upstream chart of every release.

Run ``python -m vcvalues.modern.catalog._generate ../shared/reference/vcluster/charts`` after adding a
release. It reads each release's ``chart/values.yaml`` (as Helm reads it) and ``chart/values.schema.json``
and writes ``data/defaults.json`` and ``data/schemas.json``, the newest release in full, and beside each
a ``.patches.json`` with every older release as a patch against the next newer one
(``vcvalues.modern.catalog._patch``). Schemas are stored
as draft-07 (``definitions``, ``#/definitions/`` refs) without the annotations (descriptions, ``pro``,
``$id``, ``contentEncoding``); the validation keywords are kept as upstream states them.
``tests/unit/modern/test_catalog.py`` checks the files against the upstream charts.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

from vcvalues.core.chart import MODERN_RELEASES
from vcvalues.modern.catalog._patch import diff

DATA = Path(__file__).resolve().parent / "data"
_ANNOTATIONS = frozenset({"description", "pro", "$id", "contentEncoding", "$schema", "$defs"})
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def read_defaults(chart: Path) -> dict[str, Any]:
    """A release's default values exactly as Helm reads its values.yaml."""
    from vcvalues.core.load import load_path

    loaded = load_path(chart / "values.yaml")
    if loaded.data is None:
        raise SystemExit(f"{chart}/values.yaml: {loaded.diagnostics}")
    return loaded.data


def read_schema(chart: Path) -> dict[str, Any]:
    """A release's values.schema.json as draft-07 without annotations."""
    upstream = json.loads((chart / "values.schema.json").read_text(encoding="utf-8"))
    return to_draft7(upstream)


def to_draft7(upstream: dict[str, Any]) -> dict[str, Any]:
    """The 2020-12 upstream schema in draft-07 spelling, with the same verdicts: it uses no 2020-12-only
    keyword, and a keyword beside a ``$ref`` (which draft-07 would ignore) moves into an ``allOf``."""
    root = _strip(upstream)
    root["definitions"] = {name: _strip(node) for name, node in upstream.get("$defs", {}).items()}
    return {"$schema": DRAFT_07, **root}


def _strip(node: Any) -> Any:
    if isinstance(node, list):
        return [_strip(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _ANNOTATIONS:
            continue
        if key == "$ref":
            out[key] = str(value).replace("#/$defs/", "#/definitions/")
        elif key in ("properties", "patternProperties"):
            out[key] = {name: _strip(item) for name, item in value.items()}
        else:
            out[key] = _strip(value)
    if "$ref" in out and len(out) > 1:
        # 2020-12 applies keywords beside a $ref, draft-07 ignores them: keep them through allOf
        out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
    return out


def chained(by_release: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The newest release in full, and each older one as a patch against the next newer (two files: a
    lint for the newest release, the default, parses only the first)."""
    names = [_name(r) for r in MODERN_RELEASES]
    newest = names[-1]
    patches = {
        older: diff(by_release[newer], by_release[older]) for older, newer in itertools.pairwise(names)
    }
    return {"newest": newest, "full": by_release[newest]}, patches


def _name(release: tuple[int, int, int]) -> str:
    return ".".join(map(str, release))


def main(argv: list[str]) -> int:
    charts = Path(argv[0] if argv else "../shared/reference/vcluster/charts")
    names = [_name(r) for r in MODERN_RELEASES]
    defaults = {name: read_defaults(charts / name / "chart") for name in names}
    schemas = {name: read_schema(charts / name / "chart") for name in names}
    DATA.mkdir(exist_ok=True)
    for stem, table in (("defaults", defaults), ("schemas", schemas)):
        full, patches = chained(table)
        for name, data in ((f"{stem}.json", full), (f"{stem}.patches.json", patches)):
            text = json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n"
            (DATA / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
