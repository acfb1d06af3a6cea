"""Turn a JSON schema into a plain-Python predicate: is this instance valid? (no error messages).

The ``lint`` path validates every file against a committed typed schema. Most files are valid, and
for them importing jsonschema_rs (which drags in ``email``, ``socket`` and ``random``) and compiling
the schema is most of the cost. This module writes a Python module whose ``is_valid(instance)``
answers like ``jsonschema_rs.Draft7Validator(schema).is_valid(instance)`` on JSON data (dicts with
string keys, lists, strings, booleans, None, ints, finite floats: what the YAML reader produces), so
that jsonschema_rs is imported only when a file is invalid, to word its errors.

Outside JSON data the predicate errs on the side of "invalid" where it looks (a tuple for an array, a
dict subclass, a non-string key in a map it checks), which sends the caller to jsonschema_rs: a
wrong "invalid" costs time, never a missed error.

The generated module is committed next to its consumer and a test checks that it matches its schema.
Regenerate after the schema changes::

    python -m vcvalues.core.schema_check

Supported keywords (draft-07): ``type``, ``enum`` (scalars), ``minimum``, ``maximum``, ``pattern``
(a regex subset that reads the same in Python and in Rust's regex crate), ``properties``,
``additionalProperties``, ``required``, ``items`` (one schema), ``anyOf``, ``allOf``, ``$ref`` to
``#/definitions/...``; annotations are ignored. Anything else raises UnsupportedSchemaError, so a
schema that outgrows the subset fails the generator instead of being checked loosely.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

__all__ = ["TARGETS", "UnsupportedSchemaError", "generate_module", "render_targets"]

# schema file -> generated module, relative to the repository root
TARGETS = {"vcvalues/legacy/schemas/typed-values.json": "vcvalues/core/_typed_values_check.py"}

_ANNOTATIONS = frozenset(
    {"$schema", "$comment", "$id", "title", "description", "default", "examples", "definitions"}
)
_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "minimum",
        "maximum",
        "pattern",
        "properties",
        "additionalProperties",
        "required",
        "items",
        "anyOf",
        "allOf",
        "$ref",
    }
)
_OBJECT_KEYWORDS = ("properties", "additionalProperties", "required")
_NUMBER = "(type({v}) is int or type({v}) is float and {v} - {v} == 0)"  # finite: inf - inf is nan
_TYPES = {
    "null": "{v} is None",
    "boolean": "({v} is True or {v} is False)",
    "string": "type({v}) is str",
    "integer": "(type({v}) is int or type({v}) is float and {v}.is_integer())",
    "number": _NUMBER,
    "object": "type({v}) is dict",
    "array": "type({v}) is list",
}
# a pattern is accepted when it uses only these pieces (literal characters, classes, groups,
# repetition, alternation, escaped punctuation), a leading ^ and a trailing $
_PATTERN_PIECE = re.compile(
    r"\\[.\\+*?()|\[\]{}^$/-]"  # escaped punctuation
    r"|\{[0-9]+(,[0-9]*)?\}"  # {n}, {n,}, {n,m}
    r"|[A-Za-z0-9 _:@#%&=,;'\"<>!~./+*?()|\[\]-]"  # literals, classes, groups, repetition, alternation
    r"|\^"
)


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword or a form the generator does not translate."""


