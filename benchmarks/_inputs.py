"""Benchmark inputs, generated at run time (only the 170-line base file is committed).

- ``values-170.yaml``: a realistic isolated-mode values file for k3s 0.19.10 (committed);
- ``batch/values-NNNN.yaml``: copies of it with varied tenant names, quotas, sizes and replicas, so
  that nothing can be cached per content;
- ``values-1mb.yaml``: about 1 MB of values the chart reads, in the shapes a large file really has
  (annotation maps, quota entries, RBAC rules, env lists, tolerations, CIDR lists) — all valid, so
  every tool does its full work and none stops at a first error.
"""

from __future__ import annotations

from pathlib import Path

BASE = Path(__file__).resolve().parent / "values-170.yaml"
ONE_MB = 1_000_000


def variant(text: str, index: int) -> str:
    """The base file with numbers and names that differ per ``index`` (all still valid)."""
    tenant = f"tenant-{index:04d}"
    replacements = {
        "tenant-a": tenant,
        'cost-center: "4711"': f'cost-center: "{4000 + index}"',
        "requests.cpu: 8\n": f"requests.cpu: {2 + index % 14}\n",
        "limits.cpu: 16\n": f"limits.cpu: {16 + index % 16}\n",
        "requests.memory: 16Gi": f"requests.memory: {8 + index % 24}Gi",
        "count/pods: 50": f"count/pods: {20 + index % 80}",
        "size: 10Gi": f"size: {5 + index % 45}Gi",
        "replicas: 2": f"replicas: {1 + index % 3}",
        "cpu: 20m": f"cpu: {10 + index % 90}m",
        "- 169.254.169.254/32": f"- 169.254.{index % 250}.0/24",
    }
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"benchmark base file lost the line {old!r}")
        text = text.replace(old, new, 1)
    return text


def write_batch(directory: Path, count: int) -> list[Path]:
    """``count`` varied copies of the base file."""
    directory.mkdir(parents=True, exist_ok=True)
    base = BASE.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = directory / f"values-{index:04d}.yaml"
        text = variant(base, index)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def big_values_text(target_bytes: int = ONE_MB) -> str:
    """A valid values file of about ``target_bytes``: the base file with large sections grown in."""
    one, two = (len(_big_values(scale).encode()) for scale in (1, 2))
    return _big_values(max(1, round((target_bytes - one) / (two - one)) + 1))


def _big_values(scale: int) -> str:
    base = BASE.read_text(encoding="utf-8")
    sections = {
        # free-form maps and lists
        "podLabels:\n": "".join(f"  example.com/label-{i:05d}: value-{i}\n" for i in range(60 * scale)),
        "tolerations:\n": "".join(
            f"  - key: example.com/taint-{i}\n    operator: Equal\n    value: v{i}\n    effect: NoSchedule\n"
            for i in range(20 * scale)
        ),
        # typed: each entry is checked as a Kubernetes quantity
        "      count/persistentvolumeclaims: 20\n": "".join(
            f"      count/widgets{i}.group{i % 97}.example.com: {i % 1000}\n" for i in range(30 * scale)
        ),
        "  env:\n": "".join(f'    - name: SETTING_{i}\n      value: "{i}"\n' for i in range(30 * scale)),
        "        except:\n": "".join(
            f"          - 10.{i // 250 % 250}.{i % 250}.0/24\n" for i in range(20 * scale)
        ),
    }
    for anchor, grown in sections.items():
        if anchor not in base:
            raise ValueError(f"benchmark base file lost the line {anchor!r}")
        at = base.index(anchor) + len(anchor)
        base = base[:at] + grown + base[at:]
    rules = "".join(
        f"      - apiGroups: [group{i}.example.com]\n"
        f"        resources: [widgets{i}, widgets{i}/status]\n"
        f"        verbs: [get, list, watch]\n"
        for i in range(40 * scale)
    )
    manifests = "".join(
        f"    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: config-{i}\n    data:\n"
        f"      key: value-{i}\n    ---\n"
        for i in range(10 * scale)
    )
    return f"{base}\nrbac:\n  clusterRole:\n    create: true\n    extraRules:\n{rules}" + (
        f"\ninit:\n  manifests: |-\n{manifests}"
    )


def write_big(directory: Path, target_bytes: int = ONE_MB) -> Path:
    """The ~1 MB values file."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "values-1mb.yaml"
    text = big_values_text(target_bytes)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
