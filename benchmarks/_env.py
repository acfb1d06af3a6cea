"""The benchmark's own virtual environment: vcvalues installed as users get it, not editable.

Timing the development venv would measure the wrong thing: its install is editable (an import
finder costing ~12 ms per process, modules read from the source tree) and, with
``PYTHONDONTWRITEBYTECODE=1`` set on the developers' machines, no module of ours ever has a .pyc,
so every process compiles them again. Here the package is built from the working tree and installed
with ``pip install .`` (pip compiles .pyc at install), together with check-jsonschema, and every
measured process runs with PYTHONDONTWRITEBYTECODE removed from its environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(__file__).resolve().parent / ".venv"
_STAMP = VENV / "vcvalues-source.sha256"
# check-jsonschema: the comparison; pyyaml: libyaml's C loader for floor.py; setuptools/wheel: builds vcvalues
_TOOLS = ("check-jsonschema", "pyyaml", "setuptools>=68", "wheel")
# Variables that would change what a measured process imports or whether it writes .pyc.
_DROPPED = ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONPROFILEIMPORTTIME")


def clean_env() -> dict[str, str]:
    """The environment of every measured process."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env["PYTHONHASHSEED"] = "0"
    return env


def bin_path(name: str) -> str:
    """A program of the benchmark venv."""
    return str(VENV / "bin" / name)


def _source_digest() -> str:
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in (ROOT / "vcvalues").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in {".py", ".json", ".yaml", ".typed"}
    )
    digest.update(repr(_TOOLS).encode())
    for path in [ROOT / "pyproject.toml", *files]:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _pip(*args: str) -> None:
    command = [bin_path("python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=clean_env(), cwd=ROOT, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


def ensure_venv(*, reinstall: bool = True, log: object = print) -> dict[str, str]:
    """Create the venv if needed; reinstall vcvalues when its sources changed. Returns versions."""
    if not (VENV / "bin" / "python").exists():
        log(f"creating {VENV} (once) ...")  # type: ignore[operator]
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = _source_digest()
    if reinstall and (not _STAMP.exists() or _STAMP.read_text() != digest):
        log("installing vcvalues from the working tree (pip install ., not editable) ...")  # type: ignore[operator]
        _pip(*_TOOLS)
        _pip("--no-build-isolation", "--force-reinstall", "--no-deps", str(ROOT))
        _pip(str(ROOT))  # dependencies, if pyproject.toml gained any
        _STAMP.write_text(digest)
    return check_install()


_CHECK = r"""
import importlib.util, json, sys
from importlib.metadata import version
import _ruamel_yaml, vcvalues, vcvalues.core._yaml_events as events
import vcvalues.legacy.compile, vcvalues.legacy.validate
from ruamel.yaml import YAML
import jsonschema_rs, yaml
assert yaml.__with_libyaml__, "PyYAML without libyaml: the floor would not be C"
assert events.CParser is _ruamel_yaml.CParser, "vcvalues does not read YAML with the C parser"
# check-jsonschema reads YAML with ruamel's typ="safe", pure=False: C only when ruamel.yaml.clib loads
peer_c = YAML(typ="safe", pure=False).Parser is _ruamel_yaml.CParser
site = vcvalues.__file__
assert "site-packages" in site and not site.startswith(sys.argv[1]), site
missing = [m.__name__ for m in list(sys.modules.values())
           if (m.__name__ or "").startswith("vcvalues") and getattr(m, "__file__", None)
           and m.__file__.endswith(".py")
           and not __import__("os").path.exists(importlib.util.cache_from_source(m.__file__))]
assert not missing, f"no .pyc for {missing}"
print(json.dumps({p: version(p) for p in
      ("vcvalues", "ruamel.yaml", "ruamel.yaml.clib", "jsonschema-rs", "check-jsonschema", "jsonschema",
       "pyyaml")}
      | {"vcvalues_at": site, "python": sys.version.split()[0], "peer_c_parser": str(peer_c)}))
"""


def check_install() -> dict[str, str]:
    """Assert the C YAML path is taken, the package is the installed one and has .pyc; versions.

    Also records (``peer_c_parser``) whether check-jsonschema's YAML reader gets the C parser.
    """
    out = subprocess.run(
        [bin_path("python"), "-c", _CHECK, str(ROOT / "vcvalues")],
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd="/",
    )
    versions: dict[str, str] = json.loads(out.stdout)
    return versions


DEV_VENV = ROOT / ".venv"
_DEV_CHECK = r"""
import importlib.util, json, os, pathlib, sys, vcvalues
editable = not any(part in ("site-packages", "dist-packages") for part in vcvalues.__file__.split(os.sep))
sources = list(pathlib.Path(vcvalues.__file__).parent.rglob("*.py"))
def current(source):  # a .pyc python would use: there, and not older than its source
    cached = pathlib.Path(importlib.util.cache_from_source(str(source)))
    return cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime
stale = sum(not current(source) for source in sources)
print(json.dumps({"editable": editable, "pyc": stale == 0, "modules": len(sources), "without_pyc": stale}))
"""


def dev_venv_env() -> dict[str, str]:
    """The environment a developer's shell gives the development venv (bytecode off if it is off here)."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED or k == "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = "0"
    return env


def dev_install() -> dict[str, object] | None:
    """How the development venv (``.venv`` at the root) holds vcvalues: editable? .pyc? None if absent."""
    python = DEV_VENV / "bin" / "python"
    if not python.exists():
        return None
    done = subprocess.run(
        [str(python), "-c", _DEV_CHECK],
        capture_output=True,
        text=True,
        env=dev_venv_env(),
        cwd="/",
        check=False,
    )
    if done.returncode:
        return None
    facts: dict[str, object] = json.loads(done.stdout)
    facts["dont_write_bytecode"] = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    return facts


def timing_warning(python: str) -> str | None:
    """A warning when ``python`` is not the benchmark venv's, or runs vcvalues without bytecode.

    For the scripts a developer may run with whatever python is at hand (``profile_cold.py``): the
    development venv is an editable install and, with PYTHONDONTWRITEBYTECODE=1, compiles every
    module of vcvalues again in each process, so its timings are not what users get.
    """
    problems = []
    if os.path.realpath(os.path.dirname(python)) != os.path.realpath(
        VENV / "bin"
    ):  # not the symlink's target
        problems.append(f"{python} is not the benchmark venv's python ({bin_path('python')})")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        problems.append(
            "PYTHONDONTWRITEBYTECODE is set: modules without a .pyc are compiled in every process"
        )
    if not problems:
        return None
    return (
        "warning: timings from this run do not describe an installed vcvalues: "
        + "; ".join(problems)
        + ". Run `python3 benchmarks/run.py` (it installs with bytecode into benchmarks/.venv)."
    )
