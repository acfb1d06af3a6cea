"""The C YAML parser and the ruamel.yaml names a lint needs, without running ``ruamel/yaml/__init__.py``.

``import _ruamel_yaml`` imports the package ``ruamel.yaml`` first, whose ``__init__`` loads ``main``,
``cyaml``, ``loader``, ``dumper``, ``glob`` and ``typing``: about half of ruamel's import time, none of
it used by a lint (which reads the C parser's events). When ``ruamel.yaml`` is not imported yet, this
module puts a package module built from ruamel.yaml's own spec into ``sys.modules`` without executing
its ``__init__``, so ``_ruamel_yaml`` imports only the submodules it needs. That package completes
itself on the first attribute it lacks (``from ruamel.yaml import YAML`` in fix, convert, round-trip
writers): it then runs the real ``__init__`` in place, so one ``ruamel.yaml`` module serves both.
If anything about this fails (a ruamel version laid out differently), the partial imports are undone
and the plain import runs.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType

_PACKAGE = "ruamel.yaml"


def _complete_on_demand(package: ModuleType, spec: ModuleSpec) -> None:
    """Give ``package`` a module ``__getattr__`` that runs the real ``__init__`` once, then answers."""
    namespace = package.__dict__
    state = {"loading": False}

    def __getattr__(name: str) -> object:
        if state["loading"]:
            raise AttributeError(f"module {_PACKAGE!r} has no attribute {name!r}")
        state["loading"] = True
        del namespace["__getattr__"]
        assert spec.loader is not None  # checked by _import_lean
        spec.loader.exec_module(package)  # the package's real __init__, in place
        return getattr(package, name)

    namespace["__getattr__"] = __getattr__


def _import_lean() -> None:
    """Import ``_ruamel_yaml`` under a not-yet-initialised ``ruamel.yaml`` package (undone on failure)."""
    import importlib.util

    before = set(sys.modules)
    try:
        spec = importlib.util.find_spec(_PACKAGE)
        if spec is None or spec.loader is None or spec.submodule_search_locations is None:
            raise ImportError(f"{_PACKAGE} is not a package")
        package = importlib.util.module_from_spec(spec)
        _complete_on_demand(package, spec)
        sys.modules[_PACKAGE] = package
        setattr(sys.modules["ruamel"], "yaml", package)  # noqa: B010  # as the import system would
        import _ruamel_yaml  # noqa: F401
    except (ImportError, AttributeError):
        for name in set(sys.modules) - before:
            if name == _PACKAGE or name.startswith((_PACKAGE + ".", "_ruamel_yaml")):
                del sys.modules[name]
        ruamel = sys.modules.get("ruamel")
        if ruamel is not None and _PACKAGE not in sys.modules:
            ruamel.__dict__.pop("yaml", None)


if _PACKAGE not in sys.modules:
    _import_lean()

try:  # ruamel.yaml.clib: libyaml's C scanner and parser
    from _ruamel_yaml import CParser
except ImportError as exc:  # pragma: no cover - the dependency is declared; say what to install
    raise ImportError("vcvalues needs the C YAML parser: pip install 'ruamel.yaml.clib>=0.2.8'") from exc
# imported after the lean package is in place (E402)
from ruamel.yaml.error import MarkedYAMLError, YAMLError  # noqa: E402
from ruamel.yaml.events import (  # noqa: E402
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError  # noqa: E402

__all__ = [
    "AliasEvent",
    "CParser",
    "DocumentEndEvent",
    "DocumentStartEvent",
    "MappingEndEvent",
    "MappingStartEvent",
    "MarkedYAMLError",
    "ReaderError",
    "ScalarEvent",
    "SequenceEndEvent",
    "SequenceStartEvent",
    "StreamEndEvent",
    "YAMLError",
]