class _Generator:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.definitions: dict[str, Any] = schema.get("definitions", {})
        self.lines: list[str] = []
        self.constants: list[str] = []
        self.defined: dict[str, str] = {}  # definition name -> function name
        self.functions: dict[str, str] = {}  # body -> function name (identical checks shared)
        self.named: dict[str, str] = {}  # constant text -> name
        self.count = 0

    def function(self, body: list[str]) -> str:
        text = "\n".join(f"    {line}" for line in body)
        if text not in self.functions:
            self.count += 1
            self.functions[text] = name = f"_f{self.count}"
            self.lines.extend(["", "", f"def {name}(v: Any) -> bool:", text])
        return self.functions[text]

    def constant(self, text: str) -> str:
        if text not in self.named:
            self.named[text] = name = f"_C{len(self.constants)}"
            self.constants.append(f"{name} = {text}")
        return self.named[text]

    def ref(self, target: str) -> str:
        prefix = "#/definitions/"
        if not target.startswith(prefix) or target[len(prefix) :] not in self.definitions:
            raise UnsupportedSchemaError(f"$ref {target!r}: only #/definitions/<name> of this schema")
        name = target[len(prefix) :]
        if name not in self.defined:
            self.count += 1
            self.defined[name] = function = f"_d{self.count}"
            expression = self.expression(self.definitions[name], "v")
            header = f"def {function}(v: Any) -> bool:  # {name}"
            self.lines.extend(["", "", header, f"    return {expression}"])
        return self.defined[name]

    def expression(self, node: Any, v: str) -> str:
        """A Python expression, true when the value named ``v`` is valid against ``node``."""
        if node is True or node == {}:
            return "True"
        if node is False:
            return "False"
        if not isinstance(node, dict):
            raise UnsupportedSchemaError(f"not a schema: {node!r}")
        if unknown := set(node) - _KEYWORDS - _ANNOTATIONS:
            raise UnsupportedSchemaError(f"unsupported keyword(s): {', '.join(sorted(unknown))}")
        if "$ref" in node:
            if set(node) & _KEYWORDS != {"$ref"}:
                raise UnsupportedSchemaError("$ref beside other keywords (draft-07 ignores them)")
            return f"{self.ref(node['$ref'])}({v})"
        parts = []
        # each keyword's check, for the type it applies to (None: nothing to check)
        bounds = "".join(
            f" and not {v} {operator} {_limit(node, keyword)!r}"
            for keyword, operator in (("minimum", "<"), ("maximum", ">"))
            if keyword in node
        )
        pattern = node.get("pattern")
        text = (
            f"{self.constant(f'_Matches({_python_pattern(pattern)!r})')}[{v}]"
            if pattern is not None
            else None
        )
        checker = self.object(node) if any(k in node for k in _OBJECT_KEYWORDS) else None
        loop = self.items(node["items"]) if "items" in node else None
        if "type" in node:
            # one branch per type, with the checks of that type folded in
            types = [node["type"]] if isinstance(node["type"], str) else list(node["type"])
            if not types or any(t not in _TYPES for t in types):
                raise UnsupportedSchemaError(f"type {node['type']!r}")
            own = {
                "string": f" and {text}" if text else "",
                "integer": bounds,
                "number": bounds,
                "object": f" and {checker}({v})" if checker else "",
                "array": f" and {loop}({v})" if loop else "",
            }
            parts.append("(" + " or ".join(_typed(t, v, own.get(t, "")) for t in types) + ")")
        else:  # each check applies to its own type, any other passes
            if bounds:
                parts.append(f"({_typed('number', v, bounds)} or not {_NUMBER.format(v=v)})")
            if text:
                parts.append(f"(type({v}) is not str or {text})")
            if checker:
                parts.append(f"(type({v}) is not dict or {checker}({v}))")
            if loop:
                parts.append(f"(type({v}) is not list or {loop}({v}))")
        if "enum" in node:
            parts.append(self.enum(node["enum"], v))
        for keyword, joiner in (("anyOf", " or "), ("allOf", " and ")):
            if keyword in node:
                branches = node[keyword]
                if not isinstance(branches, list) or not branches:
                    raise UnsupportedSchemaError(f"{keyword} must be a non-empty list")
                parts.append("(" + joiner.join(self.expression(b, v) for b in branches) + ")")
        return " and ".join(parts) or "True"

    def items(self, item: Any) -> str | None:
        """The name of a function checking every item of a list (None: nothing to check)."""
        if not isinstance(item, (dict, bool)):
            raise UnsupportedSchemaError("items as a list (tuple validation)")
        check = self.expression(item, "x")
        if check == "True":
            return None
        return self.function(["for x in v:", f"    if not ({check}):", "        return False", "return True"])

    def enum(self, options: Any, v: str) -> str:
        if not isinstance(options, list) or not options:
            raise UnsupportedSchemaError("enum must be a non-empty list")
        tests = []
        strings = [o for o in options if type(o) is str]
        if strings:
            tests.append(f"type({v}) is str and {v} in {self.constant(_frozenset(strings))}")
        for option in options:
            if option is None or type(option) is bool:
                tests.append(f"{v} is {option!r}")
            elif type(option) in (int, float) and math.isfinite(option):
                tests.append(f"({_NUMBER.format(v=v)} and {v} == {option!r})")
            elif type(option) is not str:
                raise UnsupportedSchemaError(f"enum value {option!r}: only strings, numbers, booleans, null")
        return "(" + " or ".join(tests) + ")"

    def object(self, node: dict[str, Any]) -> str | None:
        """The name of a function checking a map against the object keywords (None: nothing to check)."""
        properties: dict[str, Any] = node.get("properties", {})
        extra = node.get("additionalProperties", True)
        required: list[str] = node.get("required", [])
        if not isinstance(properties, dict) or not isinstance(required, list):
            raise UnsupportedSchemaError("properties must be a map, required a list")
        body = []
        names = _frozenset(properties)
        if extra is False:
            names = self.constant(names)
            body += [f"if not v.keys() <= {names}:", "    return False"]
        for key in required:
            body += [f"if {key!r} not in v:", "    return False"]
        for key, schema in properties.items():
            check = self.expression(schema, "x")
            if check != "True":
                body += [f"x = v.get({key!r}, _MISSING)", f"if x is not _MISSING and not ({check}):"]
                body += ["    return False"]
        if extra is not False:
            check = self.expression(extra, "x")
            if check != "True":
                known = f" and k not in {self.constant(names)}" if properties else ""
                body += [
                    "for k, x in v.items():",
                    f"    if type(k) is not str or{known} not ({check}):",
                    "        return False",
                ]
        return self.function([*body, "return True"]) if body else None


