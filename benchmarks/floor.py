"""The floor: the least any values linter in Python can do (DESIGN.md §14).

The fastest C YAML parse at hand (libyaml through PyYAML's ``CSafeLoader``: ~0.9 ms for 170 lines, where
ruamel.yaml's ``typ='safe'`` C path takes ~2.4 ms) and the fastest JSON-schema validator (jsonschema_rs)
on the same schema check-jsonschema gets; no positions, no Helm semantics, no coalescing, no rules.
Prints one line per invalid file and exits 1 when any file is invalid.

    python benchmarks/floor.py SCHEMA.json FILE...
    python benchmarks/floor.py --check-c-path    # exit 0 only if libyaml's C loader is the one used
"""

from __future__ import annotations

import json
import sys


def _loader() -> type:
    import yaml  # type: ignore[import-untyped]

    if not getattr(yaml, "__with_libyaml__", False):
        raise SystemExit("floor: PyYAML was built without libyaml (no CSafeLoader)")
    loader: type = yaml.CSafeLoader
    return loader


def main(argv: list[str]) -> int:
    """Validate every file against the schema; 0 all valid, 1 some invalid, 2 usage."""
    if argv == ["--check-c-path"]:
        _loader()
        return 0
    if len(argv) < 2:
        sys.stderr.write(__doc__ or "")
        return 2
    import jsonschema_rs
    import yaml

    with open(argv[0], encoding="utf-8") as handle:
        validator = jsonschema_rs.validator_for(json.load(handle))
    loader = _loader()
    invalid = 0
    for name in argv[1:]:
        with open(name, "rb") as handle:
            data = yaml.load(handle.read(), Loader=loader)
        errors = list(validator.iter_errors(data if data is not None else {}))
        if errors:
            invalid += 1
            sys.stdout.write(f"{name}: {len(errors)} error(s), first: {errors[0].message}\n")
    return 1 if invalid else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
