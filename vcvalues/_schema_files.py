"""The committed schema files: ``schema/*.values.schema.json`` and the packaged ``vcvalues/schemas/``.

``schema/`` holds one file per *line*: a run of consecutive releases of one distro whose schema is
identical (the schema changes where the chart's keys change, e.g. k3s 0.15.7 adds
``podSecurityContext``). Lines are named by their first and last release: ``k3s-0.19.0-0.19.6``, or
``k3s-0.19.10`` for a single release. The package holds one file, the typed schema the ``lint`` path
validates with (:func:`vcvalues.schema.typed_schema`; the catalogue supplies what differs per chart).

Regenerate after changing the model or the catalogue (a test fails until you do)::

    python -m vcvalues._schema_files
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vcvalues.chart import LEGACY_RELEASES, ChartRef, ChartVersion, Distro

REPO_SCHEMA_DIR = "schema"
PACKAGE_SCHEMA_DIR = "vcvalues/schemas"
TYPED_SCHEMA_FILE = "typed-values.json"


@dataclass(frozen=True, slots=True)
class SchemaLine:
    """Consecutive releases of one distro that share one schema."""

    distro: Distro
    versions: tuple[ChartVersion, ...]
    schema: dict[str, Any]

    @property
    def name(self) -> str:
        """``k3s-0.19.0-0.19.6`` (first and last release), ``k3s-0.19.10`` for one release."""
        first, last = self.versions[0], self.versions[-1]
        span = str(first) if first == last else f"{first}-{last}"
        return f"{self.distro.value}-{span}"

    @property
    def refs(self) -> tuple[ChartRef, ...]:
        """The charts of this line."""
        return tuple(ChartRef(self.distro, version) for version in self.versions)


def compact_json(data: Any) -> str:
    """The text of a packaged schema: no whitespace, loads fastest."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"


def schema_lines() -> list[SchemaLine]:
    """Every line of every distro, oldest first (exports all 112 charts: a few seconds)."""
    from vcvalues.schema import export_schema

    lines: list[SchemaLine] = []
    for distro in Distro:
        current: SchemaLine | None = None
        for triple in LEGACY_RELEASES:
            version = ChartVersion(*triple)
            schema = export_schema(ChartRef(distro, version))
            if current is not None and current.schema == schema:
                current = SchemaLine(distro, (*current.versions, version), schema)
                lines[-1] = current
            else:
                current = SchemaLine(distro, (version,), schema)
                lines.append(current)
    return lines


def render_files(lines: list[SchemaLine] | None = None) -> dict[str, str]:
    """Every generated file: path relative to the repository root -> text."""
    from vcvalues.schema import dump_schema, typed_schema

    lines = schema_lines() if lines is None else lines
    files = {f"{REPO_SCHEMA_DIR}/{line.name}.values.schema.json": dump_schema(line.schema) for line in lines}
    files[f"{PACKAGE_SCHEMA_DIR}/{TYPED_SCHEMA_FILE}"] = compact_json(typed_schema())
    return files


def write_files(root: Path) -> list[str]:
    """Write the generated files under ``root`` and delete stale ones; returns the paths changed."""
    files = render_files()
    changed: list[str] = []
    for relative, text in files.items():
        target = root / relative
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
        changed.append(relative)
    for pattern in (f"{REPO_SCHEMA_DIR}/*.values.schema.json", f"{PACKAGE_SCHEMA_DIR}/*.json"):
        for stale in sorted(root.glob(pattern)):
            relative = stale.relative_to(root).as_posix()
            if relative not in files:
                stale.unlink()
                changed.append(relative)
    return changed


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file and a rename (never half a file)."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    write_files(Path(__file__).resolve().parent.parent)