def _limit(node: dict[str, Any], keyword: str) -> int | float:
    limit = node[keyword]
    if type(limit) not in (int, float) or not math.isfinite(limit):
        raise UnsupportedSchemaError(f"{keyword} {limit!r}")
    return limit  # type: ignore[no-any-return]


def _typed(name: str, v: str, checks: str) -> str:
    """The test of type ``name`` with ``checks`` (`` and ...``) applied to the values of that type."""
    if name == "integer":
        return f"(type({v}) is int{checks} or type({v}) is float and {v}.is_integer(){checks})"
    if name == "number":
        return f"(type({v}) is int{checks} or type({v}) is float and {v} - {v} == 0{checks})"
    test = _TYPES[name].format(v=v)
    return f"({test}{checks})" if checks else test


def _frozenset(items: Any) -> str:
    """Source text of a frozenset of strings, in a stable order."""
    return "frozenset({" + ", ".join(repr(item) for item in sorted(items)) + "})" if items else "_EMPTY"


def _python_pattern(pattern: str) -> str:
    """``pattern`` for Python's ``re.search``: refused unless it reads the same as in Rust's regex crate.

    The one rewrite: a final ``$`` becomes ``\\Z`` (Python's ``$`` also matches before a final newline).
    """
    if not isinstance(pattern, str):
        raise UnsupportedSchemaError(f"pattern {pattern!r}")
    final = pattern.endswith("$") and not pattern.endswith(r"\$")
    body, end = (pattern[:-1], r"\Z") if final else (pattern, "")
    at = 0
    while at < len(body):
        piece = _PATTERN_PIECE.match(body, at)
        if piece is None or (piece.group() == "^" and at != 0):
            raise UnsupportedSchemaError(f"pattern {pattern!r}: {body[at:]!r} is outside the subset")
        at = piece.end()
    return body + end


def generate_module(schema: dict[str, Any], *, origin: str) -> str:
    """The text of a module defining ``is_valid(instance) -> bool`` for ``schema`` (read from ``origin``),
    and ``SCHEMA``, the schema itself as Python data (a lint reads it there: importing json costs ~3 ms).

    Raises:
        UnsupportedSchemaError: the schema uses something outside the supported subset.
    """
    import pprint

    generator = _Generator(schema)
    root = generator.expression(schema, "instance")
    data = pprint.pformat(schema, width=110, sort_dicts=False, underscore_numbers=False)
    head = [
        f'"""Generated by vcvalues.core.schema_check from {origin}: do not edit.',
        "",
        "Regenerate with ``python -m vcvalues.core.schema_check`` (a test fails until you do).",
        '"""',
        "",
        "# fmt: off",
        "# ruff: noqa",
        "from __future__ import annotations",
        "",
        "import re",
        "from typing import Any",
        "",
        '__all__ = ["SCHEMA", "is_valid"]',
        "",
        "_MISSING: Any = object()",
        "_EMPTY: frozenset[str] = frozenset()",
        "",
        "",
        "class _Matches(dict[str, bool]):",
        '    """text -> whether the pattern is found in it, searched once per text (a 170-line file checks',
        '    ~25 quantities, mostly the chart\'s defaults again: a dict lookup is ~20x faster than re)."""',
        "",
        "    def __init__(self, pattern: str) -> None:",
        "        super().__init__()",
        "        self.search = re.compile(pattern).search",
        "",
        "    def __missing__(self, text: str) -> bool:",
        "        if len(self) >= 4096:",
        "            self.clear()",
        "        found = self[text] = self.search(text) is not None",
        "        return found",
        "",
        "",
        *generator.constants,
    ]
    tail = [
        "",
        "",
        f"# {origin}, as Python data",
        f"SCHEMA: dict[str, Any] = {data}",
        "",
        "",
        "def is_valid(instance: Any) -> bool:",
        f'    """True when ``instance`` (JSON data) is valid against {origin}."""',
        f"    return {root}",
        "",
    ]
    return "\n".join(head + generator.lines + tail)


def render_targets(root: Path) -> dict[str, str]:
    """Every generated module: path relative to ``root`` -> text."""
    import json

    out = {}
    for schema_path, module_path in TARGETS.items():
        schema = json.loads((root / schema_path).read_text(encoding="utf-8"))
        out[module_path] = generate_module(schema, origin=schema_path)
    return out


if __name__ == "__main__":
    from vcvalues.core.atomic import write_atomic

    repository = Path(__file__).resolve().parent.parent.parent
    for relative, text in render_targets(repository).items():
        if write_atomic(repository / relative, text):
            print(f"wrote {relative}")
